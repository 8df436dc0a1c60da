/* fc-fuzz.c — what the fuzz targets share: the engine and the sample built
 * once per process, and the checks every report must pass. */
#include "fc-fuzz.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fc-fods.h"
#include "fc-report-writer.h"
#include "fc-report-jsonglib.h"
#include "fc-test.h"

void
fc_fuzz_fail (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("fuzz target failed: %s\n", message);
  abort ();
}

/* Defaults for a fuzzer started by hand; bench/fuzz.sh and meson set them. */
static void
default_paths (void)
{
  g_setenv ("FC_RULES", FC_FUZZ_SOURCE_ROOT "/addin/rules/standard.rules", FALSE);
  g_setenv ("FC_SAMPLE", FC_FUZZ_SOURCE_ROOT "/ods-templates/sample.fods", FALSE);
}

const FcEngine *
fc_fuzz_shipped_engine (void)
{
  static FcEngine *engine; /* one per process, as libFuzzer runs inputs */
  if (engine == NULL)
    {
      default_paths ();
      engine = fc_test_engine ();
    }
  return engine;
}

FcEngine *
fc_fuzz_engine_from_rules (const char *data, gsize size, GError **error)
{
  /* a rule file of one's own is read after the shipped catalogue, which
   * says what the tables are called: without it nothing is recognised */
  static char *catalogue; /* one per process */
  static gsize catalogue_size;
  if (catalogue == NULL)
    {
      default_paths ();
      g_autofree char *dir = g_path_get_dirname (g_getenv ("FC_RULES"));
      g_autofree char *path = g_build_filename (dir, "catalogue.ini", NULL);
      g_autoptr (GError) local = NULL;
      if (!g_file_get_contents (path, &catalogue, &catalogue_size, &local))
        fc_fuzz_fail ("%s", local->message);
    }
  g_autoptr (GByteArray) text = g_byte_array_sized_new (catalogue_size + 1 + size);
  g_byte_array_append (text, (const guint8 *) catalogue, catalogue_size);
  g_byte_array_append (text, (const guint8 *) "\n", 1);
  g_byte_array_append (text, (const guint8 *) data, size);
  return fc_engine_new_from_data ((const char *) text->data, text->len, "fuzz.rules", error);
}

const FcWorkbook *
fc_fuzz_sample (void)
{
  static FcWorkbook *sample; /* one per process */
  if (sample == NULL)
    {
      default_paths ();
      g_autoptr (GError) error = NULL;
      sample = fc_fods_read_file (fc_test_sample_path (), &error);
      if (sample == NULL)
        fc_fuzz_fail ("FC_SAMPLE: %s", error->message);
    }
  return sample;
}

/* Findings name sheets; a flat-ODS file may repeat a name (Calc never
 * does), so any sheet of that name will do. */
static gboolean
cell_inside (const FcWorkbook *wb, const FcFindingCell *c)
{
  for (guint s = 0; s < fc_workbook_get_n_sheets (wb); s++)
    {
      const FcSheet *sheet = fc_workbook_get_sheet (wb, s);
      if (strcmp (fc_sheet_get_name (sheet), c->sheet) == 0
          && c->row < fc_sheet_get_n_rows (sheet) && c->col < fc_sheet_get_n_cols (sheet))
        return TRUE;
    }
  return FALSE;
}

void
fc_fuzz_check_report (const FcWorkbook *workbook, const FcReport *report)
{
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (report->findings, i);
      if (f->rule_id == NULL || f->message == NULL || f->message_en == NULL
          || !g_utf8_validate (f->message, -1, NULL))
        fc_fuzz_fail ("finding %u without rule id or message", i);
      if (f->has_amounts && !(isfinite (f->expected) && isfinite (f->actual)
                              && isfinite (f->difference)))
        fc_fuzz_fail ("%s: amounts not finite", f->rule_id);
      for (guint k = 0; k < f->cells->len; k++)
        {
          const FcFindingCell *c = g_ptr_array_index (f->cells, k);
          if (!cell_inside (workbook, c))
            fc_fuzz_fail ("%s points outside the workbook: [%s]!%s (row %u, column %u)",
                          f->rule_id, g_strescape (c->sheet, NULL), c->address, c->row, c->col);
        }
    }
  g_autofree char *text = fc_report_to_text (report, "fuzz");
  const FcReport *reports[] = { report };
  const char *paths[] = { "fuzz" };
  g_autofree char *csv = fc_report_to_csv (reports, paths, 1);
  g_autofree char *json = fc_report_workbook_to_json (report, "fuzz", NULL, FALSE);
  if (!g_utf8_validate (text, -1, NULL) || !g_utf8_validate (csv, -1, NULL))
    fc_fuzz_fail ("a report writer wrote invalid UTF-8");
  /* the batch command merges the filter's JSON back: it must read */
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) back = fc_report_from_json (json, -1, &error);
  if (back == NULL)
    fc_fuzz_fail ("JSON report does not read back: %s", error->message);
  if (back->findings->len != report->findings->len)
    fc_fuzz_fail ("JSON round trip: %u findings, %u back", report->findings->len,
             back->findings->len);
}
