/* fc-table.c — recognising the tables of a workbook.
 *
 * A table starts at a cell holding a title the catalogue knows (or, failing
 * that, a 表号 "公开NN表") and runs down to the next table on that sheet.
 * Its layout (header, key columns, 栏次) is found by fc-layout.c and its
 * rows keyed by fc-row-keys.c, the way the catalogue says the table keys
 * them.  Here: the anchors, the table's extent, 部门名称 and year, and the
 * lookups the rules use.
 */
#include "fc-table.h"

#include <string.h>

#include "fc-layout.h"
#include "fc-row-keys.h"

#define FC_TITLE_MAX_BYTES 200 /* longer texts are sentences, not titles */
#define FC_NUMBER_BELOW_TITLE 4 /* a 表号 this many rows under a title labels it */

/* ---- one table --------------------------------------------------------- */

/* "金额单位：元" (folded) → the scale of 元, its name in *unit (transfer
 * full); 0 when the text states no unit the catalogue knows. */
static double
stated_unit (const FcCatalogue *catalogue, const char *folded, char **unit)
{
  const char *at = strstr (folded, "单位:");
  if (at == NULL)
    return 0;
  at += strlen ("单位:");
  gsize len = strcspn (at, ")];:");
  g_autofree char *name = g_strndup (at, len);
  double scale = fc_catalogue_unit_scale (catalogue, name);
  if (scale > 0)
    *unit = g_steal_pointer (&name);
  return scale;
}

/* 部门名称, the year and the unit sit between the title and the header. */
static void
find_department_and_year (FcTable *t, const FcCatalogue *catalogue, const FcSheet *sheet,
                          guint last_row)
{
  guint ncols = fc_sheet_get_n_cols (sheet);
  const char *const *department = fc_catalogue_words (catalogue, FC_WORDS_DEPARTMENT);
  for (guint r = t->first_row; r <= last_row; r++)
    for (guint c = 0; c < ncols; c++)
      {
        const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
        if (cell->kind != FC_CELL_TEXT)
          continue;
        g_autofree char *n = fc_text_fold (cell->text);
        double scale;
        if (t->unit == NULL && (scale = stated_unit (catalogue, n, &t->unit)) > 0)
          {
            t->unit_scale = scale;
            t->unit_row = r;
            t->unit_col = c;
          }
        if (t->department == NULL && fc_text_starts_with_any (n, department))
          {
            const char *colon = strstr (n, ":");
            const char *value = colon ? colon + 1 : "";
            if (colon == NULL)
              for (guint i = 0; department[i] != NULL; i++)
                if (g_str_has_prefix (n, department[i]))
                  value = n + strlen (department[i]);
            if (*value == '\0' && c + 1 < ncols
                && fc_sheet_get_cell (sheet, r, c + 1)->kind == FC_CELL_TEXT)
              {
                t->department = fc_text_fold (fc_sheet_get_cell (sheet, r, c + 1)->text);
                t->department_col = c + 1;
              }
            else
              {
                t->department = g_strdup (value);
                t->department_col = c;
              }
            t->department_row = r;
          }
        const char *nian = strstr (n, "年");
        if (t->year == NULL && nian != NULL && nian - n >= 4)
          {
            const char *y = nian - 4;
            if (g_ascii_isdigit (y[0]) && g_ascii_isdigit (y[1]) && g_ascii_isdigit (y[2])
                && g_ascii_isdigit (y[3]) && (y == n || !g_ascii_isdigit (y[-1])))
              {
                t->year = g_strndup (y, 4);
                t->year_row = r;
                t->year_col = c;
              }
          }
      }
}

static void
take_column_labels (FcTable *t, const FcLayout *l)
{
  g_ptr_array_add (t->column_labels, g_strdup (""));
  for (guint n = 1; n < l->column_paths->len; n++)
    {
      const char *words = g_ptr_array_index (l->column_paths, n);
      g_ptr_array_add (t->column_labels, *words ? g_strdup_printf ("栏%u %s", n, words)
                                                : g_strdup_printf ("栏%u", n));
    }
}

static gboolean
any_code (const FcTable *t)
{
  for (guint i = 0; i < t->rows->len; i++)
    if (((const FcTableRow *) g_ptr_array_index (t->rows, i))->code != NULL)
      return TRUE;
  return FALSE;
}

