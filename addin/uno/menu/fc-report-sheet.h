/* fc-report-sheet.h — the 审核结果 sheet Validate writes, in the office's
 * UI language: the counts, which narrative was checked, then one row per
 * finding, errors first, then warnings, then notes (severity, rule, the
 * table as the package names it, the message — the other language in a
 * hidden column —, expected, actual and difference with two decimals or
 * as percentages, and a link to each cell involved, styled as a link).
 */
#pragma once

#include "fc-report.h"
#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_REPORT_SHEET_NAME "审核结果"
/* The layout a click on the sheet reads (fc-report-click.h): the header's
 * row and the first cell link's column, 0-based; a finding per row below. */
#define FC_REPORT_SHEET_HEADER_ROW 4
#define FC_REPORT_SHEET_FIRST_LINK_COL 9

/* Appends the report sheet to document, named FC_REPORT_SHEET_NAME, or
 * "审核结果 2" … when a sheet of the user's already has that name, and
 * records it in the bookkeeping (fc-mark-store.h) so that Clear marks
 * removes it.  Returns the sheet's name (transfer full), or NULL. */
char *fc_report_sheet_write (uno_Interface *document, const FcReport *report, GError **error);

/* The summary line: counts by severity in zh-CN and en-US (transfer full). */
char *fc_report_sheet_summary (const FcReport *report);

G_END_DECLS
