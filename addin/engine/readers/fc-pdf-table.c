/* fc-pdf-table.c — a table's segments into its sheet's rows (see
 * fc-pdf-table.h). */
#include "fc-pdf-table.h"

#include <string.h>

static void
cells_free (gpointer data)
{
  FcPdfCell *cells = data;

  for (guint c = 0; cells[c].page != G_MAXUINT; c++)
    g_free (cells[c].text);
  g_free (cells);
}

void
fc_pdf_sheet_free (FcPdfSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_ptr_array_unref (sheet->rows);
  g_free (sheet->problem);
  g_free (sheet->problem_en);
  g_free (sheet);
}

/* A new empty row (the extra cell, page G_MAXUINT, ends it). */
static FcPdfCell *
add_row (FcPdfSheet *sheet)
{
  FcPdfCell *cells = g_new0 (FcPdfCell, sheet->n_cols + 1);

  cells[sheet->n_cols].page = G_MAXUINT;
  g_ptr_array_add (sheet->rows, cells);
  return cells;
}

static void
set (FcPdfCell *cell, const char *text, guint page)
{
  g_free (cell->text);
  cell->text = g_strdup (text);
  cell->page = page;
}

static void
fail (FcPdfSheet *sheet, guint page, const char *zh, const char *en)
{
  if (sheet->problem != NULL)
    return;
  sheet->problem = g_strdup (zh);
  sheet->problem_en = g_strdup (en);
  sheet->problem_page = page;
}

/* A grid row's texts joined: to know a repeated header row (transfer full). */
static char *
row_text (const FcPdfGrid *grid, guint row)
{
  GString *s = g_string_new (NULL);

  for (guint c = 0; c < grid->n_cols; c++)
    {
      const FcPdfCell *cell = fc_pdf_grid_cell (grid, row, c);
      if (cell->text != NULL)
        g_string_append_printf (s, "%s\x1f", cell->text);
    }
  return g_string_free (s, FALSE);
}

/* Whether column c of grid holds amounts (not codes) below its header. */
static gboolean
holds_amounts (const FcPdfGrid *grid, guint c)
{
  for (guint r = grid->n_header_rows; r < grid->n_rows; r++)
    {
      const char *t = fc_pdf_grid_cell (grid, r, c)->text;
      if (t != NULL && fc_pdf_text_is_number (t) && !fc_pdf_text_is_code (t))
        return TRUE;
    }
  return FALSE;
}

/* The right edge of column c's amounts, the cell's edge: the same on every
 * page of a table continued downwards. */
static double
amounts_right (const FcPdfGrid *grid, guint c)
{
  double right = -G_MAXDOUBLE;

  for (guint r = 0; r < grid->n_rows; r++)
    {
      const FcPdfCell *cell = fc_pdf_grid_cell (grid, r, c);
      if (cell->text != NULL && fc_pdf_text_is_number (cell->text) && !fc_pdf_text_is_code (cell->text))
        right = MAX (right, cell->x1);
    }
  return right;
}

/* Where each column of grid goes among base's columns (transfer full), or
 * NULL when they do not line up: by place, each column over exactly one of
 * base's, and a column of amounts ending where one of base's ends — a
 * sheet split across pages sideways (Calc) puts other columns in the same
 * places, and must not be joined as if it went on downwards. */
static guint *
map_columns (const FcPdfGrid *base, const FcPdfGrid *grid)
{
  g_autofree guint *map = g_new (guint, MAX (grid->n_cols, 1));

  for (guint j = 0; j < grid->n_cols; j++)
    {
      guint hits = 0;

      for (guint c = 0; c < base->n_cols; c++)
        if (MIN (base->col_x1[c], grid->col_x1[j]) - MAX (base->col_x0[c], grid->col_x0[j]) > 0)
          map[j] = c, hits++;
      if (hits != 1)
        return NULL;
      if (holds_amounts (grid, j)
          && (!holds_amounts (base, map[j])
              || ABS (amounts_right (grid, j) - amounts_right (base, map[j])) > 1.5))
        return NULL;
    }
  return g_steal_pointer (&map);
}

/* Appends grid's rows under the sheet's, columns through map; a header
 * row that repeats one of base's is left out. */
