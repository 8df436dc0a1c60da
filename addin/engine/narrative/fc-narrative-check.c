/* fc-narrative-check.c — judging the narrative's claims against the tables
 * and the self-evaluations, and the self-evaluations against themselves.
 *
 * Rounding, derived, not guessed: an amount written with 2 decimals stands
 * for ±0.005; a percentage with d decimals for ±0.5·10^-d; a ratio of two
 * such figures lies in the interval their intervals give.  A claim whose
 * interval meets the figure's is consistent (a note when it is not the
 * figure rounded); a percentage cut instead of rounded, or one unit of its
 * last decimal off, and an amount 0.01 off, are notes; anything else is
 * the rule's severity.
 */
#include "fc-narrative-check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-table.h"

const char *const fc_narrative_aspects[] = {
  "amount", "share", "breakdown", "prior-year", "zero-base", "budget-rate", "budget-sum",
  "direction", "year", "department", "residue", "names", "self-evaluation", "document", NULL,
};

const char *const fc_selfeval_aspects[] = {
  "layout", "total", "rate", "balance", "score", "grade", NULL,
};

/* The figure of one topic, found on first use. */
typedef struct {
  gboolean tied;
  FcRule *figure;          /* owned */
  FcFigureValue value;
  FcRule *budget;          /* owned, or NULL */
  FcFigureValue budget_value;
  gboolean budget_tied;
  char *key;               /* topics with the same key speak of the same figure */
  char *problem, *problem_en; /* CODE: names the tables do not use */
  const FcSelfEval *eval;  /* PROJECT */
} Tie;

struct _FcTextFacts {
  const FcNarrative *narrative;
  const FcVocabulary *v;
  GPtrArray *selfevals;    /* owned */
  GPtrArray *tables;       /* borrowed */
  FcClaims *claims;        /* owned */
  GArray *ties;            /* of Tie, one per topic, once bound */
  GHashTable *wholes;      /* subject id → Tie*, for wholes the text does not name */
};

typedef enum { VERDICT_OK, VERDICT_NOTE, VERDICT_WRONG } Verdict;

typedef struct {
  FcCheckContext *c;
  FcTextFacts *x;
  const FcRule *rule;
} Ctx;

#define EPS 1e-7

static void
tie_clear (gpointer p)
{
  Tie *t = p;
  g_clear_pointer (&t->figure, fc_rule_free);
  g_clear_pointer (&t->budget, fc_rule_free);
  g_free (t->key);
  g_free (t->problem);
  g_free (t->problem_en);
}

static void
tie_free (Tie *t)
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

/* ---- numbers ----------------------------------------------------------- */

static double
round_to (double v, guint decimals)
{
  double f = pow (10, MIN (decimals, 9));
  return round (v * f * (1 + 1e-12)) / f;
}

static double
trunc_to (double v, guint decimals)
{
  double f = pow (10, MIN (decimals, 9));
  return (v < 0 ? ceil (v * f - 1e-9) : floor (v * f + 1e-9)) / f;
}

static double
half_unit (guint decimals)
{
  return 0.5 * pow (10, -(double) MIN (decimals, 9));
}

/* "568.68", "4.853" (transfer full) */
static char *
number (double v, guint decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  if (!isfinite (v))
    return g_strdup ("∞");
  if (fabs (v) < 0.5 * pow (10, -(double) decimals))
    v = 0;
  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 6));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, v));
}

/* A stated amount against a figure of n written figures. */
static Verdict
judge_amount (const Ctx *k, double stated, guint decimals, double figure, guint n_figures,
              double *tolerance)
{
  *tolerance = fc_check_tolerance (fc_check_context_tolerance (k->c), MAX (n_figures, 1) + 1);
  if (fabs (stated - figure) < EPS || fabs (round_to (figure, MAX (decimals, 2)) - stated) < EPS)
    return VERDICT_OK;
  return fabs (stated - figure) <= *tolerance + EPS ? VERDICT_NOTE : VERDICT_WRONG;
}

/* A stated percentage against a / b of figures ±da, ±db; *computed gets
 * the point value.  FALSE (nothing to judge) when b may be 0. */
static gboolean
judge_ratio (double stated, guint decimals, double a, double da, double b, double db,
             double *computed, Verdict *verdict)
{
  if (b - db <= EPS)
    return FALSE;
  double p = a / b * 100;
  double q[4] = { (a - da) / (b - db), (a - da) / (b + db), (a + da) / (b - db), (a + da) / (b + db) };
  double lo = q[0], hi = q[0];
  for (guint i = 1; i < 4; i++)
    lo = MIN (lo, q[i]), hi = MAX (hi, q[i]);
  lo *= 100, hi *= 100;
  double h = half_unit (decimals), unit = 2 * h;
  *computed = p;
  if (fabs (round_to (p, decimals) - stated) < EPS)
    *verdict = VERDICT_OK;
  else if ((stated + h >= lo - EPS && stated - h <= hi + EPS)
           || fabs (trunc_to (p, decimals) - stated) < EPS
           || fabs (round_to (p, decimals) - stated) <= unit + EPS)
    *verdict = VERDICT_NOTE;
  else
    *verdict = VERDICT_WRONG;
  return TRUE;
}

/* How far a stated amount may be from what it stands for. */
static double
amount_half (guint decimals)
{
  return half_unit (MAX (decimals, 2));
}

/* ---- findings ---------------------------------------------------------- */

static const char *
document (const Ctx *k)
{
  return k->x->narrative ? fc_narrative_get_document (k->x->narrative) : "";
}

/* A finding about a claim: its cell first when the narrative is a sheet. */
static FcFinding *
claim_finding (const Ctx *k, FcSeverity severity, const FcClaim *claim, const char *table)
{
  FcFinding *f = fc_finding_new (k->rule->id, severity, table, "", "");
  g_autofree char *quote = fc_claims_quote (k->x->claims, k->x->narrative, claim);
  fc_finding_set_quote (f, quote, claim->paragraph + 1, document (k));
  const FcParagraph *p = fc_narrative_get_paragraph (k->x->narrative, claim->paragraph);
  if (p != NULL && p->sheet != NULL)
    {
      g_autofree char *label = g_strdup_printf ("情况说明 第%u段", claim->paragraph + 1);
      fc_finding_add_cell (f, p->sheet, p->row, p->col, label, "", claim->value);
    }
  return f;
}

/* A finding about a paragraph (a quote that is not a claim). */
static FcFinding *
paragraph_finding (const Ctx *k, guint paragraph, const char *quote)
{
  FcFinding *f = fc_finding_new (k->rule->id, k->rule->severity, "", "", "");
  fc_finding_set_quote (f, quote, paragraph + 1, document (k));
  const FcParagraph *p = fc_narrative_get_paragraph (k->x->narrative, paragraph);
  if (p != NULL && p->sheet != NULL)
    {
      g_autofree char *label = g_strdup_printf ("情况说明 第%u段", paragraph + 1);
      fc_finding_add_cell (f, p->sheet, p->row, p->col, label, "", 0);
    }
  return f;
}

/* Sets the messages (the rule's, then the detail) and files the finding. */
static void
finish (const Ctx *k, FcFinding *f, const char *zh, const char *en)
{
  gboolean note = f->severity == FC_SEVERITY_INFO && k->rule->severity != FC_SEVERITY_INFO;
  g_free (f->message);
  g_free (f->message_en);
  f->message = g_strdup_printf ("%s%s：%s", note ? "尾数差异（在舍入误差范围内）：" : "",
                                k->rule->message, zh);
  f->message_en = g_strdup_printf ("%s%s: %s", note ? "Rounding tail (within tolerance): " : "",
                                   k->rule->message_en, en);
  fc_report_add_finding (fc_check_context_report (k->c), f);
}

static FcSeverity
severity_of (const Ctx *k, Verdict v)
{
  return v == VERDICT_NOTE ? FC_SEVERITY_INFO : k->rule->severity;
}

static void
set_amounts (FcFinding *f, double expected, double actual, double tolerance)
{
  f->has_amounts = TRUE;
  f->expected = expected;
  f->actual = actual;
  f->difference = actual - expected;
  f->tolerance = tolerance;
}

