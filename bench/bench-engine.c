/* bench-engine.c — how long the engine takes: recognising the tables and
 * running every rule, on the sample and on a synthetic package whose code
 * tables (02, 03, 05) are scaled up to many codes.  Prints figures; asserts
 * nothing.
 *
 *   bench-engine RULES_DIR SAMPLE.fods [ROUNDS [CASE]]
 *
 * CASE (sample, 200, 1000, 3000, clean, tall) runs that case alone: for a
 * profiler.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fc-engine.h"
#include "fc-fods.h"

/* Whether cell holds a 类/款/项 code (201, 20103, 2010301). */
static gboolean
is_code (const FcCell *cell)
{
  return cell->kind == FC_CELL_NUMBER && cell->number >= 200 && cell->number < 3e6
         && cell->number == (gint64) cell->number;
}

/* A copy of the sample whose code tables repeat their code rows with new
 * 类 codes until each has about n_rows rows.  Not clean: everything is
 * repeated, amounts and 合计 rows too, so totals do not hold and thousands
 * of findings are made (the worst case).  Clean: only the code rows are
 * repeated, with amounts of 0, so the package still reconciles (a large
 * package as published). */
static FcWorkbook *
scaled (const FcWorkbook *src, guint n_rows, gboolean clean)
{
  FcWorkbook *wb = fc_workbook_new ();
  for (guint s = 0; s < fc_workbook_get_n_sheets (src); s++)
    {
      const FcSheet *in = fc_workbook_get_sheet (src, s);
      guint rows = fc_sheet_get_n_rows (in), cols = fc_sheet_get_n_cols (in);
      gboolean code_table = strcmp (fc_sheet_get_name (in), "收入决算表") == 0
                            || strcmp (fc_sheet_get_name (in), "支出决算表") == 0
                            || strcmp (fc_sheet_get_name (in), "一般公共预算财政拨款支出决算表") == 0;
      guint copies = code_table ? MAX (1u, n_rows / rows) : 1;
      FcSheet *out = fc_workbook_add_sheet (wb, fc_sheet_get_name (in), rows * copies, cols);
      for (guint k = 0; k < copies; k++)
        for (guint r = 0; r < rows; r++)
          for (guint c = 0; c < cols; c++)
            {
              const FcCell *cell = fc_sheet_get_cell (in, r, c);
              guint at = k == 0 ? r : rows + (k - 1) * rows + r;
              if (k > 0 && r < 9)
                continue; /* one title and header */
              if (k + 1 < copies && cell->kind == FC_CELL_TEXT && g_str_has_prefix (cell->text, "注"))
                continue; /* the notes under the last copy only: they end a table */
              if (clean && k > 0 && !is_code (fc_sheet_get_cell (in, r, 0))
                  && !(k + 1 == copies && cell->kind == FC_CELL_TEXT))
                continue; /* only code rows again (and the notes, at the end) */
              if (clean && k > 0 && c > 0 && cell->kind == FC_CELL_NUMBER)
                {
                  fc_sheet_set_number (out, at, c, 0);
                  continue;
                }
              if (is_code (cell))
                {
                  /* shift the 类 code: 201 → 201 + k·1000 keeps 3/5/7 digits apart */
                  double v = cell->number;
                  int digits = v < 1000 ? 3 : v < 100000 ? 5 : 7;
                  double scale = digits == 3 ? 1 : digits == 5 ? 100 : 10000;
                  fc_sheet_set_number (out, at, c, v + (double) ((k * 7) % 700) * scale);
                }
              else if (cell->kind == FC_CELL_NUMBER)
                fc_sheet_set_number (out, at, c, cell->number);
              else if (cell->kind == FC_CELL_TEXT)
                fc_sheet_set_text (out, at, c, cell->text);
            }
    }
  return wb;
}

