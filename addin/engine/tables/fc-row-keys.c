/* fc-row-keys.c — keyed rows from a table's data rows (see fc-row-keys.h). */
#include "fc-row-keys.h"

#include <string.h>

#include "fc-cells.h"
#include "fc-text.h"

/* Gives the row every 栏次 whose column lies in [from, to); a cell that
 * holds a header word (合计, 基本支出 printed in the 合计 row) is a label,
 * not an amount, so the row goes without that 栏次.  TRUE when one of them
 * holds an amount. */
static gboolean
set_columns (const FcLayout *l, FcTableRow *row, guint r, int from, int to)
{
  gboolean any = FALSE;
  for (guint n = 1; n < l->column_of->len; n++)
    {
      int col = g_array_index (l->column_of, int, n);
      if (col < 0 || col < from || col >= to || fc_layout_is_header_text (l, r, (guint) col)
          || fc_layout_is_total_text (l, r, (guint) col))
        continue;
      fc_table_row_set_column (row, n, col);
      any |= fc_cells_is_amount (l->sheet, r, (guint) col);
    }
  return any;
}

/* A row that repeats the header (10 prints 项目 | 统计数 again further
 * down): only header words, no amount, no 合计. */
static gboolean
row_repeats_header (const FcLayout *l, guint r)
{
  gboolean any = FALSE;
  for (guint c = 0; c < l->ncols; c++)
    {
      if (fc_cells_is_amount (l->sheet, r, c))
        return FALSE;
      if (!fc_cells_has_text (l->sheet, r, c))
        continue;
      if (!fc_layout_is_header_text (l, r, c) || fc_layout_is_total_text (l, r, c))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* The rows under the header down to the notes, without repeated headers;
 * a 合计 printed on a header row first. */
static GArray *
data_rows (const FcLayout *l)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  if (l->total_in_header >= 0)
    {
      guint r = (guint) l->total_in_header;
      g_array_append_val (rows, r);
    }
  for (guint r = (guint) l->header_last + 1; r <= l->r1; r++)
    {
      if (fc_layout_row_is_footer (l, r))
        break; /* notes run to the end of the table */
      if (!row_repeats_header (l, r))
        g_array_append_val (rows, r);
    }
  return rows;
}

/* The first text of the row in [from, to) that is not a key word of the
 * header (类, 款, 项 printed on the 合计 row); borrowed from the cell. */
static const char *
first_label (const FcLayout *l, guint r, guint from, guint to)
{
  for (guint c = from; c < to && c < l->ncols; c++)
    if (fc_cells_has_text (l->sheet, r, c) && !fc_layout_is_key_text (l, r, c))
      return fc_sheet_get_cell (l->sheet, r, c)->text;
  return "";
}

/* ---- by line ----------------------------------------------------------- */

/* Where block b of a side-by-side layout starts: at its 项目 column, else
 * right after the previous block's last amount column. */
static guint
block_start (const FcLayout *l, const GArray *anchors, gboolean anchors_are_labels, guint b)
{
  guint anchor = g_array_index (anchors, guint, b);
  if (anchors_are_labels)
    return anchor;
  if (b == 0)
    return 0;
  guint prev = g_array_index (anchors, guint, b - 1);
  for (guint i = 0; i < l->label_cols->len; i++)
    {
      guint lc = g_array_index (l->label_cols, guint, i);
      if (lc > prev && lc < anchor)
        return lc;
    }
  guint start = prev + 1;
  for (guint n = 1; n < l->column_of->len; n++)
    {
      int col = g_array_index (l->column_of, int, n);
      if (col > (int) prev && col < (int) anchor)
        start = MAX (start, (guint) col + 1);
    }
  return MIN (start, anchor);
}

static const FcLineDef *
line_def_for_label (const FcTableDef *def, const char *label, int after, GHashTable *used)
{
  const FcLineDef *fallback = NULL;
  for (guint i = 0; def != NULL && i < def->lines->len && *label != '\0'; i++)
    {
      const FcLineDef *d = &g_array_index (def->lines, FcLineDef, i);
      if (!g_strv_contains ((const char *const *) d->labels, label)
          || g_hash_table_contains (used, GINT_TO_POINTER (d->line)))
        continue;
      if (d->line > after)
        return d;
      if (fallback == NULL)
        fallback = d;
    }
  return fallback;
}

/* The 行次 of the standard form, from the labels: a label the catalogue
 * knows gives its 行次 (the one after the line above it when it is listed
 * twice, as 04's funds are), whatever 行次 is printed — 24- and 26-line
 * forms number alike by label.  Rows come block by block. */
static void
assign_lines (const FcTableDef *def, GPtrArray *rows, const GArray *blocks)
{
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  guint n_blocks = 0;
  for (guint i = 0; i < blocks->len; i++)
    n_blocks = MAX (n_blocks, g_array_index (blocks, guint, i) + 1);
  for (guint b = 0; b < n_blocks; b++)
    {
      int after = 0;
      for (guint i = 0; i < rows->len; i++)
        {
          FcTableRow *row = g_ptr_array_index (rows, i);
          if (g_array_index (blocks, guint, i) != b)
            continue;
          const FcLineDef *d = line_def_for_label (def, row->label, after, used);
          if (d != NULL)
            row->line = d->line;
          if (row->line > 0)
            {
              g_hash_table_add (used, GINT_TO_POINTER (row->line));
              after = MAX (after, row->line);
            }
        }
    }
}

static gboolean
label_is_known (const FcLayout *l, const char *label)
{
  g_autoptr (GHashTable) none = g_hash_table_new (NULL, NULL);
  return line_def_for_label (l->def, label, 0, none) != NULL
         || fc_catalogue_class_for_label (l->catalogue, label) != NULL;
}

void
fc_row_keys_by_line (const FcLayout *l, GPtrArray *out, gboolean *lines_inferred)
{
  /* without a 行次 column (Shanghai's set), blocks start at their 项目
   * columns and the lines come from the labels */
  gboolean anchors_are_labels = l->line_cols->len == 0;
  const GArray *anchors = anchors_are_labels ? l->label_cols : l->line_cols;
  guint n_blocks = anchors->len;
  g_autoptr (GArray) blocks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) rows = data_rows (l);
  *lines_inferred = anchors_are_labels;
  for (guint i = 0; i < rows->len; i++)
    {
      guint r = g_array_index (rows, guint, i);
      for (guint b = 0; b < n_blocks; b++)
        {
          guint anchor = g_array_index (anchors, guint, b);
          guint start = block_start (l, anchors, anchors_are_labels, b);
          guint end = b + 1 >= n_blocks ? l->ncols : block_start (l, anchors, anchors_are_labels, b + 1);
          gint64 line = -1;
          gboolean has_line = !anchors_are_labels
                              && fc_cells_integer (l->sheet, r, anchor, &line)
                              && line >= 1 && line <= 9999;
          const char *display = first_label (l, r, start, MAX (anchor, start + 1));
          FcTableRow *row = fc_table_row_new (r, has_line ? (int) line : -1, NULL, display);
          gboolean any_amount = set_columns (l, row, r, (int) anchor + 1, (int) end);
          /* a row without 行次 counts when its label is one the form has,
           * or when it carries a label and an amount */
          gboolean keep = row->cols->len > 0
                          && (has_line || label_is_known (l, row->label)
                              || (any_amount && *row->label != '\0'));
          if (!keep)
            {
              fc_table_row_free (row);
              continue;
            }
          row->code = g_strdup (fc_catalogue_class_for_label (l->catalogue, row->label));
          g_ptr_array_add (out, row);
          g_array_append_val (blocks, b);
        }
    }
  assign_lines (l->def, out, blocks);
}

