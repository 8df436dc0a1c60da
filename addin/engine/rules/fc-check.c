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

#include "fc-amount.h"
#include "fc-narrative-check.h"

/* Differences are compared after rounding to this, so that binary noise in
 * sums of 2-decimal figures never reads as a difference. */
#define FC_DIFFERENCE_QUANTUM 1e-6

/* This many cells of one table that hold no amount where rules expect one
 * say the table is misread (a column of notes taken for amounts), not that
 * it is misprinted: one warning instead of an error each. */
#define FC_INVALID_MISREAD 3

struct _FcCheckContext {
  const FcCatalogue *catalogue; /* borrowed */
  GPtrArray *tables;        /* of FcTable*, borrowed */
  FcTolerance tolerance;
  FcReport *report;         /* borrowed */
  GHashTable *seen;         /* things said once: "row\x1f…" for missing rows */
  GHashTable *invalid;      /* table → GPtrArray of its CellValue* that hold no amount */
  /* the current instance of an iterated rule; all borrowed from tables */
  const FcTableRow *each_row;
  const char *each_table;
  const char *each_code;
  guint each_column;
  gboolean quiet;           /* evaluating a figure for the narrative: report nothing */
  FcTextFacts *text;        /* what narrative rules read, borrowed */
  /* emptied arrays given back (scratch_give), of CellValue and of int */
  GPtrArray *spare_cells;
  GPtrArray *spare_ints;
};

/* One cell a rule reads; table and row are borrowed from the context. */
typedef struct {
  const FcTable *table;
  const FcTableRow *row;
  guint number; /* 栏次 */
  guint col;    /* sheet column */
  FcAmountKind kind;
  double value; /* in 万元, whatever unit the table states */
} CellValue;

/* Scratch arrays: a rule reads its cells into small arrays, thousands of
 * times a check; the context keeps those given back, emptied, for the next
 * (transfer full until given back with scratch_give). */
static GArray *
scratch_take (FcCheckContext *c, guint element_size)
{
  GPtrArray *spare = element_size == sizeof (CellValue) ? c->spare_cells : c->spare_ints;
  if (spare->len > 0)
    return g_ptr_array_steal_index_fast (spare, spare->len - 1);
  return g_array_sized_new (FALSE, FALSE, element_size, 16);
}

static void
scratch_give (FcCheckContext *c, GArray *array)
{
  GPtrArray *spare = g_array_get_element_size (array) == sizeof (CellValue) ? c->spare_cells
                                                                             : c->spare_ints;
  g_array_set_size (array, 0);
  g_ptr_array_add (spare, array);
}

typedef enum {
  RESOLVED,      /* the cells are in the array (none: the figure is nil) */
  NOT_APPLICABLE /* something the rule reads is not in the package */
} Resolution;

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
  /* the same figure in two tables: ±0.01 (舍位平衡) is all DOMAIN allows */
  if (n_figures <= 2)
    return MIN (tolerance->per_figure * n_figures, tolerance->maximum);
  return CLAMP (tolerance->per_figure * n_figures, tolerance->minimum, tolerance->maximum);
}

static double
quantize (double v)
{
  return round (v / FC_DIFFERENCE_QUANTUM) * FC_DIFFERENCE_QUANTUM;
}

static const char *
table_title (const FcCheckContext *c, const char *id)
{
  const FcTableDef *def = fc_catalogue_lookup_table (c->catalogue, id);
  return def != NULL ? def->title : id;
}

static void
add_title_cell (FcFinding *f, const FcTable *t)
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
      add_title_cell (f, t);
      fc_report_add_finding (c->report, f);
    }
}

/* TRUE when no row of the table holds a non-zero amount. */
static gboolean
table_is_empty (const FcTable *t)
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
static gboolean
table_has_column (const FcTable *t, guint number)
{
  for (guint k = 0; k < t->rows->len; k++)
    if (fc_table_row_column (g_ptr_array_index (t->rows, k), number) >= 0)
      return TRUE;
  return FALSE;
}

/* ---- cells ------------------------------------------------------------- */

/* Appends the cell of 栏次 number in row; FALSE when the row has no such
 * 栏次. */
static gboolean
add_cell (GArray *cells, const FcTable *t, const FcTableRow *row, guint number)
{
  int col = fc_table_row_column (row, number);
  if (col < 0)
    return FALSE;
  CellValue v = { t, row, number, (guint) col, 0, 0 };
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
      return add_cell (cells, t, row, ref->col_from);
    case FC_COLUMN_RANGE:
      for (guint n = ref->col_from; n <= ref->col_to; n++)
        if (!add_cell (cells, t, row, n))
          return FALSE;
      return TRUE;
    case FC_COLUMN_EACH:
    default:
      return add_cell (cells, t, row, c->each_column);
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
  add_title_cell (f, t);
  fc_report_add_finding (c->report, f);
}

/* Appends the cells ref names.  Not applicable when its table is not in
 * the workbook (presence is a rule of its own), when a row it names by
 * 行次 or label is missing (said once) or lacks a column it names.  A
 * missing code is nil: codes without amounts are left out of real tables,
 * and so are rows without amounts where lines were inferred and in tables
 * that say they have no data. */
