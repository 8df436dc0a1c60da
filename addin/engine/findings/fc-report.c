/* fc-report.c — the findings of one workbook and where its tables were found. */
#include "fc-report.h"

#include <string.h>

static void
fc_table_location_free (FcTableLocation *location)
{
  if (location == NULL)
    return;
  g_free (location->table);
  g_free (location->title);
  g_free (location->label);
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
  report->narrative_name = g_strdup ("");
  return report;
}

void
fc_report_free (FcReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->findings);
  g_ptr_array_unref (report->tables);
  g_free (report->narrative_name);
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
  location->label = g_strdup ("");
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

void
fc_report_set_narrative (FcReport *report, FcReportNarrative narrative, const char *name)
{
  g_free (report->narrative_name);
  report->narrative = narrative;
  report->narrative_name = g_strdup (name != NULL ? name : "");
}

char *
fc_report_narrative_line (const FcReport *report, gboolean en_us)
{
  const char *name = report->narrative_name;

  switch (report->narrative)
    {
    case FC_REPORT_NARRATIVE_NONE:
      return g_strdup (en_us ? "No narrative (情况说明) found: the narrative was not checked"
                             : "未找到情况说明，情况说明未核对");
    case FC_REPORT_NARRATIVE_SHEET:
      return en_us ? g_strdup_printf ("Narrative checked: sheet “%s” of the workbook", name)
                   : g_strdup_printf ("已核对情况说明：工作簿内“%s”表", name);
    case FC_REPORT_NARRATIVE_DOCUMENT:
      return en_us ? g_strdup_printf ("Narrative checked: document %s", name)
                   : g_strdup_printf ("已核对情况说明：文档 %s", name);
    case FC_REPORT_NARRATIVE_UNREADABLE:
      return en_us ? g_strdup_printf ("The narrative %s could not be read: it was not checked", name)
                   : g_strdup_printf ("情况说明 %s 无法读取，情况说明未核对", name);
    case FC_REPORT_NARRATIVE_NOT_LOOKED:
    default:
      return NULL;
    }
}

const char *
fc_report_table_name (const FcReport *report, const char *table, char **buffer)
{
  *buffer = NULL;
  if (table == NULL || *table == '\0')
    return "";
  for (guint i = 0; i < report->tables->len; i++)
    {
      const FcTableLocation *l = g_ptr_array_index (report->tables, i);

      if (strcmp (l->table, table) != 0)
        continue;
      if (*l->label != '\0')
        return l->label;
      if (*l->title != '\0')
        return l->title;
    }
  return *buffer = g_strdup_printf ("公开%s表", table);
}
