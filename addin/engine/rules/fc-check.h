/* fc-check.h — the state of a check of recognised tables, with the rounding
 * tolerance of interval semantics: each figure stands for [v − 0.005,
 * v + 0.005], so an identity over k written figures holds up to 0.005 × k
 * (capped, see FcTolerance); a difference within that is a 尾数 (info),
 * beyond it the rule's severity.
 */
#pragma once

#include "fc-report.h"
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

/* Adds what the rules met on the way: cells that hold no amount (I.1) —
 * an error each, or one warning for a table where so many do that the
 * table is more likely misread than misprinted.  Call once, after the
 * rules. */
void fc_check_finish (FcCheckContext *context);

/* The tolerance for an identity over n_figures written figures. */
double fc_check_tolerance (const FcTolerance *tolerance, guint n_figures);

/* A figure's value on the tables, for comparing the narrative with them. */
typedef struct {
  double value;
  guint n_figures;    /* written figures in it (a blank cell is an exact 0) */
  guint n_cells;      /* cells read */
  const char *table;  /* the table of its first cell (static) */
} FcFigureValue;

/* Evaluates figure (fc_rules_parse_figure) on the tables, reporting
 * nothing: FALSE when a table it needs is missing, a row it names by 行次
 * or label is not there, no cell was read, or a cell holds no amount (the
 * table's own rules report that).  With cells_to, the cells read are
 * appended to that finding. */
gboolean fc_check_figure (FcCheckContext *context, const FcRule *figure, FcFigureValue *out,
                          FcFinding *cells_to);

/* What the narrative and self-evaluation rules read (fc-narrative-check.h),
 * borrowed; NULL when there is none. */
typedef struct _FcTextFacts FcTextFacts;
void fc_check_context_set_text (FcCheckContext *context, FcTextFacts *text);
FcTextFacts *fc_check_context_get_text (const FcCheckContext *context);

/* The context's tolerance, tables and report (transfer none). */
const FcTolerance *fc_check_context_tolerance (const FcCheckContext *context);
GPtrArray *fc_check_context_tables (const FcCheckContext *context);
FcReport *fc_check_context_report (const FcCheckContext *context);

G_END_DECLS
