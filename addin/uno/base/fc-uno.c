/* fc-uno.c — helpers over the binary-UNO C API (see fc-uno.h). */
#include "fc-uno.h"

#include <string.h>

#include <rtl/string.h>
#include <rtl/textenc.h>
#include <rtl/ustring.h>

G_DEFINE_QUARK (fc-uno-error-quark, fc_uno_error)

/* Strings */

rtl_uString *
fc_uno_string_new (const char *utf8)
{
  rtl_uString *str = NULL;
  glong n = 0;
  g_autofree gunichar2 *utf16 = NULL;

  if (utf8 != NULL)
    utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  if (utf16 != NULL)
    rtl_uString_newFromStr_WithLength (&str, (const sal_Unicode *) utf16, (sal_Int32) n);
  else
    rtl_uString_new (&str);
  return str;
}

char *
fc_uno_string_to_utf8 (const rtl_uString *str)
{
  char *utf8;

  if (str == NULL || str->length <= 0)
    return g_strdup ("");
  /* sal_Unicode is UTF-16; unpaired surrogates make this fail: keep going
   * with an empty string rather than failing the whole read. */
  utf8 = g_utf16_to_utf8 ((const gunichar2 *) str->buffer, str->length, NULL, NULL, NULL);
  return utf8 != NULL ? utf8 : g_strdup ("");
}

/* Types */

typelib_TypeDescription *
fc_uno_type_get (const char *name, GError **error)
{
  typelib_TypeDescription *td = NULL;
  rtl_uString *uname = fc_uno_string_new (name);

  typelib_typedescription_getByName (&td, uname);
  rtl_uString_release (uname);
  if (td != NULL && !td->bComplete)
    typelib_typedescription_complete (&td);
  if (td == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_TYPE, "UNO type %s is unknown", name);
  return td;
}

/* Objects */

void
fc_uno_acquire (uno_Interface *obj)
{
  if (obj != NULL)
    obj->acquire (obj);
}

void
fc_uno_release (uno_Interface *obj)
{
  if (obj != NULL)
    obj->release (obj);
}

/* TRUE when a member type name "A.B::name" or "A.B::name:@i,j:C" names member. */
static gboolean
member_name_matches (const rtl_uString *type_name, const char *member)
{
  g_autofree char *full = fc_uno_string_to_utf8 (type_name);
  const char *sep = strstr (full, "::");
  size_t n = strlen (member);

  if (sep == NULL)
    return FALSE;
  sep += 2;
  return strncmp (sep, member, n) == 0 && (sep[n] == '\0' || sep[n] == ':');
}

/* The member's description within interface td (transfer full). */
static typelib_TypeDescription *
find_member (typelib_TypeDescription *td, const char *member)
{
  typelib_InterfaceTypeDescription *itd = (typelib_InterfaceTypeDescription *) td;

  if (td->eTypeClass != typelib_TypeClass_INTERFACE)
    return NULL;
  for (sal_Int32 i = 0; i < itd->nAllMembers; i++)
    {
      typelib_TypeDescriptionReference *ref = itd->ppAllMembers[i];

      if (member_name_matches (ref->pTypeName, member))
        {
          typelib_TypeDescription *mtd = NULL;

          typelib_typedescriptionreference_getDescription (&mtd, ref);
          return mtd;
        }
    }
  return NULL;
}

/* Turns a thrown exception into a GError and destructs it. */
static void
exception_to_error (uno_Any *exc, const char *iface, const char *member, GError **error)
{
  g_autofree char *type_name = fc_uno_string_to_utf8 (exc->pType->pTypeName);
  g_autofree char *message = NULL;
  typelib_TypeDescription *td = NULL;
  sal_Int32 offset;
  typelib_TypeDescriptionReference *mtype;

  typelib_typedescriptionreference_getDescription (&td, exc->pType);
  if (td != NULL && fc_uno_struct_member (td, "Message", &offset, &mtype)
      && mtype->eTypeClass == typelib_TypeClass_STRING)
    message = fc_uno_string_to_utf8 (*(rtl_uString **) ((char *) exc->pData + offset));
  if (td != NULL)
    typelib_typedescription_release (td);
  g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_EXCEPTION, "%s::%s threw %s: %s",
               iface, member, type_name, message != NULL ? message : "");
  uno_any_destruct (exc, NULL);
}

