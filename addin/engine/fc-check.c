/* fc-check.c — evaluating rules on tables. */
#include "fc-check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-amount.h"

/* Differences are compared after rounding to this, so that binary noise in
 * sums of 2-decimal figures never reads as a difference. */
#define FC_DIFFERENCE_QUANTUM 1e-6

struct _FcCheckContext {
  GPtrArray *tables;        /* of FcTable*, borrowed */
  FcTolerance tolerance;
  FcReport *report;         /* borrowed */
  GHashTable *invalid_seen; /* input findings already made: "sheet\x1faddress",
                             * and "row\x1f…" for missing rows */
  /* the current instance of an iterated rule; all borrowed from tables */
  const FcTableRow *each_row;
  const char *each_table;
  const char *each_code;
  guint each_column;
};

/* One cell a rule reads; table and row are borrowed from the context. */
typedef struct {
  const FcTable *table;
  const FcTableRow *row;
  guint number; /* 栏次 */
  guint col;    /* sheet column */
  FcAmountKind kind;
  double value;
} CellValue;

FcCheckContext *
fc_check_context_new (GPtrArray *tables, FcReport *report,
                      const FcTolerance *tolerance)
{
  FcCheckContext *c = g_new0 (FcCheckContext, 1);
  c->tolerance = *tolerance;
  c->tables = tables;
  c->report = report;
  c->invalid_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return c;
}

void
fc_check_context_free (FcCheckContext *context)
{
  if (context == NULL)
    return;
  g_hash_table_unref (context->invalid_seen);
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

/* ---- cells ------------------------------------------------------------- */

static void
add_cell (GArray *cells, const FcTable *t, const FcTableRow *row, guint number)
{
  int col = fc_table_row_column (row, number);
  if (col < 0)
    return;
  CellValue v = { t, row, number, (guint) col, 0, 0 };
  v.kind = fc_amount_read (fc_sheet_get_cell (t->sheet, row->row, (guint) col), &v.value);
  g_array_append_val (cells, v);
}

static void
add_row_columns (GArray *cells, const FcCheckContext *c, const FcTable *t,
                 const FcTableRow *row, const FcRef *ref)
{
  if (row == NULL)
    return;
  switch (ref->column)
    {
    case FC_COLUMN_ONE:
      add_cell (cells, t, row, ref->col_from);
      break;
    case FC_COLUMN_RANGE:
      for (guint n = ref->col_from; n <= ref->col_to; n++)
        add_cell (cells, t, row, n);
      break;
    case FC_COLUMN_EACH:
      add_cell (cells, t, row, c->each_column);
      break;
    }
}

static guint
first_column (const FcCheckContext *c, const FcRef *ref)
{
  return ref->column == FC_COLUMN_EACH ? c->each_column : ref->col_from;
}

/* A row a rule names by 行次 or label is not in the table: comparing with 0
 * would cry wolf, so the rule is not checked there, and the reviewer is told
 * once per row. */
static void
report_missing_row (FcCheckContext *c, const FcTable *t, const FcRef *ref, guint col)
{
  g_autofree char *what = ref->row == FC_ROW_LINE ? g_strdup_printf ("行%d", ref->line_from)
                                                  : g_strdup_printf ("“%s”", ref->key);
  char *key = g_strdup_printf ("row\x1f%s\x1f%s\x1f%u", t->id, what, col);
  if (!g_hash_table_add (c->invalid_seen, key))
    return;
  g_autofree char *zh = g_strdup_printf ("公开%s表中未找到%s行（栏%u），依赖它的校验未执行",
                                         t->id, what, col);
  g_autofree char *en = g_strdup_printf ("Table %s has no row %s (column %u): the rules that need "
                                         "it were not checked", t->id, what, col);
  FcFinding *f = fc_finding_new ("I.2", FC_SEVERITY_WARNING, t->id, zh, en);
  fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->title_row, t->title_col, t->title, "", 0);
  fc_report_add_finding (c->report, f);
}