static void
append_grid (FcPdfSheet *sheet, const FcPdfGrid *base, const FcPdfGrid *grid, const guint *map,
             gboolean first)
{
  g_autoptr (GHashTable) header = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < base->n_header_rows; r++)
    g_hash_table_add (header, row_text (base, r));
  for (guint r = 0; r < grid->n_rows; r++)
    {
      FcPdfCell *row;

      if (!first && r < grid->n_header_rows)
        {
          g_autofree char *text = row_text (grid, r);
          if (g_hash_table_contains (header, text))
            continue;
        }
      row = add_row (sheet);
      if (first && r == grid->n_header_rows)
        sheet->first_data = sheet->rows->len - 1;
      for (guint c = 0; c < grid->n_cols; c++)
        {
          const FcPdfCell *cell = fc_pdf_grid_cell (grid, r, c);
          FcPdfCell *target = &row[map[c]];

          if (cell->text == NULL)
            continue;
          if (target->text != NULL)
            {
              g_autofree char *zh = g_strdup_printf ("第%u页：“%s”与“%s”落在同一格", cell->page,
                                                     target->text, cell->text);
              g_autofree char *en = g_strdup_printf ("page %u: “%s” and “%s” fall into one cell",
                                                     cell->page, target->text, cell->text);
              fail (sheet, cell->page, zh, en);
              continue;
            }
          set (target, cell->text, cell->page);
        }
    }
}

FcPdfSheet *
fc_pdf_table_rebuild (const FcPdfTable *table)
{
  FcPdfSheet *sheet = g_new0 (FcPdfSheet, 1);
  g_autoptr (GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_grid_free);
  const FcPdfGrid *base = NULL;
  FcPdfCell *row;

  sheet->rows = g_ptr_array_new_with_free_func (cells_free);
  for (guint s = 0; s < table->segments->len; s++)
    {
      GPtrArray *lines = table->segments->pdata[s];
      if (lines->len > 0)
        g_ptr_array_add (grids, fc_pdf_grid_build (lines));
    }
  base = grids->len > 0 ? grids->pdata[0] : NULL;
  sheet->n_cols = base != NULL ? MAX (base->n_cols, 1) : 1;
  if (table->number != NULL)
    set (&add_row (sheet)[0], table->number, table->page);
  set (&add_row (sheet)[0], table->title, table->page);
  for (guint i = 0; i < table->head->len; i++)
    {
      const FcPdfLine *line = table->head->pdata[i];
      FcPdfCell *cells = add_row (sheet);

      /* 部门名称 left, 年度 in the middle, as printed: one cell each */
      for (guint k = 0; k < line->fragments->len && k < sheet->n_cols; k++)
        {
          const FcPdfFragment *f = line->fragments->pdata[k];
          guint c = line->fragments->len == 1 ? 0 : k * (sheet->n_cols - 1) / MAX (line->fragments->len - 1, 1);
          if (cells[c].text == NULL && !(table->unit != NULL && strcmp (f->text, table->unit) == 0))
            set (&cells[c], f->text, f->page);
        }
    }
  if (table->unit != NULL)
    set (&add_row (sheet)[sheet->n_cols - 1], table->unit, table->page);
  sheet->first_data = sheet->rows->len;
  for (guint s = 0; s < grids->len; s++)
    {
      const FcPdfGrid *grid = grids->pdata[s];
      g_autofree guint *map = s == 0 ? NULL : map_columns (base, grid);
      guint page = grid->n_rows > 0 ? fc_pdf_grid_cell (grid, 0, 0)->page : table->page;

      for (guint c = 0; page == 0 && c < grid->n_cols * grid->n_rows; c++)
        page = grid->cells[c].page;
      if (s == 0)
        fc_pdf_grid_check_header ((FcPdfGrid *) grid);
      if (grid->problem != NULL)
        fail (sheet, page, grid->problem, grid->problem_en);
      if (s == 0)
        {
          g_autofree guint *identity = g_new (guint, MAX (grid->n_cols, 1));
          for (guint c = 0; c < grid->n_cols; c++)
            identity[c] = c;
          append_grid (sheet, base, grid, identity, TRUE);
        }
      else if (map == NULL)
        {
          g_autofree char *zh = g_strdup_printf ("第%u页续表的%u列与首页的%u列对不上", page,
                                                 grid->n_cols, base->n_cols);
          g_autofree char *en = g_strdup_printf ("the %u columns continued on page %u do not line "
                                                 "up with the first page's %u", grid->n_cols, page,
                                                 base->n_cols);
          fail (sheet, page, zh, en);
        }
      else
        append_grid (sheet, base, grid, map, FALSE);
    }
  for (guint i = 0; i < table->notes->len; i++)
    {
      const FcPdfLine *line = table->notes->pdata[i];
      g_autofree char *text = fc_pdf_line_text (line);
      FcPdfCell *last = sheet->rows->pdata[sheet->rows->len - 1];

      /* a note wrapped onto the next line goes on in the same cell */
      if (i > 0 && !g_str_has_prefix (text, "注") && !g_str_has_prefix (text, "说明")
          && last[0].text != NULL)
        {
          char *joined = fc_pdf_text_join (last[0].text, text);
          g_free (last[0].text);
          last[0].text = joined;
          continue;
        }
      row = add_row (sheet);
      set (&row[0], text, line->page);
    }
  return sheet;
}
