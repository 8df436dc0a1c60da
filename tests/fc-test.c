/* fc-test.c — shared helpers of the engine's Check tests. */
#include "fc-test.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-amount.h"
#include "fc-fods.h"

FcEngine *
fc_test_engine (void)
{
  const char *rules = g_getenv ("FC_RULES");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = rules ? g_path_get_dirname (rules) : NULL;
  FcEngine *engine = rules ? fc_engine_new_shipped (dir, &error) : NULL;
  if (engine == NULL)
    {
      g_printerr ("FC_RULES: %s\n", rules ? error->message : "not set");
      exit (2);
    }
  return engine;
}

static const char *env_path (const char *name);

const char *
fc_test_sample_path (void)
{
  return env_path ("FC_SAMPLE");
}

FcWorkbook *
fc_test_sample (void)
{
  g_autoptr (GError) error = NULL;
  FcWorkbook *wb = fc_fods_read_file (fc_test_sample_path (), &error);
  ck_assert_msg (wb != NULL, "sample: %s", error ? error->message : "?");
  return wb;
}

static const char *
env_path (const char *name)
{
  const char *path = g_getenv (name);
  if (path == NULL)
    {
      g_printerr ("%s: not set\n", name);
      exit (2);
    }
  return path;
}

const char *
fc_test_sample_full_path (void)
{
  return env_path ("FC_SAMPLE_FULL");
}

FcWorkbook *
fc_test_sample_full (void)
{
  g_autoptr (GError) error = NULL;
  FcWorkbook *wb = fc_fods_read_file (fc_test_sample_full_path (), &error);
  ck_assert_msg (wb != NULL, "sample: %s", error ? error->message : "?");
  return wb;
}

char *
fc_test_data_path (const char *name)
{
  return g_build_filename (env_path ("FC_DATA"), name, NULL);
}

guint
fc_test_count_quote (const FcReport *report, const char *rule, FcSeverity severity,
                     const char *words)
{
  guint n = 0;
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (report->findings, i);
      n += strcmp (f->rule_id, rule) == 0 && f->severity == severity
           && (words == NULL || strstr (f->quote, words) != NULL);
    }
  return n;
}

FcSheet *
fc_test_sheet (FcWorkbook *workbook, const char *name)
{
  for (guint i = 0; i < fc_workbook_get_n_sheets (workbook); i++)
    if (strcmp (fc_sheet_get_name (fc_workbook_get_sheet (workbook, i)), name) == 0)
      return fc_workbook_get_sheet (workbook, i);
  ck_abort_msg ("no sheet %s", name);
  return NULL;
}

void
fc_test_put_cell (FcSheet *dst, guint row, guint col, const FcCell *cell)
{
  switch (cell->kind)
    {
    case FC_CELL_NUMBER: fc_sheet_set_number (dst, row, col, cell->number); break;
    case FC_CELL_TEXT: fc_sheet_set_text (dst, row, col, cell->text); break;
    case FC_CELL_ERROR: fc_sheet_set_error (dst, row, col, cell->text); break;
    case FC_CELL_EMPTY: break;
    }
}

void
fc_test_copy_sheet (FcSheet *dst, const FcSheet *src, guint dr, guint dc)
{
  for (guint r = 0; r < fc_sheet_get_n_rows (src); r++)
    for (guint c = 0; c < fc_sheet_get_n_cols (src); c++)
      fc_test_put_cell (dst, r + dr, c + dc, fc_sheet_get_cell (src, r, c));
}

static gboolean
is_text (const FcCell *cell, const char *text)
{
  return cell->kind == FC_CELL_TEXT && strcmp (cell->text, text) == 0;
}

/* The digits of a code cell ("30101"), or NULL when it holds none. */
static char *
code_of (const FcCell *cell)
{
  if (cell->kind == FC_CELL_NUMBER && cell->number == floor (cell->number) && cell->number >= 100)
    return g_strdup_printf ("%.0f", cell->number);
  if (cell->kind != FC_CELL_TEXT)
    return NULL;
  g_autofree char *t = g_strstrip (g_strdup (cell->text));
  gsize len = strlen (t);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (t[i]))
      return NULL;
  return len == 3 || len == 5 ? g_steal_pointer (&t) : NULL;
}

