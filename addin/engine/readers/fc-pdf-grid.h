/* fc-pdf-grid.h — the lines of one table on one page as a grid of cells.
 *
 * Columns come from where the data is printed (the x extents of the body's
 * fragments, merged where they overlap); rows from lines, a cell's wrapped
 * text joined into it and an amount printed a little above or below its
 * row's code and name moved into that row.  What cannot be placed without
 * guessing (two amounts in one cell) makes the grid unsure: the caller
 * then says so instead of feeding the rules numbers that may be wrong.
 * Internal to the PDF reader (fc-pdf.h).
 */
#pragma once

#include <glib.h>

#include "fc-pdf-text.h"

G_BEGIN_DECLS

typedef struct {
  char *text;   /* the cell's text, wrapped lines joined (owned); NULL = empty */
  guint page;   /* where it is printed */
  double x0, x1; /* its extent on the page */
} FcPdfCell;

typedef struct {
  guint n_rows, n_cols;
  FcPdfCell *cells;        /* n_rows × n_cols, row-major */
  double *col_x0, *col_x1; /* each column's extent on the page */
  guint n_header_rows;     /* rows before the first row of data */
  char *problem;           /* why the grid is not sure (zh-CN), or NULL (owned) */
  char *problem_en;
} FcPdfGrid;

/* Builds the grid of lines (of FcPdfLine*, borrowed: the table's lines on
 * one page, without its title, unit and notes) (transfer full). */
FcPdfGrid *fc_pdf_grid_build (GPtrArray *lines);
void fc_pdf_grid_free (FcPdfGrid *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPdfGrid, fc_pdf_grid_free)

/* Makes the grid unsure when a column of amounts has no heading above it
 * (its header words stand over another column): for a table's first page,
 * whose header names its columns. */
void fc_pdf_grid_check_header (FcPdfGrid *grid);

/* The cell at row, col (transfer none). */
FcPdfCell *fc_pdf_grid_cell (const FcPdfGrid *grid, guint row, guint col);

G_END_DECLS
