/* test-layouts.c — the sample laid out in the ways real packages differ:
 * renamed and shuffled sheets, shifted tables, tables stacked on one sheet,
 * no 栏次 rows or 表号, codes split over 类/款/项, code and name in one cell,
 * numbers typed as text.  Each variant must reconcile (no error), and an
 * injected change must be flagged at its cell. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-engine.h"
#include "fc-fods.h"
#include "fc-test.h"

static FcEngine *engine;
static FcWorkbook *sample;

static gboolean
row_has_text (const FcSheet *s, guint r, const char *text)
{
  for (guint c = 0; c < fc_sheet_get_n_cols (s); c++)
    {
      const FcCell *cell = fc_sheet_get_cell (s, r, c);
      if (cell->kind == FC_CELL_TEXT && strcmp (cell->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- variants -------------------------------------------------------------- */

static FcWorkbook *
variant_renamed_shuffled (void)
{
  FcWorkbook *wb = fc_workbook_new ();
  guint n = fc_workbook_get_n_sheets (sample);
  for (guint i = 0; i < n; i++)
    {
      /* 3, 6, 9, 2, 5, 8, 1, 4, 7, 0: a fixed shuffle */
      const FcSheet *src = fc_workbook_get_sheet (sample, (3 * (i + 1)) % n);
      g_autofree char *name = g_strdup_printf ("Sheet%u", i + 1);
      fc_test_copy_sheet (fc_workbook_add_sheet (wb, name, fc_sheet_get_n_rows (src),
                                              fc_sheet_get_n_cols (src)), src, 0, 0);
    }
  return wb;
}

static FcWorkbook *
variant_shifted (void)
{
  FcWorkbook *wb = fc_workbook_new ();
  for (guint i = 0; i < fc_workbook_get_n_sheets (sample); i++)
    {
      const FcSheet *src = fc_workbook_get_sheet (sample, i);
      FcSheet *dst = fc_workbook_add_sheet (wb, fc_sheet_get_name (src),
                                            fc_sheet_get_n_rows (src) + 4,
                                            fc_sheet_get_n_cols (src) + 3);
      fc_sheet_set_text (dst, 0, 0, "仅供内部审核");
      fc_test_copy_sheet (dst, src, 4, 3);
    }
  return wb;
}

static FcWorkbook *
variant_stacked (void)
{
  guint n = fc_workbook_get_n_sheets (sample), rows = 0, cols = 0;
  for (guint i = 0; i < n; i++)
    {
      const FcSheet *s = fc_workbook_get_sheet (sample, i);
      rows += fc_sheet_get_n_rows (s) + 3;
      cols = MAX (cols, fc_sheet_get_n_cols (s));
    }
  FcWorkbook *wb = fc_workbook_new ();
  fc_workbook_add_sheet (wb, "封面", 2, 2);
  FcSheet *dst = fc_workbook_add_sheet (wb, "决算公开表", rows, cols);
  guint at = 0;
  for (guint i = 0; i < n; i++)
    {
      const FcSheet *src = fc_workbook_get_sheet (sample, n - 1 - i);
      fc_test_copy_sheet (dst, src, at, 0);
      at += fc_sheet_get_n_rows (src) + 3;
    }
  return wb;
}

/* 09's 栏次 row is the bare numbers 1 … 12. */
static gboolean
is_numbers_row (const FcSheet *s, guint r)
{
  guint expect = 1;
  for (guint c = 0; c < fc_sheet_get_n_cols (s); c++)
    {
      const FcCell *cell = fc_sheet_get_cell (s, r, c);
      if (cell->kind == FC_CELL_NUMBER && cell->number == expect)
        expect++;
      else if (cell->kind != FC_CELL_EMPTY)
        return FALSE;
    }
  return expect > 2;
}

