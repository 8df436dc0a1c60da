/* test-engine.c — amounts, table recognition, rule files and the rules on
 * the sample workbook and its mutants. */
#include <check.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-amount.h"
#include "fc-check.h"
#include "fc-engine.h"
#include "fc-fods.h"
#include "fc-rules.h"
#include "fc-table.h"
#include "fc-test.h"

/* ---- amounts ------------------------------------------------------------ */

START_TEST (test_amount_forms)
{
  g_autoptr (FcWorkbook) wb = fc_workbook_new ();
  FcSheet *s = fc_workbook_add_sheet (wb, "a", 1, 12);
  const char *texts[] = { "634.38", " 1,234.50 ", "－16.28", "１２", "——", "-", "", "abc", "12元" };
  FcAmountKind kinds[] = { FC_AMOUNT_VALUE, FC_AMOUNT_VALUE, FC_AMOUNT_VALUE,
                           FC_AMOUNT_VALUE, FC_AMOUNT_BLANK, FC_AMOUNT_BLANK,
                           FC_AMOUNT_BLANK, FC_AMOUNT_INVALID, FC_AMOUNT_INVALID };
  double values[] = { 634.38, 1234.5, -16.28, 12, 0, 0, 0, 0, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      fc_sheet_set_text (s, 0, i, texts[i]);
      double v = -1;
      ck_assert_int_eq (fc_amount_read (fc_sheet_get_cell (s, 0, i), &v), kinds[i]);
      ck_assert_double_eq_tol (v, values[i], 1e-9);
    }
  fc_sheet_set_number (s, 0, 10, 0.0);
  double v;
  ck_assert_int_eq (fc_amount_read (fc_sheet_get_cell (s, 0, 10), &v), FC_AMOUNT_VALUE);
  fc_sheet_set_error (s, 0, 11, "#DIV/0!");
  ck_assert_int_eq (fc_amount_read (fc_sheet_get_cell (s, 0, 11), &v), FC_AMOUNT_INVALID);
  ck_assert_int_eq (fc_amount_read (fc_sheet_get_cell (s, 5, 5), &v), FC_AMOUNT_BLANK);
}
END_TEST

/* Forms met in real packages: an accountant's negative, thousands
 * separators, full-width digits; not numbers: unbalanced parentheses,
 * two signs. */
START_TEST (test_amount_text)
{
  static const struct { const char *text; gboolean ok; double value; } cases[] = {
    { "(16.28)", TRUE, -16.28 }, { "（1,234.50）", TRUE, -1234.5 }, { "9,746.50", TRUE, 9746.5 },
    { "１２３.４", TRUE, 123.4 }, { "(16.28", FALSE, 0 }, { "16.28)", FALSE, 0 }, { "(-16.28)", FALSE, 0 },
    { "()", FALSE, 0 }, { "(1)(2)", FALSE, 0 }, { "1e3", TRUE, 1000 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double v = 0;
      ck_assert_msg (fc_amount_parse_text (cases[i].text, &v) == cases[i].ok, "%s", cases[i].text);
      if (cases[i].ok)
        ck_assert_double_eq_tol (v, cases[i].value, 1e-9);
    }
}
END_TEST

START_TEST (test_tolerance)
{
  FcTolerance t = FC_TOLERANCE_DEFAULT;
  ck_assert_double_eq_tol (fc_check_tolerance (&t, 0), 0, 1e-12);
  ck_assert_double_eq_tol (fc_check_tolerance (&t, 2), 0.01, 1e-12);  /* one figure, two tables */
  ck_assert_double_eq_tol (fc_check_tolerance (&t, 3), 0.02, 1e-12);  /* floor: 舍位平衡 */
  ck_assert_double_eq_tol (fc_check_tolerance (&t, 5), 0.025, 1e-12); /* interval bound */
  /* cap: a 0.05 typo shows, even beside a 0.02 tail (differences come in 分) */
  ck_assert_double_eq_tol (fc_check_tolerance (&t, 9), 0.025, 1e-12);
}
END_TEST

START_TEST (test_table_ids)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  const FcCatalogue *cat = fc_engine_get_catalogue (e);
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "收入决算表"), "02");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "一般公共预算财政拨款支出决算表"), "05");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "支出决算表"), "03");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "财政拨款“三公”经费支出决算表"), "09");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "2023年度 收入支出决算总表"), "01");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "公开02表"), "02");
  /* other provinces' titles */
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "财政拨款收支决算总表"), "04");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "政府性基金预算财政拨款支出决算表"), "07");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "一般公共预算财政拨款“三公”经费支出决算表"), "09");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "一般公共预算财政拨款基本支出决算表"), "06");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "7"), "07");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "表7"), "07");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "附表 3"), "03");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "表1 收入支出决算总表"), "01");
  ck_assert_ptr_null (fc_catalogue_parse_table_id (cat, "注：本表反映部门本年度取得的各项收入情况。"));
  ck_assert_ptr_null (fc_catalogue_parse_table_id (cat, "公开11表"));
  /* a title is matched as a whole: a longer title that ends with a shorter
   * one is the longer table, or none, never the shorter */
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "国有资本经营预算财政拨款收入支出决算表"), "08");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "上海市普陀区规划和自然资源局2024年度收入支出决算总表"),
                    "01");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "收入支出决算总表（2024年度）"), "01");
  ck_assert_ptr_null (fc_catalogue_parse_table_id (cat, "国有资本经营预算财政拨款收入和支出决算表"));
  ck_assert_ptr_null (fc_catalogue_parse_table_id (cat, "项目支出决算表"));
  /* a department whose name holds such words is still a prefix */
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "某市社会保险基金管理中心2024年度收入决算表"), "02");
  ck_assert_str_eq (fc_catalogue_parse_table_id (cat, "某市政府投资项目评审中心支出决算表"), "03");
  ck_assert_ptr_null (fc_catalogue_parse_table_id (cat, "一般公共预算财政拨款项目支出决算表"));
  /* bare numbers and 表号 need no catalogue */
  ck_assert_str_eq (fc_catalogue_parse_table_label ("公开02表"), "02");
  ck_assert_ptr_null (fc_catalogue_parse_table_label ("收入决算表"));
  g_autofree char *n = fc_text_normalize ("（一）  行政单位");
  ck_assert_str_eq (n, "行政单位");
}
END_TEST

