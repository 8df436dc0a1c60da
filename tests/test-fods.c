/* test-fods.c — the flat ODS reader on small inline documents. */
#include <check.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fc-error.h"
#include "fc-fods.h"

#define HEAD                                                                   \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                               \
  "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""          \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""            \
  " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">\n" \
  "<office:styles><style:style style:name=\"x\"><text:p>not a cell</text:p></style:style></office:styles>\n" \
  "<office:body><office:spreadsheet>\n"
#define TAIL "</office:spreadsheet></office:body></office:document>\n"

/* Parses a document that must be valid (transfer full). */
static FcWorkbook *
read_ok (const char *doc)
{
  GError *error = NULL;
  FcWorkbook *wb = fc_fods_read_data (doc, strlen (doc), &error);
  if (wb == NULL)
    {
      ck_abort_msg ("read failed: %s", error->message);
      g_error_free (error);
    }
  return wb;
}

/* Parses a document that must fail with FC_ERROR_READ; returns the message
 * (transfer full). */
static char *
read_fails (const char *doc, gsize len)
{
  GError *error = NULL;
  FcWorkbook *wb = fc_fods_read_data (doc, len, &error);
  ck_assert_ptr_null (wb);
  ck_assert_ptr_nonnull (error);
  ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_READ));
  char *message = g_strdup (error->message);
  g_error_free (error);
  return message;
}

static const FcCell *
cell_at (const FcWorkbook *wb, guint sheet, guint row, guint col)
{
  return fc_sheet_get_cell (fc_workbook_get_sheet (wb, sheet), row, col);
}

static void
assert_text (const FcWorkbook *wb, guint sheet, guint row, guint col, const char *text)
{
  const FcCell *cell = cell_at (wb, sheet, row, col);
  ck_assert_msg (cell->kind == FC_CELL_TEXT, "(%u,%u) kind %d, want text", row, col, cell->kind);
  ck_assert_str_eq (cell->text, text);
}

static void
assert_number (const FcWorkbook *wb, guint sheet, guint row, guint col, double value)
{
  const FcCell *cell = cell_at (wb, sheet, row, col);
  ck_assert_msg (cell->kind == FC_CELL_NUMBER, "(%u,%u) kind %d, want number", row, col, cell->kind);
  ck_assert_double_eq_tol (cell->number, value, 1e-12);
}

START_TEST (test_value_types)
{
  static const char doc[] = HEAD
    "<table:table table:name=\"收入决算表\"><table:table-column table:number-columns-repeated=\"3\"/>"
    "<table:table-row>"
    "<table:table-cell office:value-type=\"float\" office:value=\"283.47\"><text:p>283.47</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"percentage\" office:value=\"0.125\"><text:p>12.5%</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"currency\" office:currency=\"CNY\" office:value=\"-1E3\"><text:p>¥-1,000</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>合计</text:p></table:table-cell>"
    "</table:table-row><table:table-row>"
    "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>TRUE</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"date\" office:date-value=\"2023-12-31\"><text:p>2023/12/31</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"date\" office:date-value=\"2024-01-01\"/>"
    "<table:table-cell office:value-type=\"string\" office:string-value=\"属性文本\"/>"
    "<table:table-cell><text:p>untyped</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"float\" office:value=\"abc\"><text:p>abc</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"float\"/>"
    "</table:table-row></table:table>" TAIL;
  g_autoptr (FcWorkbook) wb = read_ok (doc);

  ck_assert_uint_eq (fc_workbook_get_n_sheets (wb), 1);
  FcSheet *s = fc_workbook_get_sheet (wb, 0);
  ck_assert_str_eq (fc_sheet_get_name (s), "收入决算表");
  ck_assert_uint_eq (fc_sheet_get_n_rows (s), 2);
  ck_assert_uint_eq (fc_sheet_get_n_cols (s), 7);
  assert_number (wb, 0, 0, 0, 283.47);
  assert_number (wb, 0, 0, 1, 0.125);
  assert_number (wb, 0, 0, 2, -1000);
  assert_text (wb, 0, 0, 3, "合计");
  ck_assert_int_eq (cell_at (wb, 0, 0, 4)->kind, FC_CELL_EMPTY);
  assert_text (wb, 0, 1, 0, "TRUE");
  assert_text (wb, 0, 1, 1, "2023/12/31");
  assert_text (wb, 0, 1, 2, "2024-01-01");
  assert_text (wb, 0, 1, 3, "属性文本");
  assert_text (wb, 0, 1, 4, "untyped");
  /* Unreadable numbers must not pass for zero. */
  ck_assert_int_eq (cell_at (wb, 0, 1, 5)->kind, FC_CELL_ERROR);
  ck_assert_str_eq (cell_at (wb, 0, 1, 5)->text, "abc");
  ck_assert_int_eq (cell_at (wb, 0, 1, 6)->kind, FC_CELL_ERROR);
  ck_assert_str_eq (cell_at (wb, 0, 1, 6)->text, "#VALUE!");
}
END_TEST

