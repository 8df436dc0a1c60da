/* fc-file-name.h — what a file's name says about it, for the batch command
 * and the add-in alike (both pair and stage files by name).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The lower-cased extension of path's file name when it is short and plain
 * ("xlsx"), else "" — none, a leading dot only, or odd characters
 * (transfer full). */
char *fc_file_name_plain_extension (const char *path);

G_END_DECLS
