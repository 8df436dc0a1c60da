/* fc-save-job.h — the job LibreOffice runs on a Calc document's events
 * (Jobs.xcu):
 * - OnViewCreated: puts the save guard (fc-save-guard) on the new view's
 *   frame, which asks keep / clear and save / cancel when Save, Save As or
 *   Save a Copy is chosen in the window;
 * - OnSave and OnSaveAs (sent synchronously before the file is written):
 *   for the saves the guard does not see (the close prompt's Save, Save
 *   All, a macro's store()), a workbook that carries FiscalCheck's marks
 *   asks over the document's window whether to clear them first (one
 *   undo step) or keep them.  LibreOffice gives document-event jobs no
 *   way to stop a save (the JobExecutor ignores what a job returns or
 *   throws, and SfxBaseModel stores right after the event), so this
 *   question has no Cancel.  A save the guard already asked about is not
 *   asked again.  Without a window (headless, hidden, a batch) the save
 *   is left untouched, with one line on stderr.
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