static Resolution
resolve_ref (FcCheckContext *c, const FcRef *ref, GArray *cells)
{
  const FcTable *t = fc_table_lookup (c->tables, ref->table);
  if (t == NULL)
    return NOT_APPLICABLE;
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
            return NOT_APPLICABLE;
          if (t->lines_inferred || table_is_empty (t))
            return RESOLVED;
          if (!c->quiet)
            report_missing_row (c, t, ref, col);
          return NOT_APPLICABLE;
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
        return any || ref->row == FC_ROW_ALL_CLASSES ? RESOLVED : NOT_APPLICABLE;
      }
    }
  if (row == NULL)
    return RESOLVED;
  return add_row_columns (cells, c, t, row, ref) ? RESOLVED : NOT_APPLICABLE;
}

/* ---- findings ---------------------------------------------------------- */

static void
finding_add_cells (FcFinding *f, const GArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const CellValue *v = &g_array_index (cells, CellValue, i);
      g_autofree char *row_label = fc_table_row_describe (v->row);
      fc_finding_add_cell (f, fc_sheet_get_name (v->table->sheet), v->row->row,
                           v->col, row_label,
                           fc_table_column_label (v->table, v->number), v->value);
    }
}

/* A cell that should hold an amount and does not: remembered once per cell,
 * reported by fc_check_finish. */
static void
note_invalid (FcCheckContext *c, const CellValue *v)
{
  GPtrArray *list = g_hash_table_lookup (c->invalid, v->table);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (c->invalid, (gpointer) v->table, list);
    }
  for (guint i = 0; i < list->len; i++)
    {
      const CellValue *seen = g_ptr_array_index (list, i);
      if (seen->row->row == v->row->row && seen->col == v->col)
        return;
    }
  g_ptr_array_add (list, g_memdup2 (v, sizeof *v));
}

static void
report_invalid_cell (FcCheckContext *c, const CellValue *v)
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
      const CellValue *first = g_ptr_array_index (cells, 0);
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
          const CellValue *v = g_ptr_array_index (cells, k);
          g_autofree char *row_label = fc_table_row_describe (v->row);
          fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), v->row->row, v->col, row_label,
                               fc_table_column_label (t, v->number), 0);
        }
      fc_report_add_finding (c->report, f);
    }
}

/* What an instance of a rule is about ("201 一般公共服务支出 栏2"), made
 * only when there is something to report: most instances hold. */
typedef struct {
  char *(*describe) (const FcCheckContext *c, const FcRule *rule, gconstpointer data, gboolean zh);
  gconstpointer data;
} Describer;

/* Compares the two sides of one instance of a rule and reports. */
static void
judge (FcCheckContext *c, const FcRule *rule, FcRelation relation,
       GArray *lhs, GArray *rhs, const int *lhs_signs, const int *rhs_signs,
       double lhs_constant, double rhs_constant, const Describer *about)
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
        const CellValue *v = &g_array_index (sides[s], CellValue, i);
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
  finding_add_cells (f, lhs);
  finding_add_cells (f, rhs);
  f->has_amounts = TRUE;
  f->actual = quantize (sum[0]);
  f->expected = quantize (sum[1]);
  f->difference = difference;
  f->tolerance = tolerance;
  fc_report_add_finding (c->report, f);
}

/* ---- check rules ------------------------------------------------------- */

static Resolution
resolve_side (FcCheckContext *c, const GArray *terms, GArray *cells,
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
      if (resolve_ref (c, &t->ref, cells) == NOT_APPLICABLE)
        return NOT_APPLICABLE;
      for (guint k = before; k < cells->len && signs != NULL; k++)
        g_array_append_val (signs, t->sign);
    }
  return RESOLVED;
}

/* ---- figures for the narrative ------------------------------------------ */

gboolean
fc_check_figure (FcCheckContext *c, const FcRule *figure, FcFigureValue *out, FcFinding *cells_to)
{
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (CellValue));
  g_autoptr (GArray) signs = g_array_new (FALSE, FALSE, sizeof (int));
  double constant = 0;
  memset (out, 0, sizeof *out);
  c->quiet = TRUE;
  Resolution r = resolve_side (c, figure->lhs, cells, signs, &constant);
  c->quiet = FALSE;
  if (r == NOT_APPLICABLE || cells->len == 0)
    return FALSE;
  out->value = constant;
  for (guint i = 0; i < cells->len; i++)
    {
      const CellValue *v = &g_array_index (cells, CellValue, i);
      if (v->kind == FC_AMOUNT_INVALID)
        return FALSE; /* the table's own rules say so (I.1) */
      out->value += g_array_index (signs, int, i) * v->value;
      out->n_figures += v->kind == FC_AMOUNT_VALUE;
    }
  out->value = quantize (out->value);
  out->n_cells = cells->len;
  out->table = g_array_index (cells, CellValue, 0).table->id;
  if (cells_to != NULL)
    finding_add_cells (cells_to, cells);
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

/* A breakdown is printed where one of its parts holds a figure, or where
 * its total is nil (then blank parts are right). */
