/* fc-narrative-check.c — the N rules: the narrative's claims (amounts,
 * shares, breakdowns, last year, budgets, directions) against the tables,
 * and its statements about the projects against the self-evaluations.
 * The rules on the wording are in fc-narrative-wording.c.
 */
#include "fc-text-facts-private.h"

#include "fc-narrative-check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-table.h"

/* ---- amount ------------------------------------------------------------ */

static void check_empty_tables (FcTextCheck *k);

static void
check_amounts (FcTextCheck *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      FcTie *t = fc_text_facts_tie (k, cl->topic);
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
      FcVerdict v = fc_verdict_amount (k, cl->value, cl->decimals, value.value, value.n_figures, &tolerance);
      if (v == FC_VERDICT_OK)
        continue;
      gboolean doubt = v == FC_VERDICT_WRONG && fc_text_facts_table_in_doubt (k, value.table);
      FcFinding *f = fc_text_finding_claim (k, doubt ? FC_SEVERITY_WARNING : fc_text_finding_severity (k, v), cl, value.table);
      FcFigureValue again;
      fc_check_figure (k->c, figure, &again, f);
      fc_text_finding_set_amounts (f, value.value, cl->value, tolerance);
      g_autofree char *quote = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *fig = fc_text_finding_figure (f, value.value, 2);
      g_autofree char *said = fc_verdict_number (cl->value, MAX (cl->decimals, 2));
      g_autofree char *zh = g_strdup_printf ("“%s”，表中为%s%s", quote, fig,
                                             doubt ? "（该表本身不平衡，未作错误处理）" : "");
      g_autofree char *en = g_strdup_printf ("“%s” states %s, the table has %s%s", quote, said, fig,
                                             doubt ? " (that table does not reconcile itself: not called an error)"
                                                   : "");
      fc_text_finding_file (k, f, zh, en);
    }
  check_empty_tables (k);
}

/* The claim's figure when it is not tied: the table it would be read from,
 * when that table is in the package and printed without a figure. */
static const FcTable *
empty_table_of (FcTextCheck *k, const FcClaim *cl, const FcTie *t)
{
  const FcRule *figure = cl->role == FC_ROLE_ACTUAL ? (t->tied ? NULL : t->figure)
                         : cl->role == FC_ROLE_BUDGET_INITIAL || cl->role == FC_ROLE_BUDGET_FULL
                             ? (t->budget_tied ? NULL : t->budget)
                             : NULL;
  if (figure == NULL || figure->tables->len == 0)
    return NULL;
  const FcTable *table = fc_table_lookup (fc_check_context_tables (k->c), g_ptr_array_index (figure->tables, 0));
  return table != NULL && fc_text_facts_table_empty (table) ? table : NULL;
}

/* A table printed empty (the 三公 table with its header and nothing else)
 * while the text states amounts of it that are not 0: one finding at the
 * table, quoting the first such amount — its figures cannot be read, so
 * the claims are not tied one by one. */
static void
check_empty_tables (FcTextCheck *k)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      FcTie *t = fc_text_facts_tie (k, cl->topic);
      if (cl->kind != FC_CLAIM_AMOUNT || t == NULL || t->eval != NULL)
        continue;
      const FcTable *table = empty_table_of (k, cl, t);
      if (table == NULL || g_hash_table_contains (seen, table))
        continue;
      /* the claims of this table that are not 0, the worst verdict first */
      guint n = 0;
      const FcClaim *first = NULL;
      FcVerdict worst = FC_VERDICT_OK;
      double tolerance = 0;
      for (guint j = i; j < k->x->claims->claims->len; j++)
        {
          const FcClaim *c = fc_text_facts_claim (k->x, (int) j);
          FcTie *u = fc_text_facts_tie (k, c->topic);
          if (c->kind != FC_CLAIM_AMOUNT || u == NULL || u->eval != NULL || empty_table_of (k, c, u) != table)
            continue;
          double tol;
          FcVerdict v = fc_verdict_amount (k, c->value, c->decimals, 0, 1, &tol);
          if (v == FC_VERDICT_OK)
            continue;
          n++;
          if (first == NULL || v > worst)
            first = c, worst = v, tolerance = tol;
        }
      g_hash_table_add (seen, (gpointer) table);
      if (first == NULL)
        continue;
      FcFinding *f = fc_text_finding_claim (k, fc_text_finding_severity (k, worst), first, table->id);
      fc_finding_add_cell (f, fc_sheet_get_name (table->sheet), table->title_row, table->title_col, table->title,
                           "", 0);
      fc_text_finding_set_amounts (f, 0, first->value, tolerance);
      g_autofree char *quote = fc_claims_quote (k->x->claims, k->x->narrative, first);
      g_autofree char *zh = n > 1 ? g_strdup_printf ("“%s”等%u处金额不为零，而%s中没有一个数字", quote, n, table->title)
                                  : g_strdup_printf ("“%s”，而%s中没有一个数字", quote, table->title);
      g_autofree char *en = n > 1 ? g_strdup_printf ("“%s” and %u more amounts are not 0, but %s shows no figure",
                                                     quote, n - 1, table->title)
                                  : g_strdup_printf ("“%s” is not 0, but %s shows no figure", quote, table->title);
      fc_text_finding_file (k, f, zh, en);
    }
}

