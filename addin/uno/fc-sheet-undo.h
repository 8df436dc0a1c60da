/* fc-sheet-undo.h — appending and removing a sheet with our own XUndoAction
 * rather than Calc's.
 *
 * Why: LibreOffice 7.4 undoes a sheet insertion (ScUndoInsertTab) and
 * redoes a sheet removal (ScUndoDeleteTab) through the *active* view
 * shell, unchecked: with no active view — a headless
 * office, a document loaded hidden, a macro working on a background
 * document — one Ctrl+Z / XUndoManager.undo() after Validate, or one
 * redo after a second Validate or after Clear marks (which remove our
 * sheets), crashed soffice, and with another document active it would act
 * on that one.  Our actions remove and re-add the sheet through the
 * document's own API.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* Appends a new empty sheet called name to document, hidden unless
 * visible, and records one undo action for it (when the document has an
 * undo manager).  Returns the sheet (transfer full), or NULL. */
uno_Interface *fc_sheet_undo_append (uno_Interface *document, const char *name,
                                     gboolean visible, GError **error);

/* Removes the sheet called name from document: empties it through Calc's
 * own recorded actions (contents, formats, column widths, visibility),
 * then removes it with our action, whose undo puts back an empty sheet at
 * the same position for Calc's undo to fill.  TRUE when there was no such
 * sheet. */
gboolean fc_sheet_undo_remove (uno_Interface *document, const char *name, GError **error);

G_END_DECLS
