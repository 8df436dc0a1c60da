/* test-report.c — text, JSON and CSV report writers. */
#include <check.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-error.h"
#include "fc-finding.h"
#include "fc-report-writer.h"
#include "fc-report-jsonglib.h"

/* A report with one amount finding, one without amounts and two tables
 * (transfer full). */
static FcReport *
make_report (void)
{
  FcReport *report = fc_report_new ();
  fc_report_add_table (report, "01", "收入支出决算总表", "收入支出决算总表", 0, 39, 0, 7);
  fc_report_add_table (report, "02", "收入决算表", "Sheet, \"2\"", 2, 29, 0, 27);
  fc_report_add_table (report, "01", "duplicate", "elsewhere", 0, 0, 0, 0);

  FcFinding *f = fc_finding_new ("R01.1", FC_SEVERITY_ERROR, "01",
                                 "本年收入合计不等于各项收入之和，差额 0.1",
                                 "Total income, \"row 27\", differs\nfrom its parts");
  fc_finding_add_cell (f, "收入支出决算总表", 26, 2, "本年收入合计 (行27)", "栏1 金额", 100.1);
  fc_finding_add_cell (f, "收入支出决算总表", 6, 27, "", "", 40);
  f->has_amounts = TRUE;
  f->expected = 100.0;
  f->actual = 100.1;
  f->difference = 100.1 - 100.0;
  f->tolerance = 0.005;
  fc_report_add_finding (report, f);

  fc_report_add_finding (report, fc_finding_new ("R00.1", FC_SEVERITY_WARNING, "",
                                                 "缺少公开08表", "Table 08 is missing"));
  fc_report_add_finding (report, fc_finding_new ("R03.2", FC_SEVERITY_INFO, "03", "提示", "note"));
  return report;
}

START_TEST (test_counts)
{
  g_autoptr (FcReport) report = make_report ();
  ck_assert_uint_eq (fc_report_count (report, FC_SEVERITY_ERROR), 1);
  ck_assert_uint_eq (fc_report_count (report, FC_SEVERITY_WARNING), 1);
  ck_assert_uint_eq (fc_report_count (report, FC_SEVERITY_INFO), 1);
  ck_assert_str_eq (fc_severity_to_string (FC_SEVERITY_ERROR), "error");
  ck_assert_str_eq (fc_severity_to_string (FC_SEVERITY_WARNING), "warning");
  ck_assert_str_eq (fc_severity_to_string (FC_SEVERITY_INFO), "info");

  const FcFinding *f = g_ptr_array_index (report->findings, 0);
  const FcFindingCell *c = g_ptr_array_index (f->cells, 1);
  ck_assert_str_eq (c->address, "AB7");
}
END_TEST

/* Messages and labels are cut to their limits in characters, "…" marking
 * the cut, control characters but line breaks made spaces. */
START_TEST (test_finding_cut)
{
  g_autoptr (GString) exact = g_string_new (NULL), over = g_string_new (NULL);
  for (guint i = 0; i < FC_FINDING_MAX_MESSAGE; i++)
    g_string_append (exact, i % 2 ? "差" : "a");
  g_string_append (over, exact->str);
  g_string_append (over, "x");
  g_autoptr (FcFinding) f = fc_finding_new ("R", FC_SEVERITY_ERROR, "01", exact->str, over->str);
  ck_assert_str_eq (f->message, exact->str);
  ck_assert_int_eq (g_utf8_strlen (f->message_en, -1), FC_FINDING_MAX_MESSAGE);
  ck_assert (g_str_has_suffix (f->message_en, "…"));
  ck_assert (strncmp (f->message_en, exact->str, strlen (f->message_en) - strlen ("…")) == 0);
  ck_assert (g_utf8_validate (f->message_en, -1, NULL));

  g_autoptr (GString) label = g_string_new (NULL);
  for (guint i = 0; i < FC_FINDING_MAX_LABEL + 5; i++)
    g_string_append (label, "栏");
  fc_finding_add_cell (f, "s", 0, 0, "a\x01" "b\nc\x7f", label->str, 1);
  const FcFindingCell *cell = g_ptr_array_index (f->cells, 0);
  ck_assert_str_eq (cell->row_label, "a b\nc ");
  ck_assert_int_eq (g_utf8_strlen (cell->column_label, -1), FC_FINDING_MAX_LABEL);
  ck_assert (g_str_has_suffix (cell->column_label, "栏…"));

  g_autoptr (FcFinding) empty = fc_finding_new (NULL, FC_SEVERITY_INFO, NULL, NULL, "");
  ck_assert_str_eq (empty->message, "");
  ck_assert_str_eq (empty->message_en, "");
}
END_TEST

