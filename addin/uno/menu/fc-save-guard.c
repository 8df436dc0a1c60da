/* fc-save-guard.c — the dispatch interceptor that asks before a save
 * command writes marks into a file (see fc-save-guard.h). */
#include "fc-save-guard.h"

#include <string.h>

#include "fc-calc.h"
#include "fc-message.h"
#include "fc-save-prompt.h"
#include "fc-service-info.h"
#include "fc-uno-object.h"
#include "fc-uno-struct.h"

#define DISPATCH_PROVIDER "com.sun.star.frame.XDispatchProvider"
#define INTERCEPTOR "com.sun.star.frame.XDispatchProviderInterceptor"

/* The commands that save the document shown in the frame.  Not
 * .uno:SaveAll: it saves every modified document, each without its
 * frame's dispatch, so the save job asks for each. */
static const char *const save_commands[] = {
  ".uno:Save", ".uno:SaveAs", ".uno:SaveACopy", NULL
};

/* One guard per frame. */
typedef struct {
  FcUnoObject base;
  GMutex lock;
  uno_Interface *frame;  /* XFrame (owned), NULL once disposed */
  uno_Interface *slave;  /* XDispatchProvider (owned): where queries go on */
  uno_Interface *master; /* XDispatchProvider (owned) */
} FcSaveGuard;

/* The dispatch the guard hands out for a save command. */
typedef struct {
  FcUnoObject base;
  FcSaveGuard *guard;     /* owned reference */
  uno_Interface *forward; /* XDispatch (owned): the slave's dispatch */
} FcSaveDispatch;

