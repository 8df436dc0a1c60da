/* fc-pdf-grid.c — one table's lines on one page into a grid (see
 * fc-pdf-grid.h).
 *
 * Columns: the x ranges that the body's lines cover, split where (almost)
 * no line prints anything — a label that runs over an empty neighbour in
 * one row (Calc's PDFs) does not join two columns.  Rows: lines joined by
 * union-find, never two lines that both hold numbers (each is a row of its
 * own): a cell's text wrapped onto the next line (its first line fills the
 * column), the lines of a wrapped name around the line that holds its code
 * and amounts, and two lines a fraction of a line apart whose cells do not
 * collide (an amount printed lower than its name).
 */
#include "fc-pdf-grid.h"

#include <math.h>
#include <string.h>

#include "fc-amount.h"

/* bins of the coverage histogram: half a point, at most this many */
#define FC_GRID_MAX_BINS 8192
/* a column gap: covered by at most this share of the body's lines */
#define FC_GRID_GAP_SHARE 0.1
/* a cell's text continues on the next line when the gap is below this × h */
#define FC_GRID_WRAP_GAP 0.8
/* lines this × h apart (centres) whose cells do not collide are one row */
#define FC_GRID_OFFSET 0.8

void
fc_pdf_grid_free (FcPdfGrid *grid)
{
  if (grid == NULL)
    return;
  for (guint i = 0; i < grid->n_rows * grid->n_cols; i++)
    g_free (grid->cells[i].text);
  g_free (grid->cells);
  g_free (grid->col_x0);
  g_free (grid->col_x1);
  g_free (grid->problem);
  g_free (grid->problem_en);
  g_free (grid);
}

FcPdfCell *
fc_pdf_grid_cell (const FcPdfGrid *grid, guint row, guint col)
{
  return &grid->cells[(gsize) row * grid->n_cols + col];
}

typedef struct {
  GPtrArray *lines;   /* borrowed */
  guint n;
  double h;           /* typical text height */
  int first_body;     /* first line holding a number, or -1 */
  gboolean *main;     /* line holds a number */
  guint *parent;      /* union-find over lines */
  gboolean *has_main; /* per root: its set holds a main line */
  GArray *x0, *x1;    /* column extents */
  GHashTable *col_of; /* FcPdfFragment* → column + 1 */
  int unsure_line;    /* a line too close to the one above to tell rows apart, or -1 */
} Build;

static guint
find (Build *b, guint i)
{
  while (b->parent[i] != i)
    i = b->parent[i] = b->parent[b->parent[i]];
  return i;
}

/* Joins the sets of lines i and j unless both hold a number already. */
static gboolean
unite (Build *b, guint i, guint j)
{
  guint a = find (b, i), c = find (b, j);

  if (a == c)
    return TRUE;
  if (b->has_main[a] && b->has_main[c])
    return FALSE;
  if (c < a)
    {
      guint t = a;
      a = c, c = t;
    }
  b->parent[c] = a;
  b->has_main[a] |= b->has_main[c];
  return TRUE;
}

static double
median_height (GPtrArray *lines)
{
  g_autoptr (GArray) h = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < lines->len; i++)
    {
      const FcPdfLine *line = lines->pdata[i];

      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *f = line->fragments->pdata[k];
          double v = f->y1 - f->y0;

          g_array_append_val (h, v);
        }
    }
  if (h->len == 0)
    return 10;
  for (guint i = 1; i < h->len; i++) /* insertion sort: a page has few fragments */
    for (guint k = i; k > 0 && g_array_index (h, double, k - 1) > g_array_index (h, double, k); k--)
      {
        double t = g_array_index (h, double, k);
        g_array_index (h, double, k) = g_array_index (h, double, k - 1);
        g_array_index (h, double, k - 1) = t;
      }
  return MAX (g_array_index (h, double, h->len / 2), 1.0);
}

