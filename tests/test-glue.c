/* test-glue.c — the glue's pure functions, without LibreOffice: the filter
 * options from the batch command's --convert-to argument to the filter's
 * decoder, the batch command's staged and marked-copy names, its merging
 * of the filter's entries into one report, and the one amount and
 * severity formatter (also under a comma-decimal locale). */
#include <check.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fc-amount.h"
#include "fc-cli-batch.h"
#include "fc-cli-marked.h"
#include "fc-cli-output.h"
#include "fc-cli-stage.h"
#include "fc-error.h"
#include "fc-filter-options.h"
#include "fc-finding.h"
#include "fc-report-writer.h"

/* Paths a user may well have: every character the option syntax uses,
 * spaces, Chinese, escapes that must stay literal. */
static const char *const hostile[] = {
  "/tmp/审核 规则/省级补充.rules",
  "/a,b=c;d:e/f.rules",
  "/x/100%25 %41 %zz%.rules",
  "/y/'quoted' \"double\" \\back\\slash\t.rules",
  "/z/=;=;::,,",
  "/z/emoji 🧾 and ü.rules",
  NULL
};

/* What LibreOffice hands the filter as FilterOptions: everything after
 * the second ':' of "--convert-to EXT:FILTER:OPTIONS" (transfer none). */
static const char *
filter_options_of (const char *target)
{
  const char *first = strchr (target, ':');
  const char *second = first != NULL ? strchr (first + 1, ':') : NULL;

  ck_assert_ptr_nonnull (second);
  return second + 1;
}

START_TEST (test_options_round_trip)
{
  g_autofree char *target = fc_cli_batch_target (hostile, hostile[4], hostile[0], TRUE);
  const char *text = filter_options_of (target);
  FcFilterOptions options = { 0 };
  g_autoptr (GError) error = NULL;

  ck_assert (g_str_has_prefix (target, "fcjson:FiscalCheck Report:"));
  /* nothing in a value can end it, nor the filter name, nor a shell word */
  for (const char *p = text; *p != '\0'; p++)
    ck_assert_msg (g_ascii_isalnum (*p) || strchr ("-._~%=;", *p) != NULL,
                   "'%c' in %s", *p, text);
  ck_assert (fc_filter_options_decode (text, &options, &error));
  ck_assert_uint_eq (g_strv_length (options.rules), g_strv_length ((char **) hostile));
  for (guint i = 0; hostile[i] != NULL; i++)
    ck_assert_str_eq (options.rules[i], hostile[i]);
  ck_assert_str_eq (options.only, hostile[4]);
  ck_assert_str_eq (options.marked_dir, hostile[0]);
  ck_assert (options.narratives);
  ck_assert_msg (!options.user_rules, "a batch check never reads the user's own rules");
  fc_filter_options_clear (&options);
}
END_TEST

START_TEST (test_options_every_key)
{
  const char *const rules[] = { "a.rules", NULL };
  const FcFilterOptions given = {
    .rules = (char **) rules,
    .only = "R02.1",
    .marked_dir = "/m d",
    .narratives = TRUE,
    .user_rules = TRUE,
  };
  g_autofree char *text = fc_filter_options_encode (&given);
  FcFilterOptions options = { 0 };

  ck_assert (fc_filter_options_decode (text, &options, NULL));
  ck_assert_str_eq (options.rules[0], "a.rules");
  ck_assert_ptr_null (options.rules[1]);
  ck_assert_str_eq (options.only, "R02.1");
  ck_assert_str_eq (options.marked_dir, "/m d");
  ck_assert (options.narratives);
  ck_assert (options.user_rules);
  fc_filter_options_clear (&options);
}
END_TEST

START_TEST (test_options_defaults)
{
  const FcFilterOptions none = { 0 };
  g_autofree char *text = fc_filter_options_encode (&none);
  FcFilterOptions options = { 0 };

  ck_assert_str_eq (text, "user-rules=0"); /* empty members are left out */
  /* no options at all: the office's behaviour, the user's rules count */
  ck_assert (fc_filter_options_decode (NULL, &options, NULL));
  ck_assert_ptr_nonnull (options.rules);
  ck_assert_ptr_null (options.rules[0]);
  ck_assert_ptr_null (options.only);
  ck_assert (!options.narratives);
  ck_assert (options.user_rules);
  fc_filter_options_clear (&options);
  /* unknown keys and pairs without '=' are ignored; the last only wins */
  ck_assert (fc_filter_options_decode ("future=1;junk;;only=01;only=02;user-rules=0",
                                       &options, NULL));
  ck_assert_str_eq (options.only, "02");
  ck_assert (!options.user_rules);
  fc_filter_options_clear (&options);
}
END_TEST

