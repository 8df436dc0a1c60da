/* fc-check.c — evaluating rules on recognised tables.
 *
 * A rule is checked only where all it reads is there: a table the package
 * lacks, a column its layout does not have, a row named by 行次 or label
 * that is missing (said once, I.2), a breakdown the package does not print
 * — each makes the rule not apply rather than compare with 0, because an
 * error must mean a published number is wrong.
 */
#include "fc-check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-check-private.h"

/* Scratch arrays: a rule reads its cells into small arrays, thousands of
 * times a check; the context keeps those given back, emptied, for the next
 * (transfer full until given back with fc_check_scratch_give). */
GArray *
fc_check_scratch_take (FcCheckContext *c, guint element_size)
{
  GPtrArray *spare = element_size == sizeof (FcCheckCell) ? c->spare_cells : c->spare_ints;
  if (spare->len > 0)
    return g_ptr_array_steal_index_fast (spare, spare->len - 1);
  return g_array_sized_new (FALSE, FALSE, element_size, 16);
}

void
fc_check_scratch_give (FcCheckContext *c, GArray *array)
{
  GPtrArray *spare = g_array_get_element_size (array) == sizeof (FcCheckCell) ? c->spare_cells
                                                                             : c->spare_ints;
  g_array_set_size (array, 0);
  g_ptr_array_add (spare, array);
}

FcCheckContext *
fc_check_context_new (const FcCatalogue *catalogue, GPtrArray *tables, FcReport *report,
                      const FcTolerance *tolerance)
{
  FcCheckContext *c = g_new0 (FcCheckContext, 1);
  c->catalogue = catalogue;
  c->tolerance = *tolerance;
  c->tables = tables;
  c->report = report;
  c->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->invalid = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  c->spare_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  c->spare_ints = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return c;
}

void
fc_check_context_free (FcCheckContext *context)
{
  if (context == NULL)
    return;
  g_hash_table_unref (context->seen);
  g_hash_table_unref (context->invalid);
  g_ptr_array_unref (context->spare_cells);
  g_ptr_array_unref (context->spare_ints);
  g_free (context);
}

double
fc_check_tolerance (const FcTolerance *tolerance, guint n_figures)
{
  if (n_figures == 0)
    return 0;
  /* the same figure in two tables: ±0.01 (舍位平衡) is all docs/domain.md allows */
  if (n_figures <= 2)
    return MIN (tolerance->per_figure * n_figures, tolerance->maximum);
  return CLAMP (tolerance->per_figure * n_figures, tolerance->minimum, tolerance->maximum);
}

static double
quantize (double v)
{
  return round (v / FC_DIFFERENCE_QUANTUM) * FC_DIFFERENCE_QUANTUM;
}

const char *
fc_check_table_title (const FcCheckContext *c, const char *id)
{
  const FcTableDef *def = fc_catalogue_lookup_table (c->catalogue, id);
  return def != NULL ? def->title : id;
}

void
fc_check_add_title_cell (FcFinding *f, const FcTable *t)
{
  fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->title_row, t->title_col, t->title, "", 0);
}

/* ---- tables ------------------------------------------------------------ */

void
fc_check_report_tables (FcCheckContext *c)
{
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (t->problems->len == 0)
        continue;
      g_autoptr (GString) zh = g_string_new (NULL);
      g_autoptr (GString) en = g_string_new (NULL);
      for (guint k = 0; k + 1 < t->problems->len; k += 2)
        {
          g_string_append_printf (zh, "%s%s", k ? "；" : "", (char *) g_ptr_array_index (t->problems, k));
          g_string_append_printf (en, "%s%s", k ? "; " : "", (char *) g_ptr_array_index (t->problems, k + 1));
        }
      g_autofree char *mzh = g_strdup_printf ("公开%s表（%s）未能完全识别：%s；相关校验未执行",
                                              t->id, t->title, zh->str);
      g_autofree char *men = g_strdup_printf ("Table %s (%s) was not fully understood: %s; the rules "
                                              "that need it were not checked", t->id, t->title, en->str);
      FcFinding *f = fc_finding_new ("I.3", FC_SEVERITY_WARNING, t->id, mzh, men);
      fc_check_add_title_cell (f, t);
      fc_report_add_finding (c->report, f);
    }
}

gboolean
fc_check_table_not_understood (const FcTable *t)
{
  return t->problems->len > 0 && !t->lines_inferred;
}