/* Writes one block's row: code split into 类 | 款, name (or a label), amount. */
static void
put_split (FcSheet *dst, guint r, guint at, gboolean names, gboolean carry, const FcCell *code_cell,
           const FcCell *name, const FcCell *amount)
{
  guint w = names ? 4 : 3;
  g_autofree char *code = code_of (code_cell);
  if (code != NULL)
    {
      g_autofree char *cls = g_strndup (code, 3);
      if (strlen (code) == 3 || !carry)
        fc_sheet_set_text (dst, r, at, cls);
      if (strlen (code) == 5)
        fc_sheet_set_number (dst, r, at + 1, atoi (code + 3));
      if (names)
        fc_test_put_cell (dst, r, at + 2, name);
    }
  else if (code_cell->kind == FC_CELL_TEXT && *code_cell->text != '\0')
    fc_test_put_cell (dst, r, at, code_cell); /* a label under the code */
  else if (name->kind == FC_CELL_TEXT && *name->text != '\0')
    fc_test_put_cell (dst, r, names ? at + 2 : at, name);
  fc_test_put_cell (dst, r, at + w - 1, amount);
}

FcSheet *
fc_test_split_06 (FcWorkbook *out, const FcSheet *src, gboolean names, gboolean alone, gboolean carry)
{
  guint nr = fc_sheet_get_n_rows (src), nc = fc_sheet_get_n_cols (src);
  int h = -1;
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < nr && h < 0; r++)
    for (guint c = 0; c + 2 < nc; c++)
      if ((is_text (fc_sheet_get_cell (src, r, c), "科目代码")
           || is_text (fc_sheet_get_cell (src, r, c), "经济分类科目编码"))
          && is_text (fc_sheet_get_cell (src, r, c + 1), "科目名称"))
        {
          h = (int) r;
          g_array_append_val (starts, c);
        }
  if (h < 0 || (!g_str_has_suffix (fc_sheet_get_name (src), "基本支出决算表")
                 && !g_str_has_suffix (fc_sheet_get_name (src), "基本支出决算明细表")))
    return NULL;
  guint nb = starts->len, w = names ? 4 : 3, first = g_array_index (starts, guint, 0);
  guint width = alone ? first + w : nc + nb * (w - 3);
  FcSheet *dst = fc_workbook_add_sheet (out, fc_sheet_get_name (src), nr * (alone ? nb : 1) + 2, width);
  /* the block a column belongs to, or -1 */
  g_autofree int *block = g_new (int, nc);
  for (guint c = 0; c < nc; c++)
    {
      block[c] = -1;
      for (guint b = 0; b < nb; b++)
        if (c >= g_array_index (starts, guint, b) && c < g_array_index (starts, guint, b) + 3)
          block[c] = (int) b;
    }
  /* title rows, and the header with 类 | 款 under the code's heading */
  for (guint r = 0; r <= (guint) h; r++)
    for (guint c = 0; c < nc; c++)
      {
        const FcCell *cell = fc_sheet_get_cell (src, r, c);
        int b = block[c];
        guint before = 0; /* blocks that start left of c: each is w − 3 wider */
        for (guint k = 0; k < nb; k++)
          before += g_array_index (starts, guint, k) < c;
        guint at = b >= 0 ? (alone ? first : g_array_index (starts, guint, b) + (guint) b * (w - 3))
                          : c + before * (w - 3);
        if (at >= width || (alone && b > 0))
          continue;
        guint off = b >= 0 ? c - g_array_index (starts, guint, b) : 0;
        if ((int) r < h || b < 0)
          fc_test_put_cell (dst, r, at + (off == 0 ? 0 : off == 1 ? (names ? 2 : 0) : w - 1), cell);
        else if (c == g_array_index (starts, guint, b))
          {
            fc_test_put_cell (dst, r, at, cell);
            fc_sheet_set_text (dst, r + 1, at, "类");
            fc_sheet_set_text (dst, r + 1, at + 1, "款");
          }
        else if (c == g_array_index (starts, guint, b) + 1 && names)
          fc_test_put_cell (dst, r, at + 2, cell);
        else if (c == g_array_index (starts, guint, b) + 2)
          fc_test_put_cell (dst, r, at + w - 1, cell);
      }
  /* the rows under it: each block's, side by side or stacked; the labels
   * and the notes last when stacked */
  guint out_row = (guint) h + 2;
  for (guint pass = 0; pass < (alone ? nb + 1 : 1); pass++)
    for (guint r = (guint) h + 1; r < nr; r++)
      {
        const FcCell *lead = fc_sheet_get_cell (src, r, 0);
        gboolean note = lead->kind == FC_CELL_TEXT && (g_str_has_prefix (lead->text, "注") || g_str_has_prefix (lead->text, "说明"));
        gboolean labels = FALSE;
        for (guint b = 0; b < nb; b++)
          {
            guint s0 = g_array_index (starts, guint, b);
            const FcCell *code = fc_sheet_get_cell (src, r, s0), *name = fc_sheet_get_cell (src, r, s0 + 1);
            g_autofree char *digits = code_of (code);
            labels |= digits == NULL && ((code->kind == FC_CELL_TEXT && *code->text) || (name->kind == FC_CELL_TEXT && *name->text));
          }
        if (!alone)
          {
            for (guint c = 0; c < nc && note; c++)
              fc_test_put_cell (dst, r + 1, c, fc_sheet_get_cell (src, r, c));
            for (guint b = 0; b < nb && !note; b++)
              {
                guint s0 = g_array_index (starts, guint, b);
                put_split (dst, r + 1, s0 + b * (w - 3), names, carry, fc_sheet_get_cell (src, r, s0),
                           fc_sheet_get_cell (src, r, s0 + 1), fc_sheet_get_cell (src, r, s0 + 2));
              }
            continue;
          }
        if (pass < nb)
          {
            guint s0 = g_array_index (starts, guint, pass);
            g_autofree char *digits = code_of (fc_sheet_get_cell (src, r, s0));
            if (note || labels || digits == NULL)
              continue;
            put_split (dst, out_row++, first, names, carry, fc_sheet_get_cell (src, r, s0),
                       fc_sheet_get_cell (src, r, s0 + 1), fc_sheet_get_cell (src, r, s0 + 2));
          }
        else if (labels)
          /* each label with the first amount to its right */
          for (guint c = 0; c < nc; c++)
            {
              const FcCell *cell = fc_sheet_get_cell (src, r, c);
              if (cell->kind != FC_CELL_TEXT || *cell->text == '\0')
                continue;
              const FcCell *amount = NULL;
              for (guint k = c + 1; k < nc && amount == NULL; k++)
                {
                  const FcCell *x = fc_sheet_get_cell (src, r, k);
                  if (x->kind == FC_CELL_TEXT && *x->text != '\0')
                    break;
                  if (x->kind == FC_CELL_NUMBER)
                    amount = x;
                }
              fc_sheet_set_text (dst, out_row, names ? first + 2 : first, cell->text);
              if (amount != NULL)
                fc_test_put_cell (dst, out_row, first + w - 1, amount);
              out_row++;
            }
        else if (note)
          fc_test_put_cell (dst, out_row++, 0, lead);
      }
  return dst;
}