START_TEST (test_text)
{
  g_autoptr (FcReport) report = make_report ();
  g_autofree char *text = fc_report_to_text (report, "/tmp/部门决算.ods");

  ck_assert (g_utf8_validate (text, -1, NULL));
  ck_assert (g_str_has_prefix (text, "/tmp/部门决算.ods：错误 error 1，警告 warning 1，提示 info 1\n"));
  ck_assert_ptr_nonnull (strstr (text, "[1] 错误 error  R01.1  表 table 01\n"));
  ck_assert_ptr_nonnull (strstr (text, "本年收入合计不等于各项收入之和"));
  ck_assert_ptr_nonnull (strstr (text, "收入支出决算总表!C27（本年收入合计 (行27) / 栏1 金额） = 100.10\n"));
  ck_assert_ptr_nonnull (strstr (text, "收入支出决算总表!AB7 = 40.00\n"));
  ck_assert_ptr_nonnull (strstr (text, "应为 expected 100.00，实为 actual 100.10，差额 difference 0.10\n"));
  ck_assert_ptr_nonnull (strstr (text, "[2] 警告 warning  R00.1\n"));
  ck_assert_ptr_nonnull (strstr (text, "[3] 提示 info  R03.2  表 table 03\n"));

  g_autoptr (FcReport) empty = fc_report_new ();
  g_autofree char *none = fc_report_to_text (empty, NULL);
  ck_assert_ptr_nonnull (strstr (none, "错误 error 0"));
  ck_assert_ptr_nonnull (strstr (none, "未发现问题"));
}
END_TEST

static JsonObject *
object_member (JsonObject *object, const char *name)
{
  ck_assert_msg (json_object_has_member (object, name), "no member %s", name);
  return json_object_get_object_member (object, name);
}

