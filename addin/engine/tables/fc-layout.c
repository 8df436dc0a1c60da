/* fc-layout.c — finding a table's header, key columns and 栏次 (see
 * fc-layout.h).
 *
 * The header is the band of rows between the title and the first row of
 * data.  Each amount column is named by the header texts above it (a text
 * merged over several columns stands only in the first of them, so it is
 * carried right over the columns it spans), and those words are matched
 * with the catalogue's 栏次 of the table: the most specific match wins.  A
 * printed 栏次 row numbers what the words do not name.
 */
#include "fc-layout.h"

#include <string.h>

#include "fc-cells.h"
#include "fc-table-row.h"
#include "fc-text.h"

#define FC_HEADER_SCAN_ROWS 16  /* titles are followed by at most this many header rows */
#define FC_MAX_COLUMN_NUMBER 64 /* the widest standard table has 12 栏次 */
#define FC_CODE_KEY_MAX_CHARS 14 /* "支出功能分类科目编码"; longer texts are sentences */

static const char *const *
words (const FcLayout *l, FcWords which)
{
  return fc_catalogue_words (l->catalogue, which);
}

void
fc_layout_add_problem (FcLayout *l, const char *zh, const char *en)
{
  g_ptr_array_add (l->problems, g_strdup (zh));
  g_ptr_array_add (l->problems, g_strdup (en));
}

/* ---- words -------------------------------------------------------------- */

/* A 科目代码 label: one of the code words, or a short text ending in one
 * (支出功能分类科目编码). */
static gboolean
is_code_key (const FcLayout *l, const char *n)
{
  /* every name cell of a table comes here: bytes compared, not characters */
  const char *const *codes = words (l, FC_WORDS_CODE);
  gsize len = strlen (n);
  glong chars = 0;
  if (len > FC_CODE_KEY_MAX_CHARS * 4) /* more bytes than 4 a character: longer for sure */
    return fc_text_is_one_of (n, codes);
  for (const char *p = n; *p; p++)
    chars += ((guchar) *p & 0xC0) != 0x80;
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      gsize word = strlen (codes[i]);
      if (word <= len && memcmp (n + len - word, codes[i], word) == 0
          && (word == len || chars <= FC_CODE_KEY_MAX_CHARS))
        return TRUE;
    }
  return FALSE;
}

/* The words that label a key column, looked up for every name cell. */
static const FcWords key_word_lists[] = {
  FC_WORDS_LINE, FC_WORDS_NAME, FC_WORDS_CODE_PARTS, FC_WORDS_LABEL,
  FC_WORDS_COLUMN_NUMBERS, FC_WORDS_CODE
};

/* A word that labels a key column (行次, 科目代码, 项目 …). */
static gboolean
is_key_word (const FcLayout *l, const char *n)
{
  return *n != '\0' && (g_hash_table_contains (l->key_words, n) || is_code_key (l, n));
}

/* A word that names one of the table's 栏次 (合计, 基本支出, 预算数 …). */
static gboolean
is_column_word (const FcLayout *l, const char *n)
{
  return g_hash_table_contains (l->column_words, n);
}

const char *
fc_layout_text (const FcLayout *l, guint row, guint col)
{
  const FcCell *cell = fc_sheet_get_cell (l->sheet, row, col);
  if (cell->kind != FC_CELL_TEXT)
    return "";
  const char *n = g_hash_table_lookup (l->texts, cell);
  if (n == NULL)
    {
      char *made = fc_text_normalize (cell->text);
      g_hash_table_insert (l->texts, (gpointer) cell, made);
      n = made;
    }
  return n;
}

gboolean
fc_layout_is_header_text (const FcLayout *l, guint row, guint col)
{
  const char *n = fc_layout_text (l, row, col);
  return *n != '\0'
         && (g_hash_table_contains (l->header_words, n) || is_column_word (l, n)
             || is_key_word (l, n));
}

gboolean
fc_layout_is_key_text (const FcLayout *l, guint row, guint col)
{
  return is_key_word (l, fc_layout_text (l, row, col));
}

gboolean
fc_layout_is_total_text (const FcLayout *l, guint row, guint col)
{
  return fc_text_is_one_of (fc_layout_text (l, row, col), words (l, FC_WORDS_TOTALS));
}