/* Shanghai-style: no 栏次 rows (09 without its 1 … 12 row) and no 表号. */
static FcWorkbook *
variant_no_column_numbers (void)
{
  FcWorkbook *wb = fc_workbook_new ();
  for (guint i = 0; i < fc_workbook_get_n_sheets (sample); i++)
    {
      const FcSheet *src = fc_workbook_get_sheet (sample, i);
      FcSheet *dst = fc_workbook_add_sheet (wb, fc_sheet_get_name (src),
                                            fc_sheet_get_n_rows (src),
                                            fc_sheet_get_n_cols (src));
      guint out = 0;
      gboolean is09 = strcmp (fc_sheet_get_name (src), "财政拨款“三公”经费支出决算表") == 0;
      for (guint r = 0; r < fc_sheet_get_n_rows (src); r++)
        {
          if (row_has_text (src, r, "栏次") || (is09 && is_numbers_row (src, r)))
            continue;
          for (guint c = 0; c < fc_sheet_get_n_cols (src); c++)
            {
              const FcCell *cell = fc_sheet_get_cell (src, r, c);
              if (cell->kind == FC_CELL_TEXT && g_str_has_prefix (cell->text, "公开")
                  && g_str_has_suffix (cell->text, "表"))
                continue;
              fc_test_put_cell (dst, out, c, cell);
            }
          out++;
        }
    }
  return wb;
}

/* Shanghai's set: no 栏次 rows, no 表号 and no 行次 columns either. */
static FcWorkbook *
variant_no_keys (void)
{
  g_autoptr (FcWorkbook) bare = variant_no_column_numbers ();
  FcWorkbook *wb = fc_workbook_new ();
  for (guint i = 0; i < fc_workbook_get_n_sheets (bare); i++)
    {
      const FcSheet *src = fc_workbook_get_sheet (bare, i);
      guint nr = fc_sheet_get_n_rows (src), nc = fc_sheet_get_n_cols (src);
      g_autofree gboolean *drop = g_new0 (gboolean, nc + 1);
      for (guint r = 0; r < nr; r++)
        for (guint c = 0; c < nc; c++)
          {
            const FcCell *cell = fc_sheet_get_cell (src, r, c);
            drop[c] |= cell->kind == FC_CELL_TEXT && strcmp (cell->text, "行次") == 0;
          }
      FcSheet *dst = fc_workbook_add_sheet (wb, fc_sheet_get_name (src), nr, nc);
      for (guint r = 0; r < nr; r++)
        for (guint c = 0, out = 0; c < nc; c++)
          if (!drop[c])
            fc_test_put_cell (dst, r, out++, fc_sheet_get_cell (src, r, c));
    }
  return wb;
}

/* Code tables with the 科目代码 column split into 类 | 款 | 项 (child rows
 * leave the 类 blank), or with code and name in one cell. */
static FcWorkbook *
variant_codes (gboolean split)
{
  FcWorkbook *wb = fc_workbook_new ();
  for (guint i = 0; i < fc_workbook_get_n_sheets (sample); i++)
    {
      const FcSheet *src = fc_workbook_get_sheet (sample, i);
      guint nr = fc_sheet_get_n_rows (src), nc = fc_sheet_get_n_cols (src);
      int code_col = -1, header_row = -1;
      for (guint r = 0; r < nr && code_col < 0; r++)
        for (guint c = 0; c + 1 < nc; c++)
          {
            const FcCell *a = fc_sheet_get_cell (src, r, c), *b = fc_sheet_get_cell (src, r, c + 1);
            if (a->kind == FC_CELL_TEXT && b->kind == FC_CELL_TEXT
                && strcmp (a->text, "科目代码") == 0 && strcmp (b->text, "科目名称") == 0
                && !row_has_text (src, r, "决算数")) /* not 06 */
              {
                code_col = (int) c;
                header_row = (int) r;
                break;
              }
          }
      guint extra = split && code_col >= 0 ? 2 : 0;
      FcSheet *dst = fc_workbook_add_sheet (wb, fc_sheet_get_name (src), nr + 1, nc + extra);
      for (guint r = 0; r < nr; r++)
        for (guint c = 0; c < nc; c++)
          {
            const FcCell *cell = fc_sheet_get_cell (src, r, c);
            guint dc = code_col >= 0 && c > (guint) code_col ? c + extra : c;
            if (code_col < 0 || (int) c != code_col || (int) r < header_row)
              {
                fc_test_put_cell (dst, r, dc, cell);
                continue;
              }
            if ((int) r == header_row)
              {
                if (split)
                  {
                    fc_sheet_set_text (dst, r, c, "类");
                    fc_sheet_set_text (dst, r, c + 1, "款");
                    fc_sheet_set_text (dst, r, c + 2, "项");
                    fc_sheet_set_text (dst, r - 1, c, "科目代码");
                  }
                else
                  fc_sheet_set_text (dst, r, c, "科目代码及名称");
                continue;
              }
            if (cell->kind != FC_CELL_NUMBER)
              {
                fc_test_put_cell (dst, r, c, cell);
                continue;
              }
            g_autofree char *code = g_strdup_printf ("%.0f", cell->number);
            gsize len = strlen (code);
            if (split)
              {
                g_autofree char *cls = g_strndup (code, 3);
                if (len == 3 || len == 5)
                  fc_sheet_set_text (dst, r, c, cls);
                if (len >= 5)
                  fc_sheet_set_number (dst, r, c + 1, atoi (code + 3) / (len == 7 ? 100 : 1));
                if (len == 7)
                  fc_sheet_set_text (dst, r, c + 2, code + 5);
              }
            else
              {
                const FcCell *name = fc_sheet_get_cell (src, r, c + 1);
                g_autofree char *both = g_strdup_printf ("%s %s", code,
                                                         name->kind == FC_CELL_TEXT ? name->text : "");
                fc_sheet_set_text (dst, r, c, both);
              }
          }
      if (!split && code_col >= 0)
        for (guint r = (guint) header_row + 1; r < nr; r++)
          if (fc_sheet_get_cell (src, r, (guint) code_col)->kind == FC_CELL_NUMBER)
            fc_sheet_clear_cell (dst, r, (guint) code_col + 1);
    }
  return wb;
}