START_TEST (test_json)
{
  g_autoptr (FcReport) report = make_report ();
  const FcReport *reports[] = { report, NULL };
  const char *paths[] = { "a/部门决算.ods", "b/broken.ods" };
  const char *errors[] = { NULL, "not a spreadsheet" };

  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *json = fc_report_to_json_full (reports, paths, errors, 2, pretty);
      g_autoptr (JsonParser) parser = json_parser_new ();
      GError *error = NULL;
      ck_assert_msg (json_parser_load_from_data (parser, json, -1, &error), "%s", json);

      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonArray *workbooks = json_object_get_array_member (root, "workbooks");
      ck_assert_uint_eq (json_array_get_length (workbooks), 2);

      JsonObject *wb = json_array_get_object_element (workbooks, 0);
      ck_assert_str_eq (json_object_get_string_member (wb, "path"), "a/部门决算.ods");
      ck_assert (!json_object_has_member (wb, "error"));

      JsonObject *tables = object_member (wb, "tables");
      ck_assert_uint_eq (json_object_get_size (tables), 2);
      JsonObject *t01 = object_member (tables, "01");
      ck_assert_str_eq (json_object_get_string_member (t01, "sheet"), "收入支出决算总表");
      ck_assert_str_eq (json_object_get_string_member (t01, "range"), "A1:H40");
      ck_assert_str_eq (json_object_get_string_member (t01, "title"), "收入支出决算总表");
      JsonObject *t02 = object_member (tables, "02");
      ck_assert_str_eq (json_object_get_string_member (t02, "range"), "A3:AB30");
      ck_assert_str_eq (json_object_get_string_member (t02, "sheet"), "Sheet, \"2\"");

      JsonArray *findings = json_object_get_array_member (wb, "findings");
      ck_assert_uint_eq (json_array_get_length (findings), 3);
      JsonObject *f = json_array_get_object_element (findings, 0);
      ck_assert_str_eq (json_object_get_string_member (f, "rule"), "R01.1");
      ck_assert_str_eq (json_object_get_string_member (f, "severity"), "error");
      ck_assert_str_eq (json_object_get_string_member (f, "table"), "01");
      ck_assert_str_eq (json_object_get_string_member (f, "message"),
                        "本年收入合计不等于各项收入之和，差额 0.1");
      ck_assert_str_eq (json_object_get_string_member (f, "message_en"),
                        "Total income, \"row 27\", differs\nfrom its parts");
      ck_assert_double_eq (json_object_get_double_member (f, "expected"), 100.0);
      ck_assert_double_eq (json_object_get_double_member (f, "actual"), 100.1);
      ck_assert_double_eq (json_object_get_double_member (f, "difference"), 100.1 - 100.0);

      JsonArray *cells = json_object_get_array_member (f, "cells");
      ck_assert_uint_eq (json_array_get_length (cells), 2);
      JsonObject *c = json_array_get_object_element (cells, 0);
      ck_assert_str_eq (json_object_get_string_member (c, "sheet"), "收入支出决算总表");
      ck_assert_str_eq (json_object_get_string_member (c, "cell"), "C27");
      ck_assert_str_eq (json_object_get_string_member (c, "row_label"), "本年收入合计 (行27)");
      ck_assert_str_eq (json_object_get_string_member (c, "column_label"), "栏1 金额");
      ck_assert_double_eq (json_object_get_double_member (c, "value"), 100.1);

      JsonObject *missing = json_array_get_object_element (findings, 1);
      ck_assert_str_eq (json_object_get_string_member (missing, "table"), "");
      ck_assert (json_object_get_null_member (missing, "expected"));
      ck_assert (json_object_get_null_member (missing, "actual"));
      ck_assert (json_object_get_null_member (missing, "difference"));
      ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (missing, "cells")), 0);

      JsonObject *summary = object_member (wb, "summary");
      ck_assert_int_eq (json_object_get_int_member (summary, "error"), 1);
      ck_assert_int_eq (json_object_get_int_member (summary, "warning"), 1);
      ck_assert_int_eq (json_object_get_int_member (summary, "info"), 1);

      JsonObject *broken = json_array_get_object_element (workbooks, 1);
      ck_assert_uint_eq (json_object_get_size (broken), 2);
      ck_assert_str_eq (json_object_get_string_member (broken, "path"), "b/broken.ods");
      ck_assert_str_eq (json_object_get_string_member (broken, "error"), "not a spreadsheet");
    }
}
END_TEST

