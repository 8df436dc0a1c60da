/* fc-cli-fs.c — file-system helpers (see fc-cli-fs.h). */
#define _XOPEN_SOURCE 700 /* nftw */
#include "fc-cli-fs.h"

#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fc-cli-error.h"

static int
remove_entry (const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
  (void) st;
  (void) flag;
  (void) ftw;
  return remove (path) == 0 || errno == ENOENT ? 0 : -1;
}

gboolean
fc_cli_remove_tree (const char *path, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return TRUE;
  if (nftw (path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "cannot remove %s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

char *
fc_cli_file_identity (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino);
}