/* ---- shares ------------------------------------------------------------ */

/* The whole a share is of: named after 占, else its topic's (vocabulary,
 * or the 基本支出 before a 类). */
static gboolean
whole_of (const FcTextCheck *k, int at, FcQuantity *q, char **name)
{
  const FcClaim *cl = fc_text_facts_claim (k->x, at);
  const FcTopic *part = fc_text_facts_topic (k->x, cl->topic);
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
  if (whole_topic >= 0 && fc_text_facts_topic (k->x, whole_topic)->kind == FC_TOPIC_SUBJECT)
    whole = fc_text_facts_topic (k->x, whole_topic)->subject;
  if (whole == NULL)
    return FALSE;
  *name = g_strdup (whole->phrases[0]);
  FcTie *t = fc_text_facts_subject_tie (k, whole);
  const FcClaim *s = fc_text_facts_stated (k, at, t->key, FC_ROLE_ACTUAL);
  if (s != NULL)
    {
      *q = (FcQuantity) { TRUE, s->value, fc_verdict_amount_half (s->decimals), TRUE };
      return TRUE;
    }
  if (!t->tied)
    return FALSE;
  *q = (FcQuantity) { TRUE, t->value.value, 0.005 * MAX (t->value.n_figures, 1), FALSE };
  return TRUE;
}

static void
report_ratio (FcTextCheck *k, const FcClaim *cl, FcVerdict v, double computed, const char *what_zh,
              const char *what_en)
{
  FcFinding *f = fc_text_finding_claim (k, fc_text_finding_severity (k, v), cl, "");
  fc_text_finding_set_amounts (f, computed, cl->value, fc_verdict_half_unit (cl->decimals));
  g_autofree char *quote = fc_claims_quote (k->x->claims, k->x->narrative, cl);
  g_autofree char *p = fc_verdict_number (computed, MAX (cl->decimals, 2) + 1);
  g_autofree char *said = fc_verdict_number (cl->value, cl->decimals);
  g_autofree char *zh = g_strdup_printf ("“%s”：%s为%s%%", quote, what_zh, p);
  g_autofree char *en = g_strdup_printf ("“%s” states %s%%; %s is %s%%", quote, said, what_en, p);
  fc_text_finding_file (k, f, zh, en);
}

static void
check_shares (FcTextCheck *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      if (cl->kind != FC_CLAIM_SHARE || cl->part < 0)
        continue;
      const FcClaim *part = fc_text_facts_claim (k->x, cl->part);
      FcQuantity whole;
      g_autofree char *name = NULL;
      if (!whole_of (k, (int) i, &whole, &name))
        continue;
      double computed;
      FcVerdict v;
      if (!fc_verdict_ratio (cl->value, cl->decimals, part->value, fc_verdict_amount_half (part->decimals), whole.value,
                        whole.half, &computed, &v) || v == FC_VERDICT_OK)
        continue;
      g_autofree char *p = fc_verdict_number (part->value, 2), *w = fc_verdict_number (whole.value, 2);
      g_autofree char *zh = g_strdup_printf ("%s / %s（%s）", p, w, name);
      g_autofree char *en = g_strdup_printf ("%s / %s (%s)", p, w, name);
      report_ratio (k, cl, v, computed, zh, en);
    }
}

/* ---- breakdowns -------------------------------------------------------- */

/* The cells of the claims (of int) and of head, after the finding's own,
 * each once: which part is wrong, the sum cannot tell. */
