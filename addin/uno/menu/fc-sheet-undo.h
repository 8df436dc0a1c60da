/* fc-sheet-undo.h — appending and removing a sheet, and changing an
 * annotation's text in place, with our own XUndoAction rather than Calc's.
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
 *
 * An annotation: Calc's only undoable way to change a comment's text
 * (XSheetAnnotations.insertNew, ScDocFunc::ReplaceNote) gives it a new
 * author and date; XSimpleText.setString on the annotation keeps both
 * but records no undo (ScAnnotationEditSource::UpdateData: "//! Undo
 * !!!").  Our action sets the previous or the new text in place again.
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

/* Sets the text of the existing annotation at row/col of the sheet called
 * name in place (it keeps its author and date) and records one undo
 * action whose undo puts the previous text back, whose redo this text
 * (when the document has an undo manager).  Nothing happens, and nothing
 * is recorded, when the text is already that. */
gboolean fc_sheet_undo_annotation (uno_Interface *document, const char *name, guint row,
                                   guint col, const char *text, GError **error);

G_END_DECLS
