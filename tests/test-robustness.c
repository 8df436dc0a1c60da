/* test-robustness.c — the engine on workbooks that can hold anything: random
 * grids built from the words tables are recognised by, and the sample
 * scrambled.  Nothing may crash or leak (run under ASan/UBSan in CI), every
 * finding must point inside the workbook, and a check is deterministic. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-engine.h"
#include "fc-fods.h"
#include "fc-report-writer.h"
#include "fc-test.h"

static FcEngine *engine;
static const char *sample_path;

static const char *const words[] = {
  "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
  "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算明细表",
  "公开01表", "公开02表", "公开09表", "栏次", "行次", "项目", "科目代码", "科目名称",
  "类", "款", "项", "合计", "总计", "本年收入合计", "本年支出合计", "人员经费合计",
  "公用经费合计", "——", "-", "", " ", "注：本表无数据", "部门名称：某单位", "2023年度",
  "201 一般公共服务支出", "2010301", "abc", "六百", "1e308", "-0", "９９.９",
  "一、一般公共服务支出", "(一) 行政单位", "\xe2\x80\x9c", "\xef\xbc\x88",
};

static void
fill_random (FcSheet *s, GRand *rand, guint rows, guint cols)
{
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0: case 1:
          break; /* empty */
        case 2:
          fc_sheet_set_number (s, r, c, g_rand_int_range (rand, 0, 12));
          break;
        case 3:
          fc_sheet_set_number (s, r, c, g_rand_double_range (rand, -1000, 1000));
          break;
        case 4:
          fc_sheet_set_number (s, r, c, (double) g_rand_int_range (rand, 100, 10000000));
          break;
        case 5:
          fc_sheet_set_error (s, r, c, "#VALUE!");
          break;
        default:
          fc_sheet_set_text (s, r, c, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          break;
        }
}

static void
assert_sane (const FcWorkbook *wb, const FcReport *r)
{
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      ck_assert_ptr_nonnull (f->rule_id);
      ck_assert_ptr_nonnull (f->message);
      ck_assert (!f->has_amounts || (isfinite (f->difference) && isfinite (f->expected)));
      for (guint k = 0; k < f->cells->len; k++)
        {
          const FcFindingCell *c = g_ptr_array_index (f->cells, k);
          gboolean inside = FALSE;
          for (guint s = 0; s < fc_workbook_get_n_sheets (wb); s++)
            {
              const FcSheet *sheet = fc_workbook_get_sheet (wb, s);
              inside |= strcmp (fc_sheet_get_name (sheet), c->sheet) == 0
                        && c->row < fc_sheet_get_n_rows (sheet)
                        && c->col < fc_sheet_get_n_cols (sheet);
            }
          ck_assert_msg (inside, "%s points outside the workbook: %s!%s", f->rule_id,
                         c->sheet, c->address);
        }
    }
  /* every writer copes with whatever was found */
  g_autofree char *text = fc_report_to_text (r, "x");
  const FcReport *reports[] = { r };
  const char *paths[] = { "x" };
  g_autofree char *json = fc_report_to_json (reports, paths, 1, FALSE);
  g_autofree char *csv = fc_report_to_csv (reports, paths, 1);
  ck_assert (text != NULL && json != NULL && csv != NULL);
}

START_TEST (test_random_grids)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20231 + _i);
  g_autoptr (FcWorkbook) wb = fc_workbook_new ();
  guint sheets = g_rand_int_range (rand, 1, 4);
  for (guint s = 0; s < sheets; s++)
    {
      guint rows = g_rand_int_range (rand, 0, 60), cols = g_rand_int_range (rand, 0, 14);
      g_autofree char *name = g_strdup_printf ("S%u", s);
      fill_random (fc_workbook_add_sheet (wb, name, rows, cols), rand, rows, cols);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, &error);
  if (r == NULL)
    ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_NO_TABLES));
  else
    assert_sane (wb, r);
}
END_TEST

