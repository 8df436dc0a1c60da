/* fc-findings-fit.c — FISCALCHECKFINDINGS() tables fitted to their array
 * ranges (see fc-findings-fit.h). */
#include "fc-findings-fit.h"

#include <stdlib.h>
#include <string.h>

struct _FcFindingsFit {
  GHashTable *rows;  /* scope → GUINT_TO_POINTER (smallest range's rows) */
  guint any_rows;    /* smallest range whose scope is not a literal; 0: none */
};

FcFindingsFit *
fc_findings_fit_new (void)
{
  FcFindingsFit *fit = g_new0 (FcFindingsFit, 1);

  fit->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return fit;
}

void
fc_findings_fit_free (FcFindingsFit *fit)
{
  if (fit == NULL)
    return;
  g_hash_table_unref (fit->rows);
  g_free (fit);
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

/* p past a case-insensitive prefix word followed by '(', or NULL. */
static const char *
skip_call (const char *p, const char *word)
{
  gsize n = strlen (word);

  if (g_ascii_strncasecmp (p, word, n) != 0)
    return NULL;
  p = skip_space (p + n);
  return *p == '(' ? p + 1 : NULL;
}

/* p past our function's name and '(' — FISCALCHECKFINDINGS, or the
 * programmatic ORG.FISCALCHECK.FISCALCHECK.FINDINGS in any case — or NULL. */
static const char *
skip_findings_call (const char *p)
{
  const char *end = p;
  g_autofree char *name = NULL;

  while (g_ascii_isalnum (*end) || *end == '.' || *end == '_')
    end++;
  name = g_ascii_strup (p, end - p);
  if (strcmp (name, "FISCALCHECKFINDINGS") != 0
      && strcmp (name, "ORG.FISCALCHECK.FISCALCHECK.FINDINGS") != 0)
    return NULL;
  end = skip_space (end);
  return *end == '(' ? end + 1 : NULL;
}

/* The scope a literal argument names, as the add-in reads it (fc-addin.c):
 * a text as it is, a whole number 1…99 as "01"…"99", another number with
 * %g; NULL when arg (up to end) is no literal (transfer full). */
static char *
literal_scope (const char *arg, const char *end)
{
  g_autofree char *text = g_strstrip (g_strndup (arg, end - arg));
  char *stop = NULL;
  double d;

  if (*text == '\0')
    return g_strdup ("");
  if (*text == '"')
    {
      GString *out = g_string_new (NULL);
      const char *p = text + 1;

      for (; *p != '\0'; p++)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (out, *p++);
          else if (*p == '"')
            break;
          else
            g_string_append_c (out, *p);
        }
      if (*p == '"' && p[1] == '\0')
        return g_string_free (out, FALSE);
      g_string_free (out, TRUE);
      return NULL;
    }
  d = g_ascii_strtod (text, &stop);
  if (stop == text || *stop != '\0')
    return NULL;
  if (d >= 1 && d <= 99 && d == (double) (int) d)
    return g_strdup_printf ("%02d", (int) d);
  return g_strdup_printf ("%g", d);
}

/* The end of the argument list starting at p: its closing ')' at depth 0,
 * or NULL; *several when a separator comes first. */
static const char *
arguments_end (const char *p, gboolean *several)
{
  int depth = 0;

  *several = FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          for (p++; *p != '\0' && !(*p == '"' && p[1] != '"'); p++)
            if (*p == '"')
              p++; /* "" inside a text */
          if (*p == '\0')
            return NULL;
        }
      else if (*p == '(' || *p == '{')
        depth++;
      else if ((*p == ')' || *p == '}') && depth > 0)
        depth--;
      else if (*p == ')')
        return p;
      else if ((*p == ';' || *p == ',') && depth == 0)
        *several = TRUE;
    }
  return NULL;
}

