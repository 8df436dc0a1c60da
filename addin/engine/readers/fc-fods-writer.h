/* fc-fods-writer.h — writes an FcWorkbook as a flat ODF spreadsheet
 * (.fods), the inverse of fc-fods.h: what `fiscalcheck import` writes for
 * a PDF, and what the office converts to .ods.
 *
 * Values only, in a document Calc opens as is: numbers as float cells
 * (their exact value, shown as the engine shows them), text as string
 * cells (one text:p per line, runs of spaces and tabs kept), every
 * character escaped.  XML 1.0 cannot carry control characters: each one
 * other than tab and line feed is written as its Unicode control picture
 * (U+0001 → U+2401 "␁"), so the text stays visible and the document
 * stays well formed.  Sheet names are made legal for Calc (no []*?:/\,
 * no leading or trailing apostrophe, not empty, unique regardless of
 * case).
 */
#pragma once

#include <glib.h>

#include "fc-workbook.h"

G_BEGIN_DECLS

/* The flat ODS document of workbook (transfer full).  names, when not
 * NULL, holds one name per sheet that replaces the sheet's own; either
 * way the names are made legal and unique. */
char *fc_fods_write_data (const FcWorkbook *workbook, const char *const *names);

/* The same written to path; errors name the file. */
gboolean fc_fods_write_file (const FcWorkbook *workbook, const char *const *names,
                             const char *path, GError **error);

/* name as a legal Calc sheet name (transfer full). */
char *fc_fods_legal_sheet_name (const char *name);

G_END_DECLS