/* "5364.75（一般公共预算财政拨款支出决算表!D29 合计 / 栏2 基本支出）": the
 * figure with the cell it is read from, which the finding lists after the
 * claim's own cell (transfer full). */
static char *
figure_text (const FcFinding *f, double value, guint decimals)
{
  g_autofree char *v = number (value, decimals);
  for (guint i = 0; i < f->cells->len; i++)
    {
      const FcFindingCell *cell = g_ptr_array_index (f->cells, i);
      if (g_str_has_prefix (cell->row_label, "情况说明"))
        continue;
      return g_strdup_printf ("%s（%s!%s%s%s%s%s）", v, cell->sheet, cell->address,
                              *cell->row_label ? " " : "", cell->row_label,
                              *cell->column_label ? " / " : "", cell->column_label);
    }
  return g_steal_pointer (&v);
}

/* Whether the finding already lists the paragraph's cell. */
static gboolean
cell_listed (const FcFinding *f, const FcParagraph *p)
{
  for (guint i = 0; i < f->cells->len; i++)
    {
      const FcFindingCell *c = g_ptr_array_index (f->cells, i);
      if (c->row == p->row && c->col == p->col && strcmp (c->sheet, p->sheet) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- ties -------------------------------------------------------------- */

static const FcTopic *
topic (const FcTextFacts *x, int index)
{
  return index >= 0 ? g_ptr_array_index (x->claims->topics, index) : NULL;
}

static const FcClaim *
claim (const FcTextFacts *x, int index)
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
      const FcClaim *c = claim (x, (int) i);
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
bind_code (FcCheckContext *c, FcTextFacts *x, int index, Tie *tie)
{
  const FcTopic *t = topic (x, index);
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
          if (evaluate (c, text, &fig, &v) && fabs (v.value - stated->value) <= 0.01 + EPS)
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

static void
bind (Ctx *k)
{
  FcTextFacts *x = k->x;
  if (x->ties != NULL)
    return;
  x->ties = g_array_new (FALSE, TRUE, sizeof (Tie));
  g_array_set_clear_func (x->ties, tie_clear);
  g_array_set_size (x->ties, x->claims->topics->len);
  for (guint i = 0; i < x->claims->topics->len; i++)
    {
      const FcTopic *t = topic (x, (int) i);
      Tie *tie = &g_array_index (x->ties, Tie, i);
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

static Tie *
tie_of (const Ctx *k, int topic_index)
{
  return topic_index >= 0 ? &g_array_index (k->x->ties, Tie, topic_index) : NULL;
}

/* The tie of a subject the text may not name (a whole). */
static Tie *
subject_tie (const Ctx *k, const FcSubject *s)
{
  Tie *t = g_hash_table_lookup (k->x->wholes, s->id);
  if (t != NULL)
    return t;
  t = g_new0 (Tie, 1);
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
static const FcClaim *
stated (const Ctx *k, int at, const char *key, FcClaimRole role)
{
  const FcClaim *ref = claim (k->x, at);
  for (Scope scope = SCOPE_SENTENCE; scope <= SCOPE_SECTION; scope++)
    {
      for (int i = at; i >= 0; i--)
        {
          const FcClaim *c = claim (k->x, i);
          if (c->section != ref->section)
            break;
          if (c->kind == FC_CLAIM_AMOUNT && c->role == role && c->topic >= 0 && in_scope (c, ref, scope)
              && g_strcmp0 (tie_of (k, c->topic)->key, key) == 0)
            return c;
        }
      for (guint i = (guint) at + 1; scope == SCOPE_SENTENCE && i < k->x->claims->claims->len; i++)
        {
          const FcClaim *c = claim (k->x, (int) i);
          if (c->sentence != ref->sentence)
            break;
          if (c->kind == FC_CLAIM_AMOUNT && c->role == role && c->topic >= 0
              && g_strcmp0 (tie_of (k, c->topic)->key, key) == 0)
            return c;
        }
    }
  return NULL;
}

typedef struct {
  gboolean known;
  double value;
  double half;        /* its half width */
  gboolean from_text;
} Quantity;

/* The actual figure of a topic as the text states it near the claim, else
 * as the tables have it. */
static Quantity
actual_of (const Ctx *k, int at, int topic_index)
{
  Quantity q = { 0 };
  Tie *t = tie_of (k, topic_index);
  if (t == NULL || t->key == NULL)
    return q;
  const FcClaim *s = stated (k, at, t->key, FC_ROLE_ACTUAL);
  if (s != NULL)
    return (Quantity) { TRUE, s->value, amount_half (s->decimals), TRUE };
  if (t->tied)
    return (Quantity) { TRUE, t->value.value, 0.005 * MAX (t->value.n_figures, 1), FALSE };
  return q;
}

static Quantity
budget_of (const Ctx *k, int at, int topic_index, FcClaimRole want)
{
  Quantity q = { 0 };
  Tie *t = tie_of (k, topic_index);
  if (t == NULL || t->key == NULL)
    return q;
  FcClaimRole other = want == FC_ROLE_BUDGET_INITIAL ? FC_ROLE_BUDGET_FULL : FC_ROLE_BUDGET_INITIAL;
  const FcClaim *s = stated (k, at, t->key, want);
  if (s == NULL)
    s = stated (k, at, t->key, other);
  if (s != NULL)
    return (Quantity) { TRUE, s->value, amount_half (s->decimals), TRUE };
  if (t->budget_tied)
    return (Quantity) { TRUE, t->budget_value.value, 0.005 * MAX (t->budget_value.n_figures, 1), FALSE };
  return q;
}

/* Whether a table's own rules found an error in it: then it may be read
 * wrong, or be wrong itself, and a claim that differs from it is not
 * called an error on its account (a warning says so). */
static gboolean
table_in_doubt (const Ctx *k, const char *table)
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

/* ---- amount ------------------------------------------------------------ */

static void
check_amounts (Ctx *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      Tie *t = tie_of (k, cl->topic);
      if (cl->kind != FC_CLAIM_AMOUNT || t == NULL || t->eval != NULL)
        continue;
      FcRule *figure = NULL;
      FcFigureValue value;
      if (cl->role == FC_ROLE_ACTUAL && t->tied)
        figure = t->figure, value = t->value;
      else if ((cl->role == FC_ROLE_BUDGET_INITIAL || cl->role == FC_ROLE_BUDGET_FULL) && t->budget_tied)
        figure = t->budget, value = t->budget_value;
      if (figure == NULL)
        continue;
      double tolerance;
      Verdict v = judge_amount (k, cl->value, cl->decimals, value.value, value.n_figures, &tolerance);
      if (v == VERDICT_OK)
        continue;
      gboolean doubt = v == VERDICT_WRONG && table_in_doubt (k, value.table);
      FcFinding *f = claim_finding (k, doubt ? FC_SEVERITY_WARNING : severity_of (k, v), cl, value.table);
      FcFigureValue again;
      fc_check_figure (k->c, figure, &again, f);
      set_amounts (f, value.value, cl->value, tolerance);
      g_autofree char *quote = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *fig = figure_text (f, value.value, 2);
      g_autofree char *said = number (cl->value, MAX (cl->decimals, 2));
      g_autofree char *zh = g_strdup_printf ("“%s”，表中为%s%s", quote, fig,
                                             doubt ? "（该表本身不平衡，未作错误处理）" : "");
      g_autofree char *en = g_strdup_printf ("“%s” states %s, the table has %s%s", quote, said, fig,
                                             doubt ? " (that table does not reconcile itself: not called an error)"
                                                   : "");
      finish (k, f, zh, en);
    }
}

/* ---- shares ------------------------------------------------------------ */

/* The whole a share is of: named after 占, else its topic's (vocabulary,
 * or the 基本支出 before a 类). */
static gboolean
whole_of (const Ctx *k, int at, Quantity *q, char **name)
{
  const FcClaim *cl = claim (k->x, at);
  const FcTopic *part = topic (k->x, cl->topic);
  const FcSubject *whole = NULL;
  int whole_topic = cl->whole;
  if (whole_topic < 0 && part != NULL)
    {
      if (part->kind == FC_TOPIC_SUBJECT)
        whole = part->subject->whole ? fc_vocabulary_subject (k->x->v, part->subject->whole) : NULL;
      else if (part->kind == FC_TOPIC_CODE)
        whole = part->whole ? part->whole
                : part->group->whole ? fc_vocabulary_subject (k->x->v, part->group->whole) : NULL;
    }
  if (whole_topic >= 0 && topic (k->x, whole_topic)->kind == FC_TOPIC_SUBJECT)
    whole = topic (k->x, whole_topic)->subject;
  if (whole == NULL)
    return FALSE;
  *name = g_strdup (whole->phrases[0]);
  Tie *t = subject_tie (k, whole);
  const FcClaim *s = stated (k, at, t->key, FC_ROLE_ACTUAL);
  if (s != NULL)
    {
      *q = (Quantity) { TRUE, s->value, amount_half (s->decimals), TRUE };
      return TRUE;
    }
  if (!t->tied)
    return FALSE;
  *q = (Quantity) { TRUE, t->value.value, 0.005 * MAX (t->value.n_figures, 1), FALSE };
  return TRUE;
}

static void
report_ratio (Ctx *k, const FcClaim *cl, Verdict v, double computed, const char *what_zh,
              const char *what_en)
{
  FcFinding *f = claim_finding (k, severity_of (k, v), cl, "");
  set_amounts (f, computed, cl->value, half_unit (cl->decimals));
  g_autofree char *quote = fc_claims_quote (k->x->claims, k->x->narrative, cl);
  g_autofree char *p = number (computed, MAX (cl->decimals, 2) + 1);
  g_autofree char *said = number (cl->value, cl->decimals);
  g_autofree char *zh = g_strdup_printf ("“%s”：%s为%s%%", quote, what_zh, p);
  g_autofree char *en = g_strdup_printf ("“%s” states %s%%; %s is %s%%", quote, said, what_en, p);
  finish (k, f, zh, en);
}

static void
check_shares (Ctx *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      if (cl->kind != FC_CLAIM_SHARE || cl->part < 0)
        continue;
      const FcClaim *part = claim (k->x, cl->part);
      Quantity whole;
      g_autofree char *name = NULL;
      if (!whole_of (k, (int) i, &whole, &name))
        continue;
      double computed;
      Verdict v;
      if (!judge_ratio (cl->value, cl->decimals, part->value, amount_half (part->decimals), whole.value,
                        whole.half, &computed, &v) || v == VERDICT_OK)
        continue;
      g_autofree char *p = number (part->value, 2), *w = number (whole.value, 2);
      g_autofree char *zh = g_strdup_printf ("%s / %s（%s）", p, w, name);
      g_autofree char *en = g_strdup_printf ("%s / %s (%s)", p, w, name);
      report_ratio (k, cl, v, computed, zh, en);
    }
}

/* ---- breakdowns -------------------------------------------------------- */

/* The cells of the claims (of int) and of head, after the finding's own,
 * each once: which part is wrong, the sum cannot tell. */
static void
add_claim_cells (const Ctx *k, FcFinding *f, GArray *claims, const FcClaim *head)
{
  for (guint i = 0; i <= claims->len; i++)
    {
      const FcClaim *c = i < claims->len ? claim (k->x, g_array_index (claims, int, i)) : head;
      const FcParagraph *p = c ? fc_narrative_get_paragraph (k->x->narrative, c->paragraph) : NULL;
      if (p == NULL || p->sheet == NULL || cell_listed (f, p))
        continue;
      g_autofree char *label = g_strdup_printf ("情况说明 第%u段", c->paragraph + 1);
      fc_finding_add_cell (f, p->sheet, p->row, p->col, label, "", c->value);
    }
}

/* The parts of a whole stated in one section: their amounts add up to
 * the whole when every part the vocabulary knows is stated, and the shares
 * of a complete breakdown add to 100 %. */
static void
check_breakdowns (Ctx *k)
{
  GArray *claims = k->x->claims->claims;
  g_autoptr (GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *head = claim (k->x, (int) i);
      const FcTopic *ht = topic (k->x, head->topic);
      if (head->kind != FC_CLAIM_AMOUNT || head->role != FC_ROLE_ACTUAL || ht == NULL
          || ht->kind != FC_TOPIC_SUBJECT)
        continue;
      const char *whole_id = ht->subject->id;
      g_autofree char *key = g_strdup_printf ("%s\x1f%u", whole_id, head->section_instance);
      if (g_hash_table_contains (done, key))
        continue;
      /* the parts after it in its section, until the whole is stated again */
      g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
      gboolean codes = FALSE;
      for (guint j = i + 1; j < claims->len; j++)
        {
          const FcClaim *c = claim (k->x, (int) j);
          if (c->section != head->section)
            break;
          const FcTopic *t = topic (k->x, c->topic);
          if (t == NULL || c->kind != FC_CLAIM_AMOUNT || c->role != FC_ROLE_ACTUAL)
            continue;
          if (t->kind == FC_TOPIC_SUBJECT && t->subject == ht->subject)
            break;
          const FcSubject *w = t->kind == FC_TOPIC_SUBJECT && t->subject->whole
                                 ? fc_vocabulary_subject (k->x->v, t->subject->whole)
                               : t->kind == FC_TOPIC_CODE
                                 ? (t->whole ? t->whole
                                    : t->group->whole ? fc_vocabulary_subject (k->x->v, t->group->whole)
                                    : NULL)
                                 : NULL;
          if (w != ht->subject)
            continue;
          gpointer id = t->kind == FC_TOPIC_SUBJECT ? (gpointer) t->subject : (gpointer) (gsize) (j + 1);
          if (!g_hash_table_add (seen, id))
            continue;
          codes |= t->kind == FC_TOPIC_CODE;
          int index = (int) j;
          g_array_append_val (parts, index);
        }
      if (parts->len < 2)
        continue;
      g_hash_table_add (done, g_steal_pointer (&key));
      /* complete: every part the vocabulary has, or amounts that add up */
      guint known = 0;
      for (guint s = 0; s < k->x->v->subjects->len; s++)
        {
          const FcSubject *sub = g_ptr_array_index (k->x->v->subjects, s);
          known += g_strcmp0 (sub->whole, whole_id) == 0 && fc_vocabulary_in (sub->sections, head->section);
        }
      double sum = 0;
      for (guint p = 0; p < parts->len; p++)
        sum += claim (k->x, g_array_index (parts, int, p))->value;
      double tol = fc_check_tolerance (fc_check_context_tolerance (k->c), parts->len + 1);
      gboolean all_stated = !codes && parts->len == known;
      gboolean adds_up = fabs (sum - head->value) <= tol + EPS;
      if (all_stated && !adds_up)
        {
          const FcClaim *last = claim (k->x, g_array_index (parts, int, parts->len - 1));
          FcFinding *f = claim_finding (k, k->rule->severity, last, "");
          add_claim_cells (k, f, parts, head);
          set_amounts (f, head->value, sum, tol);
          g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, head);
          g_autofree char *a = number (sum, 2), *b = number (head->value, 2);
          g_autofree char *zh = g_strdup_printf ("所列%u项之和为%s，而第%u段“%s”", parts->len, a,
                                                 head->paragraph + 1, q);
          g_autofree char *en = g_strdup_printf ("the %u parts add up to %s, paragraph %u says “%s” (%s)",
                                                 parts->len, a, head->paragraph + 1, q, b);
          finish (k, f, zh, en);
          continue;
        }
      if (all_stated && fabs (sum - head->value) > EPS && fabs (round_to (sum, 2) - head->value) > EPS)
        {
          const FcClaim *last = claim (k->x, g_array_index (parts, int, parts->len - 1));
          FcFinding *f = claim_finding (k, FC_SEVERITY_INFO, last, "");
          set_amounts (f, head->value, sum, tol);
          g_autofree char *a = number (sum, 2), *b = number (head->value, 2);
          g_autofree char *zh = g_strdup_printf ("所列%u项之和为%s，总数为%s", parts->len, a, b);
          g_autofree char *en = g_strdup_printf ("the %u parts add up to %s, the total is %s",
                                                 parts->len, a, b);
          finish (k, f, zh, en);
        }
      if (!(all_stated || adds_up))
        continue;
      /* the shares of a complete breakdown */
      double shares = 0, half = 0;
      guint n = 0;
      const FcClaim *last_share = NULL;
      for (guint p = 0; p < parts->len; p++)
        for (guint s = (guint) g_array_index (parts, int, p) + 1; s < claims->len; s++)
          {
            const FcClaim *c = claim (k->x, (int) s);
            if (c->sentence != claim (k->x, g_array_index (parts, int, p))->sentence)
              break;
            if (c->kind == FC_CLAIM_SHARE && c->part == g_array_index (parts, int, p))
              {
                shares += c->value;
                half += half_unit (c->decimals);
                n++;
                last_share = c;
                break;
              }
          }
      if (n != parts->len || fabs (shares - 100) < EPS)
        continue;
      Verdict v = fabs (shares - 100) <= half + EPS ? VERDICT_NOTE : VERDICT_WRONG;
      FcFinding *f = claim_finding (k, severity_of (k, v), last_share, "");
      add_claim_cells (k, f, parts, NULL);
      set_amounts (f, 100, shares, half);
      g_autofree char *total = number (shares, 2);
      g_autofree char *zh = g_strdup_printf ("%u项占比之和为%s%%，不是100%%", n, total);
      g_autofree char *en = g_strdup_printf ("the %u shares add up to %s%%, not 100%%", n, total);
      finish (k, f, zh, en);
    }
}

/* ---- last year --------------------------------------------------------- */

typedef struct {
  double lo, hi;
  int claim;
} Prior;

/* The prior-year figure a claim implies, as an interval. */
static gboolean
implied_prior (const Ctx *k, int at, Prior *out)
{
  const FcClaim *cl = claim (k->x, at);
  out->claim = at;
  if (cl->kind == FC_CLAIM_AMOUNT && cl->role == FC_ROLE_PRIOR)
    {
      double h = amount_half (cl->decimals);
      out->lo = cl->value - h, out->hi = cl->value + h;
      return TRUE;
    }
  Quantity cur = actual_of (k, at, cl->topic);
  if (!cur.known)
    return FALSE;
  switch (cl->kind)
    {
    case FC_CLAIM_CHANGE:
      {
        if (cl->direction == 0)
          return FALSE;
        double change = cl->direction * cl->value, h = cur.half + amount_half (cl->decimals);
        out->lo = cur.value - change - h, out->hi = cur.value - change + h;
        return TRUE;
      }
    case FC_CLAIM_RATE:
      {
        if (cl->part >= 0 || cl->direction == 0 || cl->infinite)
          return FALSE; /* judged with its change */
        double r = cl->direction * cl->value / 100, h = half_unit (cl->decimals) / 100;
        if (1 + r - h <= EPS)
          return FALSE;
        double a = (cur.value - cur.half) / (1 + r + h), b = (cur.value + cur.half) / (1 + r - h);
        out->lo = MIN (a, b), out->hi = MAX (a, b);
        return TRUE;
      }
    case FC_CLAIM_SAME:
      out->lo = cur.value - cur.half, out->hi = cur.value + cur.half;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
zero_base (const Ctx *k, int at, double *prior)
{
  const FcClaim *cl = claim (k->x, at);
  if (cl->kind != FC_CLAIM_RATE)
    return FALSE;
  if (cl->infinite)
    {
      *prior = 0;
      return TRUE;
    }
  if (cl->part < 0)
    return FALSE;
  const FcClaim *change = claim (k->x, cl->part);
  Quantity cur = actual_of (k, cl->part, change->topic);
  if (!cur.known || change->direction == 0)
    return FALSE;
  *prior = cur.value - change->direction * change->value;
  return fabs (*prior) <= cur.half + amount_half (change->decimals) + EPS;
}

static void
check_prior_year (Ctx *k)
{
  GArray *claims = k->x->claims->claims;
  g_autoptr (GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      Tie *t = tie_of (k, cl->topic);
      if (t == NULL || t->key == NULL || t->eval != NULL)
        continue;
      /* a rate with its increase: one prior-year figure */
      double zero;
      if (cl->kind == FC_CLAIM_RATE && cl->part >= 0 && !cl->infinite && !zero_base (k, (int) i, &zero))
        {
          const FcClaim *change = claim (k->x, cl->part);
          Quantity cur = actual_of (k, cl->part, change->topic);
          double computed;
          Verdict v;
          if (cur.known && change->direction != 0)
            {
              double prior = cur.value - change->direction * change->value;
              double dprior = cur.half + amount_half (change->decimals);
              if (judge_ratio (cl->value, cl->decimals, change->value, amount_half (change->decimals),
                               prior, dprior, &computed, &v)
                  && v != VERDICT_OK)
                {
                  g_autofree char *c = number (change->value, 2), *p = number (prior, 2);
                  g_autofree char *zh = g_strdup_printf ("增减%s万元对上年%s万元的变动率", c, p);
                  g_autofree char *en = g_strdup_printf ("the rate of a change of %s on %s last year",
                                                         c, p);
                  report_ratio (k, cl, v, computed, zh, en);
                }
            }
          continue;
        }
      Prior p;
      if (!implied_prior (k, (int) i, &p))
        continue;
      Prior *ref = g_hash_table_lookup (first, t->key);
      if (ref == NULL)
        {
          g_hash_table_insert (first, t->key, g_memdup2 (&p, sizeof p));
          continue;
        }
      const FcClaim *rc = claim (k->x, ref->claim);
      if (rc->sentence == cl->sentence || (p.lo <= ref->hi + EPS && p.hi >= ref->lo - EPS))
        continue;
      g_autofree char *once = g_strdup_printf ("%s\x1f%u", t->key, cl->sentence);
      if (!g_hash_table_add (reported, g_steal_pointer (&once)))
        continue;
      double mine = (p.lo + p.hi) / 2, theirs = (ref->lo + ref->hi) / 2;
      Verdict v = fabs (mine - theirs) <= 0.01 + EPS ? VERDICT_NOTE : VERDICT_WRONG;
      FcFinding *f = claim_finding (k, severity_of (k, v), cl, "");
      set_amounts (f, theirs, mine, 0.01);
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *rq = fc_claims_quote (k->x->claims, k->x->narrative, rc);
      g_autofree char *a = number (mine, 2), *b = number (theirs, 2);
      g_autofree char *zh = g_strdup_printf ("“%s”所指上年数为%s万元，而第%u段“%s”所指上年数为%s万元",
                                             q, a, rc->paragraph + 1, rq, b);
      g_autofree char *en = g_strdup_printf ("“%s” implies %s for last year, paragraph %u “%s” implies %s",
                                             q, a, rc->paragraph + 1, rq, b);
      finish (k, f, zh, en);
    }
}

static void
check_zero_base (Ctx *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      double prior;
      if (!zero_base (k, (int) i, &prior))
        continue;
      FcFinding *f = claim_finding (k, k->rule->severity, cl, "");
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *zh = g_strdup_printf ("“%s”：上年数为0，增长率无意义", q);
      g_autofree char *en = g_strdup_printf ("“%s”: last year's figure is 0, a growth rate means nothing", q);
      finish (k, f, zh, en);
    }
}

/* ---- budgets ----------------------------------------------------------- */

static void
check_budget_rates (Ctx *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      Tie *t = tie_of (k, cl->topic);
      if (cl->kind != FC_CLAIM_COMPLETION || t == NULL || t->eval != NULL)
        continue;
      Quantity a = actual_of (k, (int) i, cl->topic), b = budget_of (k, (int) i, cl->topic, cl->role);
      double computed;
      Verdict v;
      if (!a.known || !b.known
          || !judge_ratio (cl->value, cl->decimals, a.value, a.half, b.value, b.half, &computed, &v)
          || v == VERDICT_OK)
        continue;
      g_autofree char *x = number (a.value, 2), *y = number (b.value, 2);
      g_autofree char *zh = g_strdup_printf ("决算%s / 预算%s", x, y);
      g_autofree char *en = g_strdup_printf ("actual %s / budget %s", x, y);
      report_ratio (k, cl, v, computed, zh, en);
    }
}

/* The items' 年初预算 add up to the stated total, when the items are all
 * there (their 决算 add up to the total's). */
static void
check_budget_sums (Ctx *k)
{
  GArray *claims = k->x->claims->claims;
  g_autoptr (GHashTable) done = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *total = claim (k->x, (int) i);
      const FcTopic *tt = topic (k->x, total->topic);
      if (total->kind != FC_CLAIM_AMOUNT || total->role != FC_ROLE_BUDGET_INITIAL || tt == NULL
          || tt->kind != FC_TOPIC_SUBJECT || tt->subject->whole != NULL
          || !g_hash_table_add (done, GUINT_TO_POINTER (total->section_instance + 1)))
        continue;
      const char *total_key = tie_of (k, total->topic)->key;
      const FcClaim *total_actual = stated (k, (int) i, total_key, FC_ROLE_ACTUAL);
      if (total_actual == NULL)
        continue;
      /* items: by fund (基本支出, 项目支出) and by 科目 */
      for (int codes = 0; codes < 2; codes++)
        {
          double budgets = 0, actuals = 0;
          guint n = 0;
          gboolean complete = TRUE;
          const FcClaim *last = NULL;
          for (guint j = i + 1; j < claims->len; j++)
            {
              const FcClaim *c = claim (k->x, (int) j);
              if (c->section_instance != total->section_instance)
                break;
              const FcTopic *t = topic (k->x, c->topic);
              if (c->kind != FC_CLAIM_AMOUNT || c->role != FC_ROLE_BUDGET_INITIAL || t == NULL
                  || (t->kind == FC_TOPIC_CODE) != codes
                  || (t->kind == FC_TOPIC_SUBJECT && g_strcmp0 (t->subject->whole, tt->subject->id) != 0)
                  || t->kind == FC_TOPIC_PROJECT)
                continue;
              const FcClaim *act = stated (k, (int) j, tie_of (k, c->topic)->key, FC_ROLE_ACTUAL);
              if (act == NULL || tie_of (k, c->topic)->key == NULL)
                complete = FALSE;
              else
                actuals += act->value;
              budgets += c->value;
              n++;
              last = c;
            }
          double tol = fc_check_tolerance (fc_check_context_tolerance (k->c), n + 1);
          if (n < 2 || !complete || fabs (actuals - total_actual->value) > tol + EPS
              || fabs (budgets - total->value) < EPS)
            continue;
          Verdict v = fabs (budgets - total->value) <= tol + EPS ? VERDICT_NOTE : VERDICT_WRONG;
          FcFinding *f = claim_finding (k, severity_of (k, v), last, "");
          set_amounts (f, total->value, budgets, tol);
          g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, total);
          g_autofree char *a = number (budgets, 2);
          g_autofree char *zh = g_strdup_printf ("所列%u项年初预算之和为%s万元，而第%u段“%s”", n, a,
                                                 total->paragraph + 1, q);
          g_autofree char *en = g_strdup_printf ("the %u items' budgets add up to %s, paragraph %u says “%s”",
                                                 n, a, total->paragraph + 1, q);
          finish (k, f, zh, en);
        }
    }
}

/* ---- directions -------------------------------------------------------- */

static void
check_directions (Ctx *k)
{
  GArray *claims = k->x->claims->claims;
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      g_autofree char *q = NULL;
      if (cl->kind == FC_CLAIM_RATE && cl->part >= 0)
        {
          const FcClaim *change = claim (k->x, cl->part);
          if (cl->direction == 0 || change->direction == 0 || cl->direction == change->direction)
            continue;
          q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
          FcFinding *f = claim_finding (k, k->rule->severity, cl, "");
          g_autofree char *zh = g_strdup_printf ("“%s”：金额%s而比率%s", q,
                                                 change->direction > 0 ? "增加" : "减少",
                                                 cl->direction > 0 ? "增长" : "下降");
          g_autofree char *en = g_strdup_printf ("“%s”: the amount goes %s but the rate %s", q,
                                                 change->direction > 0 ? "up" : "down",
                                                 cl->direction > 0 ? "up" : "down");
          finish (k, f, zh, en);
          continue;
        }
      if (cl->kind != FC_CLAIM_COMPARE || cl->topic < 0)
        continue;
      Quantity a = actual_of (k, (int) i, cl->topic);
      Quantity b = budget_of (k, (int) i, cl->topic, FC_ROLE_BUDGET_INITIAL);
      if (!a.known || !b.known)
        continue;
      double diff = a.value - b.value;
      int sign = fabs (diff) <= a.half + b.half + EPS ? 0 : diff > 0 ? 1 : -1;
      if (sign == cl->direction)
        continue;
      q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      FcFinding *f = claim_finding (k, k->rule->severity, cl, "");
      set_amounts (f, b.value, a.value, a.half + b.half);
      g_autofree char *x = number (a.value, 2), *y = number (b.value, 2);
      g_autofree char *zh = g_strdup_printf ("“%s”，而决算为%s万元、预算为%s万元", q, x, y);
      g_autofree char *en = g_strdup_printf ("“%s”, but the actual is %s and the budget %s", q, x, y);
      finish (k, f, zh, en);
    }
}

/* ---- year, department, residue ------------------------------------------ */

/* The year the package is for: the tables', else the one the narrative
 * names most (0 when none). */
static int
package_year (const Ctx *k, gboolean *from_tables)
{
  *from_tables = FALSE;
  for (guint i = 0; k->x->tables != NULL && i < k->x->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (k->x->tables, i);
      if (t->year != NULL)
        {
          *from_tables = TRUE;
          return atoi (t->year);
        }
    }
  g_autoptr (GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  int best = 0;
  guint best_count = 0;
  for (guint p = 0; p < fc_narrative_get_n_paragraphs (k->x->narrative); p++)
    {
      g_autofree char *f = fc_vocabulary_fold (fc_narrative_get_paragraph (k->x->narrative, p)->text, -1, NULL);
      for (const char *s = strstr (f, "年度"); s != NULL; s = strstr (s + 1, "年度"))
        if (s - f >= 4 && g_ascii_isdigit (s[-1]) && g_ascii_isdigit (s[-4])
            && (s - f == 4 || !g_ascii_isdigit (s[-5])))
          {
            int y = atoi (s - 4);
            guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (y))) + 1;
            g_hash_table_insert (counts, GINT_TO_POINTER (y), GUINT_TO_POINTER (n));
            if (n > best_count)
              best = y, best_count = n;
          }
    }
  return best;
}

