/* fc-save-job.h — the job LibreOffice runs before it saves a document
 * (Jobs.xcu, events OnSave and OnSaveAs, sent synchronously before the
 * file is written): a workbook that carries FiscalCheck's marks (coloured
 * cells, comments, the 审核结果 and _FiscalCheck sheets) must not reach
 * the official file without the user choosing so.  The job asks over the
 * document's window: clear the marks first (one undo step, then the save
 * goes on with a clean workbook), or keep them and save.  Nothing is
 * decided for the user: without a window to ask in (a headless office, a
 * document loaded hidden, a batch) the save is left untouched.
 *
 * LibreOffice gives document-event jobs no way to stop a save (the
 * JobExecutor ignores what a job returns or throws, and SfxBaseModel
 * stores right after the event), so there is no "cancel" answer.
 *
 * Tests drive the job through its own interface: XJob.execute with a
 * NamedValue "Answer" ("keep" or "clear") besides the Environment, which
 * stands for the user's click.
 */
#pragma once

#include "fc-service-info.h"
#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_SAVE_JOB_IMPLEMENTATION_NAME "org.fiscalcheck.SaveJob"

extern const FcServiceNames fc_save_job_service_names;

/* A new job object (transfer full: one reference for the caller). */
uno_Interface *fc_save_job_new (void);

G_END_DECLS
