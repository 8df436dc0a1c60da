/* fc-check-sums.c — identities and code hierarchies (see fc-check-sums.h). */
#include "fc-check-sums.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-check-private.h"

/* A breakdown is printed where one of its parts holds a figure, or where
 * its total is nil (then blank parts are right). */
static gboolean
breakdowns_printed (FcCheckContext *c, const FcRule *rule)
{
  for (guint i = 0; rule->breakdowns != NULL && i < rule->breakdowns->len; i++)
    {
      const FcBreakdown *b = &g_array_index (rule->breakdowns, FcBreakdown, i);
      GArray *total = fc_check_scratch_take (c, sizeof (FcCheckCell));
      GArray *parts = fc_check_scratch_take (c, sizeof (FcCheckCell));
      double constant;
      gboolean applicable = fc_check_resolve_side (c, b->total, total, NULL, &constant) == FC_CHECK_RESOLVED;
      gboolean nil = applicable, written = FALSE;
      for (guint k = 0; nil && k < total->len; k++)
        nil &= fabs (g_array_index (total, FcCheckCell, k).value) < FC_DIFFERENCE_QUANTUM;
      if (applicable && !nil && fc_check_resolve_side (c, b->parts, parts, NULL, &constant) == FC_CHECK_RESOLVED)
        for (guint k = 0; k < parts->len; k++)
          written |= g_array_index (parts, FcCheckCell, k).kind == FC_AMOUNT_VALUE;
      fc_check_scratch_give (c, total);
      fc_check_scratch_give (c, parts);
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
  GArray *lhs = fc_check_scratch_take (c, sizeof (FcCheckCell));
  GArray *rhs = fc_check_scratch_take (c, sizeof (FcCheckCell));
  GArray *lsigns = fc_check_scratch_take (c, sizeof (int));
  GArray *rsigns = fc_check_scratch_take (c, sizeof (int));
  double lc, rc;
  if (fc_check_resolve_side (c, rule->lhs, lhs, lsigns, &lc) == FC_CHECK_RESOLVED
      && fc_check_resolve_side (c, rule->rhs, rhs, rsigns, &rc) == FC_CHECK_RESOLVED
      && breakdowns_printed (c, rule))
    {
      const FcCheckDescriber about = { describe_instance, NULL };
      fc_check_judge (c, rule, rule->relation, lhs, rhs, (int *) lsigns->data,
             (int *) rsigns->data, lc, rc, &about);
    }
  fc_check_scratch_give (c, lhs);
  fc_check_scratch_give (c, rhs);
  fc_check_scratch_give (c, lsigns);
  fc_check_scratch_give (c, rsigns);
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
    if (fc_check_table_has_column (t, n))
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
      GArray *found = fc_check_scratch_take (c, sizeof (FcCheckCell));
      double constant;
      c->each_column = n;
      if (fc_check_resolve_side (c, side, found, NULL, &constant) == FC_CHECK_RESOLVED)
        for (guint k = 0; k < found->len; k++)
          if (g_array_index (found, FcCheckCell, k).value != 0)
            g_array_append_val (cells, g_array_index (found, FcCheckCell, k));
      fc_check_scratch_give (c, found);
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
  /* its codes may not have been found: the code is not checked, not missing */
  if (fc_check_table_not_understood (lacking))
    return TRUE;
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (FcCheckCell));
  code_figures (c, rule, it, present, cells);
  if (cells->len == 0)
    return TRUE; /* nil where the code is: nothing is wrong */
  g_autofree char *zh = g_strdup_printf ("%s——科目%s在%s表中没有", rule->message, c->each_code,
                                         lacking->id);
  g_autofree char *en = g_strdup_printf ("%s — code %s is not in table %s", rule->message_en,
                                         c->each_code, lacking->id);
  FcFinding *f = fc_finding_new (rule->id, rule->severity, rule->table, zh, en);
  fc_check_finding_add_cells (f, cells);
  fc_report_add_finding (c->report, f);
  return TRUE;
}

void
fc_check_expression (FcCheckContext *c, const FcRule *rule)
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

void
fc_check_hierarchy (FcCheckContext *c, const FcRule *rule)
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
          GArray *lhs = fc_check_scratch_take (c, sizeof (FcCheckCell));
          GArray *rhs = fc_check_scratch_take (c, sizeof (FcCheckCell));
          if (fc_check_add_cell (lhs, t, parent, n))
            {
              for (guint k = 0; k < children->len; k++)
                fc_check_add_cell (rhs, t, g_ptr_array_index (children, k), n);
              const HierarchyInstance h = { t, parent, n };
              const FcCheckDescriber about = { describe_hierarchy, &h };
              fc_check_judge (c, rule, FC_RELATION_EQ, lhs, rhs, NULL, NULL, 0, 0, &about);
            }
          fc_check_scratch_give (c, lhs);
          fc_check_scratch_give (c, rhs);
        }
    }
}

/* ---- structure --------------------------------------------------------- */