/* TRUE when no row of the table holds a non-zero amount. */
gboolean
fc_check_table_is_empty (const FcTable *t)
{
  for (guint k = 0; k < t->rows->len; k++)
    {
      const FcTableRow *row = g_ptr_array_index (t->rows, k);
      for (guint n = 1; n < row->cols->len; n++)
        {
          int col = fc_table_row_column (row, n);
          double v;
          if (col >= 0 && fc_amount_read (fc_sheet_get_cell (t->sheet, row->row, (guint) col), &v)
                          == FC_AMOUNT_VALUE && v != 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* TRUE when some row of the table has 栏次 number. */
gboolean
fc_check_table_has_column (const FcTable *t, guint number)
{
  for (guint k = 0; k < t->rows->len; k++)
    if (fc_table_row_column (g_ptr_array_index (t->rows, k), number) >= 0)
      return TRUE;
  return FALSE;
}

/* ---- cells ------------------------------------------------------------- */

/* Appends the cell of 栏次 number in row; FALSE when the row has no such
 * 栏次. */
gboolean
fc_check_add_cell (GArray *cells, const FcTable *t, const FcTableRow *row, guint number)
{
  int col = fc_table_row_column (row, number);
  if (col < 0)
    return FALSE;
  FcCheckCell v = { t, row, number, (guint) col, 0, 0 };
  v.kind = fc_amount_read (fc_sheet_get_cell (t->sheet, row->row, (guint) col), &v.value);
  v.value *= t->unit_scale;
  g_array_append_val (cells, v);
  return TRUE;
}

/* The cells of the columns ref names in one row; FALSE when the row lacks
 * one of them. */
static gboolean
add_row_columns (GArray *cells, const FcCheckContext *c, const FcTable *t,
                 const FcTableRow *row, const FcRef *ref)
{
  switch (ref->column)
    {
    case FC_COLUMN_ONE:
      return fc_check_add_cell (cells, t, row, ref->col_from);
    case FC_COLUMN_RANGE:
      for (guint n = ref->col_from; n <= ref->col_to; n++)
        if (!fc_check_add_cell (cells, t, row, n))
          return FALSE;
      return TRUE;
    case FC_COLUMN_EACH:
    default:
      return fc_check_add_cell (cells, t, row, c->each_column);
    }
}

static guint
first_column (const FcCheckContext *c, const FcRef *ref)
{
  return ref->column == FC_COLUMN_EACH ? c->each_column : ref->col_from;
}

/* A row a rule names by 行次 or label is not in the table: comparing with 0
 * would cry wolf, so the rule is not checked there, and the reviewer is
 * told once per row (01's 总计 栏1 and 总计 栏2 are two rows). */
static void
report_missing_row (FcCheckContext *c, const FcTable *t, const FcRef *ref, guint col)
{
  g_autofree char *what = ref->row == FC_ROW_LINE ? g_strdup_printf ("行%d", ref->line_from)
                                                  : g_strdup_printf ("“%s”", ref->key);
  char *key = g_strdup_printf ("row\x1f%s\x1f%s\x1f%u", t->id, what, col);
  if (!g_hash_table_add (c->seen, key))
    return;
  g_autofree char *zh = g_strdup_printf ("公开%s表中未找到%s行（栏%u），依赖它的校验未执行",
                                         t->id, what, col);
  g_autofree char *en = g_strdup_printf ("Table %s has no row %s (column %u): the rules that need "
                                         "it were not checked", t->id, what, col);
  FcFinding *f = fc_finding_new ("I.2", FC_SEVERITY_WARNING, t->id, zh, en);
  fc_check_add_title_cell (f, t);
  fc_report_add_finding (c->report, f);
}

/* Whether the table's cells print an amount with a fractional part
 * anywhere (codes, 行次 and 栏次 are whole): a table whose rows carry no
 * amount may still print them where its columns were not placed (06 cut
 * sideways over pages): that is not a table without data. */
static gboolean
prints_fractions (const FcTable *t)
{
  for (guint r = t->first_row; r <= t->last_row; r++)
    for (guint c = t->first_col; c <= t->last_col; c++)
      {
        const FcCell *cell = fc_sheet_get_cell (t->sheet, r, c);
        double v;
        if (fc_amount_read (cell, &v) == FC_AMOUNT_VALUE && v != floor (v))
          return TRUE;
      }
  return FALSE;
}

/* Appends the cells ref names.  Not applicable when its table is not in
 * the workbook (presence is a rule of its own), when a row it names by
 * 行次 or label is missing (said once) or lacks a column it names.  A
 * missing code is nil: codes without amounts are left out of real tables,
 * and so are rows without amounts where lines were inferred and in tables
 * that say they have no data. */
static FcCheckResolution
resolve_ref (FcCheckContext *c, const FcRef *ref, GArray *cells)
{
  const FcTable *t = fc_table_lookup (c->tables, ref->table);
  if (t == NULL)
    return FC_CHECK_NOT_APPLICABLE;
  guint col = first_column (c, ref);
  const FcTableRow *row = NULL;
  switch (ref->row)
    {
    case FC_ROW_LINE:
    case FC_ROW_LABEL:
      row = ref->row == FC_ROW_LINE ? fc_table_find_line (t, ref->line_from, col)
                                    : fc_table_find_label (t, ref->key, col);
      if (row == NULL)
        {
          gboolean any = ref->row == FC_ROW_LINE ? fc_table_find_line (t, ref->line_from, 0) != NULL
                                                 : fc_table_find_label (t, ref->key, 0) != NULL;
          if (any) /* the row is there, without that column */
            return FC_CHECK_NOT_APPLICABLE;
          /* a table not understood (I.3) may show no amounts because its
           * rows were not found, not because it has none: not nil */
          if (fc_check_table_not_understood (t))
            return FC_CHECK_NOT_APPLICABLE;
          if (t->lines_inferred || (fc_check_table_is_empty (t) && !prints_fractions (t)))
            return FC_CHECK_RESOLVED;
          if (!c->quiet)
            report_missing_row (c, t, ref, col);
          return FC_CHECK_NOT_APPLICABLE;
        }
      break;
    case FC_ROW_CODE:
      row = fc_table_find_code (t, ref->key, 0);
      break;
    case FC_ROW_EACH:
      if (g_strcmp0 (c->each_table, ref->table) == 0)
        row = c->each_row;
      break;
    case FC_ROW_EACH_CLASS:
    case FC_ROW_EACH_CODE:
      row = fc_table_find_code (t, c->each_code, 0);
      break;
    case FC_ROW_LINE_RANGE:
    case FC_ROW_ALL_CLASSES:
      {
        gboolean any = FALSE;
        for (guint i = 0; i < t->rows->len; i++)
          {
            const FcTableRow *r = g_ptr_array_index (t->rows, i);
            gboolean in = ref->row == FC_ROW_LINE_RANGE
                            ? r->line >= ref->line_from && r->line <= ref->line_to
                            : r->code != NULL && strlen (r->code) == 3;
            /* side-by-side blocks: the rows of the block that has the column */
            if (in && fc_table_row_column (r, col) >= 0)
              any |= add_row_columns (cells, c, t, r, ref);
          }
        /* lines none of which is printed (04's 61–63 in Shanghai's form) */
        return any || ref->row == FC_ROW_ALL_CLASSES ? FC_CHECK_RESOLVED : FC_CHECK_NOT_APPLICABLE;
      }
    }
  if (row == NULL)
    return FC_CHECK_RESOLVED;
  return add_row_columns (cells, c, t, row, ref) ? FC_CHECK_RESOLVED : FC_CHECK_NOT_APPLICABLE;
}

/* ---- findings ---------------------------------------------------------- */

void
fc_check_finding_add_cells (FcFinding *f, const GArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const FcCheckCell *v = &g_array_index (cells, FcCheckCell, i);
      g_autofree char *row_label = fc_table_row_describe (v->row);
      fc_finding_add_cell (f, fc_sheet_get_name (v->table->sheet), v->row->row,
                           v->col, row_label,
                           fc_table_column_label (v->table, v->number), v->value);
    }
}

/* A cell that should hold an amount and does not: remembered once per cell,
 * reported by fc_check_finish. */
static void
note_invalid (FcCheckContext *c, const FcCheckCell *v)
{
  GPtrArray *list = g_hash_table_lookup (c->invalid, v->table);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (c->invalid, (gpointer) v->table, list);
    }
  for (guint i = 0; i < list->len; i++)
    {
      const FcCheckCell *seen = g_ptr_array_index (list, i);
      if (seen->row->row == v->row->row && seen->col == v->col)
        return;
    }
  g_ptr_array_add (list, g_memdup2 (v, sizeof *v));
}

static void
report_invalid_cell (FcCheckContext *c, const FcCheckCell *v)
{
  const FcCell *cell = fc_sheet_get_cell (v->table->sheet, v->row->row, v->col);
  g_autofree char *shown = fc_cell_to_display (cell);
  g_autofree char *zh = g_strdup_printf ("金额单元格内容不是有效金额：“%s”", shown);
  g_autofree char *en = g_strdup_printf ("An amount cell holds no valid amount: “%s”", shown);
  FcFinding *f = fc_finding_new ("I.1", FC_SEVERITY_ERROR, v->table->id, zh, en);
  g_autofree char *row_label = fc_table_row_describe (v->row);
  fc_finding_add_cell (f, fc_sheet_get_name (v->table->sheet), v->row->row, v->col, row_label,
                       fc_table_column_label (v->table, v->number), 0);
  fc_report_add_finding (c->report, f);
}

static gint
compare_table_position (gconstpointer a, gconstpointer b)
{
  const FcTable *x = *(const FcTable *const *) a, *y = *(const FcTable *const *) b;
  return strcmp (x->id, y->id) != 0 ? strcmp (x->id, y->id)
         : x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

void
fc_check_finish (FcCheckContext *c)
{
  g_autoptr (GPtrArray) tables = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, c->invalid);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (tables, key);
  g_ptr_array_sort (tables, compare_table_position);
  for (guint i = 0; i < tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (tables, i);
      GPtrArray *cells = g_hash_table_lookup (c->invalid, t);
      if (cells->len < FC_INVALID_MISREAD)
        {
          for (guint k = 0; k < cells->len; k++)
            report_invalid_cell (c, g_ptr_array_index (cells, k));
          continue;
        }
      const FcCheckCell *first = g_ptr_array_index (cells, 0);
      g_autofree char *shown = fc_cell_to_display (fc_sheet_get_cell (t->sheet, first->row->row,
                                                                      first->col));
      g_autofree char *zh = g_strdup_printf ("公开%s表有%u个应为金额的单元格不是金额（如“%s”），"
                                             "可能未正确识别该表，涉及的校验未执行",
                                             t->id, cells->len, shown);
      g_autofree char *en = g_strdup_printf ("Table %s has %u cells that should hold amounts and do "
                                             "not (e.g. “%s”): the table may be misread; the rules "
                                             "that need them were not checked", t->id, cells->len, shown);
      FcFinding *f = fc_finding_new ("I.1", FC_SEVERITY_WARNING, t->id, zh, en);
      for (guint k = 0; k < cells->len; k++)
        {
          const FcCheckCell *v = g_ptr_array_index (cells, k);
          g_autofree char *row_label = fc_table_row_describe (v->row);
          fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), v->row->row, v->col, row_label,
                               fc_table_column_label (t, v->number), 0);
        }
      fc_report_add_finding (c->report, f);
    }
}

