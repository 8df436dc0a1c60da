/* test-narrative.c — the narrative (情况说明) and the project
 * self-evaluations against the tables: the seed's, as the whole sample has
 * them (every finding listed, nothing else an error), the real Shanghai
 * narrative beside its workbook, mutants of both texts found at their
 * sentence, texts with no narrative, hostile text, and the engine API a
 * separate document goes through. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "fc-claims.h"
#include "fc-engine.h"
#include "fc-fods.h"
#include "fc-narrative-check.h"
#include "fc-report-writer.h"
#include "fc-report-jsonglib.h"
#include "fc-rules.h"
#include "fc-test.h"
#include "fc-vocabulary.h"

static FcEngine *engine;

static gboolean
is_text_rule (const char *id)
{
  return g_str_has_prefix (id, "N.") || g_str_has_prefix (id, "P.");
}

/* Findings of the table rules (not N.*, P.*) at this severity. */
static guint
count_table_rules (const FcReport *r, FcSeverity severity)
{
  guint n = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      n += f->severity == severity && !is_text_rule (f->rule_id);
    }
  return n;
}

static guint
count_text_rules (const FcReport *r, FcSeverity severity)
{
  guint n = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      n += f->severity == severity && is_text_rule (f->rule_id);
    }
  return n;
}

static const FcFinding *
find (const FcReport *r, const char *rule, FcSeverity severity, const char *quote)
{
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      if (strcmp (f->rule_id, rule) == 0 && f->severity == severity
          && (quote == NULL || strstr (f->quote, quote) != NULL))
        return f;
    }
  return NULL;
}

static void
dump (const FcReport *r)
{
  g_autofree char *text = fc_report_to_text (r, "report");
  g_printerr ("%s", text);
}

/* ---- the seed, as the whole sample ------------------------------------ */

typedef struct {
  const char *rule;
  FcSeverity severity;
  const char *quote; /* words of its quote, or of its message when it has none */
} Expected;

/* Every finding of the narrative's and self-evaluations' rules on the seed,
 * and why (README and the report of this work list them too). */
static const Expected seed_expected[] = {
  /* 五（三） states 2022's 一般公共预算财政拨款支出 as 545.61, 五（一）'s
   * 增加26.31万元，增长4.85% implies 568.68 − 26.31 = 542.37 */
  { "N.4", FC_SEVERITY_ERROR, "545.61万元" },
  /* J外事宣传费: its scores add up to 89.95 (a 10-point indicator is
   * missing), its 总分 says 99.95 */
  { "P.1", FC_SEVERITY_ERROR, "J外事宣传费" },
  /* 因公出国（境）费 比上年度增加15.79万元，增长∞%: from nothing */
  { "N.5", FC_SEVERITY_WARNING, "增长∞%" },
  /* percentages cut instead of rounded, sums off by one cent */
  { "N.2", FC_SEVERITY_INFO, "占比2.63%" },    /* 11.17 / 423.74 = 2.636 % */
  { "N.3", FC_SEVERITY_INFO, "占比7.11%" },    /* 57.16 + 33.09 + 2.63 + 7.11 = 99.99 % */
  { "N.4", FC_SEVERITY_INFO, "占比4.22%" },    /* 23.07 / 545.61 = 4.228 % */
  { "N.6", FC_SEVERITY_INFO, "134.52%" },      /* 568.68 / 422.73 = 134.526 % */
  { "N.6", FC_SEVERITY_INFO, "130.75%" },      /* 423.74 / 324.07 = 130.756 % */
  { "N.7", FC_SEVERITY_INFO, "98.67万元" },    /* 324.07 + 98.67 = 422.74 against 422.73 */
  { "N.13", FC_SEVERITY_INFO, "涉及资金98.66万元" }, /* the 12 年初预算数 add up to 98.666 */
  { "N.13", FC_SEVERITY_INFO, "执行数2.97万元" }, /* J宣传交流工作经费 2.979 */
  { "N.13", FC_SEVERITY_INFO, "执行数9.90万元" }, /* J专项事务工作经费 9.909 */
  { "N.13", FC_SEVERITY_INFO, "执行数3.03万元" }, /* J外事接待费 3.038 */
  { "P.2", FC_SEVERITY_INFO, "J外事接待费" },   /* 3.038 / 3.07 = 98.958 %, printed 98.95 */
  { "P.2", FC_SEVERITY_INFO, "J宣传交流工作经费" }, /* 2.979 / 3 = 99.30 %, printed 99.31 */
};

static gboolean
matches (const FcFinding *f, const Expected *e)
{
  return strcmp (f->rule_id, e->rule) == 0 && f->severity == e->severity
         && (strstr (f->quote, e->quote) != NULL || strstr (f->message, e->quote) != NULL);
}

START_TEST (test_seed)
{
  g_autoptr (FcWorkbook) wb = fc_test_sample_full ();
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
  ck_assert_ptr_nonnull (r);
  /* the tables are as clean as ever: their one warning is S.2 */
  ck_assert_uint_eq (count_table_rules (r, FC_SEVERITY_ERROR), 0);
  ck_assert_uint_eq (count_table_rules (r, FC_SEVERITY_WARNING), 1);
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (seed_expected); i++)
    {
      gboolean found = FALSE;
      for (guint k = 0; k < r->findings->len && !found; k++)
        {
          const FcFinding *f = g_ptr_array_index (r->findings, k);
          if (!g_hash_table_contains (used, f) && matches (f, &seed_expected[i]))
            found = g_hash_table_add (used, (gpointer) f);
        }
      if (!found)
        dump (r);
      ck_assert_msg (found, "expected %s (%s) “%s” not found", seed_expected[i].rule,
                     fc_severity_to_string (seed_expected[i].severity), seed_expected[i].quote);
    }
  for (guint k = 0; k < r->findings->len; k++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, k);
      ck_assert_msg (!is_text_rule (f->rule_id) || g_hash_table_contains (used, f),
                     "unexpected %s %s: %s", f->rule_id, fc_severity_to_string (f->severity), f->message);
    }
  /* a narrative finding points at its sentence's cell first, and quotes it */
  const FcFinding *two_values = find (r, "N.4", FC_SEVERITY_ERROR, NULL);
  const FcFindingCell *cell = g_ptr_array_index (two_values->cells, 0);
  ck_assert_str_eq (cell->sheet, "情况说明");
  const FcCell *text = fc_sheet_get_cell (fc_test_sheet (wb, "情况说明"), cell->row, cell->col);
  ck_assert (strstr (text->text, two_values->quote) != NULL);
  ck_assert_uint_eq (two_values->paragraph, cell->row + 1); /* one paragraph a row from A1 */
  ck_assert (strstr (two_values->message, "542.37") != NULL);
  ck_assert (strstr (two_values->message, "增加26.31万元") != NULL);
  ck_assert_str_eq (two_values->document, "");
  /* FISCALCHECK() counts them like any other: 2 errors */
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 2);
}
END_TEST

