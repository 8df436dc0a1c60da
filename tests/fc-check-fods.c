/* fc-check-fods.c — a developer's tool: the engine alone (no LibreOffice) on
 * flat-ODS workbooks, printing the text report, so a layout can be tried in
 * milliseconds.  Not a test; the batch command is `fiscalcheck check`.
 *
 *   tests/fc-check-fods [--tables] RULES_DIR [MORE_RULES_FILE…] -- [--narrative TEXT.txt] WORKBOOK.fods…
 *
 * --narrative checks the workbook after it with that narrative (one
 * paragraph a line) instead of the one in the workbook.
 */
#include <stdio.h>
#include <string.h>

#include "fc-engine.h"
#include "fc-fods.h"
#include "fc-report-writer.h"
#include "fc-table.h"

/* --tables: what recognition made of each table, to see why a rule did or
 * did not apply. */
static void
dump_tables (const FcEngine *engine, const FcWorkbook *workbook)
{
  g_autoptr (GPtrArray) tables = fc_table_recognize (fc_engine_get_catalogue (engine), workbook);
  for (guint i = 0; i < tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (tables, i);
      printf ("== %s %s (%s rows %u-%u)\n", t->id, t->title, fc_sheet_get_name (t->sheet),
              t->first_row + 1, t->last_row + 1);
      for (guint n = 1; n < t->column_labels->len; n++)
        printf ("   %s\n", (char *) g_ptr_array_index (t->column_labels, n));
      for (guint k = 0; k + 1 < t->problems->len; k += 2)
        printf ("   problem: %s\n", (char *) g_ptr_array_index (t->problems, k));
      for (guint k = 0; k < t->rows->len; k++)
        {
          const FcTableRow *r = g_ptr_array_index (t->rows, k);
          g_autofree char *d = fc_table_row_describe (r);
          printf ("   row %u line %d code %s: %s |", r->row + 1, r->line, r->code ? r->code : "-", d);
          for (guint n = 1; n < r->cols->len; n++)
            if (fc_table_row_column (r, n) >= 0)
              {
                g_autofree char *addr = fc_cell_address (r->row, (guint) fc_table_row_column (r, n));
                printf (" %u=%s", n, addr);
              }
          printf ("\n");
        }
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  int i = 1;
  gboolean tables = argc > 1 && strcmp (argv[1], "--tables") == 0;
  if (tables)
    i++;
  for (; i < argc && strcmp (argv[i], "--") != 0; i++)
    g_ptr_array_add (rules, argv[i]);
  g_ptr_array_add (rules, NULL);
  if (i >= argc - 1 || rules->len < 2)
    {
      fprintf (stderr, "usage: %s RULES_DIR [MORE_RULES_FILE…] -- WORKBOOK.fods…\n", argv[0]);
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (FcEngine) engine = fc_engine_new_shipped (g_ptr_array_index (rules, 0), &error);
  for (guint k = 1; engine != NULL && g_ptr_array_index (rules, k) != NULL; k++)
    if (!fc_engine_add_rules_file (engine, g_ptr_array_index (rules, k), &error))
      g_clear_pointer (&engine, fc_engine_free);
  if (engine == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  int status = 0;
  g_autoptr (FcNarrative) narrative = NULL;
  for (i++; i < argc; i++)
    {
      if (strcmp (argv[i], "--narrative") == 0 && i + 1 < argc)
        {
          g_autofree char *text = NULL;
          gsize len = 0;
          if (!g_file_get_contents (argv[++i], &text, &len, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 2;
            }
          g_clear_pointer (&narrative, fc_narrative_free);
          narrative = fc_narrative_new_from_text (text, (gssize) len, argv[i]);
          continue;
        }
      g_autoptr (FcWorkbook) workbook = fc_fods_read_file (argv[i], &error);
      if (workbook != NULL && tables)
        dump_tables (engine, workbook);
      g_autoptr (FcReport) report = workbook ? fc_engine_check_full (engine, workbook, narrative, NULL, &error)
                                             : NULL;
      g_clear_pointer (&narrative, fc_narrative_free);
      if (report == NULL)
        {
          fprintf (stderr, "%s: %s\n", argv[i], error->message);
          g_clear_error (&error);
          status = 2;
          continue;
        }
      g_autofree char *text = fc_report_to_text (report, argv[i]);
      fputs (text, stdout);
      if (fc_report_count (report, FC_SEVERITY_ERROR) > 0 && status == 0)
        status = 1;
    }
  return status;
}