static gboolean
breakdowns_printed (FcCheckContext *c, const FcRule *rule)
{
  for (guint i = 0; rule->breakdowns != NULL && i < rule->breakdowns->len; i++)
    {
      const FcBreakdown *b = &g_array_index (rule->breakdowns, FcBreakdown, i);
      GArray *total = scratch_take (c, sizeof (CellValue));
      GArray *parts = scratch_take (c, sizeof (CellValue));
      double constant;
      gboolean applicable = resolve_side (c, b->total, total, NULL, &constant) == RESOLVED;
      gboolean nil = applicable, written = FALSE;
      for (guint k = 0; nil && k < total->len; k++)
        nil &= fabs (g_array_index (total, CellValue, k).value) < FC_DIFFERENCE_QUANTUM;
      if (applicable && !nil && resolve_side (c, b->parts, parts, NULL, &constant) == RESOLVED)
        for (guint k = 0; k < parts->len; k++)
          written |= g_array_index (parts, CellValue, k).kind == FC_AMOUNT_VALUE;
      scratch_give (c, total);
      scratch_give (c, parts);
      if (!applicable || (!nil && !written))
        return FALSE;
    }
  return TRUE;
}

static char *
describe_instance (const FcCheckContext *c, const FcRule *rule, gconstpointer data, gboolean zh)
{
  (void) data;
  g_autoptr (GString) s = g_string_new (NULL);
  if (c->each_row != NULL)
    {
      g_autofree char *d = fc_table_row_describe (c->each_row);
      g_string_append (s, d);
    }
  if (c->each_code != NULL)
    g_string_append_printf (s, zh ? "科目%s" : "code %s", c->each_code);
  if (c->each_column > 0)
    {
      const FcTable *t = rule->tables->len > 0
                           ? fc_table_lookup (c->tables, g_ptr_array_index (rule->tables, 0)) : NULL;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      if (t != NULL)
        g_string_append (s, fc_table_column_label (t, c->each_column));
      else
        g_string_append_printf (s, "栏%u", c->each_column);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
check_instance (FcCheckContext *c, const FcRule *rule)
{
  GArray *lhs = scratch_take (c, sizeof (CellValue));
  GArray *rhs = scratch_take (c, sizeof (CellValue));
  GArray *lsigns = scratch_take (c, sizeof (int));
  GArray *rsigns = scratch_take (c, sizeof (int));
  double lc, rc;
  if (resolve_side (c, rule->lhs, lhs, lsigns, &lc) == RESOLVED
      && resolve_side (c, rule->rhs, rhs, rsigns, &rc) == RESOLVED
      && breakdowns_printed (c, rule))
    {
      const Describer about = { describe_instance, NULL };
      judge (c, rule, rule->relation, lhs, rhs, (int *) lsigns->data,
             (int *) rsigns->data, lc, rc, &about);
    }
  scratch_give (c, lhs);
  scratch_give (c, rhs);
  scratch_give (c, lsigns);
  scratch_give (c, rsigns);
}

typedef struct {
  const char *each_table;     /* table whose rows '*' iterates, or NULL */
  gboolean each_code, classes_only;
  const char *each_col_table; /* table whose columns '*' iterates, or NULL */
} Iteration;

static Iteration
rule_iteration (const FcRule *rule)
{
  Iteration it = { 0 };
  const GArray *sides[] = { rule->lhs, rule->rhs };
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        const FcTerm *t = &g_array_index (sides[s], FcTerm, i);
        if (t->is_constant)
          continue;
        if (t->ref.row == FC_ROW_EACH && it.each_table == NULL)
          it.each_table = t->ref.table;
        if (t->ref.row == FC_ROW_EACH_CLASS)
          it.each_code = it.classes_only = TRUE;
        if (t->ref.row == FC_ROW_EACH_CODE)
          it.each_code = TRUE;
        if (t->ref.column == FC_COLUMN_EACH && it.each_col_table == NULL)
          it.each_col_table = t->ref.table;
      }
  return it;
}

static gint
compare_code (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Every code (or 类 code) in the tables that $code / $class terms read,
 * sorted (transfer full). */
static GPtrArray *
collect_codes (const FcCheckContext *c, const FcRule *rule, gboolean classes_only)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *codes = g_ptr_array_new ();
  const GArray *sides[] = { rule->lhs, rule->rhs };
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        const FcTerm *t = &g_array_index (sides[s], FcTerm, i);
        if (t->is_constant || (t->ref.row != FC_ROW_EACH_CLASS && t->ref.row != FC_ROW_EACH_CODE))
          continue;
        const FcTable *table = fc_table_lookup (c->tables, t->ref.table);
        for (guint k = 0; table != NULL && k < table->rows->len; k++)
          {
            const FcTableRow *r = g_ptr_array_index (table->rows, k);
            if (r->code == NULL || (classes_only && strlen (r->code) != 3))
              continue;
            if (g_hash_table_add (seen, r->code))
              g_ptr_array_add (codes, r->code);
          }
      }
  g_ptr_array_sort (codes, compare_code);
  return codes;
}