/* 06 with its economic codes split over 类 | 款, its four blocks side by
 * side or alone, with or without 科目名称 (fc_test_split_06). */
static FcWorkbook *
variant_06_split (gboolean names, gboolean alone, gboolean carry)
{
  FcWorkbook *wb = fc_workbook_new ();
  for (guint i = 0; i < fc_workbook_get_n_sheets (sample); i++)
    {
      const FcSheet *src = fc_workbook_get_sheet (sample, i);
      if (fc_test_split_06 (wb, src, names, alone, carry) == NULL)
        fc_test_copy_sheet (fc_workbook_add_sheet (wb, fc_sheet_get_name (src), fc_sheet_get_n_rows (src),
                                                   fc_sheet_get_n_cols (src)), src, 0, 0);
    }
  return wb;
}

static FcWorkbook *
variant_text_numbers (void)
{
  FcWorkbook *wb = fc_workbook_new ();
  for (guint i = 0; i < fc_workbook_get_n_sheets (sample); i++)
    {
      const FcSheet *src = fc_workbook_get_sheet (sample, i);
      FcSheet *dst = fc_workbook_add_sheet (wb, fc_sheet_get_name (src),
                                            fc_sheet_get_n_rows (src), fc_sheet_get_n_cols (src));
      for (guint r = 0; r < fc_sheet_get_n_rows (src); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (src); c++)
          {
            const FcCell *cell = fc_sheet_get_cell (src, r, c);
            if (cell->kind == FC_CELL_NUMBER)
              {
                char buf[G_ASCII_DTOSTR_BUF_SIZE];
                fc_sheet_set_text (dst, r, c, g_ascii_formatd (buf, sizeof buf,
                                   cell->number == floor (cell->number) ? "%.0f" : "%.2f",
                                   cell->number));
              }
            else
              fc_test_put_cell (dst, r, c, cell);
          }
    }
  return wb;
}

/* Guangdong's nine-table set: no 部门决算公开相关信息统计表, labels 表1…表9
 * in its own order (表7 is the 三公 table). */
