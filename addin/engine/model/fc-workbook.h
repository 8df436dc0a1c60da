/* fc-workbook.h — the engine's model of a spreadsheet workbook.
 *
 * A workbook is an ordered list of named sheets; a sheet is a dense grid of
 * cells (row-major, 0-based rows and columns).  The model holds values only:
 * whatever reads a document (UNO glue, flat-ODS reader, tests) fills it, and
 * the rules read it.  No UNO in here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FC_CELL_EMPTY = 0,
  FC_CELL_NUMBER,
  FC_CELL_TEXT,
  FC_CELL_ERROR /* a formula error or a value the reader could not represent */
} FcCellKind;

typedef struct {
  FcCellKind kind;
  double number; /* FC_CELL_NUMBER only */
  char *text;    /* UTF-8, owned by the sheet; FC_CELL_TEXT and FC_CELL_ERROR */
} FcCell;

typedef struct _FcSheet FcSheet;
typedef struct _FcWorkbook FcWorkbook;

/* Returns a new empty workbook (transfer full). */
FcWorkbook *fc_workbook_new (void);
void fc_workbook_free (FcWorkbook *workbook);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcWorkbook, fc_workbook_free)

/* The largest grid fc_workbook_add_sheet() accepts (n_rows × n_cols). */
#define FC_SHEET_MAX_CELLS (G_GUINT64_CONSTANT (1) << 24)

/* Appends a sheet of n_rows × n_cols empty cells.  The sheet belongs to the
 * workbook (transfer none).  Returns NULL and leaves the workbook unchanged
 * when the grid exceeds FC_SHEET_MAX_CELLS or cannot be allocated. */
FcSheet *fc_workbook_add_sheet (FcWorkbook *workbook, const char *name,
                                guint n_rows, guint n_cols);
guint fc_workbook_get_n_sheets (const FcWorkbook *workbook);
/* transfer none; NULL when index is out of range */
FcSheet *fc_workbook_get_sheet (const FcWorkbook *workbook, guint index);
/* Removes (and frees) every sheet called name; the number removed. */
guint fc_workbook_remove_sheets (FcWorkbook *workbook, const char *name);

const char *fc_sheet_get_name (const FcSheet *sheet);
guint fc_sheet_get_n_rows (const FcSheet *sheet);
guint fc_sheet_get_n_cols (const FcSheet *sheet);

/* Setters ignore positions outside the sheet.  Text is copied. */
void fc_sheet_set_number (FcSheet *sheet, guint row, guint col, double value);
void fc_sheet_set_text (FcSheet *sheet, guint row, guint col, const char *utf8);
void fc_sheet_set_error (FcSheet *sheet, guint row, guint col, const char *what);
void fc_sheet_clear_cell (FcSheet *sheet, guint row, guint col);

/* Never NULL: outside the sheet it returns a shared empty cell (transfer none). */
const FcCell *fc_sheet_get_cell (const FcSheet *sheet, guint row, guint col);

/* The text of a cell as a person reads it: text as is, numbers that are
 * whole cents with at most 2 decimals ("12.5", "100"), other numbers with
 * %.15g, empty as "" (transfer full). */
char *fc_cell_to_display (const FcCell *cell);

/* "C12"-style address of a 0-based position (transfer full). */
char *fc_cell_address (guint row, guint col);

G_END_DECLS