START_TEST (test_scrambled_sample)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7 + _i);
  g_autoptr (FcWorkbook) wb = fc_fods_read_file (sample_path, NULL);
  ck_assert_ptr_nonnull (wb);
  /* overwrite 30 random cells with random words, numbers or errors */
  for (guint k = 0; k < 30; k++)
    {
      FcSheet *s = fc_workbook_get_sheet (wb, g_rand_int_range (rand, 0, fc_workbook_get_n_sheets (wb)));
      guint rows = fc_sheet_get_n_rows (s), cols = fc_sheet_get_n_cols (s);
      if (rows == 0 || cols == 0)
        continue;
      guint r = g_rand_int_range (rand, 0, rows), c = g_rand_int_range (rand, 0, cols);
      int pick = g_rand_int_range (rand, 0, 4);
      if (pick == 0)
        fc_sheet_clear_cell (s, r, c);
      else if (pick == 1)
        fc_sheet_set_number (s, r, c, g_rand_double_range (rand, -1e6, 1e6));
      else if (pick == 2)
        fc_sheet_set_error (s, r, c, "#REF!");
      else
        fc_sheet_set_text (s, r, c, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_autoptr (FcReport) first = fc_engine_check (engine, wb, NULL, NULL);
  g_autoptr (FcReport) again = fc_engine_check (engine, wb, NULL, NULL);
  if (first == NULL)
    {
      ck_assert_ptr_null (again);
      return;
    }
  assert_sane (wb, first);
  /* deterministic: the same workbook gives the same findings */
  ck_assert_uint_eq (first->findings->len, again->findings->len);
  for (guint i = 0; i < first->findings->len; i++)
    {
      const FcFinding *a = g_ptr_array_index (first->findings, i);
      const FcFinding *b = g_ptr_array_index (again->findings, i);
      ck_assert_str_eq (a->rule_id, b->rule_id);
      ck_assert_str_eq (a->message, b->message);
    }
}
END_TEST

START_TEST (test_huge_values)
{
  g_autoptr (FcWorkbook) wb = fc_fods_read_file (sample_path, NULL);
  for (guint s = 0; s < fc_workbook_get_n_sheets (wb); s++)
    {
      FcSheet *sheet = fc_workbook_get_sheet (wb, s);
      for (guint r = 0; r < fc_sheet_get_n_rows (sheet); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
          if (fc_sheet_get_cell (sheet, r, c)->kind == FC_CELL_NUMBER
              && fc_sheet_get_cell (sheet, r, c)->number != floor (fc_sheet_get_cell (sheet, r, c)->number))
            fc_sheet_set_number (sheet, r, c, (r + c) % 2 ? 1e308 : -1e308);
    }
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
  ck_assert_ptr_nonnull (r);
  assert_sane (wb, r);
}
END_TEST

/* A code name or label of 100,000 characters is quoted in findings, cut:
 * Validate puts findings in comments, and Calc took minutes to lay out one
 * of 50,000 characters; control characters become spaces, or the comment
 * turns \x01 into a tab and Clear no longer knows it as ours (both found
 * by tests/campaign). */
START_TEST (test_long_texts_quoted_short)
{
  g_autoptr (FcWorkbook) wb = fc_fods_read_file (sample_path, NULL);
  g_autoptr (GString) name = g_string_new ("行政运行长\t\x01\x1f\r");
  while (name->len < 300000)
    g_string_append (name, "长");
  guint changed = 0, renamed = 0;
  for (guint s = 0; s < fc_workbook_get_n_sheets (wb); s++)
    {
      FcSheet *sheet = fc_workbook_get_sheet (wb, s);
      for (guint r = 0; r < fc_sheet_get_n_rows (sheet); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
          {
            const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
            /* one 行政运行 only: the same code with another name is S.3,
             * which quotes both */
            if (cell->kind == FC_CELL_TEXT
                && ((strcmp (cell->text, "行政运行") == 0 && !renamed++)
                    || strstr (cell->text, "本年收入合计") != NULL))
              {
                fc_sheet_set_text (sheet, r, c, name->str);
                changed++;
              }
          }
    }
  ck_assert_uint_gt (changed, 2);
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
  ck_assert_ptr_nonnull (r);
  assert_sane (wb, r);
  guint quoting = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      ck_assert_int_le (g_utf8_strlen (f->message, -1), FC_FINDING_MAX_MESSAGE);
      ck_assert_int_le (g_utf8_strlen (f->message_en, -1), FC_FINDING_MAX_MESSAGE);
      /* and without control characters, which a comment would change */
      ck_assert (strpbrk (f->message, "\t\x01\x1f\r") == NULL);
      quoting += strstr (f->message, "长长长…") != NULL;
      for (guint k = 0; k < f->cells->len; k++)
        {
          const FcFindingCell *c = g_ptr_array_index (f->cells, k);
          ck_assert_int_le (g_utf8_strlen (c->row_label, -1), FC_FINDING_MAX_LABEL);
          ck_assert_int_le (g_utf8_strlen (c->column_label, -1), FC_FINDING_MAX_LABEL);
          ck_assert (strpbrk (c->row_label, "\t\x01\x1f\r") == NULL);
          quoting += strstr (c->row_label, "长长长…") != NULL;
        }
    }
  /* the long texts were read, and quoted cut */
  ck_assert_uint_gt (quoting, 0);
}
END_TEST

int
main (void)
{
  engine = fc_test_engine ();
  sample_path = fc_test_sample_path ();
  Suite *s = suite_create ("robustness");
  TCase *tc = tcase_create ("anything");
  tcase_set_timeout (tc, 300);
  tcase_add_loop_test (tc, test_random_grids, 0, 300);
  tcase_add_loop_test (tc, test_scrambled_sample, 0, 100);
  tcase_add_test (tc, test_huge_values);
  tcase_add_test (tc, test_long_texts_quoted_short);
  suite_add_tcase (s, tc);
  int status = fc_test_run (s);
  fc_engine_free (engine);
  return status;
}
