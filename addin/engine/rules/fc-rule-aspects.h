/* fc-rule-aspects.h — the aspects of the narrative and self-evaluation
 * rules: what one rule of those kinds checks ("amount", "total").
 *
 * One table names them: the rule parser accepts its names, the rule-file
 * header lists them (fc_rules_describe_kinds), and each checker maps an
 * aspect to its function by indexing a handler array with FcRuleAspect.
 * It sits here, below the rules and the narrative side, so that the parser
 * needs nothing of the narrative to know them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whose aspects: the rule kind that names them. */
typedef enum {
  FC_ASPECT_OF_NARRATIVE,       /* kind = narrative */
  FC_ASPECT_OF_SELF_EVALUATION  /* kind = self-evaluation */
} FcAspectSide;

/* Every aspect, the narrative's first, in the order the header lists them. */
typedef enum {
  FC_ASPECT_NONE = -1,  /* a rule of another kind */
  /* narrative */
  FC_ASPECT_AMOUNT,
  FC_ASPECT_SHARE,
  FC_ASPECT_BREAKDOWN,
  FC_ASPECT_PRIOR_YEAR,
  FC_ASPECT_ZERO_BASE,
  FC_ASPECT_BUDGET_RATE,
  FC_ASPECT_BUDGET_BASE,
  FC_ASPECT_BUDGET_SUM,
  FC_ASPECT_DIRECTION,
  FC_ASPECT_YEAR,
  FC_ASPECT_DEPARTMENT,
  FC_ASPECT_RESIDUE,
  FC_ASPECT_NAMES,
  FC_ASPECT_SELF_EVALUATION,
  FC_ASPECT_DOCUMENT,
  /* self-evaluation */
  FC_ASPECT_LAYOUT,
  FC_ASPECT_TOTAL,
  FC_ASPECT_RATE,
  FC_ASPECT_BALANCE,
  FC_ASPECT_SCORE,
  FC_ASPECT_GRADE,
  FC_N_ASPECTS
} FcRuleAspect;

/* The aspect's name in rule files ("prior-year"; static), or NULL for one
 * out of range. */
const char *fc_rule_aspect_name (FcRuleAspect aspect);

/* The side an aspect belongs to. */
FcAspectSide fc_rule_aspect_side (FcRuleAspect aspect);

/* The aspect of side called name, or FC_ASPECT_NONE. */
FcRuleAspect fc_rule_aspect_lookup (FcAspectSide side, const char *name);

/* The names of side's aspects in table order, joined by ", " and the last
 * by last: " or " gives the rule-file header's "layout, total, rate,
 * balance, score or grade" (transfer full). */
char *fc_rule_aspects_join (FcAspectSide side, const char *last);

G_END_DECLS