gboolean
fc_uno_call (uno_Interface *obj, const char *iface, const char *member,
             void *ret, void **args, GError **error)
{
  typelib_TypeDescription *td;
  typelib_TypeDescription *mtd;
  uno_Any exc;
  uno_Any *pexc = &exc; /* the callee constructs into our memory or sets NULL */

  g_return_val_if_fail (iface != NULL && member != NULL, FALSE);
  if (obj == NULL)
    {
      g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_NO_INTERFACE,
                   "no object to call %s::%s on", iface, member);
      return FALSE;
    }
  td = fc_uno_type_get (iface, error);
  if (td == NULL)
    return FALSE;
  mtd = find_member (td, member);
  typelib_typedescription_release (td);
  if (mtd == NULL)
    {
      g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_NO_MEMBER, "%s has no member %s",
                   iface, member);
      return FALSE;
    }
  obj->pDispatcher (obj, mtd, ret, args, &pexc);
  typelib_typedescription_release (mtd);
  if (pexc != NULL)
    {
      exception_to_error (pexc, iface, member, error);
      return FALSE;
    }
  return TRUE;
}

uno_Interface *
fc_uno_query (uno_Interface *obj, const char *iface, GError **error)
{
  typelib_TypeDescription *td;
  typelib_TypeDescriptionReference *ref;
  void *args[1];
  uno_Any ret;
  uno_Interface *result = NULL;

  td = fc_uno_type_get (iface, error);
  if (td == NULL)
    return NULL;
  ref = td->pWeakRef;
  args[0] = &ref;
  if (!fc_uno_call (obj, "com.sun.star.uno.XInterface", "queryInterface", &ret, args, error))
    {
      typelib_typedescription_release (td);
      return NULL;
    }
  typelib_typedescription_release (td);
  result = fc_uno_any_get_interface (&ret);
  fc_uno_acquire (result);
  uno_any_destruct (&ret, NULL);
  if (result == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_NO_INTERFACE,
                 "object does not support %s", iface);
  return result;
}

gboolean
fc_uno_query_call (uno_Interface *obj, const char *iface, const char *member,
                   void *ret, void **args, GError **error)
{
  uno_Interface *q = fc_uno_query (obj, iface, error);
  gboolean ok;

  if (q == NULL)
    return FALSE;
  ok = fc_uno_call (q, iface, member, ret, args, error);
  fc_uno_release (q);
  return ok;
}

void
fc_uno_destruct (void *value, const char *type_name)
{
  typelib_TypeDescription *td = fc_uno_type_get (type_name, NULL);

  if (td == NULL)
    {
      g_warning ("cannot destruct a value of unknown type %s (leaked)", type_name);
      return;
    }
  uno_destructData (value, td, NULL);
  typelib_typedescription_release (td);
}

/* Anys */

void
fc_uno_any_set_void (uno_Any *any)
{
  uno_any_construct (any, NULL, NULL, NULL);
}

void
fc_uno_any_set_double (uno_Any *any, double value)
{
  uno_type_any_construct (any, &value,
                          *typelib_static_type_getByTypeClass (typelib_TypeClass_DOUBLE), NULL);
}

void
fc_uno_any_set_string (uno_Any *any, const char *utf8)
{
  rtl_uString *str = fc_uno_string_new (utf8);

  uno_type_any_construct (any, &str,
                          *typelib_static_type_getByTypeClass (typelib_TypeClass_STRING), NULL);
  rtl_uString_release (str);
}