static const char *const guard_interfaces[] = {
  INTERCEPTOR,
  DISPATCH_PROVIDER,
  "com.sun.star.lang.XEventListener",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

static const char *const dispatch_interfaces[] = {
  "com.sun.star.frame.XDispatch",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

static const char *const dispatch_services[] = { FC_SAVE_GUARD_IMPLEMENTATION_NAME, NULL };
static const FcServiceNames dispatch_names = {
  FC_SAVE_GUARD_IMPLEMENTATION_NAME, NULL, dispatch_services
};

/* The guards alive on frames (each holds one reference), and the models
 * whose guarded save is under way (transfer none: only compared). */
static GMutex registry_lock;
static GPtrArray *guards;
static GPtrArray *answering;

/* The frame and slave of guard, acquired (NULL once disposed). */
static uno_Interface *
guard_take (FcSaveGuard *self, uno_Interface **field)
{
  uno_Interface *obj;

  g_mutex_lock (&self->lock);
  obj = *field;
  fc_uno_acquire (obj);
  g_mutex_unlock (&self->lock);
  return obj;
}

static void
guard_set (FcSaveGuard *self, uno_Interface **field, uno_Interface *obj)
{
  uno_Interface *old;

  fc_uno_acquire (obj);
  g_mutex_lock (&self->lock);
  old = *field;
  *field = obj;
  g_mutex_unlock (&self->lock);
  fc_uno_release (old); /* outside the lock: may call back */
}

/* The Main part of a util.URL (".uno:Save" without arguments), else its
 * Complete (transfer full). */
static char *
url_command (const void *url)
{
  static gsize offsets_set;
  static sal_Int32 main_offset = -1, complete_offset = -1;
  const rtl_uString *text = NULL;

  if (g_once_init_enter (&offsets_set))
    {
      typelib_TypeDescription *td = fc_uno_type_get ("com.sun.star.util.URL", NULL);
      typelib_TypeDescriptionReference *type;

      if (td != NULL)
        {
          fc_uno_struct_member (td, "Main", &main_offset, &type);
          fc_uno_struct_member (td, "Complete", &complete_offset, &type);
          typelib_typedescription_release (td);
        }
      g_once_init_leave (&offsets_set, 1);
    }
  if (main_offset >= 0)
    text = *(rtl_uString *const *) ((const char *) url + main_offset);
  if ((text == NULL || text->length == 0) && complete_offset >= 0)
    text = *(rtl_uString *const *) ((const char *) url + complete_offset);
  return fc_uno_string_to_utf8 (text);
}

static gboolean
is_save_command (const void *url)
{
  g_autofree char *command = url_command (url);
  char *end = strpbrk (command, "?#");

  if (end != NULL)
    *end = '\0';
  for (const char *const *c = save_commands; *c != NULL; c++)
    if (strcmp (command, *c) == 0)
      return TRUE;
  return FALSE;
}

/* Answering: the models whose guarded save is under way. */

static void
answering_add (uno_Interface *model)
{
  g_mutex_lock (&registry_lock);
  if (answering == NULL)
    answering = g_ptr_array_new ();
  g_ptr_array_add (answering, model);
  g_mutex_unlock (&registry_lock);
}

static void
answering_remove (uno_Interface *model)
{
  g_mutex_lock (&registry_lock);
  g_ptr_array_remove (answering, model);
  g_mutex_unlock (&registry_lock);
}

gboolean
fc_save_guard_answered (uno_Interface *model)
{
  gboolean found;

  g_mutex_lock (&registry_lock);
  found = answering != NULL && model != NULL && g_ptr_array_find (answering, model, NULL);
  g_mutex_unlock (&registry_lock);
  return found;
}

/* The dispatch arguments to pass on: args without ours, and, when the
 * user has answered, SynchronMode = true, so that the save (and its
 * OnSave job, which must not ask again) happens before we return
 * (transfer full: uno_type_destructData with *seq_type), or NULL. */
static uno_Sequence *
forwarded_args (const uno_Sequence *args, gboolean synchronous,
                typelib_TypeDescriptionReference **seq_type)
{
  g_autoptr (FcUnoStruct) pv = fc_uno_struct_new ("com.sun.star.beans.PropertyValue", NULL);
  typelib_TypeDescriptionReference *type;
  sal_Int32 name_offset, n = 0;
  uno_Sequence *seq = NULL;
  gsize size;

  *seq_type = NULL;
  if (pv == NULL || !fc_uno_struct_member (pv->type, "Name", &name_offset, &type))
    return NULL;
  size = (gsize) pv->type->nSize;
  typelib_static_sequence_type_init (seq_type, pv->type->pWeakRef);
  if (!uno_type_sequence_construct (&seq, *seq_type, NULL, args->nElements + 1, NULL))
    return NULL;
  for (sal_Int32 i = 0; i < args->nElements; i++)
    {
      const char *element = args->elements + (gsize) i * size;
      g_autofree char *name = fc_uno_string_to_utf8 (*(rtl_uString *const *) (element + name_offset));

      if (strcmp (name, FC_SAVE_GUARD_ANSWER_ARG) == 0
          || (synchronous && strcmp (name, "SynchronMode") == 0))
        continue;
      uno_type_assignData (seq->elements + (gsize) n++ * size, pv->type->pWeakRef,
                           (void *) element, pv->type->pWeakRef, NULL, NULL, NULL);
    }
  if (synchronous)
    {
      rtl_uString *name = fc_uno_string_new ("SynchronMode");
      sal_Bool yes = sal_True;
      uno_Any value;

      uno_type_any_construct (&value, &yes,
                              *typelib_static_type_getByTypeClass (typelib_TypeClass_BOOLEAN), NULL);
      if (fc_uno_struct_set (pv, "Name", &name) && fc_uno_struct_set (pv, "Value", &value))
        uno_type_assignData (seq->elements + (gsize) n++ * size, pv->type->pWeakRef, pv->data,
                             pv->type->pWeakRef, NULL, NULL, NULL);
      uno_any_destruct (&value, NULL);
      rtl_uString_release (name);
    }
  uno_type_sequence_realloc (&seq, *seq_type, n, NULL, NULL);
  return seq;
}

/* XDispatch.dispatch (URL, Arguments) of a save command. */
static void
save_dispatch (FcSaveDispatch *self, void *url, const uno_Sequence *args)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *frame = guard_take (self->guard, &self->guard->frame);
  uno_Interface *model = frame != NULL ? fc_calc_frame_model (frame, NULL) : NULL;
  FcSaveAnswer answer = fc_save_prompt_given (args, "com.sun.star.beans.PropertyValue",
                                              FC_SAVE_GUARD_ANSWER_ARG);
  gboolean answered = FALSE;
  typelib_TypeDescriptionReference *seq_type = NULL;
  uno_Sequence *forward_args = NULL;

  if (model != NULL && fc_save_prompt_has_marks (model))
    {
      if (answer == FC_SAVE_ASK)
        answer = fc_save_prompt_ask (frame, TRUE);
      if (answer != FC_SAVE_ASK && !fc_save_prompt_apply (model, answer, &error))
        {
          if (error != NULL)
            {
              g_autofree char *text = g_strdup_printf (
                "未能清除决算审核的标记，工作簿未保存：%s\n"
                "FiscalCheck could not clear its marks; the workbook was not saved: %s",
                error->message, error->message);

              fc_message_show (frame, FC_MESSAGE_ERROR, text);
            }
          goto out; /* cancelled: nothing is saved */
        }
      answered = answer != FC_SAVE_ASK;
    }
  forward_args = forwarded_args (args, answered, &seq_type);
  if (forward_args != NULL)
    {
      void *fargs[2] = { url, &forward_args };

      if (answered)
        answering_add (model);
      if (!fc_uno_call (self->forward, "com.sun.star.frame.XDispatch", "dispatch", NULL, fargs,
                        &error))
        g_warning ("FiscalCheck could not pass a save on: %s", error->message);
      if (answered)
        answering_remove (model);
      uno_type_destructData (&forward_args, seq_type, NULL);
    }
  else
    g_warning ("FiscalCheck could not pass a save on: no PropertyValue type");
out:
  /* seq_type is a static reference (typelib_static_sequence_type_init):
   * never released */
  fc_uno_release (model);
  fc_uno_release (frame);
}

static gboolean
save_dispatch_dispatch (FcUnoObject *base, const typelib_TypeDescription *member, void *ret,
                        void *args[], uno_Any **exception)
{
  FcSaveDispatch *self = (FcSaveDispatch *) base;

  if (fc_uno_member_is (member, "com.sun.star.frame.XDispatch::dispatch"))
    {
      save_dispatch (self, args[0], *(const uno_Sequence *const *) args[1]);
      *exception = NULL;
      return TRUE;
    }
  if (fc_uno_member_is (member, "com.sun.star.frame.XDispatch::addStatusListener")
      || fc_uno_member_is (member, "com.sun.star.frame.XDispatch::removeStatusListener"))
    {
      const char *name = fc_uno_member_is (member, "com.sun.star.frame.XDispatch::addStatusListener")
                         ? "addStatusListener" : "removeStatusListener";

      /* the slave's dispatch tells the listener whether Save is enabled */
      fc_uno_call (self->forward, "com.sun.star.frame.XDispatch", name, NULL, args, NULL);
      *exception = NULL;
      return TRUE;
    }
  return fc_service_info_dispatch_names (&dispatch_names, member, ret, args, exception);
}

static void
save_dispatch_finalize (FcUnoObject *base)
{
  FcSaveDispatch *self = (FcSaveDispatch *) base;

  fc_uno_release (self->forward);
  fc_uno_release (fc_uno_object_iface (&self->guard->base));
  g_free (self);
}

/* A dispatch of guard for a save command that forward carries out
 * (transfer full; takes its own references). */
static uno_Interface *
save_dispatch_new (FcSaveGuard *guard, uno_Interface *forward)
{
  FcSaveDispatch *self = g_new0 (FcSaveDispatch, 1);

  fc_uno_object_init (&self->base, dispatch_interfaces, save_dispatch_dispatch,
                      save_dispatch_finalize);
  fc_uno_acquire (fc_uno_object_iface (&guard->base));
  self->guard = guard;
  fc_uno_acquire (forward);
  self->forward = forward;
  return fc_uno_object_iface (&self->base);
}

/* XDispatchProvider.queryDispatch (URL, TargetFrameName, SearchFlags):
 * the slave's answer, wrapped for a save command (transfer full). */
static uno_Interface *
query_dispatch (FcSaveGuard *self, void *args[])
{
  g_autoptr (GError) error = NULL;
  uno_Interface *slave = guard_take (self, &self->slave);
  uno_Interface *dispatch = NULL;

  if (slave == NULL)
    return NULL;
  if (!fc_uno_call (slave, DISPATCH_PROVIDER, "queryDispatch", &dispatch, args, &error))
    g_debug ("FiscalCheck save guard: %s", error->message);
  fc_uno_release (slave);
  if (dispatch != NULL && is_save_command (args[0]))
    {
      uno_Interface *wrapped = save_dispatch_new (self, dispatch);

      fc_uno_release (dispatch);
      dispatch = wrapped;
    }
  return dispatch;
}

/* XDispatchProvider.queryDispatches (Requests): queryDispatch for each
 * DispatchDescriptor (transfer full). */
static uno_Sequence *
query_dispatches (FcSaveGuard *self, const uno_Sequence *requests)
{
  typelib_TypeDescription *descriptor = fc_uno_type_get ("com.sun.star.frame.DispatchDescriptor",
                                                         NULL);
  typelib_TypeDescription *seq_td = fc_uno_type_get ("[]com.sun.star.frame.XDispatch", NULL);
  typelib_TypeDescriptionReference *type;
  sal_Int32 url_offset, name_offset, flags_offset;
  uno_Interface **found = g_new0 (uno_Interface *, requests->nElements + 1);
  uno_Sequence *seq = NULL;

  if (descriptor != NULL && fc_uno_struct_member (descriptor, "FeatureURL", &url_offset, &type)
      && fc_uno_struct_member (descriptor, "FrameName", &name_offset, &type)
      && fc_uno_struct_member (descriptor, "SearchFlags", &flags_offset, &type))
    for (sal_Int32 i = 0; i < requests->nElements; i++)
      {
        /* read only: queryDispatch takes its arguments as pointers */
        char *element = (char *) requests->elements + (gsize) i * (gsize) descriptor->nSize;
        void *args[3] = { element + url_offset, element + name_offset, element + flags_offset };

        found[i] = query_dispatch (self, args);
      }
  if (seq_td != NULL)
    uno_type_sequence_construct (&seq, seq_td->pWeakRef, found, requests->nElements, NULL);
  for (sal_Int32 i = 0; i < requests->nElements; i++)
    fc_uno_release (found[i]);
  g_free (found);
  if (seq_td != NULL)
    typelib_typedescription_release (seq_td);
  if (descriptor != NULL)
    typelib_typedescription_release (descriptor);
  return seq;
}

/* The frame is going away: let go of it and of the dispatch chain. */
static void
guard_disposing (FcSaveGuard *self)
{
  gboolean registered;

  guard_set (self, &self->frame, NULL);
  guard_set (self, &self->slave, NULL);
  guard_set (self, &self->master, NULL);
  g_mutex_lock (&registry_lock);
  registered = guards != NULL && g_ptr_array_remove (guards, self);
  g_mutex_unlock (&registry_lock);
  if (registered)
    fc_uno_release (fc_uno_object_iface (&self->base)); /* the registry's reference */
}

static gboolean
guard_dispatch (FcUnoObject *base, const typelib_TypeDescription *member, void *ret,
                void *args[], uno_Any **exception)
{
  FcSaveGuard *self = (FcSaveGuard *) base;

  /* *exception is the caller's memory: set it to NULL only when nothing
   * is thrown */
  if (fc_uno_member_is (member, DISPATCH_PROVIDER "::queryDispatches"))
    {
      uno_Sequence *seq = query_dispatches (self, *(const uno_Sequence *const *) args[0]);

      if (seq == NULL)
        {
          fc_uno_throw (exception, "com.sun.star.uno.RuntimeException",
                        "FiscalCheck: no XDispatch sequence type");
          return TRUE;
        }
      *(uno_Sequence **) ret = seq;
    }
  else if (fc_uno_member_is (member, DISPATCH_PROVIDER "::queryDispatch"))
    *(uno_Interface **) ret = query_dispatch (self, args);
  else if (fc_uno_member_is (member, INTERCEPTOR "::getSlaveDispatchProvider"))
    *(uno_Interface **) ret = guard_take (self, &self->slave);
  else if (fc_uno_member_is (member, INTERCEPTOR "::setSlaveDispatchProvider"))
    guard_set (self, &self->slave, *(uno_Interface **) args[0]);
  else if (fc_uno_member_is (member, INTERCEPTOR "::getMasterDispatchProvider"))
    *(uno_Interface **) ret = guard_take (self, &self->master);
  else if (fc_uno_member_is (member, INTERCEPTOR "::setMasterDispatchProvider"))
    guard_set (self, &self->master, *(uno_Interface **) args[0]);
  else if (fc_uno_member_is (member, "com.sun.star.lang.XEventListener::disposing"))
    {
      fc_uno_acquire (fc_uno_object_iface (base)); /* the registry's reference may be the last */
      guard_disposing (self);
      *exception = NULL;
      fc_uno_release (fc_uno_object_iface (base)); /* last: may free self */
      return TRUE;
    }
  else
    return FALSE;
  *exception = NULL;
  return TRUE;
}

static void
guard_finalize (FcUnoObject *base)
{
  FcSaveGuard *self = (FcSaveGuard *) base;

  fc_uno_release (self->frame);
  fc_uno_release (self->slave);
  fc_uno_release (self->master);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* Puts a guard on frame (an XFrame) unless it has one. */
static void
attach_frame (uno_Interface *frame)
{
  g_autoptr (GError) error = NULL;
  FcSaveGuard *self;
  uno_Interface *iface;
  void *args[1] = { &iface };

  g_mutex_lock (&registry_lock);
  if (guards == NULL)
    guards = g_ptr_array_new ();
  for (guint i = 0; i < guards->len; i++)
    if (((FcSaveGuard *) guards->pdata[i])->frame == frame)
      {
        g_mutex_unlock (&registry_lock);
        return;
      }
  self = g_new0 (FcSaveGuard, 1);
  fc_uno_object_init (&self->base, guard_interfaces, guard_dispatch, guard_finalize);
  g_mutex_init (&self->lock);
  fc_uno_acquire (frame);
  self->frame = frame;
  g_ptr_array_add (guards, self); /* holds the first reference */
  g_mutex_unlock (&registry_lock);

  iface = fc_uno_object_iface (&self->base);
  if (!fc_uno_query_call (frame, "com.sun.star.lang.XComponent", "addEventListener", NULL, args,
                          &error)
      || !fc_uno_query_call (frame, "com.sun.star.frame.XDispatchProviderInterception",
                             "registerDispatchProviderInterceptor", NULL, args, &error))
    {
      g_warning ("FiscalCheck cannot guard a window's save commands: %s", error->message);
      fc_uno_query_call (frame, "com.sun.star.lang.XComponent", "removeEventListener", NULL, args,
                         NULL);
      guard_disposing (self);
    }
}

void
fc_save_guard_attach (uno_Interface *model)
{
  uno_Interface *controllers = NULL;
  sal_Bool more = sal_False;

  if (!fc_uno_query_call (model, "com.sun.star.frame.XModel2", "getControllers", &controllers,
                          NULL, NULL)
      || controllers == NULL)
    return;
  while (fc_uno_call (controllers, "com.sun.star.container.XEnumeration", "hasMoreElements",
                      &more, NULL, NULL)
         && more)
    {
      uno_Any element;
      uno_Interface *controller, *frame = NULL;

      if (!fc_uno_call (controllers, "com.sun.star.container.XEnumeration", "nextElement",
                        &element, NULL, NULL))
        break;
      controller = fc_uno_any_get_interface (&element);
      if (controller != NULL
          && fc_uno_query_call (controller, "com.sun.star.frame.XController", "getFrame", &frame,
                                NULL, NULL)
          && frame != NULL)
        attach_frame (frame);
      fc_uno_release (frame);
      uno_any_destruct (&element, NULL);
    }
  fc_uno_release (controllers);
}