START_TEST (test_json_edge_cases)
{
  g_autofree char *none = fc_report_to_json (NULL, NULL, 0, FALSE);
  ck_assert_str_eq (none, "{\"workbooks\":[]}");

  /* JSON has no NaN: such an amount is null rather than invalid output. */
  g_autoptr (FcReport) report = fc_report_new ();
  FcFinding *f = fc_finding_new ("R9", FC_SEVERITY_ERROR, "09", "m", "m");
  f->has_amounts = TRUE;
  f->expected = NAN;
  f->actual = INFINITY;
  f->difference = 1;
  fc_report_add_finding (report, f);
  const FcReport *reports[] = { report, NULL };
  g_autofree char *json = fc_report_to_json (reports, NULL, 2, TRUE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  ck_assert_msg (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonArray *workbooks = json_object_get_array_member (
      json_node_get_object (json_parser_get_root (parser)), "workbooks");
  JsonObject *wb = json_array_get_object_element (workbooks, 0);
  ck_assert_str_eq (json_object_get_string_member (wb, "path"), "");
  JsonObject *found = json_array_get_object_element (json_object_get_array_member (wb, "findings"), 0);
  ck_assert (json_object_get_null_member (found, "expected"));
  ck_assert (json_object_get_null_member (found, "actual"));
  ck_assert_double_eq (json_object_get_double_member (found, "difference"), 1);
  JsonObject *failed = json_array_get_object_element (workbooks, 1);
  ck_assert_str_eq (json_object_get_string_member (failed, "error"), "could not be read");
}
END_TEST

/* Splits RFC 4180 CSV into rows of fields: the test's own reader
 * (transfer full: GPtrArray of GPtrArray of char*). */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = csv;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              ck_assert_msg (*p != '\0', "unterminated quote");
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          ck_assert_msg (*p != '"' && *p != '\r' && *p != '\n', "bare special in field");
          g_string_append_c (field, *p++);
        }
    }
  ck_assert_uint_eq (row->len, 0); /* every line ends with CRLF */
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
field_at (GPtrArray *rows, guint row, guint col)
{
  GPtrArray *r = g_ptr_array_index (rows, row);
  ck_assert_uint_eq (r->len, 11);
  return g_ptr_array_index (r, col);
}

START_TEST (test_csv)
{
  g_autoptr (FcReport) report = make_report ();
  FcFinding *f = fc_finding_new ("R02.1", FC_SEVERITY_ERROR, "02",
                                 "含\"引号\", 逗号\n和换行", "en");
  fc_finding_add_cell (f, "Sheet, \"2\"", 3, 2, "", "", -0.001);
  f->has_amounts = TRUE;
  f->expected = 5;
  f->actual = 4.999;
  f->difference = -0.001;
  fc_finding_set_printed (f, 16, "人员经费合计 4,884.09");
  fc_report_add_finding (report, f);

  const FcReport *reports[] = { report, NULL, report };
  const char *paths[] = { "a,b.ods", "broken.ods", "c.ods" };
  g_autofree char *csv = fc_report_to_csv (reports, paths, 3);
  ck_assert (g_str_has_prefix (csv, "path,rule,severity,table,message,cells,expected,actual,difference,page,printed\r\n"));

  g_autoptr (GPtrArray) rows = parse_csv (csv);
  ck_assert_uint_eq (rows->len, 1 + 4 + 4);
  ck_assert_str_eq (field_at (rows, 1, 0), "a,b.ods");
  ck_assert_str_eq (field_at (rows, 1, 1), "R01.1");
  ck_assert_str_eq (field_at (rows, 1, 2), "error");
  ck_assert_str_eq (field_at (rows, 1, 3), "01");
  ck_assert_str_eq (field_at (rows, 1, 5), "收入支出决算总表!C27; 收入支出决算总表!AB7");
  ck_assert_str_eq (field_at (rows, 1, 6), "100.00");
  ck_assert_str_eq (field_at (rows, 1, 7), "100.10");
  ck_assert_str_eq (field_at (rows, 1, 8), "0.10");
  ck_assert_str_eq (field_at (rows, 2, 1), "R00.1");
  ck_assert_str_eq (field_at (rows, 2, 5), "");
  ck_assert_str_eq (field_at (rows, 2, 6), "");
  ck_assert_str_eq (field_at (rows, 2, 8), "");
  ck_assert_str_eq (field_at (rows, 4, 4), "含\"引号\", 逗号\n和换行");
  ck_assert_str_eq (field_at (rows, 4, 5), "Sheet, \"2\"!C4");
  ck_assert_str_eq (field_at (rows, 4, 7), "5.00");
  ck_assert_str_eq (field_at (rows, 4, 8), "0.00"); /* never "-0.00" */
  ck_assert_str_eq (field_at (rows, 4, 9), "16"); /* printed on page 16 of a PDF */
  ck_assert_str_eq (field_at (rows, 4, 10), "人员经费合计 4,884.09");
  ck_assert_str_eq (field_at (rows, 1, 9), ""); /* not from a PDF */
  ck_assert_str_eq (field_at (rows, 1, 10), "");
  ck_assert_str_eq (field_at (rows, 5, 0), "c.ods");
  ck_assert_ptr_nonnull (strstr (csv, "\"含\"\"引号\"\", 逗号\n和换行\""));

  g_autofree char *header_only = fc_report_to_csv (NULL, NULL, 0);
  ck_assert_str_eq (header_only, "path,rule,severity,table,message,cells,expected,actual,difference,page,printed\r\n");
}
END_TEST