/* The clause of folded text around [start, end), mapped back: for quotes
 * (transfer full). */
static char *
clause_around (const char *text, gsize start, gsize end)
{
  static const char *const stops[] = { "，", "；", "。", ",", ";", "：", ":", NULL };
  gsize s = start, e = end, len = strlen (text);
  while (s > 0)
    {
      const char *prev = g_utf8_find_prev_char (text, text + s);
      gboolean stop = FALSE;
      for (guint i = 0; stops[i] != NULL && !stop; i++)
        stop = g_str_has_prefix (prev, stops[i]);
      if (stop || prev == NULL)
        break;
      s = (gsize) (prev - text);
    }
  while (e < len)
    {
      gboolean stop = FALSE;
      for (guint i = 0; stops[i] != NULL && !stop; i++)
        stop = g_str_has_prefix (text + e, stops[i]);
      if (stop)
        break;
      e = (gsize) (g_utf8_next_char (text + e) - text);
    }
  g_autofree char *raw = g_strndup (text + s, e - s);
  char *q = g_strstrip (g_strdup (raw));
  if (g_utf8_strlen (q, -1) > 80)
    {
      char *cut = g_utf8_offset_to_pointer (q, 80);
      *cut = '\0';
    }
  return q;
}

/* A figure stated for a year the package is not about (last year's may
 * be stated: 2022年度…545.61万元). */