guint
fc_test_retext (FcSheet *sheet, const char *from, const char *to)
{
  guint n = 0;
  for (guint r = 0; r < fc_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
      {
        const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
        if (cell->kind == FC_CELL_TEXT && g_str_has_prefix (cell->text, from))
          fc_sheet_set_text (sheet, r, c, to), n++;
      }
  return n;
}

gboolean
fc_test_find_number (const FcSheet *sheet, double value, guint *row, guint *col)
{
  for (guint r = 0; r < fc_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
      {
        const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
        if (cell->kind == FC_CELL_NUMBER && fabs (cell->number - value) < 1e-9)
          {
            *row = r;
            *col = c;
            return TRUE;
          }
      }
  return FALSE;
}

gboolean
fc_test_finding_has_cell (const FcFinding *finding, const char *sheet, guint row, guint col)
{
  for (guint i = 0; i < finding->cells->len; i++)
    {
      const FcFindingCell *c = g_ptr_array_index (finding->cells, i);
      if (strcmp (c->sheet, sheet) == 0 && c->row == row && c->col == col)
        return TRUE;
    }
  return FALSE;
}

guint
fc_test_count_at (const FcReport *report, const char *sheet, guint row, guint col,
                  FcSeverity severity)
{
  guint n = 0;
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (report->findings, i);
      n += f->severity == severity && fc_test_finding_has_cell (f, sheet, row, col);
    }
  return n;
}

guint
fc_test_count_rule (const FcReport *report, const char *rule, FcSeverity at_least)
{
  guint n = 0;
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (report->findings, i);
      n += strcmp (f->rule_id, rule) == 0 && f->severity >= at_least;
    }
  return n;
}

/* The amount of a cell written as a number, or as text with decimals. */
static gboolean
amount_of (const FcCell *cell, double *value)
{
  if (cell->kind == FC_CELL_NUMBER)
    {
      *value = cell->number;
      return TRUE;
    }
  return cell->kind == FC_CELL_TEXT && strchr (cell->text, '.') != NULL
         && fc_amount_parse_text (cell->text, value);
}

