/* fc-cli-profile.h — the cached LibreOffice profiles the command runs
 * soffice with, one per concurrent office process.
 *
 * A profile is a numbered slot under the cache directory, locked (flock)
 * while in use so two commands never share one office profile.  A slot
 * keeps the .oxt it was installed from; when the .oxt changes, the slot is
 * wiped and the extension installed again.
 */
#pragma once

#include <glib.h>

#include "fc-cli-user.h"

G_BEGIN_DECLS

typedef struct _FcCliProfile FcCliProfile;

/* $FISCALCHECK_CACHE_DIR, else /var/cache/fiscalcheck as root (the office
 * user must reach it; root's home is private), else
 * $XDG_CACHE_HOME/fiscalcheck (transfer full). */
char *fc_cli_profile_cache_dir (const FcCliUser *user);

/* Locks n free slots and makes sure each has oxt installed (running
 * the unopkg program as the office user).
 * Returns a GPtrArray of FcCliProfile* that unlocks them when freed
 * (transfer full). */
GPtrArray *fc_cli_profiles_acquire (const FcCliUser *user, const char *cache_dir,
                                    const char *oxt, const char *unopkg, guint n,
                                    GError **error);

/* "file:///…" for -env:UserInstallation (transfer none). */
const char *fc_cli_profile_get_url (const FcCliProfile *profile);
/* A directory for HOME and TMPDIR, owned by the office user (transfer none). */
const char *fc_cli_profile_get_home (const FcCliProfile *profile);

void fc_cli_profile_free (FcCliProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcCliProfile, fc_cli_profile_free)

G_END_DECLS