static void
add_claim_cells (const FcTextCheck *k, FcFinding *f, GArray *claims, const FcClaim *head)
{
  for (guint i = 0; i <= claims->len; i++)
    {
      const FcClaim *c = i < claims->len ? fc_text_facts_claim (k->x, g_array_index (claims, int, i)) : head;
      const FcParagraph *p = c ? fc_narrative_get_paragraph (k->x->narrative, c->paragraph) : NULL;
      if (p == NULL || p->sheet == NULL || fc_text_finding_lists_cell (f, p))
        continue;
      g_autofree char *label = g_strdup_printf ("情况说明 第%u段", c->paragraph + 1);
      fc_finding_add_cell (f, p->sheet, p->row, p->col, label, "", c->value);
    }
}

/* The parts of a whole stated in one section: their amounts add up to
 * the whole when every part the vocabulary knows is stated, and the shares
 * of a complete breakdown add to 100 %. */
static void
check_breakdowns (FcTextCheck *k)
{
  GArray *claims = k->x->claims->claims;
  g_autoptr (GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *head = fc_text_facts_claim (k->x, (int) i);
      const FcTopic *ht = fc_text_facts_topic (k->x, head->topic);
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
          const FcClaim *c = fc_text_facts_claim (k->x, (int) j);
          if (c->section != head->section)
            break;
          const FcTopic *t = fc_text_facts_topic (k->x, c->topic);
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
        sum += fc_text_facts_claim (k->x, g_array_index (parts, int, p))->value;
      double tol = fc_check_tolerance (fc_check_context_tolerance (k->c), parts->len + 1);
      gboolean all_stated = !codes && parts->len == known;
      gboolean adds_up = fabs (sum - head->value) <= tol + FC_TEXT_EPS;
      if (all_stated && !adds_up)
        {
          const FcClaim *last = fc_text_facts_claim (k->x, g_array_index (parts, int, parts->len - 1));
          FcFinding *f = fc_text_finding_claim (k, k->rule->severity, last, "");
          add_claim_cells (k, f, parts, head);
          fc_text_finding_set_amounts (f, head->value, sum, tol);
          g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, head);
          g_autofree char *a = fc_verdict_number (sum, 2), *b = fc_verdict_number (head->value, 2);
          g_autofree char *zh = g_strdup_printf ("所列%u项之和为%s，而第%u段“%s”", parts->len, a,
                                                 head->paragraph + 1, q);
          g_autofree char *en = g_strdup_printf ("the %u parts add up to %s, paragraph %u says “%s” (%s)",
                                                 parts->len, a, head->paragraph + 1, q, b);
          fc_text_finding_file (k, f, zh, en);
          continue;
        }
      if (all_stated && fabs (sum - head->value) > FC_TEXT_EPS && fabs (fc_verdict_round (sum, 2) - head->value) > FC_TEXT_EPS)
        {
          const FcClaim *last = fc_text_facts_claim (k->x, g_array_index (parts, int, parts->len - 1));
          FcFinding *f = fc_text_finding_claim (k, FC_SEVERITY_INFO, last, "");
          fc_text_finding_set_amounts (f, head->value, sum, tol);
          g_autofree char *a = fc_verdict_number (sum, 2), *b = fc_verdict_number (head->value, 2);
          g_autofree char *zh = g_strdup_printf ("所列%u项之和为%s，总数为%s", parts->len, a, b);
          g_autofree char *en = g_strdup_printf ("the %u parts add up to %s, the total is %s",
                                                 parts->len, a, b);
          fc_text_finding_file (k, f, zh, en);
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
            const FcClaim *c = fc_text_facts_claim (k->x, (int) s);
            if (c->sentence != fc_text_facts_claim (k->x, g_array_index (parts, int, p))->sentence)
              break;
            if (c->kind == FC_CLAIM_SHARE && c->part == g_array_index (parts, int, p))
              {
                shares += c->value;
                half += fc_verdict_half_unit (c->decimals);
                n++;
                last_share = c;
                break;
              }
          }
      if (n != parts->len || fabs (shares - 100) < FC_TEXT_EPS)
        continue;
      FcVerdict v = fabs (shares - 100) <= half + FC_TEXT_EPS ? FC_VERDICT_NOTE : FC_VERDICT_WRONG;
      FcFinding *f = fc_text_finding_claim (k, fc_text_finding_severity (k, v), last_share, "");
      add_claim_cells (k, f, parts, NULL);
      fc_text_finding_set_amounts (f, 100, shares, half);
      g_autofree char *total = fc_verdict_number (shares, 2);
      g_autofree char *zh = g_strdup_printf ("%u项占比之和为%s%%，不是100%%", n, total);
      g_autofree char *en = g_strdup_printf ("the %u shares add up to %s%%, not 100%%", n, total);
      fc_text_finding_file (k, f, zh, en);
    }
}

