/* fc-table.h — finding the disclosure tables in a workbook, and locating
 * their cells by row key (行次, 科目代码, label) and column key (栏次),
 * never by absolute position.  What the tables are called and how they are
 * laid out comes from the catalogue (fc-catalogue.h); the header is read by
 * fc-layout.c, the rows keyed by fc-row-keys.c.
 */
#pragma once

#include "fc-catalogue.h"
#include "fc-table-row.h"
#include "fc-text.h"
#include "fc-workbook.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;       /* "01" … "10", borrowed from the catalogue */
  const FcTableDef *def; /* borrowed from the catalogue */
  char *title;          /* as written */
  guint title_row, title_col;
  char *number_label;   /* the 表号 as written ("公开09表"), or NULL */
  guint number_row, number_col; /* where the 表号 is, when there is one */
  const FcSheet *sheet; /* transfer none: borrowed from the workbook */
  guint first_row, last_row, first_col, last_col;
  char *department;     /* 部门名称 / 单位名称 as written (no label), or NULL */
  guint department_row, department_col;
  char *year;           /* "2023" from "2023年度", or NULL */
  guint year_row, year_col;
  char *unit;           /* the unit the table states ("元"), or NULL: 万元 */
  double unit_scale;    /* one of that unit in 万元 (1 for 万元) */
  guint unit_row, unit_col;
  GPtrArray *rows;          /* of FcTableRow*, owned, top to bottom */
  GPtrArray *column_labels; /* of char*: header text of 栏次 n at index n */
  GHashTable *by_code;      /* code → GPtrArray of its FcTableRow*, for lookups */
  gboolean has_header;      /* a 栏次 or header row was found under the title */
  gboolean lines_inferred;  /* no 行次 column: lines come from the labels, and
                             * rows without amounts may be left out */
  GPtrArray *problems;      /* of char*: zh, en, zh, en … what recognition
                             * could not understand (said once per table) */
} FcTable;

void fc_table_free (FcTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcTable, fc_table_free)

/* Recognises every disclosure table of the workbook, by title first and by
 * 表号 second.  Returns an array of FcTable* that owns them, in sheet order
 * (transfer full).  The tables borrow the workbook's sheets and the
 * catalogue: free them first. */
GPtrArray *fc_table_recognize (const FcCatalogue *catalogue, const FcWorkbook *workbook);

/* The first table with that id, or NULL (transfer none). */
const FcTable *fc_table_lookup (GPtrArray *tables, const char *id);

/* Row lookups; column (栏次) narrows to rows that have that column, e.g. the
 * income-side 总计 of 01 (栏1) versus the expenditure side (栏2); 0 = any.
 * All return NULL when nothing matches (transfer none). */
const FcTableRow *fc_table_find_line (const FcTable *table, int line, guint column);
const FcTableRow *fc_table_find_code (const FcTable *table, const char *code, guint column);
const FcTableRow *fc_table_find_label (const FcTable *table, const char *label, guint column);

/* Header text of 栏次 number ("" when unknown; transfer none). */
const char *fc_table_column_label (const FcTable *table, guint number);

/* "本年收入合计 (行27)", "201 一般公共服务支出", "合计" (transfer full). */
char *fc_table_row_describe (const FcTableRow *row);

G_END_DECLS