/* The narrative does not change what the table rules find. */
START_TEST (test_seed_tables_unchanged)
{
  g_autoptr (FcWorkbook) full = fc_test_sample_full ();
  g_autoptr (FcWorkbook) tables = fc_test_sample ();
  g_autoptr (FcReport) a = fc_engine_check (engine, full, NULL, NULL);
  g_autoptr (FcReport) b = fc_engine_check (engine, tables, NULL, NULL);
  for (FcSeverity s = FC_SEVERITY_INFO; s <= FC_SEVERITY_ERROR; s++)
    ck_assert_uint_eq (count_table_rules (a, s), count_table_rules (b, s));
  ck_assert_uint_eq (count_text_rules (b, FC_SEVERITY_INFO) + count_text_rules (b, FC_SEVERITY_WARNING)
                     + count_text_rules (b, FC_SEVERITY_ERROR), 0);
  ck_assert_uint_eq (a->tables->len, b->tables->len);
}
END_TEST

/* ---- the real Shanghai narrative beside its workbook ------------------- */

static FcWorkbook *
shanghai_workbook (void)
{
  g_autofree char *path = fc_test_data_path ("putuo_ghzy_2024.fods");
  g_autoptr (GError) error = NULL;
  FcWorkbook *wb = fc_fods_read_file (path, &error);
  ck_assert_msg (wb != NULL, "%s", error ? error->message : "");
  return wb;
}

static char *
shanghai_text (void)
{
  g_autofree char *path = fc_test_data_path ("putuo_ghzy_2024_narrative.txt");
  char *text = NULL;
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static FcReport *
check_shanghai (const char *text)
{
  g_autoptr (FcWorkbook) wb = shanghai_workbook ();
  g_autoptr (FcNarrative) n = fc_narrative_new_from_text (text, -1, "putuo_ghzy_2024_narrative.txt");
  g_autoptr (GError) error = NULL;
  FcReport *r = fc_engine_check_full (engine, wb, n, NULL, &error);
  ck_assert_msg (r != NULL, "%s", error ? error->message : "");
  return r;
}

static const Expected shanghai_expected[] = {
  /* 六: the all-funds 基本支出 of 03 where 05/06's 一般公共预算 one is meant */
  { "N.1", FC_SEVERITY_ERROR, "一般公共预算财政拨款基本支出 5377.64 万元" },
  /* 六: 06 人员经费合计 is 4884.09 */
  { "N.1", FC_SEVERITY_ERROR, "人员经费 4896.98 万元" },
  /* the README's rounding-level items */
  { "N.1", FC_SEVERITY_INFO, "卫生健康支出（类）236.63 万元" }, /* 05: 236.64 */
  { "N.2", FC_SEVERITY_INFO, "99.86%" },                      /* 99.868 % */
  { "N.6", FC_SEVERITY_INFO, "95.45%" },                      /* 95.457 % */
  { "N.7", FC_SEVERITY_INFO, "171.49" },                      /* Σ 10210.33 against 10210.34 */
  /* 十一（二）: 122.43 + 1387.72 + 809.07 = 2319.22 against 2319.21 */
  { "N.3", FC_SEVERITY_INFO, "809.07" },
  /* the README's other items, and two more of the same kind */
  { "N.10", FC_SEVERITY_WARNING, "上海市规划和自然资源局" },       /* 普陀区 missing */
  { "N.10", FC_SEVERITY_WARNING, "上海市普陀区规划与自然资源局" }, /* 与 for 和 */
  { "N.11", FC_SEVERITY_WARNING, "增长 13.95" },                  /* no % */
  { "N.11", FC_SEVERITY_WARNING, "下降（增长）" },                /* the template's pair */
  { "N.12", FC_SEVERITY_WARNING, "机关事业单位退休人员活动费支出（项）" }, /* 2080599 */
  { "N.12", FC_SEVERITY_WARNING, "其他国土资源事务支出（项）" },   /* 2200199 其他自然资源事务支出 */
  /* 22102 is 住房改革支出: said once, though 购房补贴（项） names the 款 that way too */
  { "N.12", FC_SEVERITY_WARNING, "住房公积金（项）" },
};

START_TEST (test_shanghai)
{
  g_autofree char *text = shanghai_text ();
  g_autoptr (FcReport) r = check_shanghai (text);
  ck_assert_uint_eq (count_table_rules (r, FC_SEVERITY_ERROR), 0);
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (shanghai_expected); i++)
    {
      gboolean found = FALSE;
      for (guint k = 0; k < r->findings->len && !found; k++)
        {
          const FcFinding *f = g_ptr_array_index (r->findings, k);
          if (!g_hash_table_contains (used, f) && matches (f, &shanghai_expected[i]))
            found = g_hash_table_add (used, (gpointer) f);
        }
      if (!found)
        dump (r);
      ck_assert_msg (found, "expected %s (%s) “%s” not found", shanghai_expected[i].rule,
                     fc_severity_to_string (shanghai_expected[i].severity), shanghai_expected[i].quote);
    }
  for (guint k = 0; k < r->findings->len; k++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, k);
      ck_assert_msg (!is_text_rule (f->rule_id) || g_hash_table_contains (used, f),
                     "unexpected %s %s: %s", f->rule_id, fc_severity_to_string (f->severity), f->message);
    }
  /* the errors: quote, paragraph, document, and the table cell */
  const FcFinding *basic = find (r, "N.1", FC_SEVERITY_ERROR, "5377.64");
  ck_assert_uint_eq (basic->paragraph, 61);
  ck_assert_str_eq (basic->document, "putuo_ghzy_2024_narrative.txt");
  ck_assert_uint_eq (basic->cells->len, 1); /* no cell of its own: the table's */
  const FcFindingCell *cell = g_ptr_array_index (basic->cells, 0);
  ck_assert_str_eq (cell->sheet, "一般公共预算财政拨款支出决算表");
  ck_assert (fabs (cell->value - 5364.75) < 1e-9);
  ck_assert (fabs (basic->expected - 5364.75) < 1e-9 && fabs (basic->actual - 5377.64) < 1e-9);
  ck_assert (strstr (basic->message, "5364.75") != NULL && strstr (basic->message, cell->address) != NULL);
  const FcFinding *personnel = find (r, "N.1", FC_SEVERITY_ERROR, "4896.98");
  cell = g_ptr_array_index (personnel->cells, 0);
  ck_assert_str_eq (cell->sheet, "一般公共预算财政拨款基本支出决算表");
  ck_assert (fabs (cell->value - 4884.09) < 1e-9);
}
END_TEST

