/* test-pdf.c — the PDF reader on real PDFs and on pages built by hand:
 * the Shanghai package as published gives its workbook's findings (no
 * table error, the eleven rounding tails, the two narrative errors with
 * their words and page); the blank template no error; a 部门预算 and
 * damaged files are refused; a wrapped name and an amount printed off its
 * row's line land in one row; two amounts in one cell make a table
 * unsure; what Calc prints with a CJK font (cells' texts 2 pt apart, a
 * label cut at a filled cell, a wrapped heading risen into the unit's
 * line) is read or said. */
#include <check.h>
#include <string.h>

#include "fc-cli-import.h"
#include "fc-cli-pdf.h"
#include "fc-fods.h"
#include "fc-fods-writer.h"
#include "fc-pdf-grid.h"
#include "fc-pdf-split.h"
#include "fc-pdf-table.h"
#include "fc-pdf.h"
#include "fc-report-jsonglib.h"
#include "fc-report-writer.h"
#include "fc-test.h"

static FcEngine *engine;

static FcReport *
check_pdf (const char *name)
{
  g_autofree char *path = fc_test_data_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPdfPackage) package = fc_pdf_read_file (path, &error);
  FcReport *report;

  ck_assert_msg (package != NULL, "%s: %s", name, error != NULL ? error->message : "");
  report = fc_cli_pdf_report (engine, package, NULL, &error);
  ck_assert_msg (report != NULL, "%s: %s", name, error != NULL ? error->message : "");
  return report;
}

/* The finding of rule whose quote (or printed words) contain words. */
static const FcFinding *
find (const FcReport *report, const char *rule, const char *words)
{
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = report->findings->pdata[i];
      if (strcmp (f->rule_id, rule) == 0
          && (strstr (f->quote, words) != NULL || strstr (f->printed, words) != NULL))
        return f;
    }
  return NULL;
}

START_TEST (test_ghzy)
{
  g_autoptr (FcReport) report = check_pdf ("putuo_ghzy_2024.pdf");
  guint table_errors = 0, table_notes = 0;
  const FcFinding *f;

  for (guint i = 0; i < report->findings->len; i++)
    {
      f = report->findings->pdata[i];
      gboolean narrative = f->rule_id[0] == 'N' || f->rule_id[0] == 'P';
      table_errors += !narrative && f->severity == FC_SEVERITY_ERROR;
      table_notes += !narrative && f->severity == FC_SEVERITY_INFO;
      /* every finding names where it is printed */
      ck_assert_msg (f->page >= 1 && f->page <= 30, "%s without a page", f->rule_id);
    }
  ck_assert_uint_eq (table_errors, 0);
  ck_assert_uint_eq (table_notes, 11);
  ck_assert_uint_eq (fc_report_count (report, FC_SEVERITY_ERROR), 2);
  ck_assert_uint_eq (fc_test_count_rule (report, "I.3", FC_SEVERITY_WARNING), 0);

  f = find (report, "N.1", "一般公共预算财政拨款基本支出 5377.64 万元");
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (f->severity, FC_SEVERITY_ERROR);
  ck_assert_uint_eq (f->page, 24);
  ck_assert_double_eq_tol (f->actual, 5377.64, 0.001);
  ck_assert_double_eq_tol (f->expected, 5364.75, 0.001);
  f = find (report, "N.1", "人员经费 4896.98 万元");
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (f->severity, FC_SEVERITY_ERROR);
  ck_assert_uint_eq (f->page, 24);
  ck_assert_double_eq_tol (f->expected, 4884.09, 0.001);

  /* a table's finding quotes its row and amount as printed, on its page */
  f = find (report, "R06.2", "人员经费合计");
  ck_assert_ptr_nonnull (f);
  ck_assert_uint_eq (f->page, 16);
  ck_assert_str_eq (f->printed, "人员经费合计 4884.09");
  /* the amount below its wrapped name, continued on page 15: 05's 合计 */
  f = find (report, "R05.1", "合计 9746.50");
  ck_assert_ptr_nonnull (f);
  ck_assert_uint_eq (f->page, 15);
}
END_TEST