static void
check_columns (FcCheckContext *c, const FcRule *rule, const Iteration *it)
{
  if (it->each_col_table == NULL)
    {
      check_instance (c, rule);
      return;
    }
  const FcTable *t = fc_table_lookup (c->tables, it->each_col_table);
  if (t == NULL)
    return;
  for (guint n = 1; n < t->column_labels->len; n++)
    if (table_has_column (t, n))
      {
        c->each_column = n;
        check_instance (c, rule);
      }
  c->each_column = 0;
}

/* The table of a $code term on side, when it lacks the current code. */
static const FcTable *
side_lacking_code (const FcCheckContext *c, const GArray *side)
{
  for (guint i = 0; i < side->len; i++)
    {
      const FcTerm *t = &g_array_index (side, FcTerm, i);
      if (t->is_constant || (t->ref.row != FC_ROW_EACH_CLASS && t->ref.row != FC_ROW_EACH_CODE))
        continue;
      const FcTable *table = fc_table_lookup (c->tables, t->ref.table);
      if (table != NULL && fc_table_find_code (table, c->each_code, 0) == NULL)
        return table;
    }
  return NULL;
}

/* The non-zero figures of the current code on side, over every column
 * the rule reads. */
static void
code_figures (FcCheckContext *c, const FcRule *rule, const Iteration *it, const GArray *side,
              GArray *cells)
{
  const FcTable *t = it->each_col_table ? fc_table_lookup (c->tables, it->each_col_table) : NULL;
  guint last = t != NULL ? t->column_labels->len - 1 : 0;
  for (guint n = t != NULL ? 1 : 0; n <= last; n++)
    {
      GArray *found = scratch_take (c, sizeof (CellValue));
      double constant;
      c->each_column = n;
      if (resolve_side (c, side, found, NULL, &constant) == RESOLVED)
        for (guint k = 0; k < found->len; k++)
          if (g_array_index (found, CellValue, k).value != 0)
            g_array_append_val (cells, g_array_index (found, CellValue, k));
      scratch_give (c, found);
    }
  c->each_column = 0;
  (void) rule;
}

/* A code that one table has with figures and the other, which should have
 * it too, lacks: one finding for the code, not one per column.  TRUE when
 * so (the code is then not checked column by column).  Under "a <= b" only
 * b must have the codes of a; under "=" both. */
static gboolean
report_missing_code (FcCheckContext *c, const FcRule *rule, const Iteration *it)
{
  const FcTable *lacking_l = side_lacking_code (c, rule->lhs);
  const FcTable *lacking_r = side_lacking_code (c, rule->rhs);
  const FcTable *lacking = NULL;
  const GArray *present = NULL;
  if (lacking_r != NULL && lacking_l == NULL && rule->relation != FC_RELATION_GE)
    lacking = lacking_r, present = rule->lhs;
  else if (lacking_l != NULL && lacking_r == NULL && rule->relation != FC_RELATION_LE)
    lacking = lacking_l, present = rule->rhs;
  if (lacking == NULL)
    return FALSE;
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (CellValue));
  code_figures (c, rule, it, present, cells);
  if (cells->len == 0)
    return TRUE; /* nil where the code is: nothing is wrong */
  g_autofree char *zh = g_strdup_printf ("%s——科目%s在%s表中没有", rule->message, c->each_code,
                                         lacking->id);
  g_autofree char *en = g_strdup_printf ("%s — code %s is not in table %s", rule->message_en,
                                         c->each_code, lacking->id);
  FcFinding *f = fc_finding_new (rule->id, rule->severity, rule->table, zh, en);
  finding_add_cells (f, cells);
  fc_report_add_finding (c->report, f);
  return TRUE;
}

static void
check_expression (FcCheckContext *c, const FcRule *rule)
{
  Iteration it = rule_iteration (rule);
  if (it.each_table != NULL)
    {
      const FcTable *t = fc_table_lookup (c->tables, it.each_table);
      if (t == NULL)
        return;
      c->each_table = it.each_table;
      for (guint i = 0; i < t->rows->len; i++)
        {
          c->each_row = g_ptr_array_index (t->rows, i);
          check_columns (c, rule, &it);
        }
      c->each_row = NULL;
      c->each_table = NULL;
    }
  else if (it.each_code)
    {
      g_autoptr (GPtrArray) codes = collect_codes (c, rule, it.classes_only);
      for (guint i = 0; i < codes->len; i++)
        {
          c->each_code = g_ptr_array_index (codes, i);
          if (!report_missing_code (c, rule, &it))
            check_columns (c, rule, &it);
        }
      c->each_code = NULL;
    }
  else
    check_columns (c, rule, &it);
}

/* ---- hierarchy --------------------------------------------------------- */

static gboolean
is_total_row (const FcCheckContext *c, const FcTableRow *r)
{
  return r->code == NULL
         && fc_text_is_one_of (r->label, fc_catalogue_words (c->catalogue, FC_WORDS_TOTALS));
}

typedef struct {
  const FcTable *table;
  const FcTableRow *parent;
  guint column;
} HierarchyInstance;

static char *
describe_hierarchy (const FcCheckContext *c, const FcRule *rule, gconstpointer data, gboolean zh)
{
  const HierarchyInstance *h = data;
  g_autofree char *row = fc_table_row_describe (h->parent);
  (void) c, (void) rule, (void) zh;
  return g_strdup_printf ("%s %s", row, fc_table_column_label (h->table, h->column));
}

