/* test-findings-fit.c — FISCALCHECKFINDINGS() fitted to its array ranges
 * (addin/uno/live/fc-findings-fit.c), without LibreOffice: which formulas
 * are lists and of which scope, the smallest range deciding, and the
 * overflow row's counts in both languages. */
#include <check.h>
#include <string.h>

#include "fc-findings-fit.h"

/* A table of header + n findings, 8 columns, severities cycling through
 * errors, warnings and notes as listed (transfer full). */
static GPtrArray *
table_of (guint n_errors, guint n_warnings, guint n_notes)
{
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { "严重程度 Severity", "规则 Rule", "表 Table", "说明 Message",
                           "单元格 Cells", "应为 Expected", "实际 Actual", "差额 Difference", NULL };
  guint counts[3] = { n_errors, n_warnings, n_notes };
  const char *words[3] = { "错误", "警告", "提示" };

  g_ptr_array_add (table, g_strdupv ((char **) header));
  for (guint s = 0; s < 3; s++)
    for (guint i = 0; i < counts[s]; i++)
      {
        GStrv row = g_new0 (char *, 9);

        row[0] = g_strdup (words[s]);
        for (guint c = 1; c < 8; c++)
          row[c] = g_strdup_printf ("%u.%u", i, c);
        g_ptr_array_add (table, row);
      }
  return table;
}

static void
assert_parse (const char *formula, gboolean list, const char *scope)
{
  g_autofree char *got = NULL;

  ck_assert_msg (fc_findings_fit_parse (formula, &got) == list, "%s: list %d", formula, list);
  ck_assert_msg (g_strcmp0 (got, scope) == 0, "%s: scope %s, not %s", formula, got, scope);
}

START_TEST (test_parse)
{
  assert_parse ("=FISCALCHECKFINDINGS()", TRUE, "");
  assert_parse ("{=FISCALCHECKFINDINGS()}", TRUE, "");
  assert_parse ("=ORG.FISCALCHECK.FISCALCHECK.FINDINGS(\"01\")", TRUE, "01");
  assert_parse ("=org.fiscalcheck.FiscalCheck.findings( \"R01.1\" )", TRUE, "R01.1");
  assert_parse ("=FISCALCHECKFINDINGS(1)", TRUE, "01");
  assert_parse ("=FISCALCHECKFINDINGS(12)", TRUE, "12");
  assert_parse ("=FISCALCHECKFINDINGS(2.5)", TRUE, "2.5");
  assert_parse ("=FISCALCHECKFINDINGS(\"say \"\"x\"\")\")", TRUE, "say \"x\")");
  assert_parse ("=IFNA(FISCALCHECKFINDINGS(\"02\");\"\")", TRUE, "02");
  assert_parse ("=IFERROR(FISCALCHECKFINDINGS(),\"\")", TRUE, "");
  /* not a literal: any scope */
  assert_parse ("=FISCALCHECKFINDINGS(A1)", TRUE, NULL);
  assert_parse ("=FISCALCHECKFINDINGS(\"0\"&\"1\")", TRUE, NULL);
  assert_parse ("=FISCALCHECKFINDINGS(\"01\";2)", TRUE, NULL);
  /* not a list: the call inside something else, or another function */
  assert_parse ("=COUNTIF(FISCALCHECKFINDINGS();\"错误\")", FALSE, NULL);
  assert_parse ("=ROWS(FISCALCHECKFINDINGS())", FALSE, NULL);
  assert_parse ("=FISCALCHECKFINDINGS()&\"x\"", FALSE, NULL);
  assert_parse ("=IFNA(FISCALCHECKFINDINGS())", FALSE, NULL);
  assert_parse ("=FISCALCHECK()", FALSE, NULL);
  assert_parse ("=MYFINDINGS()", FALSE, NULL);
  assert_parse ("FISCALCHECKFINDINGS()", FALSE, NULL);
  assert_parse ("=FISCALCHECKFINDINGS(\"unterminated", FALSE, NULL);
}
END_TEST

