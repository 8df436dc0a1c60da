/* fc-pdf-split.h — a package's pages split into its tables and its text.
 *
 * A table starts at its title, the nearest line naming a 表 above its unit
 * line (单位：万元; 表号, 部门名称 and 年度 may stand between), or a title
 * ending in 自评表, takes the 表号 line above the title with it, runs
 * over pages until its notes (注：, 说明：) end it or the next title starts,
 * and each page's share is a segment of its own (its columns are found per
 * page).  Everything else but page numbers is the narrative, in order.
 * Internal to the PDF reader (fc-pdf.h).
 */
#pragma once

#include <glib.h>

#include "fc-pdf-text.h"

G_BEGIN_DECLS

typedef struct {
  char *title;          /* as printed, lines joined (owned) */
  char *number;         /* the 表号 line (公开01表), or NULL (owned) */
  char *unit;           /* the unit line (单位：万元), or NULL (owned) */
  guint page;           /* where the title is */
  GPtrArray *segments;  /* of GPtrArray of FcPdfLine* (borrowed), one a page */
  GPtrArray *notes;     /* of FcPdfLine* (borrowed) */
  GPtrArray *head;      /* of FcPdfLine* (borrowed): 部门名称, 年度 … between title and unit */
} FcPdfTable;

typedef struct {
  GPtrArray *tables;    /* of FcPdfTable* (owned) */
  GPtrArray *narrative; /* of FcPdfLine* (borrowed), in reading order */
  GPtrArray *parts;     /* of FcPdfLine* (owned, their fragments borrowed): lines split off */
} FcPdfSplit;

/* Splits pages (of FcPdfPage*, which the result borrows) (transfer full). */
FcPdfSplit *fc_pdf_split (GPtrArray *pages);
void fc_pdf_split_free (FcPdfSplit *split);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPdfSplit, fc_pdf_split_free)

/* Whether the line is a unit line: 单位：万元, 金额单位：元 … */
gboolean fc_pdf_line_is_unit (const FcPdfLine *line);

G_END_DECLS
