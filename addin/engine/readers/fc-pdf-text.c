/* fc-pdf-text.c — a page's characters into fragments and lines (see
 * fc-pdf-text.h).
 *
 * poppler hands the characters in its reading order with one box each
 * (spaces and line ends included).  A fragment ends where the next
 * character is not printed right after it: a gap wider than half the text
 * height (the space between table columns is several times that; the
 * spacing of justified Chinese text a fraction of it), a jump up or down,
 * a step back.  Lines are formed from the fragments' vertical bands, not
 * from poppler's order, which may run down one column of a table first.
 */
#include "fc-pdf-text.h"

#include <math.h>
#include <string.h>

#include "fc-amount.h"

/* a gap wider than this × the text height ends a fragment */
#define FC_PDF_GAP 0.5
/* two fragments whose bands overlap by this × the smaller height share a line */
#define FC_PDF_LINE_OVERLAP 0.4
/* points around the page whose characters are read (see fc_pdf_page_read) */
#define FC_PDF_PAGE_MARGIN 5.0

FcPdfFragment *
fc_pdf_fragment_new (const char *text, double x0, double y0, double x1, double y1, guint page)
{
  FcPdfFragment *f = g_new0 (FcPdfFragment, 1);

  f->text = g_strdup (text);
  f->x0 = x0, f->y0 = y0, f->x1 = x1, f->y1 = y1;
  f->page = page;
  return f;
}

void
fc_pdf_fragment_free (FcPdfFragment *fragment)
{
  if (fragment == NULL)
    return;
  g_free (fragment->text);
  g_free (fragment);
}

void
fc_pdf_line_free (FcPdfLine *line)
{
  if (line == NULL)
    return;
  g_ptr_array_unref (line->fragments);
  g_free (line);
}

void
fc_pdf_page_free (FcPdfPage *page)
{
  if (page == NULL)
    return;
  if (page->lines != NULL)
    g_ptr_array_unref (page->lines);
  g_free (page);
}

/* Whether c is a Latin letter or digit: the only characters between which
 * a joined line keeps a space. */
static gboolean
is_latin (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((int) c);
}

char *
fc_pdf_text_join (const char *a, const char *b)
{
  const char *end;
  gboolean space;

  if (a == NULL || *a == '\0')
    return g_strdup (b != NULL ? b : "");
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  end = g_utf8_find_prev_char (a, a + strlen (a));
  /* "5377." + "64" is one number, "the" + "year" two words */
  space = end != NULL && is_latin (g_utf8_get_char (end)) && is_latin (g_utf8_get_char (b))
          && !g_ascii_isdigit (*b);
  return g_strconcat (a, space ? " " : "", b, NULL);
}

char *
fc_pdf_line_text (const FcPdfLine *line)
{
  char *text = g_strdup ("");

  for (guint i = 0; i < line->fragments->len; i++)
    {
      const FcPdfFragment *f = line->fragments->pdata[i];
      char *next = f->space_before && *text != '\0' ? g_strconcat (text, " ", f->text, NULL)
                                                     : fc_pdf_text_join (text, f->text);

      g_free (text);
      text = next;
    }
  return text;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
fc_pdf_line_height (const FcPdfLine *line)
{
  guint n = line->fragments->len;
  g_autofree double *h = g_new (double, MAX (n, 1));

  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      const FcPdfFragment *f = line->fragments->pdata[i];
      h[i] = f->y1 - f->y0;
    }
  qsort (h, n, sizeof *h, compare_double);
  return h[n / 2];
}

/* Characters an amount is written with. */
static gboolean
is_amount_char (gunichar c)
{
  return (c < 0x80 && (g_ascii_isdigit ((int) c) || c == '.' || c == ',' || c == '-'))
         || c == 0xff0c /* ， in 1，234 */;
}

/* Whether c is a Chinese character. */
static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* How many Chinese characters run from p on (at most 8). */
static guint
han_run (const char *p)
{
  guint n = 0;

  for (; *p != '\0' && n < 8 && is_han (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    n++;
  return n;
}

/* Chinese is written without spaces: a space the text layer puts between
 * two long runs of Chinese is the gap between two texts that fill their
 * cells (Calc with a CJK font prints 一般公共预算财政 政府性基金预算财, three
 * headings, that close).  Short words spaced inside one cell (上缴 上级
 * 支出) stay one text. */
#define FC_PDF_HAN_CELL 4

/* Appends the fragment being built (if any) to out. */
static void
flush (GString *text, const PopplerRectangle *box, guint page, gboolean space_before,
       GPtrArray *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text->str));

  if (*stripped != '\0' && isfinite (box->x1) && isfinite (box->y1) && isfinite (box->x2)
      && isfinite (box->y2))
    {
      FcPdfFragment *f = fc_pdf_fragment_new (stripped, box->x1, box->y1, box->x2, box->y2, page);
      f->space_before = space_before;
      g_ptr_array_add (out, f);
    }
  g_string_truncate (text, 0);
}