START_TEST (test_options_bad)
{
  const char *const bad[] = { "rules=%zz", "only=%ff%fe", "user-rules=yes", "user-rules=",
                              "narratives=2", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      FcFilterOptions options = { 0 };
      g_autoptr (GError) error = NULL;

      ck_assert_msg (!fc_filter_options_decode (bad[i], &options, &error), "%s", bad[i]);
      ck_assert (g_error_matches (error, FC_ERROR, FC_ERROR_READ));
      fc_filter_options_clear (&options);
    }
}
END_TEST

START_TEST (test_staged_names)
{
  const struct { const char *path; guint index; const char *name; } cases[] = {
    { "/data/报表 2024.XLSX", 7, "0007.xlsx" },
    { "x.ods", 0, "0000.ods" },
    { "README", 3, "0003" },
    { "archive.tar.gz", 12, "0012.gz" },
    { "odd.x-y", 1, "0001" },          /* not a plain extension */
    { ".hidden", 2, "0002" },
    { "long.abcdefghi", 4, "0004" },   /* over 8 characters */
    { "dir.d/file", 5, "0005" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = fc_cli_stage_input_name (cases[i].path, cases[i].index);

      ck_assert_str_eq (name, cases[i].name);
    }
}
END_TEST

START_TEST (test_copy_names)
{
  const struct { const char *path, *staged, *name; } cases[] = {
    { "/in/报表 1.xlsx", "/s/marked/0000.xlsx", "报表 1.xlsx" },
    { "/in/Book.XLS", "/s/marked/0001.xls", "Book.XLS" },   /* the user's spelling */
    { "/in/x.csv", "/s/marked/0002.ods", "x.ods" },
    { "/in/README", "/s/marked/0003.ods", "README.ods" },
    { "/in/a.b.et", "/s/marked/0004.ods", "a.b.ods" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = fc_cli_marked_copy_name (cases[i].path, cases[i].staged);

      ck_assert_str_eq (name, cases[i].name);
    }
}
END_TEST

/* A report with n_errors error findings and one note (transfer full). */
static FcReport *
report_with (guint n_errors)
{
  FcReport *report = fc_report_new ();

  fc_report_add_table (report, "01", "收入支出决算总表", "Sheet1", 0, 39, 0, 7);
  for (guint i = 0; i < n_errors; i++)
    {
      FcFinding *f = fc_finding_new ("R01.1", FC_SEVERITY_ERROR, "01", "不等", "differs");

      fc_finding_add_cell (f, "Sheet1", 26, 2, "本年收入合计", "栏1", 100.1);
      f->has_amounts = TRUE;
      f->expected = 100.0;
      f->actual = 100.1;
      f->difference = 0.1;
      fc_report_add_finding (report, f);
    }
  fc_report_add_finding (report, fc_finding_new ("R03.2", FC_SEVERITY_INFO, "03", "尾数", "tail"));
  return report;
}

/* An item whose output holds json (NULL: no output) under dir (transfer full). */
static FcCliItem *
item_with (const char *dir, guint index, const char *json)
{
  g_autofree char *staged = g_strdup_printf ("%s/%04u.ods", dir, index);
  g_autofree char *output = g_strdup_printf ("%s/%04u.fcjson", dir, index);

  if (json != NULL)
    ck_assert (g_file_set_contents (output, json, -1, NULL));
  return fc_cli_item_new (staged, output);
}

/* What fc_cli_output_write writes for items, and its status (transfer full). */
static char *
output_of (FcCliFormat format, GPtrArray *items, const char *const *paths, int *status)
{
  FILE *out = tmpfile ();
  GString *text = g_string_new (NULL);
  char buf[4096];
  size_t n;

  ck_assert_ptr_nonnull (out);
  *status = fc_cli_output_write (format, items, paths, out);
  rewind (out);
  while ((n = fread (buf, 1, sizeof buf, out)) > 0)
    g_string_append_len (text, buf, (gssize) n);
  fclose (out);
  return g_string_free (text, FALSE);
}

/* Removes dir and the files in it (one level). */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

START_TEST (test_output_merge)
{
  g_autofree char *dir = g_dir_make_tmp ("test-glue-XXXXXX", NULL);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_cli_item_free);
  g_autoptr (FcReport) two = report_with (2);
  g_autoptr (FcReport) clean = report_with (0);
  g_autofree char *two_json = fc_report_workbook_to_json (two, "/stage/0000.ods", NULL, FALSE);
  g_autofree char *clean_json = fc_report_workbook_to_json (clean, "/stage/0001.ods", NULL, FALSE);
  g_autofree char *failed_json = fc_report_workbook_to_json (NULL, "/stage/0002.ods",
                                                             FC_ERROR_NO_TABLES_TEXT, FALSE);
  const char *const paths[] = { "甲.ods", "b c.xlsx", "empty.ods", "gone.ods", "torn.ods", NULL };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  JsonArray *workbooks;
  FcCliItem *gone;
  int status;

  ck_assert_ptr_nonnull (dir);
  g_ptr_array_add (items, item_with (dir, 0, two_json));
  g_ptr_array_add (items, item_with (dir, 1, clean_json));
  g_ptr_array_add (items, item_with (dir, 2, failed_json));
  gone = item_with (dir, 3, NULL);
  gone->error = g_strdup ("timed out");
  g_ptr_array_add (items, gone);
  g_ptr_array_add (items, item_with (dir, 4, "{\"path\": \"/stage/0004.ods\", \"tab"));

  json = output_of (FC_CLI_FORMAT_JSON, items, paths, &status);
  ck_assert_int_eq (status, FC_CLI_EXIT_FAILED); /* some input not checked */
  root = json_from_string (json, NULL);
  ck_assert_ptr_nonnull (root);
  workbooks = json_object_get_array_member (json_node_get_object (root), "workbooks");
  ck_assert_uint_eq (json_array_get_length (workbooks), 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *wb = json_array_get_object_element (workbooks, i);

      /* the user's names, never the stage's */
      ck_assert_str_eq (json_object_get_string_member (wb, "path"), paths[i]);
      ck_assert_int_eq (json_object_has_member (wb, "error"), i >= 2);
    }
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (workbooks, 2),
                                                   "error"), FC_ERROR_NO_TABLES_TEXT);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (workbooks, 3),
                                                   "error"), "timed out");

  text = output_of (FC_CLI_FORMAT_TEXT, items, paths, &status);
  ck_assert_int_eq (status, FC_CLI_EXIT_FAILED);
  ck_assert_ptr_nonnull (strstr (text, "gone.ods：无法检查 not checked\n    timed out"));
  ck_assert_ptr_nonnull (strstr (text, "共 5 个工作簿 5 workbooks：错误 error 2，警告 warning 0，"
                                       "提示 info 2，无法检查 not checked 3"));

  /* the checked ones alone: errors make 1, none 0 */
  g_ptr_array_set_size (items, 2);
  g_free (output_of (FC_CLI_FORMAT_CSV, items, paths, &status));
  ck_assert_int_eq (status, FC_CLI_EXIT_FINDINGS);
  g_ptr_array_remove_index (items, 0);
  g_free (output_of (FC_CLI_FORMAT_CSV, items, paths + 1, &status));
  ck_assert_int_eq (status, FC_CLI_EXIT_OK);
  remove_dir (dir);
}
END_TEST

