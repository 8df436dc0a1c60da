/* fc-check.h — running one rule over recognised tables, with the rounding
 * tolerance of interval semantics: each figure stands for [v − 0.005,
 * v + 0.005], so an identity over k written figures holds up to 0.005 × k
 * (capped, see FcTolerance); a difference within that is a 尾数 (info),
 * beyond it the rule's severity.
 */
#pragma once

#include "fc-finding.h"
#include "fc-rules.h"
#include "fc-table.h"

G_BEGIN_DECLS

typedef struct _FcCheckContext FcCheckContext;

/* tables: from fc_table_recognize (transfer none); findings go to report
 * (transfer none); catalogue: what the tables are (transfer none).
 * Returns a new context (transfer full). */
FcCheckContext *fc_check_context_new (const FcCatalogue *catalogue, GPtrArray *tables,
                                      FcReport *report, const FcTolerance *tolerance);
void fc_check_context_free (FcCheckContext *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcCheckContext, fc_check_context_free)

/* Says once per table what recognition could not understand there (I.3,
 * a warning: the rules it keeps from being checked are not errors). */
void fc_check_report_tables (FcCheckContext *context);

/* Runs rule, adding its findings to the report. */
void fc_check_rule (FcCheckContext *context, const FcRule *rule);

/* Adds what the rules met on the way: cells that hold no amount (I.1) —
 * an error each, or one warning for a table where so many do that the
 * table is more likely misread than misprinted.  Call once, after the
 * rules. */
void fc_check_finish (FcCheckContext *context);

/* The tolerance for an identity over n_figures written figures. */
double fc_check_tolerance (const FcTolerance *tolerance, guint n_figures);

G_END_DECLS
