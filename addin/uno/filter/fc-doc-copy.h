/* fc-doc-copy.h — opening an editable copy of a document and writing it to a
 * file in the format its name asks for (XStorable.storeToURL), for batch
 * runs that keep a marked copy of each workbook (fiscalcheck check
 * --marked-dir).
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* The file name for a copy of the document at path (transfer full) and
 * LibreOffice's export filter to write it with (*filter, transfer none):
 * the name of path itself for .ods, .fods, .xlsx and .xls; anything else
 * (.csv, .xlsm, none …) becomes <stem>.ods, a format that keeps marks. */
char *fc_doc_copy_copy_name (const char *path, const char **filter);

/* Opens the file of document (any interface of a model) once more, hidden
 * and editable, through the desktop that shows document: documents loaded
 * by `soffice --convert-to` are read-only, so Calc refuses to mark them
 * (transfer full: close with fc_doc_copy_close). */
uno_Interface *fc_doc_copy_open_editable (uno_Interface *document, GError **error);

/* Closes a document fc_doc_copy_open_editable opened and drops the reference
 * (NULL-safe). */
void fc_doc_copy_close (uno_Interface *document);

/* Stores a copy of document (any interface of a model) at path with the
 * given filter (e.g. "calc8"), replacing what is there.  The document keeps
 * its own location and modified state. */
gboolean fc_doc_copy_copy (uno_Interface *document, const char *path, const char *filter,
                        GError **error);

G_END_DECLS