START_TEST (test_ghzy_json)
{
  g_autoptr (FcReport) report = check_pdf ("putuo_ghzy_2024.pdf");
  g_autofree char *json = fc_report_workbook_to_json (report, "x.pdf", NULL, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) back = fc_report_from_json (json, -1, &error);
  g_autofree char *text = fc_report_to_text (report, "x.pdf");

  ck_assert_ptr_nonnull (back);
  ck_assert_ptr_nonnull (strstr (json, "\"page\":24"));
  ck_assert_ptr_nonnull (strstr (text, "第16页 page 16：人员经费合计 4884.09"));
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *a = report->findings->pdata[i], *b = back->findings->pdata[i];
      ck_assert_uint_eq (a->page, b->page);
      ck_assert_str_eq (a->printed, b->printed);
    }
}
END_TEST

START_TEST (test_template)
{
  g_autoptr (FcReport) report = check_pdf ("shanghai_template_2024_blank.pdf");

  ck_assert_uint_eq (fc_report_count (report, FC_SEVERITY_ERROR), 0);
  /* its placeholders are said (上海市 XX 局), once per placeholder: XX in
   * 39 paragraphs is one finding that counts them, not 39 */
  ck_assert_uint_gt (fc_test_count_rule (report, "N.11", FC_SEVERITY_WARNING), 0);
  ck_assert_uint_le (fc_test_count_rule (report, "N.11", FC_SEVERITY_WARNING), 8);
  {
    gboolean counted = FALSE;

    for (guint i = 0; i < report->findings->len; i++)
      {
        const FcFinding *f = report->findings->pdata[i];

        counted |= g_str_equal (f->rule_id, "N.11") && strstr (f->message, "“XX”留在 ") != NULL;
      }
    ck_assert_msg (counted, "the XX placeholders are one finding that counts them");
  }
}
END_TEST

/* Reading path must fail with code. */
static void
assert_refused (const char *data, gsize length, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPdfPackage) package = fc_pdf_read_data (data, length, &error);

  ck_assert_ptr_null (package);
  ck_assert_msg (g_error_matches (error, FC_PDF_ERROR, code), "expected code %d, got %s", code,
                 error != NULL ? error->message : "success");
}

START_TEST (test_refused)
{
  g_autofree char *budget = fc_test_data_path ("jiangsu_court_2019_budget.pdf");
  g_autofree char *ghzy = fc_test_data_path ("putuo_ghzy_2024.pdf");
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPdfPackage) package = fc_pdf_read_file (budget, &error);
  static const char not_pdf[] = "PK\3\4 a zip, not a PDF %%EOF";
  static const char tiny[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

  ck_assert_ptr_null (package);
  ck_assert (g_error_matches (error, FC_PDF_ERROR, FC_PDF_ERROR_BUDGET));
  ck_assert_ptr_nonnull (strstr (error->message, "部门预算"));

  ck_assert (g_file_get_contents (ghzy, &data, &length, NULL));
  assert_refused (data, length / 2, FC_PDF_ERROR_DAMAGED);       /* truncated */
  assert_refused (not_pdf, sizeof not_pdf - 1, FC_PDF_ERROR_DAMAGED);
  assert_refused (tiny, sizeof tiny - 1, FC_PDF_ERROR_DAMAGED); /* no pages */
  assert_refused ("", 0, FC_PDF_ERROR_DAMAGED);
  /* a corrupt middle: poppler repairs or refuses; either way no crash and
   * never a package with an error finding in a table that is not there */
  memset (data + length / 3, 'x', 4096);
  {
    g_autoptr (GError) e2 = NULL;
    g_autoptr (FcPdfPackage) p2 = fc_pdf_read_data (data, length, &e2);
    ck_assert (p2 != NULL || e2 != NULL);
  }
}
END_TEST

static FcPdfLine *
line_of (double y, const char *const *texts, const double *x)
{
  g_autoptr (GPtrArray) fragments = g_ptr_array_new ();
  GPtrArray *lines;
  FcPdfLine *line;

  for (guint i = 0; texts[i] != NULL; i++)
    g_ptr_array_add (fragments, fc_pdf_fragment_new (texts[i], x[i * 2], y, x[i * 2 + 1],
                                                     y + 10.6, 3));
  lines = fc_pdf_lines_from_fragments (fragments);
  ck_assert_uint_eq (lines->len, 1);
  line = g_ptr_array_steal_index (lines, 0);
  g_ptr_array_unref (lines);
  return line;
}

/* 05 as Word prints it: a name wrapped over two lines with its code and
 * amounts between them; a three-line name round its code's line; an
 * amount a little below its name; the longest label of an empty row. */