/* Compares the two sides of one instance of a rule and reports. */
void
fc_check_judge (FcCheckContext *c, const FcRule *rule, FcRelation relation,
       GArray *lhs, GArray *rhs, const int *lhs_signs, const int *rhs_signs,
       double lhs_constant, double rhs_constant, const FcCheckDescriber *about)
{
  GArray *sides[] = { lhs, rhs };
  const int *signs[] = { lhs_signs, rhs_signs };
  double sum[2] = { lhs_constant, rhs_constant };
  guint figures = 0;
  double coarsest = 0; /* the largest unit among the figures: its rounding counts */
  gboolean invalid = FALSE;
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        const FcCheckCell *v = &g_array_index (sides[s], FcCheckCell, i);
        if (v->kind == FC_AMOUNT_INVALID)
          {
            note_invalid (c, v);
            invalid = TRUE;
          }
        if (v->kind == FC_AMOUNT_VALUE)
          figures++, coarsest = MAX (coarsest, v->table->unit_scale);
        sum[s] += (signs[s] ? signs[s][i] : 1) * v->value;
      }
  if (invalid || (lhs->len == 0 && rhs->len == 0))
    return;
  double difference = quantize (sum[0] - sum[1]);
  double tolerance = fc_check_tolerance (&c->tolerance, figures) * coarsest;
  double excess; /* how far the difference goes the forbidden way */
  switch (relation)
    {
    case FC_RELATION_LE: excess = difference; break;
    case FC_RELATION_GE: excess = -difference; break;
    case FC_RELATION_EQ:
    default: excess = fabs (difference); break;
    }
  if (excess <= FC_DIFFERENCE_QUANTUM / 2)
    return;
  FcSeverity severity = rule->severity;
  const char *prefix_zh = "", *prefix_en = "";
  if (excess <= tolerance + FC_DIFFERENCE_QUANTUM / 2)
    {
      if (relation != FC_RELATION_EQ)
        return; /* a plausibility bound met within rounding: nothing to say */
      severity = FC_SEVERITY_INFO;
      prefix_zh = "尾数差异（在舍入误差范围内）：";
      prefix_en = "Rounding tail (within tolerance): ";
    }
  g_autofree char *context_zh = about->describe (c, rule, about->data, TRUE);
  g_autofree char *context_en = about->describe (c, rule, about->data, FALSE);
  g_autofree char *zh = g_strdup_printf ("%s%s%s%s", prefix_zh, rule->message,
                                         *context_zh ? "——" : "", context_zh);
  g_autofree char *en = g_strdup_printf ("%s%s%s%s", prefix_en, rule->message_en,
                                         *context_en ? " — " : "", context_en);
  FcFinding *f = fc_finding_new (rule->id, severity, rule->table, zh, en);
  fc_check_finding_add_cells (f, lhs);
  fc_check_finding_add_cells (f, rhs);
  f->has_amounts = TRUE;
  f->actual = quantize (sum[0]);
  f->expected = quantize (sum[1]);
  f->difference = difference;
  f->tolerance = tolerance;
  fc_report_add_finding (c->report, f);
}