gboolean
fc_layout_row_is_footer (const FcLayout *l, guint r)
{
  const char *const *footers = words (l, FC_WORDS_FOOTERS);
  for (guint c = 0; c < l->ncols; c++)
    if (fc_cells_has_text (l->sheet, r, c))
      return fc_text_may_fold_to_any (fc_sheet_get_cell (l->sheet, r, c)->text, footers)
             && fc_text_starts_with_any (fc_layout_text (l, r, c), footers);
  return FALSE;
}

/* ---- rows of the header ---------------------------------------------- */

/* A 栏次 row: a cell "栏次" followed by numbers, or nothing but whole
 * numbers from 1 to 64 rising left to right, at least two of them (a
 * number left out or mistyped is still a 栏次 row, not a row of data). */
static gboolean
is_column_number_row (const FcLayout *l, guint row)
{
  gboolean labelled = FALSE;
  gint64 last = 0;
  guint numbers = 0;
  for (guint c = 0; c < l->ncols; c++)
    {
      gint64 v;
      const char *n = fc_layout_text (l, row, c);
      if (fc_text_is_one_of (n, words (l, FC_WORDS_COLUMN_NUMBERS)))
        labelled = TRUE;
      else if (fc_cells_integer (l->sheet, row, c, &v))
        {
          if ((v <= last || v > FC_MAX_COLUMN_NUMBER) && !labelled)
            return FALSE;
          last = v;
          numbers++;
        }
      else if (!fc_cells_is_blank (l->sheet, row, c) && !labelled)
        return FALSE;
    }
  return labelled ? numbers >= 1 : numbers >= 2;
}

typedef struct {
  gboolean data;         /* a code or an amount */
  gboolean total;        /* its first label is 合计 / 总计 */
  guint total_col;
  gboolean header_words; /* it holds words of the header */
  gboolean text;         /* it holds any text */
} RowKind;

static RowKind
classify_row (const FcLayout *l, guint r)
{
  RowKind k = { 0 };
  gboolean first_label = TRUE;
  for (guint c = 0; c < l->ncols; c++)
    {
      g_autofree char *code = fc_cells_code (l->sheet, r, c, NULL);
      if (code != NULL || fc_cells_is_amount (l->sheet, r, c))
        k.data = TRUE;
      if (!fc_cells_has_text (l->sheet, r, c))
        continue;
      k.text = TRUE;
      const char *n = fc_layout_text (l, r, c);
      if (is_key_word (l, n))
        {
          k.header_words = TRUE;
          continue;
        }
      if (first_label && fc_text_is_one_of (n, words (l, FC_WORDS_TOTALS)))
        k.total = TRUE, k.total_col = c;
      else if (is_column_word (l, n))
        k.header_words = TRUE;
      first_label = FALSE;
    }
  return k;
}

/* The header band: from the first row under the title that holds a word of
 * the header down to the row before the first row of data.  A 合计 row that
 * shares its row with header labels (a template's merged cells) belongs to
 * both. */
static void
find_band (FcLayout *l)
{
  guint last = MIN (l->r1, l->r0 + FC_HEADER_SCAN_ROWS);
  for (guint r = l->r0 + 1; r <= last && l->header_first < 0; r++)
    {
      if (fc_layout_row_is_footer (l, r))
        return;
      RowKind k = classify_row (l, r);
      if (is_column_number_row (l, r) || (k.header_words && !k.data))
        l->header_first = l->header_last = (int) r;
    }
  if (l->header_first < 0)
    return;
  last = MIN (l->r1, (guint) l->header_first + FC_HEADER_SCAN_ROWS);
  for (guint r = (guint) l->header_first + 1; r <= last; r++)
    {
      if (fc_layout_row_is_footer (l, r))
        break;
      if (is_column_number_row (l, r))
        {
          l->header_last = (int) r;
          continue;
        }
      RowKind k = classify_row (l, r);
      if (k.data)
        break;
      if (k.total && !k.header_words)
        break; /* the 合计 row of an empty table */
      if (k.total)
        l->total_in_header = (int) r, l->total_col = (int) k.total_col;
      if (k.header_words)
        l->header_last = (int) r;
      else if (k.text)
        break; /* a section line such as 一、政府采购情况 */
    }
}

/* ---- key columns ----------------------------------------------------- */

static void
add_unique (GArray *cols, guint c)
{
  for (guint i = 0; i < cols->len; i++)
    if (g_array_index (cols, guint, i) == c)
      return;
  g_array_append_val (cols, c);
}

static gint
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* Key words stand in the header band and, where a template puts 类 | 款 |
 * 项 on the row of 合计, in the first row under it. */