/* Appends the cells ref names.  FALSE when the rule does not apply: its
 * table is not in the workbook (presence is a rule of its own), or a row it
 * names by 行次 or label is missing (reported).  A missing code is 0: codes
 * without amounts are left out of real tables, and so are rows without
 * amounts where lines were inferred. */
static gboolean
resolve_ref (FcCheckContext *c, const FcRef *ref, GArray *cells)
{
  const FcTable *t = fc_table_lookup (c->tables, ref->table);
  if (t == NULL)
    return FALSE;
  guint col = first_column (c, ref);
  const FcTableRow *row;
  switch (ref->row)
    {
    case FC_ROW_LINE:
    case FC_ROW_LABEL:
      row = ref->row == FC_ROW_LINE ? fc_table_find_line (t, ref->line_from, col)
                                    : fc_table_find_label (t, ref->key, col);
      if (row == NULL && !t->lines_inferred)
        {
          report_missing_row (c, t, ref, col);
          return FALSE;
        }
      add_row_columns (cells, c, t, row, ref);
      break;
    case FC_ROW_CODE:
      add_row_columns (cells, c, t, fc_table_find_code (t, ref->key, col), ref);
      break;
    case FC_ROW_EACH:
      if (g_strcmp0 (c->each_table, ref->table) == 0)
        add_row_columns (cells, c, t, c->each_row, ref);
      break;
    case FC_ROW_EACH_CLASS:
    case FC_ROW_EACH_CODE:
      add_row_columns (cells, c, t, fc_table_find_code (t, c->each_code, col), ref);
      break;
    case FC_ROW_LINE_RANGE:
    case FC_ROW_ALL_CLASSES:
      for (guint i = 0; i < t->rows->len; i++)
        {
          const FcTableRow *r = g_ptr_array_index (t->rows, i);
          gboolean in = ref->row == FC_ROW_LINE_RANGE
                          ? r->line >= ref->line_from && r->line <= ref->line_to
                          : r->code != NULL && strlen (r->code) == 3;
          if (in)
            add_row_columns (cells, c, t, r, ref);
        }
      break;
    }
  return TRUE;
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

/* A cell that should hold an amount and does not: one finding per cell, not
 * one per rule that reads it. */
static void
report_invalid (FcCheckContext *c, const CellValue *v)
{
  const char *sheet = fc_sheet_get_name (v->table->sheet);
  g_autofree char *address = fc_cell_address (v->row->row, v->col);
  char *key = g_strdup_printf ("%s\x1f%s", sheet, address);
  if (!g_hash_table_add (c->invalid_seen, key))
    return;
  const FcCell *cell = fc_sheet_get_cell (v->table->sheet, v->row->row, v->col);
  g_autofree char *shown = fc_cell_to_display (cell);
  g_autofree char *zh = g_strdup_printf ("金额单元格内容不是有效金额：“%s”", shown);
  g_autofree char *en = g_strdup_printf ("An amount cell holds no valid amount: “%s”", shown);
  FcFinding *f = fc_finding_new ("I.1", FC_SEVERITY_ERROR, v->table->id, zh, en);
  g_autofree char *row_label = fc_table_row_describe (v->row);
  fc_finding_add_cell (f, sheet, v->row->row, v->col, row_label,
                       fc_table_column_label (v->table, v->number), 0);
  fc_report_add_finding (c->report, f);
}

/* Compares the two sides of one instance of a rule and reports. */
static void
judge (FcCheckContext *c, const FcRule *rule, FcRelation relation,
       GArray *lhs, GArray *rhs, const int *lhs_signs, const int *rhs_signs,
       double lhs_constant, double rhs_constant, const char *context_zh,
       const char *context_en)
{
  GArray *sides[] = { lhs, rhs };
  const int *signs[] = { lhs_signs, rhs_signs };
  double sum[2] = { lhs_constant, rhs_constant };
  guint figures = 0;
  gboolean invalid = FALSE;
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        const CellValue *v = &g_array_index (sides[s], CellValue, i);
        if (v->kind == FC_AMOUNT_INVALID)
          {
            report_invalid (c, v);
            invalid = TRUE;
          }
        figures += v->kind == FC_AMOUNT_VALUE;
        sum[s] += (signs[s] ? signs[s][i] : 1) * v->value;
      }
  if (invalid || (lhs->len == 0 && rhs->len == 0))
    return;
  double difference = quantize (sum[0] - sum[1]);
  double tolerance = fc_check_tolerance (&c->tolerance, figures);
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

static gboolean
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
      if (!resolve_ref (c, &t->ref, cells))
        return FALSE;
      for (guint k = before; k < cells->len; k++)
        g_array_append_val (signs, t->sign);
    }
  return TRUE;
}