/* ---- last year --------------------------------------------------------- */

typedef struct {
  double lo, hi;
  int claim;
} Prior;

/* The prior-year figure a claim implies, as an interval. */
static gboolean
implied_prior (const FcTextCheck *k, int at, Prior *out)
{
  const FcClaim *cl = fc_text_facts_claim (k->x, at);
  out->claim = at;
  if (cl->kind == FC_CLAIM_AMOUNT && cl->role == FC_ROLE_PRIOR)
    {
      double h = fc_verdict_amount_half (cl->decimals);
      out->lo = cl->value - h, out->hi = cl->value + h;
      return TRUE;
    }
  FcQuantity cur = fc_text_facts_actual (k, at, cl->topic);
  if (!cur.known)
    return FALSE;
  switch (cl->kind)
    {
    case FC_CLAIM_CHANGE:
      {
        if (cl->direction == 0)
          return FALSE;
        double change = cl->direction * cl->value, h = cur.half + fc_verdict_amount_half (cl->decimals);
        out->lo = cur.value - change - h, out->hi = cur.value - change + h;
        return TRUE;
      }
    case FC_CLAIM_RATE:
      {
        if (cl->part >= 0 || cl->direction == 0 || cl->infinite)
          return FALSE; /* judged with its change */
        double r = cl->direction * cl->value / 100, h = fc_verdict_half_unit (cl->decimals) / 100;
        if (1 + r - h <= FC_TEXT_EPS)
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
zero_base (const FcTextCheck *k, int at, double *prior)
{
  const FcClaim *cl = fc_text_facts_claim (k->x, at);
  if (cl->kind != FC_CLAIM_RATE)
    return FALSE;
  if (cl->infinite)
    {
      *prior = 0;
      return TRUE;
    }
  if (cl->part < 0)
    return FALSE;
  const FcClaim *change = fc_text_facts_claim (k->x, cl->part);
  FcQuantity cur = fc_text_facts_actual (k, cl->part, change->topic);
  if (!cur.known || change->direction == 0)
    return FALSE;
  *prior = cur.value - change->direction * change->value;
  return fabs (*prior) <= cur.half + fc_verdict_amount_half (change->decimals) + FC_TEXT_EPS;
}

static void
check_prior_year (FcTextCheck *k)
{
  GArray *claims = k->x->claims->claims;
  g_autoptr (GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      FcTie *t = fc_text_facts_tie (k, cl->topic);
      if (t == NULL || t->key == NULL || t->eval != NULL)
        continue;
      /* a rate with its increase: one prior-year figure */
      double zero;
      if (cl->kind == FC_CLAIM_RATE && cl->part >= 0 && !cl->infinite && !zero_base (k, (int) i, &zero))
        {
          const FcClaim *change = fc_text_facts_claim (k->x, cl->part);
          FcQuantity cur = fc_text_facts_actual (k, cl->part, change->topic);
          double computed;
          FcVerdict v;
          if (cur.known && change->direction != 0)
            {
              double prior = cur.value - change->direction * change->value;
              double dprior = cur.half + fc_verdict_amount_half (change->decimals);
              if (fc_verdict_ratio (cl->value, cl->decimals, change->value, fc_verdict_amount_half (change->decimals),
                               prior, dprior, &computed, &v)
                  && v != FC_VERDICT_OK)
                {
                  g_autofree char *c = fc_verdict_number (change->value, 2), *p = fc_verdict_number (prior, 2);
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
      const FcClaim *rc = fc_text_facts_claim (k->x, ref->claim);
      if (rc->sentence == cl->sentence || (p.lo <= ref->hi + FC_TEXT_EPS && p.hi >= ref->lo - FC_TEXT_EPS))
        continue;
      g_autofree char *once = g_strdup_printf ("%s\x1f%u", t->key, cl->sentence);
      if (!g_hash_table_add (reported, g_steal_pointer (&once)))
        continue;
      double mine = (p.lo + p.hi) / 2, theirs = (ref->lo + ref->hi) / 2;
      FcVerdict v = fabs (mine - theirs) <= 0.01 + FC_TEXT_EPS ? FC_VERDICT_NOTE : FC_VERDICT_WRONG;
      FcFinding *f = fc_text_finding_claim (k, fc_text_finding_severity (k, v), cl, "");
      fc_text_finding_set_amounts (f, theirs, mine, 0.01);
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *rq = fc_claims_quote (k->x->claims, k->x->narrative, rc);
      g_autofree char *a = fc_verdict_number (mine, 2), *b = fc_verdict_number (theirs, 2);
      g_autofree char *zh = g_strdup_printf ("“%s”所指上年数为%s万元，而第%u段“%s”所指上年数为%s万元",
                                             q, a, rc->paragraph + 1, rq, b);
      g_autofree char *en = g_strdup_printf ("“%s” implies %s for last year, paragraph %u “%s” implies %s",
                                             q, a, rc->paragraph + 1, rq, b);
      fc_text_finding_file (k, f, zh, en);
    }
}

static void
check_zero_base (FcTextCheck *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      double prior;
      if (!zero_base (k, (int) i, &prior))
        continue;
      FcFinding *f = fc_text_finding_claim (k, k->rule->severity, cl, "");
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *zh = g_strdup_printf ("“%s”：上年数为0，增长率无意义", q);
      g_autofree char *en = g_strdup_printf ("“%s”: last year's figure is 0, a growth rate means nothing", q);
      fc_text_finding_file (k, f, zh, en);
    }
}

/* ---- budgets ----------------------------------------------------------- */

static void
check_budget_rates (FcTextCheck *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      FcTie *t = fc_text_facts_tie (k, cl->topic);
      if (cl->kind != FC_CLAIM_COMPLETION || t == NULL || t->eval != NULL)
        continue;
      FcQuantity a = fc_text_facts_actual (k, (int) i, cl->topic), b = fc_text_facts_budget (k, (int) i, cl->topic, cl->role);
      double computed;
      FcVerdict v;
      if (!a.known || !b.known
          || !fc_verdict_ratio (cl->value, cl->decimals, a.value, a.half, b.value, b.half, &computed, &v)
          || v == FC_VERDICT_OK)
        continue;
      g_autofree char *x = fc_verdict_number (a.value, 2), *y = fc_verdict_number (b.value, 2);
      g_autofree char *zh = g_strdup_printf ("决算%s / 预算%s", x, y);
      g_autofree char *en = g_strdup_printf ("actual %s / budget %s", x, y);
      report_ratio (k, cl, v, computed, zh, en);
    }
}

/* A completion rate of a budget that is 0 (a department set up during the
 * year: 年初预算为0，全年预算为321.02万元…完成年初预算的95.89%) divides by
 * nothing, like a growth rate from a zero base: said once, not compared.
 * The budget is the one the claim names, as its paragraph states it: a
 * table's 0 that the text does not state is the table's business (a
 * damaged or misread cell must not make the text wrong); 0 % of nothing
 * spent says nothing wrong. */
static void
check_budget_bases (FcTextCheck *k)
{
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      FcTie *t = fc_text_facts_tie (k, cl->topic);
      if (cl->kind != FC_CLAIM_COMPLETION || t == NULL || t->key == NULL || t->eval != NULL)
        continue;
      const FcClaim *own = fc_text_facts_stated (k, (int) i, t->key, cl->role);
      FcQuantity a = fc_text_facts_actual (k, (int) i, cl->topic);
      if (own == NULL || !a.known || fabs (own->value) > fc_verdict_amount_half (own->decimals) + FC_TEXT_EPS
          || fabs (a.value) <= a.half + FC_TEXT_EPS)
        continue;
      FcFinding *f = fc_text_finding_claim (k, k->rule->severity, cl, "");
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *x = fc_verdict_number (a.value, 2);
      const char *zh_budget = cl->role == FC_ROLE_BUDGET_INITIAL ? "年初预算" : "预算";
      const char *en_budget = cl->role == FC_ROLE_BUDGET_INITIAL ? "the budget at the start of the year"
                                                                 : "the budget";
      g_autofree char *zh = g_strdup_printf ("“%s”：%s为0（决算%s万元），完成率无从计算", q, zh_budget, x);
      g_autofree char *en = g_strdup_printf ("“%s”: %s is 0 (actual %s), a completion rate means nothing", q,
                                             en_budget, x);
      fc_text_finding_file (k, f, zh, en);
    }
}

/* The items' 年初预算 add up to the stated total, when the items are all
 * there (their 决算 add up to the total's). */
static void
check_budget_sums (FcTextCheck *k)
{
  GArray *claims = k->x->claims->claims;
  g_autoptr (GHashTable) done = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *total = fc_text_facts_claim (k->x, (int) i);
      const FcTopic *tt = fc_text_facts_topic (k->x, total->topic);
      if (total->kind != FC_CLAIM_AMOUNT || total->role != FC_ROLE_BUDGET_INITIAL || tt == NULL
          || tt->kind != FC_TOPIC_SUBJECT || tt->subject->whole != NULL
          || !g_hash_table_add (done, GUINT_TO_POINTER (total->section_instance + 1)))
        continue;
      const char *total_key = fc_text_facts_tie (k, total->topic)->key;
      const FcClaim *total_actual = fc_text_facts_stated (k, (int) i, total_key, FC_ROLE_ACTUAL);
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
              const FcClaim *c = fc_text_facts_claim (k->x, (int) j);
              if (c->section_instance != total->section_instance)
                break;
              const FcTopic *t = fc_text_facts_topic (k->x, c->topic);
              if (c->kind != FC_CLAIM_AMOUNT || c->role != FC_ROLE_BUDGET_INITIAL || t == NULL
                  || (t->kind == FC_TOPIC_CODE) != codes
                  || (t->kind == FC_TOPIC_SUBJECT && g_strcmp0 (t->subject->whole, tt->subject->id) != 0)
                  || t->kind == FC_TOPIC_PROJECT)
                continue;
              const FcClaim *act = fc_text_facts_stated (k, (int) j, fc_text_facts_tie (k, c->topic)->key, FC_ROLE_ACTUAL);
              if (act == NULL || fc_text_facts_tie (k, c->topic)->key == NULL)
                complete = FALSE;
              else
                actuals += act->value;
              budgets += c->value;
              n++;
              last = c;
            }
          double tol = fc_check_tolerance (fc_check_context_tolerance (k->c), n + 1);
          if (n < 2 || !complete || fabs (actuals - total_actual->value) > tol + FC_TEXT_EPS
              || fabs (budgets - total->value) < FC_TEXT_EPS)
            continue;
          FcVerdict v = fabs (budgets - total->value) <= tol + FC_TEXT_EPS ? FC_VERDICT_NOTE : FC_VERDICT_WRONG;
          FcFinding *f = fc_text_finding_claim (k, fc_text_finding_severity (k, v), last, "");
          fc_text_finding_set_amounts (f, total->value, budgets, tol);
          g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, total);
          g_autofree char *a = fc_verdict_number (budgets, 2);
          g_autofree char *zh = g_strdup_printf ("所列%u项年初预算之和为%s万元，而第%u段“%s”", n, a,
                                                 total->paragraph + 1, q);
          g_autofree char *en = g_strdup_printf ("the %u items' budgets add up to %s, paragraph %u says “%s”",
                                                 n, a, total->paragraph + 1, q);
          fc_text_finding_file (k, f, zh, en);
        }
    }
}