static void
analyse_table (FcTable *t, const FcCatalogue *catalogue, const FcSheet *sheet)
{
  FcLayout l;
  fc_layout_find (&l, sheet, catalogue, t->def, t->first_row, t->last_row);
  find_department_and_year (t, catalogue, sheet,
                            l.header_first >= 0 ? (guint) l.header_first
                                                : MIN (t->last_row, t->first_row + 6));
  t->has_header = l.header_first >= 0;
  if (t->has_header)
    {
      switch (t->def->rows)
        {
        case FC_ROWS_LINES:
          if (l.line_cols->len > 0 || l.label_cols->len > 0)
            fc_row_keys_by_line (&l, t->rows, &t->lines_inferred);
          else
            fc_layout_add_problem (&l, "未识别项目或行次列", "no 项目 or 行次 column found");
          break;
        case FC_ROWS_CODES:
          fc_row_keys_by_code (&l, t->rows);
          if (!any_code (t) && t->rows->len > 1)
            fc_layout_add_problem (&l, "未识别科目代码列，层级和按科目的校验未执行",
                                   "no code column found: hierarchy and per-code rules not checked");
          break;
        case FC_ROWS_CODE_BLOCKS:
          if (l.code_cols->len > 0 || l.part_col_lists[0]->len > 0) /* codes whole, or split */
            fc_row_keys_by_code_blocks (&l, t->rows);
          else
            fc_layout_add_problem (&l, "未识别科目代码列", "no code column found");
          break;
        case FC_ROWS_PLAIN:
          fc_row_keys_plain (&l, t->rows, &t->lines_inferred);
          break;
        }
      fc_layout_check_columns (&l, t->rows);
      take_column_labels (t, &l);
    }
  g_ptr_array_extend_and_steal (t->problems, g_steal_pointer (&l.problems));
  fc_layout_clear (&l);
}

void
fc_table_free (FcTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_free (table->number_label);
  g_free (table->department);
  g_free (table->year);
  g_free (table->unit);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->column_labels);
  g_ptr_array_unref (table->problems);
  g_clear_pointer (&table->by_code, g_hash_table_unref);
  g_free (table);
}

/* Code lookups are the inner loop of cross-table rules: index them. */
static void
index_codes (FcTable *t)
{
  t->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < t->rows->len; i++)
    {
      FcTableRow *r = g_ptr_array_index (t->rows, i);
      if (r->code == NULL)
        continue;
      GPtrArray *same = g_hash_table_lookup (t->by_code, r->code);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (t->by_code, r->code, same);
        }
      g_ptr_array_add (same, r);
    }
}

/* ---- anchors ----------------------------------------------------------- */

typedef struct {
  guint row, col;
  const char *id;     /* borrowed from the catalogue */
  gboolean by_title;
  const char *text;   /* borrowed from the cell, which outlives the anchor */
} Anchor;

static gint
compare_anchor (gconstpointer a, gconstpointer b)
{
  const Anchor *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

/* The id of a table the catalogue knows that a 表号 cell names (not a bare
 * number: amounts and 行次 are numbers too), or NULL (transfer none). */
static const char *
number_label_id (const FcCatalogue *catalogue, const char *text)
{
  /* every 表号 holds 表, which folding never makes: most cells stop here */
  if (strstr (text, "表") == NULL)
    return NULL;
  g_autofree char *n = fc_text_normalize (text);
  const FcTableDef *def = fc_catalogue_lookup_table (catalogue, fc_catalogue_table_label_id (n));
  return def != NULL ? def->id : NULL;
}

static FcTable *
table_new (const FcTableDef *def, const FcSheet *sheet, const Anchor *a, guint last)
{
  FcTable *t = g_new0 (FcTable, 1);
  guint ncols = fc_sheet_get_n_cols (sheet);
  t->id = def->id;
  t->def = def;
  t->title = g_strdup (a->text);
  t->sheet = sheet;
  t->first_row = a->row;
  t->last_row = last;
  t->first_col = 0;
  t->last_col = ncols > 0 ? ncols - 1 : 0;
  t->title_row = a->row;
  t->title_col = a->col;
  t->unit_scale = 1;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_table_row_free);
  t->column_labels = g_ptr_array_new_with_free_func (g_free);
  t->problems = g_ptr_array_new_with_free_func (g_free);
  return t;
}