static FcWorkbook *
variant_guangdong (void)
{
  static const struct { const char *title; const char *label; } order[] = {
    { "收入支出决算总表", "表1" }, { "收入决算表", "表2" }, { "支出决算表", "表3" },
    { "财政拨款收入支出决算总表", "表4" }, { "一般公共预算财政拨款支出决算表", "表5" },
    { "一般公共预算财政拨款基本支出决算明细表", "表6" },
    { "财政拨款“三公”经费支出决算表", "表7" },
    { "政府性基金预算财政拨款收入支出决算表", "表8" },
    { "国有资本经营预算财政拨款支出决算表", "表9" },
  };
  FcWorkbook *wb = fc_workbook_new ();
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    for (guint k = 0; k < fc_workbook_get_n_sheets (sample); k++)
      {
        const FcSheet *src = fc_workbook_get_sheet (sample, k);
        if (strcmp (fc_sheet_get_name (src), order[i].title) != 0)
          continue;
        FcSheet *dst = fc_workbook_add_sheet (wb, order[i].label, fc_sheet_get_n_rows (src),
                                              fc_sheet_get_n_cols (src));
        for (guint r = 0; r < fc_sheet_get_n_rows (src); r++)
          for (guint c = 0; c < fc_sheet_get_n_cols (src); c++)
            {
              const FcCell *cell = fc_sheet_get_cell (src, r, c);
              if (cell->kind == FC_CELL_TEXT && g_str_has_prefix (cell->text, "公开")
                  && g_str_has_suffix (cell->text, "表"))
                fc_sheet_set_text (dst, r, c, order[i].label);
              else
                fc_test_put_cell (dst, r, c, cell);
            }
      }
  return wb;
}

/* ---- checks ---------------------------------------------------------------- */

/* The variant reconciles: no error, all ten tables, none missing. */
static void
assert_clean (FcWorkbook *wb, const char *variant)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, &error);
  ck_assert_msg (r != NULL, "%s: %s", variant, error ? error->message : "");
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      const FcFindingCell *at = f->cells->len ? g_ptr_array_index (f->cells, 0) : NULL;
      ck_assert_msg (f->severity != FC_SEVERITY_ERROR, "%s: error %s: %s at %s!%s", variant,
                     f->rule_id, f->message, at ? at->sheet : "", at ? at->address : "");
      ck_assert_msg (strcmp (f->rule_id, "S.1") != 0, "%s: %s", variant, f->message);
    }
  ck_assert_msg (r->tables->len == 10, "%s: %u tables", variant, r->tables->len);
}

static void
assert_mutations (FcWorkbook *wb, const char *variant, guint at_least)
{
  fc_test_assert_mutations (engine, wb, variant, at_least);
}

