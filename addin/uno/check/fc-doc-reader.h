/* fc-doc-reader.h — reads an open spreadsheet document into the engine's
 * FcWorkbook (values only).  Shared by the add-in function, the export
 * filter and the menu command.
 */
#pragma once

#include "fc-uno.h"
#include "fc-workbook.h"

G_BEGIN_DECLS

/* Sheets larger than this are clamped (Calc's own limits), and a sheet is
 * cut to FC_DOC_MAX_CELLS cells so that a stray far-away cell cannot make us
 * allocate gigabytes. */
#define FC_DOC_MAX_ROWS  1048576
#define FC_DOC_MAX_COLS  16384
#define FC_DOC_MAX_CELLS (4 * 1024 * 1024)

/* Reads every sheet of document (any interface of a Calc document model:
 * XModel, XPropertySet, XSpreadsheetDocument …).  Numbers become numbers,
 * strings text, empty cells empty, anything else an error cell.  Returns
 * NULL with an FC_UNO_ERROR when the document cannot be read (transfer
 * full). */
FcWorkbook *fc_doc_read_workbook (uno_Interface *document, GError **error);

G_END_DECLS