/* ---- directions -------------------------------------------------------- */

static void
check_directions (FcTextCheck *k)
{
  GArray *claims = k->x->claims->claims;
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      g_autofree char *q = NULL;
      if (cl->kind == FC_CLAIM_RATE && cl->part >= 0)
        {
          const FcClaim *change = fc_text_facts_claim (k->x, cl->part);
          if (cl->direction == 0 || change->direction == 0 || cl->direction == change->direction)
            continue;
          q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
          FcFinding *f = fc_text_finding_claim (k, k->rule->severity, cl, "");
          g_autofree char *zh = g_strdup_printf ("“%s”：金额%s而比率%s", q,
                                                 change->direction > 0 ? "增加" : "减少",
                                                 cl->direction > 0 ? "增长" : "下降");
          g_autofree char *en = g_strdup_printf ("“%s”: the amount goes %s but the rate %s", q,
                                                 change->direction > 0 ? "up" : "down",
                                                 cl->direction > 0 ? "up" : "down");
          fc_text_finding_file (k, f, zh, en);
          continue;
        }
      if (cl->kind != FC_CLAIM_COMPARE || cl->topic < 0)
        continue;
      FcQuantity a = fc_text_facts_actual (k, (int) i, cl->topic);
      /* 预算数 is the budget the paragraph states: the 全年预算 when it
       * gives both (a 年初预算 of 0 and a 全年预算 of 321.02) */
      FcQuantity b = fc_text_facts_budget (k, (int) i, cl->topic, FC_ROLE_BUDGET_FULL);
      if (!a.known || !b.known)
        continue;
      double diff = a.value - b.value;
      int sign = fabs (diff) <= a.half + b.half + FC_TEXT_EPS ? 0 : diff > 0 ? 1 : -1;
      if (sign == cl->direction)
        continue;
      q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      FcFinding *f = fc_text_finding_claim (k, k->rule->severity, cl, "");
      fc_text_finding_set_amounts (f, b.value, a.value, a.half + b.half);
      g_autofree char *x = fc_verdict_number (a.value, 2), *y = fc_verdict_number (b.value, 2);
      g_autofree char *zh = g_strdup_printf ("“%s”，而决算为%s万元、预算为%s万元", q, x, y);
      g_autofree char *en = g_strdup_printf ("“%s”, but the actual is %s and the budget %s", q, x, y);
      fc_text_finding_file (k, f, zh, en);
    }
}