START_TEST (test_grid_rows)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_line_free);
  g_autoptr (FcPdfGrid) grid = NULL;
  const double name[] = { 180.6, 250.6 }, half[] = { 180.6, 212.3 };
  const double row[] = { 107.4, 123.3, 294.1, 325.7, 376.5, 408.2 };
  const double coded[] = { 107.4, 144.3, 180.6, 250.6, 294.1, 325.7, 376.5, 408.2 };
  const double offset_code[] = { 107.4, 133.8, 180.6, 243.7 };
  const double offset_amounts[] = { 294.1, 325.7, 376.5, 408.2 };

  g_ptr_array_add (lines, line_of (177.8, (const char *[]) { "社会保障和就", NULL }, name));
  g_ptr_array_add (lines, line_of (184.5, (const char *[]) { "208", "754.75", "754.75", NULL }, row));
  g_ptr_array_add (lines, line_of (191.3, (const char *[]) { "业支出", NULL }, half));
  g_ptr_array_add (lines, line_of (288.7, (const char *[]) { "机关事业单位", NULL }, name));
  g_ptr_array_add (lines, line_of (302.4, (const char *[]) { "2080505", "基本养老保险", "446.11",
                                                             "446.11", NULL }, coded));
  g_ptr_array_add (lines, line_of (315.9, (const char *[]) { "缴费支出", NULL }, half));
  g_ptr_array_add (lines, line_of (335.0, (const char *[]) { "22102", "住房改革支出", NULL },
                                   offset_code));
  g_ptr_array_add (lines, line_of (340.2, (const char *[]) { "461.08", "461.08", NULL },
                                   offset_amounts));
  grid = fc_pdf_grid_build (lines);
  ck_assert_ptr_null (grid->problem);
  ck_assert_uint_eq (grid->n_rows, 3);
  ck_assert_uint_eq (grid->n_cols, 4);
  ck_assert_str_eq (fc_pdf_grid_cell (grid, 0, 0)->text, "208");
  ck_assert_str_eq (fc_pdf_grid_cell (grid, 0, 1)->text, "社会保障和就业支出");
  ck_assert_str_eq (fc_pdf_grid_cell (grid, 0, 2)->text, "754.75");
  ck_assert_str_eq (fc_pdf_grid_cell (grid, 1, 1)->text, "机关事业单位基本养老保险缴费支出");
  ck_assert_str_eq (fc_pdf_grid_cell (grid, 1, 3)->text, "446.11");
  ck_assert_str_eq (fc_pdf_grid_cell (grid, 2, 0)->text, "22102");
  ck_assert_str_eq (fc_pdf_grid_cell (grid, 2, 3)->text, "461.08");
}
END_TEST

/* Two amounts that fall into one cell: the grid is not sure. */
START_TEST (test_grid_unsure)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_line_free);
  g_autoptr (FcPdfGrid) grid = NULL;
  const double a[] = { 100, 140, 200, 230 }, b[] = { 100, 140, 200, 230 };

  g_ptr_array_add (lines, line_of (100, (const char *[]) { "201", "1.00", NULL }, a));
  g_ptr_array_add (lines, line_of (104, (const char *[]) { "2.00", NULL }, b + 2));
  grid = fc_pdf_grid_build (lines);
  ck_assert_ptr_nonnull (grid->problem);
  (void) b;
}
END_TEST

/* Fragments at (x0, y0, x1, y1) as a page's lines (transfer full). */
static FcPdfPage *
page_of (const char *const *texts, const double *boxes)
{
  FcPdfPage *page = g_new0 (FcPdfPage, 1);
  g_autoptr (GPtrArray) fragments = g_ptr_array_new ();

  page->number = 6, page->width = 640, page->height = 420;
  for (guint i = 0; texts[i] != NULL; i++)
    g_ptr_array_add (fragments, fc_pdf_fragment_new (texts[i], boxes[i * 4], boxes[i * 4 + 1],
                                                     boxes[i * 4 + 2], boxes[i * 4 + 3], 6));
  page->lines = fc_pdf_lines_from_fragments (fragments);
  return page;
}

/* Calc with a CJK font: three headings that fill their cells printed
 * 2.3 pt apart are three texts; short words spaced in one cell one. */