START_TEST (test_repeats)
{
  static const char doc[] = HEAD
    "<table:table table:name=\"R\">"
    "<table:table-row table:number-rows-repeated=\"2\">"
    "<table:table-cell table:number-columns-repeated=\"2\"/>"
    "<table:table-cell table:number-columns-repeated=\"3\" office:value-type=\"float\" office:value=\"7\"/>"
    "<table:table-cell table:number-columns-repeated=\"16379\"/>"
    "</table:table-row>"
    "<table:table-row table:number-rows-repeated=\"5\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
    "<table:table-header-rows><table:table-row>"
    "<table:table-cell office:value-type=\"string\"><text:p>after</text:p></table:table-cell>"
    "</table:table-row></table:table-header-rows>"
    "<table:table-row table:number-rows-repeated=\"1048568\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
    "</table:table>" TAIL;
  g_autoptr (FcWorkbook) wb = read_ok (doc);
  FcSheet *s = fc_workbook_get_sheet (wb, 0);

  ck_assert_uint_eq (fc_sheet_get_n_rows (s), 8);
  ck_assert_uint_eq (fc_sheet_get_n_cols (s), 5);
  for (guint r = 0; r < 2; r++)
    {
      ck_assert_int_eq (cell_at (wb, 0, r, 1)->kind, FC_CELL_EMPTY);
      for (guint c = 2; c < 5; c++)
        assert_number (wb, 0, r, c, 7);
    }
  ck_assert_int_eq (cell_at (wb, 0, 2, 2)->kind, FC_CELL_EMPTY);
  assert_text (wb, 0, 7, 0, "after");
}
END_TEST

/* LibreOffice ends every sheet with a 1048576-row, 16384-column empty repeat;
 * it must cost neither memory nor time. */
START_TEST (test_huge_empty_repeat)
{
  static const char doc[] = HEAD
    "<table:table table:name=\"Big\">"
    "<table:table-column table:number-columns-repeated=\"16384\"/>"
    "<table:table-row table:number-rows-repeated=\"1048576\">"
    "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1048576\">"
    "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
    "</table:table>"
    "<table:table table:name=\"Empty\"/>" TAIL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (FcWorkbook) wb = read_ok (doc);
  gint64 elapsed = g_get_monotonic_time () - start;

  ck_assert_msg (elapsed < G_USEC_PER_SEC, "took %" G_GINT64_FORMAT " µs", elapsed);
  ck_assert_uint_eq (fc_workbook_get_n_sheets (wb), 2);
  ck_assert_uint_eq (fc_sheet_get_n_rows (fc_workbook_get_sheet (wb, 0)), 0);
  ck_assert_uint_eq (fc_sheet_get_n_cols (fc_workbook_get_sheet (wb, 0)), 0);
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (wb, 1)), "Empty");
}
END_TEST

/* Repeated non-empty content or a far-away value is refused, not allocated. */
START_TEST (test_too_large)
{
  static const char far[] = HEAD
    "<table:table table:name=\"Far\"><table:table-row>"
    "<table:table-cell office:value-type=\"float\" office:value=\"1\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1048574\"><table:table-cell/></table:table-row>"
    "<table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/>"
    "<table:table-cell office:value-type=\"float\" office:value=\"2\"/></table:table-row>"
    "</table:table>" TAIL;
  static const char repeated[] = HEAD
    "<table:table table:name=\"Rep\"><table:table-row table:number-rows-repeated=\"1048576\">"
    "<table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"float\" office:value=\"1\"/>"
    "</table:table-row></table:table>" TAIL;
  static const char rows[] = HEAD
    "<table:table table:name=\"Rows\"><table:table-row table:number-rows-repeated=\"4294967295\">"
    "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
    "</table:table-row></table:table>" TAIL;

  g_autofree char *m1 = read_fails (far, strlen (far));
  ck_assert_ptr_nonnull (strstr (m1, "Far"));
  g_autofree char *m2 = read_fails (repeated, strlen (repeated));
  ck_assert_ptr_nonnull (strstr (m2, "too many cells"));
  g_autofree char *m3 = read_fails (rows, strlen (rows));
  ck_assert_ptr_nonnull (strstr (m3, "too many cells"));
}
END_TEST

