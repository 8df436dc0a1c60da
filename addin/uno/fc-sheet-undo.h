/* fc-sheet-undo.h — appending a sheet whose insertion is undone by our own
 * XUndoAction rather than Calc's.
 *
 * Why: LibreOffice 7.4 undoes a sheet insertion (ScUndoInsertTab) through
 * the *active* view shell, unchecked: with no active view — a headless
 * office, a document loaded hidden, a macro working on a background
 * document — one Ctrl+Z / XUndoManager.undo() after Validate crashed
 * soffice, and with another document active it would act on that one.  Our
 * action removes and re-adds the sheet through the document's own API.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* Appends a new empty sheet called name to document, hidden unless
 * visible, and records one undo action for it (when the document has an
 * undo manager).  Returns the sheet (transfer full), or NULL. */
uno_Interface *fc_sheet_undo_append (uno_Interface *document, const char *name,
                                     gboolean visible, GError **error);

G_END_DECLS
