/* fc-cells.c — reading table cells for recognition (see fc-cells.h). */
#include "fc-cells.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-amount.h"
#include "fc-text.h"

/* v written out (transfer full); cheaper than g_strdup_printf, and every
 * code cell of every table comes here. */
static char *
integer_text (gint64 v)
{
  char buf[24];
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, v);
  return g_strdup (buf);
}

char *
fc_cells_norm (const FcSheet *sheet, guint row, guint col)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  if (c->kind != FC_CELL_TEXT)
    return g_strdup ("");
  return fc_text_normalize (c->text);
}

gboolean
fc_cells_integer (const FcSheet *sheet, guint row, guint col, gint64 *out)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  double v;
  if (c->kind == FC_CELL_NUMBER)
    v = c->number;
  else if (c->kind == FC_CELL_TEXT && fc_amount_parse_text (c->text, &v)
           && strchr (c->text, '.') == NULL)
    ;
  else
    return FALSE;
  if (!isfinite (v) || v != floor (v) || fabs (v) > 1e12)
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

gboolean
fc_cells_is_blank (const FcSheet *sheet, guint row, guint col)
{
  double v;
  return fc_amount_read (fc_sheet_get_cell (sheet, row, col), &v) == FC_AMOUNT_BLANK;
}

gboolean
fc_cells_is_amount (const FcSheet *sheet, guint row, guint col)
{
  double v;
  return fc_amount_read (fc_sheet_get_cell (sheet, row, col), &v) == FC_AMOUNT_VALUE;
}

gboolean
fc_cells_has_text (const FcSheet *sheet, guint row, guint col)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  double v;
  return c->kind == FC_CELL_TEXT && !fc_amount_text_is_blank (c->text)
         && !fc_amount_parse_text (c->text, &v);
}

char *
fc_cells_code (const FcSheet *sheet, guint row, guint col, char **rest)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  g_autofree char *s = NULL;
  gint64 v;
  if (rest != NULL)
    *rest = NULL;
  if (c->kind == FC_CELL_NUMBER && fc_cells_integer (sheet, row, col, &v) && v > 0)
    s = integer_text (v);
  else if (c->kind == FC_CELL_TEXT)
    s = fc_text_normalize (c->text);
  else
    return NULL;
  gsize len = 0;
  while (g_ascii_isdigit (s[len]))
    len++;
  if (len != 3 && len != 5 && len != 7)
    return NULL;
  if (s[len] != '\0')
    {
      if (rest == NULL || c->kind != FC_CELL_TEXT)
        return NULL;
      /* the name follows the digits in the text as written */
      const char *p = c->text;
      while (*p && !g_ascii_isdigit (*p))
        p++;
      while (g_ascii_isdigit (*p))
        p++;
      *rest = g_strstrip (g_strdup (p));
      s[len] = '\0';
    }
  return g_steal_pointer (&s);
}

char *
fc_cells_code_part (const FcSheet *sheet, guint row, int col, guint width)
{
  if (col < 0)
    return NULL;
  const FcCell *c = fc_sheet_get_cell (sheet, row, (guint) col);
  gint64 v;
  g_autofree char *digits = NULL;
  if (c->kind == FC_CELL_NUMBER && fc_cells_integer (sheet, row, (guint) col, &v) && v >= 0)
    digits = integer_text (v);
  else if (c->kind == FC_CELL_TEXT)
    digits = fc_text_normalize (c->text);
  else
    return NULL;
  gsize len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (digits[i]))
      return NULL;
  if (len == 0 || len > 7)
    return NULL;
  if (len > width)
    return g_steal_pointer (&digits); /* a whole code: the caller checks it */
  return g_strdup_printf ("%0*d", (int) width, atoi (digits));
}
