/* fc-command-handler.c — the protocol handler object (see fc-command-handler.h): routes
 * dispatched URLs to fc-command-actions.c, answers status requests, reports
 * results.
 */
#include "fc-command-handler.h"

#include <string.h>

#include "fc-calc.h"
#include "fc-command-actions.h"
#include "fc-save-guard.h"
#include "fc-uno-object.h"
#include "fc-uno-struct.h"

#define DISPATCH_SUCCESS 1 /* com.sun.star.frame.DispatchResultState */
#define DISPATCH_FAILURE 0

static const char *const command_services[] = { FC_PROTOCOL_HANDLER_SERVICE, NULL };

const FcServiceNames fc_command_handler_service_names = {
  FC_COMMAND_IMPLEMENTATION_NAME, NULL, command_services
};

static const char *const command_interfaces[] = {
  "com.sun.star.frame.XDispatchProvider",
  "com.sun.star.frame.XDispatch",
  "com.sun.star.frame.XNotifyingDispatch",
  "com.sun.star.lang.XInitialization",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

typedef struct {
  FcUnoObject base;
  GMutex lock;
  uno_Interface *frame; /* XFrame from initialize, owned; guarded by lock */
} FcCommandHandler;

/* The command a com.sun.star.util.URL value names; FALSE when it is not
 * one of ours. */
static gboolean
url_command (const void *url, FcCommand *command, char **argument)
{
  typelib_TypeDescription *td = fc_uno_type_get ("com.sun.star.util.URL", NULL);
  typelib_TypeDescriptionReference *type;
  sal_Int32 offset;
  g_autofree char *complete = NULL;
  gboolean found;

  if (td == NULL)
    return FALSE;
  found = fc_uno_struct_member (td, "Complete", &offset, &type);
  typelib_typedescription_release (td);
  if (!found)
    return FALSE;
  complete = fc_uno_string_to_utf8 (*(rtl_uString *const *) ((const char *) url + offset));
  return g_str_has_prefix (complete, FC_COMMAND_PROTOCOL)
         && fc_command_actions_parse (complete + strlen (FC_COMMAND_PROTOCOL), command, argument);
}

/* The frame (transfer full), or NULL before initialize. */
static uno_Interface *
handler_frame (FcCommandHandler *self)
{
  uno_Interface *frame;

  g_mutex_lock (&self->lock);
  frame = self->frame;
  fc_uno_acquire (frame);
  g_mutex_unlock (&self->lock);
  return frame;
}

static void
initialize (FcCommandHandler *self, const uno_Sequence *args)
{
  for (sal_Int32 i = 0; i < args->nElements; i++)
    {
      uno_Interface *obj = fc_uno_any_get_interface (&((const uno_Any *) args->elements)[i]);
      uno_Interface *frame = obj != NULL ? fc_uno_query (obj, "com.sun.star.frame.XFrame", NULL)
                                         : NULL;

      if (frame != NULL)
        {
          g_mutex_lock (&self->lock);
          fc_uno_release (self->frame);
          self->frame = frame;
          g_mutex_unlock (&self->lock);
          return;
        }
    }
}

/* Runs the command; tells the user when it did not do its job.  Returns
 * the message (transfer full) and whether it succeeded. */
static char *
run (FcCommandHandler *self, FcCommand command, const char *argument, gboolean *ok)
{
  uno_Interface *frame = handler_frame (self);
  char *message = NULL;
  FcMessageKind kind = FC_MESSAGE_ERROR;

  if (frame == NULL)
    {
      *ok = FALSE;
      message = g_strdup ("决算审核：没有文档窗口。\nFiscalCheck: no document window.");
      g_message ("%s", message);
      return message;
    }
  *ok = fc_command_actions_run (frame, command, argument, &message, &kind);
  if (*ok && command == FC_COMMAND_VALIDATE)
    {
      /* a workbook opened before the extension was installed has no save
       * guard (views get it when created): it gets one once it has marks */
      uno_Interface *model = fc_calc_frame_model (frame, NULL);

      if (model != NULL)
        fc_save_guard_attach (model);
      fc_uno_release (model);
    }
  if (!*ok)
    fc_message_show (frame, kind, message);
  else
    g_debug ("%s", message);
  fc_uno_release (frame);
  return message;
}

/* Sends a DispatchResultEvent to listener (NULL-safe). */
static void
notify_result (FcCommandHandler *self, uno_Interface *listener, gboolean ok, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcUnoStruct) event = NULL;
  uno_Interface *source = fc_uno_object_iface (&self->base);
  uno_Any result;
  void *args[1];

  if (listener == NULL)
    return;
  event = fc_uno_struct_new ("com.sun.star.frame.DispatchResultEvent", &error);
  if (event == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  fc_uno_any_set_string (&result, message);
  fc_uno_struct_set (event, "Source", &source);
  fc_uno_struct_set_int (event, "State", ok ? DISPATCH_SUCCESS : DISPATCH_FAILURE);
  fc_uno_struct_set (event, "Result", &result);
  uno_any_destruct (&result, NULL);
  args[0] = event->data;
  if (!fc_uno_call (listener, "com.sun.star.frame.XDispatchResultListener", "dispatchFinished",
                    NULL, args, &error))
    g_warning ("%s", error->message);
}

/* Tells a status listener the command at url is enabled: our commands
 * always are; each checks its preconditions when run. */
static void
notify_status (FcCommandHandler *self, uno_Interface *listener, void *url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcUnoStruct) event = fc_uno_struct_new ("com.sun.star.frame.FeatureStateEvent",
                                                     &error);
  uno_Interface *source = fc_uno_object_iface (&self->base);
  sal_Bool *enabled;
  void *args[1];

  if (event == NULL || listener == NULL)
    return;
  fc_uno_struct_set (event, "Source", &source);
  fc_uno_struct_set (event, "FeatureURL", url);
  enabled = fc_uno_struct_member_data (event, "IsEnabled");
  if (enabled != NULL)
    *enabled = sal_True;
  args[0] = event->data;
  if (!fc_uno_call (listener, "com.sun.star.frame.XStatusListener", "statusChanged", NULL,
                    args, &error))
    g_warning ("%s", error->message);
}