/* ---- the narrative against the self-evaluations ------------------------- */

static void
report_eval (FcTextCheck *k, const FcClaim *cl, FcVerdict v, const FcEvalFigure *figure, const FcSelfEval *e,
             double expected, const char *zh_what, const char *en_what)
{
  FcFinding *f = fc_text_finding_claim (k, fc_text_finding_severity (k, v), cl, "");
  if (e != NULL && figure != NULL && figure->present)
    fc_finding_add_cell (f, fc_sheet_get_name (e->sheet), figure->row, figure->col, e->name, zh_what,
                         figure->value);
  fc_text_finding_set_amounts (f, expected, cl->value, 0.01);
  g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
  guint decimals = figure != NULL && figure->present ? MAX (figure->decimals, cl->decimals)
                   : MAX (cl->decimals, 2) + (cl->kind == FC_CLAIM_EVAL_BUDGET);
  g_autofree char *x = fc_verdict_number (expected, decimals);
  g_autofree char *zh = g_strdup_printf ("“%s”，自评表%s为%s", q, zh_what, x);
  g_autofree char *en = g_strdup_printf ("“%s”, the self-evaluation%s %s is %s", q,
                                         e == NULL ? "s'" : "'s", en_what, x);
  fc_text_finding_file (k, f, zh, en);
}