/* The same text as a list of paragraphs (what the office gives for a
 * .docx) gives the same findings. */
START_TEST (test_shanghai_paragraphs)
{
  g_autofree char *text = shanghai_text ();
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (FcWorkbook) wb = shanghai_workbook ();
  g_autoptr (FcNarrative) n = fc_narrative_new_from_paragraphs ((const char *const *) lines,
                                                                "putuo_ghzy_2024_narrative.txt");
  g_autoptr (FcReport) a = fc_engine_check_full (engine, wb, n, NULL, NULL);
  g_autoptr (FcReport) b = check_shanghai (text);
  ck_assert_uint_eq (a->findings->len, b->findings->len);
  for (guint i = 0; i < a->findings->len; i++)
    {
      const FcFinding *x = g_ptr_array_index (a->findings, i), *y = g_ptr_array_index (b->findings, i);
      ck_assert_str_eq (x->message, y->message);
      ck_assert_str_eq (x->quote, y->quote);
      ck_assert_uint_eq (x->paragraph, y->paragraph);
    }
}
END_TEST

/* The JSON report carries the quote, paragraph and document, and reads
 * them back; the text report shows the quote. */
START_TEST (test_report_quotes)
{
  g_autofree char *text = shanghai_text ();
  g_autoptr (FcReport) r = check_shanghai (text);
  g_autofree char *json = fc_report_workbook_to_json (r, "putuo.xlsx", NULL, FALSE);
  ck_assert (strstr (json, "\"quote\":\"一般公共预算财政拨款基本支出 5377.64 万元\"") != NULL);
  ck_assert (strstr (json, "\"paragraph\":61") != NULL);
  ck_assert (strstr (json, "\"document\":\"putuo_ghzy_2024_narrative.txt\"") != NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) back = fc_report_from_json (json, -1, &error);
  ck_assert_msg (back != NULL, "%s", error ? error->message : "");
  const FcFinding *f = find (back, "N.1", FC_SEVERITY_ERROR, "5377.64");
  ck_assert_ptr_nonnull (f);
  ck_assert_uint_eq (f->paragraph, 61);
  ck_assert_str_eq (f->document, "putuo_ghzy_2024_narrative.txt");
  /* table findings keep their shape */
  ck_assert (strstr (json, "\"rule\":\"R05.1\"") != NULL);
  g_autofree char *plain = fc_report_to_text (r, "putuo.xlsx");
  ck_assert (strstr (plain, "原文 quote（putuo_ghzy_2024_narrative.txt 第61段 paragraph 61）："
                            "“一般公共预算财政拨款基本支出 5377.64 万元”") != NULL);
}
END_TEST

/* ---- mutants of the texts --------------------------------------------- */

typedef struct {
  const char *what;
  const char *find;
  const char *replace;
  const char *rule;
  FcSeverity severity;
  const char *also; /* a rule that fires too, somewhere (a sum cannot tell which part) */
} TextEdit;

/* The seed's narrative (the 情况说明 sheet): each edit is found at its cell. */
static const TextEdit seed_edits[] = {
  { "amount", "公用经费30.29万元", "公用经费31.29万元", "N.1", FC_SEVERITY_ERROR, NULL },
  { "amount of a 类", "卫生健康支出(类)11.17万元，占比1.96%", "卫生健康支出(类)12.17万元，占比1.96%", "N.1",
    FC_SEVERITY_ERROR, NULL },
  { "amount of 10", "2023年机关运行经费支出30.29万元", "2023年机关运行经费支出32.29万元", "N.1",
    FC_SEVERITY_ERROR, NULL },
  { "share", "基本支出423.74万元，占比66.67%", "基本支出423.74万元，占比67.67%", "N.2", FC_SEVERITY_ERROR, NULL },
  { "rate", "财政拨款收入总计增加26.31万元，增长4.85%", "财政拨款收入总计增加26.31万元，增长5.85%", "N.4",
    FC_SEVERITY_ERROR, NULL },
  { "change", "收入总计增加26.78万元", "收入总计增加27.78万元", "N.4", FC_SEVERITY_ERROR, NULL },
  { "completion", "完成全年预算的100.00%，比上年度增加17.41万元", "完成全年预算的90.00%，比上年度增加17.41万元",
    "N.6", FC_SEVERITY_ERROR, NULL },
  { "year", "2023年度收入合计634.38万元", "2024年度收入合计634.38万元", "N.9", FC_SEVERITY_ERROR, NULL },
  { "grade", "7个项目自评等级为“优”", "6个项目自评等级为“优”", "N.13", FC_SEVERITY_ERROR, NULL },
  { "count", "涉及二级项目12个", "涉及二级项目11个", "N.13", FC_SEVERITY_ERROR, NULL },
  /* more projects than tables: the package may publish some of them only */
  { "count", "涉及二级项目12个", "涉及二级项目14个", "N.13", FC_SEVERITY_WARNING, NULL },
  { "score", "项目自评得分为89.91分", "项目自评得分为88.91分", "N.13", FC_SEVERITY_ERROR, NULL },
  { "budget", "项目年初预算0.1万元", "项目年初预算0.2万元", "N.13", FC_SEVERITY_ERROR, NULL },
  { "direction", "完成年初预算的146.89%。", "完成年初预算的146.89%，决算数小于预算数。", "N.8",
    FC_SEVERITY_ERROR, NULL },
  { "residue", "主要用于以下方面：", "主要用于以下XX方面：", "N.11", FC_SEVERITY_WARNING, NULL },
};

START_TEST (test_seed_mutants)
{
  const TextEdit *e = &seed_edits[_i];
  g_autoptr (FcWorkbook) wb = fc_test_sample_full ();
  FcSheet *s = fc_test_sheet (wb, "情况说明");
  guint row = G_MAXUINT;
  for (guint r = 0; r < fc_sheet_get_n_rows (s) && row == G_MAXUINT; r++)
    {
      const FcCell *cell = fc_sheet_get_cell (s, r, 0);
      if (cell->kind == FC_CELL_TEXT && strstr (cell->text, e->find) != NULL)
        {
          g_autoptr (GString) t = g_string_new (cell->text);
          g_string_replace (t, e->find, e->replace, 1);
          fc_sheet_set_text (s, r, 0, t->str);
          row = r;
        }
    }
  ck_assert_msg (row != G_MAXUINT, "%s: “%s” not found", e->what, e->find);
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
  guint n = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      n += strcmp (f->rule_id, e->rule) == 0 && f->severity == e->severity
           && fc_test_finding_has_cell (f, "情况说明", row, 0);
    }
  if (n == 0)
    dump (r);
  ck_assert_msg (n >= 1, "%s (%s → %s): no %s %s at 情况说明!A%u", e->what, e->find, e->replace, e->rule,
                 fc_severity_to_string (e->severity), row + 1);
  /* and no table rule is disturbed */
  ck_assert_uint_eq (count_table_rules (r, FC_SEVERITY_ERROR), 0);
}
END_TEST

