/* fc-text.c — folding texts for comparison (see fc-text.h). */
#include "fc-text.h"

#include <string.h>

static const char *const enumeration_chars = "一二三四五六七八九十0123456789";

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018
         || c == 0x2019 || c == 0x300C || c == 0x300D || c == 0x300E
         || c == 0x300F;
}

char *
fc_text_fold (const char *text)
{
  GString *out = g_string_new (NULL);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
        c = c - 0xFF01 + 0x21;
      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || is_quote (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
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
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8] = { 0 };
      g_unichar_to_utf8 (c, buf);
      if (strstr (enumeration_chars, buf) == NULL)
        break;
      p = g_utf8_next_char (p);
    }
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
  g_autofree char *folded = fc_text_fold (text);
  return g_strdup (skip_enumeration (folded));
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
fc_text_starts_with_any (const char *text, const char *const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (*words[i] != '\0' && g_str_has_prefix (text, words[i]))
      return TRUE;
  return FALSE;
}
