/* test-workbook.c — the FcWorkbook model: sizes, setters, display, addresses. */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "fc-workbook.h"

/* Asserts a transfer-full string and frees it. */
#define ck_assert_owned_str_eq(expr, expected)                                  \
  do {                                                                          \
    char *owned_ = (expr);                                                      \
    ck_assert_str_eq (owned_, expected);                                        \
    g_free (owned_);                                                            \
  } while (0)

START_TEST (test_sheets)
{
  g_autoptr (FcWorkbook) wb = fc_workbook_new ();
  ck_assert_uint_eq (fc_workbook_get_n_sheets (wb), 0);
  ck_assert_ptr_null (fc_workbook_get_sheet (wb, 0));

  FcSheet *a = fc_workbook_add_sheet (wb, "收入支出决算总表", 3, 4);
  FcSheet *b = fc_workbook_add_sheet (wb, "Empty", 0, 0);
  ck_assert_ptr_nonnull (a);
  ck_assert_ptr_nonnull (b);
  ck_assert_uint_eq (fc_workbook_get_n_sheets (wb), 2);
  ck_assert_ptr_eq (fc_workbook_get_sheet (wb, 0), a);
  ck_assert_ptr_eq (fc_workbook_get_sheet (wb, 1), b);
  ck_assert_ptr_null (fc_workbook_get_sheet (wb, 2));
  ck_assert_str_eq (fc_sheet_get_name (a), "收入支出决算总表");
  ck_assert_uint_eq (fc_sheet_get_n_rows (a), 3);
  ck_assert_uint_eq (fc_sheet_get_n_cols (a), 4);
  ck_assert_int_eq (fc_sheet_get_cell (b, 0, 0)->kind, FC_CELL_EMPTY);
}
END_TEST

START_TEST (test_absurd_sizes)
{
  g_autoptr (FcWorkbook) wb = fc_workbook_new ();
  ck_assert_ptr_null (fc_workbook_add_sheet (wb, "huge", G_MAXUINT, G_MAXUINT));
  ck_assert_ptr_null (fc_workbook_add_sheet (wb, "wide", 2, G_MAXUINT));
  ck_assert_ptr_null (fc_workbook_add_sheet (wb, "big", 1048576, 16384));
  ck_assert_uint_eq (fc_workbook_get_n_sheets (wb), 0);
  /* Very long but thin is fine as long as it stays under the cap. */
  ck_assert_ptr_nonnull (fc_workbook_add_sheet (wb, "tall", 1048576, 1));
  ck_assert_uint_eq (fc_workbook_get_n_sheets (wb), 1);
}
END_TEST

START_TEST (test_setters)
{
  g_autoptr (FcWorkbook) wb = fc_workbook_new ();
  FcSheet *s = fc_workbook_add_sheet (wb, "S", 2, 2);
  char buf[] = "临时";

  fc_sheet_set_number (s, 0, 0, 12.5);
  fc_sheet_set_text (s, 0, 1, buf);
  buf[0] = 'X'; /* the sheet holds its own copy */
  fc_sheet_set_error (s, 1, 0, "#DIV/0!");
  fc_sheet_set_text (s, 1, 1, NULL);

  const FcCell *c = fc_sheet_get_cell (s, 0, 0);
  ck_assert_int_eq (c->kind, FC_CELL_NUMBER);
  ck_assert_double_eq (c->number, 12.5);
  c = fc_sheet_get_cell (s, 0, 1);
  ck_assert_int_eq (c->kind, FC_CELL_TEXT);
  ck_assert_str_eq (c->text, "临时");
  c = fc_sheet_get_cell (s, 1, 0);
  ck_assert_int_eq (c->kind, FC_CELL_ERROR);
  ck_assert_str_eq (c->text, "#DIV/0!");
  ck_assert_str_eq (fc_sheet_get_cell (s, 1, 1)->text, "");

  /* Overwriting frees the old text; setting from the cell's own text is safe. */
  fc_sheet_set_text (s, 0, 1, fc_sheet_get_cell (s, 0, 1)->text);
  ck_assert_str_eq (fc_sheet_get_cell (s, 0, 1)->text, "临时");
  fc_sheet_set_number (s, 0, 1, 3);
  ck_assert_ptr_null (fc_sheet_get_cell (s, 0, 1)->text);
  fc_sheet_clear_cell (s, 1, 0);
  ck_assert_int_eq (fc_sheet_get_cell (s, 1, 0)->kind, FC_CELL_EMPTY);
  ck_assert_ptr_null (fc_sheet_get_cell (s, 1, 0)->text);

  /* Outside the sheet: setters are no-ops, the getter gives an empty cell. */
  fc_sheet_set_number (s, 2, 0, 1);
  fc_sheet_set_text (s, 0, 2, "x");
  fc_sheet_set_error (s, 9, 9, "x");
  fc_sheet_clear_cell (s, 9, 9);
  c = fc_sheet_get_cell (s, G_MAXUINT, G_MAXUINT);
  ck_assert_ptr_nonnull (c);
  ck_assert_int_eq (c->kind, FC_CELL_EMPTY);
}
END_TEST