/* The Shanghai narrative: each edit is found at its paragraph. */
static const TextEdit shanghai_edits[] = {
  { "amount", "本年收入合计 9746.50 万元", "本年收入合计 9746.60 万元", "N.1", FC_SEVERITY_ERROR, NULL },
  { "amount of a 项", "支出决算为 1092.80 万元", "支出决算为 1093.80 万元", "N.1", FC_SEVERITY_ERROR, NULL },
  { "share", "基本支出 5377.64 万元，占 55.10%", "基本支出 5377.64 万元，占 56.10%", "N.2", FC_SEVERITY_ERROR, NULL },
  { "share of a 类", "城乡社区支出（类）3832.36万元，占 39.32%", "城乡社区支出（类）3832.36万元，占 38.32%", "N.2",
    FC_SEVERITY_ERROR, NULL },
  { "rate", "增长 12.08%", "增长 13.08%", "N.4", FC_SEVERITY_ERROR, NULL },
  { "rate of 三公", "公务接待费支出决算减少 0.15 万元，下降 27.78%", "公务接待费支出决算减少 0.15 万元，下降 25.78%",
    "N.4", FC_SEVERITY_ERROR, NULL },
  { "completion", "完成年初预算的 98.61%", "完成年初预算的 96.61%", "N.6", FC_SEVERITY_ERROR, NULL },
  { "year", "2024 年度收入支出总计", "2022 年度收入支出总计", "N.9", FC_SEVERITY_ERROR, NULL },
  { "count", "绩效评级为“优”的项目39个", "绩效评级为“优”的项目37个", "N.13", FC_SEVERITY_ERROR, NULL },
  { "direction", "完成年初预算的 98.61%。决算数小于预算数", "完成年初预算的 98.61%。决算数大于预算数", "N.8",
    FC_SEVERITY_ERROR, NULL },
  { "budget", "年初预算为 452.40 万元", "年初预算为 462.40 万元", "N.6", FC_SEVERITY_ERROR, "N.7" },
  /* the 三公 paragraph against 09: 合计 budget and actual, each item (决算 and completion) */
  { "三公 budget", "年初预算为 2.85 万元", "年初预算为 3.85 万元", "N.1", FC_SEVERITY_ERROR, NULL },
  { "三公 total", "支出决算为 0.39 万元，完成预算的 13.68%", "支出决算为 0.49 万元，完成预算的 13.68%", "N.1",
    FC_SEVERITY_ERROR, NULL },
  { "三公 item", "公务接待费支出决算为 0.39 万元", "公务接待费支出决算为 0.59 万元", "N.1", FC_SEVERITY_ERROR, NULL },
  { "三公 item in 0", "因公出国（境）费决算为 0.00 万元", "因公出国（境）费决算为 0.20 万元", "N.1", FC_SEVERITY_ERROR,
    NULL },
  { "三公 car purchase", "公务用车购置支出为 0.00 万元", "公务用车购置支出为 1.00 万元", "N.1", FC_SEVERITY_ERROR, NULL },
  { "三公 item rate", "公务接待费支出决算为 0.39 万元，完成预算的 13.68%", "公务接待费支出决算为 0.39 万元，完成预算的 15.68%",
    "N.6", FC_SEVERITY_ERROR, NULL },
  { "department", "上海市普陀区规划和自然资源局 2024 年度财政拨款收入支出总计",
    "上海市普陀规划和自然资源局 2024 年度财政拨款收入支出总计", "N.10", FC_SEVERITY_WARNING, NULL },
};

START_TEST (test_shanghai_mutants)
{
  const TextEdit *e = &shanghai_edits[_i];
  g_autofree char *text = shanghai_text ();
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint paragraph = 0;
  for (guint i = 0; lines[i] != NULL && paragraph == 0; i++)
    if (strstr (lines[i], e->find) != NULL)
      {
        g_autoptr (GString) t = g_string_new (lines[i]);
        g_string_replace (t, e->find, e->replace, 1);
        g_free (lines[i]);
        lines[i] = g_strdup (t->str);
        paragraph = i + 1;
      }
  ck_assert_msg (paragraph > 0, "%s: “%s” not found", e->what, e->find);
  g_autofree char *edited = g_strjoinv ("\n", lines);
  g_autoptr (FcReport) r = check_shanghai (edited);
  guint n = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      n += strcmp (f->rule_id, e->rule) == 0 && f->severity == e->severity && f->paragraph == paragraph;
    }
  if (n == 0)
    dump (r);
  ck_assert_msg (n >= 1, "%s (%s → %s): no %s %s at paragraph %u", e->what, e->find, e->replace, e->rule,
                 fc_severity_to_string (e->severity), paragraph);
  if (e->also != NULL)
    ck_assert_msg (fc_test_count_rule (r, e->also, FC_SEVERITY_ERROR) >= 1, "%s: no %s", e->what, e->also);
}
END_TEST

/* ---- 年初预算, 全年预算 and 决算 ----------------------------------------- */

/* Shanghai with item 11 (2200199, 45.00 spent) told as a department set up
 * during the year tells it: a 年初预算 of 0, a 全年预算, and the total's
 * 年初预算 less its 45.00 (and its rate 9746.50 / 10165.34).  (transfer full) */
static char *
shanghai_new_department (const char *direction, const char *rate)
{
  g_autofree char *text = shanghai_text ();
  g_autoptr (GString) t = g_string_new (text);
  const char *item = "年初预算为 45.00 万元，支出决算为 45.00 万元，完成年初预算的100.00%。决算数同预算数持平。";
  ck_assert (strstr (t->str, item) != NULL);
  g_autofree char *told = g_strdup_printf ("年初预算为 0 万元，全年预算为 46.93 万元，支出决算为 45.00 万元，%s。"
                                           "决算数%s预算数的主要原因：项目结余。", rate, direction);
  g_string_replace (t, item, told, 1);
  ck_assert_uint_eq (g_string_replace (t, "年初预算为 10210.34 万元", "年初预算为 10165.34 万元", 1), 1);
  ck_assert_uint_eq (g_string_replace (t, "完成年初预算的 95.45%", "完成年初预算的 95.88%", 1), 1);
  return g_strdup (t->str);
}

