/* fc-own-sheets.h — the sheets FiscalCheck itself adds to a workbook (the
 * hidden bookkeeping sheet of the marks and the report sheet it names),
 * which are no disclosure tables and are never checked.  Pure: works on the
 * workbook as read, so the check needs nothing of the marks' code. */
#pragma once

#include "fc-workbook.h"

G_BEGIN_DECLS

/* The hidden sheet that keeps what Validate changed (menu/fc-mark-store.h),
 * and the text its A1 holds, by which we know it is ours. */
#define FC_MARK_STORE_SHEET "_FiscalCheck"
#define FC_MARK_STORE_MAGIC "FiscalCheck marks v1"

/* The report sheet the bookkeeping sheet of workbook names, or NULL when it
 * has none or the sheet of that name is not ours (transfer none: in
 * workbook). */
const char *fc_own_sheets_report_sheet (const FcWorkbook *workbook);

/* Removes our own sheets from workbook: the bookkeeping sheet and the
 * report sheet it names. */
void fc_own_sheets_remove (FcWorkbook *workbook);

G_END_DECLS