static void
check_hierarchy (FcCheckContext *c, const FcRule *rule)
{
  const FcTable *t = fc_table_lookup (c->tables, g_ptr_array_index (rule->tables, 0));
  if (t == NULL)
    return;
  /* children by parent: "" → the 类 rows, "201" → its 款, "20103" → its 项 */
  g_autoptr (GHashTable) children_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              (GDestroyNotify) g_ptr_array_unref);
  for (guint k = 0; k < t->rows->len; k++)
    {
      const FcTableRow *r = g_ptr_array_index (t->rows, k);
      gsize len = r->code ? strlen (r->code) : 0;
      if (len != 3 && len != 5 && len != 7)
        continue;
      char *parent = g_strndup (r->code, len - (len == 3 ? 3 : 2));
      GPtrArray *list = g_hash_table_lookup (children_of, parent);
      if (list == NULL)
        g_hash_table_insert (children_of, parent, list = g_ptr_array_new ());
      else
        g_free (parent);
      g_ptr_array_add (list, (gpointer) r);
    }
  for (guint i = 0; i < t->rows->len; i++)
    {
      const FcTableRow *parent = g_ptr_array_index (t->rows, i);
      gsize plen = parent->code ? strlen (parent->code) : 0;
      if (!is_total_row (c, parent) && plen != 3 && plen != 5)
        continue;
      GPtrArray *children = g_hash_table_lookup (children_of, plen ? parent->code : "");
      if (children == NULL)
        continue; /* a leaf, or a 类 published without its 款 */
      for (guint n = rule->col_from; n <= rule->col_to; n++)
        {
          GArray *lhs = scratch_take (c, sizeof (CellValue));
          GArray *rhs = scratch_take (c, sizeof (CellValue));
          if (add_cell (lhs, t, parent, n))
            {
              for (guint k = 0; k < children->len; k++)
                add_cell (rhs, t, g_ptr_array_index (children, k), n);
              const HierarchyInstance h = { t, parent, n };
              const Describer about = { describe_hierarchy, &h };
              judge (c, rule, FC_RELATION_EQ, lhs, rhs, NULL, NULL, 0, 0, &about);
            }
          scratch_give (c, lhs);
          scratch_give (c, rhs);
        }
    }
}

/* ---- structure --------------------------------------------------------- */

static guint
count_tables (const FcCheckContext *c, const char *id, const FcTable **second)
{
  guint count = 0;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (strcmp (t->id, id) == 0 && ++count == 2 && second != NULL)
        *second = t;
    }
  return count;
}

/* Whether a 表号 is written 公开NN表 (the standard way) rather than 表N. */
static gboolean
label_is_standard (const char *label)
{
  g_autofree char *norm = fc_text_normalize (label);
  return strstr (norm, "公开") != NULL;
}

/* The table a 表号 names under a set's numbering: 公开NN表 always names
 * NN; 表N names N in the standard numbering, the N-th table of a numbered
 * set (Guangdong's 表7 is the 三公 table); NULL when it names none. */
static const char *
label_names (const FcTableSet *set, const char *label)
{
  const char *n = fc_table_id_parse (label);
  if (n == NULL || label_is_standard (label) || set->labels != FC_LABELS_NUMBERED)
    return n;
  guint k = (guint) atoi (n);
  return k >= 1 && k <= g_strv_length (set->tables) ? set->tables[k - 1] : NULL;
}

/* How well the package fits a set: +1 for each table of the set present,
 * −1 for each missing, −1 for each table present that the set lacks, +2
 * for each table whose 表号 is written the set's way (none for a set that
 * prints none) and names that table. */
static int
set_fit (const FcCheckContext *c, const FcTableSet *set)
{
  int fit = 0;
  for (guint i = 0; set->tables[i] != NULL; i++)
    fit += count_tables (c, set->tables[i], NULL) > 0 ? 1 : -1;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (!g_strv_contains ((const char *const *) set->tables, t->id))
        fit--;
      else if (set->labels == FC_LABELS_NONE)
        fit += t->number_label == NULL ? 2 : 0;
      else if (t->number_label != NULL
               && label_is_standard (t->number_label) == (set->labels == FC_LABELS_STANDARD))
        fit += g_strcmp0 (label_names (set, t->number_label), t->id) == 0 ? 2 : 0;
    }
  return fit;
}

/* The set the package follows best; the first listed wins ties (transfer
 * none, NULL when the catalogue has none). */
static const FcTableSet *
package_set (const FcCheckContext *c)
{
  const FcTableSet *best = NULL;
  int best_fit = G_MININT;
  for (guint i = 0; i < fc_catalogue_get_n_sets (c->catalogue); i++)
    {
      const FcTableSet *s = fc_catalogue_get_set (c->catalogue, i);
      int fit = set_fit (c, s);
      if (fit > best_fit)
        best = s, best_fit = fit;
    }
  return best;
}