/* An entry of report naming marked as its marked copy (transfer full). */
static char *
entry_marked (const FcReport *report, const char *marked)
{
  g_autofree char *json = fc_report_workbook_to_json (report, "/stage/x.ods", NULL, FALSE);
  g_autoptr (JsonNode) node = json_from_string (json, NULL);

  json_object_set_string_member (json_node_get_object (node), "marked", marked);
  return json_to_string (node, FALSE);
}

START_TEST (test_marked_collect)
{
  g_autofree char *stage = g_dir_make_tmp ("test-glue-stage-XXXXXX", NULL);
  g_autofree char *dest = g_dir_make_tmp ("test-glue-marked-XXXXXX", NULL);
  g_autofree char *input_in_dest = g_build_filename (dest, "x.ods", NULL);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_cli_item_free);
  g_autoptr (FcReport) report = report_with (1);
  const char *const paths[] = { "/one/x.ods", "/two/x.ods", input_in_dest };
  /* dest/x.ods is an input: no copy may take its place */
  const char *const expected[] = { "x-2.ods", "x-3.ods", "x-4.ods" };
  g_autofree char *input = NULL;

  ck_assert (g_file_set_contents (input_in_dest, "input", -1, NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *marked = g_strdup_printf ("%s/marked-%u.ods", stage, i);
      g_autofree char *content = g_strdup_printf ("copy %u", i);
      g_autofree char *json = entry_marked (report, marked);

      ck_assert (g_file_set_contents (marked, content, -1, NULL));
      g_ptr_array_add (items, item_with (stage, i, json));
    }
  fc_cli_marked_collect (items, paths, dest);
  for (guint i = 0; i < 3; i++)
    {
      const FcCliItem *item = items->pdata[i];
      g_autofree char *want = g_build_filename (dest, expected[i], NULL);
      g_autofree char *wanted = g_strdup_printf ("copy %u", i);
      g_autofree char *data = NULL;
      g_autofree char *content = NULL;
      g_autoptr (JsonNode) node = NULL;

      ck_assert (g_file_get_contents (item->output, &data, NULL, NULL));
      node = json_from_string (data, NULL);
      ck_assert_str_eq (json_object_get_string_member (json_node_get_object (node), "marked"),
                        want);
      ck_assert (g_file_get_contents (want, &content, NULL, NULL));
      ck_assert_str_eq (content, wanted);
    }
  ck_assert (g_file_get_contents (input_in_dest, &input, NULL, NULL));
  ck_assert_str_eq (input, "input");
  remove_dir (stage);
  remove_dir (dest);
}
END_TEST