/* The columns: runs of x that more than a few body lines print on. */
static void
find_columns (Build *b)
{
  guint first = b->first_body >= 0 ? (guint) b->first_body : 0;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, step;
  guint n_bins, n_lines = b->n - first, threshold;
  g_autofree guint *coverage = NULL, *seen = NULL;
  g_autofree guint8 *number = NULL;

  for (guint i = first; i < b->n; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *f = line->fragments->pdata[k];
          lo = MIN (lo, f->x0), hi = MAX (hi, f->x1);
        }
    }
  if (!(hi > lo) || !isfinite (hi - lo))
    {
      double zero = 0, one = 1;
      g_array_append_val (b->x0, zero);
      g_array_append_val (b->x1, one);
      return;
    }
  n_bins = (guint) MIN ((hi - lo) / 0.5 + 1, FC_GRID_MAX_BINS);
  step = (hi - lo) / n_bins;
  coverage = g_new0 (guint, n_bins);
  seen = g_new0 (guint, n_bins);
  number = g_new0 (guint8, n_bins);
  for (guint i = first; i < b->n; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *f = line->fragments->pdata[k];
          guint a = (guint) CLAMP ((f->x0 - lo) / step, 0, n_bins - 1);
          guint z = (guint) CLAMP ((f->x1 - lo) / step, 0, n_bins - 1);
          gboolean is_number = fc_pdf_text_is_number (f->text);
          for (guint x = a; x <= z; x++)
            {
              if (seen[x] != i + 1) /* each line once */
                seen[x] = i + 1, coverage[x]++;
              number[x] |= is_number; /* an amount never runs over its cell */
            }
        }
    }
  threshold = (guint) (n_lines * FC_GRID_GAP_SHARE);
  for (guint x = 0; x < n_bins;)
    {
      guint end;
      double x0, x1;

      if (coverage[x] <= threshold && !number[x])
        {
          x++;
          continue;
        }
      for (end = x; end < n_bins && (coverage[end] > threshold || number[end]); end++)
        ;
      x0 = lo + x * step, x1 = lo + end * step;
      g_array_append_val (b->x0, x0);
      g_array_append_val (b->x1, x1);
      x = end;
    }
  if (b->x0->len == 0)
    {
      g_array_append_val (b->x0, lo);
      g_array_append_val (b->x1, hi);
    }
}

/* The line holding fragment f (transfer none). */
static const FcPdfLine *
line_of_fragment (const Build *b, const FcPdfFragment *f)
{
  for (guint i = 0; i < b->n; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        if (line->fragments->pdata[k] == f)
          return line;
    }
  return NULL;
}

/* Where the next text of f's line starts (G_MAXDOUBLE: none). */
static double
next_start (const Build *b, const FcPdfFragment *f)
{
  const FcPdfLine *line = line_of_fragment (b, f);
  double next = G_MAXDOUBLE;

  for (guint k = 0; line != NULL && k < line->fragments->len; k++)
    {
      const FcPdfFragment *g = line->fragments->pdata[k];
      if (g->x0 > f->x0 && g->x0 < next)
        next = g->x0;
    }
  return next;
}

/* Headings written at the left of their cells (Calc's default): the one
 * column of amounts whose right edge — the cell's — lies between f's
 * start and the start of the next heading of its line, or -1. */
static int
left_aligned_column (const Build *b, const FcPdfFragment *f)
{
  double next = next_start (b, f);
  int found = -1;

  if (line_of_fragment (b, f) == NULL || b->first_body < 0)
    return -1;
  for (guint c = 0; c < b->x0->len; c++)
    {
      double x0 = g_array_index (b->x0, double, c), x1 = g_array_index (b->x1, double, c);
      gboolean numbers = FALSE;

      if (x1 < f->x0 || x1 >= next || x0 < f->x0 - b->h)
        continue;
      for (guint i = (guint) b->first_body; i < b->n && !numbers; i++)
        {
          const FcPdfLine *l = b->lines->pdata[i];
          for (guint k = 0; k < l->fragments->len && !numbers; k++)
            {
              const FcPdfFragment *g = l->fragments->pdata[k];
              numbers = fc_pdf_text_is_number (g->text) && !fc_pdf_text_is_code (g->text)
                        && g->x1 >= x0 && g->x1 <= x1 + 0.5;
            }
        }
      if (!numbers)
        continue;
      if (found >= 0)
        return -1; /* two: not sure */
      found = (int) c;
    }
  return found;
}

/* A column of texts only whose longest text ends just before f: a
 * heading centred over a wide column of short names (Calc), or -1. */