/* Folding and normalizing, the way labels are compared: every form the
 * one-pass folder handles (it writes into a buffer of the input's size). */
START_TEST (test_text_fold)
{
  static const struct { const char *in, *folded, *normalized; } cases[] = {
    { "", "", "" },
    { "  合 计 ", "合计", "合计" },
    { "\t一、\u3000基本\u00a0支出\r\n", "一、基本支出", "基本支出" },
    { "“项目”支出「甲」『乙』‘丙’", "项目支出甲乙丙", "项目支出甲乙丙" },
    { "\"a\" 'b'", "ab", "ab" },
    { "ＡＢＣ１２３．５（一）", "ABC123.5(一)", "ABC123.5(一)" },
    { "（一）行政单位", "(一)行政单位", "行政单位" },
    { "＂引＂＇号＇", "引号", "引号" },              /* full-width quotes are quotes */
    { "10.基本支出", "10.基本支出", "基本支出" },
    { "1.5万元", "1.5万元", "1.5万元" },          /* a number, not an enumeration */
    { "十二、其他", "十二、其他", "其他" },
    { "a\vb", "a\vb", "a\vb" },                     /* \v is no space to GLib */
    { "a\u1680b\u2003c\u2028d\u202fe\u3000f", "abcdef", "abcdef" }, /* Unicode spaces */
    { "(一二三四五)长", "(一二三四五)长", "(一二三四五)长" }, /* five in brackets: text */
    { "\xe5\x90", "", "" },                        /* cut UTF-8 */
    { "ok\xff", "", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = fc_text_fold (cases[i].in);
      g_autofree char *normalized = fc_text_normalize (cases[i].in);
      ck_assert_msg (strcmp (folded, cases[i].folded) == 0, "fold %u: %s", i, folded);
      ck_assert_msg (strcmp (normalized, cases[i].normalized) == 0, "normalize %u: %s", i,
                     normalized);
    }
  /* the test before folding: FALSE only where folding cannot help */
  static const char *const footers[] = { "注", "说明", NULL };
  static const char *const latin[] = { "Note", NULL };
  ck_assert (fc_text_may_fold_to_any ("（一）注：单位万元", footers));
  ck_assert (fc_text_may_fold_to_any ("说 明", footers));
  ck_assert (!fc_text_may_fold_to_any ("一般公共服务支出", footers));
  ck_assert (!fc_text_may_fold_to_any ("", footers));
  ck_assert (fc_text_may_fold_to_any ("ＮＯＴＥ", latin)); /* full-width: cannot tell */
  g_autofree char *none = fc_text_fold (NULL);
  ck_assert_str_eq (none, "");
}
END_TEST

/* ---- rule files ---------------------------------------------------------- */

static void
assert_rule_error (const char *text, const char *expected_part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcEngine) e = fc_engine_new_from_data (text, -1, "my.rules", &error);
  ck_assert_ptr_null (e);
  ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_RULE_SYNTAX));
  ck_assert_msg (strstr (error->message, expected_part) != NULL,
                 "“%s” lacks “%s”", error->message, expected_part);
}