/* queryDispatches: one answer per DispatchDescriptor. */
static void
query_dispatches (FcCommandHandler *self, const uno_Sequence *descriptors, uno_Sequence **ret)
{
  typelib_TypeDescription *desc_td = fc_uno_type_get ("com.sun.star.frame.DispatchDescriptor",
                                                      NULL);
  typelib_TypeDescription *seq_td = fc_uno_type_get ("[]com.sun.star.frame.XDispatch", NULL);
  typelib_TypeDescriptionReference *type;
  sal_Int32 offset = 0;
  uno_Interface **answers = g_new0 (uno_Interface *, descriptors->nElements + 1);

  if (desc_td != NULL && fc_uno_struct_member (desc_td, "FeatureURL", &offset, &type))
    for (sal_Int32 i = 0; i < descriptors->nElements; i++)
      {
        const char *descriptor = descriptors->elements + (gsize) i * desc_td->nSize;
        FcCommand command;

        if (url_command (descriptor + offset, &command, NULL))
          answers[i] = fc_uno_object_iface (&self->base);
      }
  *ret = NULL;
  uno_type_sequence_construct (ret, seq_td->pWeakRef, answers, descriptors->nElements, NULL);
  g_free (answers);
  typelib_typedescription_release (seq_td);
  if (desc_td != NULL)
    typelib_typedescription_release (desc_td);
}

static gboolean
command_dispatch (FcUnoObject *base, const typelib_TypeDescription *member,
                  void *ret, void *args[], uno_Any **exception)
{
  FcCommandHandler *self = (FcCommandHandler *) base;
  FcCommand command;

  if (fc_uno_member_is (member, "com.sun.star.lang.XInitialization::initialize"))
    initialize (self, *(uno_Sequence **) args[0]);
  else if (fc_uno_member_is (member, "com.sun.star.frame.XDispatchProvider::queryDispatch"))
    {
      uno_Interface *answer = NULL;

      if (url_command (args[0], &command, NULL))
        {
          answer = fc_uno_object_iface (base);
          fc_uno_acquire (answer); /* the caller owns the returned reference */
        }
      *(uno_Interface **) ret = answer;
    }
  else if (fc_uno_member_is (member, "com.sun.star.frame.XDispatchProvider::queryDispatches"))
    query_dispatches (self, *(uno_Sequence **) args[0], ret);
  else if (fc_uno_member_is (member, "com.sun.star.frame.XDispatch::dispatch")
           || fc_uno_member_is (member,
                                "com.sun.star.frame.XNotifyingDispatch::dispatchWithNotification"))
    {
      gboolean with_listener = fc_uno_member_is (
        member, "com.sun.star.frame.XNotifyingDispatch::dispatchWithNotification");
      g_autofree char *message = NULL;
      g_autofree char *argument = NULL;
      gboolean ok = FALSE;

      if (url_command (args[0], &command, &argument))
        message = run (self, command, argument, &ok);
      else
        message = g_strdup ("unknown FiscalCheck command");
      if (with_listener)
        notify_result (self, *(uno_Interface **) args[2], ok, message);
    }
  else if (fc_uno_member_is (member, "com.sun.star.frame.XDispatch::addStatusListener"))
    notify_status (self, *(uno_Interface **) args[0], args[1]);
  else if (fc_uno_member_is (member, "com.sun.star.frame.XDispatch::removeStatusListener"))
    ; /* we keep no listeners */
  else
    return fc_service_info_dispatch_names (&fc_command_handler_service_names, member, ret, args,
                                           exception);
  *exception = NULL;
  return TRUE;
}

static void
command_finalize (FcUnoObject *base)
{
  FcCommandHandler *self = (FcCommandHandler *) base;

  fc_uno_release (self->frame);
  g_mutex_clear (&self->lock);
  g_free (self);
}

uno_Interface *
fc_command_handler_new (void)
{
  FcCommandHandler *self = g_new0 (FcCommandHandler, 1);

  g_mutex_init (&self->lock);
  fc_uno_object_init (&self->base, command_interfaces, command_dispatch, command_finalize);
  return fc_uno_object_iface (&self->base);
}