static guint
count_in (const FcReport *r, const char *rule, FcSeverity severity, const char *quote)
{
  guint n = 0;
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      n += strcmp (f->rule_id, rule) == 0 && f->severity == severity && strstr (f->quote, quote) != NULL;
    }
  return n;
}

/* "决算数小于预算数" is judged against the 全年预算 the paragraph states,
 * not the 年初预算 of 0; "完成年初预算的 95.89%" of a 0 is one N.14
 * warning (95.89 % is 45.00 / 46.93), not an error and not silence. */
START_TEST (test_budget_of_a_new_department)
{
  g_autofree char *text = shanghai_new_department ("小于", "完成年初预算的 95.89%");
  g_autoptr (FcReport) r = check_shanghai (text);
  ck_assert_uint_eq (count_in (r, "N.8", FC_SEVERITY_ERROR, "决算数小于预算数"), 0);
  ck_assert_uint_eq (count_in (r, "N.14", FC_SEVERITY_WARNING, "完成年初预算的 95.89%"), 1);
  ck_assert_uint_eq (fc_test_count_rule (r, "N.14", FC_SEVERITY_INFO), 1);
  ck_assert_uint_eq (count_in (r, "N.6", FC_SEVERITY_ERROR, "95.89%"), 0);
  /* nothing else changes: the package's own two errors */
  ck_assert_uint_eq (count_text_rules (r, FC_SEVERITY_ERROR), 2);
  const FcFinding *f = find (r, "N.14", FC_SEVERITY_WARNING, NULL);
  ck_assert (strstr (f->message, "年初预算为0") != NULL);

  /* the wrong direction against the 全年预算 */
  g_autofree char *greater = shanghai_new_department ("大于", "完成年初预算的 95.89%");
  g_autoptr (FcReport) g = check_shanghai (greater);
  ck_assert_uint_eq (count_in (g, "N.8", FC_SEVERITY_ERROR, "决算数大于预算数"), 1);
  const FcFinding *d = find (g, "N.8", FC_SEVERITY_ERROR, "决算数大于预算数");
  ck_assert (fabs (d->expected - 46.93) < 1e-9 && fabs (d->actual - 45.00) < 1e-9);

  /* a rate of the 全年预算 is judged against it: right, then wrong */
  g_autofree char *full = shanghai_new_department ("小于", "完成全年预算的 95.89%");
  g_autoptr (FcReport) ok = check_shanghai (full);
  ck_assert_uint_eq (fc_test_count_rule (ok, "N.14", FC_SEVERITY_INFO), 0);
  ck_assert_uint_eq (count_in (ok, "N.6", FC_SEVERITY_ERROR, "95.89%") + count_in (ok, "N.6", FC_SEVERITY_INFO, "95.89%"), 0);
  ck_assert_uint_eq (count_text_rules (ok, FC_SEVERITY_ERROR), 2);
  g_autofree char *wrong = shanghai_new_department ("小于", "完成调整预算的 97.89%");
  g_autoptr (FcReport) w = check_shanghai (wrong);
  ck_assert_uint_eq (count_in (w, "N.6", FC_SEVERITY_ERROR, "完成调整预算的 97.89%"), 1);
}
END_TEST

/* ---- the 三公 paragraph against table 09 ------------------------------ */

#define SANGONG_SHEET "财政拨款“三公”经费支出决算表"

/* Shanghai's 09 printed empty: its amounts blank (clear) or gone with
 * their row (drop), its header and title kept. */
static FcWorkbook *
shanghai_empty_09 (gboolean drop)
{
  FcWorkbook *wb = shanghai_workbook ();
  FcSheet *s = fc_test_sheet (wb, SANGONG_SHEET);
  guint row, col;
  ck_assert (fc_test_find_number (s, 2.85, &row, &col));
  for (guint c = 0; c < fc_sheet_get_n_cols (s); c++)
    {
      const FcCell *cell = fc_sheet_get_cell (s, row, c);
      if (drop || cell->kind == FC_CELL_NUMBER)
        fc_sheet_clear_cell (s, row, c);
    }
  return wb;
}

START_TEST (test_three_public_empty_table)
{
  g_autofree char *text = shanghai_text ();
  for (int drop = 0; drop <= 1; drop++)
    {
      g_autoptr (FcWorkbook) wb = shanghai_empty_09 (drop);
      g_autoptr (FcNarrative) n = fc_narrative_new_from_text (text, -1, "putuo_ghzy_2024_narrative.txt");
      g_autoptr (FcReport) r = fc_engine_check_full (engine, wb, n, NULL, NULL);
      /* one error at the table, quoting the first amount that is not 0 */
      guint at_09 = 0;
      for (guint i = 0; i < r->findings->len; i++)
        {
          const FcFinding *f = g_ptr_array_index (r->findings, i);
          if (strcmp (f->rule_id, "N.1") == 0 && strcmp (f->table, "09") == 0)
            {
              at_09++;
              ck_assert_int_eq (f->severity, FC_SEVERITY_ERROR);
              ck_assert (strstr (f->quote, "2.85") != NULL);
              ck_assert (strstr (f->message, "中没有一个数字") != NULL);
              gboolean at_table = FALSE;
              for (guint c = 0; c < f->cells->len; c++)
                at_table |= strcmp (((FcFindingCell *) g_ptr_array_index (f->cells, c))->sheet, SANGONG_SHEET) == 0;
              ck_assert (at_table);
            }
        }
      if (at_09 != 1)
        dump (r);
      ck_assert_uint_eq (at_09, 1);
      /* besides it, the package's own two errors */
      ck_assert_uint_eq (count_text_rules (r, FC_SEVERITY_ERROR), 3);
    }
  /* a damaged 09 is not an empty one: an error value where 0.39 was is
   * I.1's, and no N.1 at the table; a budget of 0 in the table that the
   * text does not state gives no N.14 (the rates are N.6's business) */
  {
    g_autoptr (FcWorkbook) wb = shanghai_workbook ();
    FcSheet *s = fc_test_sheet (wb, SANGONG_SHEET);
    guint row, col;
    ck_assert (fc_test_find_number (s, 0.39, &row, &col));
    fc_sheet_set_error (s, row, col, "#VALUE!");
    for (guint c = 0; c < fc_sheet_get_n_cols (s); c++)
      if (fc_sheet_get_cell (s, row, c)->kind == FC_CELL_NUMBER)
        fc_sheet_set_number (s, row, c, 0);
    g_autoptr (FcNarrative) n = fc_narrative_new_from_text (text, -1, "putuo_ghzy_2024_narrative.txt");
    g_autoptr (FcReport) r = fc_engine_check_full (engine, wb, n, NULL, NULL);
    for (guint i = 0; i < r->findings->len; i++)
      {
        const FcFinding *f = g_ptr_array_index (r->findings, i);
        ck_assert_msg (strcmp (f->rule_id, "N.1") != 0 || strstr (f->message, "中没有一个数字") == NULL, "%s", f->message);
        ck_assert_msg (strcmp (f->rule_id, "N.14") != 0, "%s", f->message);
      }
    ck_assert_uint_ge (fc_test_count_rule (r, "I.1", FC_SEVERITY_WARNING), 1);
  }
  /* an empty 09 and a text that says 0 everywhere: nothing */
  g_autoptr (GString) zero = g_string_new (text);
  g_string_replace (zero, "2.85", "0.00", 0);
  g_string_replace (zero, "0.39", "0.00", 0);
  g_autoptr (FcWorkbook) wb = shanghai_empty_09 (FALSE);
  g_autoptr (FcNarrative) n = fc_narrative_new_from_text (zero->str, -1, "putuo_ghzy_2024_narrative.txt");
  g_autoptr (FcReport) r = fc_engine_check_full (engine, wb, n, NULL, NULL);
  for (guint i = 0; i < r->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (r->findings, i);
      ck_assert_msg (strcmp (f->table, "09") != 0 || !is_text_rule (f->rule_id), "%s", f->message);
    }
}
END_TEST