/* ---- by code ----------------------------------------------------------- */

/* A part of a split code: its own digits (width of them) after the parent,
 * or the whole code written in the part's column (transfer full). */
static char *
join_part (const char *parent, const char *part, guint width)
{
  if (strlen (part) == width)
    return g_strconcat (parent, part, NULL);
  if (strlen (part) == strlen (parent) + width && g_str_has_prefix (part, parent))
    return g_strdup (part);
  return NULL;
}

/* A code split over 类 | 款 | 项 columns.  Packages often leave the parent
 * parts blank on child rows, so they are carried down from the rows above
 * (transfer full). */
static char *
split_code (const FcLayout *l, guint r, const int part_cols[3], char **last_class, char **last_section)
{
  g_autofree char *cls = fc_cells_code_part (l->sheet, r, part_cols[0], 3);
  g_autofree char *sec = fc_cells_code_part (l->sheet, r, part_cols[1], 2);
  g_autofree char *item = fc_cells_code_part (l->sheet, r, part_cols[2], 2);
  if (cls != NULL && (strlen (cls) == 5 || strlen (cls) == 7) && sec == NULL && item == NULL)
    {
      /* the whole code written under 类 */
      g_free (*last_class);
      *last_class = g_strndup (cls, 3);
      g_free (*last_section);
      *last_section = g_strndup (cls, 5);
      return g_steal_pointer (&cls);
    }
  if (cls != NULL && strlen (cls) != 3)
    return NULL;
  if (cls != NULL)
    {
      g_free (*last_class);
      *last_class = g_strdup (cls);
      g_clear_pointer (last_section, g_free);
    }
  else if ((sec != NULL || item != NULL) && *last_class != NULL)
    cls = g_strdup (*last_class);
  if (cls == NULL)
    return NULL;
  g_autofree char *section = sec != NULL ? join_part (cls, sec, 2) : NULL;
  if (sec != NULL && section == NULL)
    return NULL;
  if (section != NULL)
    {
      g_free (*last_section);
      *last_section = g_strdup (section);
    }
  else if (item != NULL && *last_section != NULL && g_str_has_prefix (*last_section, cls))
    section = g_strdup (*last_section);
  if (item == NULL)
    return section != NULL ? g_steal_pointer (&section) : g_steal_pointer (&cls);
  return section != NULL ? join_part (section, item, 2) : NULL;
}

