/* fc-pdf-table.h — a table of the package, all its pages, as the rows of
 * its sheet: 表号, title, unit, header, data, notes.
 *
 * Each page's segment is a grid of its own (fc-pdf-grid.h); a page that
 * continues the table is joined under the first by its columns' places (a
 * repeated header dropped), or, when they do not line up one to one, by
 * their order when the counts agree; otherwise the table is unsure.
 * Internal to the PDF reader (fc-pdf.h).
 */
#pragma once

#include <glib.h>

#include "fc-pdf-grid.h"
#include "fc-pdf-split.h"

G_BEGIN_DECLS

typedef struct {
  guint n_cols;
  GPtrArray *rows;     /* of FcPdfCell[n_cols] (owned, with their texts) */
  guint first_data;    /* the first row of data (after the header) */
  char *problem;       /* why the table is not rebuilt, or NULL (owned) */
  char *problem_en;
  guint problem_page;
} FcPdfSheet;

/* The rows of table (transfer full, never NULL). */
FcPdfSheet *fc_pdf_table_rebuild (const FcPdfTable *table);
void fc_pdf_sheet_free (FcPdfSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPdfSheet, fc_pdf_sheet_free)

G_END_DECLS
