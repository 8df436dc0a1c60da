/* fc-cli-user.h — who the office processes run as.
 *
 * unopkg refuses a private profile when run as root, so as root every
 * office process runs as nobody (setpriv) and the files it touches are
 * handed to nobody first.  Otherwise everything runs as the caller.
 */
#pragma once

#include <sys/types.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gboolean drop;  /* TRUE: we are root and run the office as nobody */
  uid_t uid;
  gid_t gid;
} FcCliUser;

/* Fills user for this process; FALSE when we are root and there is no
 * nobody user to switch to. */
gboolean fc_cli_user_init (FcCliUser *user, GError **error);

/* Appends the command prefix that switches to the office user (nothing
 * when no switch is needed) to argv (of char*, the array owns copies). */
void fc_cli_user_add_prefix (const FcCliUser *user, GPtrArray *argv);

/* Makes path belong to the office user (a no-op when we stay ourselves). */
gboolean fc_cli_user_give (const FcCliUser *user, const char *path, GError **error);

/* Copies src (read as ourselves) to a new file dest that only the office
 * user can read: how inputs nobody may not read reach the office.  The
 * error of a src that cannot be read is G_FILE_ERROR. */
gboolean fc_cli_user_copy (const FcCliUser *user, const char *src, const char *dest,
                           GError **error);

/* Creates directory path (mode 0700) for the office user. */
gboolean fc_cli_user_mkdir (const FcCliUser *user, const char *path, GError **error);

G_END_DECLS
