/* fc-row-keys.h — turning a table's data rows into keyed rows (internal to
 * recognition), one strategy per way tables key their rows: by 行次 or the
 * labels standing for them (01, 04, 10), by 科目代码 in one column or split
 * over 类 | 款 | 项 (02, 03, 05, 07, 08), by side-by-side code blocks (06),
 * or plainly numbered (09).
 */
#pragma once

#include "fc-layout.h"
#include "fc-table-row.h"

G_BEGIN_DECLS

/* Each appends the keyed rows it finds under the layout's header to rows
 * (of FcTableRow*, owned by rows).  *lines_inferred: no 行次 column, so the
 * lines come from the labels (or from the order the rows were found). */
void fc_row_keys_by_line (const FcLayout *layout, GPtrArray *rows, gboolean *lines_inferred);
void fc_row_keys_by_code (const FcLayout *layout, GPtrArray *rows);
void fc_row_keys_by_code_blocks (const FcLayout *layout, GPtrArray *rows);
void fc_row_keys_plain (const FcLayout *layout, GPtrArray *rows, gboolean *lines_inferred);

G_END_DECLS