/* ---- no narrative, hostile text ---------------------------------------- */

START_TEST (test_no_narrative)
{
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  const char *const texts[] = { "", "Hello, world.\nNo narrative here: 100万元, 50%.",
                                "一、主要职能\n1.负责规划。\n本单位共有人员12人，经费300万元。",
                                /* clean, with years that are not the package's but state no figure */
                                "一、收入支出决算总体情况说明\n自2019年起实行新制度，2025年将继续。"
                                "2023年度收入总计618.10万元。", NULL };
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr (FcNarrative) n = fc_narrative_new_from_text (texts[i], -1, "x.txt");
      g_autoptr (GError) error = NULL;
      g_autoptr (FcReport) r = fc_engine_check_full (engine, wb, n, NULL, &error);
      ck_assert_msg (r != NULL, "%s", error ? error->message : "");
      for (FcSeverity s = FC_SEVERITY_INFO; s <= FC_SEVERITY_ERROR; s++)
        ck_assert_uint_eq (count_text_rules (r, s), 0);
    }
}
END_TEST

/* A narrative document that could not be read is said once, as a warning
 * naming the document and why; the tables are checked as without it, and
 * the workbook's own narrative sheet does not stand in for the document. */
START_TEST (test_unreadable_document)
{
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  g_autoptr (FcNarrative) n = fc_narrative_new_unreadable ("说明.docx", "LibreOffice 无法打开 / could not be loaded");
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) r = fc_engine_check_full (engine, wb, n, NULL, &error);
  g_autoptr (FcReport) alone = fc_engine_check_full (engine, wb, NULL, NULL, &error);
  ck_assert_msg (r != NULL && alone != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (fc_narrative_get_unreadable (n), "LibreOffice 无法打开 / could not be loaded");
  ck_assert_uint_eq (count_text_rules (r, FC_SEVERITY_WARNING), 1);
  ck_assert_uint_eq (count_text_rules (r, FC_SEVERITY_ERROR), 0);
  ck_assert_uint_eq (count_text_rules (r, FC_SEVERITY_INFO), 0);
  const FcFinding *f = find (r, "N.0", FC_SEVERITY_WARNING, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert_str_eq (f->document, "说明.docx");
  ck_assert_ptr_nonnull (strstr (f->message, "无法打开"));
  ck_assert_ptr_nonnull (strstr (f->message_en, "could not be read"));
  for (FcSeverity s = FC_SEVERITY_INFO; s <= FC_SEVERITY_ERROR; s++)
    ck_assert_uint_eq (count_table_rules (r, s), count_table_rules (alone, s));
}
END_TEST

/* Every unscoped check says which narrative it read, or that it found
 * none: the office's summary must never let a package whose narrative was
 * not checked pass for one that was; a check of one table does not look. */
START_TEST (test_report_names_narrative)
{
  g_autoptr (FcWorkbook) tables = fc_test_sample ();
  g_autoptr (FcWorkbook) full = fc_test_sample_full ();
  g_autoptr (FcNarrative) doc = fc_narrative_new_from_text ("一、收入支出决算总体情况说明\n", -1, "说明.docx");
  g_autoptr (FcNarrative) bad = fc_narrative_new_unreadable ("坏.docx", "corrupt");
  g_autoptr (FcReport) none = fc_engine_check_full (engine, tables, NULL, NULL, NULL);
  g_autoptr (FcReport) sheet = fc_engine_check_full (engine, full, NULL, NULL, NULL);
  g_autoptr (FcReport) document = fc_engine_check_full (engine, full, doc, NULL, NULL);
  g_autoptr (FcReport) unreadable = fc_engine_check_full (engine, tables, bad, NULL, NULL);
  g_autoptr (FcReport) scoped = fc_engine_check_full (engine, tables, NULL, "R01.1", NULL);
  g_autofree char *none_zh = fc_report_narrative_line (none, FALSE);
  g_autofree char *sheet_zh = fc_report_narrative_line (sheet, FALSE);
  g_autofree char *document_en = fc_report_narrative_line (document, TRUE);
  g_autofree char *unreadable_zh = fc_report_narrative_line (unreadable, FALSE);
  g_autoptr (FcReport) view = fc_engine_report_in_scope (engine, document, "01", NULL);

  ck_assert_int_eq (none->narrative, FC_REPORT_NARRATIVE_NONE);
  ck_assert_str_eq (none_zh, "未找到情况说明，情况说明未核对");
  ck_assert_int_eq (sheet->narrative, FC_REPORT_NARRATIVE_SHEET);
  ck_assert_str_eq (sheet->narrative_name, "情况说明");
  ck_assert_ptr_nonnull (strstr (sheet_zh, "情况说明"));
  ck_assert_int_eq (document->narrative, FC_REPORT_NARRATIVE_DOCUMENT);
  ck_assert_ptr_nonnull (strstr (document_en, "说明.docx"));
  ck_assert_int_eq (unreadable->narrative, FC_REPORT_NARRATIVE_UNREADABLE);
  ck_assert_ptr_nonnull (strstr (unreadable_zh, "未核对"));
  ck_assert_int_eq (scoped->narrative, FC_REPORT_NARRATIVE_NOT_LOOKED);
  ck_assert_ptr_null (fc_report_narrative_line (scoped, FALSE));
  /* a view of one scope keeps what the whole check read */
  ck_assert_int_eq (view->narrative, FC_REPORT_NARRATIVE_DOCUMENT);
  ck_assert_str_eq (view->narrative_name, "说明.docx");
}
END_TEST

/* Text the reader must survive: invalid UTF-8, huge paragraphs, no
 * sections, numbers of every shape.  No crash, no error. */
START_TEST (test_hostile_text)
{
  g_autoptr (FcWorkbook) wb = fc_test_sample ();
  g_autoptr (GString) huge = g_string_new ("一、收入支出决算总体情况说明\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (huge, "收入总计");
  g_string_append (huge, "618.10万元，");
  for (guint i = 0; i < 3000; i++)
    g_string_append (huge, "增长1e308%，占比１２３％，（类）(款)(项)");
  const char bad[] = "一、收入支出决算总体情况说明\n\xff\xfe收入总计\xc3(\xe2\x82 618.10万元\x80，增长\xf0\x9f%\n"
                     "三、支出决算情况说明\n基本支出99999999999999999999.99万元，占比-0.5%；项目支出-,--万元";
  const char *const cases[][2] = {
    { huge->str, "huge" },
    { bad, "bad" },
    { "（一）\n(1)\n1、\n第部分\n第三部分\n一、\n（类）（款）（项）\n(类)\n∞%\n∞万元\n-\n.5%\n5.%", "bits" },
    { "十、其他重要事项情况说明\n单价100万元（含）以上设备0台\n2023年度XXX", "conditions" },
    { "（四）预算绩效情况说明\n涉及二级项目个，7个，“优”，等级为\n等级为优优优的项目9999999999999999个", "counts" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (FcNarrative) n = fc_narrative_new_from_text (cases[i][0], -1, cases[i][1]);
      g_autoptr (FcReport) r = fc_engine_check_full (engine, wb, n, NULL, NULL);
      ck_assert_ptr_nonnull (r);
      ck_assert_msg (count_text_rules (r, FC_SEVERITY_ERROR) == 0, "%s: errors", cases[i][1]);
      g_autofree char *json = fc_report_workbook_to_json (r, "x", NULL, FALSE);
      ck_assert (g_utf8_validate (json, -1, NULL));
    }
  /* the same bytes as a cell of the workbook */
  FcSheet *s = fc_workbook_add_sheet (wb, "说明", 3, 1);
  fc_sheet_set_text (s, 0, 0, "一、收入支出决算总体情况说明");
  fc_sheet_set_text (s, 1, 0, huge->str);
  g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
  ck_assert_ptr_nonnull (r);
}
END_TEST

/* The fuzzer's entry point: any bytes as a narrative. */
START_TEST (test_any_bytes)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (g_getenv ("FC_RULES"));
  g_autofree char *path = g_build_filename (dir, "narrative.ini", NULL);
  g_autoptr (FcVocabulary) v = fc_vocabulary_new_from_file (path, &error);
  ck_assert_msg (v != NULL, "%s", error ? error->message : "");
  GRand *rand = g_rand_new_with_seed (9);
  const char *const pieces[] = { "收入总计", "增长", "%", "万元", "。", "，", "(类)", "一、", "（一）", "1、",
                                 "占比", "完成年初预算的", "\xff", "0", "9", ".", "-", "∞", "等级为", "优",
                                 "个", "分", "第三部分", "情况说明", "\n", "XX", "2023年度", "项目" };
  for (guint round = 0; round < 300; round++)
    {
      g_autoptr (GString) s = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 200);
      for (guint i = 0; i < n; i++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_autoptr (FcNarrative) narrative = fc_narrative_new_from_text (s->str, (gssize) s->len, "fuzz");
      g_autoptr (FcClaims) claims = fc_claims_read (narrative, v, NULL);
      for (guint i = 0; i < claims->claims->len; i++)
        {
          g_autofree char *q = fc_claims_quote (claims, narrative,
                                                &g_array_index (claims->claims, FcClaim, i));
          ck_assert (g_utf8_validate (q, -1, NULL));
        }
    }
  g_rand_free (rand);
}
END_TEST

/* ---- the vocabulary as data --------------------------------------------- */

static void
assert_vocabulary_error (const char *text, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcVocabulary) v = fc_vocabulary_new_from_data (text, -1, "my.ini", &error);
  ck_assert_msg (v == NULL, "accepted: %s", text);
  ck_assert_msg (strstr (error->message, expected) != NULL, "“%s” does not say “%s”", error->message,
                 expected);
}

START_TEST (test_vocabulary_errors)
{
  assert_vocabulary_error ("[narrative]\n[subject:a]\nsections = x\nphrases = 收入\n", "no section “x”");
  assert_vocabulary_error ("[narrative]\n[section:x]\nheadings = 说明\n[subject:a]\nsections = x\nphrases = 收入\n"
                           "figure = 01[\"总计\"\n", "my.ini:7: [subject:a]");
  assert_vocabulary_error ("[narrative]\n[section:x]\nheadings = 说明\n[subject:a]\nsections = x\nphrases = 收入\n"
                           "whole = b\n", "no subject “b”");
  assert_vocabulary_error ("[narrative]\nresidu = XX\n", "no key “residu”");
  assert_vocabulary_error ("[narrative]\n[claims]\nincrese = 增加\n", "no key “increse”");
  assert_vocabulary_error ("[narrative]\n[subjects]\n", "unknown group");
  assert_vocabulary_error ("[narrative]\n[self-evaluation]\ngrades = 优\n", "a grade is its name");
  /* a vocabulary is told from rules by its [narrative] group */
  ck_assert (fc_vocabulary_is_data ("# x\n[narrative]\n", -1));
  ck_assert (!fc_vocabulary_is_data ("[words]\nline = 行次\n", -1));
  /* the engine reads it among rule files, and says where it is wrong */
  g_autoptr (GError) error = NULL;
  g_autoptr (FcEngine) e = fc_engine_new_from_data ("[narrative]\nresidu = XX\n", -1, "v.ini", &error);
  ck_assert_ptr_null (e);
  ck_assert (strstr (error->message, "v.ini:2: [narrative]: no key “residu”") != NULL);
}
END_TEST

/* A word added to the vocabulary is read, without a rebuild: the same
 * text, one phrase more. */
START_TEST (test_vocabulary_extends)
{
  g_autofree char *dir = g_path_get_dirname (g_getenv ("FC_RULES"));
  g_autofree char *path = g_build_filename (dir, "narrative.ini", NULL);
  g_autofree char *data = NULL;
  ck_assert (g_file_get_contents (path, &data, NULL, NULL));
  const char *text = "一、收入支出决算总体情况说明\n本年度全部收入618.10万元。";
  g_autoptr (FcVocabulary) plain = fc_vocabulary_new_from_data (data, -1, path, NULL);
  g_autoptr (GString) more = g_string_new (data);
  g_string_replace (more, "phrases = 收入总计;收入支出总计", "phrases = 收入总计;收入支出总计;全部收入", 1);
  g_autoptr (FcVocabulary) extended = fc_vocabulary_new_from_data (more->str, -1, path, NULL);
  ck_assert_ptr_nonnull (plain);
  ck_assert_ptr_nonnull (extended);
  g_autoptr (FcNarrative) n = fc_narrative_new_from_text (text, -1, NULL);
  g_autoptr (FcClaims) a = fc_claims_read (n, plain, NULL);
  g_autoptr (FcClaims) b = fc_claims_read (n, extended, NULL);
  guint tied_a = 0, tied_b = 0;
  for (guint i = 0; i < a->claims->len; i++)
    tied_a += g_array_index (a->claims, FcClaim, i).topic >= 0;
  for (guint i = 0; i < b->claims->len; i++)
    tied_b += g_array_index (b->claims, FcClaim, i).topic >= 0;
  ck_assert_uint_eq (tied_a, 0);
  ck_assert_uint_eq (tied_b, 1);
}
END_TEST

/* A rule of an unknown aspect is a mistake in the rule file. */
START_TEST (test_rule_aspects)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcEngine) e = fc_engine_new_from_data ("[N.X]\nkind = narrative\naspect = amounts\nmessage = x\n",
                                                    -1, "my.rules", &error);
  ck_assert_ptr_null (e);
  ck_assert (strstr (error->message, "my.rules:3: rule N.X: aspect must be one of amount, share") != NULL);
  g_clear_error (&error);
  g_autoptr (FcEngine) f = fc_engine_new_from_data ("[P.X]\nkind = self-evaluation\nmessage = x\n", -1,
                                                    "my.rules", &error);
  ck_assert_ptr_null (f);
  ck_assert (strstr (error->message, "aspect must be one of layout") != NULL);
  /* the documented keys (the rule file's header) name every aspect there is */
  g_autofree char *kinds = fc_rules_describe_kinds ();
  for (int a = 0; a < FC_N_ASPECTS; a++)
    ck_assert_msg (strstr (kinds, fc_rule_aspect_name (a)) != NULL, "aspect %s is not documented",
                   fc_rule_aspect_name (a));
  /* and each side's line lists its own aspects, in the table's order */
  g_autofree char *narrative = fc_rule_aspects_join (FC_ASPECT_OF_NARRATIVE, " or ");
  g_autofree char *selfeval = fc_rule_aspects_join (FC_ASPECT_OF_SELF_EVALUATION, " or ");
  ck_assert_str_eq (selfeval, "layout, total, rate, balance, score or grade");
  ck_assert (g_str_has_prefix (narrative, "amount, share, ") && g_str_has_suffix (narrative, " or document"));
  g_autofree char *line = g_strdup_printf ("aspect         %s\n", narrative);
  ck_assert (strstr (kinds, line) != NULL);
  /* a name of one side is not an aspect of the other */
  ck_assert_int_eq (fc_rule_aspect_lookup (FC_ASPECT_OF_SELF_EVALUATION, "amount"), FC_ASPECT_NONE);
  ck_assert_int_eq (fc_rule_aspect_lookup (FC_ASPECT_OF_NARRATIVE, "grade"), FC_ASPECT_NONE);
  ck_assert_int_eq (fc_rule_aspect_lookup (FC_ASPECT_OF_NARRATIVE, "prior-year"), FC_ASPECT_PRIOR_YEAR);
}
END_TEST