static void
check_presence (FcCheckContext *c, const FcRule *rule)
{
  const FcTableSet *set = package_set (c);
  for (guint n = 0; set != NULL && set->tables[n] != NULL; n++)
    {
      const char *id = set->tables[n];
      const FcTable *second = NULL;
      guint count = count_tables (c, id, &second);
      if (count == 1)
        continue;
      const char *title = table_title (c, id);
      g_autofree char *zh = count == 0
        ? g_strdup_printf ("%s：缺少公开%s表（%s）（按%s）", rule->message, id, title, set->name)
        : g_strdup_printf ("%s：公开%s表（%s）出现%u次", rule->message, id, title, count);
      g_autofree char *en = count == 0
        ? g_strdup_printf ("%s: table %s (%s) is missing (set: %s)", rule->message_en, id, title, set->id)
        : g_strdup_printf ("%s: table %s (%s) appears %u times", rule->message_en, id, title, count);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, id, zh, en);
      if (second != NULL)
        add_title_cell (f, second);
      fc_report_add_finding (c->report, f);
    }
}

/* The 表号 a table should carry under a set (transfer full). */
static char *
expected_label (const FcTableSet *set, const char *id)
{
  if (set->labels != FC_LABELS_NUMBERED)
    return g_strdup_printf ("公开%s表", id);
  for (guint i = 0; set->tables[i] != NULL; i++)
    if (strcmp (set->tables[i], id) == 0)
      return g_strdup_printf ("表%u", i + 1);
  return g_strdup ("（此编号体系中无此表）");
}

/* 表号 against titles, under the numbering of the set the package follows
 * (公开01表 … for the standard set, 表1 … in its order for Guangdong's).  A
 * label that names another table is a finding; a label used twice names
 * another table for one of them, so duplicates are caught too. */
static void
check_table_number (FcCheckContext *c, const FcRule *rule)
{
  const FcTableSet *set = package_set (c);
  if (set == NULL)
    return;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (t->number_label == NULL)
        continue;
      const char *named = label_names (set, t->number_label);
      if (named != NULL && strcmp (named, t->id) == 0)
        continue;
      g_autofree char *expected = expected_label (set, t->id);
      g_autofree char *zh = g_strdup_printf ("%s：%s标为“%s”，应为%s", rule->message, t->title,
                                             t->number_label, expected);
      g_autofree char *en = g_strdup_printf ("%s: %s is labelled “%s”, expected %s", rule->message_en,
                                             t->title, t->number_label, expected);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
      fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->number_row, t->number_col, t->title, "", 0);
      fc_report_add_finding (c->report, f);
    }
}

/* Names compared without spaces, brackets' width or a trailing [部门]. */
static char *
comparable_name (const char *text)
{
  g_autofree char *n = fc_text_normalize (text);
  char *bracket = strchr (n, '[');
  if (bracket != NULL && bracket != n)
    *bracket = '\0';
  return g_steal_pointer (&n);
}

static void
add_row_cell (FcFinding *f, const FcTable *t, const FcTableRow *row)
{
  g_autofree char *label = fc_table_row_describe (row);
  /* the name sits in the column left of the first amount: point at the row */
  int col = fc_table_row_column (row, 1);
  fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), row->row, col > 0 ? (guint) col - 1 : 0,
                       label, "", 0);
}

/* One finding per code that carries more than one name, listing each. */
static void
check_code_names (FcCheckContext *c, const FcRule *rule)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  for (guint i = 0; i < rule->tables->len; i++)
    {
      const FcTable *t = fc_table_lookup (c->tables, g_ptr_array_index (rule->tables, i));
      for (guint k = 0; t != NULL && k < t->rows->len; k++)
        {
          const FcTableRow *row = g_ptr_array_index (t->rows, k);
          if (row->code == NULL || *row->display == '\0')
            continue;
          GPtrArray *seen = g_hash_table_lookup (names, row->code);
          if (seen == NULL)
            {
              g_hash_table_insert (names, row->code, seen = g_ptr_array_new ());
              g_ptr_array_add (order, row->code);
            }
          g_ptr_array_add (seen, (gpointer) t);
          g_ptr_array_add (seen, (gpointer) row);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *code = g_ptr_array_index (order, i);
      GPtrArray *seen = g_hash_table_lookup (names, code);
      const FcTableRow *first = g_ptr_array_index (seen, 1);
      g_autofree char *first_name = comparable_name (first->display);
      gboolean differs = FALSE;
      for (guint k = 3; k < seen->len && !differs; k += 2)
        {
          g_autofree char *name = comparable_name (((const FcTableRow *) g_ptr_array_index (seen, k))->display);
          differs = strcmp (name, first_name) != 0;
        }
      if (!differs)
        continue;
      g_autoptr (GString) zh = g_string_new (NULL);
      g_autoptr (GString) en = g_string_new (NULL);
      g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = 0; k + 1 < seen->len; k += 2)
        {
          const FcTable *t = g_ptr_array_index (seen, k);
          const FcTableRow *row = g_ptr_array_index (seen, k + 1);
          g_autofree char *key = g_strdup_printf ("%s\x1f%s", t->id, row->display);
          if (g_hash_table_contains (listed, key))
            continue;
          g_hash_table_add (listed, g_steal_pointer (&key));
          g_string_append_printf (zh, "%s%s表为“%s”", zh->len ? "，" : "", t->id, row->display);
          g_string_append_printf (en, "%s“%s” in table %s", en->len ? ", " : "", row->display, t->id);
        }
      g_autofree char *mzh = g_strdup_printf ("%s：科目%s%s", rule->message, code, zh->str);
      g_autofree char *men = g_strdup_printf ("%s: code %s is %s", rule->message_en, code, en->str);
      const FcTable *t0 = g_ptr_array_index (seen, 0);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t0->id, mzh, men);
      for (guint k = 0; k + 1 < seen->len; k += 2)
        add_row_cell (f, g_ptr_array_index (seen, k), g_ptr_array_index (seen, k + 1));
      fc_report_add_finding (c->report, f);
    }
}

