/* fc-filter.h — the Calc export filter that writes a document's check as
 * one JSON workbook entry, for batch runs:
 *
 *   soffice --headless --convert-to 'fcjson:FiscalCheck Report[:OPTIONS]' files…
 *
 * OPTIONS (FilterOptions) are ';'-separated key=value pairs whose values are
 * URI-escaped: rules=FILE (repeatable: extra rule files read after the
 * shipped ones) and only=SCOPE (a table or rule id, as FISCALCHECK's Scope).
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* A new filter object (com.sun.star.document.ExportFilter) with one
 * reference, owned by the caller (transfer full). */
uno_Interface *fc_filter_new (void);

/* Splits FilterOptions into rule files and scope.  Unknown keys are
 * ignored (an older filter meeting a newer caller); a value that is not
 * valid escaped UTF-8 is an error.  *rules (NULL-terminated, maybe empty)
 * and *only (NULL when absent) are transfer full. */
gboolean fc_filter_parse_options (const char *options, char ***rules, char **only,
                                  GError **error);

G_END_DECLS