static void
find_key_columns (FcLayout *l)
{
  guint last = MIN (l->r1, (guint) l->header_last + 1);
  for (guint r = (guint) l->header_first; r <= last; r++)
    for (guint c = 0; c < l->ncols; c++)
      {
        const char *n = fc_layout_text (l, r, c);
        const char *const *parts = words (l, FC_WORDS_CODE_PARTS);
        if (*n == '\0')
          continue;
        if (fc_text_is_one_of (n, words (l, FC_WORDS_LINE)))
          add_unique (l->line_cols, c);
        else if (is_code_key (l, n))
          add_unique (l->code_cols, c);
        else if (fc_text_is_one_of (n, words (l, FC_WORDS_NAME)))
          {
            if (l->name_col < 0)
              l->name_col = (int) c;
            add_unique (l->name_cols, c);
          }
        else if (fc_text_is_one_of (n, words (l, FC_WORDS_LABEL))
                 || fc_text_is_one_of (n, words (l, FC_WORDS_COLUMN_NUMBERS)))
          add_unique (l->label_cols, c);
        else
          for (guint p = 0; p < 3 && parts[p] != NULL; p++)
            if (strcmp (n, parts[p]) == 0)
              {
                l->part_cols[p] = (int) c;
                add_unique (l->part_col_lists[p], c);
              }
      }
  g_array_sort (l->line_cols, compare_uint);
  g_array_sort (l->code_cols, compare_uint);
  g_array_sort (l->label_cols, compare_uint);
  g_array_sort (l->name_cols, compare_uint);
  for (guint p = 0; p < 3; p++)
    g_array_sort (l->part_col_lists[p], compare_uint);
}

static gboolean
is_key_column (const FcLayout *l, guint c)
{
  const GArray *sets[] = { l->line_cols, l->label_cols, l->code_cols };
  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    for (guint i = 0; i < sets[s]->len; i++)
      if (g_array_index (sets[s], guint, i) == c)
        return TRUE;
  for (guint i = 0; i < 3; i++)
    if (l->part_cols[i] == (int) c)
      return TRUE;
  return l->name_col == (int) c;
}

/* ---- 栏次 ------------------------------------------------------------- */

static void
set_column (FcLayout *l, guint number, int col)
{
  int none = -1;
  while (l->column_of->len <= number)
    g_array_append_val (l->column_of, none);
  /* a column past the sheet (codes in its last column) has no cell */
  g_array_index (l->column_of, int, number) = col < (int) l->ncols ? col : -1;
}

int
fc_layout_column (const FcLayout *l, guint number)
{
  return number < l->column_of->len ? g_array_index (l->column_of, int, number) : -1;
}

/* "决算数(万元)" → "决算数": a unit after a header text names no column
 * (takes text, returns it shortened in place). */
static char *
strip_unit (const FcLayout *l, char *text)
{
  const char *const *units = words (l, FC_WORDS_UNITS);
  gsize len = strlen (text);
  for (guint i = 0; units[i] != NULL && len > 0 && text[len - 1] == ')'; i++)
    {
      g_autofree char *suffix = g_strdup_printf ("(%s)", units[i]);
      gsize sl = strlen (suffix);
      if (len > sl && strcmp (text + len - sl, suffix) == 0)
        {
          text[len - sl] = '\0';
          break;
        }
    }
  return text;
}

/* The header texts of every column, a merged text carried right over the
 * columns it spans: into an empty cell when the cell to its left holds
 * text, the row above spans both alike, and the column has a label lower
 * down that the carried text heads (transfer full: n_rows × ncols). */
static char **
carry_header (const FcLayout *l, guint first, guint n_rows)
{
  char **grid = g_new0 (char *, (gsize) n_rows * l->ncols);
  for (guint i = 0; i < n_rows; i++)
    for (guint c = 0; c < l->ncols; c++)
      {
        guint r = first + i;
        char *n = g_strdup (fc_cells_has_text (l->sheet, r, c) ? fc_layout_text (l, r, c) : "");
        grid[i * l->ncols + c] = strip_unit (l, n);
      }
  for (guint i = 0; i < n_rows; i++)
    for (guint c = 1; c < l->ncols; c++)
      {
        char **cell = &grid[i * l->ncols + c];
        const char *left = grid[i * l->ncols + c - 1];
        if (**cell != '\0' || *left == '\0' || is_key_word (l, left))
          continue;
        if (i > 0 && strcmp (grid[(i - 1) * l->ncols + c], grid[(i - 1) * l->ncols + c - 1]) != 0)
          continue;
        gboolean below = FALSE;
        for (guint k = i + 1; k < n_rows && !below; k++)
          below = *grid[k * l->ncols + c] != '\0';
        if (!below)
          continue;
        g_free (*cell);
        *cell = g_strdup (left);
      }
  return grid;
}