static FcVerdict
judge_figure (double stated, guint decimals, double figure)
{
  if (fabs (stated - figure) < FC_TEXT_EPS || fabs (fc_verdict_round (figure, decimals) - stated) < FC_TEXT_EPS)
    return FC_VERDICT_OK;
  return fabs (stated - figure) <= 0.01 + FC_TEXT_EPS ? FC_VERDICT_NOTE : FC_VERDICT_WRONG;
}

static void
check_self_evaluation_claims (FcTextCheck *k)
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
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      if (cl->kind == FC_CLAIM_PROJECTS)
        all_tables &= fabs (cl->value - evals->len) < FC_TEXT_EPS;
    }
  for (guint i = 0; i < claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      switch (cl->kind)
        {
        case FC_CLAIM_PROJECTS:
          if (projects_claim < 0)
            projects_claim = (int) i;
          if (evals->len > 0 && fabs (cl->value - evals->len) > FC_TEXT_EPS)
            {
              /* more tables than projects is wrong; fewer may be a choice */
              FcSeverity sev = evals->len > cl->value ? k->rule->severity : FC_SEVERITY_WARNING;
              FcFinding *f = fc_text_finding_claim (k, sev, cl, "");
              fc_text_finding_set_amounts (f, evals->len, cl->value, 0);
              g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
              g_autofree char *zh = g_strdup_printf ("“%s”，工作簿中的项目支出绩效自评表为%u张", q,
                                                     evals->len);
              g_autofree char *en = g_strdup_printf ("“%s”, the workbook holds %u self-evaluation tables",
                                                     q, evals->len);
              fc_text_finding_file (k, f, zh, en);
            }
          break;
        case FC_CLAIM_GRADE:
          {
            grades_sum += cl->value;
            n_grades++;
            guint n = 0;
            for (guint e = 0; e < evals->len; e++)
              n += g_strcmp0 (((FcSelfEval *) g_ptr_array_index (evals, e))->grade, cl->grade) == 0;
            if (all_tables && fabs (cl->value - n) > FC_TEXT_EPS)
              {
                g_autofree char *zh = g_strdup_printf ("评为“%s”的项目数", cl->grade);
                g_autofree char *en = g_strdup_printf ("count graded “%s”", cl->grade);
                report_eval (k, cl, FC_VERDICT_WRONG, NULL, NULL, n, zh, en);
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
            FcVerdict a = fc_verdict_amount (k, cl->value, cl->decimals, initial, evals->len, &tol);
            FcVerdict b = fc_verdict_amount (k, cl->value, cl->decimals, full, evals->len, &tol);
            if (a != FC_VERDICT_OK && b != FC_VERDICT_OK)
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
            FcVerdict v;
            if (all_tables && n > 0 && (v = judge_figure (cl->value, cl->decimals, sum / n)) != FC_VERDICT_OK)
              report_eval (k, cl, v, NULL, NULL, sum / n, "总分的平均", "average total is");
            break;
          }
        default:
          {
            const FcTie *t = fc_text_facts_tie (k, cl->topic);
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
            FcVerdict v = judge_figure (cl->value, decimals, fig->value);
            if (v != FC_VERDICT_OK)
              report_eval (k, cl, v, fig, e, fig->value, zh, en);
          }
        }
    }
  /* the grades' counts add up to the projects' */
  if (projects_claim >= 0 && n_grades >= 2 && fabs (grades_sum - fc_text_facts_claim (k->x, projects_claim)->value) > FC_TEXT_EPS)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, projects_claim);
      report_eval (k, cl, FC_VERDICT_WRONG, NULL, NULL, grades_sum, "各等级项目数之和",
                   "counts per grade add up to");
    }
}


