/* fc-findings-table.h — the value of FISCALCHECKFINDINGS(): the findings as
 * a table of texts for an array formula.  Columns: severity (错误/警告/提示),
 * rule, table, message (zh-CN), cells ("Sheet!C12; Sheet!D12"), expected,
 * actual, difference (amounts with 2 decimals, "" when a finding has none).
 *
 * Every table has a header row and at least one more row: Calc replicates
 * a one-row (or 1×1) array over the whole array-formula range, so a lone
 * "no findings" text would fill every cell of it.
 */
#pragma once

#include "fc-report.h"
#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_FINDINGS_TABLE_COLUMNS 8
#define FC_FINDINGS_TABLE_NONE "无问题 / no findings"

/* A table is a GPtrArray of rows; a row is a GStrv of
 * FC_FINDINGS_TABLE_COLUMNS UTF-8 texts.  The array frees its rows. */

/* The header, then one row per finding of report, errors first, then
 * warnings, then notes, each in the order found; a single
 * FC_FINDINGS_TABLE_NONE row when there are none (transfer full). */
GPtrArray *fc_findings_table_new (const FcReport *report);

/* The header and one row with text in its first column: what the table
 * shows when the document could not be checked (transfer full). */
GPtrArray *fc_findings_table_new_text (const char *text);

gboolean fc_findings_table_equal (const GPtrArray *a, const GPtrArray *b);

/* Constructs the table as a sequence< sequence< string > > into
 * uninitialised any memory. */
void fc_findings_table_to_any (const GPtrArray *table, uno_Any *any);

G_END_DECLS
