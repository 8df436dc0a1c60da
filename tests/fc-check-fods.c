/* fc-check-fods.c — a developer's tool: the engine alone (no LibreOffice) on
 * flat-ODS workbooks, printing the text report, so a layout can be tried in
 * milliseconds.  Not a test; the batch command is `fiscalcheck check`.
 *
 *   tests/fc-check-fods RULES_FILE… -- WORKBOOK.fods…
 */
#include <stdio.h>
#include <string.h>

#include "fc-engine.h"
#include "fc-fods.h"
#include "fc-report.h"

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  int i = 1;
  for (; i < argc && strcmp (argv[i], "--") != 0; i++)
    g_ptr_array_add (rules, argv[i]);
  g_ptr_array_add (rules, NULL);
  if (i >= argc - 1)
    {
      fprintf (stderr, "usage: %s RULES_FILE… -- WORKBOOK.fods…\n", argv[0]);
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (FcEngine) engine = fc_engine_new_from_files ((const char *const *) rules->pdata, &error);
  if (engine == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  int status = 0;
  for (i++; i < argc; i++)
    {
      g_autoptr (FcWorkbook) workbook = fc_fods_read_file (argv[i], &error);
      g_autoptr (FcReport) report = workbook ? fc_engine_check (engine, workbook, NULL, &error) : NULL;
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