static void
check_year (Ctx *k)
{
  gboolean from_tables;
  int year = package_year (k, &from_tables);
  if (year == 0)
    return;
  g_autoptr (GHashTable) said = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      if (cl->year == 0 || cl->year == year || cl->year == year - 1
          || !g_hash_table_add (said, GUINT_TO_POINTER (cl->sentence + 1)))
        continue;
      FcFinding *f = claim_finding (k, k->rule->severity, cl, "");
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *zh = g_strdup_printf ("“%s”写作%d年，%s为%d年度", q, cl->year,
                                             from_tables ? "各表" : "本文其余各处", year);
      g_autofree char *en = g_strdup_printf ("“%s” says %d; %s for %d", q, cl->year,
                                             from_tables ? "the tables are" : "the rest of the text is", year);
      finish (k, f, zh, en);
    }
}

/* Levenshtein distance of two code point strings. */
static guint
distance (const gunichar *a, glong la, const gunichar *b, glong lb)
{
  g_autofree guint *row = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = (guint) i;
      for (glong j = 1; j <= lb; j++)
        {
          guint up = row[j];
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + (a[i - 1] != b[j - 1]));
          diag = up;
        }
    }
  return row[lb];
}

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalpha (c) && c >= 0x2E80; /* CJK, not punctuation or Latin */
}