/* ---- check rules ------------------------------------------------------- */

FcCheckResolution
fc_check_resolve_side (FcCheckContext *c, const GArray *terms, GArray *cells,
              GArray *signs, double *constant)
{
  *constant = 0;
  for (guint i = 0; i < terms->len; i++)
    {
      const FcTerm *t = &g_array_index (terms, FcTerm, i);
      if (t->is_constant)
        {
          *constant += t->sign * t->constant;
          continue;
        }
      guint before = cells->len;
      if (resolve_ref (c, &t->ref, cells) == FC_CHECK_NOT_APPLICABLE)
        return FC_CHECK_NOT_APPLICABLE;
      for (guint k = before; k < cells->len && signs != NULL; k++)
        g_array_append_val (signs, t->sign);
    }
  return FC_CHECK_RESOLVED;
}

/* ---- figures for the narrative ------------------------------------------ */

gboolean
fc_check_figure (FcCheckContext *c, const FcRule *figure, FcFigureValue *out, FcFinding *cells_to)
{
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (FcCheckCell));
  g_autoptr (GArray) signs = g_array_new (FALSE, FALSE, sizeof (int));
  double constant = 0;
  memset (out, 0, sizeof *out);
  c->quiet = TRUE;
  FcCheckResolution r = fc_check_resolve_side (c, figure->lhs, cells, signs, &constant);
  c->quiet = FALSE;
  if (r == FC_CHECK_NOT_APPLICABLE || cells->len == 0)
    return FALSE;
  out->value = constant;
  for (guint i = 0; i < cells->len; i++)
    {
      const FcCheckCell *v = &g_array_index (cells, FcCheckCell, i);
      if (v->kind == FC_AMOUNT_INVALID)
        return FALSE; /* the table's own rules say so (I.1) */
      out->value += g_array_index (signs, int, i) * v->value;
      out->n_figures += v->kind == FC_AMOUNT_VALUE;
    }
  out->value = quantize (out->value);
  out->n_cells = cells->len;
  out->table = g_array_index (cells, FcCheckCell, 0).table->id;
  if (cells_to != NULL)
    fc_check_finding_add_cells (cells_to, cells);
  return TRUE;
}

void
fc_check_context_set_text (FcCheckContext *context, FcTextFacts *text)
{
  context->text = text;
}

FcTextFacts *
fc_check_context_get_text (const FcCheckContext *context)
{
  return context->text;
}

const FcTolerance *
fc_check_context_tolerance (const FcCheckContext *context)
{
  return &context->tolerance;
}

GPtrArray *
fc_check_context_tables (const FcCheckContext *context)
{
  return context->tables;
}

FcReport *
fc_check_context_report (const FcCheckContext *context)
{
  return context->report;
}
