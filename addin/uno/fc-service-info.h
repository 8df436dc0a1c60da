/* fc-service-info.h — the names this component is registered under and
 * XServiceInfo for the objects that carry them.
 *
 * These names are written into users' files (formulas are stored as
 * "org.fiscalcheck.FiscalCheck.fiscalcheck"): never change them.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_IMPLEMENTATION_NAME "org.fiscalcheck.FiscalCheckAddIn"
#define FC_SERVICE_NAME        "org.fiscalcheck.FiscalCheck"
#define FC_ADDIN_SERVICE_NAME  "com.sun.star.sheet.AddIn"

/* Answers XServiceInfo (and XServiceName) members; FALSE for other
 * members.  Sets *exception to NULL when it answered. */
gboolean fc_service_info_dispatch (const typelib_TypeDescription *member,
                                   void *ret, void *args[], uno_Any **exception);

G_END_DECLS
