/* fc-narrative-check.h — the narrative rules (kind narrative): the claims
 * of the 情况说明 against the tables and the self-evaluations.
 *
 * A rule of kind narrative names its aspect (what it checks); each reads
 * the FcTextFacts on the context.  Topics are tied to figures on first
 * use, through the same cell references and lookups as the table rules
 * (fc_check_figure).  A claim that cannot be tied to a figure is not a
 * finding.
 *
 * The engine reaches the whole text side through this header: the facts
 * (fc-text-facts.h) and the self-evaluation rules (fc-selfeval-check.h).
 */
#pragma once

#include "fc-check.h"
#include "fc-claims.h"
#include "fc-selfeval-check.h"
#include "fc-selfeval.h"
#include "fc-text-facts.h"

G_BEGIN_DECLS

/* Runs rule (kind narrative); nothing happens without facts on the
 * context. */
void fc_narrative_check (FcCheckContext *context, const FcRule *rule);

G_END_DECLS