static int
text_column_left_of (const Build *b, const FcPdfFragment *f)
{
  int best = -1;
  double best_right = -G_MAXDOUBLE;

  for (guint c = 0; c < b->x0->len; c++)
    {
      double right = -G_MAXDOUBLE;
      gboolean numbers = FALSE, texts = FALSE;

      if (g_array_index (b->x0, double, c) >= f->x0)
        continue;
      for (guint i = (guint) b->first_body; i < b->n; i++)
        {
          const FcPdfLine *line = b->lines->pdata[i];
          for (guint k = 0; k < line->fragments->len; k++)
            {
              const FcPdfFragment *g = line->fragments->pdata[k];
              if (GPOINTER_TO_UINT (g_hash_table_lookup (b->col_of, g)) != c + 1)
                continue;
              if (fc_pdf_text_is_number (g->text))
                numbers = TRUE;
              else
                texts = TRUE, right = MAX (right, g->x1);
            }
        }
      if (texts && !numbers && right > best_right)
        best_right = right, best = (int) c;
    }
  if (best < 0 || f->x0 < best_right || f->x0 - best_right >= 3 * b->h)
    return -1;
  /* not when a heading of the same line already names that column (科目名称
   * | 决算数 of an empty column beside it) */
  for (guint i = 0; i < b->n; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];
      gboolean mine = FALSE;

      for (guint k = 0; k < line->fragments->len && !mine; k++)
        mine = line->fragments->pdata[k] == f;
      if (!mine)
        continue;
      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *g = line->fragments->pdata[k];
          if (g != f && g->x1 <= f->x0 && g->x1 > g_array_index (b->x0, double, best))
            return -1;
        }
    }
  return best;
}

/* The column of the body texts printed under f (a heading centred over
 * a wide column of left-aligned names, past most of them), or -1. */
static int
body_column_under (const Build *b, const FcPdfFragment *f)
{
  if (b->first_body < 0)
    return -1;
  for (guint i = (guint) b->first_body; i < b->n; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *g = line->fragments->pdata[k];
          guint c = GPOINTER_TO_UINT (g_hash_table_lookup (b->col_of, g));
          if (c > 0 && !fc_pdf_text_is_number (g->text) && MIN (f->x1, g->x1) - MAX (f->x0, g->x0) > 0)
            return (int) c - 1;
        }
    }
  return text_column_left_of (b, f);
}

static int
compare_extent (gconstpointer a, gconstpointer b)
{
  const double *x = a, *y = b;

  return (x[0] > y[0]) - (x[0] < y[0]);
}

/* Whether heading f starts in the last character of column c's texts and
 * runs on past them: the heading of the next cell, which the column's
 * texts reach into because they were cut at that cell's edge in the middle
 * of a character (Calc clips a text at a filled neighbour; a CJK font
 * makes labels that long).  Such a heading is not over column c. */
static gboolean
starts_in_tail (const Build *b, const FcPdfFragment *f, guint c)
{
  double x0 = g_array_index (b->x0, double, c), x1 = g_array_index (b->x1, double, c);

  if (!(f->x0 > x0 + b->h && f->x0 < x1 && x1 - f->x0 < b->h && f->x1 > x1 + 0.5 * b->h)
      || b->first_body < 0)
    return FALSE;
  for (guint i = (guint) b->first_body; i < b->n; i++) /* a column of labels, not of amounts */
    {
      const FcPdfLine *line = b->lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *g = line->fragments->pdata[k];
          if (GPOINTER_TO_UINT (g_hash_table_lookup (b->col_of, g)) == c + 1
              && fc_pdf_text_is_number (g->text))
            return FALSE;
        }
    }
  return TRUE;
}

/* Columns the body leaves empty but the header names (收入决算表's 事业收入
 * in a package without any): each header text printed over no body column
 * makes one, merged with those it overlaps. */
static void
add_header_columns (Build *b)
{
  g_autoptr (GArray) extents = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  guint n_body = b->x0->len;

  if (b->first_body <= 0)
    return;
  for (guint c = 0; c < n_body; c++)
    {
      double e[2] = { g_array_index (b->x0, double, c), g_array_index (b->x1, double, c) };
      g_array_append_vals (extents, e, 1);
    }
  for (guint i = 0; i < (guint) b->first_body; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];

      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *f = line->fragments->pdata[k];
          gboolean over = FALSE;

          for (guint c = 0; c < n_body && !over; c++)
            over = MIN (f->x1, g_array_index (b->x1, double, c))
                   - MAX (f->x0, g_array_index (b->x0, double, c)) > 0
                   && !starts_in_tail (b, f, c);
          if (over || left_aligned_column (b, f) >= 0 || body_column_under (b, f) >= 0)
            continue; /* over a column, or over the long texts of one */
          for (guint c = n_body; c < extents->len && !over; c++)
            {
              double *e = &g_array_index (extents, double, c * 2);
              if (MIN (f->x1, e[1]) - MAX (f->x0, e[0]) > 0)
                {
                  e[0] = MIN (e[0], f->x0), e[1] = MAX (e[1], f->x1);
                  over = TRUE;
                }
            }
          if (!over)
            {
              double e[2] = { f->x0, f->x1 };
              g_array_append_vals (extents, e, 1);
            }
        }
    }
  if (extents->len == n_body)
    return;
  g_array_sort (extents, compare_extent);
  g_array_set_size (b->x0, 0);
  g_array_set_size (b->x1, 0);
  for (guint c = 0; c < extents->len; c++)
    {
      g_array_append_val (b->x0, g_array_index (extents, double, c * 2));
      g_array_append_val (b->x1, g_array_index (extents, double, c * 2 + 1));
    }
}

