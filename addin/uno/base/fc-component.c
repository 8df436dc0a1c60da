/* fc-component.c — the library's entry points and the factories the UNO
 * service manager asks for add-in, export-filter, command and load-job
 * objects.
 *
 * The library lives in the binary-UNO ("uno") environment: the loader maps
 * our objects into C++ for LibreOffice.
 */
#include <string.h>

#include <uno/environment.h>
#include <uno/lbnames.h>

#include "fc-addin.h"
#include "fc-command-handler.h"
#include "fc-filter.h"
#include "fc-load-job.h"
#include "fc-report-click.h"
#include "fc-save-job.h"
#include "fc-service-manager.h"
#include "fc-service-info.h"
#include "fc-uno-object.h"

/* One implementation of this library: its names and its constructor
 * (which returns one reference for the caller). */
typedef struct {
  const FcServiceNames *names;
  uno_Interface *(*create) (void);
} FcImplementation;

static const FcImplementation implementations[] = {
  { &fc_addin_service_names, fc_addin_new },
  { &fc_filter_service_names, fc_filter_new },
  { &fc_command_handler_service_names, fc_command_handler_new },
  { &fc_load_job_service_names, fc_load_job_new },
  { &fc_save_job_service_names, fc_save_job_new },
  { &fc_report_click_service_names, fc_report_click_new },
};

typedef struct {
  FcUnoObject base;
  const FcImplementation *implementation; /* static */
} FcFactory;

static const char *const factory_interfaces[] = {
  "com.sun.star.lang.XSingleComponentFactory",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

static gboolean
factory_dispatch (FcUnoObject *base, const typelib_TypeDescription *member,
                  void *ret, void *args[], uno_Any **exception)
{
  const FcImplementation *implementation = ((FcFactory *) base)->implementation;

  if (fc_uno_member_is (member, "com.sun.star.lang.XSingleComponentFactory::createInstanceWithContext")
      || fc_uno_member_is (member,
                           "com.sun.star.lang.XSingleComponentFactory::createInstanceWithArgumentsAndContext"))
    {
      *(uno_Interface **) ret = implementation->create (); /* acquired for the caller */
      *exception = NULL;
      return TRUE;
    }
  return fc_service_info_dispatch_names (implementation->names, member, ret, args, exception);
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
component_getFactory (const char *implementation_name, void *manager, void *registry_key)
{
  (void) registry_key;
  if (implementation_name == NULL)
    return NULL;
  fc_service_manager_keep (manager);
  for (gsize i = 0; i < G_N_ELEMENTS (implementations); i++)
    if (strcmp (implementation_name, implementations[i].names->implementation) == 0)
      {
        FcFactory *factory = g_new0 (FcFactory, 1);

        factory->implementation = &implementations[i];
        fc_uno_object_init (&factory->base, factory_interfaces, factory_dispatch,
                            factory_finalize);
        return fc_uno_object_iface (&factory->base);
      }
  return NULL;
}
