/* fc-doc-job.h — a job LibreOffice runs on a document event (Jobs.xcu):
 * XJob.execute with the event's Environment (EventName, Model) unpacked
 * once here, so that each job only says what it does with the document.
 */
#pragma once

#include "fc-service-info.h"
#include "fc-uno.h"

G_BEGIN_DECLS

/* What a job does: model is the document the event is about (transfer
 * none), event its name ("OnSave"…, "" when absent), arguments the whole
 * XJob.execute argument list (transfer none), for what a caller adds. */
typedef void (*FcDocJobFunc) (uno_Interface *model, const char *event,
                              const uno_Sequence *arguments);

/* A new job object answering XJob, XServiceInfo (names, static) and
 * XTypeProvider, which calls run for each event that names a model
 * (transfer full: one reference for the caller). */
uno_Interface *fc_doc_job_new (const FcServiceNames *names, FcDocJobFunc run);

G_END_DECLS
