/* fc-workbook.c — the in-memory workbook model: named sheets of dense,
 * row-major cell grids.
 */
#include "fc-workbook.h"

#include <math.h>
#include <string.h>

struct _FcSheet {
  char *name;
  guint n_rows, n_cols;
  FcCell *cells; /* n_rows × n_cols, row-major; NULL when the sheet is empty */
};

struct _FcWorkbook {
  GPtrArray *sheets; /* of FcSheet*, owned */
};

/* Returned for positions outside a sheet; never written to. */
static const FcCell empty_cell = { FC_CELL_EMPTY, 0.0, NULL };

static void
fc_sheet_free (FcSheet *sheet)
{
  if (sheet == NULL)
    return;
  if (sheet->cells != NULL)
    {
      gsize n = (gsize) sheet->n_rows * sheet->n_cols;
      for (gsize i = 0; i < n; i++)
        g_free (sheet->cells[i].text);
      g_free (sheet->cells);
    }
  g_free (sheet->name);
  g_free (sheet);
}

/* Returns a new empty workbook (transfer full). */
FcWorkbook *
fc_workbook_new (void)
{
  FcWorkbook *workbook = g_new0 (FcWorkbook, 1);
  workbook->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_sheet_free);
  return workbook;
}

void
fc_workbook_free (FcWorkbook *workbook)
{
  if (workbook == NULL)
    return;
  g_ptr_array_unref (workbook->sheets);
  g_free (workbook);
}

guint
fc_workbook_remove_sheets (FcWorkbook *workbook, const char *name)
{
  guint removed = 0;

  for (guint i = workbook->sheets->len; name != NULL && i-- > 0;)
    if (strcmp (((FcSheet *) workbook->sheets->pdata[i])->name, name) == 0)
      {
        g_ptr_array_remove_index (workbook->sheets, i);
        removed++;
      }
  return removed;
}

/* Returns the new sheet (transfer none), or NULL — leaving the workbook
 * unchanged — when n_rows × n_cols exceeds FC_SHEET_MAX_CELLS or the grid
 * cannot be allocated.  A 0-row or 0-column sheet is valid and holds no
 * cells. */
FcSheet *
fc_workbook_add_sheet (FcWorkbook *workbook, const char *name,
                       guint n_rows, guint n_cols)
{
  g_return_val_if_fail (workbook != NULL, NULL);

  /* guint × guint always fits in 64 bits; the cap keeps it sane. */
  guint64 n_cells = (guint64) n_rows * n_cols;
  if (n_cells > FC_SHEET_MAX_CELLS)
    return NULL;

  FcCell *cells = NULL;
  if (n_cells > 0)
    {
      cells = g_try_new0 (FcCell, (gsize) n_cells);
      if (cells == NULL)
        return NULL;
    }

  FcSheet *sheet = g_new0 (FcSheet, 1);
  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->n_rows = n_rows;
  sheet->n_cols = n_cols;
  sheet->cells = cells;
  g_ptr_array_add (workbook->sheets, sheet);
  return sheet;
}

guint
fc_workbook_get_n_sheets (const FcWorkbook *workbook)
{
  g_return_val_if_fail (workbook != NULL, 0);
  return workbook->sheets->len;
}

/* transfer none; NULL when index is out of range */
FcSheet *
fc_workbook_get_sheet (const FcWorkbook *workbook, guint index)
{
  g_return_val_if_fail (workbook != NULL, NULL);
  if (index >= workbook->sheets->len)
    return NULL;
  return g_ptr_array_index (workbook->sheets, index);
}

/* transfer none */
const char *
fc_sheet_get_name (const FcSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  return sheet->name;
}

guint
fc_sheet_get_n_rows (const FcSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->n_rows;
}

guint
fc_sheet_get_n_cols (const FcSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->n_cols;
}

/* The writable cell at (row, col), or NULL outside the sheet. */
static FcCell *
sheet_cell (FcSheet *sheet, guint row, guint col)
{
  if (sheet == NULL || row >= sheet->n_rows || col >= sheet->n_cols)
    return NULL;
  return &sheet->cells[(gsize) row * sheet->n_cols + col];
}

