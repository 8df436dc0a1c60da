/* fc-load-job.c — the OnLoad job that makes FISCALCHECK() in Excel files
 * current as they open (see fc-load-job.h). */
#include "fc-load-job.h"

#include <string.h>

#include "fc-calc.h"
#include "fc-doc-job.h"
#include "fc-doc-narrative.h"
#include "fc-narrative-doc.h"
#include "fc-report-click.h"
#include "fc-result.h"
#include "fc-live-stats.h"
#include "fc-uno-struct.h"

static const char *const load_job_services[] = {
  FC_LOAD_JOB_IMPLEMENTATION_NAME, "com.sun.star.task.Job", NULL
};

const FcServiceNames fc_load_job_service_names = {
  FC_LOAD_JOB_IMPLEMENTATION_NAME, NULL, load_job_services
};

/* Whether the document came through one of Calc's Excel filters (.xlsx,
 * .xlsm, .xls, Excel 2003 XML): those keep every formula's saved value
 * unless the user chose "always recalculate"; ODF files recalculate add-in
 * calls on load by themselves. */
static gboolean
loaded_from_excel (uno_Interface *model)
{
  uno_Sequence *args = NULL;
  const uno_Any *filter;
  gboolean excel = FALSE;

  if (!fc_uno_query_call (model, "com.sun.star.frame.XModel", "getArgs", &args, NULL, NULL))
    return FALSE;
  filter = fc_uno_struct_seq_lookup (args, "com.sun.star.beans.PropertyValue", "FilterName");
  if (filter != NULL && filter->pType->eTypeClass == typelib_TypeClass_STRING)
    {
      g_autofree char *name = fc_uno_string_to_utf8 (*(rtl_uString *const *) filter->pData);

      excel = strstr (name, "Excel") != NULL || strstr (name, "Office Open XML") != NULL;
    }
  fc_uno_destruct (&args, "[]com.sun.star.beans.PropertyValue");
  return excel;
}

/* Whether the workbook was saved with AutoCalculate off (ODF keeps it):
 * Calc then leaves the add-in calls it marks for recalculation on load
 * dirty, and shows their saved values. */
static gboolean
autocalc_off (uno_Interface *model)
{
  sal_Bool enabled = sal_True;

  fc_uno_query_call (model, "com.sun.star.sheet.XCalculatable", "isAutomaticCalculationEnabled",
                     &enabled, NULL, NULL);
  return !enabled;
}

/* Recalculates model when it is an Excel workbook, or one with AutoCalculate
 * off, with a formula of ours, leaving it unmodified (and AutoCalculate as it
 * was).  Never fails: a document we cannot look into is left as it is. */
static void
recalculate_if_ours (uno_Interface *model)
{
  g_autoptr (GError) error = NULL;
  gboolean found = FALSE;
  sal_Bool modified = sal_False, unmodified = sal_False;
  void *args[1] = { &unmodified };

  if (!loaded_from_excel (model) && !autocalc_off (model))
    return; /* Calc recalculates our calls on load by itself */
  if (!fc_calc_find_in_formulas (model, "FISCALCHECK", &found, &error))
    {
      g_debug ("FiscalCheck load job: %s", error->message);
      return;
    }
  g_debug ("FiscalCheck load job: a formula of ours %s", found ? "found" : "not found");
  if (!found)
    return;
  fc_uno_query_call (model, "com.sun.star.util.XModifiable", "isModified", &modified, NULL, NULL);
  /* every formula, as Ctrl+Shift+F9 (ours read the whole workbook anyway);
   * with AutoCalculate off too: a stale count is the worst answer we give */
  if (!fc_uno_query_call (model, "com.sun.star.sheet.XCalculatable", "calculateAll", NULL, NULL,
                          &error))
    {
      g_warning ("FiscalCheck cannot recalculate a workbook it opened: %s", error->message);
      return;
    }
  if (!modified)
    fc_uno_query_call (model, "com.sun.star.util.XModifiable", "setModified", NULL, args, NULL);
}

/* Reads the word-processor narrative document of a workbook that uses our
 * functions now, as it opens (live results never load a document: that is
 * not safe inside Calc's interpretation), and checks its results again
 * with it. */
static void
prefetch_narrative (uno_Interface *model)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *spreadsheet = fc_uno_query (model, "com.sun.star.sheet.XSpreadsheetDocument", NULL);
  g_autofree char *path = spreadsheet != NULL ? fc_doc_narrative_locate (model, NULL) : NULL;
  gboolean found = FALSE;

  fc_uno_release (spreadsheet);
  if (path == NULL || !fc_narrative_doc_needs_office (path))
    return;
  if (!fc_calc_find_in_formulas (model, "FISCALCHECK", &found, &error) || !found)
    return;
  if (fc_doc_narrative_prefetch (model))
    fc_result_refresh (model);
}

/* The job: model has just been loaded. */
static void
run (uno_Interface *model, const char *event, const uno_Sequence *arguments)
{
  gint64 start = g_get_monotonic_time ();

  (void) event;
  (void) arguments;
  prefetch_narrative (model);
  recalculate_if_ours (model);
  fc_report_click_watch (model);
  fc_live_stats_set_load_job ((g_get_monotonic_time () - start) / 1000.0);
}

uno_Interface *
fc_load_job_new (void)
{
  return fc_doc_job_new (&fc_load_job_service_names, run);
}