START_TEST (test_han_gap)
{
  const char *text = "一般公共预算财政 政府性基金预算财\n上缴 上级 支出";
  glong n = g_utf8_strlen (text, -1);
  g_autofree PopplerRectangle *boxes = g_new0 (PopplerRectangle, n);
  g_autoptr (FcPdfPage) page = NULL;
  double x = 539.1, y = 42.8;
  const char *p = text;

  for (glong i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double w = c == ' ' ? (y < 50 ? 2.3 : 3.2) : 10;

      if (c == '\n')
        x = 425.7, y = 63.7, w = 0;
      boxes[i] = (PopplerRectangle) { x, y, x + w, y + 13 };
      x += w;
    }
  page = fc_pdf_page_from_layout (text, boxes, (guint) n, 4, 800, 420);
  ck_assert_uint_eq (page->lines->len, 2);
  {
    const FcPdfLine *heads = page->lines->pdata[0], *spaced = page->lines->pdata[1];
    g_autofree char *joined = fc_pdf_line_text (heads);

    ck_assert_uint_eq (heads->fragments->len, 2);
    ck_assert_str_eq (((FcPdfFragment *) heads->fragments->pdata[0])->text, "一般公共预算财政");
    ck_assert_str_eq (((FcPdfFragment *) heads->fragments->pdata[1])->text, "政府性基金预算财");
    ck_assert_str_eq (joined, "一般公共预算财政 政府性基金预算财");
    ck_assert_uint_eq (spaced->fragments->len, 1);
    ck_assert_str_eq (((FcPdfFragment *) spaced->fragments->pdata[0])->text, "上缴 上级 支出");
  }
}
END_TEST

/* 01 as Calc prints it with a CJK font: labels cut at the filled 行次
 * cell, their last character across the edge where 行次 starts.  Rows
 * known by their labels cannot be told: unsure.  Labels that fit, or rows
 * with a code, are read, 行次 over its own column. */
static FcPdfGrid *
grid_01 (const char *first_label, double label_end, const char *code)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_line_free);
  const double head[] = { 1.0, 21.0, 85.9, 105.9, 170.8, 190.8 };
  const double cut[] = { 1.0, label_end, 162.3, 168.7, 218.4, 253.5 };
  const double fits[] = { 1.0, 81.0, 162.3, 168.7, 218.4, 253.5 };
  const double coded[] = { -30.0, -10.0, 1.0, label_end, 162.3, 168.7, 218.4, 253.5 };

  g_ptr_array_add (lines, line_of (76.4, (const char *[]) { "项目", "行次", "金额", NULL }, head));
  if (code != NULL)
    g_ptr_array_add (lines, line_of (101.9, (const char *[]) { code, first_label, "1", "568.68",
                                                               NULL }, coded));
  else
    g_ptr_array_add (lines, line_of (101.9, (const char *[]) { first_label, "1", "568.68", NULL },
                                     cut));
  g_ptr_array_add (lines, line_of (114.7, (const char *[]) { "四、上级补助收入", "4", "0.00", NULL },
                                   fits));
  g_ptr_array_add (lines, line_of (127.4, (const char *[]) { "六、经营收入", "6", "65.70", NULL },
                                   fits));
  return fc_pdf_grid_build (lines);
}

START_TEST (test_grid_cut_labels)
{
  g_autoptr (FcPdfGrid) cut = grid_01 ("一、一般公共预算财", 91.0, NULL);
  g_autoptr (FcPdfGrid) fits = grid_01 ("一、一般公共预算", 81.0, NULL);
  g_autoptr (FcPdfGrid) coded = grid_01 ("一般公共服务支", 91.0, "201");

  ck_assert_ptr_nonnull (cut->problem);
  ck_assert_ptr_nonnull (strstr (cut->problem, "一、一般公共预算财"));
  ck_assert_ptr_null (fits->problem);
  ck_assert_str_eq (fc_pdf_grid_cell (fits, 0, 1)->text, "行次");
  ck_assert_str_eq (fc_pdf_grid_cell (fits, 1, 1)->text, "1");
  ck_assert_ptr_null (coded->problem);
}
END_TEST

/* 06 as Calc prints it with a CJK font: 经济分类科目编码 wrapped, its first
 * line risen into 单位：万元's line.  It is the table's, not its head. */