START_TEST (test_rule_errors)
{
  assert_rule_error ("[A]\nmessage=x\ncheck = 01[27,1] = \n", "my.rules:3:");
  assert_rule_error ("# c\n[A]\nmessage=x\ncheck = 01[27,1] == 02[1,1]\n", "my.rules:4:");
  assert_rule_error ("[A]\nmessage=x\ncheck = 100[1,1] = 02[1,1]\n", "01 to 99");
  assert_rule_error ("[A]\nmessage=x\ncheck = 01[foo,1] = 02[1,1]\n", "unknown row selector");
  assert_rule_error ("[A]\nmessage=x\nseverity=fatal\ncheck = 01[1,1] = 02[1,1]\n", "my.rules:3:");
  assert_rule_error ("[A]\ncheck = 01[1,1] = 02[1,1]\n", "no message");
  assert_rule_error ("[A]\nmessage=x\n\nthis line is junk\n", "my.rules:4:");
  assert_rule_error ("[A]\nmessage=x\ncheck = 02[*,1] = 03[*,1]\n", "same table");
  assert_rule_error ("[A]\nmessage=x\nkind=hierarchy\n", "hierarchy needs");
  assert_rule_error ("[A]\nmessage=x\nkind=hierarchy\ntable=02\ncolumns=1-7\n", "hierarchy needs");
  assert_rule_error ("[A]\nmessage=x\ncheck = 01[0..3,1] = 02[1,1]\n", "行次 run from 1");
  /* a key the kind does not have is a typo, not something to ignore */
  assert_rule_error ("[A]\nmessage=x\ncheck = 01[1,1] = 02[1,1]\ncolumns = 1..3\n",
                     "my.rules:4: rule A: a check rule has no key “columns”");
  assert_rule_error ("[A]\nmessage=x\nkind=sum\n", "unknown kind “sum” (check, hierarchy");
  assert_rule_error ("[A]\nmessage=x\ncheck = 01[1,1] = 02[1,1]\n\n[A]\nmessage=y\n", "my.rules:5:");
  assert_rule_error ("[A]\nmessage=x\nseverity=error\nseverity=info\ncheck = 01[1,1] = 02[1,1]\n",
                     "my.rules:4:");
}
END_TEST

/* The header of the shipped rule file documents exactly the keys and kinds
 * the parser accepts. */
START_TEST (test_rule_file_header)
{
  g_autofree char *data = NULL;
  ck_assert (g_file_get_contents (g_getenv ("FC_RULES"), &data, NULL, NULL));
  g_autofree char *block = fc_rules_describe_kinds ();
  ck_assert_msg (strstr (data, block) != NULL,
                 "the header of standard.rules must contain, as it is:\n%s", block);
}
END_TEST

START_TEST (test_rule_parse)
{
  g_autoptr (GError) error = NULL;
  const char *text = "[T.1]\nseverity = warning\n"
                     "check = 01[\"本年收入合计\",1] - 0 <= sum(01[1..8,1]) + 02[#2010301,2..7]\n"
                     "message[zh_CN] = 中文\nmessage[en_US] = English\n";
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_rule_free);
  ck_assert_msg (fc_rules_parse (text, -1, "t", rules, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (rules->len, 1);
  FcRule *r = g_ptr_array_index (rules, 0);
  ck_assert_int_eq (r->severity, FC_SEVERITY_WARNING);
  ck_assert_int_eq (r->relation, FC_RELATION_LE);
  ck_assert_str_eq (r->message, "中文");
  ck_assert_str_eq (r->message_en, "English");
  ck_assert_uint_eq (r->lhs->len, 2);
  ck_assert_uint_eq (r->rhs->len, 2);
  FcTerm *t = &g_array_index (r->rhs, FcTerm, 1);
  ck_assert_int_eq (t->ref.row, FC_ROW_CODE);
  ck_assert_str_eq (t->ref.key, "2010301");
  ck_assert_uint_eq (t->ref.col_from, 2);
  ck_assert_uint_eq (t->ref.col_to, 7);
  ck_assert_str_eq (r->table, "01");
  ck_assert_uint_eq (r->tables->len, 2);
}
END_TEST

START_TEST (test_standard_rules_load)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  ck_assert_uint_ge (fc_engine_get_n_rules (e), 40);
}
END_TEST

