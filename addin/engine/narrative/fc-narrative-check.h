/* fc-narrative-check.h — the narrative and self-evaluation rules: the
 * claims of the 情况说明 against the tables and the self-evaluations, and
 * each self-evaluation table against itself.
 *
 * A rule of kind narrative or self-evaluation names its aspect (what it
 * checks); the engine builds one FcTextFacts per check, and each rule reads
 * it.  Topics are tied to figures on first use, through the same cell
 * references and lookups as the table rules (fc_check_figure).  A claim
 * that cannot be tied to a figure is not a finding.
 */
#pragma once

#include "fc-check.h"
#include "fc-claims.h"
#include "fc-selfeval.h"

G_BEGIN_DECLS

/* The aspects of each kind, NULL-terminated (static). */
extern const char *const fc_narrative_aspects[];
extern const char *const fc_selfeval_aspects[];

/* What the rules read for one check: the narrative (may be NULL: only the
 * self-evaluations are checked), the vocabulary, and the self-evaluation
 * tables (transfer full, of FcSelfEval*; may be NULL).  tables: the
 * recognised disclosure tables, for the year and 部门名称 (borrowed).
 * Returns a new set of facts (transfer full); narrative, vocabulary and
 * tables must outlive it. */
FcTextFacts *fc_text_facts_new (const FcNarrative *narrative, const FcVocabulary *vocabulary,
                                GPtrArray *selfevals, GPtrArray *tables);
void fc_text_facts_free (FcTextFacts *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcTextFacts, fc_text_facts_free)

/* The rules: nothing happens without facts on the context. */
void fc_narrative_check (FcCheckContext *context, const FcRule *rule);
void fc_selfeval_check (FcCheckContext *context, const FcRule *rule);

G_END_DECLS
