/* fc-text.c — folding texts for comparison (see fc-text.h). */
#include "fc-text.h"

#include <string.h>

/* A character of a leading enumeration: 一 … 十 or an ASCII digit. */
static gboolean
is_enumeration_char (gunichar c)
{
  static const gunichar numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                       0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };
  if (c >= '0' && c <= '9')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (c == numerals[i])
      return TRUE;
  return FALSE;
}

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018
         || c == 0x2019 || c == 0x300C || c == 0x300D || c == 0x300E
         || c == 0x300F;
}

/* Whether folding copies the character that starts with byte lead as it
 * is: only U+00A0, U+1680, U+2000–U+206F, U+3000–U+300F and U+FF01–U+FF5E
 * (first bytes C2, E1, E2, E3, EF) are spaces, quotes or full-width among
 * the non-ASCII, so the rest, most CJK, needs no decoding. */
static gboolean
copied_as_is (guchar lead)
{
  return lead >= 0x80 && lead != 0xC2 && lead != 0xE1 && lead != 0xE2 && lead != 0xE3
         && lead != 0xEF;
}

/* Written into one buffer of the input's size (folding never lengthens a
 * text): it runs on every text cell of every table, several times. */
char *
fc_text_fold (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  char *out = g_malloc (strlen (text) + 1), *o = out;
  for (const char *p = text; *p;)
    {
      const char *next = g_utf8_next_char (p);
      guchar lead = (guchar) *p;
      if (copied_as_is (lead))
        {
          memcpy (o, p, (gsize) (next - p));
          o += next - p;
          p = next;
          continue;
        }
      gunichar c = lead < 0x80 ? (gunichar) lead : g_utf8_get_char (p);
      gboolean full_width = c >= 0xFF01 && c <= 0xFF5E;
      if (full_width)
        c = c - 0xFF01 + 0x21;
      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || is_quote (c))
        ;
      else if (full_width)
        *o++ = (char) c;
      else
        {
          memcpy (o, p, (gsize) (next - p));
          o += next - p;
        }
      p = next;
    }
  *o = '\0';
  return out;
}

/* Drops a leading "一、", "(一)", "1.", "1、" (on folded text). */
static const char *
skip_enumeration (const char *s)
{
  if (*s == '(')
    {
      const char *close = strchr (s, ')');
      if (close != NULL && g_utf8_strlen (s, close - s) <= 4)
        return close + 1;
      return s;
    }
  const char *p = s;
  while (*p && is_enumeration_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p == s)
    return s;
  if (g_str_has_prefix (p, "、"))
    return p + strlen ("、");
  if (*p == '.' && !g_ascii_isdigit (p[1]))
    return p + 1;
  return s;
}

char *
fc_text_normalize (const char *text)
{
  char *folded = fc_text_fold (text);
  const char *rest = skip_enumeration (folded);
  if (rest != folded)
    memmove (folded, rest, strlen (rest) + 1);
  return folded;
}

gboolean
fc_text_is_one_of (const char *normalized, const char *const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strcmp (normalized, words[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
fc_text_contains_any (const char *text, const char *const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
fc_text_may_fold_to_any (const char *text, const char *const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      guchar lead = (guchar) words[i][0];
      if (lead == '\0')
        continue;
      /* a first character folding may make (ASCII, full-width, spaces):
       * cannot tell without folding */
      if (!copied_as_is (lead))
        return TRUE;
      char first[8] = { 0 };
      memcpy (first, words[i], (gsize) (g_utf8_next_char (words[i]) - words[i]));
      if (strstr (text, first) != NULL)
        return TRUE;
    }
  return FALSE;
}

gboolean
fc_text_starts_with_any (const char *text, const char *const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (*words[i] != '\0' && g_str_has_prefix (text, words[i]))
      return TRUE;
  return FALSE;
}
