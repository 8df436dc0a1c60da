/* test-fuzz-regressions.c — every input a fuzz target ever failed on
 * (tests/fuzz/regressions/TARGET/), its hand-written seeds and the real
 * packages, replayed through the targets' own entry points (tests/fuzz/),
 * so a fixed crash stays fixed in the normal suite, without clang.  Also
 * the engine target's grid codec: a real package encoded and decoded is the
 * same workbook. */
#include <check.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fc-fods.h"
#include "fc-fuzz-grid.h"
#include "fc-fuzz.h"
#include "fc-test.h"

typedef int (*FuzzEntry) (const uint8_t *data, size_t size);

typedef struct {
  const char *target;
  FuzzEntry entry;
  char *path;
} Input;

static GPtrArray *inputs; /* of Input*, filled by main before the tests run */

#define FC_FUZZ_ENTRY_ROW(name) { #name, fc_fuzz_##name },
static const struct {
  const char *name;
  FuzzEntry entry;
} targets[] = { FC_FUZZ_TARGETS (FC_FUZZ_ENTRY_ROW) };
#undef FC_FUZZ_ENTRY_ROW

static void
add_dir (const char *target, FuzzEntry entry, const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      if (name[0] == '.')
        continue;
      Input *in = g_new0 (Input, 1);
      in->target = target;
      in->entry = entry;
      in->path = g_build_filename (dir, name, NULL);
      g_ptr_array_add (inputs, in);
    }
}

START_TEST (test_replay)
{
  const Input *in = g_ptr_array_index (inputs, _i);
  g_autofree char *data = NULL;
  gsize size;
  g_autoptr (GError) error = NULL;
  ck_assert_msg (g_file_get_contents (in->path, &data, &size, &error), "%s", in->path);
  /* a failing input aborts inside the target: Check reports the signal */
  ck_assert_int_eq (in->entry ((const uint8_t *) data, size), 0);
}
END_TEST

static void
assert_same_workbook (const FcWorkbook *a, const FcWorkbook *b)
{
  ck_assert_uint_eq (fc_workbook_get_n_sheets (a), fc_workbook_get_n_sheets (b));
  for (guint i = 0; i < fc_workbook_get_n_sheets (a); i++)
    {
      const FcSheet *s = fc_workbook_get_sheet (a, i), *t = fc_workbook_get_sheet (b, i);
      ck_assert_str_eq (fc_sheet_get_name (s), fc_sheet_get_name (t));
      ck_assert_uint_eq (fc_sheet_get_n_rows (s), fc_sheet_get_n_rows (t));
      ck_assert_uint_eq (fc_sheet_get_n_cols (s), fc_sheet_get_n_cols (t));
      for (guint r = 0; r < fc_sheet_get_n_rows (s); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (s); c++)
          {
            const FcCell *x = fc_sheet_get_cell (s, r, c), *y = fc_sheet_get_cell (t, r, c);
            ck_assert_int_eq (x->kind, y->kind);
            if (x->kind == FC_CELL_NUMBER)
              ck_assert (memcmp (&x->number, &y->number, sizeof x->number) == 0);
            else if (x->kind == FC_CELL_TEXT)
              ck_assert_str_eq (x->text, y->text);
          }
    }
}

START_TEST (test_grid_codec)
{
  const char *const files[] = { "ods-templates/sample.fods", "ods-templates/template.fods",
                                "tests/data/putuo_ghzy_2024.fods" };
  g_autofree char *path = g_build_filename (g_getenv ("FC_SOURCE_ROOT"), files[_i], NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcWorkbook) wb = fc_fods_read_file (path, &error);
  ck_assert_msg (wb != NULL, "%s", error ? error->message : path);
  g_autoptr (GBytes) bytes = fc_fuzz_grid_encode (wb);
  gsize size;
  const uint8_t *data = g_bytes_get_data (bytes, &size);
  g_autoptr (FcWorkbook) back = fc_fuzz_grid_decode (data, size);
  assert_same_workbook (wb, back);
  /* the engine target on a real package: tables found, reports written */
  ck_assert_int_eq (fc_fuzz_engine (data, size), 0);
}
END_TEST

START_TEST (test_grid_anything)
{
  /* any bytes decode, including none */
  g_autoptr (GRand) rand = g_rand_new_with_seed (11 + _i);
  guint8 bytes[512];
  gsize n = g_rand_int_range (rand, 0, sizeof bytes);
  for (gsize k = 0; k < n; k++)
    bytes[k] = g_rand_int_range (rand, 0, 256);
  g_autoptr (FcWorkbook) wb = fc_fuzz_grid_decode (bytes, n);
  ck_assert_uint_ge (fc_workbook_get_n_sheets (wb), 1);
  ck_assert_int_eq (fc_fuzz_engine (bytes, n), 0);
}
END_TEST

static void
input_free (gpointer p)
{
  Input *in = p;
  g_free (in->path);
  g_free (in);
}

int
main (void)
{
  const char *root = g_getenv ("FC_SOURCE_ROOT");
  if (root == NULL)
    {
      g_printerr ("FC_SOURCE_ROOT: not set\n");
      return 2;
    }
  inputs = g_ptr_array_new_with_free_func (input_free);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *dir = g_build_filename (root, "tests", "fuzz",
                                                 k ? "seeds" : "regressions",
                                                 targets[t].name, NULL);
        add_dir (targets[t].name, targets[t].entry, dir);
      }
  Suite *s = suite_create ("fuzz-regressions");
  TCase *tc = tcase_create ("replay");
  tcase_set_timeout (tc, 120);
  if (inputs->len > 0)
    tcase_add_loop_test (tc, test_replay, 0, inputs->len);
  tcase_add_loop_test (tc, test_grid_codec, 0, 3);
  tcase_add_loop_test (tc, test_grid_anything, 0, 200);
  suite_add_tcase (s, tc);
  int status = fc_test_run (s);
  g_ptr_array_unref (inputs);
  return status;
}
