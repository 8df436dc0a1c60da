/* fc-fods.h — reads flat ODF spreadsheets (.fods) into an FcWorkbook
 * without LibreOffice, for tests, fuzzers and the command line.
 *
 * Values only: styles, formulas' text, merges and annotations are ignored.
 * Each sheet is sized to its used area (up to its last non-empty row and
 * column), so the 1048576-row repeats LibreOffice writes cost nothing.
 * Elements are matched by the standard prefixes (office:, table:, text:),
 * which is what LibreOffice writes.
 */
#pragma once

#include <glib.h>

#include "fc-workbook.h"

G_BEGIN_DECLS

/* The most cells (after expanding repeats) the reader keeps per document;
 * larger documents fail with FC_ERROR_READ rather than exhausting memory. */
#define FC_FODS_MAX_CELLS (1u << 22)

/* Parses a flat ODS document.  Returns NULL and sets FC_ERROR_READ (with
 * line and position for malformed XML) on failure (transfer full). */
FcWorkbook *fc_fods_read_data (const char *data, gsize len, GError **error);

/* The same from a file; errors name the file (transfer full). */
FcWorkbook *fc_fods_read_file (const char *path, GError **error);

G_END_DECLS