/* The column a fragment is printed in: a number by its right edge (amounts
 * are right-aligned), a body text by its left edge, a header text by the
 * first column whose middle it spans (a heading over several columns
 * stands in the first, as in a merged cell). */
static guint
column_of (const Build *b, const FcPdfFragment *f, gboolean header)
{
  guint n = b->x0->len, best = 0;
  double best_d = G_MAXDOUBLE, best_overlap = 0;
  gboolean number = fc_pdf_text_is_number (f->text);

  if (header && !number)
    {
      int under;

      for (guint c = 0; c < n; c++)
        {
          double mid = (g_array_index (b->x0, double, c) + g_array_index (b->x1, double, c)) / 2;
          if (f->x0 <= mid && mid <= f->x1)
            return c;
        }
      for (guint c = 0; c < n; c++)
        if (MIN (f->x1, g_array_index (b->x1, double, c)) - MAX (f->x0, g_array_index (b->x0, double, c)) > 0
            && !starts_in_tail (b, f, c))
          return c;
      if ((under = left_aligned_column (b, f)) >= 0 || (under = body_column_under (b, f)) >= 0)
        return (guint) under;
    }
  for (guint c = 0; c < n; c++)
    {
      double x0 = g_array_index (b->x0, double, c), x1 = g_array_index (b->x1, double, c);
      double edge = number ? f->x1 : f->x0;
      double overlap = MIN (x1, f->x1) - MAX (x0, f->x0);

      if (edge >= x0 - 0.5 && edge <= x1 + 0.5)
        return c;
      if (overlap > best_overlap)
        best_overlap = overlap, best = c, best_d = 0;
      else if (best_overlap <= 0)
        {
          double d = edge < x0 ? x0 - edge : edge - x1;
          if (d < best_d)
            best_d = d, best = c;
        }
    }
  return best;
}

static guint
col (const Build *b, const FcPdfFragment *f)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (b->col_of, f)) - 1;
}

/* The fragment of line i in column c, or NULL. */
static const FcPdfFragment *
in_column (const Build *b, guint i, guint c)
{
  const FcPdfLine *line = b->lines->pdata[i];

  for (guint k = 0; k < line->fragments->len; k++)
    if (col (b, line->fragments->pdata[k]) == c)
      return line->fragments->pdata[k];
  return NULL;
}

/* Whether a line holding numbers lies between the top line of set root
 * and line j. */
static gboolean
main_between (Build *b, guint root, guint j)
{
  for (guint k = root + 1; k < j; k++)
    if (b->main[k])
      return TRUE;
  return FALSE;
}

/* The line whose text in column c continues the text of line i there
 * (see join_wrapped), or -1. */
static int
continues (Build *b, guint c, guint i, double right, guint reach)
{
  const FcPdfFragment *f = in_column (b, i, c), *g = NULL;
  gboolean header = b->first_body < 0 || (int) i < b->first_body;
  guint j;

  if (f == NULL || fc_pdf_text_is_number (f->text))
    return -1;
  for (j = i + 1; j < b->n && g == NULL; j++)
    g = in_column (b, j, c);
  if (g == NULL || fc_pdf_text_is_number (g->text) || fc_pdf_text_starts_item (g->text)
      || g->y0 - f->y1 > FC_GRID_WRAP_GAP * b->h || g->y0 < f->y1 - 0.5 * b->h)
    return -1;
  j--;
  if (header)
    {
      double cf = (f->x0 + f->x1) / 2, cg = (g->x0 + g->x1) / 2;
      if (fabs (cf - cg) > b->h && fabs (f->x0 - g->x0) > 0.5 * b->h)
        return -1;
    }
  else if (f->x1 < right - 1.2 * b->h || reach < 2)
    return -1; /* f does not fill its column: its cell ends there */
  if (b->main[i] && b->main[j])
    return -1;
  return (int) j;
}

/* Wrapped text: the next text below f in its column continues f's cell
 * when it follows closely and either f fills the column (the body: it was
 * wrapped because it did not fit) or, in the header, the two are centred
 * or aligned alike. */
