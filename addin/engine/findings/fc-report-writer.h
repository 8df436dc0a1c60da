/* fc-report-writer.h — writes FcReports as text for people, JSON for programs and
 * CSV for spreadsheets.  The JSON layout is described by
 * docs/report.schema.json; it is written by fc-json-writer, without
 * json-glib.
 */
#pragma once

#include <glib.h>

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

/* The same with one more string member, name, at the entry's end (the
 * export filter's "marked" or "marked_error"); NULL name adds none
 * (transfer full). */
char *fc_report_workbook_to_json_with (const FcReport *report, const char *path,
                                       const char *error, const char *name,
                                       const char *value, gboolean pretty);

/* Reading an entry back is fc_report_from_json() in fc-report-jsonglib.h:
 * it needs json-glib, which the add-in must not. */

/* One finding per CRLF-terminated line under the header
 * path,rule,severity,table,message,cells,expected,actual,difference
 * (RFC 4180 quoting, UTF-8, no BOM).  cells is "sheet!C12; sheet!D12";
 * amounts have 2 decimals, empty when the finding has none.  NULL reports
 * (unreadable workbooks) write no line (transfer full). */
char *fc_report_to_csv (const FcReport *const *reports,
                        const char *const *paths, guint n);

G_END_DECLS
