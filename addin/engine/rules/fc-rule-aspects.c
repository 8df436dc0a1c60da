/* fc-rule-aspects.c — the one table of the narrative and self-evaluation
 * rules' aspects. */
#include "fc-rule-aspects.h"

#include <string.h>

static const struct {
  const char *name;
  FcAspectSide side;
} aspects[FC_N_ASPECTS] = {
  [FC_ASPECT_AMOUNT] = { "amount", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_SHARE] = { "share", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_BREAKDOWN] = { "breakdown", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_PRIOR_YEAR] = { "prior-year", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_ZERO_BASE] = { "zero-base", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_BUDGET_RATE] = { "budget-rate", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_BUDGET_BASE] = { "budget-base", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_BUDGET_SUM] = { "budget-sum", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_DIRECTION] = { "direction", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_YEAR] = { "year", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_DEPARTMENT] = { "department", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_RESIDUE] = { "residue", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_NAMES] = { "names", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_SELF_EVALUATION] = { "self-evaluation", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_DOCUMENT] = { "document", FC_ASPECT_OF_NARRATIVE },
  [FC_ASPECT_LAYOUT] = { "layout", FC_ASPECT_OF_SELF_EVALUATION },
  [FC_ASPECT_TOTAL] = { "total", FC_ASPECT_OF_SELF_EVALUATION },
  [FC_ASPECT_RATE] = { "rate", FC_ASPECT_OF_SELF_EVALUATION },
  [FC_ASPECT_BALANCE] = { "balance", FC_ASPECT_OF_SELF_EVALUATION },
  [FC_ASPECT_SCORE] = { "score", FC_ASPECT_OF_SELF_EVALUATION },
  [FC_ASPECT_GRADE] = { "grade", FC_ASPECT_OF_SELF_EVALUATION },
};

const char *
fc_rule_aspect_name (FcRuleAspect aspect)
{
  return aspect >= 0 && aspect < FC_N_ASPECTS ? aspects[aspect].name : NULL;
}

FcAspectSide
fc_rule_aspect_side (FcRuleAspect aspect)
{
  g_return_val_if_fail (aspect >= 0 && aspect < FC_N_ASPECTS, FC_ASPECT_OF_NARRATIVE);
  return aspects[aspect].side;
}

FcRuleAspect
fc_rule_aspect_lookup (FcAspectSide side, const char *name)
{
  for (int a = 0; name != NULL && a < FC_N_ASPECTS; a++)
    if (aspects[a].side == side && strcmp (aspects[a].name, name) == 0)
      return (FcRuleAspect) a;
  return FC_ASPECT_NONE;
}

char *
fc_rule_aspects_join (FcAspectSide side, const char *last_separator)
{
  GString *s = g_string_new (NULL);
  int last = -1;
  for (int a = 0; a < FC_N_ASPECTS; a++)
    if (aspects[a].side == side)
      last = a;
  for (int a = 0; a < FC_N_ASPECTS; a++)
    if (aspects[a].side == side)
      g_string_append_printf (s, "%s%s", s->len == 0 ? "" : a == last ? last_separator : ", ", aspects[a].name);
  return g_string_free (s, FALSE);
}