static void
join_wrapped (Build *b)
{
  guint n_cols = b->x0->len;
  g_autofree double *right = g_new0 (double, n_cols);
  g_autofree guint *reach = g_new0 (guint, n_cols);

  for (guint i = 0; i < b->n; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *f = line->fragments->pdata[k];
          if (!fc_pdf_text_is_number (f->text))
            right[col (b, f)] = MAX (right[col (b, f)], f->x1);
        }
    }
  /* how many texts fill their column: the longest label alone may just be
   * the longest, two or more reaching the edge are wrapped */
  for (guint i = 0; i < b->n; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *f = line->fragments->pdata[k];
          if (!fc_pdf_text_is_number (f->text) && f->x1 >= right[col (b, f)] - 1.2 * b->h)
            reach[col (b, f)]++;
        }
    }
  for (guint c = 0; c < n_cols; c++)
    for (guint i = 0; i < b->n; i++)
      {
        const FcPdfFragment *f = in_column (b, i, c);
        int j = continues (b, c, i, right[c], reach[c]);

        if (f == NULL || j < 0)
          continue;
        if (!b->main[i] && b->main[j] && continues (b, c, (guint) j, right[c], reach[c]) < 0)
          continue; /* text before a row's own: only the first of three lines round it */
        if (b->main[j] && main_between (b, find (b, i), (guint) j))
          continue; /* f's cell already went round another row's numbers */
        unite (b, i, (guint) j);
      }
}

/* The extent of line i's set. */
static void
set_extent (const Build *b, guint root, double *y0, double *y1)
{
  *y0 = G_MAXDOUBLE, *y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < b->n; i++)
    if (find ((Build *) b, i) == root)
      {
        const FcPdfLine *line = b->lines->pdata[i];
        *y0 = MIN (*y0, line->y0), *y1 = MAX (*y1, line->y1);
      }
}

/* Whether the sets of roots r and s print in the same column. */
static gboolean
collide (Build *b, guint r, guint s)
{
  guint n_cols = b->x0->len;
  g_autofree guint8 *used = g_new0 (guint8, n_cols);

  for (guint i = 0; i < b->n; i++)
    {
      guint root = find (b, i);
      const FcPdfLine *line = b->lines->pdata[i];

      if (root != r && root != s)
        continue;
      for (guint k = 0; k < line->fragments->len; k++)
        {
          guint c = col (b, line->fragments->pdata[k]);
          guint8 bit = root == r ? 1 : 2;
          if (used[c] & (3 ^ bit))
            return TRUE;
          used[c] |= bit;
        }
    }
  return FALSE;
}

/* Sets of text lines around a line of numbers (a name wrapped over two
 * lines, its code and amounts printed between them) join it; then sets a
 * fraction of a line apart that do not collide. */
static void
join_around (Build *b)
{
  if (b->first_body < 0)
    return;
  for (guint i = (guint) b->first_body; i < b->n; i++)
    {
      guint r = find (b, i);
      double y0, y1, best_d = G_MAXDOUBLE;
      int best = -1;

      if (r != i || b->has_main[r])
        continue;
      set_extent (b, r, &y0, &y1);
      for (guint j = (guint) b->first_body; j < b->n; j++)
        {
          const FcPdfLine *m = b->lines->pdata[j];
          double mid = (m->y0 + m->y1) / 2, d = fabs (mid - (y0 + y1) / 2);

          if (b->main[j] && mid > y0 && mid < y1 && d < best_d && !collide (b, r, find (b, j)))
            best_d = d, best = (int) j;
        }
      if (best >= 0)
        unite (b, r, (guint) best);
    }
  for (guint i = 1; i < b->n; i++)
    {
      const FcPdfLine *l = b->lines->pdata[i - 1], *m = b->lines->pdata[i];
      guint r = find (b, i - 1), s = find (b, i);

      if (r == s || fabs ((l->y0 + l->y1) / 2 - (m->y0 + m->y1) / 2) >= FC_GRID_OFFSET * b->h)
        continue;
      if (collide (b, r, s))
        {
          /* printed over each other: which row an amount belongs to is a guess */
          if (b->main[i - 1] && b->main[i] && b->unsure_line < 0)
            b->unsure_line = (int) i;
          continue;
        }
      if (b->has_main[r] && b->has_main[s])
        {
          /* an amount printed lower than its code: join in spite of both
           * holding numbers, so allow it explicitly */
          guint a = MIN (r, s), c = MAX (r, s);
          b->parent[c] = a;
          continue;
        }
      unite (b, r, s);
    }
}