START_TEST (test_unit_line_heading)
{
  const char *texts[] = { "一般公共预算财政拨款基本支出决算表", "单位：万元", "经济分类科目", "科目名称",
                          "决算数", "编码", "301", "工资福利支出", "4816.14", "30101", "基本工资",
                          "537.64", NULL };
  const double boxes[] = { 199.6, 0.2, 437.6, 18.4, 586.3, 17.2, 636.3, 30.2,
                           4.6, 24.6, 64.6, 37.6, 142.6, 30.4, 182.5, 43.4,
                           278.8, 30.4, 308.8, 43.4, 24.6, 36.3, 44.6, 49.3,
                           1.0, 42.7, 20.1, 55.7, 70.4, 42.7, 130.4, 55.7,
                           289.0, 42.7, 330.5, 55.7, 1.0, 55.4, 32.9, 68.4,
                           70.4, 55.4, 110.4, 68.4, 295.5, 55.4, 330.6, 68.4 };
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_page_free);
  g_autoptr (FcPdfSplit) split = NULL;
  g_autoptr (FcPdfSheet) sheet = NULL;
  const FcPdfTable *table;
  gboolean found = FALSE;

  g_ptr_array_add (pages, page_of (texts, boxes));
  split = fc_pdf_split (pages);
  ck_assert_uint_eq (split->tables->len, 1);
  table = split->tables->pdata[0];
  ck_assert_str_eq (table->unit, "单位：万元");
  ck_assert_uint_eq (table->head->len, 0);
  sheet = fc_pdf_table_rebuild (table);
  ck_assert_ptr_null (sheet->problem);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      const FcPdfCell *row = sheet->rows->pdata[r];
      found |= g_strcmp0 (row[0].text, "经济分类科目编码") == 0 && g_strcmp0 (row[1].text, "科目名称") == 0;
    }
  ck_assert_msg (found, "the heading 经济分类科目编码 is one cell of the header row");
}
END_TEST

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* "rule severity table" of each finding, sorted (transfer full). */
static GPtrArray *
finding_keys (const FcReport *report)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = report->findings->pdata[i];
      g_ptr_array_add (keys, g_strdup_printf ("%s %d %s", f->rule_id, f->severity, f->table));
    }
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/* `fiscalcheck import`'s workbook read back gives the PDF's findings, and
 * each sheet's name says its page. */
START_TEST (test_import_round_trip)
{
  g_autofree char *path = fc_test_data_path ("putuo_ghzy_2024.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPdfPackage) package = fc_pdf_read_file (path, &error);
  g_auto (GStrv) names = NULL;
  g_autofree char *data = NULL;
  g_autoptr (FcWorkbook) back = NULL;
  g_autoptr (FcReport) from_pdf = NULL, from_fods = NULL;
  g_autoptr (GPtrArray) pdf_keys = NULL, fods_keys = NULL;
  const FcWorkbook *workbook;

  ck_assert_msg (package != NULL, "%s", error != NULL ? error->message : "");
  workbook = fc_pdf_package_get_workbook (package);
  names = fc_cli_import_sheet_names (package);
  data = fc_fods_write_data (workbook, (const char *const *) names);
  back = fc_fods_read_data (data, strlen (data), &error);
  ck_assert_msg (back != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (fc_workbook_get_n_sheets (back), fc_workbook_get_n_sheets (workbook));
  for (guint i = 0; i < fc_workbook_get_n_sheets (back); i++)
    {
      const char *name = fc_sheet_get_name (fc_workbook_get_sheet (back, i));
      ck_assert_msg (g_str_has_prefix (name, "第") && strstr (name, "页 ") != NULL, "%s", name);
    }

  from_pdf = fc_engine_check_full (engine, workbook, NULL, NULL, &error);
  ck_assert_ptr_nonnull (from_pdf);
  from_fods = fc_engine_check_full (engine, back, NULL, NULL, &error);
  ck_assert_msg (from_fods != NULL, "%s", error != NULL ? error->message : "");
  pdf_keys = finding_keys (from_pdf);
  fods_keys = finding_keys (from_fods);
  ck_assert_uint_ge (pdf_keys->len, 13); /* 11 rounding notes, 2 narrative errors */
  ck_assert_uint_eq (fods_keys->len, pdf_keys->len);
  for (guint i = 0; i < pdf_keys->len; i++)
    ck_assert_str_eq (fods_keys->pdata[i], pdf_keys->pdata[i]);
  ck_assert_uint_eq (fc_report_count (from_fods, FC_SEVERITY_ERROR), 2);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("pdf");
  TCase *tc = tcase_create ("pdf");
  int status;

  engine = fc_test_engine ();
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_ghzy);
  tcase_add_test (tc, test_ghzy_json);
  tcase_add_test (tc, test_template);
  tcase_add_test (tc, test_refused);
  tcase_add_test (tc, test_grid_rows);
  tcase_add_test (tc, test_grid_unsure);
  tcase_add_test (tc, test_han_gap);
  tcase_add_test (tc, test_grid_cut_labels);
  tcase_add_test (tc, test_unit_line_heading);
  tcase_add_test (tc, test_import_round_trip);
  suite_add_tcase (s, tc);
  status = fc_test_run (s);
  fc_engine_free (engine);
  return status;
}