START_TEST (test_display)
{
  FcCell cell = { FC_CELL_NUMBER, 0, NULL };
  static const struct { double value; const char *shown; } cases[] = {
    { 100, "100" },          { 12.5, "12.5" },      { 1234.56, "1234.56" },
    { 0.1 + 0.2, "0.3" },    { -0.0, "0" },         { -7.05, "-7.05" },
    { 0.125, "0.125" },      { 1.0 / 3, "0.333333333333333" },
    { 1e20, "1e+20" },       { 283.47, "283.47" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cell.number = cases[i].value;
      ck_assert_owned_str_eq (fc_cell_to_display (&cell), cases[i].shown);
    }

  FcCell text = { FC_CELL_TEXT, 0, "合计" };
  ck_assert_owned_str_eq (fc_cell_to_display (&text), "合计");
  FcCell error = { FC_CELL_ERROR, 0, "#REF!" };
  ck_assert_owned_str_eq (fc_cell_to_display (&error), "#REF!");
  FcCell empty = { FC_CELL_EMPTY, 0, NULL };
  ck_assert_owned_str_eq (fc_cell_to_display (&empty), "");
  ck_assert_owned_str_eq (fc_cell_to_display (NULL), "");
}
END_TEST

START_TEST (test_address)
{
  ck_assert_owned_str_eq (fc_cell_address (0, 0), "A1");
  ck_assert_owned_str_eq (fc_cell_address (11, 2), "C12");
  ck_assert_owned_str_eq (fc_cell_address (0, 25), "Z1");
  ck_assert_owned_str_eq (fc_cell_address (0, 26), "AA1");
  ck_assert_owned_str_eq (fc_cell_address (0, 51), "AZ1");
  ck_assert_owned_str_eq (fc_cell_address (0, 52), "BA1");
  ck_assert_owned_str_eq (fc_cell_address (0, 701), "ZZ1");
  ck_assert_owned_str_eq (fc_cell_address (0, 702), "AAA1");
  ck_assert_owned_str_eq (fc_cell_address (1048575, 16383), "XFD1048576");
  ck_assert_owned_str_eq (fc_cell_address (G_MAXUINT, G_MAXUINT), "MWLQKWV4294967296");
}
END_TEST

static Suite *
workbook_suite (void)
{
  Suite *suite = suite_create ("workbook");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, test_sheets);
  tcase_add_test (tc, test_absurd_sizes);
  tcase_add_test (tc, test_setters);
  tcase_add_test (tc, test_display);
  tcase_add_test (tc, test_address);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (workbook_suite ());
  srunner_run_all (runner, CK_NORMAL);
  int failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