typedef struct {
  guint number; /* 0 = none */
  int depth_max, depth_sum;
  gboolean tie; /* two 栏次 match equally well */
} ColumnMatch;

/* The 栏次 whose words name the column most specifically: every word of an
 * alternative is one of the column's header texts; deeper (lower) texts
 * are more specific. */
static ColumnMatch
match_column (const FcLayout *l, GPtrArray *path)
{
  ColumnMatch best = { 0, -1, -1, FALSE };
  for (guint i = 0; l->def != NULL && i < l->def->columns->len; i++)
    {
      const FcColumnDef *def = &g_array_index (l->def->columns, FcColumnDef, i);
      for (guint a = 0; a < def->alternatives->len; a++)
        {
          GStrv want = g_ptr_array_index (def->alternatives, a);
          int dmax = -1, dsum = 0;
          gboolean all = TRUE;
          for (guint w = 0; want[w] != NULL && all; w++)
            {
              int depth = -1;
              for (guint p = 0; p < path->len; p++)
                if (strcmp (g_ptr_array_index (path, p), want[w]) == 0)
                  depth = (int) p;
              all = depth >= 0;
              dmax = MAX (dmax, depth);
              dsum += depth;
            }
          if (!all)
            continue;
          if (dmax > best.depth_max || (dmax == best.depth_max && dsum > best.depth_sum))
            best = (ColumnMatch) { def->number, dmax, dsum, FALSE };
          else if (dmax == best.depth_max && dsum == best.depth_sum && def->number != best.number)
            best.tie = TRUE;
        }
    }
  return best;
}

/* TRUE when two texts share two characters in a row ("年初结余" and
 * 年初结转和结余 share 年初): a header worded otherwise than the catalogue. */