/* One finding per missing parent code of a table, naming its children. */
static void
check_code_parents (FcCheckContext *c, const FcRule *rule)
{
  for (guint i = 0; i < rule->tables->len; i++)
    {
      const FcTable *t = fc_table_lookup (c->tables, g_ptr_array_index (rule->tables, i));
      g_autoptr (GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) g_ptr_array_unref);
      g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; t != NULL && k < t->rows->len; k++)
        {
          const FcTableRow *row = g_ptr_array_index (t->rows, k);
          gsize len = row->code ? strlen (row->code) : 0;
          for (gsize plen = 3; plen < len; plen += 2)
            {
              g_autofree char *parent = g_strndup (row->code, plen);
              if (fc_table_find_code (t, parent, 0) != NULL)
                continue;
              GPtrArray *list = g_hash_table_lookup (children, parent);
              if (list == NULL)
                {
                  g_ptr_array_add (order, g_strdup (parent));
                  g_hash_table_insert (children, g_steal_pointer (&parent), list = g_ptr_array_new ());
                }
              g_ptr_array_add (list, (gpointer) row);
            }
        }
      for (guint k = 0; k < order->len; k++)
        {
          const char *parent = g_ptr_array_index (order, k);
          GPtrArray *list = g_hash_table_lookup (children, parent);
          g_autoptr (GString) codes = g_string_new (NULL);
          for (guint j = 0; j < list->len; j++)
            g_string_append_printf (codes, "%s%s", j ? "、" : "",
                                    ((const FcTableRow *) g_ptr_array_index (list, j))->code);
          g_autofree char *zh = g_strdup_printf ("%s：%s表缺少上级科目%s（下有%s）", rule->message,
                                                 t->id, parent, codes->str);
          g_autofree char *en = g_strdup_printf ("%s: table %s lacks code %s, the parent of %s",
                                                 rule->message_en, t->id, parent, codes->str);
          FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
          for (guint j = 0; j < list->len; j++)
            add_row_cell (f, t, g_ptr_array_index (list, j));
          fc_report_add_finding (c->report, f);
        }
    }
}

/* Texts of the table (title row to last row) that contain one of words,
 * first cell first; returns the first or NULL (transfer none). */
static const FcCell *
table_text_with (const FcTable *t, const char *const *words, const char *const *except,
                 guint *row, guint *col)
{
  for (guint r = t->first_row; r <= t->last_row; r++)
    for (guint cc = 0; cc < fc_sheet_get_n_cols (t->sheet); cc++)
      {
        const FcCell *cell = fc_sheet_get_cell (t->sheet, r, cc);
        if (cell->kind != FC_CELL_TEXT || !fc_text_may_fold_to_any (cell->text, words))
          continue; /* most cells: not folded to find out */
        g_autofree char *n = fc_text_fold (cell->text);
        if (fc_text_contains_any (n, words) && !fc_text_contains_any (n, except))
          {
            *row = r, *col = cc;
            return cell;
          }
      }
  return NULL;
}

static void
check_empty_explained (FcCheckContext *c, const FcRule *rule)
{
  const char *const *empty = fc_catalogue_words (c->catalogue, FC_WORDS_EMPTY);
  const char *const *instructions = fc_catalogue_words (c->catalogue, FC_WORDS_INSTRUCTIONS);
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      guint r, col;
      /* the template's instruction to write 本表无数据 is not the note */
      if (t->rows->len == 0 || !table_is_empty (t)
          || table_text_with (t, empty, instructions, &r, &col) != NULL)
        continue;
      g_autofree char *zh = g_strdup_printf ("%s：%s没有数据，也没有“本表无数据”的说明", rule->message, t->title);
      g_autofree char *en = g_strdup_printf ("%s: %s holds no amounts and no 本表无数据 note",
                                             rule->message_en, t->title);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
      add_title_cell (f, t);
      fc_report_add_finding (c->report, f);
    }
}

/* The template tells the preparer what to write under an empty table; left
 * in the published table, it is a finding for the preparer. */
