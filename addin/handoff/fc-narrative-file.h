/* fc-narrative-file.h — a separate narrative document (情况说明) as the
 * batch command hands it to the export filter: a key file beside the
 * staged workbook, "<workbook without extension>.narrative", holding the
 * document's name and either its text (converted to UTF-8 by the office)
 * or why it could not be read.
 *
 * The batch command writes it, the filter reads it; nothing else does.
 */
#pragma once

#include <glib.h>

#include "fc-narrative.h"

G_BEGIN_DECLS

/* "<dir>/<stem>.narrative" for workbook "<dir>/<stem>.<ext>" (transfer full). */
char *fc_narrative_file_path (const char *workbook);

/* Writes the key file for workbook: document is the name findings give
 * (the user's file name), then exactly one of text (UTF-8, length −1:
 * NUL-terminated) and failure (why it could not be read).  The file is
 * written with mode 0600. */
gboolean fc_narrative_file_write (const char *workbook, const char *document, const char *text,
                                  gssize length, const char *failure, GError **error);

/* The narrative staged beside workbook: NULL without error when there is
 * none; an unreadable narrative (fc_narrative_get_unreadable) when the key
 * file says so or the document holds no text (an empty document would
 * silently stand in for the workbook's own narrative); G_KEY_FILE_ERROR / G_FILE_ERROR when the key file itself
 * is broken (transfer full). */
FcNarrative *fc_narrative_file_read (const char *workbook, GError **error);

G_END_DECLS
