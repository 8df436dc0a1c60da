/* fc-amount.c — amounts in cells. */
#include "fc-amount.h"

#include <math.h>
#include <string.h>

/* Folds full-width digits and signs to ASCII and drops spaces and thousands
 * separators, so "１,２３４．５０" parses like "1234.50".  Returns NULL when
 * a character cannot belong to a number (transfer full). */
static char *
fold_numeric_text (const char *text)
{
  /* never longer than text: one buffer, no growing */
  g_autofree char *out = g_malloc (strlen (text) + 1);
  char *o = out;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return NULL;
      if (c >= 0xFF10 && c <= 0xFF19)      /* full-width digits */
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF0E)                /* ． */
        c = '.';
      else if (c == 0xFF0D || c == 0x2212) /* － and − */
        c = '-';
      else if (c == 0xFF0B)
        c = '+';
      else if (c == 0xFF08) /* （ */
        c = '(';
      else if (c == 0xFF09) /* ） */
        c = ')';
      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == ','
          || c == 0xFF0C)
        continue;
      if (!(g_ascii_isdigit (c) || c == '.' || c == '-' || c == '+' || c == 'e'
            || c == 'E' || c == '(' || c == ')'))
        return NULL;
      *o++ = (char) c;
    }
  *o = '\0';
  return g_steal_pointer (&out);
}

gboolean
fc_amount_text_is_blank (const char *text)
{
  /* what is left without ASCII and ideographic spaces, at most the longest
   * blank word (a longer rest is no blank: it stops there) */
  static const char *const blanks[] = {
    "", "-", "--", "—", "——", "－", "－－", "–", "/", NULL
  };
  char core[16];
  gsize n = 0;
  for (const char *p = text != NULL ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0)
        continue;
      gsize len = (gsize) (g_utf8_next_char (p) - p);
      if (n + len >= sizeof core)
        return FALSE;
      memcpy (core + n, p, len);
      n += len;
    }
  core[n] = '\0';
  return g_strv_contains (blanks, core);
}

gboolean
fc_amount_parse_text (const char *text, double *value)
{
  g_autofree char *folded = fold_numeric_text (text ? text : "");
  if (folded == NULL || *folded == '\0')
    return FALSE;
  /* accountants write a negative in parentheses: (16.28) */
  gsize len = strlen (folded);
  gboolean negative = len > 2 && folded[0] == '(' && folded[len - 1] == ')';
  char *number = negative ? folded + 1 : folded;
  if (negative)
    folded[len - 1] = '\0';
  if (*number == '-' && negative)
    return FALSE;
  char *end = NULL;
  double v = g_ascii_strtod (number, &end);
  if (end == number || *end != '\0' || !isfinite (v) || strchr (number, '(') || strchr (number, ')'))
    return FALSE;
  *value = negative ? -v : v;
  return TRUE;
}

FcAmountKind
fc_amount_read (const FcCell *cell, double *value)
{
  *value = 0;
  switch (cell->kind)
    {
    case FC_CELL_EMPTY:
      return FC_AMOUNT_BLANK;
    case FC_CELL_NUMBER:
      if (!isfinite (cell->number) || fabs (cell->number) > FC_AMOUNT_LIMIT)
        return FC_AMOUNT_INVALID;
      *value = cell->number;
      return FC_AMOUNT_VALUE;
    case FC_CELL_TEXT:
      if (fc_amount_text_is_blank (cell->text))
        return FC_AMOUNT_BLANK;
      if (fc_amount_parse_text (cell->text, value) && fabs (*value) <= FC_AMOUNT_LIMIT)
        return FC_AMOUNT_VALUE;
      *value = 0;
      return FC_AMOUNT_INVALID;
    case FC_CELL_ERROR:
    default:
      return FC_AMOUNT_INVALID;
    }
}

char *
fc_amount_format (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 320]; /* %.2f of DBL_MAX has 312 characters */

  /* rounded to cents first: printf would round 0.125 to "0.12" (the double
   * below it) where a person writes 0.13; beyond 1e15 cents are not held */
  if (isfinite (value) && fabs (value) < 1e15)
    value = round (value * 100) / 100;
  if (value == 0)
    value = 0; /* -0 */
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}
