/* fc-doc-job.c — the XJob of the document-event jobs (see fc-doc-job.h). */
#include "fc-doc-job.h"

#include "fc-uno-object.h"
#include "fc-uno-struct.h"

typedef struct {
  FcUnoObject base;
  const FcServiceNames *names; /* static */
  FcDocJobFunc run;
} FcDocJob;

static const char *const doc_job_interfaces[] = {
  "com.sun.star.task.XJob",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

/* XJob.execute (Arguments): Arguments' Environment names the Model and
 * the EventName. */
static void
execute (FcDocJob *self, const uno_Sequence *arguments)
{
  const uno_Any *environment = fc_uno_struct_seq_lookup (arguments, "com.sun.star.beans.NamedValue",
                                                         "Environment");
  const uno_Sequence *env;
  const uno_Any *model, *event;
  g_autofree char *event_name = NULL;

  if (environment == NULL || environment->pType->eTypeClass != typelib_TypeClass_SEQUENCE)
    return;
  env = *(const uno_Sequence *const *) environment->pData;
  model = fc_uno_struct_seq_lookup (env, "com.sun.star.beans.NamedValue", "Model");
  event = fc_uno_struct_seq_lookup (env, "com.sun.star.beans.NamedValue", "EventName");
  if (model == NULL || fc_uno_any_get_interface (model) == NULL)
    return;
  event_name = event != NULL && event->pType->eTypeClass == typelib_TypeClass_STRING
               ? fc_uno_string_to_utf8 (*(rtl_uString *const *) event->pData)
               : g_strdup ("");
  self->run (fc_uno_any_get_interface (model), event_name, arguments);
}

static gboolean
doc_job_dispatch (FcUnoObject *base, const typelib_TypeDescription *member, void *ret,
                  void *args[], uno_Any **exception)
{
  FcDocJob *self = (FcDocJob *) base;

  if (fc_uno_member_is (member, "com.sun.star.task.XJob::execute"))
    {
      execute (self, *(const uno_Sequence *const *) args[0]);
      fc_uno_any_set_void ((uno_Any *) ret);
      *exception = NULL;
      return TRUE;
    }
  return fc_service_info_dispatch_names (self->names, member, ret, args, exception);
}

static void
doc_job_finalize (FcUnoObject *self)
{
  g_free (self);
}

uno_Interface *
fc_doc_job_new (const FcServiceNames *names, FcDocJobFunc run)
{
  FcDocJob *self = g_new0 (FcDocJob, 1);

  fc_uno_object_init (&self->base, doc_job_interfaces, doc_job_dispatch, doc_job_finalize);
  self->names = names;
  self->run = run;
  return fc_uno_object_iface (&self->base);
}
