/* fc-service-info.c — XServiceInfo / XServiceName answers (see fc-service-info.h). */
#include "fc-service-info.h"

#include <string.h>

static const char *const services[] = { FC_ADDIN_SERVICE_NAME, FC_SERVICE_NAME, NULL };

static void
set_string (void *ret, const char *utf8)
{
  *(rtl_uString **) ret = fc_uno_string_new (utf8); /* the caller owns the return value */
}

static void
service_names (uno_Sequence **ret)
{
  typelib_TypeDescriptionReference *seq_type = NULL;
  rtl_uString *names[G_N_ELEMENTS (services)];
  sal_Int32 n = 0;

  for (; services[n] != NULL; n++)
    names[n] = fc_uno_string_new (services[n]);
  typelib_static_sequence_type_init (&seq_type,
                                     *typelib_static_type_getByTypeClass (typelib_TypeClass_STRING));
  *ret = NULL;
  uno_type_sequence_construct (ret, seq_type, names, n, NULL); /* acquires the strings */
  for (sal_Int32 i = 0; i < n; i++)
    rtl_uString_release (names[i]);
}

gboolean
fc_service_info_dispatch (const typelib_TypeDescription *member,
                          void *ret, void *args[], uno_Any **exception)
{
  if (fc_uno_member_is (member, "com.sun.star.lang.XServiceInfo::getImplementationName"))
    set_string (ret, FC_IMPLEMENTATION_NAME);
  else if (fc_uno_member_is (member, "com.sun.star.lang.XServiceName::getServiceName"))
    set_string (ret, FC_SERVICE_NAME);
  else if (fc_uno_member_is (member, "com.sun.star.lang.XServiceInfo::supportsService"))
    {
      g_autofree char *name = fc_uno_string_to_utf8 (*(rtl_uString **) args[0]);

      *(sal_Bool *) ret = g_strv_contains (services, name) ? sal_True : sal_False;
    }
  else if (fc_uno_member_is (member, "com.sun.star.lang.XServiceInfo::getSupportedServiceNames"))
    service_names (ret);
  else
    return FALSE;
  *exception = NULL;
  return TRUE;
}