/* ---- the sample ------------------------------------------------------------ */

START_TEST (test_sample_clean)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, &error);
  ck_assert_ptr_nonnull (r);
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      ck_assert_msg (f->severity != FC_SEVERITY_ERROR, "unexpected error %s: %s",
                     f->rule_id, f->message);
    }
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  /* the published 0.01 tails are notes, e.g. 02 row 201: 452.86 vs 452.85 */
  ck_assert_uint_ge (fc_report_count (r, FC_SEVERITY_INFO), 5);
  FcSheet *s02 = fc_test_sheet (wb, "收入决算表");
  guint row, col;
  ck_assert (fc_test_find_number (s02, 452.86, &row, &col));
  ck_assert_uint_ge (fc_test_count_at (r, "收入决算表", row, col, FC_SEVERITY_INFO), 1);
  /* its 支出决算表 is labelled 公开09表: a real mistake, a warning */
  gboolean mislabel = FALSE;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      mislabel |= strcmp (f->rule_id, "S.2") == 0 && strcmp (f->table, "03") == 0;
    }
  ck_assert (mislabel);
  /* all ten tables found, each once */
  ck_assert_uint_eq (r->tables->len, 10);
}
END_TEST

START_TEST (test_sample_income_total_mutation)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  FcSheet *s01 = fc_test_sheet (wb, "收入支出决算总表");
  guint row, col;
  ck_assert (fc_test_find_number (s01, 634.38, &row, &col));
  fc_sheet_set_number (s01, row, col, 634.48);
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_ge (fc_report_count (r, FC_SEVERITY_ERROR), 1);
  ck_assert_uint_ge (fc_test_count_at (r, "收入支出决算总表", row, col, FC_SEVERITY_ERROR), 2);
  /* the finding carries expected, actual and difference */
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      if (strcmp (f->rule_id, "X01-02.1") == 0)
        {
          ck_assert_int_eq (f->severity, FC_SEVERITY_ERROR);
          ck_assert_double_eq_tol (f->actual, 634.48, 1e-9);
          ck_assert_double_eq_tol (f->expected, 634.38, 1e-9);
          ck_assert_double_eq_tol (f->difference, 0.10, 1e-9);
          return;
        }
    }
  ck_abort_msg ("X01-02.1 did not fire");
}
END_TEST

START_TEST (test_sample_text_number)
{
  /* a number typed as text is a number; other text is an input finding */
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  FcSheet *s01 = fc_test_sheet (wb, "收入支出决算总表");
  guint row, col;
  ck_assert (fc_test_find_number (s01, 634.38, &row, &col));
  fc_sheet_set_text (s01, row, col, "634.38");
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  fc_sheet_set_text (s01, row, col, "六百");
  g_autoptr (FcReport) r2 = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_eq (fc_report_count (r2, FC_SEVERITY_ERROR), 1);
  const FcFinding *f = g_ptr_array_index (r2->findings, 0);
  for (guint i = 0; i < r2->findings->len; i++)
    if (((FcFinding *) g_ptr_array_index (r2->findings, i))->severity == FC_SEVERITY_ERROR)
      f = g_ptr_array_index (r2->findings, i);
  ck_assert_str_eq (f->rule_id, "I.1");
  ck_assert (fc_test_finding_has_cell (f, "收入支出决算总表", row, col));
}
END_TEST

START_TEST (test_sample_scope)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  FcSheet *s02 = fc_test_sheet (wb, "收入决算表");
  guint row, col;
  ck_assert (fc_test_find_number (s02, 321.21, &row, &col));
  fc_sheet_set_number (s02, row, col, 325.00);
  g_autoptr (FcReport) only02 = fc_engine_check (e, wb, "公开02表", NULL);
  g_autoptr (FcReport) only01 = fc_engine_check (e, wb, "R01.1", NULL);
  ck_assert_uint_ge (fc_report_count (only02, FC_SEVERITY_ERROR), 1);
  ck_assert_uint_eq (fc_report_count (only01, FC_SEVERITY_ERROR), 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) bad = fc_engine_check (e, wb, "R99.9", &error);
  ck_assert_ptr_null (bad);
  ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_READ));
}
END_TEST

/* Every scope answered from one unscoped check (what the live add-in
 * does) gives the errors, and the rules' findings in their order, that a
 * check restricted to it gives: on the sample and on mutants breaking a
 * row of 02, a total of 01 and a cell of 05 (text where an amount belongs). */
