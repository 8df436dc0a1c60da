/* fc-cli-pdf.h — `fiscalcheck check x.pdf`: a published package read by
 * the PDF reader (addin/engine/readers/fc-pdf.h) in the command's own
 * process and checked by the same engine the office's filter runs, with
 * the same shipped rules and the --rules files.  No office is started for
 * a PDF: reading and checking it costs a fraction of an office's start.
 * The entry is written where the filter's would be, so the report merges
 * it like any other.
 */
#pragma once

#include <glib.h>

#include "fc-cli-batch.h"
#include "fc-engine.h"
#include "fc-pdf.h"

G_BEGIN_DECLS

/* Whether path is a PDF: its extension (.pdf, any case). */
gboolean fc_cli_pdf_is_pdf (const char *path);

/* The shipped rules (FISCALCHECK_SHIPPED_RULES, else the ones built in),
 * then each of rules (NULL-terminated, may be NULL) (transfer full). */
FcEngine *fc_cli_pdf_engine_new (const char *const *rules, GError **error);

/* The check of a package read from a PDF: the engine's findings, each
 * naming the page and the printed words of its first cell, plus one I.3
 * warning for each table the reader could not rebuild (transfer full);
 * NULL with FC_ERROR_NO_TABLES when no table was recognised. */
FcReport *fc_cli_pdf_report (const FcEngine *engine, const FcPdfPackage *package,
                             const char *only, GError **error);

/* Reads and checks the PDF at path and writes its entry to item->output,
 * or sets item->error (a 部门预算, a scan, a damaged PDF …, or one not
 * read in timeout_s seconds, or that crashed the reader: the reading runs
 * in a child process).  When read is not NULL and the entry was written,
 * *read is the package (read again, transfer full): --marked-dir stages
 * its workbook. */
void fc_cli_pdf_check (const FcEngine *engine, const char *path, const char *only,
                       guint timeout_s, FcPdfPackage **read, FcCliItem *item);

/* --marked-dir for a PDF: its workbook was staged as .ods and checked by
 * the office like any workbook (marked is that staged item, or NULL when
 * it could not be staged, why_not saying why); the marked copy it made
 * (or why there is none) goes into the PDF's own entry. */
void fc_cli_pdf_take_marked (FcCliItem *item, const FcCliItem *marked, const char *why_not);

G_END_DECLS