/* One workbook entry survives fc_report_workbook_to_json → fc_report_from_json:
 * the text and CSV written from the copy equal those of the original. */
START_TEST (test_json_roundtrip)
{
  g_autoptr (FcReport) report = make_report ();
  g_autofree char *entry = fc_report_workbook_to_json (report, "a/部门决算.ods", NULL, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) copy = fc_report_from_json (entry, -1, &error);

  ck_assert_msg (copy != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (copy->findings->len, report->findings->len);
  ck_assert_uint_eq (copy->tables->len, 2); /* the duplicate 01 was never written */
  const FcTableLocation *t02 = g_ptr_array_index (copy->tables, 1);
  ck_assert_uint_eq (t02->first_row, 2);
  ck_assert_uint_eq (t02->last_col, 27);
  const FcFinding *f = g_ptr_array_index (copy->findings, 0);
  ck_assert (f->has_amounts);
  ck_assert_double_eq (f->difference, 100.1 - 100.0);
  const FcFindingCell *cell = g_ptr_array_index (f->cells, 1);
  ck_assert_uint_eq (cell->row, 6);
  ck_assert_uint_eq (cell->col, 27);
  ck_assert (!((const FcFinding *) g_ptr_array_index (copy->findings, 1))->has_amounts);

  g_autofree char *text = fc_report_to_text (report, "x.ods");
  g_autofree char *copy_text = fc_report_to_text (copy, "x.ods");
  ck_assert_str_eq (copy_text, text);
  const FcReport *originals[] = { report }, *copies[] = { copy };
  const char *paths[] = { "x.ods" };
  g_autofree char *csv = fc_report_to_csv (originals, paths, 1);
  g_autofree char *copy_csv = fc_report_to_csv (copies, paths, 1);
  ck_assert_str_eq (copy_csv, csv);
  g_autofree char *again = fc_report_workbook_to_json (copy, "a/部门决算.ods", NULL, FALSE);
  ck_assert_str_eq (again, entry);
}
END_TEST

START_TEST (test_json_entry_errors)
{
  static const char *const bad[] = {
    "", "[]", "{\"path\":\"x\"}",
    "{\"tables\":{\"01\":{\"range\":\"A0:B2\"}},\"findings\":[]}",
    "{\"tables\":{},\"findings\":[{\"rule\":\"R1\",\"severity\":\"fatal\",\"cells\":[]}]}",
    "{\"tables\":{},\"findings\":[{\"rule\":\"R1\",\"severity\":\"error\",\"cells\":[{\"cell\":\"c3\"}]}]}",
  };
  g_autofree char *failed = fc_report_workbook_to_json (NULL, "b.ods", "无法读取 unreadable", TRUE);
  g_autoptr (GError) error = NULL;

  ck_assert_ptr_null (fc_report_from_json (failed, -1, &error));
  ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_READ));
  ck_assert_str_eq (error->message, "无法读取 unreadable");
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      ck_assert_msg (fc_report_from_json (bad[i], -1, &error) == NULL, "%s", bad[i]);
      ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_READ));
    }

  g_autoptr (FcReport) empty = fc_report_from_json ("{\"path\":\"e\",\"tables\":{},\"findings\":[]}",
                                                    -1, NULL);
  ck_assert_ptr_nonnull (empty);
  ck_assert_uint_eq (empty->findings->len, 0);
}
END_TEST

/* Amounts read as written: 452.86, not json-glib's 452.86000000000001, and
 * digits inside strings are left alone. */
