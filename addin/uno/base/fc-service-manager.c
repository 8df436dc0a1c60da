/* fc-service-manager.c — the process's service manager (see fc-service-manager.h). */
#include "fc-service-manager.h"

/* UNO forces this global: the one service manager of the process, kept
 * from the first component_getFactory to the end. */
static GMutex manager_lock;
static uno_Interface *service_manager;

uno_Interface *
fc_service_manager_get (void)
{
  uno_Interface *manager;

  g_mutex_lock (&manager_lock);
  manager = service_manager;
  fc_uno_acquire (manager);
  g_mutex_unlock (&manager_lock);
  return manager;
}

uno_Interface *
fc_service_manager_create (const char *service, GError **error)
{
  uno_Interface *manager = fc_service_manager_get ();
  uno_Interface *instance = NULL;
  rtl_uString *name = fc_uno_string_new (service);
  void *args[1] = { &name };

  if (manager == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "no service manager");
  else if (fc_uno_query_call (manager, "com.sun.star.lang.XMultiServiceFactory", "createInstance",
                              &instance, args, error)
           && instance == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "no service %s", service);
  rtl_uString_release (name);
  fc_uno_release (manager);
  return instance;
}

void
fc_service_manager_keep (void *manager)
{
  g_mutex_lock (&manager_lock);
  if (service_manager == NULL && manager != NULL)
    {
      service_manager = manager;
      fc_uno_acquire (service_manager);
    }
  g_mutex_unlock (&manager_lock);
}