/* A narrative in a sheet is found by its headings, whatever the sheet is
 * called; its table rows are not taken for paragraphs. */
START_TEST (test_found_by_content)
{
  g_autoptr (FcWorkbook) wb = fc_test_sample_full ();
  FcSheet *s = fc_test_sheet (wb, "情况说明");
  g_autoptr (FcWorkbook) renamed = fc_workbook_new ();
  for (guint i = 0; i < fc_workbook_get_n_sheets (wb); i++)
    {
      const FcSheet *src = fc_workbook_get_sheet (wb, i);
      g_autofree char *name = src == s ? g_strdup ("Sheet7") : g_strdup (fc_sheet_get_name (src));
      FcSheet *dst = fc_workbook_add_sheet (renamed, name, fc_sheet_get_n_rows (src) + 2,
                                            fc_sheet_get_n_cols (src) + 1);
      for (guint r = 0; r < fc_sheet_get_n_rows (src); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (src); c++)
          {
            const FcCell *cell = fc_sheet_get_cell (src, r, c);
            /* shifted one row and one column down-right */
            if (cell->kind == FC_CELL_TEXT)
              fc_sheet_set_text (dst, r + 2, c + 1, cell->text);
            else if (cell->kind == FC_CELL_NUMBER)
              fc_sheet_set_number (dst, r + 2, c + 1, cell->number);
          }
    }
  g_autoptr (FcReport) r = fc_engine_check (engine, renamed, NULL, NULL);
  const FcFinding *f = find (r, "N.4", FC_SEVERITY_ERROR, "545.61");
  ck_assert_ptr_nonnull (f);
  const FcFindingCell *cell = g_ptr_array_index (f->cells, 0);
  ck_assert_str_eq (cell->sheet, "Sheet7");
  ck_assert_uint_eq (cell->col, 1);
  ck_assert_uint_eq (fc_report_count (r, FC_SEVERITY_ERROR), 2);
}
END_TEST

