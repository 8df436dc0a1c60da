/* fc-report-jsonglib.h — FcReport and json-glib, for the batch command and
 * the tests: a workbook entry read back into a report, and a json-glib tree
 * as text with the report's numbers.  Not linked into the add-in, which
 * must not need json-glib (see README, "What the .oxt needs").
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "fc-report.h"

G_BEGIN_DECLS

/* The report back from one workbook entry as written by
 * fc_report_workbook_to_json() (tables, findings; the path is the
 * caller's business).  A failed entry gives NULL with FC_ERROR_READ whose
 * message is the entry's "error"; malformed JSON gives FC_ERROR_READ
 * describing the problem.  Duplicate table ids were already dropped by the
 * writer, and tolerances are not part of the JSON (transfer full). */
FcReport *fc_report_from_json (const char *json, gssize length, GError **error);

/* root as JSON text with every number in its shortest exact form
 * (json-glib alone writes 452.86 as 452.86000000000001) (transfer full). */
char *fc_report_json_to_data (JsonNode *root, gboolean pretty);

G_END_DECLS