static char *
describe_instance (const FcCheckContext *c, const FcRule *rule, gboolean zh)
{
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
  g_autoptr (GArray) lhs = g_array_new (FALSE, FALSE, sizeof (CellValue));
  g_autoptr (GArray) rhs = g_array_new (FALSE, FALSE, sizeof (CellValue));
  g_autoptr (GArray) lsigns = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) rsigns = g_array_new (FALSE, FALSE, sizeof (int));
  double lc, rc;
  if (!resolve_side (c, rule->lhs, lhs, lsigns, &lc)
      || !resolve_side (c, rule->rhs, rhs, rsigns, &rc))
    return;
  g_autofree char *zh = describe_instance (c, rule, TRUE);
  g_autofree char *en = describe_instance (c, rule, FALSE);
  judge (c, rule, rule->relation, lhs, rhs, (int *) lsigns->data,
         (int *) rsigns->data, lc, rc, zh, en);
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
    {
      c->each_column = n;
      check_instance (c, rule);
    }
  c->each_column = 0;
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
          check_columns (c, rule, &it);
        }
      c->each_code = NULL;
    }
  else
    check_columns (c, rule, &it);
}

/* ---- hierarchy --------------------------------------------------------- */

static gboolean
is_total_row (const FcTableRow *r)
{
  return r->code == NULL && (strcmp (r->label, "合计") == 0 || strcmp (r->label, "总计") == 0);
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
      if (!is_total_row (parent) && plen != 3 && plen != 5)
        continue;
      GPtrArray *children = g_hash_table_lookup (children_of, plen ? parent->code : "");
      if (children == NULL)
        continue; /* a leaf, or a 类 published without its 款 */
      for (guint n = rule->col_from; n <= rule->col_to; n++)
        {
          g_autoptr (GArray) lhs = g_array_new (FALSE, FALSE, sizeof (CellValue));
          g_autoptr (GArray) rhs = g_array_new (FALSE, FALSE, sizeof (CellValue));
          add_cell (lhs, t, parent, n);
          if (lhs->len == 0)
            continue;
          for (guint k = 0; k < children->len; k++)
            add_cell (rhs, t, g_ptr_array_index (children, k), n);
          g_autofree char *row = fc_table_row_describe (parent);
          g_autofree char *ctx = g_strdup_printf ("%s %s", row, fc_table_column_label (t, n));
          judge (c, rule, FC_RELATION_EQ, lhs, rhs, NULL, NULL, 0, 0, ctx, ctx);
        }
    }
}

/* ---- structure --------------------------------------------------------- */

