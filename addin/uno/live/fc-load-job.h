/* fc-load-job.h — the job LibreOffice runs when a document has been
 * loaded (Jobs.xcu, event OnLoadFinished: OnLoad is not sent for hidden
 * documents): a workbook opened through an Excel filter (.xlsx, .xls), or
 * saved with AutoCalculate off, whose formulas use our functions is
 * recalculated at once, so FISCALCHECK() shows the workbook's result, not
 * the value it was saved with (Calc's default for Excel files is never to
 * recalculate on load, and it keeps an add-in's saved value like any
 * other's; with AutoCalculate off it does not recalculate at all).  Other
 * documents cost one look at their filter name and AutoCalculate; Excel
 * files without our formulas a search of their formula cells.
 */
#pragma once

#include "fc-service-info.h"
#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_LOAD_JOB_IMPLEMENTATION_NAME "org.fiscalcheck.LoadJob"

extern const FcServiceNames fc_load_job_service_names;

/* A new job object (transfer full: one reference for the caller). */
uno_Interface *fc_load_job_new (void);

G_END_DECLS