/* Whether line holds a 科目编码 (3 to 7 digits) left of x: its row is
 * known by the code, whatever its name says. */
static gboolean
coded_left_of (const FcPdfLine *line, double x)
{
  for (guint k = 0; k < line->fragments->len; k++)
    {
      const FcPdfFragment *g = line->fragments->pdata[k];
      gsize n = strlen (g->text);
      if (g->x1 <= x && n >= 3 && n <= 7 && fc_pdf_text_is_code (g->text))
        return TRUE;
    }
  return FALSE;
}

/* Labels cut at their cell's edge: a heading that starts in the last
 * character of a column of labels is the next cell's (starts_in_tail), so
 * a label reaching past it while that cell of its row is filled was cut
 * there — Calc prints only what fits beside a filled cell.  A row known
 * by its label alone (01's 一、一般公共服务支 for 一般公共服务支出) could
 * then not be told, and its amounts would be read as another's or as
 * missing: the grid is unsure.  Rows with a code are known by the code. */
static void
check_cut_labels (Build *b, FcPdfGrid *grid)
{
  const FcPdfLine *head;

  if (b->first_body <= 0)
    return;
  /* the header's last line: the cells' own headings, not one centred over
   * several (收入 over 项目 | 决算数) */
  head = b->lines->pdata[b->first_body - 1];
  for (guint k = 0; k < head->fragments->len; k++)
    {
      const FcPdfFragment *h = head->fragments->pdata[k];
      double next = next_start (b, h);

      for (guint c = 0; c < b->x0->len; c++)
        {
          if (!starts_in_tail (b, h, c))
            continue;
          for (guint j = (guint) b->first_body; j < b->n; j++)
            {
              const FcPdfLine *line = b->lines->pdata[j];
              const FcPdfFragment *cut = NULL;
              gboolean filled = FALSE;

              for (guint q = 0; q < line->fragments->len; q++)
                {
                  const FcPdfFragment *g = line->fragments->pdata[q];
                  /* cut: past the edge by less than a character */
                  if (col (b, g) == c && !fc_pdf_text_is_number (g->text) && g->x1 > h->x0 + 0.5
                      && g->x1 < h->x0 + b->h)
                    cut = g;
                  else if (g->x0 >= h->x0 - 0.5 && g->x0 < next)
                    filled = TRUE;
                }
              if (cut == NULL || !filled || coded_left_of (line, cut->x0))
                continue;
              grid->problem = g_strdup_printf ("第%u页：“%s”在单元格边上被截断，该行无法按名称识别",
                                               cut->page, cut->text);
              grid->problem_en = g_strdup_printf ("page %u: “%s” is cut at its cell's edge: its "
                                                  "row cannot be told by its name",
                                                  cut->page, cut->text);
              return;
            }
        }
    }
}

/* Writes the sets as rows. */
static FcPdfGrid *
emit (Build *b)
{
  FcPdfGrid *grid = g_new0 (FcPdfGrid, 1);
  g_autofree int *row_of = g_new (int, b->n);
  guint n_rows = 0;

  for (guint i = 0; i < b->n; i++)
    row_of[i] = -1;
  for (guint i = 0; i < b->n; i++)
    {
      guint r = find (b, i);
      if (row_of[r] < 0)
        row_of[r] = (int) n_rows++;
      if (b->first_body >= 0 && (int) i < b->first_body)
        grid->n_header_rows = (guint) row_of[r] + 1;
    }
  if (b->first_body < 0)
    grid->n_header_rows = n_rows; /* an empty table: header and its labels */
  grid->n_rows = n_rows;
  grid->n_cols = b->x0->len;
  grid->cells = g_new0 (FcPdfCell, (gsize) MAX (n_rows, 1) * grid->n_cols);
  grid->col_x0 = g_memdup2 (b->x0->data, sizeof (double) * b->x0->len);
  grid->col_x1 = g_memdup2 (b->x1->data, sizeof (double) * b->x1->len);
  for (guint i = 0; i < b->n; i++)
    {
      const FcPdfLine *line = b->lines->pdata[i];
      guint row = (guint) row_of[find (b, i)];

      for (guint k = 0; k < line->fragments->len; k++)
        {
          const FcPdfFragment *f = line->fragments->pdata[k];
          FcPdfCell *cell = fc_pdf_grid_cell (grid, row, col (b, f));

          if (cell->text != NULL && grid->problem == NULL
              && (fc_pdf_text_is_number (cell->text) || fc_pdf_text_is_number (f->text))
              && row >= grid->n_header_rows)
            {
              grid->problem = g_strdup_printf ("第%u页：“%s”与“%s”落在同一格", f->page,
                                               cell->text, f->text);
              grid->problem_en = g_strdup_printf ("page %u: “%s” and “%s” fall into one cell",
                                                  f->page, cell->text, f->text);
            }
          if (cell->text == NULL)
            {
              cell->text = g_strdup (f->text);
              cell->page = f->page;
              cell->x0 = f->x0, cell->x1 = f->x1;
            }
          else
            {
              cell->x0 = MIN (cell->x0, f->x0), cell->x1 = MAX (cell->x1, f->x1);
              char *joined = fc_pdf_text_join (cell->text, f->text);
              g_free (cell->text);
              cell->text = joined;
            }
        }
    }
  return grid;
}

