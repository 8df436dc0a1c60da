/* fc-narrative-doc.h — a narrative document (情况说明) beside its workbook,
 * as both the batch command and the office find and read it: which file
 * it is, whether the office must turn it into text, and the text of a
 * .txt in the encodings Chinese offices write.
 *
 * A narrative is a separate document beside its workbook with the same
 * name: 2023决算.xlsx and 2023决算.docx (.doc, .odt, .txt).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A narrative is tens of kilobytes; a document this big is no narrative. */
#define FC_NARRATIVE_DOC_MAX_BYTES (32 << 20)

/* Whether path is a narrative document by its extension (.docx .doc .odt
 * .fodt .rtf .txt, any case). */
gboolean fc_narrative_doc_is_document (const char *path);

/* Whether the document needs the office to become text (all but .txt). */
gboolean fc_narrative_doc_needs_office (const char *path);

/* path without the extension of its file name, as written (transfer full). */
char *fc_narrative_doc_stem (const char *path);

/* The narrative document beside workbook: same folder and name, the first
 * of .docx, .doc, .odt, .txt (lower or upper case) that is a regular file;
 * NULL when there is none (transfer full). */
char *fc_narrative_doc_find_beside (const char *workbook);

/* Why the file at path is no document to read (transfer full, zh-CN / en-US),
 * or NULL: it must be a regular file (a FIFO or a device would block or
 * never end) of at most FC_NARRATIVE_DOC_MAX_BYTES. */
char *fc_narrative_doc_unfit (const char *path);

/* The text of a .txt as UTF-8: UTF-16 with BOM; else UTF-8 (with or
 * without BOM), its few stray bytes repaired (a © in cp1252, a character cut
 * at the end); else GB18030 (what Chinese Windows writes as "ANSI").  NULs
 * are dropped.  NULL with G_CONVERT_ERROR when it is none of these
 * (transfer full). */
char *fc_narrative_doc_decode (const char *data, gsize length, GError **error);

/* Why a text could not be decoded, for the one warning (zh-CN / en-US). */
#define FC_NARRATIVE_DOC_NOT_TEXT "不是 UTF-8、UTF-16 或 GB18030 文本 / not UTF-8, UTF-16 or GB18030 text"

/* The text of the text file at path (a .txt, or the office's plain-text
 * export of a document), decoded: the text (transfer full), or NULL with
 * *failure (transfer full) saying why in zh-CN / en-US. */
char *fc_narrative_doc_read_text (const char *path, char **failure);

G_END_DECLS
