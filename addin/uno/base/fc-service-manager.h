/* fc-service-manager.h — the service manager LibreOffice gave the
 * library's entry point (component_getFactory), for services no document
 * hands us (the file picker, the desktop, the configuration).
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* The process service manager (an XMultiServiceFactory) as the loader
 * passed it to component_getFactory (transfer full), or NULL before. */
uno_Interface *fc_service_manager_get (void);

/* Keeps manager (the uno_Interface* component_getFactory receives; NULL
 * is ignored), the first time only. */
void fc_service_manager_keep (void *manager);

/* A new instance of service through it (transfer full), or NULL with an error. */
uno_Interface *fc_service_manager_create (const char *service, GError **error);

G_END_DECLS
