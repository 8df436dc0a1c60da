/* fc-text-facts.c — the facts the text rules read, and the ties of the
 * narrative's topics to figures: a subject through its vocabulary figure,
 * a 科目 named with （类）（款）（项） through its row (by name, else by the
 * figure the text states for it), a project through its self-evaluation.
 * And what the text states near a claim: the figure it compares with.
 */
#include "fc-text-facts-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-amount.h"
#include "fc-table.h"

static void
tie_clear (gpointer p)
{
  FcTie *t = p;
  g_clear_pointer (&t->figure, fc_rule_free);
  g_clear_pointer (&t->budget, fc_rule_free);
  g_free (t->key);
  g_free (t->problem);
  g_free (t->problem_en);
}

static void
tie_free (FcTie *t)
{
  tie_clear (t);
  g_free (t);
}

FcTextFacts *
fc_text_facts_new (const FcNarrative *narrative, const FcVocabulary *vocabulary,
                   GPtrArray *selfevals, GPtrArray *tables)
{
  FcTextFacts *x = g_new0 (FcTextFacts, 1);
  x->narrative = narrative;
  x->v = vocabulary;
  x->selfevals = selfevals ? selfevals
                           : g_ptr_array_new_with_free_func ((GDestroyNotify) fc_selfeval_free);
  x->tables = tables;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (guint i = 0; i < x->selfevals->len; i++)
    g_ptr_array_add (names, ((FcSelfEval *) g_ptr_array_index (x->selfevals, i))->name);
  x->claims = fc_claims_read (narrative, vocabulary, names);
  x->wholes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) tie_free);
  return x;
}

void
fc_text_facts_free (FcTextFacts *x)
{
  if (x == NULL)
    return;
  g_ptr_array_unref (x->selfevals);
  fc_claims_free (x->claims);
  g_clear_pointer (&x->ties, g_array_unref);
  g_hash_table_unref (x->wholes);
  g_free (x);
}

/* ---- ties -------------------------------------------------------------- */

const FcTopic *
fc_text_facts_topic (const FcTextFacts *x, int index)
{
  return index >= 0 ? g_ptr_array_index (x->claims->topics, index) : NULL;
}

const FcClaim *
fc_text_facts_claim (const FcTextFacts *x, int index)
{
  return index >= 0 ? &g_array_index (x->claims->claims, FcClaim, index) : NULL;
}

/* Evaluates figure text; FALSE when it does not resolve. */
static gboolean
evaluate (FcCheckContext *c, const char *text, FcRule **rule, FcFigureValue *out)
{
  if (*rule == NULL)
    *rule = fc_rules_parse_figure (text, NULL);
  return *rule != NULL && fc_check_figure (c, *rule, out, NULL);
}

static char *
strip_generic (const char *folded)
{
  g_autoptr (GString) s = g_string_new (folded);
  g_string_replace (s, "支出", "", 0);
  g_string_replace (s, "等", "", 0);
  g_string_replace (s, "的", "", 0);
  return g_strdup (s->str);
}

/* Whether the name the text gives (folded) is the table's name of a row. */
static gboolean
names_match (const char *text, const char *display, gboolean generic)
{
  g_autofree char *table = fc_vocabulary_fold (display, -1, NULL);
  if (*table == '\0')
    return FALSE;
  if (strcmp (text, table) == 0
      || (g_str_has_suffix (text, table) && g_utf8_strlen (table, -1) >= 4))
    return TRUE;
  if (!generic)
    return FALSE;
  g_autofree char *a = strip_generic (text);
  g_autofree char *b = strip_generic (table);
  return *b != '\0' && (strcmp (a, b) == 0 || (g_str_has_suffix (a, b) && g_utf8_strlen (b, -1) >= 4));
}

/* The stated actual amount of topic, for telling a misnamed 科目 by its
 * figure: the first AMOUNT (actual) claim about it. */
static const FcClaim *
first_actual (const FcTextFacts *x, int topic_index)
{
  for (guint i = 0; i < x->claims->claims->len; i++)
    {
      const FcClaim *c = fc_text_facts_claim (x, (int) i);
      if (c->topic == topic_index && c->kind == FC_CLAIM_AMOUNT && c->role == FC_ROLE_ACTUAL)
        return c;
    }
  return NULL;
}

