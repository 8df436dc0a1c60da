/* fc-filter-options.h — the export filter's FilterOptions: what the batch
 * command asks of the filter, as one string on soffice's command line
 *
 *   soffice --headless --convert-to 'fcjson:FiscalCheck Report:OPTIONS' …
 *
 * written by cli/ (fc_filter_options_encode) and read by the filter
 * (fc_filter_options_decode).  Pure GLib, no UNO: compiled into the add-in,
 * the batch command and the unit tests, which check the round trip.
 *
 * OPTIONS are ';'-separated key=value pairs, each value URI-escaped (so a
 * value holds only unreserved ASCII and '%': ':', ';', '=', ',', spaces and
 * any UTF-8 survive):
 *   rules=FILE      an extra rule file read after the shipped ones (repeatable)
 *   only=SCOPE      a table or rule id, as FISCALCHECK's Scope
 *   marked=DIR      also mark the document as Validate does and store the
 *                   copy in DIR
 *   narratives=0|1  1: each document's narrative (情况说明) as a separate
 *                   document is staged beside it (fc-narrative-file.h), and is
 *                   checked instead of one in the workbook; 0 when absent
 *   user-rules=0|1  whether the user's own rules (~/.config/fiscalcheck/
 *                   rules.d) count; 1 when absent, as in the office
 * Unknown keys are ignored (an older filter meeting a newer caller).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char **rules;        /* NULL-terminated, maybe empty; NULL counts as empty */
  char *only;          /* NULL when absent */
  char *marked_dir;    /* NULL when absent */
  gboolean narratives; /* a narrative is staged beside each document */
  gboolean user_rules; /* the user's own rules count */
} FcFilterOptions;

/* Frees what options holds and zeroes it. */
void fc_filter_options_clear (FcFilterOptions *options);

/* options as FilterOptions text; empty or NULL members are left out,
 * user-rules is always written (transfer full). */
char *fc_filter_options_encode (const FcFilterOptions *options);

/* FilterOptions text (NULL: none) into options, which the caller clears
 * after, also on failure; the last of repeated single keys wins.  A value
 * that is not valid escaped UTF-8, or a user-rules other than 0 or 1, is
 * FC_ERROR_READ. */
gboolean fc_filter_options_decode (const char *text, FcFilterOptions *options,
                                   GError **error);

G_END_DECLS