START_TEST (test_amount_format)
{
  const struct { double value; const char *text; } cases[] = {
    { 634.38, "634.38" }, { -0.1, "-0.10" }, { -0.004, "0.00" }, { -0.0, "0.00" },
    { 0.125, "0.13" }, { 0.015, "0.02" }, { 1234567.891, "1234567.89" }, { 0, "0.00" },
  };
  g_autofree char *huge = fc_amount_format (1e308);
  g_autofree char *nan_text = fc_amount_format (NAN);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fc_amount_format (cases[i].value);

      ck_assert_str_eq (text, cases[i].text);
    }
  ck_assert_uint_eq (strlen (huge), 309 + 3); /* written out, not cut */
  ck_assert (g_str_has_prefix (huge, "1000000000000000") && g_str_has_suffix (huge, ".00"));
  ck_assert_str_eq (nan_text, "nan");
}
END_TEST

START_TEST (test_amount_format_comma_locale)
{
  g_autoptr (FcReport) report = report_with (1);
  g_autofree char *text = NULL;
  g_autofree char *amount = NULL;
  char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  char printed[32];

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      /* not faked: packaging/install-deps.sh makes the locale */
      fprintf (stderr, "test-glue: no de_DE.UTF-8 locale: the comma-decimal assertion is "
                       "skipped (localedef -i de_DE -f UTF-8 de_DE.UTF-8)\n");
      g_free (old);
      return;
    }
  snprintf (printed, sizeof printed, "%.2f", 0.5);
  ck_assert_str_eq (printed, "0,50"); /* the locale does write commas */
  amount = fc_amount_format (-1234.5);
  text = fc_report_to_text (report, "x.ods");
  setlocale (LC_NUMERIC, old);
  g_free (old);
  ck_assert_str_eq (amount, "-1234.50");
  ck_assert_ptr_nonnull (strstr (text, "100.10"));
  ck_assert_ptr_null (strstr (text, "100,10"));
}
END_TEST

START_TEST (test_severity_format)
{
  const char *const id[] = { "info", "warning", "error" };
  const char *const zh[] = { "提示", "警告", "错误" };
  const char *const both[] = { "提示 info", "警告 warning", "错误 error" };

  for (FcSeverity s = FC_SEVERITY_INFO; s <= FC_SEVERITY_ERROR; s++)
    {
      ck_assert_str_eq (fc_severity_format (s, FC_SEVERITY_ID), id[s]);
      ck_assert_str_eq (fc_severity_to_string (s), id[s]);
      ck_assert_str_eq (fc_severity_format (s, FC_SEVERITY_CHINESE), zh[s]);
      ck_assert_str_eq (fc_severity_format (s, FC_SEVERITY_BILINGUAL), both[s]);
    }
}
END_TEST

static Suite *
glue_suite (void)
{
  Suite *suite = suite_create ("glue");
  TCase *options = tcase_create ("filter options");
  TCase *cli = tcase_create ("batch command");
  TCase *format = tcase_create ("formatting");

  tcase_add_test (options, test_options_round_trip);
  tcase_add_test (options, test_options_every_key);
  tcase_add_test (options, test_options_defaults);
  tcase_add_test (options, test_options_bad);
  tcase_add_test (cli, test_staged_names);
  tcase_add_test (cli, test_copy_names);
  tcase_add_test (cli, test_output_merge);
  tcase_add_test (cli, test_marked_collect);
  tcase_add_test (format, test_amount_format);
  tcase_add_test (format, test_amount_format_comma_locale);
  tcase_add_test (format, test_severity_format);
  suite_add_tcase (suite, options);
  suite_add_tcase (suite, cli);
  suite_add_tcase (suite, format);
  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (glue_suite ());
  int failed;

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
