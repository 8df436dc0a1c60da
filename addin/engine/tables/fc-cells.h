/* fc-cells.h — what a cell of a table holds, as recognition reads it: a
 * normalised text, an integer (行次, 栏次), a 科目代码 or a part of one, an
 * amount or a blank.  Every cell may hold anything: these never fail.
 */
#pragma once

#include "fc-workbook.h"

G_BEGIN_DECLS

/* The cell's text normalised (fc_text_normalize); "" unless text
 * (transfer full). */
char *fc_cells_norm (const FcSheet *sheet, guint row, guint col);

/* An integer written as a number or as text ("27"); FALSE otherwise. */
gboolean fc_cells_integer (const FcSheet *sheet, guint row, guint col, gint64 *out);

/* Blank as an amount: empty, "-", "——" … */
gboolean fc_cells_is_blank (const FcSheet *sheet, guint row, guint col);

/* A written amount: a number, or numeric text. */
gboolean fc_cells_is_amount (const FcSheet *sheet, guint row, guint col);

/* Text that is neither blank nor a number. */
gboolean fc_cells_has_text (const FcSheet *sheet, guint row, guint col);

/* A 科目代码 (3, 5 or 7 digits) written as a number or as text (transfer
 * full), or NULL.  With rest, a text such as "201 一般公共服务支出" also
 * counts, and *rest is set to the name as written (transfer full). */
char *fc_cells_code (const FcSheet *sheet, guint row, guint col, char **rest);

/* The digits of a 类/款/项 part cell (transfer full), or NULL when blank or
 * not digits.  A part holding only its own digits is zero-padded to width
 * ("6" → "06"); one holding a whole code ("20805") is returned as it is. */
char *fc_cells_code_part (const FcSheet *sheet, guint row, int col, guint width);

G_END_DECLS
