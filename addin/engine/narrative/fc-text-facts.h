/* fc-text-facts.h — what the narrative and self-evaluation rules read for
 * one check: the narrative's claims, the vocabulary, the self-evaluation
 * tables and the disclosure tables.  The engine builds one per check and
 * puts it on the check context (fc_check_context_set_text); the rules tie
 * its topics to figures on first use.
 */
#pragma once

#include "fc-check.h"
#include "fc-narrative.h"
#include "fc-vocabulary.h"

G_BEGIN_DECLS

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

G_END_DECLS
