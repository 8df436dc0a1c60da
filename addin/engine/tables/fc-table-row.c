/* fc-table-row.c — keyed rows of a table (see fc-table-row.h). */
#include "fc-table-row.h"

#include "fc-text.h"

void
fc_table_row_free (FcTableRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->label);
  g_free (row->display);
  g_array_unref (row->cols);
  g_free (row);
}

FcTableRow *
fc_table_row_new (guint sheet_row, int line, const char *code, const char *display)
{
  FcTableRow *r = g_new0 (FcTableRow, 1);
  r->row = sheet_row;
  r->line = line;
  r->printed_line = line;
  r->code = g_strdup (code);
  r->display = g_strstrip (g_strdup (display ? display : ""));
  r->label = fc_text_normalize (r->display);
  r->cols = g_array_new (FALSE, FALSE, sizeof (int));
  return r;
}

void
fc_table_row_set_column (FcTableRow *r, guint number, int col)
{
  int none = -1;
  while (r->cols->len <= number)
    g_array_append_val (r->cols, none);
  g_array_index (r->cols, int, number) = col;
}

int
fc_table_row_column (const FcTableRow *row, guint number)
{
  if (row == NULL || number >= row->cols->len)
    return -1;
  return g_array_index (row->cols, int, number);
}
