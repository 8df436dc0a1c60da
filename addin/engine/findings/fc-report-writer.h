/* fc-report-writer.h — writes FcReports as text for people, JSON for programs and
 * CSV for spreadsheets.  The JSON layout is described by
 * docs/report.schema.json.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "fc-report.h"

G_BEGIN_DECLS

/* A readable summary in Chinese (rule ids stay in English): a header with
 * path and counts, then one block per finding.  path may be NULL
 * (transfer full). */
char *fc_report_to_text (const FcReport *report, const char *path);

/* {"workbooks":[…]} for n workbooks; reports[i] belongs to paths[i].  A NULL
 * reports[i] is written as a workbook that failed to read (see
 * fc_report_to_json_full()) (transfer full). */
char *fc_report_to_json (const FcReport *const *reports,
                         const char *const *paths, guint n, gboolean pretty);

/* The same, with errors: NULL or n messages; where reports[i] is NULL the
 * entry is {"path": paths[i], "error": errors[i]} (transfer full). */
char *fc_report_to_json_full (const FcReport *const *reports,
                              const char *const *paths,
                              const char *const *errors, guint n,
                              gboolean pretty);

/* One element of the "workbooks" array above, for a single workbook: the
 * checked entry, or {"path", "error"} when report is NULL (transfer full). */
char *fc_report_workbook_to_json (const FcReport *report, const char *path,
                                  const char *error, gboolean pretty);

/* The report back from one workbook entry as written by
 * fc_report_workbook_to_json() (tables, findings; the path is the
 * caller's business).  A failed entry gives NULL with FC_ERROR_READ whose
 * message is the entry's "error"; malformed JSON gives FC_ERROR_READ
 * describing the problem.  Duplicate table ids were already dropped by the
 * writer, and tolerances are not part of the JSON (transfer full). */
FcReport *fc_report_from_json (const char *json, gssize length, GError **error);

/* One finding per CRLF-terminated line under the header
 * path,rule,severity,table,message,cells,expected,actual,difference
 * (RFC 4180 quoting, UTF-8, no BOM).  cells is "sheet!C12; sheet!D12";
 * amounts have 2 decimals, empty when the finding has none.  NULL reports
 * (unreadable workbooks) write no line (transfer full). */
char *fc_report_to_csv (const FcReport *const *reports,
                        const char *const *paths, guint n);

/* root as JSON text with every number in its shortest exact form
 * (json-glib alone writes 452.86 as 452.86000000000001) (transfer full). */
char *fc_report_json_to_data (JsonNode *root, gboolean pretty);

G_END_DECLS