static void
assert_scope_views (const FcEngine *e, const FcWorkbook *wb)
{
  g_autoptr (FcReport) all = fc_engine_check (e, wb, NULL, NULL);
  g_autoptr (GPtrArray) scopes = g_ptr_array_new_with_free_func (g_free);
  ck_assert_ptr_nonnull (all);
  g_ptr_array_add (scopes, g_strdup (""));
  for (guint t = 1; t <= 10; t++)
    g_ptr_array_add (scopes, g_strdup_printf ("%02u", t));
  g_ptr_array_add (scopes, g_strdup ("公开02表"));
  for (guint i = 0; i < fc_engine_get_n_rules (e); i++)
    g_ptr_array_add (scopes, g_strdup (fc_engine_get_rule_id (e, i)));
  for (guint i = 0; i < scopes->len; i++)
    {
      const char *scope = g_ptr_array_index (scopes, i);
      g_autoptr (FcReport) checked = fc_engine_check (e, wb, scope, NULL);
      g_autoptr (FcReport) view = fc_engine_report_in_scope (e, all, scope, NULL);
      ck_assert_ptr_nonnull (checked);
      ck_assert_ptr_nonnull (view);
      ck_assert_msg (fc_report_count (view, FC_SEVERITY_ERROR)
                     == fc_report_count (checked, FC_SEVERITY_ERROR),
                     "scope %s: %u errors in the view, %u checked", scope,
                     fc_report_count (view, FC_SEVERITY_ERROR),
                     fc_report_count (checked, FC_SEVERITY_ERROR));
      g_autoptr (GString) a = g_string_new (NULL), b = g_string_new (NULL);
      for (guint k = 0; k < view->findings->len; k++)
        {
          const FcFinding *f = g_ptr_array_index (view->findings, k);
          if (f->rule_id[0] != 'I')
            g_string_append_printf (a, "%s/%d/%s ", f->rule_id, f->severity, f->message);
        }
      for (guint k = 0; k < checked->findings->len; k++)
        {
          const FcFinding *f = g_ptr_array_index (checked->findings, k);
          if (f->rule_id[0] != 'I')
            g_string_append_printf (b, "%s/%d/%s ", f->rule_id, f->severity, f->message);
        }
      ck_assert_msg (strcmp (a->str, b->str) == 0, "scope %s: %s\nchecked: %s", scope, a->str,
                     b->str);
    }
  g_autoptr (GError) error = NULL;
  ck_assert_ptr_null (fc_engine_report_in_scope (e, all, "R99.9", &error));
  ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_READ));
}

START_TEST (test_scope_from_one_check)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  guint row, col;
  assert_scope_views (e, wb);
  FcSheet *s02 = fc_test_sheet (wb, "收入决算表");
  ck_assert (fc_test_find_number (s02, 321.21, &row, &col));
  fc_sheet_set_number (s02, row, col, 325.00);
  assert_scope_views (e, wb);
  FcSheet *s01 = fc_test_sheet (wb, "收入支出决算总表");
  ck_assert (fc_test_find_number (s01, 634.38, &row, &col));
  fc_sheet_set_number (s01, row, col, 634.48);
  assert_scope_views (e, wb);
  FcSheet *s05 = fc_workbook_get_sheet (wb, 4);
  for (guint r = 0; r < fc_sheet_get_n_rows (s05); r++)
    for (guint c = 0; c < fc_sheet_get_n_cols (s05); c++)
      {
        const FcCell *cell = fc_sheet_get_cell (s05, r, c);
        if (cell != NULL && cell->kind == FC_CELL_NUMBER && cell->number > 1)
          {
            fc_sheet_set_text (s05, r, c, "六百");
            assert_scope_views (e, wb);
            return;
          }
      }
}
END_TEST

START_TEST (test_no_tables)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_workbook_new ();
  FcSheet *s = fc_workbook_add_sheet (wb, "Sheet1", 3, 3);
  fc_sheet_set_text (s, 0, 0, "hello");
  fc_sheet_set_number (s, 1, 1, 42);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, &error);
  ck_assert_ptr_null (r);
  ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_NO_TABLES));
  g_autoptr (FcWorkbook) empty = fc_workbook_new ();
  g_clear_error (&error);
  g_autoptr (FcReport) r2 = fc_engine_check (e, empty, NULL, &error);
  ck_assert_ptr_null (r2);
}
END_TEST

/* The blank template (ods-templates/template.fods) has no year of its own
 * and checks without a warning: one note says nothing was there to check,
 * not a "本表无数据" warning per table. */
