/* fc-cli-user.c — running office processes as nobody when root (see fc-cli-user.h). */
#include "fc-cli-user.h"

#include <errno.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fc-cli-error.h"

gboolean
fc_cli_user_init (FcCliUser *user, GError **error)
{
  const struct passwd *nobody;

  memset (user, 0, sizeof *user);
  user->uid = geteuid ();
  user->gid = getegid ();
  if (user->uid != 0)
    return TRUE;
  nobody = getpwnam ("nobody");
  if (nobody == NULL)
    {
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_OFFICE,
                   "以 root 运行需要 nobody 用户 / running as root needs a user named nobody");
      return FALSE;
    }
  user->drop = TRUE;
  user->uid = nobody->pw_uid;
  user->gid = nobody->pw_gid;
  return TRUE;
}

void
fc_cli_user_add_prefix (const FcCliUser *user, GPtrArray *argv)
{
  if (!user->drop)
    return;
  g_ptr_array_add (argv, g_strdup ("setpriv"));
  g_ptr_array_add (argv, g_strdup_printf ("--reuid=%u", (unsigned) user->uid));
  g_ptr_array_add (argv, g_strdup_printf ("--regid=%u", (unsigned) user->gid));
  g_ptr_array_add (argv, g_strdup ("--clear-groups"));
}

gboolean
fc_cli_user_give (const FcCliUser *user, const char *path, GError **error)
{
  if (!user->drop)
    return TRUE;
  if (lchown (path, user->uid, user->gid) != 0)
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "chown %s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
fc_cli_user_copy (const FcCliUser *user, const char *src, const char *dest, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (src, &data, &length, error))
    return FALSE;
  /* 0600 then chown: never readable by others, even for a moment */
  return g_file_set_contents_full (dest, data, (gssize) length, G_FILE_SET_CONTENTS_NONE,
                                   0600, error)
         && fc_cli_user_give (user, dest, error);
}

gboolean
fc_cli_user_mkdir (const FcCliUser *user, const char *path, GError **error)
{
  if (g_mkdir (path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "mkdir %s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  return fc_cli_user_give (user, path, error);
}
