/* test-fods-writer.c — the flat-ODS writer read back by the reader:
 * numbers keep their exact value, text its quotes, <, &, apostrophes,
 * runs of spaces, tabs and lines, control characters come back as their
 * control pictures (XML 1.0 cannot carry them), and sheet names are made
 * legal for Calc and unique. */
#include <check.h>
#include <string.h>

#include "fc-fods.h"
#include "fc-fods-writer.h"
#include "fc-test.h"

static FcWorkbook *
round_trip (const FcWorkbook *workbook, const char *const *names)
{
  g_autofree char *data = fc_fods_write_data (workbook, names);
  g_autoptr (GError) error = NULL;
  FcWorkbook *back = fc_fods_read_data (data, strlen (data), &error);

  ck_assert_msg (back != NULL, "%s\n%s", error != NULL ? error->message : "", data);
  return back;
}

START_TEST (test_hostile_text)
{
  g_autoptr (FcWorkbook) workbook = fc_workbook_new ();
  g_autoptr (FcWorkbook) back = NULL;
  FcSheet *sheet = fc_workbook_add_sheet (workbook, "表", 3, 4);
  const FcSheet *s;
  const char *hostile = "He said \"5,377.64\" <b>&amp; 'x' ]]> &#0; 工资福利支出";
  const char *spaced = "  two  spaces\tand a tab\nsecond line ";

  fc_sheet_set_text (sheet, 0, 0, hostile);
  fc_sheet_set_text (sheet, 0, 1, spaced);
  fc_sheet_set_text (sheet, 0, 3, "bell\x07" "nul-less\x01\x1f" "del\x7f" "end");
  fc_sheet_set_number (sheet, 1, 0, 2082.85);
  fc_sheet_set_number (sheet, 1, 2, 0.1 + 0.2);
  fc_sheet_set_number (sheet, 2, 3, -1234567.125);
  fc_sheet_set_text (sheet, 2, 0, "\xff\xfe broken UTF-8");
  back = round_trip (workbook, NULL);

  s = fc_workbook_get_sheet (back, 0);
  ck_assert_str_eq (fc_sheet_get_name (s), "表");
  ck_assert_uint_eq (fc_sheet_get_n_rows (s), 3);
  ck_assert_uint_eq (fc_sheet_get_n_cols (s), 4);
  ck_assert_int_eq (fc_sheet_get_cell (s, 0, 0)->kind, FC_CELL_TEXT);
  ck_assert_str_eq (fc_sheet_get_cell (s, 0, 0)->text, hostile);
  ck_assert_str_eq (fc_sheet_get_cell (s, 0, 1)->text, spaced);
  ck_assert_int_eq (fc_sheet_get_cell (s, 0, 2)->kind, FC_CELL_EMPTY);
  ck_assert_str_eq (fc_sheet_get_cell (s, 0, 3)->text, "bell␇nul-less␁␟del␡end");
  ck_assert_int_eq (fc_sheet_get_cell (s, 1, 0)->kind, FC_CELL_NUMBER);
  ck_assert (fc_sheet_get_cell (s, 1, 0)->number == 2082.85);
  ck_assert (fc_sheet_get_cell (s, 1, 2)->number == 0.1 + 0.2);
  ck_assert (fc_sheet_get_cell (s, 2, 3)->number == -1234567.125);
  ck_assert (g_utf8_validate (fc_sheet_get_cell (s, 2, 0)->text, -1, NULL));
  ck_assert (g_str_has_suffix (fc_sheet_get_cell (s, 2, 0)->text, " broken UTF-8"));
}
END_TEST

START_TEST (test_sheet_names)
{
  g_autoptr (FcWorkbook) workbook = fc_workbook_new ();
  g_autoptr (FcWorkbook) back = NULL;
  const char *names[] = { "a[1]:b/c\\d*e?", "'quoted'", "Sheet", "sheet", "", "line\nbreak",
                          "x&<\"y\">", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    fc_sheet_set_number (fc_workbook_add_sheet (workbook, "same", 1, 1), 0, 0, i);
  back = round_trip (workbook, names);
  ck_assert_uint_eq (fc_workbook_get_n_sheets (back), 7);
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 0)), "a［1］：b／c＼d＊e？");
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 1)), "quoted");
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 2)), "Sheet");
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 3)), "sheet (2)");
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 4)), "Sheet (3)");
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 5)), "line break");
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 6)), "x&<\"y\">");
  for (guint i = 0; i < 7; i++)
    ck_assert (fc_sheet_get_cell (fc_workbook_get_sheet (back, i), 0, 0)->number == i);

  /* without names the sheets keep theirs, made unique */
  g_clear_pointer (&back, fc_workbook_free);
  back = round_trip (workbook, NULL);
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 0)), "same");
  ck_assert_str_eq (fc_sheet_get_name (fc_workbook_get_sheet (back, 1)), "same (2)");
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("fods-writer");
  TCase *tc = tcase_create ("fods-writer");

  tcase_add_test (tc, test_hostile_text);
  tcase_add_test (tc, test_sheet_names);
  suite_add_tcase (s, tc);
  return fc_test_run (s);
}