static void
recognize_sheet (const FcCatalogue *catalogue, const FcSheet *sheet, GPtrArray *out)
{
  guint nrows = fc_sheet_get_n_rows (sheet), ncols = fc_sheet_get_n_cols (sheet);
  g_autoptr (GArray) titles = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (Anchor));
  for (guint r = 0; r < nrows; r++)
    for (guint c = 0; c < ncols; c++)
      {
        const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
        if (cell->kind != FC_CELL_TEXT || strlen (cell->text) > FC_TITLE_MAX_BYTES)
          continue;
        const char *id;
        if ((id = fc_catalogue_table_for_title (catalogue, cell->text)) != NULL)
          {
            Anchor a = { r, c, id, TRUE, cell->text };
            g_array_append_val (titles, a);
          }
        else if ((id = number_label_id (catalogue, cell->text)) != NULL)
          {
            Anchor a = { r, c, id, FALSE, cell->text };
            g_array_append_val (numbers, a);
          }
      }
  /* a 表号 within a few rows below a title labels that table; any other
   * 表号 starts a table of its own (titles first, 表号 second) */
  g_autoptr (GArray) anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_array_append_vals (anchors, titles->data, titles->len);
  for (guint i = 0; i < numbers->len; i++)
    {
      Anchor *num = &g_array_index (numbers, Anchor, i);
      gboolean near = FALSE;
      for (guint j = 0; j < titles->len; j++)
        {
          Anchor *t = &g_array_index (titles, Anchor, j);
          near |= num->row >= t->row && num->row <= t->row + FC_NUMBER_BELOW_TITLE;
        }
      if (!near)
        g_array_append_val (anchors, *num);
    }
  g_array_sort (anchors, compare_anchor);
  for (guint i = 0; i < anchors->len; i++)
    {
      Anchor *a = &g_array_index (anchors, Anchor, i);
      /* two titles on one row: keep the first (side-by-side tables are not
       * split by column) */
      if (i > 0 && g_array_index (anchors, Anchor, i - 1).row == a->row)
        continue;
      guint last = nrows - 1;
      for (guint j = i + 1; j < anchors->len; j++)
        if (g_array_index (anchors, Anchor, j).row > a->row)
          {
            last = g_array_index (anchors, Anchor, j).row - 1;
            break;
          }
      FcTable *t = table_new (fc_catalogue_lookup_table (catalogue, a->id), sheet, a, last);
      for (guint j = 0; j < numbers->len; j++)
        {
          Anchor *num = &g_array_index (numbers, Anchor, j);
          if (num->row >= a->row && num->row <= MIN (last, a->row + FC_NUMBER_BELOW_TITLE))
            {
              t->number_label = g_strdup (num->text);
              t->number_row = num->row;
              t->number_col = num->col;
              break;
            }
        }
      if (!a->by_title)
        {
          g_free (t->number_label);
          t->number_label = g_strdup (a->text);
          t->number_row = a->row;
          t->number_col = a->col;
        }
      analyse_table (t, catalogue, sheet);
      index_codes (t);
      g_ptr_array_add (out, t);
    }
}

GPtrArray *
fc_table_recognize (const FcCatalogue *catalogue, const FcWorkbook *workbook)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_table_free);
  for (guint s = 0; s < fc_workbook_get_n_sheets (workbook); s++)
    recognize_sheet (catalogue, fc_workbook_get_sheet (workbook, s), found);
  /* a title that heads no table (a line of a table of contents, a cover, a
   * sentence) is not a table; one with a header but no rows yields to a
   * table of the same id that has rows */
  for (guint i = found->len; i-- > 0;)
    {
      FcTable *t = g_ptr_array_index (found, i);
      if (t->rows->len > 0)
        continue;
      if (!t->has_header)
        {
          g_ptr_array_remove_index (found, i);
          continue;
        }
      for (guint j = 0; j < found->len; j++)
        {
          FcTable *o = g_ptr_array_index (found, j);
          if (j != i && o->id == t->id && o->rows->len > 0)
            {
              g_ptr_array_remove_index (found, i);
              break;
            }
        }
    }
  return found;
}

/* ---- lookups ----------------------------------------------------------- */

const FcTable *
fc_table_lookup (GPtrArray *tables, const char *id)
{
  for (guint i = 0; tables != NULL && i < tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (tables, i);
      if (g_strcmp0 (t->id, id) == 0)
        return t;
    }
  return NULL;
}

static gboolean
row_has (const FcTableRow *r, guint column)
{
  return column == 0 || fc_table_row_column (r, column) >= 0;
}

const FcTableRow *
fc_table_find_line (const FcTable *table, int line, guint column)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      const FcTableRow *r = g_ptr_array_index (table->rows, i);
      if (r->line == line && row_has (r, column))
        return r;
    }
  return NULL;
}

const FcTableRow *
fc_table_find_code (const FcTable *table, const char *code, guint column)
{
  GPtrArray *same = code ? g_hash_table_lookup (table->by_code, code) : NULL;
  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      const FcTableRow *r = g_ptr_array_index (same, i);
      if (row_has (r, column))
        return r;
    }
  return NULL;
}

const FcTableRow *
fc_table_find_label (const FcTable *table, const char *label, guint column)
{
  g_autofree char *want = fc_text_normalize (label);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const FcTableRow *r = g_ptr_array_index (table->rows, i);
      if (strcmp (r->label, want) == 0 && row_has (r, column))
        return r;
    }
  return NULL;
}

const char *
fc_table_column_label (const FcTable *table, guint number)
{
  if (number >= table->column_labels->len)
    return "";
  return g_ptr_array_index (table->column_labels, number);
}

char *
fc_table_row_describe (const FcTableRow *row)
{
  int line = row->printed_line > 0 ? row->printed_line : row->line;
  if (line > 0 && *row->display)
    return g_strdup_printf ("%s (行%d)", row->display, line);
  if (line > 0)
    return g_strdup_printf ("行%d", line);
  if (row->code != NULL)
    return g_strdup_printf ("%s %s", row->code, row->display);
  return g_strdup (row->display);
}
