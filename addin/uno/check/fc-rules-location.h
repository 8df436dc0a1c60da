/* fc-rules-location.h — where the rules the office checks with are: the
 * shipped ones inside the installed extension, and the user's own folder.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the shipped rules are: <extension>/rules/standard.rules, the
 * library being <extension>/<platform>/fiscalcheck.so (transfer full), or
 * NULL with an error. */
char *fc_rules_location_shipped (GError **error);

/* Where users keep their own *.rules files: $FISCALCHECK_RULES_DIR, else
 * ~/.config/fiscalcheck/rules.d (transfer full).  Read once per office
 * process, with the shipped rules. */
char *fc_rules_location_user_dir (void);

G_END_DECLS