START_TEST (test_covered_cells)
{
  static const char doc[] = HEAD
    "<table:table table:name=\"M\"><table:table-row>"
    "<table:table-cell table:number-columns-spanned=\"3\" office:value-type=\"string\"><text:p>标题</text:p></table:table-cell>"
    "<table:covered-table-cell table:number-columns-repeated=\"2\"/>"
    "<table:table-cell office:value-type=\"float\" office:value=\"4\"/>"
    "</table:table-row><table:table-row>"
    "<table:covered-table-cell office:value-type=\"float\" office:value=\"9\"/>"
    "<table:table-cell office:value-type=\"string\"><text:p>b</text:p></table:table-cell>"
    "</table:table-row></table:table>" TAIL;
  g_autoptr (FcWorkbook) wb = read_ok (doc);

  assert_text (wb, 0, 0, 0, "标题");
  ck_assert_int_eq (cell_at (wb, 0, 0, 1)->kind, FC_CELL_EMPTY);
  ck_assert_int_eq (cell_at (wb, 0, 0, 2)->kind, FC_CELL_EMPTY);
  assert_number (wb, 0, 0, 3, 4);
  assert_number (wb, 0, 1, 0, 9);
  assert_text (wb, 0, 1, 1, "b");
}
END_TEST

START_TEST (test_paragraphs)
{
  static const char doc[] = HEAD
    "<table:table table:name=\"T\"><table:table-row>"
    "<table:table-cell office:value-type=\"string\"><text:p>第一行</text:p><text:p>第二<text:span text:style-name=\"b\">行</text:span></text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>a<text:s/>b<text:s text:c=\"3\"/>c</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>\n   x   \n  y  </text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><office:annotation><text:p>comment</text:p></office:annotation>"
    "<text:p>kept<text:note><text:note-body><text:p>footnote</text:p></text:note-body></text:note></text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>l1<text:line-break/>l2<text:tab/>t</text:p><text:p/></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>&lt;&amp;&gt; &#x4E2D;<text:a xlink:href=\"x\">link</text:a></text:p></table:table-cell>"
    "</table:table-row></table:table>" TAIL;
  g_autoptr (FcWorkbook) wb = read_ok (doc);

  assert_text (wb, 0, 0, 0, "第一行\n第二行");
  assert_text (wb, 0, 0, 1, "a b   c");
  assert_text (wb, 0, 0, 2, "x y");
  assert_text (wb, 0, 0, 3, "kept");
  assert_text (wb, 0, 0, 4, "l1\nl2\tt\n");
  assert_text (wb, 0, 0, 5, "<&> 中link");
}
END_TEST

START_TEST (test_formula_errors)
{
  static const char doc[] = HEAD
    "<table:table table:name=\"F\"><table:table-row>"
    "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"string\" office:string-value=\"\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>"
    "<table:table-cell table:formula=\"of:=[.Z99]\"><text:p>Err:502</text:p></table:table-cell>"
    "<table:table-cell table:formula=\"of:=1+1\" office:value-type=\"float\" office:value=\"2\"><text:p>2</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>#N/A</text:p></table:table-cell>"
    "</table:table-row></table:table>" TAIL;
  g_autoptr (FcWorkbook) wb = read_ok (doc);

  ck_assert_int_eq (cell_at (wb, 0, 0, 0)->kind, FC_CELL_ERROR);
  ck_assert_str_eq (cell_at (wb, 0, 0, 0)->text, "#DIV/0!");
  ck_assert_int_eq (cell_at (wb, 0, 0, 1)->kind, FC_CELL_ERROR);
  ck_assert_str_eq (cell_at (wb, 0, 0, 1)->text, "Err:502");
  assert_number (wb, 0, 0, 2, 2);
  /* Without a formula it is just text someone typed. */
  assert_text (wb, 0, 0, 3, "#N/A");
}
END_TEST