void
fc_row_keys_by_code (const FcLayout *l, GPtrArray *out)
{
  guint code_col = l->code_cols->len > 0 ? g_array_index (l->code_cols, guint, 0)
                   : l->label_cols->len > 0 ? g_array_index (l->label_cols, guint, 0) : 0;
  g_autofree char *last_class = NULL, *last_section = NULL;
  g_autoptr (GArray) rows = data_rows (l);
  for (guint i = 0; i < rows->len; i++)
    {
      guint r = g_array_index (rows, guint, i);
      g_autofree char *rest = NULL;
      g_autofree char *code = l->part_cols[0] >= 0
                                ? split_code (l, r, l->part_cols, &last_class, &last_section)
                                : fc_cells_code (l->sheet, r, code_col, &rest);
      const char *display = rest != NULL ? rest : "";
      if (l->name_col >= 0 && fc_cells_has_text (l->sheet, r, (guint) l->name_col)
          && !fc_layout_is_key_text (l, r, (guint) l->name_col))
        display = fc_sheet_get_cell (l->sheet, r, (guint) l->name_col)->text;
      if (code == NULL)
        display = first_label (l, r, 0, l->ncols);
      if (code == NULL && *display == '\0')
        continue;
      FcTableRow *row = fc_table_row_new (r, -1, code, display);
      set_columns (l, row, r, 0, (int) l->ncols);
      g_ptr_array_add (out, row);
    }
}

/* ---- 06: blocks of code | name | amount -------------------------------- */

/* A row of 06 that carries a label instead of a code (人员经费合计): its
 * amount is the first value to its right, up to the next label (公用经费合计
 * sits in block 3 with its amount in block 4 in real packages); amount_col
 * when there is none.  NULL when the row has no label there. */
static FcTableRow *
label_row (const FcLayout *l, guint r, guint label_col, guint amount_col)
{
  if (label_col == G_MAXUINT)
    return NULL;
  FcTableRow *row = fc_table_row_new (r, -1, NULL, fc_sheet_get_cell (l->sheet, r, label_col)->text);
  int amount = amount_col < l->ncols ? (int) amount_col : -1;
  for (guint c = label_col + 1; c < l->ncols; c++)
    {
      if (fc_cells_has_text (l->sheet, r, c))
        break;
      if (!fc_cells_is_blank (l->sheet, r, c))
        {
          amount = (int) c;
          break;
        }
    }
  fc_table_row_set_column (row, 1, amount);
  return row;
}

/* The first of cols (of guint) in [from, to), or -1. */
static int
first_in (const GArray *cols, guint from, guint to)
{
  for (guint i = 0; i < cols->len; i++)
    {
      guint c = g_array_index (cols, guint, i);
      if (c >= from && c < to)
        return (int) c;
    }
  return -1;
}

/* One block of 06 with its codes split: 类 | 款 (| 项) (| 科目名称) | 决算数. */
typedef struct {
  int parts[3];
  int name;
  guint amount;
  char *last_class, *last_section; /* carried down, as split_code does */
} SplitBlock;

/* 06 with its economic codes split over 类 | 款 (| 项) columns, alone or in
 * side-by-side blocks, with or without a 科目名称 column: each block starts
 * at a 类 column and runs to the next; its amount is its first column that
 * is none of its keys. */