gboolean
fc_findings_fit_parse (const char *formula, char **scope)
{
  const char *p = skip_space (formula), *wrapped = NULL, *args, *end;
  gboolean several;

  *scope = NULL;
  if (*p == '{')
    p = skip_space (p + 1);
  if (*p != '=')
    return FALSE;
  p = skip_space (p + 1);
  if ((wrapped = skip_call (p, "IFNA")) != NULL || (wrapped = skip_call (p, "IFERROR")) != NULL)
    p = skip_space (wrapped);
  args = skip_findings_call (p);
  if (args == NULL || (end = arguments_end (args, &several)) == NULL)
    return FALSE;
  p = skip_space (end + 1);
  /* alone: nothing follows; wrapped: the wrapper's next argument does */
  if (wrapped != NULL ? (*p != ';' && *p != ',') : (*p != '\0' && *p != '}'))
    return FALSE;
  /* one argument at most (the scope); more is no call we know */
  *scope = several ? NULL : literal_scope (args, end);
  return TRUE;
}

void
fc_findings_fit_add (FcFindingsFit *fit, const char *formula, guint n_rows)
{
  g_autofree char *scope = NULL;
  gpointer old;

  if (n_rows < 2 || !fc_findings_fit_parse (formula, &scope))
    return;
  if (scope == NULL)
    {
      if (fit->any_rows == 0 || n_rows < fit->any_rows)
        fit->any_rows = n_rows;
      return;
    }
  old = g_hash_table_lookup (fit->rows, scope);
  if (old == NULL || n_rows < GPOINTER_TO_UINT (old))
    g_hash_table_insert (fit->rows, g_steal_pointer (&scope), GUINT_TO_POINTER (n_rows));
}

guint
fc_findings_fit_rows (const FcFindingsFit *fit, const char *scope)
{
  guint rows = GPOINTER_TO_UINT (g_hash_table_lookup (fit->rows, scope != NULL ? scope : ""));

  if (fit->any_rows != 0 && (rows == 0 || fit->any_rows < rows))
    rows = fit->any_rows;
  return rows;
}

gboolean
fc_findings_fit_equal (const FcFindingsFit *a, const FcFindingsFit *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a->any_rows != b->any_rows || g_hash_table_size (a->rows) != g_hash_table_size (b->rows))
    return FALSE;
  g_hash_table_iter_init (&iter, a->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (b->rows, key) != value)
      return FALSE;
  return TRUE;
}

/* The row saying that n findings (errors, warnings, notes) are left out
 * of a table that needs needed rows, n_columns wide (transfer full). */
static GStrv
overflow_row (guint n_columns, guint n, const guint counts[3], guint needed, gboolean chinese)
{
  GStrv row = g_new0 (char *, n_columns + 1);

  for (guint c = 0; c < n_columns; c++)
    row[c] = g_strdup ("");
  if (n_columns == 0)
    return row;
  g_free (row[0]);
  row[0] = chinese ? g_strdup_printf ("另有 %u 条未显示", n)
                   : g_strdup_printf ("%u more not shown", n);
  if (n_columns > 3)
    {
      g_free (row[3]);
      row[3] = chinese
        ? g_strdup_printf ("其中错误 %u 处、警告 %u 处、提示 %u 处；数组区域需 %u 行才能全部显示",
                           counts[0], counts[1], counts[2], needed)
        : g_strdup_printf ("of which %u errors, %u warnings, %u notes; "
                           "the array range needs %u rows to show them all",
                           counts[0], counts[1], counts[2], needed);
    }
  return row;
}

GPtrArray *
fc_findings_fit_table (GPtrArray *table, guint n_rows, gboolean chinese)
{
  static const char *const severities[3] = { "错误", "警告", "提示" };
  GPtrArray *fitted;
  guint counts[3] = { 0, 0, 0 }, n_columns;

  if (n_rows == 0 || table->len <= n_rows || n_rows < 2)
    return table;
  n_columns = g_strv_length (table->pdata[0]);
  fitted = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  /* the header and as many findings as leave the last row free */
  for (guint r = 0; r < n_rows - 1; r++)
    g_ptr_array_add (fitted, g_strdupv (table->pdata[r]));
  for (guint r = n_rows - 1; r < table->len; r++)
    {
      const char *const *row = table->pdata[r];

      for (guint s = 0; s < 3; s++)
        counts[s] += n_columns > 0 && strcmp (row[0], severities[s]) == 0;
    }
  g_ptr_array_add (fitted, overflow_row (n_columns, table->len - (n_rows - 1), counts,
                                         table->len, chinese));
  g_ptr_array_unref (table);
  return fitted;
}
