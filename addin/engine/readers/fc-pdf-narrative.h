/* fc-pdf-narrative.h — the text outside the tables as paragraphs.
 *
 * A paragraph goes on from line to line (and over a page end) until a line
 * is indented, starts an item (一、 （一） 1. 第三部分), or follows a line
 * that stopped short of the right margin.  Lines are joined without a
 * space, so a number broken at a line end (5377. / 64) is whole again.
 * Internal to the PDF reader (fc-pdf.h).
 */
#pragma once

#include <glib.h>

#include "fc-pdf-text.h"

G_BEGIN_DECLS

typedef struct {
  char *text;  /* owned */
  guint page;  /* where it starts */
} FcPdfParagraph;

void fc_pdf_paragraph_free (FcPdfParagraph *paragraph);

/* The paragraphs of lines (of FcPdfLine*, borrowed, in reading order)
 * (transfer full: of FcPdfParagraph*). */
GPtrArray *fc_pdf_paragraphs (GPtrArray *lines);

G_END_DECLS
