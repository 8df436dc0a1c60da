/* fc-table-row.h — one keyed row of a recognised table: its 行次, 科目代码
 * or label, and the sheet column of each 栏次.  Recognition makes them
 * (fc-row-keys.c), tables hold them (fc-table.h), rules read them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One keyed row of a table.  A sheet row can hold several keyed rows: 01 and
 * 04 put income and expenditure side by side, 06 four code blocks. */
typedef struct {
  int line;        /* 行次 of the standard form, or -1 */
  int printed_line; /* 行次 as printed, or -1 */
  char *code;      /* 科目代码 (3, 5 or 7 digits), or NULL */
  char *label;     /* normalised label (no spaces, no enumeration), "" if none */
  char *display;   /* the label as written, for reports */
  guint row;       /* 0-based sheet row */
  GArray *cols;    /* of int: sheet column of 栏次 n at index n; -1 = absent */
} FcTableRow;

/* A keyed row (transfer full), and its disposal. */
FcTableRow *fc_table_row_new (guint sheet_row, int line, const char *code, const char *display);
void fc_table_row_free (FcTableRow *row);
void fc_table_row_set_column (FcTableRow *row, guint number, int col);

/* Sheet column of 栏次 number in row, or -1. */
int fc_table_row_column (const FcTableRow *row, guint number);

G_END_DECLS
