/* fc-uno-object.c — reference counting, queryInterface and XTypeProvider
 * shared by the objects of this library (see fc-uno-object.h). */
#include "fc-uno-object.h"

#include <string.h>

static void SAL_CALL
object_acquire (uno_Interface *iface)
{
  FcUnoObject *self = (FcUnoObject *) iface;

  g_atomic_int_inc (&self->ref_count);
}

static void SAL_CALL
object_release (uno_Interface *iface)
{
  FcUnoObject *self = (FcUnoObject *) iface;

  if (g_atomic_int_dec_and_test (&self->ref_count))
    self->finalize (self);
}

static gboolean
object_supports (FcUnoObject *self, const rtl_uString *type_name)
{
  g_autofree char *name = fc_uno_string_to_utf8 (type_name);

  if (strcmp (name, "com.sun.star.uno.XInterface") == 0)
    return TRUE;
  for (const char *const *i = self->interfaces; *i != NULL; i++)
    if (strcmp (name, *i) == 0)
      return TRUE;
  return FALSE;
}

static void
query_interface (FcUnoObject *self, uno_Any *ret, typelib_TypeDescriptionReference *type)
{
  typelib_TypeDescription *td = NULL;
  uno_Interface *iface = &self->iface;

  if (type != NULL && object_supports (self, type->pTypeName))
    typelib_typedescriptionreference_getDescription (&td, type);
  if (td != NULL)
    {
      uno_any_construct (ret, &iface, td, NULL); /* acquires */
      typelib_typedescription_release (td);
    }
  else
    fc_uno_any_set_void (ret);
}

static void
get_types (FcUnoObject *self, uno_Sequence **ret)
{
  typelib_TypeDescriptionReference *seq_type = NULL;
  GPtrArray *types = g_ptr_array_new ();
  uno_Sequence *seq = NULL;

  for (const char *const *i = self->interfaces; *i != NULL; i++)
    {
      typelib_TypeDescription *td = fc_uno_type_get (*i, NULL);

      if (td != NULL)
        {
          /* the weak reference lives as long as the description: keep the
           * description until the sequence holds its own reference */
          g_ptr_array_add (types, td);
        }
    }
  {
    typelib_TypeDescriptionReference **refs = g_new0 (typelib_TypeDescriptionReference *,
                                                      types->len + 1);

    for (guint i = 0; i < types->len; i++)
      refs[i] = ((typelib_TypeDescription *) types->pdata[i])->pWeakRef;
    typelib_static_sequence_type_init (&seq_type,
                                       *typelib_static_type_getByTypeClass (typelib_TypeClass_TYPE));
    uno_type_sequence_construct (&seq, seq_type, refs, (sal_Int32) types->len, NULL);
    g_free (refs);
  }
  for (guint i = 0; i < types->len; i++)
    typelib_typedescription_release (types->pdata[i]);
  g_ptr_array_free (types, TRUE);
  *ret = seq;
}

static void
get_implementation_id (uno_Sequence **ret)
{
  typelib_TypeDescriptionReference *seq_type = NULL;

  /* deprecated: an empty id tells callers not to cache by it */
  typelib_static_sequence_type_init (&seq_type,
                                     *typelib_static_type_getByTypeClass (typelib_TypeClass_BYTE));
  *ret = NULL;
  uno_type_sequence_construct (ret, seq_type, NULL, 0, NULL);
}

static void SAL_CALL
object_dispatch (uno_Interface *iface, const typelib_TypeDescription *member,
                 void *ret, void *args[], uno_Any **exception)
{
  FcUnoObject *self = (FcUnoObject *) iface;

  if (fc_uno_member_is (member, "com.sun.star.uno.XInterface::queryInterface"))
    {
      query_interface (self, ret, *(typelib_TypeDescriptionReference **) args[0]);
      *exception = NULL;
    }
  else if (fc_uno_member_is (member, "com.sun.star.uno.XInterface::acquire"))
    {
      object_acquire (iface);
      *exception = NULL;
    }
  else if (fc_uno_member_is (member, "com.sun.star.uno.XInterface::release"))
    {
      *exception = NULL;
      object_release (iface); /* last: may free self */
    }
  else if (fc_uno_member_is (member, "com.sun.star.lang.XTypeProvider::getTypes"))
    {
      get_types (self, ret);
      *exception = NULL;
    }
  else if (fc_uno_member_is (member, "com.sun.star.lang.XTypeProvider::getImplementationId"))
    {
      get_implementation_id (ret);
      *exception = NULL;
    }
  else if (!self->dispatch (self, member, ret, args, exception))
    {
      g_autofree char *name = fc_uno_string_to_utf8 (member->pTypeName);
      g_autofree char *message = g_strdup_printf ("FiscalCheck: %s is not implemented", name);

      fc_uno_throw (exception, "com.sun.star.uno.RuntimeException", message);
    }
}

void
fc_uno_object_init (FcUnoObject *self, const char *const *interfaces,
                    FcUnoDispatchFunc dispatch, FcUnoFinalizeFunc finalize)
{
  self->iface.acquire = object_acquire;
  self->iface.release = object_release;
  self->iface.pDispatcher = object_dispatch;
  self->ref_count = 1;
  self->interfaces = interfaces;
  self->dispatch = dispatch;
  self->finalize = finalize;
}

static void
stateless_finalize (FcUnoObject *self)
{
  g_free (self);
}

uno_Interface *
fc_uno_object_new_stateless (const char *const *interfaces, FcUnoDispatchFunc dispatch)
{
  FcUnoObject *self = g_new0 (FcUnoObject, 1);

  fc_uno_object_init (self, interfaces, dispatch, stateless_finalize);
  return fc_uno_object_iface (self);
}