/* The department's name: the tables' 部门名称, else the narrative's title
 * (“X 2024 年度部门决算”), folded (transfer full), or NULL. */
static char *
department_name (const Ctx *k, gboolean *from_tables)
{
  *from_tables = FALSE;
  for (guint i = 0; k->x->tables != NULL && i < k->x->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (k->x->tables, i);
      if (t->department != NULL && *t->department != '\0')
        {
          char *name = fc_vocabulary_fold (t->department, -1, NULL);
          char *cut = strpbrk (name, "[(");
          if (cut != NULL && cut != name)
            *cut = '\0';
          *from_tables = TRUE;
          return name;
        }
    }
  guint n = MIN (fc_narrative_get_n_paragraphs (k->x->narrative), 5);
  for (guint p = 0; p < n; p++)
    {
      g_autofree char *f = fc_vocabulary_fold (fc_narrative_get_paragraph (k->x->narrative, p)->text, -1, NULL);
      const char *s = strstr (f, "年度部门决算");
      if (s != NULL && s - f > 4 + 6 && g_ascii_isdigit (s[-1]) && g_ascii_isdigit (s[-4]))
        return g_strndup (f, (gsize) (s - 4 - f));
    }
  return NULL;
}

static void
check_department (Ctx *k)
{
  gboolean from_tables;
  g_autofree char *name = department_name (k, &from_tables);
  glong n = name ? g_utf8_strlen (name, -1) : 0;
  if (n < 4)
    return;
  g_autofree gunichar *ref = g_utf8_to_ucs4_fast (name, -1, NULL);
  glong max_distance = MAX (2, n / 4);
  gunichar tail[3] = { ref[n - 3], ref[n - 2], ref[n - 1] };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint p = 0; p < fc_narrative_get_n_paragraphs (k->x->narrative); p++)
    {
      const char *text = fc_narrative_get_paragraph (k->x->narrative, p)->text;
      glong len;
      g_autofree char *f = fc_vocabulary_fold (text, -1, NULL);
      g_autofree gunichar *u = g_utf8_to_ucs4_fast (f, -1, &len);
      for (glong e = 3; e <= len; e++)
        {
          if (u[e - 3] != tail[0] || u[e - 2] != tail[1] || u[e - 1] != tail[2])
            continue;
          guint best = G_MAXUINT;
          glong best_start = -1;
          for (glong s = MAX (0, e - n - 4); s <= e - 3 && s <= e - n + 4; s++)
            {
              gboolean clean = TRUE;
              for (glong i = s; i < e && clean; i++)
                clean = is_name_char (u[i]);
              if (!clean)
                continue;
              guint d = distance (u + s, e - s, ref, n);
              if (d < best || (d == best && s < best_start))
                best = d, best_start = s;
            }
          if (best == 0 || best == G_MAXUINT || (glong) best > max_distance)
            continue;
          g_autofree char *variant = g_ucs4_to_utf8 (u + best_start, e - best_start, NULL, NULL, NULL);
          if (variant == NULL || !g_hash_table_add (seen, g_strdup (variant)))
            continue;
          FcFinding *fi = paragraph_finding (k, p, variant);
          g_autofree char *zh = g_strdup_printf ("写作“%s”，%s为“%s”", variant,
                                                 from_tables ? "表中部门名称" : "本文标题", name);
          g_autofree char *en = g_strdup_printf ("“%s”, where %s says “%s”", variant,
                                                 from_tables ? "the tables' 部门名称" : "the title", name);
          finish (k, fi, zh, en);
        }
    }
}

