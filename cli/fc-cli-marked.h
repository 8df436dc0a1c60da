/* fc-cli-marked.h — `--marked-dir DIR`: the marked copies the export
 * filter stored in the stage (its "marked" member) are copied into DIR
 * under the user's names, and each entry is rewritten to name its copy.
 *
 * A copy is named like its input (x.xlsx → DIR/x.xlsx; formats that cannot
 * keep marks become x.ods); a name taken by an earlier input of the same
 * run, or by an input file itself, gets a suffix (x-2.xlsx).  Copies left
 * by an earlier run are replaced.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates dir (and its parents) unless it exists. */
gboolean fc_cli_marked_prepare (const char *dir, GError **error);

/* The user's name for the copy of input path, which the filter stored as
 * staged: the input's own name when the format was kept, else its stem
 * with the copy's extension (transfer full). */
char *fc_cli_marked_copy_name (const char *path, const char *staged);

/* For each item (FcCliItem*) whose entry has "marked", copies that file to
 * dir and sets "marked" to the copy's path; paths[i] is how the user named
 * items[i].  A copy that cannot be written turns into "marked_error". */
void fc_cli_marked_collect (GPtrArray *items, const char *const *paths, const char *dir);

G_END_DECLS