START_TEST (test_json_numbers_short)
{
  g_autoptr (FcReport) report = fc_report_new ();
  FcFinding *f = fc_finding_new ("R1", FC_SEVERITY_ERROR, "02", "差额 0.10000000000000001 元",
                                 "-1.5 \\\" 2");
  f->has_amounts = TRUE;
  f->expected = 452.85;
  f->actual = 452.86;
  f->difference = 452.86 - 452.85;
  fc_finding_add_cell (f, "S", 0, 0, "r", "c", 65.7);
  fc_report_add_finding (report, f);
  const FcReport *reports[] = { report };
  const char *paths[] = { "p" };
  g_autofree char *json = fc_report_to_json (reports, paths, 1, TRUE);
  ck_assert_msg (strstr (json, "452.86000000000001") == NULL, "%s", json);
  ck_assert (strstr (json, "\"actual\" : 452.86") != NULL);
  ck_assert (strstr (json, "\"value\" : 65.7") != NULL);
  ck_assert (strstr (json, "差额 0.10000000000000001 元") != NULL);
  /* and it still parses back to the same numbers */
  g_autoptr (JsonParser) parser = json_parser_new ();
  ck_assert (json_parser_load_from_data (parser, json, -1, NULL));
  JsonObject *finding = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "workbooks"), 0),
      "findings"), 0);
  ck_assert (json_object_get_double_member (finding, "actual") == 452.86);
  ck_assert (json_object_get_double_member (finding, "difference") == 452.86 - 452.85);
  ck_assert_str_eq (json_object_get_string_member (finding, "message_en"), "-1.5 \\\" 2");
}
END_TEST

/* json-glib writes 1e-300 as "1e-300.0" and NaN as "nan.0" (found by
 * tests/fuzz, fuzz-engine) and leaves U+001F raw (found by tests/campaign) */
START_TEST (test_json_exponents)
{
  g_autoptr (FcReport) report = fc_report_new ();
  FcFinding *f = fc_finding_new ("R1", FC_SEVERITY_ERROR, "02", "m", "m");
  /* and leaves U+001F raw in strings (found by the campaign in a label;
   * labels lose their control characters now, sheet names keep them) */
  fc_finding_add_cell (f, "S \x1f\x01\t\x1b", 9, 0, "r", "c", 1);
  const double values[] = { 1e-300, 1e21, -1e308, 5e-324, NAN, -INFINITY };
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    fc_finding_add_cell (f, "S", i, 0, "r", "c", values[i]);
  fc_report_add_finding (report, f);
  g_autofree char *json = fc_report_workbook_to_json (report, "p", NULL, FALSE);
  for (const char *p = json; *p; p++)
    ck_assert_msg ((guchar) *p >= 0x20 || *p == '\n', "raw control character %#x in %s", *p, json);
  g_autoptr (JsonParser) parser = json_parser_new ();
  ck_assert_msg (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonArray *cells = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                  "findings"), 0), "cells");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (cells, 0),
                                                  "sheet"), "S \x1f\x01\t\x1b");
  for (guint i = 0; i < 4; i++)
    ck_assert (json_object_get_double_member (json_array_get_object_element (cells, i + 1), "value")
               == values[i]);
  ck_assert (json_object_get_null_member (json_array_get_object_element (cells, 5), "value"));
  g_autoptr (FcReport) back = fc_report_from_json (json, -1, NULL);
  ck_assert_ptr_nonnull (back);
}
END_TEST

static Suite *
report_suite (void)
{
  Suite *suite = suite_create ("report");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, test_counts);
  tcase_add_test (tc, test_finding_cut);
  tcase_add_test (tc, test_text);
  tcase_add_test (tc, test_json);
  tcase_add_test (tc, test_json_edge_cases);
  tcase_add_test (tc, test_csv);
  tcase_add_test (tc, test_json_roundtrip);
  tcase_add_test (tc, test_json_entry_errors);
  tcase_add_test (tc, test_json_numbers_short);
  tcase_add_test (tc, test_json_exponents);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (report_suite ());
  srunner_run_all (runner, CK_NORMAL);
  int failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
