/* fc-pdf-text.h — a PDF page's text layer as lines of fragments.
 *
 * poppler gives every character of a page with its box; a fragment is a
 * run of characters printed side by side (a word, an amount, a cell's line
 * of text), a line the fragments that share a baseline band.  Positions are
 * in points, the origin at the top left of the page.  Internal to the PDF
 * reader (fc-pdf.h).
 */
#pragma once

#include <glib.h>
#include <poppler.h>

G_BEGIN_DECLS

/* The most characters a page is read with: a page of a real package has a
 * few thousand; a hostile one is cut here rather than taking minutes (and
 * the reader then refuses the document, fc-pdf.c). */
#define FC_PDF_MAX_PAGE_CHARS 200000

typedef struct {
  char *text;             /* UTF-8 as printed, no surrounding spaces (owned) */
  double x0, y0, x1, y1;  /* its box */
  guint page;             /* 1-based */
  gboolean space_before;  /* the text layer has a space between it and the fragment before */
} FcPdfFragment;

typedef struct {
  GPtrArray *fragments;   /* of FcPdfFragment* (owned), left to right */
  double y0, y1;          /* the band: union of the fragments' boxes */
  guint page;
} FcPdfLine;

typedef struct {
  guint number;           /* 1-based */
  double width, height;
  GPtrArray *lines;       /* of FcPdfLine* (owned), top down */
  guint n_chars;          /* characters of the text layer, spaces included */
} FcPdfPage;

/* The page's text layer as lines (transfer full, never NULL: a page
 * without text has no lines). */
FcPdfPage *fc_pdf_page_read (PopplerPage *page, guint number);

/* The same from characters and their boxes, one box per character of text
 * (what poppler_page_get_text_layout gives): lets the tests and the
 * fuzzer build pages without a PDF (transfer full). */
FcPdfPage *fc_pdf_page_from_layout (const char *text, const PopplerRectangle *boxes,
                                    guint n_boxes, guint number, double width, double height);

void fc_pdf_page_free (FcPdfPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPdfPage, fc_pdf_page_free)

FcPdfFragment *fc_pdf_fragment_new (const char *text, double x0, double y0, double x1,
                                    double y1, guint page);
void fc_pdf_fragment_free (FcPdfFragment *fragment);

/* Groups fragments (of FcPdfFragment*, taken over) into lines, top down
 * (transfer full: of FcPdfLine*). */
GPtrArray *fc_pdf_lines_from_fragments (GPtrArray *fragments);
void fc_pdf_line_free (FcPdfLine *line);

/* The line's text: its fragments joined, with a space where the text
 * layer has one, else only between two Latin words (transfer full). */
char *fc_pdf_line_text (const FcPdfLine *line);

/* Joins two texts the way a line break inside a cell or paragraph is read:
 * no space, except between two Latin words (transfer full). */
char *fc_pdf_text_join (const char *a, const char *b);

/* The typical height of text on the line (the median of its fragments). */
double fc_pdf_line_height (const FcPdfLine *line);

/* Whether text is printed as a number: an amount (9,746.50, 0.00, -3) or a
 * code (2080505). */
gboolean fc_pdf_text_is_number (const char *text);

/* Whether text is a 科目编码: 3 to 7 digits alone, or split 类 | 款 | 项. */
gboolean fc_pdf_text_is_code (const char *text);

/* Whether text starts as a row or paragraph of its own does: 一、 （一）
 * 1. 1、 (1) 第一部分. */
gboolean fc_pdf_text_starts_item (const char *text);

/* Whether text holds an amount with decimals (12.50, 1,234.00). */
gboolean fc_pdf_text_holds_amount (const char *text);

/* Whether text is a number with more than two decimals: no amount is
 * printed so, two amounts run together are (4816.14302). */
gboolean fc_pdf_text_too_precise (const char *text);

G_END_DECLS