/* The characters and their boxes as fragments (transfer full). */
static GPtrArray *
fragments_from_layout (const char *text, const PopplerRectangle *boxes, guint n_boxes, guint page)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_fragment_free);
  g_autoptr (GString) current = g_string_new (NULL);
  PopplerRectangle box = { 0 };
  gboolean pending_space = FALSE, space_before = FALSE;
  gunichar prev = 0;
  guint i = 0, han_before = 0;

  for (const char *p = text; *p != '\0' && i < n_boxes && i < FC_PDF_MAX_PAGE_CHARS;
       p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      const PopplerRectangle *b = &boxes[i];
      double h, gap, dy;

      if (c == '\n' || c == '\r')
        {
          flush (current, &box, page, space_before, out);
          pending_space = space_before = FALSE;
          continue;
        }
      if (g_unichar_isspace (c) || c == 0x3000 || !g_unichar_validate (c) || c < 0x20)
        {
          pending_space = current->len > 0;
          continue;
        }
      if (!(b->x2 >= b->x1 && b->y2 >= b->y1))
        continue; /* a box that is not one */
      if (current->len > 0)
        {
          h = MAX (MAX (box.y2 - box.y1, b->y2 - b->y1), 1.0);
          gap = b->x1 - box.x2;
          dy = fabs ((b->y1 + b->y2) / 2 - (box.y1 + box.y2) / 2);
          /* an amount right-aligned in its cell and the text of the next
           * cell may nearly touch (Calc): a visible gap between a digit and
           * a letter ends the fragment too */
          gboolean class_change = is_amount_char (prev) != is_amount_char (c);
          if (gap > FC_PDF_GAP * h || gap < -0.5 * h || dy > 0.5 * h
              || (class_change && gap > 0.15 * h)
              /* the digits of one number abut; 4816.14|302 from two cells do not */
              || (!class_change && is_amount_char (c) && gap > 0.12 * h)
              || (pending_space && han_before >= FC_PDF_HAN_CELL && han_run (p) >= FC_PDF_HAN_CELL))
            {
              flush (current, &box, page, space_before, out);
              space_before = pending_space;
              pending_space = FALSE;
            }
        }
      if (current->len == 0)
        box = *b;
      else
        {
          if (pending_space)
            g_string_append_c (current, ' ');
          box.x1 = MIN (box.x1, b->x1), box.y1 = MIN (box.y1, b->y1);
          box.x2 = MAX (box.x2, b->x2), box.y2 = MAX (box.y2, b->y2);
        }
      han_before = pending_space || !is_han (c) ? (guint) is_han (c) : han_before + 1;
      pending_space = FALSE;
      g_string_append_unichar (current, c);
      prev = c;
    }
  flush (current, &box, page, space_before, out);
  return out;
}

static int
compare_center (gconstpointer a, gconstpointer b)
{
  const FcPdfFragment *f = *(FcPdfFragment *const *) a, *g = *(FcPdfFragment *const *) b;
  double x = f->y0 + f->y1, y = g->y0 + g->y1;

  return x < y ? -1 : x > y ? 1 : (f->x0 > g->x0) - (f->x0 < g->x0);
}

static int
compare_x (gconstpointer a, gconstpointer b)
{
  const FcPdfFragment *f = *(FcPdfFragment *const *) a, *g = *(FcPdfFragment *const *) b;

  return (f->x0 > g->x0) - (f->x0 < g->x0);
}

static int
compare_line (gconstpointer a, gconstpointer b)
{
  const FcPdfLine *l = *(FcPdfLine *const *) a, *m = *(FcPdfLine *const *) b;
  double x = l->y0 + l->y1, y = m->y0 + m->y1;

  return (x > y) - (x < y);
}

/* Whether f may join line: bands overlapping enough, and no fragment of
 * the line where f is printed. */
static gboolean
fits_line (const FcPdfLine *line, double band0, double band1, const FcPdfFragment *f)
{
  double h = MIN (f->y1 - f->y0, band1 - band0);
  double overlap = MIN (f->y1, band1) - MAX (f->y0, band0);

  if (h <= 0 || overlap < FC_PDF_LINE_OVERLAP * h)
    return FALSE;
  for (guint i = 0; i < line->fragments->len; i++)
    {
      const FcPdfFragment *g = line->fragments->pdata[i];

      if (MIN (f->x1, g->x1) - MAX (f->x0, g->x0) > 0.5 * MIN (f->x1 - f->x0, g->x1 - g->x0))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
fc_pdf_lines_from_fragments (GPtrArray *fragments)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_line_free);
  g_autoptr (GArray) bands = g_array_new (FALSE, FALSE, sizeof (double) * 2);

  g_ptr_array_sort (fragments, compare_center);
  for (guint i = 0; i < fragments->len; i++)
    {
      FcPdfFragment *f = fragments->pdata[i];
      FcPdfLine *line = NULL;

      fragments->pdata[i] = NULL;
      /* the lines still reaching down to f: the last few */
      for (guint k = lines->len; k > 0 && line == NULL; k--)
        {
          const double *band = &g_array_index (bands, double, (k - 1) * 2);
          FcPdfLine *candidate = lines->pdata[k - 1];

          if (band[1] < f->y0 - 2 * (f->y1 - f->y0))
            break;
          if (fits_line (candidate, band[0], band[1], f))
            line = candidate;
        }
      if (line == NULL)
        {
          double band[2] = { f->y0, f->y1 };

          line = g_new0 (FcPdfLine, 1);
          line->fragments = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_fragment_free);
          line->y0 = f->y0, line->y1 = f->y1, line->page = f->page;
          g_ptr_array_add (lines, line);
          g_array_append_vals (bands, band, 1);
        }
      line->y0 = MIN (line->y0, f->y0), line->y1 = MAX (line->y1, f->y1);
      g_ptr_array_add (line->fragments, f);
    }
  g_ptr_array_set_size (fragments, 0);
  for (guint k = 0; k < lines->len; k++)
    g_ptr_array_sort (((FcPdfLine *) lines->pdata[k])->fragments, compare_x);
  g_ptr_array_sort (lines, compare_line);
  return lines;
}