static void
check_residue (Ctx *k)
{
  GStrv words = k->x->v->residue;
  for (guint p = 0; p < fc_narrative_get_n_paragraphs (k->x->narrative); p++)
    {
      const char *text = fc_narrative_get_paragraph (k->x->narrative, p)->text;
      g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_autofree char *f = fc_vocabulary_fold (text, -1, offsets);
      for (guint w = 0; words != NULL && words[w] != NULL; w++)
        {
          gsize wl = strlen (words[w]);
          for (const char *s = strstr (f, words[w]); s != NULL; s = strstr (s + wl, words[w]))
            {
              gboolean latin = g_ascii_isalpha (words[w][0]);
              if (latin && ((s > f && g_ascii_isalpha (s[-1])) || g_ascii_isalpha (s[wl])))
                continue; /* part of a longer Latin word */
              gsize at = (gsize) (s - f);
              g_autofree char *quote = clause_around (text, g_array_index (offsets, gsize, at),
                                                      g_array_index (offsets, gsize, at + wl));
              FcFinding *fi = paragraph_finding (k, p, quote);
              g_autofree char *zh = g_strdup_printf ("“%s”中留有模板文字“%s”", quote, words[w]);
              g_autofree char *en = g_strdup_printf ("“%s” still holds the template's “%s”", quote, words[w]);
              finish (k, fi, zh, en);
              break;
            }
        }
    }
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      if (cl->kind != FC_CLAIM_RATE || !cl->missing_percent)
        continue;
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      FcFinding *fi = claim_finding (k, k->rule->severity, cl, "");
      g_autofree char *zh = g_strdup_printf ("“%s”：变动率缺少%%", q);
      g_autofree char *en = g_strdup_printf ("“%s”: the rate has no %%", q);
      finish (k, fi, zh, en);
    }
}

static void
check_names (Ctx *k)
{
  for (guint i = 0; i < k->x->claims->topics->len; i++)
    {
      const Tie *t = tie_of (k, (int) i);
      if (t->problem == NULL)
        continue;
      const FcTopic *tp = topic (k->x, (int) i);
      const char *text = fc_narrative_get_paragraph (k->x->narrative, tp->paragraph)->text;
      gsize len = strlen (text);
      g_autofree char *raw = g_strndup (text + MIN (tp->start, len), MIN (tp->end, len) - MIN (tp->start, len));
      g_autofree char *quote = g_strstrip (g_strdup (raw));
      FcFinding *f = paragraph_finding (k, tp->paragraph, quote);
      finish (k, f, t->problem, t->problem_en);
    }
}

/* ---- the narrative against the self-evaluations ------------------------- */

static void
report_eval (Ctx *k, const FcClaim *cl, Verdict v, const FcEvalFigure *figure, const FcSelfEval *e,
             double expected, const char *zh_what, const char *en_what)
{
  FcFinding *f = claim_finding (k, severity_of (k, v), cl, "");
  if (e != NULL && figure != NULL && figure->present)
    fc_finding_add_cell (f, fc_sheet_get_name (e->sheet), figure->row, figure->col, e->name, zh_what,
                         figure->value);
  set_amounts (f, expected, cl->value, 0.01);
  g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
  guint decimals = figure != NULL && figure->present ? MAX (figure->decimals, cl->decimals)
                   : MAX (cl->decimals, 2) + (cl->kind == FC_CLAIM_EVAL_BUDGET);
  g_autofree char *x = number (expected, decimals);
  g_autofree char *zh = g_strdup_printf ("“%s”，自评表%s为%s", q, zh_what, x);
  g_autofree char *en = g_strdup_printf ("“%s”, the self-evaluation%s %s is %s", q,
                                         e == NULL ? "s'" : "'s", en_what, x);
  finish (k, f, zh, en);
}