static void
by_split_code_blocks (const FcLayout *l, GPtrArray *out)
{
  const GArray *classes = l->part_col_lists[0];
  guint n_blocks = classes->len;
  g_autofree SplitBlock *blocks = g_new0 (SplitBlock, n_blocks);
  for (guint b = 0; b < n_blocks; b++)
    {
      SplitBlock *k = &blocks[b];
      guint from = g_array_index (classes, guint, b);
      guint to = b + 1 < n_blocks ? g_array_index (classes, guint, b + 1) : l->ncols;
      k->parts[0] = (int) from;
      k->parts[1] = first_in (l->part_col_lists[1], from + 1, to);
      k->parts[2] = first_in (l->part_col_lists[2], from + 1, to);
      k->name = first_in (l->name_cols, from + 1, to);
      k->amount = G_MAXUINT;
      for (guint c = from + 1; c < to && k->amount == G_MAXUINT; c++)
        if ((int) c != k->parts[1] && (int) c != k->parts[2] && (int) c != k->name)
          k->amount = c;
    }
  g_autoptr (GArray) rows = data_rows (l);
  for (guint i = 0; i < rows->len; i++)
    {
      guint r = g_array_index (rows, guint, i);
      for (guint b = 0; b < n_blocks; b++)
        {
          SplitBlock *k = &blocks[b];
          g_autofree char *code = split_code (l, r, k->parts, &k->last_class, &k->last_section);
          if (code != NULL)
            {
              const char *name = k->name >= 0 && fc_cells_has_text (l->sheet, r, (guint) k->name)
                                   ? fc_sheet_get_cell (l->sheet, r, (guint) k->name)->text
                                   : "";
              FcTableRow *row = fc_table_row_new (r, -1, code, name);
              fc_table_row_set_column (row, 1, k->amount < l->ncols ? (int) k->amount : -1);
              g_ptr_array_add (out, row);
              continue;
            }
          /* a label (人员经费合计) under the name, or across the code columns */
          guint label_col = G_MAXUINT;
          for (int p = -1; p < 3 && label_col == G_MAXUINT; p++)
            {
              int c = p < 0 ? k->name : k->parts[p];
              if (c >= 0 && fc_cells_has_text (l->sheet, r, (guint) c) && !fc_layout_is_key_text (l, r, (guint) c))
                label_col = (guint) c;
            }
          FcTableRow *row = label_row (l, r, label_col, k->amount);
          if (row != NULL)
            g_ptr_array_add (out, row);
        }
    }
  for (guint b = 0; b < n_blocks; b++)
    {
      g_free (blocks[b].last_class);
      g_free (blocks[b].last_section);
    }
}

void
fc_row_keys_by_code_blocks (const FcLayout *l, GPtrArray *out)
{
  if (l->part_col_lists[0]->len > 0)
    {
      by_split_code_blocks (l, out);
      return;
    }
  guint n_blocks = l->code_cols->len;
  g_autoptr (GArray) rows = data_rows (l);
  for (guint i = 0; i < rows->len; i++)
    {
      guint r = g_array_index (rows, guint, i);
      for (guint b = 0; b < n_blocks; b++)
        {
          guint code_col = g_array_index (l->code_cols, guint, b);
          guint name_col = code_col + 1, amount_col = code_col + 2;
          g_autofree char *code = fc_cells_code (l->sheet, r, code_col, NULL);
          if (code != NULL)
            {
              const FcCell *name = fc_sheet_get_cell (l->sheet, r, name_col);
              FcTableRow *row = fc_table_row_new (r, -1, code,
                                                  name->kind == FC_CELL_TEXT ? name->text : "");
              fc_table_row_set_column (row, 1, amount_col < l->ncols ? (int) amount_col : -1);
              g_ptr_array_add (out, row);
              continue;
            }
          /* a label such as 人员经费合计 */
          guint label_col = fc_cells_has_text (l->sheet, r, name_col) ? name_col
                            : fc_cells_has_text (l->sheet, r, code_col) ? code_col : G_MAXUINT;
          FcTableRow *row = label_row (l, r, label_col, amount_col);
          if (row != NULL)
            g_ptr_array_add (out, row);
        }
    }
}

/* ---- 09: rows numbered as found ---------------------------------------- */

void
fc_row_keys_plain (const FcLayout *l, GPtrArray *out, gboolean *lines_inferred)
{
  int line = 0;
  g_autoptr (GArray) rows = data_rows (l);
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  *lines_inferred = TRUE; /* rows numbered 1, 2, … as found */
  for (guint i = 0; i < rows->len; i++)
    {
      guint r = g_array_index (rows, guint, i);
      FcTableRow *row = fc_table_row_new (r, line + 1, NULL, first_label (l, r, 0, l->ncols));
      gboolean any;
      /* a label that completes the header (预算数 / 决算数 rows) says what
       * each column of its row stands for */
      if (fc_layout_row_columns (l, row->display, numbers))
        {
          any = FALSE;
          for (guint c = 0; c < numbers->len; c++)
            if (g_array_index (numbers, int, c) > 0
                && !fc_layout_is_header_text (l, r, c) && !fc_layout_is_total_text (l, r, c))
              {
                fc_table_row_set_column (row, (guint) g_array_index (numbers, int, c), (int) c);
                any |= fc_cells_is_amount (l->sheet, r, c);
              }
        }
      else
        any = set_columns (l, row, r, 0, (int) l->ncols);
      if (!any)
        {
          fc_table_row_free (row);
          continue;
        }
      line++;
      g_ptr_array_add (out, row);
    }
}