static void
check_presence (FcCheckContext *c, const FcRule *rule)
{
  for (guint n = 1; n <= 10; n++)
    {
      char id[3];
      g_snprintf (id, sizeof id, "%02u", n);
      guint count = 0;
      const FcTable *second = NULL;
      for (guint i = 0; i < c->tables->len; i++)
        {
          const FcTable *t = g_ptr_array_index (c->tables, i);
          if (strcmp (t->id, id) == 0 && ++count == 2)
            second = t;
        }
      if (count == 1)
        continue;
      const char *title = fc_table_standard_title (id);
      g_autofree char *zh = count == 0
        ? g_strdup_printf ("%s：缺少公开%s表（%s）", rule->message, id, title)
        : g_strdup_printf ("%s：公开%s表（%s）出现%u次", rule->message, id, title, count);
      g_autofree char *en = count == 0
        ? g_strdup_printf ("%s: table %s (%s) is missing", rule->message_en, id, title)
        : g_strdup_printf ("%s: table %s (%s) appears %u times", rule->message_en, id, title, count);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, id, zh, en);
      if (second != NULL)
        fc_finding_add_cell (f, fc_sheet_get_name (second->sheet), second->title_row,
                             second->title_col, second->title, "", 0);
      fc_report_add_finding (c->report, f);
    }
}

/* The table a 表号 names under a numbering ("01 02 … 10" is the standard
 * one): the n-th id of the list for 表n; NULL when it names none. */
static const char *
numbered_table (const char *numbering, const char *label)
{
  const char *standard = fc_table_id_parse (label); /* "表7" → "07" */
  if (standard == NULL)
    return NULL;
  if (numbering == NULL)
    return standard;
  g_auto (GStrv) ids = g_strsplit_set (numbering, " \t", -1);
  guint n = (guint) atoi (standard), k = 0;
  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0' && ++k == n)
      return fc_table_id_parse (ids[i]);
  return NULL;
}

/* The 表号 a table should carry under a numbering (transfer full). */
static char *
expected_label (const char *numbering, const char *id)
{
  if (numbering == NULL)
    return g_strdup_printf ("公开%s表", id);
  g_auto (GStrv) ids = g_strsplit_set (numbering, " \t", -1);
  guint k = 0;
  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0' && (++k, g_strcmp0 (fc_table_id_parse (ids[i]), id) == 0))
      return g_strdup_printf ("表%u", k);
  return g_strdup ("（此编号体系中无此表）");
}

static guint
numbering_matches (const FcCheckContext *c, const char *numbering)
{
  guint matches = 0;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      const char *id = t->number_label ? numbered_table (numbering, t->number_label) : NULL;
      matches += id != NULL && strcmp (id, t->id) == 0;
    }
  return matches;
}

static void
report_table_number (FcCheckContext *c, const FcRule *rule, const FcTable *t,
                     const char *zh_detail, const char *en_detail)
{
  g_autofree char *zh = g_strdup_printf ("%s：%s", rule->message, zh_detail);
  g_autofree char *en = g_strdup_printf ("%s: %s", rule->message_en, en_detail);
  FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
  fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->number_row, t->number_col, t->title, "", 0);
  fc_report_add_finding (c->report, f);
}

/* 表号 against titles, under the numbering the package follows best: the
 * standard one (公开01表 … 公开10表) or a province's own listed in the rule
 * (Guangdong's 表7 is the 三公 table).  A label that names another table
 * is a finding. */