static void
cell_reset (FcCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
  cell->kind = FC_CELL_EMPTY;
  cell->number = 0.0;
}

void
fc_sheet_set_number (FcSheet *sheet, guint row, guint col, double value)
{
  FcCell *cell = sheet_cell (sheet, row, col);
  if (cell == NULL)
    return;
  cell_reset (cell);
  cell->kind = FC_CELL_NUMBER;
  cell->number = value;
}

/* NULL text stores an empty string, so text cells never hold NULL. */
void
fc_sheet_set_text (FcSheet *sheet, guint row, guint col, const char *utf8)
{
  FcCell *cell = sheet_cell (sheet, row, col);
  if (cell == NULL)
    return;
  char *copy = g_strdup (utf8 != NULL ? utf8 : ""); /* before reset: utf8 may alias */
  cell_reset (cell);
  cell->kind = FC_CELL_TEXT;
  cell->text = copy;
}

void
fc_sheet_set_error (FcSheet *sheet, guint row, guint col, const char *what)
{
  FcCell *cell = sheet_cell (sheet, row, col);
  if (cell == NULL)
    return;
  char *copy = g_strdup (what != NULL ? what : "");
  cell_reset (cell);
  cell->kind = FC_CELL_ERROR;
  cell->text = copy;
}

void
fc_sheet_clear_cell (FcSheet *sheet, guint row, guint col)
{
  FcCell *cell = sheet_cell (sheet, row, col);
  if (cell != NULL)
    cell_reset (cell);
}

/* Never NULL: outside the sheet it returns a shared empty cell (transfer none). */
const FcCell *
fc_sheet_get_cell (const FcSheet *sheet, guint row, guint col)
{
  if (sheet == NULL || row >= sheet->n_rows || col >= sheet->n_cols)
    return &empty_cell;
  return &sheet->cells[(gsize) row * sheet->n_cols + col];
}

/* Whole cents (amounts) print with at most two decimals and no float noise
 * ("12.3", "100"); anything else with %.15g, which round-trips what a
 * person typed. */
static char *
number_to_display (double value)
{
  if (isfinite (value) && fabs (value) < 1e13)
    {
      double cents = round (value * 100.0);
      if (fabs (value * 100.0 - cents) <= 1e-6)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          if (cents == 0.0)
            return g_strdup ("0"); /* also turns -0 into 0 */
          g_ascii_formatd (buf, sizeof buf, "%.2f", cents / 100.0);
          /* Drop trailing zeros, then a trailing point. */
          char *end = buf + strlen (buf);
          while (end > buf && end[-1] == '0')
            *--end = '\0';
          if (end > buf && end[-1] == '.')
            *--end = '\0';
          return g_strdup (buf);
        }
    }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

/* The text of a cell as a person reads it (transfer full). */
char *
fc_cell_to_display (const FcCell *cell)
{
  if (cell == NULL)
    return g_strdup ("");
  switch (cell->kind)
    {
    case FC_CELL_NUMBER:
      return number_to_display (cell->number);
    case FC_CELL_TEXT:
    case FC_CELL_ERROR:
      return g_strdup (cell->text != NULL ? cell->text : "");
    case FC_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

/* "C12"-style address of a 0-based position (transfer full).  Columns use
 * bijective base 26: A … Z, AA … AZ, … XFD and beyond. */
char *
fc_cell_address (guint row, guint col)
{
  char letters[8]; /* G_MAXUINT needs 7 letters */
  int i = (int) sizeof letters;
  guint64 n = (guint64) col + 1;

  letters[--i] = '\0';
  while (n > 0)
    {
      n -= 1;
      letters[--i] = (char) ('A' + n % 26);
      n /= 26;
    }
  /* the row's digits after the letters, without printf: a finding gives
   * every cell it names an address */
  char digits[24];
  int k = (int) sizeof digits;
  guint64 r = (guint64) row + 1;
  digits[--k] = '\0';
  do
    {
      digits[--k] = (char) ('0' + r % 10);
      r /= 10;
    }
  while (r > 0);
  return g_strconcat (letters + i, digits + k, NULL);
}