void
fc_pdf_grid_check_header (FcPdfGrid *grid)
{
  for (guint c = 0; c < grid->n_cols && grid->problem == NULL && grid->n_header_rows > 0
                   && grid->n_header_rows < grid->n_rows; c++)
    {
      gboolean amounts = FALSE, named = FALSE;

      for (guint r = grid->n_header_rows; r < grid->n_rows && !amounts; r++)
        {
          const char *t = fc_pdf_grid_cell (grid, r, c)->text;
          amounts = t != NULL && fc_pdf_text_is_number (t) && strchr (t, '.') != NULL;
        }
      for (guint r = 0; r < grid->n_header_rows && !named; r++)
        named = fc_pdf_grid_cell (grid, r, c)->text != NULL;
      for (guint k = c; k > 0 && !named; k--) /* or under a heading spanning it */
        {
          for (guint r = 0; r < grid->n_header_rows && !named; r++)
            {
              const FcPdfCell *h = fc_pdf_grid_cell (grid, r, k - 1);
              named = h->text != NULL && h->x1 >= grid->col_x0[c];
            }
        }
      if (amounts && !named)
        {
          grid->problem = g_strdup_printf ("第%u页：第%u列的金额上方没有表头，列与表头对不上",
                                           fc_pdf_grid_cell (grid, grid->n_header_rows, 0)->page
                                             ? fc_pdf_grid_cell (grid, grid->n_header_rows, 0)->page
                                             : 0, c + 1);
          grid->problem_en = g_strdup_printf ("column %u holds amounts under no heading: the "
                                              "columns and the header do not line up", c + 1);
        }
    }
}

/* A heading over several columns (本年支出 over 合计 | 基本支出 | 项目支出)
 * is printed centred over them and may stand in any: move it to the first
 * of the widest run of columns, each with a heading below it, that it is
 * centred over — where a merged cell's text stands. */
static void
place_spanning_headings (FcPdfGrid *grid, double h)
{
  for (guint r = 0; r + 1 < grid->n_header_rows; r++)
    for (guint c = 0; c < grid->n_cols; c++)
      {
        FcPdfCell *cell = fc_pdf_grid_cell (grid, r, c);
        double mid;
        int best_a = -1, best_width = 0;

        if (cell->text == NULL)
          continue;
        mid = (cell->x0 + cell->x1) / 2;
        for (guint a = 0; a <= c; a++)
          for (guint z = c; z < grid->n_cols; z++)
            {
              gboolean covered = TRUE;

              for (guint k = a; k <= z && covered; k++)
                {
                  covered = FALSE;
                  for (guint below = r + 1; below < grid->n_header_rows && !covered; below++)
                    covered = fc_pdf_grid_cell (grid, below, k)->text != NULL;
                }
              if (covered && z > a && (int) (z - a) > best_width
                  && ABS ((grid->col_x0[a] + grid->col_x1[z]) / 2 - mid) < 1.5 * h)
                best_a = (int) a, best_width = (int) (z - a);
            }
        if (best_a >= 0 && (guint) best_a != c
            && fc_pdf_grid_cell (grid, r, (guint) best_a)->text == NULL)
          {
            *fc_pdf_grid_cell (grid, r, (guint) best_a) = *cell;
            memset (cell, 0, sizeof *cell);
          }
      }
}

