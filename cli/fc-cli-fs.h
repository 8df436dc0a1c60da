/* fc-cli-fs.h — file-system helpers the command's modules share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* rm -rf path, never following symlinks; a missing path is fine. */
gboolean fc_cli_remove_tree (const char *path, GError **error);

/* "device:inode" of the file at path, the same for every name of one file
 * (./a, a, /d//a, a link), or NULL when it cannot be stat'ed (transfer full). */
char *fc_cli_file_identity (const char *path);

G_END_DECLS
