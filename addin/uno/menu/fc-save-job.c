/* fc-save-job.c — asking before marks are saved (see fc-save-job.h). */
#include "fc-save-job.h"

#include <string.h>

#include "fc-command-actions.h"
#include "fc-mark-store.h"
#include "fc-message.h"
#include "fc-uno-object.h"
#include "fc-uno-struct.h"

#define QUESTION "此工作簿带有决算审核的标记（单元格底色、批注、“审核结果”表）。\n" \
  "保存前清除这些标记吗？\n" \
  "是：清除标记后保存（可撤销）；否：保留标记并保存。\n\n" \
  "This workbook carries FiscalCheck's marks (cell colours, comments, the 审核结果 sheet).\n" \
  "Clear them before saving?\n" \
  "Yes: clear the marks, then save (undoable); No: keep them and save."

static const char *const save_job_services[] = {
  FC_SAVE_JOB_IMPLEMENTATION_NAME, "com.sun.star.task.Job", NULL
};

const FcServiceNames fc_save_job_service_names = {
  FC_SAVE_JOB_IMPLEMENTATION_NAME, NULL, save_job_services
};

static const char *const save_job_interfaces[] = {
  "com.sun.star.task.XJob",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

typedef enum { ANSWER_ASK, ANSWER_KEEP, ANSWER_CLEAR } Answer;

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

/* Whether model carries marks of ours (or a report sheet). */
static gboolean
has_marks (uno_Interface *model)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcMarkStore) store = NULL;

  uno_Interface *spreadsheet = fc_uno_query (model, "com.sun.star.sheet.XSpreadsheetDocument", NULL);

  if (spreadsheet == NULL)
    return FALSE;
  fc_uno_release (spreadsheet);
  store = fc_mark_store_load (model, &error);
  if (error != NULL)
    g_debug ("FiscalCheck save job: %s", error->message);
  return store != NULL;
}

/* The answer the arguments carry (a test standing for the user), else ask. */
static Answer
given_answer (const uno_Sequence *arguments)
{
  const uno_Any *answer = fc_uno_struct_seq_lookup (arguments, "com.sun.star.beans.NamedValue",
                                                    "Answer");
  g_autofree char *text = NULL;

  if (answer == NULL || answer->pType->eTypeClass != typelib_TypeClass_STRING)
    return ANSWER_ASK;
  text = fc_uno_string_to_utf8 (*(rtl_uString *const *) answer->pData);
  return strcmp (text, "clear") == 0 ? ANSWER_CLEAR
         : strcmp (text, "keep") == 0 ? ANSWER_KEEP : ANSWER_ASK;
}

static void
before_save (uno_Interface *model, Answer answer)
{
  g_autoptr (GError) error = NULL;

  if (!has_marks (model))
    return;
  if (answer == ANSWER_ASK)
    {
      uno_Interface *frame = model_frame (model);
      gboolean yes = FALSE;
      gboolean asked = fc_message_ask_yes_no (frame, QUESTION, &yes);

      fc_uno_release (frame);
      if (!asked)
        return; /* nobody to ask: the save is theirs, untouched */
      answer = yes ? ANSWER_CLEAR : ANSWER_KEEP;
    }
  if (answer == ANSWER_CLEAR && !fc_command_actions_clear_marks (model, &error))
    g_warning ("FiscalCheck could not clear its marks before saving: %s", error->message);
}

/* XJob.execute (Arguments): Arguments' Environment names the Model. */
static void
execute (const uno_Sequence *arguments)
{
  const uno_Any *environment = fc_uno_struct_seq_lookup (arguments, "com.sun.star.beans.NamedValue",
                                                         "Environment");
  const uno_Any *model;

  if (environment == NULL || environment->pType->eTypeClass != typelib_TypeClass_SEQUENCE)
    return;
  model = fc_uno_struct_seq_lookup (*(const uno_Sequence *const *) environment->pData,
                                    "com.sun.star.beans.NamedValue", "Model");
  if (model != NULL && fc_uno_any_get_interface (model) != NULL)
    before_save (fc_uno_any_get_interface (model), given_answer (arguments));
}

static gboolean
save_job_dispatch (FcUnoObject *self, const typelib_TypeDescription *member, void *ret,
                   void *args[], uno_Any **exception)
{
  (void) self;
  if (fc_uno_member_is (member, "com.sun.star.task.XJob::execute"))
    {
      execute (*(const uno_Sequence *const *) args[0]);
      fc_uno_any_set_void ((uno_Any *) ret);
      *exception = NULL;
      return TRUE;
    }
  return fc_service_info_dispatch_names (&fc_save_job_service_names, member, ret, args,
                                         exception);
}

uno_Interface *
fc_save_job_new (void)
{
  return fc_uno_object_new_stateless (save_job_interfaces, save_job_dispatch);
}
