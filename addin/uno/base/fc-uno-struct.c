/* fc-uno-struct.c — struct values by member name (see fc-uno-struct.h). */
#include "fc-uno-struct.h"

#include <string.h>

FcUnoStruct *
fc_uno_struct_new (const char *type_name, GError **error)
{
  typelib_TypeDescription *td = fc_uno_type_get (type_name, error);
  FcUnoStruct *value;

  if (td == NULL)
    return NULL;
  value = g_new0 (FcUnoStruct, 1);
  value->type = td;
  value->data = g_malloc0 (td->nSize);
  uno_constructData (value->data, td);
  return value;
}

void
fc_uno_struct_free (FcUnoStruct *value)
{
  if (value == NULL)
    return;
  uno_destructData (value->data, value->type, NULL);
  g_free (value->data);
  typelib_typedescription_release (value->type);
  g_free (value);
}

void *
fc_uno_struct_member_data (const FcUnoStruct *value, const char *name)
{
  sal_Int32 offset;
  typelib_TypeDescriptionReference *type;

  if (!fc_uno_struct_member (value->type, name, &offset, &type))
    return NULL;
  return (char *) value->data + offset;
}

gboolean
fc_uno_struct_get_int (const FcUnoStruct *value, const char *name, gint *out)
{
  sal_Int32 offset;
  typelib_TypeDescriptionReference *type;
  const char *p;

  if (!fc_uno_struct_member (value->type, name, &offset, &type))
    return FALSE;
  p = (const char *) value->data + offset;
  if (type->eTypeClass == typelib_TypeClass_SHORT)
    {
      sal_Int16 v;

      memcpy (&v, p, sizeof v);
      *out = v;
      return TRUE;
    }
  if (type->eTypeClass == typelib_TypeClass_LONG)
    {
      sal_Int32 v;

      memcpy (&v, p, sizeof v);
      *out = v;
      return TRUE;
    }
  return FALSE;
}

gboolean
fc_uno_struct_set_int (FcUnoStruct *value, const char *name, gint in)
{
  sal_Int32 offset;
  typelib_TypeDescriptionReference *type;
  char *p;

  if (!fc_uno_struct_member (value->type, name, &offset, &type))
    return FALSE;
  p = (char *) value->data + offset;
  if (type->eTypeClass == typelib_TypeClass_SHORT)
    {
      sal_Int16 v = (sal_Int16) in;

      memcpy (p, &v, sizeof v);
      return TRUE;
    }
  if (type->eTypeClass == typelib_TypeClass_LONG)
    {
      sal_Int32 v = in;

      memcpy (p, &v, sizeof v);
      return TRUE;
    }
  return FALSE;
}

gboolean
fc_uno_struct_set (FcUnoStruct *value, const char *name, void *src)
{
  sal_Int32 offset;
  typelib_TypeDescriptionReference *type;

  if (!fc_uno_struct_member (value->type, name, &offset, &type))
    return FALSE;
  /* same type on both sides: no queryInterface needed; NULL acquire and
   * release functions mean the binary-UNO interfaces' own */
  return uno_type_assignData ((char *) value->data + offset, type, src, type,
                              NULL, NULL, NULL) != sal_False;
}

const uno_Any *
fc_uno_struct_seq_lookup (const uno_Sequence *seq, const char *type_name, const char *name)
{
  typelib_TypeDescription *td = fc_uno_type_get (type_name, NULL);
  sal_Int32 name_offset, value_offset;
  typelib_TypeDescriptionReference *type;
  const uno_Any *found = NULL;

  if (td == NULL)
    return NULL;
  if (seq != NULL && fc_uno_struct_member (td, "Name", &name_offset, &type)
      && fc_uno_struct_member (td, "Value", &value_offset, &type))
    for (sal_Int32 i = 0; found == NULL && i < seq->nElements; i++)
      {
        const char *element = seq->elements + (gsize) i * (gsize) td->nSize;
        g_autofree char *member = fc_uno_string_to_utf8 (*(rtl_uString *const *) (element
                                                                                  + name_offset));

        if (strcmp (member, name) == 0)
          found = (const uno_Any *) (element + value_offset);
      }
  typelib_typedescription_release (td);
  return found;
}