static const FcTable *
group_table (FcCheckContext *c, const FcCodeGroup *group)
{
  g_autofree char *example = fc_vocabulary_code_figure (group, "201", 1);
  g_autoptr (FcRule) rule = fc_rules_parse_figure (example, NULL);
  if (rule == NULL || rule->tables->len == 0)
    return NULL;
  return fc_table_lookup (fc_check_context_tables (c), g_ptr_array_index (rule->tables, 0));
}

static const char *const level_words[] = { "类", "款", "项" };

/* Ties a 科目 named with （类）（款）（项） to its row: by name, level by level;
 * a level whose name is not the table's is found by the figure the text
 * states for it, when one row alone has it, and said (problem). */
static void
bind_code (FcCheckContext *c, FcTextFacts *x, int index, FcTie *tie)
{
  const FcTopic *t = fc_text_facts_topic (x, index);
  const FcTable *table = group_table (c, t->group);
  if (table == NULL)
    return;
  guint column = t->column ? t->column : 1;
  const FcTableRow *found[3] = { NULL, NULL, NULL };
  const char *parent = NULL;
  int deepest = -1;
  gboolean by_figure = FALSE;
  for (guint level = 0; level < 3; level++)
    {
      if (t->names[level] == NULL)
        continue;
      deepest = (int) level;
      gsize len = 3 + 2 * level;
      for (guint i = 0; i < table->rows->len && found[level] == NULL; i++)
        {
          const FcTableRow *r = g_ptr_array_index (table->rows, i);
          if (r->code != NULL && strlen (r->code) == len
              && (parent == NULL || g_str_has_prefix (r->code, parent))
              && names_match (t->names[level], r->display, level == 0))
            found[level] = r;
        }
      if (found[level] != NULL)
        parent = found[level]->code;
    }
  if (deepest < 0)
    return;
  if (found[deepest] == NULL)
    {
      /* the deepest name is not the table's: the one row under the parent
       * with the stated figure */
      const FcClaim *stated = first_actual (x, index);
      gsize len = 3 + 2 * (gsize) deepest;
      const FcTableRow *only = NULL;
      guint matches = 0;
      for (guint i = 0; stated != NULL && i < table->rows->len; i++)
        {
          const FcTableRow *r = g_ptr_array_index (table->rows, i);
          if (r->code == NULL || strlen (r->code) != len
              || (parent != NULL && !g_str_has_prefix (r->code, parent)))
            continue;
          g_autofree char *text = fc_vocabulary_code_figure (t->group, r->code, column);
          g_autoptr (FcRule) fig = NULL;
          FcFigureValue v;
          if (evaluate (c, text, &fig, &v) && fabs (v.value - stated->value) <= 0.01 + FC_TEXT_EPS)
            only = r, matches++;
        }
      if (matches != 1)
        return;
      found[deepest] = only;
      by_figure = TRUE;
    }
  const FcTableRow *row = found[deepest];
  /* say which names are not the tables' */
  g_autoptr (GString) zh = g_string_new (NULL), en = g_string_new (NULL);
  for (guint level = 0; level < 3; level++)
    {
      if (t->names[level] == NULL || (found[level] != NULL && !((int) level == deepest && by_figure)))
        continue;
      g_autofree char *code = g_strndup (row->code, 3 + 2 * level);
      const FcTableRow *named = fc_table_find_code (table, code, 0);
      if (named == NULL || names_match (t->names[level], named->display, level == 0))
        continue;
      g_string_append_printf (zh, "%s“%s（%s）”在表中为%s“%s”", zh->len ? "；" : "", t->names[level],
                              level_words[level], code, named->display);
      g_string_append_printf (en, "%s“%s (%s)” is %s “%s” in the tables", en->len ? "; " : "",
                              t->names[level], level_words[level], code, named->display);
    }
  if (zh->len > 0)
    {
      tie->problem = g_strdup (zh->str);
      tie->problem_en = g_strdup (en->str);
    }
  g_autofree char *text = fc_vocabulary_code_figure (t->group, row->code, column);
  tie->key = g_strdup_printf ("c:%s:%s:%u", t->group->id, row->code, column);
  tie->tied = evaluate (c, text, &tie->figure, &tie->value);
}

