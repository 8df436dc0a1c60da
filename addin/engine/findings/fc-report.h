/* fc-report.h — the findings of one workbook (FcReport) and where its
 * tables were found; fc-report-writer.h turns a report into text, JSON or
 * CSV.
 */
#pragma once

#include <glib.h>

#include "fc-finding.h"

G_BEGIN_DECLS

/* Where a table was found: for reports. */
typedef struct {
  char *table;   /* "01" … "10" */
  char *title;   /* the title as found */
  char *sheet;
  guint first_row, last_row, first_col, last_col; /* 0-based, inclusive */
} FcTableLocation;

typedef struct {
  GPtrArray *findings;  /* of FcFinding*, owned, in the order found */
  GPtrArray *tables;    /* of FcTableLocation*, owned */
} FcReport;

FcReport *fc_report_new (void);
void fc_report_free (FcReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcReport, fc_report_free)

/* Takes ownership of finding. */
void fc_report_add_finding (FcReport *report, FcFinding *finding);
void fc_report_add_table (FcReport *report, const char *table, const char *title,
                          const char *sheet, guint first_row, guint last_row,
                          guint first_col, guint last_col);
guint fc_report_count (const FcReport *report, FcSeverity severity);

G_END_DECLS