int
main (void)
{
  engine = fc_test_engine ();
  Suite *s = suite_create ("narrative");
  TCase *tc = tcase_create ("narrative");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_seed);
  tcase_add_test (tc, test_seed_tables_unchanged);
  tcase_add_test (tc, test_shanghai);
  tcase_add_test (tc, test_shanghai_paragraphs);
  tcase_add_test (tc, test_report_quotes);
  tcase_add_loop_test (tc, test_seed_mutants, 0, G_N_ELEMENTS (seed_edits));
  tcase_add_loop_test (tc, test_shanghai_mutants, 0, G_N_ELEMENTS (shanghai_edits));
  tcase_add_test (tc, test_budget_of_a_new_department);
  tcase_add_test (tc, test_three_public_empty_table);
  tcase_add_test (tc, test_no_narrative);
  tcase_add_test (tc, test_unreadable_document);
  tcase_add_test (tc, test_report_names_narrative);
  tcase_add_test (tc, test_hostile_text);
  tcase_add_test (tc, test_any_bytes);
  tcase_add_test (tc, test_vocabulary_errors);
  tcase_add_test (tc, test_vocabulary_extends);
  tcase_add_test (tc, test_rule_aspects);
  tcase_add_test (tc, test_found_by_content);
  suite_add_tcase (s, tc);
  int status = fc_test_run (s);
  fc_engine_free (engine);
  return status;
}
