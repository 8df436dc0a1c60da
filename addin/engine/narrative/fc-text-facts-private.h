/* fc-text-facts-private.h — internal to the narrative and self-evaluation rules
 * (not for the engine): the facts' inside, the ties of topics to figures,
 * the verdicts on stated numbers and the findings that say them.
 *
 * Files: fc-text-facts.c (facts, ties, what the text states near a claim),
 * fc-verdict.c (numbers and verdicts), fc-text-finding.c (findings),
 * fc-narrative-check.c and fc-narrative-wording.c (the N rules),
 * fc-selfeval-check.c (the P rules).
 */
#pragma once

#include "fc-check.h"
#include "fc-claims.h"
#include "fc-narrative.h"
#include "fc-selfeval.h"
#include "fc-table.h"
#include "fc-text-facts.h"
#include "fc-vocabulary.h"

G_BEGIN_DECLS

/* Below this, two doubles are the same number. */
#define FC_TEXT_EPS 1e-7

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
} FcTie;

struct _FcTextFacts {
  const FcNarrative *narrative;
  const FcVocabulary *v;
  GPtrArray *selfevals;    /* owned */
  GPtrArray *tables;       /* borrowed */
  FcClaims *claims;        /* owned */
  GArray *ties;            /* of FcTie, one per topic, once bound */
  GHashTable *wholes;      /* subject id → FcTie*, for wholes the text does not name */
};

/* One rule at work: its context, the facts and the rule (all borrowed). */
typedef struct {
  FcCheckContext *c;
  FcTextFacts *x;
  const FcRule *rule;
} FcTextCheck;

typedef enum { FC_VERDICT_OK, FC_VERDICT_NOTE, FC_VERDICT_WRONG } FcVerdict;

/* A figure as an interval: value ± half. */
typedef struct {
  gboolean known;
  double value;
  double half;        /* its half width */
  gboolean from_text;
} FcQuantity;

/* ---- numbers and verdicts (fc-verdict.c) ---- */

double fc_verdict_round (double v, guint decimals);
/* Half a unit of the last of decimals. */
double fc_verdict_half_unit (guint decimals);
/* How far a stated amount may be from what it stands for. */
double fc_verdict_amount_half (guint decimals);
/* "568.68", "∞" (transfer full). */
char *fc_verdict_number (double v, guint decimals);
/* A stated amount against a figure of n_figures written figures;
 * *tolerance gets the tolerance used. */
FcVerdict fc_verdict_amount (const FcTextCheck *k, double stated, guint decimals, double figure,
                             guint n_figures, double *tolerance);
/* A stated percentage against a / b of figures ±da, ±db; *computed gets
 * the point value.  FALSE (nothing to judge) when b may be 0. */
gboolean fc_verdict_ratio (double stated, guint decimals, double a, double da, double b, double db,
                           double *computed, FcVerdict *verdict);

/* ---- findings (fc-text-finding.c) ---- */

/* The narrative document's name, "" without one (borrowed). */
const char *fc_text_finding_document (const FcTextCheck *k);
/* A new finding about a claim, its cell first when the narrative is a
 * sheet (transfer full, until filed). */
FcFinding *fc_text_finding_claim (const FcTextCheck *k, FcSeverity severity, const FcClaim *claim,
                                  const char *table);
/* A new finding about a paragraph: a quote that is not a claim (transfer
 * full, until filed). */
FcFinding *fc_text_finding_paragraph (const FcTextCheck *k, guint paragraph, const char *quote);
/* Sets the messages (the rule's, then the detail) and files f in the
 * report (takes f). */
void fc_text_finding_file (const FcTextCheck *k, FcFinding *f, const char *zh, const char *en);
/* A note for FC_VERDICT_NOTE, else the rule's severity. */
FcSeverity fc_text_finding_severity (const FcTextCheck *k, FcVerdict v);
void fc_text_finding_set_amounts (FcFinding *f, double expected, double actual, double tolerance);
/* The figure with the cell it is read from (transfer full). */
char *fc_text_finding_figure (const FcFinding *f, double value, guint decimals);
/* Whether f already lists the paragraph's cell. */
gboolean fc_text_finding_lists_cell (const FcFinding *f, const FcParagraph *p);

/* ---- facts and ties (fc-text-facts.c) ---- */

/* The topic or claim at index, NULL for −1 (borrowed). */
const FcTopic *fc_text_facts_topic (const FcTextFacts *x, int index);
const FcClaim *fc_text_facts_claim (const FcTextFacts *x, int index);
/* Ties every topic to its figure, once per set of facts. */
void fc_text_facts_bind (FcTextCheck *k);
/* The tie of a topic (after bind), NULL for −1 (borrowed). */
FcTie *fc_text_facts_tie (const FcTextCheck *k, int topic_index);
/* The tie of a subject the text may not name: a whole (borrowed). */
FcTie *fc_text_facts_subject_tie (const FcTextCheck *k, const FcSubject *s);
/* The nearest AMOUNT claim with role about key, before the claim at `at`
 * (or in its sentence after it), in the narrowest scope that has one. */
const FcClaim *fc_text_facts_stated (const FcTextCheck *k, int at, const char *key, FcClaimRole role);
/* The actual figure, or the budget (want, else the other budget), of a
 * topic as the text states it near the claim at `at`, else as the tables
 * have it. */
FcQuantity fc_text_facts_actual (const FcTextCheck *k, int at, int topic_index);
FcQuantity fc_text_facts_budget (const FcTextCheck *k, int at, int topic_index, FcClaimRole want);
/* Whether a table's own rules found an error in it. */
gboolean fc_text_facts_table_in_doubt (const FcTextCheck *k, const char *table);
/* Whether a table is printed without a figure: recognition understood it
 * and its rows hold nothing but blanks and zeros (an empty 三公 table with
 * its header and a 说明) — not a cell that should hold an amount and holds
 * something else. */
gboolean fc_text_facts_table_empty (const FcTable *table);

/* ---- the N rules on the wording (fc-narrative-wording.c) ---- */

void fc_narrative_wording_year (FcTextCheck *k);
void fc_narrative_wording_department (FcTextCheck *k);
void fc_narrative_wording_residue (FcTextCheck *k);
void fc_narrative_wording_names (FcTextCheck *k);

G_END_DECLS