START_TEST (test_smallest_decides)
{
  g_autoptr (FcFindingsFit) fit = fc_findings_fit_new ();
  g_autoptr (FcFindingsFit) same = fc_findings_fit_new ();

  ck_assert_uint_eq (fc_findings_fit_rows (fit, ""), 0);
  fc_findings_fit_add (fit, "=FISCALCHECKFINDINGS()", 40);
  fc_findings_fit_add (fit, "=FISCALCHECKFINDINGS(\"\")", 30);
  fc_findings_fit_add (fit, "=FISCALCHECKFINDINGS()", 200);
  fc_findings_fit_add (fit, "=FISCALCHECKFINDINGS(\"01\")", 1);   /* one row: no list */
  fc_findings_fit_add (fit, "=COUNTIF(FISCALCHECKFINDINGS(\"01\");\"错误\")", 5);
  ck_assert_uint_eq (fc_findings_fit_rows (fit, ""), 30);
  ck_assert_uint_eq (fc_findings_fit_rows (fit, NULL), 30);
  ck_assert_uint_eq (fc_findings_fit_rows (fit, "01"), 0);
  fc_findings_fit_add (fit, "=FISCALCHECKFINDINGS(1)", 12);
  ck_assert_uint_eq (fc_findings_fit_rows (fit, "01"), 12);
  ck_assert (!fc_findings_fit_equal (fit, same));
  /* a reference could be any scope: it limits them all */
  fc_findings_fit_add (fit, "=FISCALCHECKFINDINGS(B2)", 20);
  ck_assert_uint_eq (fc_findings_fit_rows (fit, ""), 20);
  ck_assert_uint_eq (fc_findings_fit_rows (fit, "01"), 12);
  ck_assert_uint_eq (fc_findings_fit_rows (fit, "R01.1"), 20);

  fc_findings_fit_add (same, "=FISCALCHECKFINDINGS(B2)", 20);
  fc_findings_fit_add (same, "=FISCALCHECKFINDINGS(\"01\")", 12);
  fc_findings_fit_add (same, "=FISCALCHECKFINDINGS()", 30);
  ck_assert (fc_findings_fit_equal (fit, same));
}
END_TEST

START_TEST (test_fit_table)
{
  /* 40 findings: 2 errors, 3 warnings, 35 notes; A1:H30 */
  GPtrArray *table = table_of (2, 3, 35);
  GPtrArray *whole = g_ptr_array_ref (table);
  g_autoptr (GPtrArray) fitted = fc_findings_fit_table (table, 30, TRUE);
  const char *const *last;

  ck_assert_ptr_ne (fitted, whole);
  ck_assert_uint_eq (fitted->len, 30);
  for (guint r = 0; r < 29; r++)
    ck_assert (g_strv_equal (fitted->pdata[r], whole->pdata[r]));
  last = fitted->pdata[29];
  ck_assert_uint_eq (g_strv_length ((GStrv) last), 8);
  ck_assert_str_eq (last[0], "另有 12 条未显示");
  ck_assert_str_eq (last[3], "其中错误 0 处、警告 0 处、提示 12 处；数组区域需 41 行才能全部显示");
  ck_assert_str_eq (last[1], "");
  g_ptr_array_unref (whole);

  /* English; the hidden part holding every severity */
  table = fc_findings_fit_table (table_of (3, 2, 2), 3, FALSE);
  last = table->pdata[2];
  ck_assert_uint_eq (table->len, 3);
  ck_assert_str_eq (last[0], "6 more not shown");
  ck_assert_str_eq (last[3], "of which 2 errors, 2 warnings, 2 notes; "
                             "the array range needs 8 rows to show them all");
  g_ptr_array_unref (table);

  /* fits, or no limit: the same table */
  table = table_of (1, 1, 1);
  whole = table;
  ck_assert_ptr_eq (fc_findings_fit_table (table, 4, TRUE), whole);
  ck_assert_ptr_eq (fc_findings_fit_table (table, 0, TRUE), whole);
  ck_assert_uint_eq (whole->len, 4);
  /* two rows: the header and the overflow row */
  table = fc_findings_fit_table (table, 2, TRUE);
  ck_assert_uint_eq (table->len, 2);
  ck_assert_str_eq (((char **) table->pdata[1])[0], "另有 3 条未显示");
  g_ptr_array_unref (table);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("findings-fit");
  TCase *tc = tcase_create ("fit");
  SRunner *runner;
  int failed;

  tcase_add_test (tc, test_parse);
  tcase_add_test (tc, test_smallest_decides);
  tcase_add_test (tc, test_fit_table);
  suite_add_tcase (suite, tc);
  runner = srunner_create (suite);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