START_TEST (test_blank_template)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autofree char *dir = g_path_get_dirname (fc_test_sample_path ());
  g_autofree char *path = g_build_filename (dir, "template.fods", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcWorkbook) wb = fc_fods_read_file (path, &error);
  ck_assert_msg (wb != NULL, "%s", error ? error->message : "");
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, &error);
  ck_assert_msg (r != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_WARNING), 0);
  ck_assert_uint_eq (fc_test_count_rule (r, "S.5", FC_SEVERITY_INFO), 1);
  for (guint i = 0; i < fc_workbook_get_n_sheets (wb); i++)
    {
      FcSheet *s = fc_workbook_get_sheet (wb, i);
      for (guint row = 0; row < fc_sheet_get_n_rows (s); row++)
        for (guint col = 0; col < fc_sheet_get_n_cols (s); col++)
          {
            const FcCell *cell = fc_sheet_get_cell (s, row, col);
            ck_assert_msg (cell->kind != FC_CELL_TEXT || !g_regex_match_simple ("(19|20)[0-9][0-9]年度", cell->text, 0, 0),
                           "the template has a year of its own: %s", cell->text);
          }
    }
  /* one table with amounts: the empty ones must say 本表无数据 again */
  g_autoptr (FcWorkbook) sample = fc_test_sample ();
  g_autoptr (FcReport) filled = fc_engine_check (e, sample, NULL, NULL);
  ck_assert_uint_eq (fc_test_count_rule (filled, "S.5", FC_SEVERITY_INFO), 0);
}
END_TEST

/* Every amount cell that takes part in an identity: a change of ≥ 0.05
 * gives an error finding that includes that cell.  "Takes part" is measured,
 * not listed: a change of 1000 must give an error at the cell. */
START_TEST (test_sample_mutations)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  fc_test_assert_mutations (e, wb, "sample", 150);
}
END_TEST

/* A table of contents names every table without being one: with only 01
 * present, the other nine are missing (S.1), and no rule compares 01 with a
 * table of contents line. */
START_TEST (test_table_of_contents)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) sample = fc_test_sample ();
  g_autoptr (FcWorkbook) wb = fc_workbook_new ();
  static const char *const toc[] = {
    "目 录", "一、收入支出决算总表", "二、收入决算表", "三、支出决算表", "四、财政拨款收入支出决算总表",
    "五、一般公共预算财政拨款支出决算表", "六、一般公共预算财政拨款基本支出决算明细表",
    "七、政府性基金预算财政拨款收入支出决算表", "八、国有资本经营预算财政拨款支出决算表",
    "九、财政拨款“三公”经费支出决算表", "十、部门决算公开相关信息统计表",
  };
  FcSheet *s = fc_workbook_add_sheet (wb, "目录", G_N_ELEMENTS (toc), 2);
  for (guint i = 0; i < G_N_ELEMENTS (toc); i++)
    {
      fc_sheet_set_text (s, i, 0, toc[i]);
      fc_sheet_set_number (s, i, 1, i + 3);
    }
  const FcSheet *t01 = fc_test_sheet (sample, "收入支出决算总表");
  FcSheet *copy = fc_workbook_add_sheet (wb, "01", fc_sheet_get_n_rows (t01), fc_sheet_get_n_cols (t01));
  for (guint r = 0; r < fc_sheet_get_n_rows (t01); r++)
    for (guint c = 0; c < fc_sheet_get_n_cols (t01); c++)
      {
        const FcCell *cell = fc_sheet_get_cell (t01, r, c);
        if (cell->kind == FC_CELL_NUMBER)
          fc_sheet_set_number (copy, r, c, cell->number);
        else if (cell->kind == FC_CELL_TEXT)
          fc_sheet_set_text (copy, r, c, cell->text);
      }
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_ptr_nonnull (r);
  ck_assert_uint_eq (r->tables->len, 1);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  ck_assert_uint_eq (fc_test_count_rule (r, "S.1", FC_SEVERITY_WARNING), 9);
}
END_TEST

/* A row a rule names by label but the table calls otherwise (收入总计 for
 * 总计) is reported once as not found, never compared with 0. */
START_TEST (test_missing_row_is_not_zero)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  FcSheet *s01 = fc_test_sheet (wb, "收入支出决算总表");
  for (guint r = 0; r < fc_sheet_get_n_rows (s01); r++)
    for (guint c = 0; c < fc_sheet_get_n_cols (s01); c++)
      {
        const FcCell *cell = fc_sheet_get_cell (s01, r, c);
        if (cell->kind == FC_CELL_TEXT && strcmp (cell->text, "总计") == 0)
          fc_sheet_set_text (s01, r, c, c == 0 ? "收入总计" : "支出总计");
      }
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  guint missing = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      if (strcmp (f->rule_id, "I.2") == 0)
        {
          missing++;
          ck_assert_msg (strstr (f->message, "“总计”") != NULL, "%s", f->message);
        }
    }
  ck_assert_uint_eq (missing, 2); /* 总计 栏1 and 总计 栏2, once each */
}
END_TEST

