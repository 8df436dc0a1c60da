/* fc-save-guard.h — the save guard: a dispatch interceptor on every frame
 * that shows a Calc document (XDispatchProviderInterception), which
 * catches .uno:Save, .uno:SaveAs and .uno:SaveACopy, the commands of the
 * File menu, the toolbar and Ctrl+S / Ctrl+Shift+S.  When the document
 * carries FiscalCheck's marks it asks over the window (fc-save-prompt):
 * clear the marks (one undo step) and save, keep them and save, or
 * cancel, which saves nothing.  Without a window to ask in (headless,
 * hidden) the command goes on untouched.
 *
 * Saves that do not come through the frame's dispatch (the close
 * prompt's Save, Save All, macros calling XStorable) reach the save job
 * (fc-save-job, OnSave/OnSaveAs), which asks without a Cancel: LibreOffice
 * lets no event job stop a save.  A save the guard asked about is not
 * asked about again by the job.
 *
 * Tests stand for the user with a dispatch argument the guard takes out
 * before LibreOffice sees it: FiscalCheckSaveAnswer = "keep", "clear" or
 * "cancel".  The guard's dispatch objects answer XServiceInfo with
 * FC_SAVE_GUARD_IMPLEMENTATION_NAME, so a test can tell they are there.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_SAVE_GUARD_IMPLEMENTATION_NAME "org.fiscalcheck.SaveGuard"
#define FC_SAVE_GUARD_ANSWER_ARG "FiscalCheckSaveAnswer"

/* Puts a guard on every frame showing model that has none yet (called
 * when a view is created; a frame drops its guard when it is disposed).
 * Never fails: a frame that refuses it is left as it is. */
void fc_save_guard_attach (uno_Interface *model);

/* Whether a save of model that the guard asked about (or was given the
 * answer to) is under way, so that the save job does not ask again. */
gboolean fc_save_guard_answered (uno_Interface *model);

G_END_DECLS
