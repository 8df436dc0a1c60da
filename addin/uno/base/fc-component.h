/* fc-component.h — what the library's entry points keep: the service
 * manager LibreOffice gave it, for services no document hands us (the file
 * picker).
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* The process service manager (an XMultiServiceFactory) as the loader
 * passed it to component_getFactory (transfer full), or NULL before. */
uno_Interface *fc_component_service_manager (void);

/* A new instance of service through it (transfer full), or NULL with an error. */
uno_Interface *fc_component_create (const char *service, GError **error);

G_END_DECLS