/* Tables of charts and shapes inside a sheet are not sheets. */
START_TEST (test_skips_foreign_tables)
{
  static const char doc[] = HEAD
    "<table:table table:name=\"S\"><table:shapes><draw:frame><draw:object><office:document>"
    "<office:body><office:spreadsheet><table:table table:name=\"inner\"/></office:spreadsheet></office:body>"
    "</office:document></draw:object></draw:frame></table:shapes>"
    "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"1\">"
    "<draw:frame><draw:text-box><text:p>shape text</text:p></draw:text-box></draw:frame></table:table-cell></table:table-row>"
    "</table:table>"
    "<table:named-expressions><table:table table:name=\"nope\"/></table:named-expressions>" TAIL;
  g_autoptr (FcWorkbook) wb = read_ok (doc);

  ck_assert_uint_eq (fc_workbook_get_n_sheets (wb), 1);
  assert_number (wb, 0, 0, 0, 1);
}
END_TEST

START_TEST (test_malformed)
{
  static const char *const docs[] = {
    HEAD "<table:table table:name=\"x\"><table:table-row></table:table>" TAIL,
    HEAD "<table:table table:name=\"x\"", /* truncated */
    "<office:document><office:body><office:spreadsheet>&bogus;</office:spreadsheet></office:body></office:document>",
    "\xff\xfe not utf-8",
    "plain text",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *message = read_fails (docs[i], strlen (docs[i]));
      ck_assert_msg (strstr (message, "line") != NULL, "no position in: %s", message);
    }

  g_autofree char *empty = read_fails ("", 0);
  g_autofree char *not_sheet = read_fails ("<a><b/></a>", 11);
  ck_assert_ptr_nonnull (strstr (not_sheet, "office:spreadsheet"));
  /* An embedded NUL is not XML. */
  g_autofree char *nul = read_fails ("<a>\0</a>", 8);
  ck_assert_ptr_nonnull (empty);
  ck_assert_ptr_nonnull (nul);
}
END_TEST

START_TEST (test_read_file)
{
  GError *error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-fods-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "t.fods", NULL);
  static const char doc[] = HEAD "<table:table table:name=\"A\"><table:table-row>"
    "<table:table-cell office:value-type=\"float\" office:value=\"5\"/></table:table-row></table:table>" TAIL;

  ck_assert (g_file_set_contents (path, doc, -1, NULL));
  g_autoptr (FcWorkbook) wb = fc_fods_read_file (path, &error);
  ck_assert_ptr_null (error);
  assert_number (wb, 0, 0, 0, 5);

  ck_assert (g_file_set_contents (path, "<broken", -1, NULL));
  ck_assert_ptr_null (fc_fods_read_file (path, &error));
  ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_READ));
  ck_assert_ptr_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_remove (path);
  ck_assert_ptr_null (fc_fods_read_file (path, &error));
  ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_READ));
  g_clear_error (&error);
  g_rmdir (dir);
}
END_TEST

#ifdef FC_SAMPLE_FODS
/* The sample disclosure workbook in ods-templates/. */
START_TEST (test_sample)
{
  GError *error = NULL;
  g_autoptr (FcWorkbook) wb = fc_fods_read_file (FC_SAMPLE_FODS, &error);
  ck_assert_msg (wb != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_ge (fc_workbook_get_n_sheets (wb), 1);
  gboolean found = FALSE;
  for (guint i = 0; i < fc_workbook_get_n_sheets (wb); i++)
    {
      FcSheet *s = fc_workbook_get_sheet (wb, i);
      for (guint r = 0; r < fc_sheet_get_n_rows (s) && r < 10; r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (s); c++)
          {
            const FcCell *cell = fc_sheet_get_cell (s, r, c);
            if (cell->kind == FC_CELL_TEXT && strstr (cell->text, "公开01表") != NULL)
              found = TRUE;
          }
    }
  ck_assert_msg (found, "no 公开01表 in the sample");
}
END_TEST
#endif

static Suite *
fods_suite (void)
{
  Suite *suite = suite_create ("fods");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, test_value_types);
  tcase_add_test (tc, test_repeats);
  tcase_add_test (tc, test_huge_empty_repeat);
  tcase_add_test (tc, test_too_large);
  tcase_add_test (tc, test_covered_cells);
  tcase_add_test (tc, test_paragraphs);
  tcase_add_test (tc, test_formula_errors);
  tcase_add_test (tc, test_skips_foreign_tables);
  tcase_add_test (tc, test_malformed);
  tcase_add_test (tc, test_read_file);
#ifdef FC_SAMPLE_FODS
  tcase_add_test (tc, test_sample);
#endif
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (fods_suite ());
  srunner_run_all (runner, CK_NORMAL);
  int failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
