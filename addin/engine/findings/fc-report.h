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
  char *label;   /* the 表号 as printed ("公开09表"), "" when the package prints none */
  char *sheet;
  guint first_row, last_row, first_col, last_col; /* 0-based, inclusive */
} FcTableLocation;

/* Which narrative (情况说明) the check read: the reader must never take a
 * package whose narrative was not checked for one that passed. */
typedef enum {
  FC_REPORT_NARRATIVE_NOT_LOOKED = 0, /* no selected rule reads the narrative */
  FC_REPORT_NARRATIVE_NONE,           /* looked for, found nowhere */
  FC_REPORT_NARRATIVE_SHEET,          /* pasted into the workbook: narrative_name is its sheet */
  FC_REPORT_NARRATIVE_DOCUMENT,       /* a separate document: narrative_name is its name */
  FC_REPORT_NARRATIVE_UNREADABLE      /* a separate document that could not be read (N.0) */
} FcReportNarrative;

typedef struct {
  GPtrArray *findings;  /* of FcFinding*, owned, in the order found */
  GPtrArray *tables;    /* of FcTableLocation*, owned */
  FcReportNarrative narrative;
  char *narrative_name; /* owned; "" unless a sheet or a document */
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

/* What the package calls table ("01"): its 表号 as printed, else its title
 * as printed (a package without 表号, like Shanghai's), else "公开01表";
 * "" for no table.  transfer none, or a string that *buffer owns (free it). */
const char *fc_report_table_name (const FcReport *report, const char *table, char **buffer);

/* Notes which narrative was read (name copied; NULL is ""). */
void fc_report_set_narrative (FcReport *report, FcReportNarrative narrative, const char *name);

/* One line saying which narrative was checked, or plainly that none was
 * ("未找到情况说明，情况说明未核对"), in zh-CN (en_us FALSE) or en-US; NULL
 * when the check did not look for one (transfer full). */
char *fc_report_narrative_line (const FcReport *report, gboolean en_us);

G_END_DECLS
