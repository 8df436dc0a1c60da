/* fc-calc.h — the few Calc operations the menu commands need, over the
 * binary-UNO helpers of fc-uno.h: sheets by name, cells by position, cell
 * properties, annotations, protection, bulk writes and the selection.
 *
 * "document" is any interface of a Calc document model; "sheet" an
 * XSpreadsheet (or any interface of a sheet); "cell" any interface of a
 * single cell.  Every function reports UNO failures as FC_UNO_ERROR.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* Sheets */

/* The names of all sheets in tab order (transfer full: g_strfreev). */
char **fc_calc_sheet_names (uno_Interface *document, GError **error);
/* The sheet called name, or NULL; NULL without an error when there is no
 * such sheet (transfer full). */
uno_Interface *fc_calc_sheet (uno_Interface *document, const char *name, GError **error);
/* The 0-based position of the sheet called name, -1 when there is none
 * (or on error, which is then set). */
gint fc_calc_sheet_position (uno_Interface *document, const char *name, GError **error);
/* Inserts a new empty sheet called name at position (transfer full). */
uno_Interface *fc_calc_sheet_insert (uno_Interface *document, const char *name, gint position,
                                     GError **error);
/* Appends a new empty sheet called name (transfer full). */
uno_Interface *fc_calc_sheet_append (uno_Interface *document, const char *name, GError **error);
/* Removes the sheet called name; TRUE when there was none. */
gboolean fc_calc_sheet_remove (uno_Interface *document, const char *name, GError **error);
/* Whether obj (a sheet, or a document for its structure) is protected
 * (com.sun.star.util.XProtectable). */
gboolean fc_calc_is_protected (uno_Interface *obj, gboolean *is_protected, GError **error);

/* Whether some cell's formula contains text, ignoring case, on any sheet:
 * Calc's own search (XSearchable.findFirst) over the formula cells
 * (queryContentCells), which stops at the first hit. */
gboolean fc_calc_find_in_formulas (uno_Interface *document, const char *text, gboolean *found,
                                   GError **error);

/* Cells */

/* The cell at 0-based row/col of sheet (transfer full: an XCell). */
uno_Interface *fc_calc_cell (uno_Interface *sheet, guint row, guint col, GError **error);
gboolean fc_calc_set_formula (uno_Interface *cell, const char *formula, GError **error);

/* The cell range row/col .. +n_rows-1/+n_cols-1 of sheet (transfer full). */
uno_Interface *fc_calc_range (uno_Interface *sheet, guint row, guint col, guint n_rows,
                              guint n_cols, GError **error);

/* Properties (com.sun.star.beans.XPropertySet / XPropertyState) */

gboolean fc_calc_get_long (uno_Interface *obj, const char *name, sal_Int32 *value,
                           GError **error);
gboolean fc_calc_get_bool (uno_Interface *obj, const char *name, gboolean *value,
                           GError **error);
/* A string property (transfer full), or NULL with an error. */
char *fc_calc_get_string (uno_Interface *obj, const char *name, GError **error);
gboolean fc_calc_set_string (uno_Interface *obj, const char *name, const char *value,
                             GError **error);
gboolean fc_calc_set_long (uno_Interface *obj, const char *name, sal_Int32 value,
                           GError **error);
gboolean fc_calc_set_short (uno_Interface *obj, const char *name, sal_Int16 value,
                            GError **error);
gboolean fc_calc_set_float (uno_Interface *obj, const char *name, float value, GError **error);
/* The key of number format code ("#,##0.00") in document, added when it
 * has none yet; −1 with an error. */
gint32 fc_calc_number_format (uno_Interface *document, const char *code, GError **error);
gboolean fc_calc_set_bool (uno_Interface *obj, const char *name, gboolean value,
                           GError **error);
/* TRUE in *direct when the property is set on obj itself, not inherited
 * from a style or default. */
gboolean fc_calc_is_direct (uno_Interface *obj, const char *name, gboolean *direct,
                            GError **error);
/* Drops the direct value so the style's value shows again. */
gboolean fc_calc_set_default (uno_Interface *obj, const char *name, GError **error);

/* Annotations (cell comments) */

/* The text of the cell's annotation, "" when it has none (transfer full). */
char *fc_calc_annotation (uno_Interface *cell, GError **error);
/* Gives the cell at row/col of sheet the annotation text, replacing any. */
gboolean fc_calc_set_annotation (uno_Interface *sheet, guint row, guint col,
                                 const char *text, GError **error);
gboolean fc_calc_remove_annotation (uno_Interface *cell, GError **error);
/* Changes the text of the cell's existing annotation in place: it keeps
 * its author and date (ScAnnotationEditSource::UpdateData sets the
 * caption's text only), but Calc records no undo action for it
 * ("//! Undo !!!" there) — see fc_sheet_undo_annotation. */
gboolean fc_calc_set_annotation_text (uno_Interface *cell, const char *text, GError **error);

/* Bulk values */

/* A block of values to write with one setDataArray call. */
typedef struct {
  guint n_rows, n_cols;
  uno_Any *cells; /* row-major, constructed ("" until set) */
} FcCalcGrid;

/* A new grid of empty cells (transfer full: fc_calc_grid_free). */
FcCalcGrid *fc_calc_grid_new (guint n_rows, guint n_cols);
void fc_calc_grid_free (FcCalcGrid *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcCalcGrid, fc_calc_grid_free)
/* Setters ignore positions outside the grid; text is copied. */
void fc_calc_grid_set_text (FcCalcGrid *grid, guint row, guint col, const char *utf8);
void fc_calc_grid_set_number (FcCalcGrid *grid, guint row, guint col, double value);
/* Writes the grid to sheet with its top-left cell at row/col; text stays
 * text (nothing is parsed as a formula or a number). */
gboolean fc_calc_grid_write (const FcCalcGrid *grid, uno_Interface *sheet, guint row,
                             guint col, GError **error);
/* Reads the used area of sheet from A1 (transfer full: fc_calc_grid_free). */
FcCalcGrid *fc_calc_grid_read (uno_Interface *sheet, GError **error);
/* A text cell of the grid, or NULL (transfer full). */
char *fc_calc_grid_get_text (const FcCalcGrid *grid, guint row, guint col);
/* A number cell of the grid, or fallback. */
double fc_calc_grid_get_number (const FcCalcGrid *grid, guint row, guint col, double fallback);

/* Frames, views and selection */

/* The document model shown in frame (an XFrame) (transfer full: XModel). */
uno_Interface *fc_calc_frame_model (uno_Interface *frame, GError **error);
/* Selects the cell at row/col of the named sheet in frame's view. */
gboolean fc_calc_select_cell (uno_Interface *frame, uno_Interface *document,
                              const char *sheet_name, guint row, guint col, GError **error);
/* The top-left cell of the view's selection: sheet index, row and col.
 * FALSE without an error when the selection is not a cell range. */
gboolean fc_calc_selection (uno_Interface *frame, gint *sheet, gint *row, gint *col,
                            GError **error);

G_END_DECLS