/* What the engine cannot read is said once, as a warning, never as an error
 * per cell: 09 without two of its columns is one I.3; text in three amount
 * cells of one table is one I.1 warning, in one cell an error. */
START_TEST (test_not_understood_is_one_warning)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  FcSheet *s09 = fc_test_sheet (wb, "财政拨款“三公”经费支出决算表");
  guint row, col;
  ck_assert (fc_test_find_number (s09, 15.79, &row, &col));
  ck_assert_uint_eq (fc_test_retext (s09, "公务接待费", "接待"), 2);
  for (guint r = 0; r < row; r++)
    for (guint c = 0; c < fc_sheet_get_n_cols (s09); c++)
      {
        const FcCell *cell = fc_sheet_get_cell (s09, r, c);
        if (cell->kind == FC_CELL_NUMBER && (cell->number == 6 || cell->number == 12))
          fc_sheet_clear_cell (s09, r, c); /* the 栏次 row no longer names them either */
      }
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  ck_assert_uint_eq (fc_test_count_rule (r, "I.3", FC_SEVERITY_WARNING), 1);
  ck_assert_uint_eq (fc_test_count_rule (r, "R09.1", FC_SEVERITY_INFO), 0); /* not checked */

  g_autoptr (FcWorkbook) wb2 = fc_test_sample ();
  FcSheet *s02 = fc_test_sheet (wb2, "收入决算表");
  static const double amounts[] = { 452.86, 430.56, 22.30 };
  for (guint k = 0; k < G_N_ELEMENTS (amounts); k++)
    {
      ck_assert (fc_test_find_number (s02, amounts[k], &row, &col));
      fc_sheet_set_text (s02, row, col, "见附注");
      g_autoptr (FcReport) rk = fc_engine_check (e, wb2, NULL, NULL);
      if (k < 2)
        ck_assert_uint_eq (fc_test_count_rule (rk, "I.1", FC_SEVERITY_ERROR), k + 1);
      else
        {
          ck_assert_uint_eq (fc_report_count (rk, FC_SEVERITY_ERROR), 0);
          ck_assert_uint_eq (fc_test_count_rule (rk, "I.1", FC_SEVERITY_WARNING), 1);
        }
    }
}
END_TEST

/* A header worded otherwise than the catalogue is read by its printed 栏次
 * when the words resemble (对附属单位补助 for 对附属单位补助支出); a header
 * that names something else keeps its column out, 栏次 or not. */
static guint
problems_after_renaming (const char *to)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  ck_assert_uint_eq (fc_test_retext (fc_test_sheet (wb, "支出决算表"), "对附属单", to), 1);
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  return fc_test_count_rule (r, "I.3", FC_SEVERITY_WARNING);
}

START_TEST (test_header_worded_otherwise)
{
  ck_assert_uint_eq (problems_after_renaming ("对附属单位补助"), 0);
  ck_assert_uint_eq (problems_after_renaming ("备注"), 1);
}
END_TEST

/* A table in 元 beside tables in 万元 is compared in 万元: one S.8 warning,
 * no error; its figures written ten thousand times larger reconcile (09
 * has no rounding tail of its own), and a 0.05 万元 typo in it is an error. */
START_TEST (test_table_in_yuan)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  const char *name = "财政拨款“三公”经费支出决算表";
  FcSheet *s09 = fc_test_sheet (wb, name);
  guint row, col;
  ck_assert (fc_test_find_number (s09, 18.83, &row, &col));
  for (guint c = 0; c < fc_sheet_get_n_cols (s09); c++)
    {
      const FcCell *cell = fc_sheet_get_cell (s09, row, c);
      if (cell->kind == FC_CELL_NUMBER)
        fc_sheet_set_number (s09, row, c, round (cell->number * 10000));
    }
  ck_assert_uint_eq (fc_test_retext (s09, "金额单位：万元", "金额单位：元"), 1);
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  ck_assert_uint_eq (fc_test_count_rule (r, "S.8", FC_SEVERITY_WARNING), 1);
  fc_sheet_set_number (s09, row, col, 188800); /* 18.88 万元 */
  g_autoptr (FcReport) r2 = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_ge (fc_test_count_at (r2, name, row, col, FC_SEVERITY_ERROR), 1);
}
END_TEST

/* 05 ≤ 03 holds code by code; a code 05 has and 03 lacks is one finding,
 * not one per column. */
