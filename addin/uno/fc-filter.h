/* fc-filter.h — the Calc export filter that writes a document's check as
 * one JSON workbook entry, for batch runs:
 *
 *   soffice --headless --convert-to 'fcjson:FiscalCheck Report[:OPTIONS]' files…
 *
 * OPTIONS (FilterOptions) are ';'-separated key=value pairs whose values are
 * URI-escaped: rules=FILE (repeatable: extra rule files read after the
 * shipped ones), only=SCOPE (a table or rule id, as FISCALCHECK's Scope)
 * and marked=DIR (also mark the document as the Validate menu command
 * does and store it as DIR/<input name>, same format for .ods .fods .xlsx
 * .xls, else .ods; the entry then names the copy as "marked", or says why
 * there is none as "marked_error") and narratives=1 (a separate narrative
 * document is staged beside each document as fc-narrative-file.h says:
 * check it with the document's tables).
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* A new filter object (com.sun.star.document.ExportFilter) with one
 * reference, owned by the caller (transfer full). */
uno_Interface *fc_filter_new (void);

/* FilterOptions, parsed. */
typedef struct {
  char **rules;      /* NULL-terminated, maybe empty */
  char *only;        /* NULL when absent */
  char *marked_dir;  /* NULL when absent */
  gboolean narratives; /* narratives=1: read the narrative staged beside the document */
} FcFilterOptions;

void fc_filter_options_clear (FcFilterOptions *options);

/* Splits FilterOptions text into options, which starts zeroed and which
 * the caller clears after, also on failure.  Unknown keys are ignored (an older filter meeting a newer
 * caller); a value that is not valid escaped UTF-8 is an error. */
gboolean fc_filter_parse_options (const char *text, FcFilterOptions *options, GError **error);

G_END_DECLS
