/* fc-verdict.c — the numbers of the narrative and self-evaluation rules,
 * and their verdicts on a stated figure.
 *
 * Rounding, derived, not guessed: an amount written with 2 decimals stands
 * for ±0.005; a percentage with d decimals for ±0.5·10^-d; a ratio of two
 * such figures lies in the interval their intervals give.  A claim whose
 * interval meets the figure's is consistent (a note when it is not the
 * figure rounded); a percentage cut instead of rounded, or one unit of its
 * last decimal off, and an amount 0.01 off, are notes; anything else is
 * the rule's severity.
 */
#include "fc-text-facts-private.h"

#include <math.h>

double
fc_verdict_round (double v, guint decimals)
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

double
fc_verdict_half_unit (guint decimals)
{
  return 0.5 * pow (10, -(double) MIN (decimals, 9));
}

/* "568.68", "4.853" (transfer full) */
char *
fc_verdict_number (double v, guint decimals)
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
FcVerdict
fc_verdict_amount (const FcTextCheck *k, double stated, guint decimals, double figure, guint n_figures,
              double *tolerance)
{
  *tolerance = fc_check_tolerance (fc_check_context_tolerance (k->c), MAX (n_figures, 1) + 1);
  if (fabs (stated - figure) < FC_TEXT_EPS || fabs (fc_verdict_round (figure, MAX (decimals, 2)) - stated) < FC_TEXT_EPS)
    return FC_VERDICT_OK;
  return fabs (stated - figure) <= *tolerance + FC_TEXT_EPS ? FC_VERDICT_NOTE : FC_VERDICT_WRONG;
}

/* A stated percentage against a / b of figures ±da, ±db; *computed gets
 * the point value.  FALSE (nothing to judge) when b may be 0. */
gboolean
fc_verdict_ratio (double stated, guint decimals, double a, double da, double b, double db,
             double *computed, FcVerdict *verdict)
{
  if (b - db <= FC_TEXT_EPS)
    return FALSE;
  double p = a / b * 100;
  double q[4] = { (a - da) / (b - db), (a - da) / (b + db), (a + da) / (b - db), (a + da) / (b + db) };
  double lo = q[0], hi = q[0];
  for (guint i = 1; i < 4; i++)
    lo = MIN (lo, q[i]), hi = MAX (hi, q[i]);
  lo *= 100, hi *= 100;
  double h = fc_verdict_half_unit (decimals), unit = 2 * h;
  *computed = p;
  if (fabs (fc_verdict_round (p, decimals) - stated) < FC_TEXT_EPS)
    *verdict = FC_VERDICT_OK;
  else if ((stated + h >= lo - FC_TEXT_EPS && stated - h <= hi + FC_TEXT_EPS)
           || fabs (trunc_to (p, decimals) - stated) < FC_TEXT_EPS
           || fabs (fc_verdict_round (p, decimals) - stated) <= unit + FC_TEXT_EPS)
    *verdict = FC_VERDICT_NOTE;
  else
    *verdict = FC_VERDICT_WRONG;
  return TRUE;
}

/* How far a stated amount may be from what it stands for. */
double
fc_verdict_amount_half (guint decimals)
{
  return fc_verdict_half_unit (MAX (decimals, 2));
}