START_TEST (test_code_missing_once)
{
  g_autoptr (FcEngine) e = fc_test_engine ();
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  FcSheet *s03 = fc_test_sheet (wb, "支出决算表");
  guint row, col;
  ck_assert (fc_test_find_number (s03, 2080799, &row, &col));
  fc_sheet_set_number (s03, row, col, 2080798); /* 03 calls it otherwise */
  g_autoptr (FcReport) r = fc_engine_check (e, wb, "X03-05.1", NULL);
  guint n = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      n += strcmp (f->rule_id, "X03-05.1") == 0;
      if (strcmp (f->rule_id, "X03-05.1") == 0)
        ck_assert_msg (strstr (f->message, "2080799") != NULL, "%s", f->message);
    }
  ck_assert_uint_eq (n, 1);
}
END_TEST

/* Users' own rule files: a good one adds a rule, a broken one is reported
 * with file and line while every other rule keeps working. */
START_TEST (test_user_rules_dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-rules-XXXXXX", &error);
  ck_assert_ptr_nonnull (dir);
  g_autofree char *good = g_build_filename (dir, "10-mine.rules", NULL);
  g_autofree char *bad = g_build_filename (dir, "20-broken.rules", NULL);
  g_autofree char *ignored = g_build_filename (dir, "notes.txt", NULL);
  ck_assert (g_file_set_contents (good,
                                  "# 本单位补充规则\n[U.1]\nseverity = warning\n"
                                  "check = 01[\"本年收入合计\",1] <= 600\n"
                                  "message[zh_CN] = 本年收入不应超过600万元\n"
                                  "message[en_US] = Income should not exceed 6 million\n", -1, NULL));
  ck_assert (g_file_set_contents (bad, "[U.2]\nmessage = x\ncheck = 01[27,1] =\n", -1, NULL));
  ck_assert (g_file_set_contents (ignored, "not rules", -1, NULL));
  g_autoptr (FcEngine) e = fc_test_engine ();
  guint before = fc_engine_get_n_rules (e);
  ck_assert_uint_eq (fc_engine_add_rules_dir (e, dir), 1);
  ck_assert_uint_eq (fc_engine_get_n_rules (e), before + 1);
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  g_autoptr (FcReport) r = fc_engine_check (e, wb, NULL, NULL);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 0);
  gboolean mine = FALSE, problem = FALSE;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      mine |= strcmp (f->rule_id, "U.1") == 0 && f->severity == FC_SEVERITY_WARNING;
      if (strcmp (f->rule_id, "S.0") == 0)
        {
          problem = TRUE;
          ck_assert_msg (strstr (f->message, "20-broken.rules:3:") != NULL, "%s", f->message);
        }
    }
  ck_assert (mine);
  ck_assert (problem);
  ck_assert_uint_eq (fc_engine_add_rules_dir (e, "/nonexistent/fiscalcheck"), 0);
  g_remove (good);
  g_remove (bad);
  g_remove (ignored);
  g_rmdir (dir);
}
END_TEST

static Suite *
engine_suite (void)
{
  Suite *s = suite_create ("engine");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_amount_forms);
  tcase_add_test (tc, test_amount_text);
  tcase_add_test (tc, test_tolerance);
  tcase_add_test (tc, test_table_ids);
  tcase_add_test (tc, test_text_fold);
  tcase_add_test (tc, test_rule_errors);
  tcase_add_test (tc, test_rule_parse);
  tcase_add_test (tc, test_rule_file_header);
  tcase_add_test (tc, test_standard_rules_load);
  tcase_add_test (tc, test_sample_clean);
  tcase_add_test (tc, test_sample_income_total_mutation);
  tcase_add_test (tc, test_sample_text_number);
  tcase_add_test (tc, test_sample_scope);
  tcase_add_test (tc, test_scope_from_one_check);
  tcase_add_test (tc, test_no_tables);
  tcase_add_test (tc, test_blank_template);
  tcase_add_test (tc, test_sample_mutations);
  tcase_add_test (tc, test_user_rules_dir);
  tcase_add_test (tc, test_table_of_contents);
  tcase_add_test (tc, test_missing_row_is_not_zero);
  tcase_add_test (tc, test_not_understood_is_one_warning);
  tcase_add_test (tc, test_code_missing_once);
  tcase_add_test (tc, test_header_worded_otherwise);
  tcase_add_test (tc, test_table_in_yuan);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autoptr (FcEngine) check_rules_load = fc_test_engine ();
  fc_test_sample_path ();
  return fc_test_run (engine_suite ());
}