FcPdfPage *
fc_pdf_page_from_layout (const char *text, const PopplerRectangle *boxes, guint n_boxes,
                         guint number, double width, double height)
{
  FcPdfPage *page = g_new0 (FcPdfPage, 1);
  g_autoptr (GPtrArray) fragments = NULL;

  page->number = number;
  page->width = width, page->height = height;
  if (text == NULL || boxes == NULL || !g_utf8_validate (text, -1, NULL))
    {
      page->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_line_free);
      return page;
    }
  page->n_chars = (guint) MIN (g_utf8_strlen (text, -1), G_MAXUINT);
  fragments = fragments_from_layout (text, boxes, n_boxes, number);
  page->lines = fc_pdf_lines_from_fragments (fragments);
  return page;
}

FcPdfPage *
fc_pdf_page_read (PopplerPage *page, guint number)
{
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *boxes = NULL;
  PopplerRectangle area;
  guint n_boxes = 0;
  double width = 0, height = 0;

  poppler_page_get_size (page, &width, &height);
  /* the page and a margin: poppler takes only the characters whose boxes
   * lie wholly in the area, and Calc's titles rise above the page's top
   * edge by a hair with some CJK fonts (WenQuanYi Zen Hei: 0.008 pt) */
  area.x1 = -FC_PDF_PAGE_MARGIN, area.y1 = -FC_PDF_PAGE_MARGIN;
  area.x2 = width + FC_PDF_PAGE_MARGIN, area.y2 = height + FC_PDF_PAGE_MARGIN;
  text = poppler_page_get_text_for_area (page, &area);
  if (text == NULL || !poppler_page_get_text_layout_for_area (page, &area, &boxes, &n_boxes))
    return fc_pdf_page_from_layout (NULL, NULL, 0, number, width, height);
  return fc_pdf_page_from_layout (text, boxes, n_boxes, number, width, height);
}

gboolean
fc_pdf_text_is_number (const char *text)
{
  double value;
  gboolean digit = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    digit |= g_ascii_isdigit (*p);
  return digit && fc_amount_parse_text (text, &value);
}

gboolean
fc_pdf_text_is_code (const char *text)
{
  gsize n = strlen (text);

  if (n < 2 || n > 9)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

gboolean
fc_pdf_text_starts_item (const char *text)
{
  static const char *const numerals = "一二三四五六七八九十";
  const char *p = text;

  if (g_str_has_prefix (p, "第") && strstr (p, "部分") != NULL && strstr (p, "部分") - p < 18)
    return TRUE;
  if (g_str_has_prefix (p, "（") || g_str_has_prefix (p, "("))
    {
      const char *q = g_utf8_next_char (p), *start = q;

      while (*q != '\0' && (g_ascii_isdigit (*q)
                             || g_utf8_strchr (numerals, -1, g_utf8_get_char (q)) != NULL))
        q = g_utf8_next_char (q);
      return q != start && (g_str_has_prefix (q, "）") || g_str_has_prefix (q, ")"));
    }
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      return g_str_has_prefix (p, "、") || g_str_has_prefix (p, "．")
             || (*p == '.' && !g_ascii_isdigit (p[1]));
    }
  while (*p != '\0' && g_utf8_strchr (numerals, -1, g_utf8_get_char (p)) != NULL)
    p = g_utf8_next_char (p);
  return p != text && g_str_has_prefix (p, "、");
}

/* Whether text holds an amount with decimals (12.50, 1,234.00). */
gboolean
fc_pdf_text_holds_amount (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && p[1] == '.' && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
        && !g_ascii_isdigit (p[4]))
      return TRUE;
  return FALSE;
}

/* Whether text is a number with more than two decimals: no amount is
 * printed so, two amounts run together are (4816.14302). */
gboolean
fc_pdf_text_too_precise (const char *text)
{
  const char *dot = strchr (text, '.');
  guint decimals = 0;

  if (dot == NULL || !fc_pdf_text_is_number (text))
    return FALSE;
  for (const char *p = dot + 1; g_ascii_isdigit (*p); p++)
    decimals++;
  return decimals > 2;
}