FcPdfGrid *
fc_pdf_grid_build (GPtrArray *lines)
{
  Build b = { 0 };
  FcPdfGrid *grid;

  b.lines = lines;
  b.n = lines->len;
  b.h = median_height (lines);
  b.first_body = -1;
  b.unsure_line = -1;
  b.main = g_new0 (gboolean, MAX (b.n, 1));
  b.parent = g_new0 (guint, MAX (b.n, 1));
  b.has_main = g_new0 (gboolean, MAX (b.n, 1));
  b.x0 = g_array_new (FALSE, FALSE, sizeof (double));
  b.x1 = g_array_new (FALSE, FALSE, sizeof (double));
  b.col_of = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < b.n; i++)
    {
      const FcPdfLine *line = lines->pdata[i];

      b.parent[i] = i;
      for (guint k = 0; k < line->fragments->len && !b.main[i]; k++)
        b.main[i] = fc_pdf_text_is_number (((FcPdfFragment *) line->fragments->pdata[k])->text);
      b.has_main[i] = b.main[i];
      if (b.main[i] && b.first_body < 0)
        b.first_body = (int) i;
    }
  find_columns (&b);
  /* the body's fragments first: a heading may be placed by the texts under it */
  for (guint i = b.first_body >= 0 ? (guint) b.first_body : b.n; i < b.n; i++)
    {
      const FcPdfLine *line = lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        g_hash_table_insert (b.col_of, line->fragments->pdata[k],
                             GUINT_TO_POINTER (column_of (&b, line->fragments->pdata[k], FALSE) + 1));
    }
  add_header_columns (&b);
  g_hash_table_remove_all (b.col_of); /* columns may have been added */
  for (guint i = b.first_body >= 0 ? (guint) b.first_body : b.n; i < b.n; i++)
    {
      const FcPdfLine *line = lines->pdata[i];
      for (guint k = 0; k < line->fragments->len; k++)
        g_hash_table_insert (b.col_of, line->fragments->pdata[k],
                             GUINT_TO_POINTER (column_of (&b, line->fragments->pdata[k], FALSE) + 1));
    }
  for (guint i = 0; i < b.n; i++)
    {
      const FcPdfLine *line = lines->pdata[i];
      gboolean header = b.first_body < 0 || (int) i < b.first_body;

      if (!header)
        continue;
      for (guint k = 0; k < line->fragments->len; k++)
        g_hash_table_insert (b.col_of, line->fragments->pdata[k],
                             GUINT_TO_POINTER (column_of (&b, line->fragments->pdata[k], header) + 1));
    }
  if (g_getenv ("FC_PDF_DEBUG") != NULL)
    {
      for (guint c = 0; c < b.x0->len; c++)
        g_printerr ("col %u: %.1f-%.1f\n", c, g_array_index (b.x0, double, c), g_array_index (b.x1, double, c));
      for (guint i = 0; i < b.n; i++)
        {
          const FcPdfLine *line = lines->pdata[i];
          g_printerr ("line %u%s [%.1f,%.1f]:", i, b.main[i] ? "*" : "", line->y0, line->y1);
          for (guint k = 0; k < line->fragments->len; k++)
            {
              const FcPdfFragment *f = line->fragments->pdata[k];
              g_printerr (" {%s %.1f-%.1f c%u}", f->text, f->x0, f->x1, col (&b, f));
            }
          g_printerr ("\n");
        }
    }
  join_wrapped (&b);
  join_around (&b);
  grid = emit (&b);
  for (guint i = 0; i < grid->n_rows * grid->n_cols && grid->problem == NULL; i++)
    {
      const FcPdfCell *cell = &grid->cells[i];
      if (cell->text != NULL && ((!fc_pdf_text_is_number (cell->text) && fc_pdf_text_holds_amount (cell->text))
                                 || fc_pdf_text_too_precise (cell->text)))
        {
          /* an amount run into a text: its figure would be read as blank */
          grid->problem = g_strdup_printf ("第%u页：金额与文字连在一起：“%s”", cell->page, cell->text);
          grid->problem_en = g_strdup_printf ("page %u: an amount run into text: “%s”", cell->page,
                                              cell->text);
        }
    }
  if (b.unsure_line >= 0 && grid->problem == NULL)
    {
      const FcPdfLine *line = lines->pdata[b.unsure_line];
      g_autofree char *text = fc_pdf_line_text (line);
      grid->problem = g_strdup_printf ("第%u页：“%s”与上一行重叠，分不清属于哪一行", line->page, text);
      grid->problem_en = g_strdup_printf ("page %u: “%s” overlaps the line above: its row is "
                                          "unclear", line->page, text);
    }
  if (grid->problem == NULL)
    check_cut_labels (&b, grid);
  place_spanning_headings (grid, b.h);
  g_free (b.main);
  g_free (b.parent);
  g_free (b.has_main);
  g_array_unref (b.x0);
  g_array_unref (b.x1);
  g_hash_table_unref (b.col_of);
  return grid;
}
