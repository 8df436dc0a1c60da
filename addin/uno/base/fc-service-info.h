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

/* The export filter behind `soffice --convert-to 'fcjson:FiscalCheck Report'`;
 * the filter name and type live in Filter.xcu / Types.xcu. */
#define FC_FILTER_IMPLEMENTATION_NAME "org.fiscalcheck.ReportFilter"
#define FC_EXPORT_FILTER_SERVICE_NAME "com.sun.star.document.ExportFilter"

/* What one implementation answers through XServiceInfo / XServiceName. */
typedef struct {
  const char *implementation;
  const char *service_name;      /* XServiceName's answer; NULL when not supported */
  const char *const *services;   /* NULL-terminated */
} FcServiceNames;

/* The add-in's names and the export filter's (static). */
extern const FcServiceNames fc_addin_service_names;
extern const FcServiceNames fc_filter_service_names;

/* Answers XServiceInfo (and XServiceName) members with names; FALSE for
 * other members.  Sets *exception to NULL when it answered. */
gboolean fc_service_info_dispatch_names (const FcServiceNames *names,
                                         const typelib_TypeDescription *member,
                                         void *ret, void *args[], uno_Any **exception);

/* The same with the add-in's names. */
gboolean fc_service_info_dispatch (const typelib_TypeDescription *member,
                                   void *ret, void *args[], uno_Any **exception);

G_END_DECLS
