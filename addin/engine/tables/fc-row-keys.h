/* fc-row-keys.h — turning a table's data rows into keyed rows (internal to
 * recognition), one strategy per way tables key their rows: by 行次 or the
 * labels standing for them (01, 04, 10), by 科目代码 in one column or split
 * over 类 | 款 | 项 (02, 03, 05, 07, 08), by side-by-side code blocks (06),
 * or plainly numbered (09).
 */
#pragma once

#include "fc-layout.h"
#include "fc-table.h"

G_BEGIN_DECLS

/* Each appends the rows it finds under the layout's header to table->rows. */
void fc_row_keys_by_line (const FcLayout *layout, FcTable *table);
void fc_row_keys_by_code (const FcLayout *layout, FcTable *table);
void fc_row_keys_by_code_blocks (const FcLayout *layout, FcTable *table);
void fc_row_keys_plain (const FcLayout *layout, FcTable *table);

/* A keyed row (transfer full), and its disposal. */
FcTableRow *fc_table_row_new (guint sheet_row, int line, const char *code, const char *display);
void fc_table_row_free (FcTableRow *row);
void fc_table_row_set_column (FcTableRow *row, guint number, int col);

G_END_DECLS
