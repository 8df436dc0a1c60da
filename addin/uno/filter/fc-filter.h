/* fc-filter.h — the Calc export filter that writes a document's check as
 * one JSON workbook entry, for batch runs:
 *
 *   soffice --headless --convert-to 'fcjson:FiscalCheck Report[:OPTIONS]' files…
 *
 * OPTIONS (FilterOptions) are described in fc-filter-options.h: extra
 * rule files, a scope, whether the user's own rules count, a narrative
 * staged beside each document (fc-narrative-file.h), and marked=DIR (also mark the document as the Validate menu
 * command does and store it as DIR/<input name>, same format for .ods
 * .fods .xlsx .xls, else .ods; the entry then names the copy as "marked",
 * or says why there is none as "marked_error").  The check is
 * fc_doc_check's, as for =FISCALCHECK() and the menu.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* A new filter object (com.sun.star.document.ExportFilter) with one
 * reference, owned by the caller (transfer full). */
uno_Interface *fc_filter_new (void);

G_END_DECLS