static void
check_instructions (FcCheckContext *c, const FcRule *rule)
{
  const char *const *instructions = fc_catalogue_words (c->catalogue, FC_WORDS_INSTRUCTIONS);
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      guint r, col;
      const FcCell *cell = table_text_with (t, instructions, NULL, &r, &col);
      if (cell == NULL)
        continue;
      g_autofree char *zh = g_strdup_printf ("%s：%s保留了模板的填表说明“%s”", rule->message,
                                             t->title, cell->text);
      g_autofree char *en = g_strdup_printf ("%s: %s still carries the template's instruction “%s”",
                                             rule->message_en, t->title, cell->text);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
      fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), r, col, t->title, "", 0);
      fc_report_add_finding (c->report, f);
    }
}

static void
check_header_agreement (FcCheckContext *c, const FcRule *rule)
{
  const FcTable *ref_dept = NULL, *ref_year = NULL;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (t->department != NULL && *t->department != '\0')
        {
          g_autofree char *mine = comparable_name (t->department);
          g_autofree char *theirs = ref_dept ? comparable_name (ref_dept->department) : NULL;
          if (ref_dept == NULL)
            ref_dept = t;
          else if (strcmp (mine, theirs) != 0)
            {
              g_autofree char *zh = g_strdup_printf ("%s：%s的部门名称为“%s”，%s为“%s”", rule->message,
                                                     t->title, t->department, ref_dept->title,
                                                     ref_dept->department);
              g_autofree char *en = g_strdup_printf ("%s: %s names the department “%s”, %s “%s”",
                                                     rule->message_en, t->title, t->department,
                                                     ref_dept->title, ref_dept->department);
              FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
              fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->department_row,
                                   t->department_col, "部门名称", "", 0);
              fc_report_add_finding (c->report, f);
            }
        }
      if (t->year != NULL)
        {
          if (ref_year == NULL)
            ref_year = t;
          else if (strcmp (t->year, ref_year->year) != 0)
            {
              g_autofree char *zh = g_strdup_printf ("%s：%s为%s年度，%s为%s年度", rule->message,
                                                     t->title, t->year, ref_year->title, ref_year->year);
              g_autofree char *en = g_strdup_printf ("%s: %s is for %s, %s for %s", rule->message_en,
                                                     t->title, t->year, ref_year->title, ref_year->year);
              FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
              fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->year_row, t->year_col,
                                   "年度", "", 0);
              fc_report_add_finding (c->report, f);
            }
        }
    }
}

/* The tables should state one unit; the rules compare them in 万元 either
 * way, so this is said once, naming the tables that differ from most. */
static void
check_unit_agreement (FcCheckContext *c, const FcRule *rule)
{
  g_autoptr (GHashTable) count = g_hash_table_new (g_str_hash, g_str_equal);
  const char *most = NULL;
  guint most_n = 0;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      const char *unit = t->unit ? t->unit : "万元";
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (count, unit)) + 1;
      g_hash_table_insert (count, (gpointer) unit, GUINT_TO_POINTER (n));
      if (n > most_n)
        most = unit, most_n = n;
    }
  if (g_hash_table_size (count) < 2)
    return;
  g_autoptr (GString) zh = g_string_new (NULL);
  g_autoptr (GString) en = g_string_new (NULL);
  FcFinding *f = fc_finding_new (rule->id, rule->severity, "", "", "");
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      const char *unit = t->unit ? t->unit : "万元";
      if (strcmp (unit, most) == 0)
        continue;
      g_string_append_printf (zh, "%s%s表为%s", zh->len ? "，" : "", t->id, unit);
      g_string_append_printf (en, "%stable %s is in %s", en->len ? ", " : "", t->id, unit);
      fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->unit ? t->unit_row : t->title_row,
                           t->unit ? t->unit_col : t->title_col, t->title, "", 0);
    }
  g_free (f->message);
  g_free (f->message_en);
  f->message = g_strdup_printf ("%s：其余各表为%s，%s（表间校验已按万元折算）", rule->message, most, zh->str);
  f->message_en = g_strdup_printf ("%s: most tables are in %s, %s (compared across tables in 万元)",
                                   rule->message_en, most, en->str);
  fc_report_add_finding (c->report, f);
}

void
fc_check_rule (FcCheckContext *context, const FcRule *rule)
{
  switch (rule->kind)
    {
    case FC_RULE_CHECK:
      check_expression (context, rule);
      break;
    case FC_RULE_HIERARCHY:
      check_hierarchy (context, rule);
      break;
    case FC_RULE_PRESENCE:
      check_presence (context, rule);
      break;
    case FC_RULE_TABLE_NUMBER:
      check_table_number (context, rule);
      break;
    case FC_RULE_CODE_NAMES:
      check_code_names (context, rule);
      break;
    case FC_RULE_CODE_PARENTS:
      check_code_parents (context, rule);
      break;
    case FC_RULE_EMPTY_EXPLAINED:
      check_empty_explained (context, rule);
      break;
    case FC_RULE_HEADER_AGREEMENT:
      check_header_agreement (context, rule);
      break;
    case FC_RULE_INSTRUCTIONS:
      check_instructions (context, rule);
      break;
    case FC_RULE_UNIT_AGREEMENT:
      check_unit_agreement (context, rule);
      break;
    case FC_RULE_NARRATIVE:
      fc_narrative_check (context, rule);
      break;
    case FC_RULE_SELF_EVALUATION:
      fc_selfeval_check (context, rule);
      break;
    }
}