/* ---- entry points ------------------------------------------------------- */

/* A separate narrative document that could not be read: its claims are
 * not checked, and the reader is told why. */
static void
check_document (FcTextCheck *k)
{
  const char *reason = fc_narrative_get_unreadable (k->x->narrative);
  FcFinding *f = fc_finding_new (k->rule->id, k->rule->severity, "", "", "");
  fc_finding_set_quote (f, "", 0, fc_text_finding_document (k));
  g_autofree char *zh = g_strdup_printf ("“%s”：%s", fc_text_finding_document (k), reason);
  g_autofree char *en = g_strdup_printf ("“%s”: %s", fc_text_finding_document (k), reason);
  fc_text_finding_file (k, f, zh, en);
}

/* When an aspect's check runs: on a document that was read, and on one
 * that could not be read — which the document aspect alone says, once;
 * the self-evaluation claims are looked at either way, as they always
 * were (an unreadable document has none). */
enum { ON_READ = 1 << 0, ON_UNREADABLE = 1 << 1 };

/* Each narrative aspect's check (fc-rule-aspects.h names them). */
static const struct {
  void (*check) (FcTextCheck *k);
  guint when;
} checks[FC_N_ASPECTS] = {
  [FC_ASPECT_AMOUNT] = { check_amounts, ON_READ },
  [FC_ASPECT_SHARE] = { check_shares, ON_READ },
  [FC_ASPECT_BREAKDOWN] = { check_breakdowns, ON_READ },
  [FC_ASPECT_PRIOR_YEAR] = { check_prior_year, ON_READ },
  [FC_ASPECT_ZERO_BASE] = { check_zero_base, ON_READ },
  [FC_ASPECT_BUDGET_RATE] = { check_budget_rates, ON_READ },
  [FC_ASPECT_BUDGET_BASE] = { check_budget_bases, ON_READ },
  [FC_ASPECT_BUDGET_SUM] = { check_budget_sums, ON_READ },
  [FC_ASPECT_DIRECTION] = { check_directions, ON_READ },
  [FC_ASPECT_YEAR] = { fc_narrative_wording_year, ON_READ },
  [FC_ASPECT_DEPARTMENT] = { fc_narrative_wording_department, ON_READ },
  [FC_ASPECT_RESIDUE] = { fc_narrative_wording_residue, ON_READ },
  [FC_ASPECT_NAMES] = { fc_narrative_wording_names, ON_READ },
  [FC_ASPECT_SELF_EVALUATION] = { check_self_evaluation_claims, ON_READ | ON_UNREADABLE },
  [FC_ASPECT_DOCUMENT] = { check_document, ON_UNREADABLE },
};

void
fc_narrative_check (FcCheckContext *context, const FcRule *rule)
{
  FcTextFacts *x = fc_check_context_get_text (context);
  if (x == NULL || x->v == NULL || x->narrative == NULL || rule->aspect < 0
      || rule->aspect >= FC_N_ASPECTS || checks[rule->aspect].check == NULL)
    return;
  guint now = fc_narrative_get_unreadable (x->narrative) != NULL ? ON_UNREADABLE : ON_READ;
  if ((checks[rule->aspect].when & now) == 0)
    return;
  FcTextCheck k = { context, x, rule };
  if (checks[rule->aspect].check != check_document) /* the one that reads no figure */
    fc_text_facts_bind (&k);
  checks[rule->aspect].check (&k);
}