static void
measure (const FcEngine *engine, const FcWorkbook *wb, const char *what, guint rounds)
{
  guint findings = 0;
  if (wb == NULL)
    return;
  gint64 t0 = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr (FcReport) r = fc_engine_check (engine, wb, NULL, NULL);
      findings = r ? r->findings->len : 0;
    }
  double ms = (g_get_monotonic_time () - t0) / 1000.0 / rounds;
  /* what live cells with these scopes cost once the check is done: each
   * answers from the one report (bench-live.py's 19 scoped cells) */
  static const char *const scopes[] = { "01", "02", "03", "04", "05", "06", "07", "08", "09",
                                        "10", "R01.1", "R02.1", "R03.1", "R04.1", "R05.1",
                                        "X01-02.1", "X01-02.2", "S.1", "S.2" };
  g_autoptr (FcReport) report = fc_engine_check (engine, wb, NULL, NULL);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; report != NULL && i < rounds; i++)
    for (guint k = 0; k < G_N_ELEMENTS (scopes); k++)
      {
        g_autoptr (FcReport) view = fc_engine_report_in_scope (engine, report, scopes[k], NULL);
      }
  double scoped_ms = (g_get_monotonic_time () - t0) / 1000.0 / rounds;
  guint cells = 0;
  for (guint s = 0; s < fc_workbook_get_n_sheets (wb); s++)
    cells += fc_sheet_get_n_rows (fc_workbook_get_sheet (wb, s))
             * fc_sheet_get_n_cols (fc_workbook_get_sheet (wb, s));
  printf ("%-28s %8u cells %6u findings %9.3f ms per check, %7.3f ms for 19 scoped views\n",
          what, cells, findings, ms, scoped_ms);
}

/* A copy of the sample whose 02 sheet is 1,048,576 rows tall, with one
 * text in its last cell: a used area that reaches the bottom of the sheet. */
static FcWorkbook *
tall (const FcWorkbook *src)
{
  FcWorkbook *wb = fc_workbook_new ();
  for (guint s = 0; s < fc_workbook_get_n_sheets (src); s++)
    {
      const FcSheet *in = fc_workbook_get_sheet (src, s);
      guint rows = fc_sheet_get_n_rows (in), cols = fc_sheet_get_n_cols (in);
      gboolean tall_one = strcmp (fc_sheet_get_name (in), "收入决算表") == 0;
      FcSheet *out = fc_workbook_add_sheet (wb, fc_sheet_get_name (in), tall_one ? 1048576 : rows, cols);
      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < cols; c++)
          {
            const FcCell *cell = fc_sheet_get_cell (in, r, c);
            if (cell->kind == FC_CELL_NUMBER)
              fc_sheet_set_number (out, r, c, cell->number);
            else if (cell->kind == FC_CELL_TEXT)
              fc_sheet_set_text (out, r, c, cell->text);
          }
      if (tall_one)
        fc_sheet_set_text (out, 1048575, 0, "x");
    }
  return wb;
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: %s RULES_DIR SAMPLE.fods [ROUNDS]\n", argv[0]);
      return 2;
    }
  guint rounds = argc > 3 ? (guint) atoi (argv[3]) : 50;
  const char *only = argc > 4 ? argv[4] : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcEngine) engine = fc_engine_new_shipped (argv[1], &error);
  g_autoptr (FcWorkbook) sample = engine ? fc_fods_read_file (argv[2], &error) : NULL;
  if (sample == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  printf ("%u rules, %u rounds each\n", fc_engine_get_n_rules (engine), rounds);
#define WANTED(name) (only == NULL || strcmp (only, (name)) == 0)
  if (WANTED ("sample"))
    measure (engine, sample, "sample", rounds);
  const char *sizes[] = { "200", "1000", "3000" };
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (WANTED (sizes[i]))
      {
        guint n = (guint) atoi (sizes[i]);
        g_autoptr (FcWorkbook) big = scaled (sample, n, FALSE);
        g_autofree char *what = g_strdup_printf ("code tables × %u rows", n);
        measure (engine, big, what, MAX (1u, rounds / (1 + n / 200)));
      }
  if (WANTED ("clean"))
    {
      g_autoptr (FcWorkbook) clean = scaled (sample, 3000, TRUE);
      measure (engine, clean, "clean code tables × 3000", MAX (1u, rounds / 16));
    }
  if (WANTED ("tall"))
    {
      g_autoptr (FcWorkbook) bottom = tall (sample);
      measure (engine, bottom, "02 down to row 1048576", 1);
    }
  return 0;
}