static Verdict
judge_figure (double stated, guint decimals, double figure)
{
  if (fabs (stated - figure) < EPS || fabs (round_to (figure, decimals) - stated) < EPS)
    return VERDICT_OK;
  return fabs (stated - figure) <= 0.01 + EPS ? VERDICT_NOTE : VERDICT_WRONG;
}

static void
check_self_evaluation_claims (Ctx *k)
{
  GPtrArray *evals = k->x->selfevals;
  GArray *claims = k->x->claims->claims;
  int projects_claim = -1;
  double grades_sum = 0;
  guint n_grades = 0;
  /* the tables are all the projects the text counts, or some of them: a
   * package may publish the tables of its main projects only, and then
   * their grades and budgets are not the text's totals */
  gboolean all_tables = evals->len > 0;
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      if (cl->kind == FC_CLAIM_PROJECTS)
        all_tables &= fabs (cl->value - evals->len) < EPS;
    }
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *cl = claim (k->x, (int) i);
      switch (cl->kind)
        {
        case FC_CLAIM_PROJECTS:
          if (projects_claim < 0)
            projects_claim = (int) i;
          if (evals->len > 0 && fabs (cl->value - evals->len) > EPS)
            {
              /* more tables than projects is wrong; fewer may be a choice */
              FcSeverity sev = evals->len > cl->value ? k->rule->severity : FC_SEVERITY_WARNING;
              FcFinding *f = claim_finding (k, sev, cl, "");
              set_amounts (f, evals->len, cl->value, 0);
              g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
              g_autofree char *zh = g_strdup_printf ("“%s”，工作簿中的项目支出绩效自评表为%u张", q,
                                                     evals->len);
              g_autofree char *en = g_strdup_printf ("“%s”, the workbook holds %u self-evaluation tables",
                                                     q, evals->len);
              finish (k, f, zh, en);
            }
          break;
        case FC_CLAIM_GRADE:
          {
            grades_sum += cl->value;
            n_grades++;
            guint n = 0;
            for (guint e = 0; e < evals->len; e++)
              n += g_strcmp0 (((FcSelfEval *) g_ptr_array_index (evals, e))->grade, cl->grade) == 0;
            if (all_tables && fabs (cl->value - n) > EPS)
              {
                g_autofree char *zh = g_strdup_printf ("评为“%s”的项目数", cl->grade);
                g_autofree char *en = g_strdup_printf ("count graded “%s”", cl->grade);
                report_eval (k, cl, VERDICT_WRONG, NULL, NULL, n, zh, en);
              }
            break;
          }
        case FC_CLAIM_EVAL_BUDGET:
          {
            if (!all_tables)
              break;
            double initial = 0, full = 0;
            for (guint e = 0; e < evals->len; e++)
              {
                const FcSelfEval *ev = g_ptr_array_index (evals, e);
                initial += ev->initial_budget.present ? ev->initial_budget.value : ev->budget.value;
                full += ev->budget.value;
              }
            double tol;
            Verdict a = judge_amount (k, cl->value, cl->decimals, initial, evals->len, &tol);
            Verdict b = judge_amount (k, cl->value, cl->decimals, full, evals->len, &tol);
            if (a != VERDICT_OK && b != VERDICT_OK)
              report_eval (k, cl, MIN (a, b), NULL, NULL, a <= b ? initial : full,
                           "年初预算数之和", "budgets add up to");
            break;
          }
        case FC_CLAIM_EVAL_AVERAGE:
          {
            double sum = 0;
            guint n = 0;
            for (guint e = 0; e < evals->len; e++)
              {
                const FcSelfEval *ev = g_ptr_array_index (evals, e);
                if (ev->total.present)
                  sum += ev->total.value, n++;
              }
            Verdict v;
            if (all_tables && n > 0 && (v = judge_figure (cl->value, cl->decimals, sum / n)) != VERDICT_OK)
              report_eval (k, cl, v, NULL, NULL, sum / n, "总分的平均", "average total is");
            break;
          }
        default:
          {
            const Tie *t = tie_of (k, cl->topic);
            const FcSelfEval *e = t ? t->eval : NULL;
            if (e == NULL)
              break;
            const FcEvalFigure *fig = NULL;
            const char *zh = NULL, *en = NULL;
            if (cl->kind == FC_CLAIM_SCORE)
              fig = &e->total, zh = "总分", en = "total score";
            else if (cl->kind == FC_CLAIM_AMOUNT && cl->role == FC_ROLE_ACTUAL)
              fig = &e->spent, zh = "全年执行数", en = "spending";
            else if (cl->kind == FC_CLAIM_AMOUNT && cl->role != FC_ROLE_PRIOR)
              fig = e->initial_budget.present && cl->role == FC_ROLE_BUDGET_INITIAL ? &e->initial_budget
                                                                                    : &e->budget,
              zh = "预算数", en = "budget";
            else if (cl->kind == FC_CLAIM_COMPLETION)
              fig = &e->rate, zh = "执行率", en = "execution rate";
            if (fig == NULL || !fig->present)
              break;
            guint decimals = cl->kind == FC_CLAIM_AMOUNT ? MAX (cl->decimals, 2) : cl->decimals;
            Verdict v = judge_figure (cl->value, decimals, fig->value);
            if (v != VERDICT_OK)
              report_eval (k, cl, v, fig, e, fig->value, zh, en);
          }
        }
    }
  /* the grades' counts add up to the projects' */
  if (projects_claim >= 0 && n_grades >= 2 && fabs (grades_sum - claim (k->x, projects_claim)->value) > EPS)
    {
      const FcClaim *cl = claim (k->x, projects_claim);
      report_eval (k, cl, VERDICT_WRONG, NULL, NULL, grades_sum, "各等级项目数之和",
                   "counts per grade add up to");
    }
}

/* ---- entry points ------------------------------------------------------- */

/* A separate narrative document that could not be read: its claims are
 * not checked, and the reader is told why. */
static void
check_document (Ctx *k)
{
  const char *reason = fc_narrative_get_unreadable (k->x->narrative);
  FcFinding *f = fc_finding_new (k->rule->id, k->rule->severity, "", "", "");
  fc_finding_set_quote (f, "", 0, document (k));
  g_autofree char *zh = g_strdup_printf ("“%s”：%s", document (k), reason);
  g_autofree char *en = g_strdup_printf ("“%s”: %s", document (k), reason);
  finish (k, f, zh, en);
}

void
fc_narrative_check (FcCheckContext *context, const FcRule *rule)
{
  FcTextFacts *x = fc_check_context_get_text (context);
  if (x == NULL || x->v == NULL)
    return;
  Ctx k = { context, x, rule };
  const char *a = rule->aspect;
  if (strcmp (a, "self-evaluation") == 0)
    {
      if (x->narrative != NULL)
        {
          bind (&k);
          check_self_evaluation_claims (&k);
        }
      return;
    }
  if (x->narrative == NULL)
    return;
  if (fc_narrative_get_unreadable (x->narrative) != NULL)
    {
      /* said once, by the rule that is about the document itself */
      if (strcmp (a, "document") == 0)
        check_document (&k);
      return;
    }
  bind (&k);
  if (strcmp (a, "amount") == 0)
    check_amounts (&k);
  else if (strcmp (a, "share") == 0)
    check_shares (&k);
  else if (strcmp (a, "breakdown") == 0)
    check_breakdowns (&k);
  else if (strcmp (a, "prior-year") == 0)
    check_prior_year (&k);
  else if (strcmp (a, "zero-base") == 0)
    check_zero_base (&k);
  else if (strcmp (a, "budget-rate") == 0)
    check_budget_rates (&k);
  else if (strcmp (a, "budget-sum") == 0)
    check_budget_sums (&k);
  else if (strcmp (a, "direction") == 0)
    check_directions (&k);
  else if (strcmp (a, "year") == 0)
    check_year (&k);
  else if (strcmp (a, "department") == 0)
    check_department (&k);
  else if (strcmp (a, "residue") == 0)
    check_residue (&k);
  else if (strcmp (a, "names") == 0)
    check_names (&k);
}