static void
set_amount (FcSheet *sheet, guint row, guint col, double value, gboolean as_text)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (as_text)
    fc_sheet_set_text (sheet, row, col, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
  else
    fc_sheet_set_number (sheet, row, col, value);
}

static guint
errors_at (const FcEngine *engine, const FcWorkbook *workbook, const char *sheet,
           guint row, guint col)
{
  g_autoptr (FcReport) r = fc_engine_check (engine, workbook, NULL, NULL);
  return r ? fc_test_count_at (r, sheet, row, col, FC_SEVERITY_ERROR) : 0;
}

/* "rule\x1fsheet\x1faddress" of a finding's first cell (transfer full). */
static char *
finding_key (const FcFinding *f)
{
  const FcFindingCell *at = f->cells->len ? g_ptr_array_index (f->cells, 0) : NULL;
  return g_strdup_printf ("%s\x1f%s\x1f%s", f->rule_id, at ? at->sheet : "", at ? at->address : "");
}

static void
assert_mutations (const FcEngine *engine, FcWorkbook *workbook, const char *what,
                  guint at_least, gboolean tails_may_grow)
{
  guint checked = 0;
  /* the identities that already carry a rounding tail */
  g_autoptr (GHashTable) tails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (FcReport) base = fc_engine_check (engine, workbook, NULL, NULL);
  for (guint i = 0; base != NULL && i < base->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (base->findings, i);
      if (f->severity == FC_SEVERITY_INFO)
        g_hash_table_add (tails, finding_key (f));
    }
  for (guint si = 0; si < fc_workbook_get_n_sheets (workbook); si++)
    {
      FcSheet *s = fc_workbook_get_sheet (workbook, si);
      const char *name = fc_sheet_get_name (s);
      for (guint r = 0; r < fc_sheet_get_n_rows (s); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (s); c++)
          {
            const FcCell *cell = fc_sheet_get_cell (s, r, c);
            gboolean as_text = cell->kind == FC_CELL_TEXT;
            double original;
            /* amounts have decimals; 行次, 栏次 and codes do not */
            if (!amount_of (cell, &original) || original == floor (original))
              continue;
            /* an identity errs both ways; a bound (10 机关运行经费 ≤ …) one way only */
            set_amount (s, r, c, original + 1000, as_text);
            gboolean related = errors_at (engine, workbook, name, r, c) > 0;
            set_amount (s, r, c, original - 1000, as_text);
            related = related && errors_at (engine, workbook, name, r, c) > 0;
            for (int sign = -1; related && sign <= 1; sign += 2)
              {
                set_amount (s, r, c, original + sign * 0.05, as_text);
                ck_assert_msg (errors_at (engine, workbook, name, r, c) > 0,
                               "%s: %s row %u col %u (%.2f) %+.2f not flagged", what, name,
                               r + 1, c + 1, original, sign * 0.05);
                checked++;
              }
            if (related)
              {
                set_amount (s, r, c, original + 0.01, as_text);
                g_autoptr (FcReport) tail = fc_engine_check (engine, workbook, NULL, NULL);
                for (guint i = 0; i < tail->findings->len; i++)
                  {
                    const FcFinding *f = g_ptr_array_index (tail->findings, i);
                    g_autofree char *key = finding_key (f);
                    ck_assert_msg (f->severity != FC_SEVERITY_ERROR
                                   || (tails_may_grow && g_hash_table_contains (tails, key)),
                                   "%s: %s row %u col %u (%.2f) +0.01 gave an error: %s %s", what,
                                   name, r + 1, c + 1, original, f->rule_id, f->message);
                  }
              }
            set_amount (s, r, c, original, as_text);
          }
    }
  ck_assert_msg (checked >= at_least, "%s: only %u mutations checked", what, checked);
}

void
fc_test_assert_mutations (const FcEngine *engine, FcWorkbook *workbook, const char *what,
                          guint at_least)
{
  assert_mutations (engine, workbook, what, at_least, FALSE);
}

void
fc_test_assert_mutations_with_tails (const FcEngine *engine, FcWorkbook *workbook,
                                     const char *what, guint at_least)
{
  assert_mutations (engine, workbook, what, at_least, TRUE);
}

int
fc_test_run (Suite *suite)
{
  SRunner *sr = srunner_create (suite);
  srunner_run_all (sr, CK_NORMAL);
  int failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
