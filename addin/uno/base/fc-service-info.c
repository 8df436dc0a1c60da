/* fc-service-info.c — XServiceInfo / XServiceName answers (see fc-service-info.h). */
#include "fc-service-info.h"

#include <string.h>

static const char *const addin_services[] = { FC_ADDIN_SERVICE_NAME, FC_SERVICE_NAME, NULL };
static const char *const filter_services[] = { FC_EXPORT_FILTER_SERVICE_NAME, NULL };

const FcServiceNames fc_addin_service_names = {
  FC_IMPLEMENTATION_NAME, FC_SERVICE_NAME, addin_services
};
const FcServiceNames fc_filter_service_names = {
  FC_FILTER_IMPLEMENTATION_NAME, NULL, filter_services
};

static void
set_string (void *ret, const char *utf8)
{
  *(rtl_uString **) ret = fc_uno_string_new (utf8); /* the caller owns the return value */
}

static void
service_names (const char *const *services, uno_Sequence **ret)
{
  typelib_TypeDescriptionReference *seq_type = NULL;
  rtl_uString **names = g_new0 (rtl_uString *, g_strv_length ((char **) services) + 1);
  sal_Int32 n = 0;

  for (; services[n] != NULL; n++)
    names[n] = fc_uno_string_new (services[n]);
  typelib_static_sequence_type_init (&seq_type,
                                     *typelib_static_type_getByTypeClass (typelib_TypeClass_STRING));
  *ret = NULL;
  uno_type_sequence_construct (ret, seq_type, names, n, NULL); /* acquires the strings */
  for (sal_Int32 i = 0; i < n; i++)
    rtl_uString_release (names[i]);
  g_free (names);
}

gboolean
fc_service_info_dispatch_names (const FcServiceNames *names,
                                const typelib_TypeDescription *member,
                                void *ret, void *args[], uno_Any **exception)
{
  if (fc_uno_member_is (member, "com.sun.star.lang.XServiceInfo::getImplementationName"))
    set_string (ret, names->implementation);
  else if (names->service_name != NULL
           && fc_uno_member_is (member, "com.sun.star.lang.XServiceName::getServiceName"))
    set_string (ret, names->service_name);
  else if (fc_uno_member_is (member, "com.sun.star.lang.XServiceInfo::supportsService"))
    {
      g_autofree char *name = fc_uno_string_to_utf8 (*(rtl_uString **) args[0]);

      *(sal_Bool *) ret = g_strv_contains (names->services, name) ? sal_True : sal_False;
    }
  else if (fc_uno_member_is (member, "com.sun.star.lang.XServiceInfo::getSupportedServiceNames"))
    service_names (names->services, ret);
  else
    return FALSE;
  *exception = NULL;
  return TRUE;
}

gboolean
fc_service_info_dispatch (const typelib_TypeDescription *member,
                          void *ret, void *args[], uno_Any **exception)
{
  return fc_service_info_dispatch_names (&fc_addin_service_names, member, ret, args, exception);
}