void
fc_text_facts_bind (FcTextCheck *k)
{
  FcTextFacts *x = k->x;
  if (x->ties != NULL)
    return;
  x->ties = g_array_new (FALSE, TRUE, sizeof (FcTie));
  g_array_set_clear_func (x->ties, tie_clear);
  g_array_set_size (x->ties, x->claims->topics->len);
  for (guint i = 0; i < x->claims->topics->len; i++)
    {
      const FcTopic *t = fc_text_facts_topic (x, (int) i);
      FcTie *tie = &g_array_index (x->ties, FcTie, i);
      switch (t->kind)
        {
        case FC_TOPIC_SUBJECT:
          tie->key = g_strconcat ("s:", t->subject->id, NULL);
          if (t->subject->figure != NULL)
            tie->tied = evaluate (k->c, t->subject->figure, &tie->figure, &tie->value);
          if (t->subject->budget != NULL)
            tie->budget_tied = evaluate (k->c, t->subject->budget, &tie->budget, &tie->budget_value);
          break;
        case FC_TOPIC_CODE:
          bind_code (k->c, x, (int) i, tie);
          break;
        case FC_TOPIC_PROJECT:
          tie->key = g_strconcat ("p:", t->project, NULL);
          for (guint e = 0; e < x->selfevals->len && tie->eval == NULL; e++)
            {
              const FcSelfEval *eval = g_ptr_array_index (x->selfevals, e);
              g_autofree char *name = fc_vocabulary_fold (eval->name, -1, NULL);
              if (strcmp (name, t->project) == 0)
                tie->eval = eval;
            }
          break;
        }
    }
}

FcTie *
fc_text_facts_tie (const FcTextCheck *k, int topic_index)
{
  return topic_index >= 0 ? &g_array_index (k->x->ties, FcTie, topic_index) : NULL;
}

/* The tie of a subject the text may not name (a whole). */
FcTie *
fc_text_facts_subject_tie (const FcTextCheck *k, const FcSubject *s)
{
  FcTie *t = g_hash_table_lookup (k->x->wholes, s->id);
  if (t != NULL)
    return t;
  t = g_new0 (FcTie, 1);
  t->key = g_strconcat ("s:", s->id, NULL);
  if (s->figure != NULL)
    t->tied = evaluate (k->c, s->figure, &t->figure, &t->value);
  g_hash_table_insert (k->x->wholes, g_strdup (s->id), t);
  return t;
}

/* ---- what the text states ---------------------------------------------- */

typedef enum { SCOPE_SENTENCE, SCOPE_ITEM, SCOPE_SECTION } Scope;

static gboolean
in_scope (const FcClaim *c, const FcClaim *ref, Scope scope)
{
  if (c->section != ref->section)
    return FALSE;
  switch (scope)
    {
    case SCOPE_SENTENCE:
      return c->sentence == ref->sentence;
    case SCOPE_ITEM:
      return c->item != 0 && c->item == ref->item && c->section_instance == ref->section_instance;
    case SCOPE_SECTION:
    default:
      return TRUE;
    }
}

/* The nearest AMOUNT claim with this role about the topic key, before the
 * claim at `at` (or in its sentence after it), in the narrowest scope that
 * has one. */
const FcClaim *
fc_text_facts_stated (const FcTextCheck *k, int at, const char *key, FcClaimRole role)
{
  const FcClaim *ref = fc_text_facts_claim (k->x, at);
  for (Scope scope = SCOPE_SENTENCE; scope <= SCOPE_SECTION; scope++)
    {
      for (int i = at; i >= 0; i--)
        {
          const FcClaim *c = fc_text_facts_claim (k->x, i);
          if (c->section != ref->section)
            break;
          if (c->kind == FC_CLAIM_AMOUNT && c->role == role && c->topic >= 0 && in_scope (c, ref, scope)
              && g_strcmp0 (fc_text_facts_tie (k, c->topic)->key, key) == 0)
            return c;
        }
      for (guint i = (guint) at + 1; scope == SCOPE_SENTENCE && i < k->x->claims->claims->len; i++)
        {
          const FcClaim *c = fc_text_facts_claim (k->x, (int) i);
          if (c->sentence != ref->sentence)
            break;
          if (c->kind == FC_CLAIM_AMOUNT && c->role == role && c->topic >= 0
              && g_strcmp0 (fc_text_facts_tie (k, c->topic)->key, key) == 0)
            return c;
        }
    }
  return NULL;
}