void
fc_uno_any_set_interface (uno_Any *any, uno_Interface *obj, const char *iface)
{
  typelib_TypeDescription *td = fc_uno_type_get (iface, NULL);

  if (td == NULL || obj == NULL)
    {
      if (td != NULL)
        typelib_typedescription_release (td);
      fc_uno_any_set_void (any);
      return;
    }
  uno_any_construct (any, &obj, td, NULL);
  typelib_typedescription_release (td);
}

uno_Interface *
fc_uno_any_get_interface (const uno_Any *any)
{
  if (any == NULL || any->pType == NULL || any->pType->eTypeClass != typelib_TypeClass_INTERFACE)
    return NULL;
  return *(uno_Interface **) any->pData;
}

/* Structs */

gboolean
fc_uno_struct_member (const typelib_TypeDescription *td, const char *name,
                      sal_Int32 *offset, typelib_TypeDescriptionReference **type)
{
  const typelib_CompoundTypeDescription *c;

  if (td == NULL || (td->eTypeClass != typelib_TypeClass_STRUCT
                     && td->eTypeClass != typelib_TypeClass_EXCEPTION))
    return FALSE;
  for (c = (const typelib_CompoundTypeDescription *) td; c != NULL; c = c->pBaseTypeDescription)
    for (sal_Int32 i = 0; i < c->nMembers; i++)
      if (rtl_ustr_ascii_compare_WithLength (c->ppMemberNames[i]->buffer,
                                             c->ppMemberNames[i]->length, name) == 0)
        {
          *offset = c->pMemberOffsets[i];
          *type = c->ppTypeRefs[i];
          return TRUE;
        }
  return FALSE;
}

gboolean
fc_uno_struct_get_long (const typelib_TypeDescription *td, const void *value,
                        const char *name, sal_Int32 *out)
{
  sal_Int32 offset;
  typelib_TypeDescriptionReference *type;

  if (!fc_uno_struct_member (td, name, &offset, &type)
      || type->eTypeClass != typelib_TypeClass_LONG)
    return FALSE;
  memcpy (out, (const char *) value + offset, sizeof *out);
  return TRUE;
}

/* Implementing objects */

gboolean
fc_uno_member_is (const typelib_TypeDescription *member, const char *iface_member)
{
  g_autofree char *full = fc_uno_string_to_utf8 (member->pTypeName);
  size_t n = strlen (iface_member);

  return strncmp (full, iface_member, n) == 0 && (full[n] == '\0' || full[n] == ':');
}

/* Builds the exception value of td with message into *exception. */
static gboolean
construct_exception (uno_Any *exception, const char *exc_type, const char *message)
{
  typelib_TypeDescription *td = fc_uno_type_get (exc_type, NULL);
  sal_Int32 offset;
  typelib_TypeDescriptionReference *mtype;
  void *value;

  if (td == NULL)
    return FALSE;
  value = g_malloc0 (td->nSize);
  uno_constructData (value, td);
  if (fc_uno_struct_member (td, "Message", &offset, &mtype)
      && mtype->eTypeClass == typelib_TypeClass_STRING)
    {
      rtl_uString *msg = fc_uno_string_new (message);

      rtl_uString_assign ((rtl_uString **) ((char *) value + offset), msg);
      rtl_uString_release (msg);
    }
  uno_any_construct (exception, value, td, NULL);
  uno_destructData (value, td, NULL);
  g_free (value);
  typelib_typedescription_release (td);
  return TRUE;
}

void
fc_uno_throw (uno_Any **exception, const char *exc_type, const char *message)
{
  /* *exception is memory the caller owns: it must hold a real exception
   * afterwards, so fall back to RuntimeException, which always exists. */
  if (!construct_exception (*exception, exc_type, message)
      && !construct_exception (*exception, "com.sun.star.uno.RuntimeException", message))
    g_error ("cannot construct com.sun.star.uno.RuntimeException");
}
