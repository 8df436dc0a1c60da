/* fc-selfeval-check.c — the P rules: each project self-evaluation table
 * against itself (its total, rate, balance, score and grade), and a table
 * whose layout kept some of them from being made.
 */
#include "fc-text-facts-private.h"

#include "fc-selfeval-check.h"

#include <math.h>

/* ---- self-evaluation tables --------------------------------------------- */

static FcFinding *
eval_finding (const FcTextCheck *k, FcSeverity severity, const FcSelfEval *e, const FcEvalFigure *first,
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
report_eval_figure (const FcTextCheck *k, const FcSelfEval *e, const FcEvalFigure *fig, const char *label,
                    double expected, double tolerance, const char *zh_how, const char *en_how,
                    const FcEvalFigure *const *others, const char *const *other_labels)
{
  double d = fabs (fig->value - expected);
  if (d < FC_TEXT_EPS || fabs (fc_verdict_round (expected, fig->decimals) - fig->value) < FC_TEXT_EPS)
    return;
  FcVerdict v = d <= tolerance + FC_TEXT_EPS ? FC_VERDICT_NOTE : FC_VERDICT_WRONG;
  FcFinding *f = eval_finding (k, fc_text_finding_severity (k, v), e, fig, label);
  for (guint i = 0; others != NULL && others[i] != NULL; i++)
    eval_cell (f, e, others[i], other_labels[i]);
  fc_text_finding_set_amounts (f, expected, fig->value, tolerance);
  g_autofree char *x = fc_verdict_number (expected, MAX (fig->decimals, 2)), *y = fc_verdict_number (fig->value, fig->decimals);
  g_autofree char *zh = g_strdup_printf ("“%s”%s为%s，按%s应为%s", e->name, label, y, zh_how, x);
  g_autofree char *en = g_strdup_printf ("“%s”: %s is %s, %s gives %s", e->name, label, y, en_how, x);
  fc_text_finding_file (k, f, zh, en);
}

static void
check_layout (const FcTextCheck *k, const FcSelfEval *e)
{
  if (e->problem == NULL)
    return;
  FcFinding *f = eval_finding (k, k->rule->severity, e, NULL, NULL);
  g_autofree char *zh = g_strdup_printf ("“%s”：%s，相关校验未执行", e->title, e->problem);
  g_autofree char *en = g_strdup_printf ("“%s”: %s; those checks were not made", e->title, e->problem_en);
  fc_text_finding_file (k, f, zh, en);
}

static void
check_total (const FcTextCheck *k, const FcSelfEval *e)
{
  if (!e->total.present || e->indicators->len == 0)
    return;
  double sum = e->score.present ? e->score.value : 0;
  for (guint n = 0; n < e->indicators->len; n++)
    sum += g_array_index (e->indicators, FcEvalIndicator, n).score.value;
  double tol = fc_check_tolerance (fc_check_context_tolerance (k->c), e->indicators->len + 2);
  const FcEvalFigure *others[] = { &e->score, NULL };
  const char *labels[] = { "得分" };
  report_eval_figure (k, e, &e->total, "总分", sum, tol, "各项得分之和", "the scores add up", others,
                      labels);
}

static void
check_rate (const FcTextCheck *k, const FcSelfEval *e)
{
  if (!e->rate.present || !e->budget.present || !e->spent.present)
    return;
  double half = fc_verdict_half_unit (e->amount_decimals);
  double computed;
  FcVerdict v;
  if (!fc_verdict_ratio (e->rate.value, e->rate.decimals, e->spent.value, half, e->budget.value, half,
                         &computed, &v) || v == FC_VERDICT_OK)
    return;
  FcFinding *f = eval_finding (k, fc_text_finding_severity (k, v), e, &e->rate, "执行率");
  f->percent = TRUE;
  eval_cell (f, e, &e->spent, "全年执行数");
  eval_cell (f, e, &e->budget, "全年预算数");
  fc_text_finding_set_amounts (f, computed, e->rate.value, fc_verdict_half_unit (e->rate.decimals));
  g_autofree char *c = fc_verdict_number (computed, 3), *s = fc_verdict_number (e->spent.value, e->amount_decimals),
                  *b = fc_verdict_number (e->budget.value, e->amount_decimals);
  g_autofree char *said = fc_verdict_number (e->rate.value, e->rate.decimals);
  g_autofree char *zh = g_strdup_printf ("“%s”执行率为%s%%，执行数%s / 预算数%s = %s%%", e->name, said, s, b, c);
  g_autofree char *en = g_strdup_printf ("“%s”: rate %s%%, spent %s / budget %s = %s%%", e->name, said, s, b, c);
  fc_text_finding_file (k, f, zh, en);
}

static void
check_balance (const FcTextCheck *k, const FcSelfEval *e)
{
  if (!e->balance.present || !e->budget.present || !e->spent.present)
    return;
  double half = fc_verdict_half_unit (e->amount_decimals);
  const FcEvalFigure *others[] = { &e->budget, &e->spent, NULL };
  const char *labels[] = { "全年预算数", "全年执行数" };
  report_eval_figure (k, e, &e->balance, "资金结余", e->budget.value - e->spent.value, MAX (0.01, 3 * half),
                      "全年预算数－全年执行数", "budget − spent", others, labels);
}

static void
check_score (const FcTextCheck *k, const FcSelfEval *e)
{
  if (!e->score.present || !e->rate.present)
    return;
  double weight = k->x->v->eval_weight;
  double expected = MIN (e->rate.value, 100) * weight / 100;
  double tol = fc_verdict_half_unit (e->score.decimals) + fc_verdict_half_unit (e->rate.decimals) * weight / 100
               + 0.01;
  const FcEvalFigure *others[] = { &e->rate, NULL };
  const char *labels[] = { "执行率" };
  g_autofree char *how = g_strdup_printf ("执行率×分值%g", weight);
  g_autofree char *how_en = g_strdup_printf ("rate × weight %g", weight);
  report_eval_figure (k, e, &e->score, "得分", expected, tol, how, how_en, others, labels);
}

static void
check_grade (const FcTextCheck *k, const FcSelfEval *e)
{
  if (e->grade == NULL || !e->total.present)
    return;
  const FcVocabulary *v = k->x->v;
  const FcGrade *g = fc_vocabulary_grade (v, e->grade);
  double above = INFINITY;
  for (guint n = 0; n < v->grades->len; n++)
    {
      const FcGrade *o = &g_array_index (v->grades, FcGrade, n);
      if (o->minimum > g->minimum + FC_TEXT_EPS)
        above = MIN (above, o->minimum);
    }
  if (e->total.value >= g->minimum - FC_TEXT_EPS && e->total.value < above - FC_TEXT_EPS)
    return;
  const char *right = NULL;
  for (guint n = 0; n < v->grades->len && right == NULL; n++)
    {
      const FcGrade *o = &g_array_index (v->grades, FcGrade, n);
      if (e->total.value >= o->minimum - FC_TEXT_EPS)
        right = o->name;
    }
  FcEvalFigure grade_cell = { TRUE, 0, 0, e->grade_row, e->grade_col };
  FcFinding *f = eval_finding (k, k->rule->severity, e, &grade_cell, "等级");
  eval_cell (f, e, &e->total, "总分");
  g_autofree char *t = fc_verdict_number (e->total.value, e->total.decimals);
  g_autofree char *zh = g_strdup_printf ("“%s”总分%s分应为“%s”，表中为“%s”", e->name, t, right ? right : "?",
                                         e->grade);
  g_autofree char *en = g_strdup_printf ("“%s”: a total of %s is “%s”, the table says “%s”", e->name, t,
                                         right ? right : "?", e->grade);
  fc_text_finding_file (k, f, zh, en);
}

/* Each self-evaluation aspect's check of one table (fc-rule-aspects.h
 * names them). */
static void (*const checks[FC_N_ASPECTS]) (const FcTextCheck *k, const FcSelfEval *e) = {
  [FC_ASPECT_LAYOUT] = check_layout,
  [FC_ASPECT_TOTAL] = check_total,
  [FC_ASPECT_RATE] = check_rate,
  [FC_ASPECT_BALANCE] = check_balance,
  [FC_ASPECT_SCORE] = check_score,
  [FC_ASPECT_GRADE] = check_grade,
};

void
fc_selfeval_check (FcCheckContext *context, const FcRule *rule)
{
  FcTextFacts *x = fc_check_context_get_text (context);
  if (x == NULL || rule->aspect < 0 || rule->aspect >= FC_N_ASPECTS || checks[rule->aspect] == NULL)
    return;
  FcTextCheck k = { context, x, rule };
  for (guint i = 0; i < x->selfevals->len; i++)
    checks[rule->aspect] (&k, g_ptr_array_index (x->selfevals, i));
}
