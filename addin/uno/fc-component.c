/* fc-component.c — the library's entry points and the factory the UNO
 * service manager asks for add-in objects.
 *
 * The library lives in the binary-UNO ("uno") environment: the loader maps
 * our objects into C++ for LibreOffice.
 */
#include <string.h>

#include <uno/environment.h>
#include <uno/lbnames.h>

#include "fc-addin.h"
#include "fc-service-info.h"
#include "fc-uno-object.h"

static const char *const factory_interfaces[] = {
  "com.sun.star.lang.XSingleComponentFactory",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

static gboolean
factory_dispatch (FcUnoObject *self, const typelib_TypeDescription *member,
                  void *ret, void *args[], uno_Any **exception)
{
  (void) self;
  if (fc_uno_member_is (member, "com.sun.star.lang.XSingleComponentFactory::createInstanceWithContext")
      || fc_uno_member_is (member,
                           "com.sun.star.lang.XSingleComponentFactory::createInstanceWithArgumentsAndContext"))
    {
      *(uno_Interface **) ret = fc_addin_new (); /* acquired for the caller */
      *exception = NULL;
      return TRUE;
    }
  return fc_service_info_dispatch (member, ret, args, exception);
}

static void
factory_finalize (FcUnoObject *self)
{
  g_free (self);
}

SAL_DLLPUBLIC_EXPORT void
component_getImplementationEnvironment (const char **env_type_name, uno_Environment **env)
{
  (void) env;
  *env_type_name = UNO_LB_UNO;
}

/* Returns an acquired factory (the loader releases it) or NULL for an
 * implementation name that is not ours. */
SAL_DLLPUBLIC_EXPORT void *
component_getFactory (const char *implementation_name, void *service_manager, void *registry_key)
{
  FcUnoObject *factory;

  (void) service_manager;
  (void) registry_key;
  if (implementation_name == NULL || strcmp (implementation_name, FC_IMPLEMENTATION_NAME) != 0)
    return NULL;
  factory = g_new0 (FcUnoObject, 1);
  fc_uno_object_init (factory, factory_interfaces, factory_dispatch, factory_finalize);
  return fc_uno_object_iface (factory);
}