#define VARIANT_TEST(test_name, make, at_least)          \
  START_TEST (test_name)                                 \
  {                                                      \
    g_autoptr (FcWorkbook) wb = make;                    \
    assert_clean (wb, #test_name);                       \
    assert_mutations (wb, #test_name, at_least);         \
  }                                                      \
  END_TEST

START_TEST (test_guangdong_set)
{
  g_autoptr (FcWorkbook) wb = variant_guangdong ();
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
  ck_assert_ptr_nonnull (r);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  ck_assert_uint_eq (r->tables->len, 9);
  guint missing = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      /* its own numbering is not a mislabelling */
      ck_assert_msg (strcmp (f->rule_id, "S.2") != 0, "%s", f->message);
      missing += strcmp (f->rule_id, "S.1") == 0;
    }
  ck_assert_uint_eq (missing, 0); /* its set of nine has no table 10: nothing is missing */
  /* a label used twice is still a finding */
  for (guint s = 0; s < fc_workbook_get_n_sheets (wb); s++)
    {
      FcSheet *sheet = fc_workbook_get_sheet (wb, s);
      for (guint row = 0; row < fc_sheet_get_n_rows (sheet); row++)
        for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
          {
            const FcCell *cell = fc_sheet_get_cell (sheet, row, c);
            if (cell->kind == FC_CELL_TEXT && strcmp (cell->text, "表8") == 0)
              fc_sheet_set_text (sheet, row, c, "表7");
          }
    }
  g_autoptr (FcReport) twice = fc_engine_check (engine, wb, NULL, NULL);
  guint dup = 0;
  for (guint i = 0; i < twice->findings->len; i++)
    dup += strcmp (((FcFinding *) g_ptr_array_index (twice->findings, i))->rule_id, "S.2") == 0;
  ck_assert_uint_eq (dup, 1);
  assert_mutations (wb, "guangdong", 150);
}
END_TEST

/* 09 printed without its 1 … 12 row still has its two sums checked. */
START_TEST (test_09_without_numbers)
{
  g_autoptr (FcWorkbook) wb = variant_no_column_numbers ();
  FcSheet *s = fc_test_sheet (wb, "财政拨款“三公”经费支出决算表");
  guint row, col;
  ck_assert (fc_test_find_number (s, 18.83, &row, &col));
  fc_sheet_set_number (s, row, col, 19.83);
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
  ck_assert_uint_ge (fc_test_count_rule (r, "R09.1", FC_SEVERITY_ERROR), 1);
  ck_assert_uint_ge (fc_test_count_at (r, fc_sheet_get_name (s), row, col, FC_SEVERITY_ERROR), 1);
}
END_TEST

VARIANT_TEST (test_renamed_shuffled, variant_renamed_shuffled (), 150)
VARIANT_TEST (test_shifted, variant_shifted (), 150)
VARIANT_TEST (test_stacked, variant_stacked (), 150)
VARIANT_TEST (test_no_column_numbers, variant_no_column_numbers (), 150)
VARIANT_TEST (test_no_keys, variant_no_keys (), 150)
VARIANT_TEST (test_split_codes, variant_codes (TRUE), 150)
VARIANT_TEST (test_code_with_name, variant_codes (FALSE), 150)
VARIANT_TEST (test_text_numbers, variant_text_numbers (), 150)
VARIANT_TEST (test_06_split, variant_06_split (TRUE, FALSE, TRUE), 150)
VARIANT_TEST (test_06_split_no_names, variant_06_split (FALSE, FALSE, FALSE), 150)
VARIANT_TEST (test_06_split_alone, variant_06_split (TRUE, TRUE, FALSE), 150)

/* In the split layout a wrong group total (301) and a wrong 人员经费合计 are
 * found at their cells, and every 06 amount takes part in the sweep. */
START_TEST (test_06_split_wrong_totals)
{
  g_autoptr (FcWorkbook) wb = variant_06_split (FALSE, FALSE, TRUE);
  FcSheet *s = fc_test_sheet (wb, "一般公共预算财政拨款基本支出决算明细表");
  guint row, col;
  ck_assert (fc_test_find_number (s, 283.47, &row, &col)); /* 301 */
  fc_sheet_set_number (s, row, col, 283.52);
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
  ck_assert_uint_ge (fc_test_count_rule (r, "R06.1", FC_SEVERITY_ERROR), 1);
  ck_assert_uint_ge (fc_test_count_at (r, fc_sheet_get_name (s), row, col, FC_SEVERITY_ERROR), 1);
  fc_sheet_set_number (s, row, col, 283.47);
  ck_assert (fc_test_find_number (s, 393.45, &row, &col)); /* 人员经费合计 */
  fc_sheet_set_number (s, row, col, 393.40);
  g_autoptr (FcReport) p = fc_engine_check (engine, wb, NULL, NULL);
  ck_assert_uint_ge (fc_test_count_rule (p, "R06.2", FC_SEVERITY_ERROR), 1);
  ck_assert_uint_ge (fc_test_count_at (p, fc_sheet_get_name (s), row, col, FC_SEVERITY_ERROR), 1);
}
END_TEST

int
main (void)
{
  engine = fc_test_engine ();
  /* no ck_assert outside a test: read the sample directly */
  g_autoptr (GError) error = NULL;
  sample = fc_fods_read_file (fc_test_sample_path (), &error);
  if (sample == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  Suite *s = suite_create ("layouts");
  TCase *tc = tcase_create ("variants");
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_renamed_shuffled);
  tcase_add_test (tc, test_guangdong_set);
  tcase_add_test (tc, test_shifted);
  tcase_add_test (tc, test_stacked);
  tcase_add_test (tc, test_no_column_numbers);
  tcase_add_test (tc, test_no_keys);
  tcase_add_test (tc, test_09_without_numbers);
  tcase_add_test (tc, test_split_codes);
  tcase_add_test (tc, test_code_with_name);
  tcase_add_test (tc, test_text_numbers);
  tcase_add_test (tc, test_06_split);
  tcase_add_test (tc, test_06_split_no_names);
  tcase_add_test (tc, test_06_split_alone);
  tcase_add_test (tc, test_06_split_wrong_totals);
  suite_add_tcase (s, tc);
  int status = fc_test_run (s);
  fc_workbook_free (sample);
  fc_engine_free (engine);
  return status;
}
