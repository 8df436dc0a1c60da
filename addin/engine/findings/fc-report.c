/* fc-report.c — the findings of one workbook and where its tables were found. */
#include "fc-report.h"

static void
fc_table_location_free (FcTableLocation *location)
{
  if (location == NULL)
    return;
  g_free (location->table);
  g_free (location->title);
  g_free (location->sheet);
  g_free (location);
}

/* Returns a new empty report (transfer full). */
FcReport *
fc_report_new (void)
{
  FcReport *report = g_new0 (FcReport, 1);
  report->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_finding_free);
  report->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_table_location_free);
  return report;
}

void
fc_report_free (FcReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->findings);
  g_ptr_array_unref (report->tables);
  g_free (report);
}

/* Takes ownership of finding. */
void
fc_report_add_finding (FcReport *report, FcFinding *finding)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (finding != NULL);
  g_ptr_array_add (report->findings, finding);
}

void
fc_report_add_table (FcReport *report, const char *table, const char *title,
                     const char *sheet, guint first_row, guint last_row,
                     guint first_col, guint last_col)
{
  g_return_if_fail (report != NULL);

  FcTableLocation *location = g_new0 (FcTableLocation, 1);
  location->table = g_strdup (table != NULL ? table : "");
  location->title = g_strdup (title != NULL ? title : "");
  location->sheet = g_strdup (sheet != NULL ? sheet : "");
  location->first_row = first_row;
  location->last_row = last_row;
  location->first_col = first_col;
  location->last_col = last_col;
  g_ptr_array_add (report->tables, location);
}

guint
fc_report_count (const FcReport *report, FcSeverity severity)
{
  g_return_val_if_fail (report != NULL, 0);

  guint count = 0;
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *finding = g_ptr_array_index (report->findings, i);
      if (finding->severity == severity)
        count++;
    }
  return count;
}