/* The actual figure of a topic as the text states it near the claim, else
 * as the tables have it. */
FcQuantity
fc_text_facts_actual (const FcTextCheck *k, int at, int topic_index)
{
  FcQuantity q = { 0 };
  FcTie *t = fc_text_facts_tie (k, topic_index);
  if (t == NULL || t->key == NULL)
    return q;
  const FcClaim *s = fc_text_facts_stated (k, at, t->key, FC_ROLE_ACTUAL);
  if (s != NULL)
    return (FcQuantity) { TRUE, s->value, fc_verdict_amount_half (s->decimals), TRUE };
  if (t->tied)
    return (FcQuantity) { TRUE, t->value.value, 0.005 * MAX (t->value.n_figures, 1), FALSE };
  return q;
}

FcQuantity
fc_text_facts_budget (const FcTextCheck *k, int at, int topic_index, FcClaimRole want)
{
  FcQuantity q = { 0 };
  FcTie *t = fc_text_facts_tie (k, topic_index);
  if (t == NULL || t->key == NULL)
    return q;
  FcClaimRole other = want == FC_ROLE_BUDGET_INITIAL ? FC_ROLE_BUDGET_FULL : FC_ROLE_BUDGET_INITIAL;
  const FcClaim *s = fc_text_facts_stated (k, at, t->key, want);
  if (s == NULL)
    s = fc_text_facts_stated (k, at, t->key, other);
  if (s != NULL)
    return (FcQuantity) { TRUE, s->value, fc_verdict_amount_half (s->decimals), TRUE };
  if (t->budget_tied)
    return (FcQuantity) { TRUE, t->budget_value.value, 0.005 * MAX (t->budget_value.n_figures, 1), FALSE };
  return q;
}

/* Whether a table's own rules found an error in it: then it may be read
 * wrong, or be wrong itself, and a claim that differs from it is not
 * called an error on its account (a warning says so). */
gboolean
fc_text_facts_table_in_doubt (const FcTextCheck *k, const char *table)
{
  GPtrArray *findings = fc_check_context_report (k->c)->findings;
  for (guint i = 0; table != NULL && i < findings->len; i++)
    {
      const FcFinding *f = g_ptr_array_index (findings, i);
      if (f->severity == FC_SEVERITY_ERROR && *f->quote == '\0' && strcmp (f->table, table) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
fc_text_facts_table_empty (const FcTable *table)
{
  /* a table recognition could not read is not known to be empty: it says
   * so itself, once (I.3) */
  if (table->problems->len > 0)
    return FALSE;
  /* error values where figures were (a row of them is not even a row) */
  for (guint r = table->first_row; r <= table->last_row; r++)
    for (guint c = table->first_col; c <= table->last_col; c++)
      if (fc_sheet_get_cell (table->sheet, r, c)->kind == FC_CELL_ERROR)
        return FALSE;
  for (guint k = 0; k < table->rows->len; k++)
    {
      const FcTableRow *row = g_ptr_array_index (table->rows, k);
      for (guint n = 1; n < row->cols->len; n++)
        {
          int col = fc_table_row_column (row, n);
          double v;
          if (col < 0)
            continue;
          /* a figure, or a cell that should hold one and holds something
           * else (an error value, text: damaged, I.1 says so) */
          FcAmountKind kind = fc_amount_read (fc_sheet_get_cell (table->sheet, row->row, (guint) col), &v);
          if (kind == FC_AMOUNT_INVALID || (kind == FC_AMOUNT_VALUE && v != 0))
            return FALSE;
        }
    }
  return TRUE;
}