static void
check_table_number (FcCheckContext *c, const FcRule *rule)
{
  const char *best = NULL;
  guint best_matches = numbering_matches (c, NULL);
  for (guint i = 0; rule->numberings != NULL && rule->numberings[i] != NULL; i++)
    {
      guint m = numbering_matches (c, rule->numberings[i]);
      if (m > best_matches)
        best = rule->numberings[i], best_matches = m;
    }
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      const char *named = t->number_label ? numbered_table (best, t->number_label) : NULL;
      if (t->number_label == NULL)
        continue;
      /* a label used twice names another table for one of them: this
       * catches duplicates too */
      if (named == NULL || strcmp (named, t->id) != 0)
        {
          g_autofree char *expected = expected_label (best, t->id);
          g_autofree char *zh = g_strdup_printf ("%s标为“%s”，应为%s", t->title, t->number_label, expected);
          g_autofree char *en = g_strdup_printf ("%s is labelled “%s”, expected %s", t->title,
                                                 t->number_label, expected);
          report_table_number (c, rule, t, zh, en);
        }
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

static void
check_code_names (FcCheckContext *c, const FcRule *rule)
{
  g_autoptr (GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal); /* code → row */
  g_autoptr (GHashTable) first_table = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < rule->tables->len; i++)
    {
      const FcTable *t = fc_table_lookup (c->tables, g_ptr_array_index (rule->tables, i));
      for (guint k = 0; t != NULL && k < t->rows->len; k++)
        {
          const FcTableRow *row = g_ptr_array_index (t->rows, k);
          if (row->code == NULL || *row->display == '\0')
            continue;
          const FcTableRow *seen = g_hash_table_lookup (first, row->code);
          if (seen == NULL)
            {
              g_hash_table_insert (first, row->code, (gpointer) row);
              g_hash_table_insert (first_table, row->code, (gpointer) t);
              continue;
            }
          g_autofree char *a = comparable_name (seen->display);
          g_autofree char *b = comparable_name (row->display);
          if (strcmp (a, b) == 0)
            continue;
          const FcTable *st = g_hash_table_lookup (first_table, row->code);
          g_autofree char *zh = g_strdup_printf ("%s：科目%s在%s表为“%s”，在%s表为“%s”",
                                                 rule->message, row->code, st->id, seen->display,
                                                 t->id, row->display);
          g_autofree char *en = g_strdup_printf ("%s: code %s is “%s” in table %s and “%s” in table %s",
                                                 rule->message_en, row->code, seen->display, st->id,
                                                 row->display, t->id);
          FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
          add_row_cell (f, t, row);
          add_row_cell (f, st, seen);
          fc_report_add_finding (c->report, f);
        }
    }
}

static void
check_code_parents (FcCheckContext *c, const FcRule *rule)
{
  for (guint i = 0; i < rule->tables->len; i++)
    {
      const FcTable *t = fc_table_lookup (c->tables, g_ptr_array_index (rule->tables, i));
      for (guint k = 0; t != NULL && k < t->rows->len; k++)
        {
          const FcTableRow *row = g_ptr_array_index (t->rows, k);
          gsize len = row->code ? strlen (row->code) : 0;
          for (gsize plen = 3; plen < len; plen += 2)
            {
              g_autofree char *parent = g_strndup (row->code, plen);
              if (fc_table_find_code (t, parent, 0) != NULL)
                continue;
              g_autofree char *zh = g_strdup_printf ("%s：%s表科目%s缺少上级科目%s",
                                                     rule->message, t->id, row->code, parent);
              g_autofree char *en = g_strdup_printf ("%s: table %s has code %s without its parent %s",
                                                     rule->message_en, t->id, row->code, parent);
              FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
              add_row_cell (f, t, row);
              fc_report_add_finding (c->report, f);
            }
        }
    }
}

static gboolean
table_has_amount (const FcTable *t)
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
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
table_says_empty (const FcTable *t)
{
  for (guint r = t->first_row; r <= t->last_row; r++)
    for (guint col = 0; col < fc_sheet_get_n_cols (t->sheet); col++)
      {
        const FcCell *cell = fc_sheet_get_cell (t->sheet, r, col);
        if (cell->kind == FC_CELL_TEXT
            && (strstr (cell->text, "无数据") || strstr (cell->text, "无此项")
                || strstr (cell->text, "本表无") || strstr (cell->text, "空表")))
          return TRUE;
      }
  return FALSE;
}

static void
check_empty_explained (FcCheckContext *c, const FcRule *rule)
{
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (t->rows->len == 0 || table_has_amount (t) || table_says_empty (t))
        continue;
      g_autofree char *zh = g_strdup_printf ("%s：%s没有数据，也没有“本表无数据”的说明", rule->message, t->title);
      g_autofree char *en = g_strdup_printf ("%s: %s holds no amounts and no 本表无数据 note",
                                             rule->message_en, t->title);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
      fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->title_row, t->title_col, t->title, "", 0);
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
    }
}
