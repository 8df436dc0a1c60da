/* fc-save-job.c — asking before marks are saved, for saves the save guard
 * does not see, and putting the guard on new views (see fc-save-job.h). */
#include "fc-save-job.h"

#include <string.h>

#include "fc-doc-job.h"
#include "fc-save-guard.h"
#include "fc-save-prompt.h"

static const char *const save_job_services[] = {
  FC_SAVE_JOB_IMPLEMENTATION_NAME, "com.sun.star.task.Job", NULL
};

const FcServiceNames fc_save_job_service_names = {
  FC_SAVE_JOB_IMPLEMENTATION_NAME, NULL, save_job_services
};

/* The frame showing model (transfer full), or NULL. */
static uno_Interface *
model_frame (uno_Interface *model)
{
  uno_Interface *controller = NULL, *frame = NULL;

  if (fc_uno_query_call (model, "com.sun.star.frame.XModel", "getCurrentController", &controller,
                         NULL, NULL)
      && controller != NULL)
    fc_uno_call (controller, "com.sun.star.frame.XController", "getFrame", &frame, NULL, NULL);
  fc_uno_release (controller);
  return frame;
}

/* OnSave / OnSaveAs: the file is written right after this returns. */
static void
before_save (uno_Interface *model, FcSaveAnswer answer)
{
  g_autoptr (GError) error = NULL;

  if (fc_save_guard_answered (model) || !fc_save_prompt_has_marks (model))
    return; /* the guard has asked already, or nothing to ask about */
  if (answer == FC_SAVE_ASK)
    {
      uno_Interface *frame = model_frame (model);

      answer = fc_save_prompt_ask (frame, FALSE);
      fc_uno_release (frame);
    }
  if (answer == FC_SAVE_ASK)
    {
      /* nobody to ask: the save is theirs, untouched */
      g_message ("FiscalCheck: a workbook with its marks is saved as it is (no window to ask in)");
      return;
    }
  if (!fc_save_prompt_apply (model, answer, &error) && error != NULL)
    g_warning ("FiscalCheck could not clear its marks before saving: %s", error->message);
}

static void
run (uno_Interface *model, const char *event, const uno_Sequence *arguments)
{
  if (strcmp (event, "OnViewCreated") == 0)
    fc_save_guard_attach (model);
  else
    before_save (model, fc_save_prompt_given (arguments, "com.sun.star.beans.NamedValue",
                                              "Answer"));
}

uno_Interface *
fc_save_job_new (void)
{
  return fc_doc_job_new (&fc_save_job_service_names, run);
}
