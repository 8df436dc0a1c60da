/* fc-pdf-narrative.c — lines of text into paragraphs (see
 * fc-pdf-narrative.h). */
#include "fc-pdf-narrative.h"

#include <math.h>

#include "fc-pdf-grid.h"

void
fc_pdf_paragraph_free (FcPdfParagraph *paragraph)
{
  if (paragraph == NULL)
    return;
  g_free (paragraph->text);
  g_free (paragraph);
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The left and right margins of a page's (0: all pages') body text: the medians of the
 * edges of its long lines (a paragraph's inner lines run from margin to
 * margin). */
static void
margins (GPtrArray *lines, guint page, double *left, double *right)
{
  g_autoptr (GArray) x0 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) x1 = g_array_new (FALSE, FALSE, sizeof (double));
  double widest = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const FcPdfLine *l = lines->pdata[i];
      const FcPdfFragment *a, *z;

      if ((page != 0 && l->page != page) || l->fragments->len == 0)
        continue;
      a = l->fragments->pdata[0], z = l->fragments->pdata[l->fragments->len - 1];
      widest = MAX (widest, z->x1 - a->x0);
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const FcPdfLine *l = lines->pdata[i];
      const FcPdfFragment *a, *z;

      if ((page != 0 && l->page != page) || l->fragments->len == 0)
        continue;
      a = l->fragments->pdata[0], z = l->fragments->pdata[l->fragments->len - 1];
      if (z->x1 - a->x0 >= 0.7 * widest)
        {
          g_array_append_val (x0, a->x0);
          g_array_append_val (x1, z->x1);
        }
    }
  if (x0->len == 0)
    {
      *left = 0, *right = G_MAXDOUBLE;
      return;
    }
  qsort (x0->data, x0->len, sizeof (double), compare_double);
  qsort (x1->data, x1->len, sizeof (double), compare_double);
  *left = g_array_index (x0, double, x0->len / 2);
  *right = g_array_index (x1, double, x1->len / 2);
}

/* The height of the text of most lines. */
static double
body_height (GPtrArray *lines)
{
  g_autoptr (GArray) h = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < lines->len; i++)
    {
      double v = fc_pdf_line_height (lines->pdata[i]);
      g_array_append_val (h, v);
    }
  if (h->len == 0)
    return 1;
  qsort (h->data, h->len, sizeof (double), compare_double);
  return MAX (g_array_index (h, double, h->len / 2), 1);
}

/* Whether the line is centred between the margins, clear of both. */
static gboolean
centred (const FcPdfLine *line, double left, double right, double h)
{
  const FcPdfFragment *a = line->fragments->pdata[0];
  const FcPdfFragment *z = line->fragments->pdata[line->fragments->len - 1];

  return a->x0 > left + 2 * h && z->x1 < right - 2 * h
         && ABS ((a->x0 + z->x1) / 2 - (left + right) / 2) < 2 * h;
}

/* The widest gap between two fragments of the line. */
static double
max_gap (const FcPdfLine *line)
{
  double gap = 0;

  for (guint k = 1; k < line->fragments->len; k++)
    gap = MAX (gap, ((FcPdfFragment *) line->fragments->pdata[k])->x0
                    - ((FcPdfFragment *) line->fragments->pdata[k - 1])->x1);
  return gap;
}

GPtrArray *
fc_pdf_paragraphs (GPtrArray *lines)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_paragraph_free);
  FcPdfParagraph *current = NULL;
  gboolean prev_full = FALSE, prev_columns = FALSE, prev_centred = FALSE;
  guint current_lines = 0;
  gboolean prev_big = FALSE;
  double body_h = body_height (lines);
  guint margin_page = 0;
  double left = 0, right = 0, all_left = 0, all_right = 0;

  margins (lines, 0, &all_left, &all_right); /* a cover page's lines are all centred */
  for (guint i = 0; i < lines->len; i++)
    {
      const FcPdfLine *l = lines->pdata[i];
      const FcPdfFragment *a, *z;
      g_autofree char *text = NULL;
      double h = fc_pdf_line_height (l);
      gboolean starts, columns;

      if (l->fragments->len == 0)
        continue;
      if (l->page != margin_page)
        {
          margins (lines, l->page, &left, &right);
          margin_page = l->page;
        }
      a = l->fragments->pdata[0], z = l->fragments->pdata[l->fragments->len - 1];
      text = fc_pdf_line_text (l);
      columns = max_gap (l) > 3 * h; /* a line printed in columns is a row of its own */
      starts = current == NULL || !prev_full || a->x0 > left + 1.2 * h
               || fc_pdf_text_starts_item (text) || columns || prev_columns;
      /* a centred heading wrapped over two centred lines is one heading */
      if (current != NULL && prev_centred && centred (l, all_left, all_right, h) && current->page == l->page
          && !fc_pdf_text_starts_item (text) && !columns)
        starts = FALSE;
      /* a title in a large font over several lines (a cover) is one */
      if (current != NULL && prev_big && h > 1.4 * body_h && current->page == l->page
          && !fc_pdf_text_starts_item (text))
        starts = FALSE;
      /* a part's heading (第三部分 …) wrapped: its short second line */
      if (current != NULL && current_lines == 1 && g_str_has_prefix (current->text, "第")
          && fc_pdf_text_starts_item (current->text) && !fc_pdf_text_starts_item (text)
          && g_utf8_strlen (text, -1) <= 12 && !columns)
        starts = FALSE;
      /* punctuation never starts a paragraph: a line begun with 。 goes on */
      if (current != NULL && g_utf8_strchr ("。，、；：）”", -1, g_utf8_get_char (text)) != NULL)
        starts = FALSE;
      if (columns)
        {
          /* a small table in the text: each cell a paragraph of its own, as
           * in a sheet, and its numbers are no text (a sheet's number cells
           * are not read as narrative either) */
          for (guint k = 0; k < l->fragments->len; k++)
            {
              const FcPdfFragment *f = l->fragments->pdata[k];
              if (fc_pdf_text_is_number (f->text))
                continue;
              current = g_new0 (FcPdfParagraph, 1);
              current->text = g_strdup (f->text);
              current->page = l->page;
              g_ptr_array_add (out, current);
            }
          current = NULL;
          prev_full = FALSE, prev_columns = TRUE, prev_centred = FALSE, prev_big = FALSE;
          current_lines = 0;
          continue;
        }
      if (starts)
        {
          current = g_new0 (FcPdfParagraph, 1);
          current->text = g_steal_pointer (&text);
          current->page = l->page;
          g_ptr_array_add (out, current);
          current_lines = 0;
        }
      else
        {
          char *joined = fc_pdf_text_join (current->text, text);
          g_free (current->text);
          current->text = joined;
        }
      prev_full = z->x1 >= right - 1.5 * h;
      prev_columns = columns;
      prev_centred = centred (l, all_left, all_right, h);
      prev_big = h > 1.4 * body_h;
      current_lines++;
    }
  return out;
}