static gboolean
share_two_chars (const char *a, const char *b)
{
  for (const char *p = a; *p && *g_utf8_next_char (p); p = g_utf8_next_char (p))
    {
      const char *q = g_utf8_next_char (g_utf8_next_char (p));
      g_autofree char *pair = g_strndup (p, (gsize) (q - p));
      if (strstr (b, pair) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether a column's header may be the 栏次 its printed number says: no
 * header at all, or a text that resembles a word of that 栏次.  A header
 * that names something else (备注) keeps the column out, whatever number
 * stands under it. */
static gboolean
path_resembles (GPtrArray *path, const FcColumnDef *def)
{
  if (path->len == 0)
    return TRUE;
  for (guint p = 0; p < path->len; p++)
    for (guint a = 0; a < def->alternatives->len; a++)
      for (char **w = g_ptr_array_index (def->alternatives, a); *w != NULL; w++)
        if (share_two_chars (g_ptr_array_index (path, p), *w))
          return TRUE;
  return FALSE;
}

static void
number_columns (FcLayout *l)
{
  guint first = (guint) l->header_first, n_rows = (guint) (l->header_last - l->header_first) + 1;
  char **grid = carry_header (l, first, n_rows);
  g_autoptr (GArray) matches = g_array_new (FALSE, TRUE, sizeof (ColumnMatch));
  g_array_set_size (matches, l->ncols);
  GPtrArray *paths = l->col_words;
  int numbers_row = -1;

  for (guint i = 0; i < n_rows; i++)
    if (is_column_number_row (l, first + i))
      numbers_row = (int) (first + i);
  for (guint c = 0; c < l->ncols; c++)
    {
      GPtrArray *path = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n_rows; i++)
        {
          const char *n = grid[i * l->ncols + c];
          if (*n != '\0' && !is_key_word (l, n)
              && (path->len == 0 || strcmp (g_ptr_array_index (path, path->len - 1), n) != 0))
            g_ptr_array_add (path, g_strdup (n));
        }
      g_ptr_array_add (l->col_words, path);
      if (!is_key_column (l, c))
        g_array_index (matches, ColumnMatch, c) = match_column (l, path);
    }

  /* each 栏次 goes to the column that names it best; equals cancel out */
  for (guint c = 0; c < l->ncols; c++)
    {
      ColumnMatch *m = &g_array_index (matches, ColumnMatch, c);
      if (m->number == 0 || m->tie)
        continue;
      int other = fc_layout_column (l, m->number);
      if (other >= 0)
        {
          ColumnMatch *o = &g_array_index (matches, ColumnMatch, other);
          if (o->depth_max > m->depth_max
              || (o->depth_max == m->depth_max && o->depth_sum > m->depth_sum))
            continue;
          if (o->depth_max == m->depth_max && o->depth_sum == m->depth_sum)
            {
              set_column (l, m->number, -2); /* ambiguous: neither, said below */
              continue;
            }
        }
      if (fc_layout_column (l, m->number) == -2)
        continue;
      set_column (l, m->number, (int) c);
    }
  for (guint n = 1; n < l->column_of->len; n++)
    if (g_array_index (l->column_of, int, n) == -2)
      {
        g_autofree char *zh = g_strdup_printf ("两列的表头都像第%u栏，无法确定，该栏未校验", n);
        g_autofree char *en = g_strdup_printf ("two columns are headed like column %u; it is not checked", n);
        fc_layout_add_problem (l, zh, en);
        g_array_index (l->column_of, int, n) = -1;
      }

  /* a printed 栏次 row numbers the columns the words did not name */
  for (guint c = 0; numbers_row >= 0 && c < l->ncols; c++)
    {
      gint64 v;
      gboolean named = FALSE;
      for (guint n = 1; n < l->column_of->len; n++)
        named |= g_array_index (l->column_of, int, n) == (int) c;
      if (named || is_key_column (l, c) || !fc_cells_integer (l->sheet, (guint) numbers_row, c, &v)
          || v < 1 || v > FC_MAX_COLUMN_NUMBER || fc_layout_column (l, (guint) v) >= 0)
        continue;
      const FcColumnDef *def = fc_table_def_column (l->def, (guint) v);
      if (l->def != NULL && l->def->columns->len > 0
          && (def == NULL || !path_resembles (g_ptr_array_index (paths, c), def)))
        continue;
      set_column (l, (guint) v, (int) c);
    }

  /* the header words of each 栏次, for reports */
  for (guint n = 0; n < l->column_of->len; n++)
    {
      int col = g_array_index (l->column_of, int, n);
      g_autoptr (GString) s = g_string_new (NULL);
      GPtrArray *path = col >= 0 ? g_ptr_array_index (paths, col) : NULL;
      for (guint p = 0; path != NULL && p < path->len; p++)
        g_string_append_printf (s, "%s%s", s->len ? " " : "", (char *) g_ptr_array_index (path, p));
      g_ptr_array_add (l->column_paths, g_string_free (g_steal_pointer (&s), FALSE));
    }
  for (guint i = 0; i < n_rows * l->ncols; i++)
    {
      if (*grid[i] != '\0')
        g_hash_table_add (l->header_words, g_strdup (grid[i]));
      g_free (grid[i]);
    }
  g_free (grid);
}

gboolean
fc_layout_row_columns (const FcLayout *l, const char *label, GArray *numbers)
{
  g_autofree char *n = fc_text_normalize (label);
  g_array_set_size (numbers, 0);
  if (l->col_words->len == 0 || !is_column_word (l, n))
    return FALSE;
  gboolean any = FALSE;
  for (guint c = 0; c < l->ncols; c++)
    {
      int number = 0;
      if (!is_key_column (l, c) && c < l->col_words->len)
        {
          GPtrArray *header = g_ptr_array_index (l->col_words, c);
          g_autoptr (GPtrArray) path = g_ptr_array_sized_new (header->len + 1); /* borrows */
          for (guint k = 0; k < header->len; k++)
            g_ptr_array_add (path, g_ptr_array_index (header, k));
          g_ptr_array_add (path, n);
          ColumnMatch m = match_column (l, path);
          number = m.tie ? 0 : (int) m.number;
        }
      /* two columns of one row cannot stand for one 栏次 */
      for (guint k = 0; k < numbers->len && number > 0; k++)
        if (g_array_index (numbers, int, k) == number)
          g_array_index (numbers, int, k) = 0, number = 0;
      g_array_append_val (numbers, number);
      any |= number > 0;
    }
  return any;
}

/* 栏次 the standard form has and neither the header nor any row has. */
void
fc_layout_check_columns (FcLayout *l, const GPtrArray *rows)
{
  if (l->def == NULL || l->def->rows == FC_ROWS_CODE_BLOCKS || l->header_first < 0)
    return;
  g_autoptr (GString) missing = g_string_new (NULL);
  for (guint i = 0; i < l->def->columns->len; i++)
    {
      guint n = g_array_index (l->def->columns, FcColumnDef, i).number;
      gboolean found = fc_layout_column (l, n) >= 0 || fc_table_def_column_optional (l->def, n);
      for (guint k = 0; k < rows->len && !found; k++)
        found = fc_table_row_column (g_ptr_array_index (rows, k), n) >= 0;
      if (!found)
        g_string_append_printf (missing, "%s%u", missing->len ? "、" : "", n);
    }
  if (missing->len == 0)
    return;
  g_autofree char *zh = g_strdup_printf ("未识别第%s栏", missing->str);
  g_autofree char *en = g_strdup_printf ("column(s) %s not recognised", missing->str);
  fc_layout_add_problem (l, zh, en);
}

void
fc_layout_find (FcLayout *l, const FcSheet *sheet, const FcCatalogue *catalogue,
                const FcTableDef *def, guint r0, guint r1)
{
  *l = (FcLayout) {
    .sheet = sheet, .catalogue = catalogue, .def = def, .r0 = r0, .r1 = r1,
    .ncols = fc_sheet_get_n_cols (sheet),
    .header_first = -1, .header_last = -1, .total_in_header = -1, .total_col = -1,
    .column_of = g_array_new (FALSE, FALSE, sizeof (int)),
    .column_paths = g_ptr_array_new_with_free_func (g_free),
    .col_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref),
    .line_cols = g_array_new (FALSE, FALSE, sizeof (guint)),
    .label_cols = g_array_new (FALSE, FALSE, sizeof (guint)),
    .code_cols = g_array_new (FALSE, FALSE, sizeof (guint)),
    .name_col = -1,
    .name_cols = g_array_new (FALSE, FALSE, sizeof (guint)),
    .part_cols = { -1, -1, -1 },
    .part_col_lists = { g_array_new (FALSE, FALSE, sizeof (guint)), g_array_new (FALSE, FALSE, sizeof (guint)),
                        g_array_new (FALSE, FALSE, sizeof (guint)) },
    .header_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .column_words = g_hash_table_new (g_str_hash, g_str_equal),
    .key_words = g_hash_table_new (g_str_hash, g_str_equal),
    .texts = g_hash_table_new_full (NULL, NULL, NULL, g_free),
    .problems = g_ptr_array_new_with_free_func (g_free),
  };
  for (guint i = 0; i < G_N_ELEMENTS (key_word_lists); i++)
    for (const char *const *w = words (l, key_word_lists[i]); w != NULL && *w != NULL; w++)
      g_hash_table_add (l->key_words, (gpointer) *w);
  for (guint i = 0; def != NULL && i < def->columns->len; i++)
    {
      const FcColumnDef *c = &g_array_index (def->columns, FcColumnDef, i);
      for (guint a = 0; a < c->alternatives->len; a++)
        for (char **w = g_ptr_array_index (c->alternatives, a); *w != NULL; w++)
          g_hash_table_add (l->column_words, *w);
    }
  find_band (l);
  if (l->header_first < 0)
    return;
  find_key_columns (l);
  if (def == NULL || def->rows != FC_ROWS_CODE_BLOCKS)
    number_columns (l);
  /* a 合计 that labels a row stands left of the amounts; one above them
   * heads a column (08: 本年支出 | 合计 基本支出 项目支出) */
  for (guint n = 1; l->total_in_header >= 0 && n < l->column_of->len; n++)
    if (g_array_index (l->column_of, int, n) >= 0 && g_array_index (l->column_of, int, n) <= l->total_col)
      l->total_in_header = -1;
}

void
fc_layout_clear (FcLayout *l)
{
  g_clear_pointer (&l->column_of, g_array_unref);
  g_clear_pointer (&l->column_paths, g_ptr_array_unref);
  g_clear_pointer (&l->col_words, g_ptr_array_unref);
  g_clear_pointer (&l->line_cols, g_array_unref);
  g_clear_pointer (&l->label_cols, g_array_unref);
  g_clear_pointer (&l->code_cols, g_array_unref);
  g_clear_pointer (&l->name_cols, g_array_unref);
  for (guint p = 0; p < 3; p++)
    g_clear_pointer (&l->part_col_lists[p], g_array_unref);
  g_clear_pointer (&l->header_words, g_hash_table_unref);
  g_clear_pointer (&l->column_words, g_hash_table_unref);
  g_clear_pointer (&l->key_words, g_hash_table_unref);
  g_clear_pointer (&l->texts, g_hash_table_unref);
  g_clear_pointer (&l->problems, g_ptr_array_unref);
}
