/* fc-amount.h — reading an amount out of a cell, as docs/domain.md describes it:
 * blank, "-", "——" mean 0; numeric text is a number; anything else where an
 * amount belongs is an input problem, never a silent 0.
 */
#pragma once

#include "fc-workbook.h"

G_BEGIN_DECLS

/* No 万元 figure of a department comes near this; beyond it a cell holds
 * something else (an ID number, a typo), and sums stay finite. */
#define FC_AMOUNT_LIMIT 1e12

typedef enum {
  FC_AMOUNT_VALUE,   /* a number was written (a rounded figure) */
  FC_AMOUNT_BLANK,   /* empty, "-", "——" …: means 0, not a rounded figure */
  FC_AMOUNT_INVALID  /* text, an error value, or a number beyond FC_AMOUNT_LIMIT */
} FcAmountKind;

/* Reads cell as an amount into *value (0 unless FC_AMOUNT_VALUE). */
FcAmountKind fc_amount_read (const FcCell *cell, double *value);

/* Parses numeric text such as "634.38", " 1,234.50 ", "－16.28", "(16.28)"
 * (a negative as accountants write it), "１２" (full-width forms are folded).  Returns FALSE unless the whole text is a
 * finite number. */
gboolean fc_amount_parse_text (const char *text, double *value);

/* An amount as every report writes it: rounded to 2 decimals, '.' whatever
 * the locale, never "-0.00" ("634.38", "-0.10"; "inf", "nan" for what is
 * not finite) (transfer full). */
char *fc_amount_format (double value);

/* TRUE for the texts that stand for "nothing here": "", "-", "——", "—", "－". */
gboolean fc_amount_text_is_blank (const char *text);

G_END_DECLS