/* ---- self-evaluation tables --------------------------------------------- */

static FcFinding *
eval_finding (const Ctx *k, FcSeverity severity, const FcSelfEval *e, const FcEvalFigure *first,
              const char *label)
{
  FcFinding *f = fc_finding_new (k->rule->id, severity, "", "", "");
  if (first != NULL && first->present)
    fc_finding_add_cell (f, fc_sheet_get_name (e->sheet), first->row, first->col, e->name, label,
                         first->value);
  else
    fc_finding_add_cell (f, fc_sheet_get_name (e->sheet), e->title_row, e->title_col, e->name, "", 0);
  return f;
}

static void
eval_cell (FcFinding *f, const FcSelfEval *e, const FcEvalFigure *fig, const char *label)
{
  if (fig->present)
    fc_finding_add_cell (f, fc_sheet_get_name (e->sheet), fig->row, fig->col, e->name, label, fig->value);
}

/* stated against expected, with a tolerance for notes */
static void
report_eval_figure (const Ctx *k, const FcSelfEval *e, const FcEvalFigure *fig, const char *label,
                    double expected, double tolerance, const char *zh_how, const char *en_how,
                    const FcEvalFigure *const *others, const char *const *other_labels)
{
  double d = fabs (fig->value - expected);
  if (d < EPS || fabs (round_to (expected, fig->decimals) - fig->value) < EPS)
    return;
  Verdict v = d <= tolerance + EPS ? VERDICT_NOTE : VERDICT_WRONG;
  FcFinding *f = eval_finding (k, severity_of (k, v), e, fig, label);
  for (guint i = 0; others != NULL && others[i] != NULL; i++)
    eval_cell (f, e, others[i], other_labels[i]);
  set_amounts (f, expected, fig->value, tolerance);
  g_autofree char *x = number (expected, MAX (fig->decimals, 2)), *y = number (fig->value, fig->decimals);
  g_autofree char *zh = g_strdup_printf ("“%s”%s为%s，按%s应为%s", e->name, label, y, zh_how, x);
  g_autofree char *en = g_strdup_printf ("“%s”: %s is %s, %s gives %s", e->name, label, y, en_how, x);
  finish (k, f, zh, en);
}

void
fc_selfeval_check (FcCheckContext *context, const FcRule *rule)
{
  FcTextFacts *x = fc_check_context_get_text (context);
  if (x == NULL)
    return;
  Ctx k = { context, x, rule };
  const char *a = rule->aspect;
  for (guint i = 0; i < x->selfevals->len; i++)
    {
      const FcSelfEval *e = g_ptr_array_index (x->selfevals, i);
      double half = half_unit (e->amount_decimals);
      if (strcmp (a, "layout") == 0 && e->problem != NULL)
        {
          FcFinding *f = eval_finding (&k, rule->severity, e, NULL, NULL);
          g_autofree char *zh = g_strdup_printf ("“%s”：%s，相关校验未执行", e->title, e->problem);
          g_autofree char *en = g_strdup_printf ("“%s”: %s; those checks were not made", e->title,
                                                 e->problem_en);
          finish (&k, f, zh, en);
        }
      else if (strcmp (a, "total") == 0 && e->total.present && e->indicators->len > 0)
        {
          double sum = e->score.present ? e->score.value : 0;
          for (guint n = 0; n < e->indicators->len; n++)
            sum += g_array_index (e->indicators, FcEvalIndicator, n).score.value;
          double tol = fc_check_tolerance (fc_check_context_tolerance (context), e->indicators->len + 2);
          const FcEvalFigure *others[] = { &e->score, NULL };
          const char *labels[] = { "得分" };
          report_eval_figure (&k, e, &e->total, "总分", sum, tol, "各项得分之和", "the scores add up",
                              others, labels);
        }
      else if (strcmp (a, "rate") == 0 && e->rate.present && e->budget.present && e->spent.present)
        {
          double computed;
          Verdict v;
          if (!judge_ratio (e->rate.value, e->rate.decimals, e->spent.value, half, e->budget.value, half,
                            &computed, &v) || v == VERDICT_OK)
            continue;
          FcFinding *f = eval_finding (&k, severity_of (&k, v), e, &e->rate, "执行率");
          eval_cell (f, e, &e->spent, "全年执行数");
          eval_cell (f, e, &e->budget, "全年预算数");
          set_amounts (f, computed, e->rate.value, half_unit (e->rate.decimals));
          g_autofree char *c = number (computed, 3), *s = number (e->spent.value, e->amount_decimals),
                          *b = number (e->budget.value, e->amount_decimals);
          g_autofree char *said = number (e->rate.value, e->rate.decimals);
          g_autofree char *zh2 = g_strdup_printf ("“%s”执行率为%s%%，执行数%s / 预算数%s = %s%%", e->name,
                                                  said, s, b, c);
          g_autofree char *en = g_strdup_printf ("“%s”: rate %s%%, spent %s / budget %s = %s%%", e->name,
                                                 said, s, b, c);
          finish (&k, f, zh2, en);
        }
      else if (strcmp (a, "balance") == 0 && e->balance.present && e->budget.present && e->spent.present)
        {
          const FcEvalFigure *others[] = { &e->budget, &e->spent, NULL };
          const char *labels[] = { "全年预算数", "全年执行数" };
          report_eval_figure (&k, e, &e->balance, "资金结余", e->budget.value - e->spent.value,
                              MAX (0.01, 3 * half), "全年预算数－全年执行数", "budget − spent", others,
                              labels);
        }
      else if (strcmp (a, "score") == 0 && e->score.present && e->rate.present)
        {
          double weight = x->v->eval_weight;
          double expected = MIN (e->rate.value, 100) * weight / 100;
          double tol = half_unit (e->score.decimals) + half_unit (e->rate.decimals) * weight / 100 + 0.01;
          const FcEvalFigure *others[] = { &e->rate, NULL };
          const char *labels[] = { "执行率" };
          g_autofree char *how = g_strdup_printf ("执行率×分值%g", weight);
          g_autofree char *how_en = g_strdup_printf ("rate × weight %g", weight);
          report_eval_figure (&k, e, &e->score, "得分", expected, tol, how, how_en, others, labels);
        }
      else if (strcmp (a, "grade") == 0 && e->grade != NULL && e->total.present)
        {
          const FcGrade *g = fc_vocabulary_grade (x->v, e->grade);
          double above = INFINITY;
          for (guint n = 0; n < x->v->grades->len; n++)
            {
              const FcGrade *o = &g_array_index (x->v->grades, FcGrade, n);
              if (o->minimum > g->minimum + EPS)
                above = MIN (above, o->minimum);
            }
          if (e->total.value >= g->minimum - EPS && e->total.value < above - EPS)
            continue;
          const char *right = NULL;
          for (guint n = 0; n < x->v->grades->len && right == NULL; n++)
            {
              const FcGrade *o = &g_array_index (x->v->grades, FcGrade, n);
              if (e->total.value >= o->minimum - EPS)
                right = o->name;
            }
          FcEvalFigure grade_cell = { TRUE, 0, 0, e->grade_row, e->grade_col };
          FcFinding *f = eval_finding (&k, rule->severity, e, &grade_cell, "等级");
          eval_cell (f, e, &e->total, "总分");
          g_autofree char *t = number (e->total.value, e->total.decimals);
          g_autofree char *zh = g_strdup_printf ("“%s”总分%s分应为“%s”，表中为“%s”", e->name, t,
                                                 right ? right : "?", e->grade);
          g_autofree char *en = g_strdup_printf ("“%s”: a total of %s is “%s”, the table says “%s”", e->name,
                                                 t, right ? right : "?", e->grade);
          finish (&k, f, zh, en);
        }
    }
}
