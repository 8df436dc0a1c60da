/* fc-result.h — the live value of FISCALCHECK() and FISCALCHECKFINDINGS():
 * one XVolatileResult per (document, function, scope).  It listens to the
 * document's modifications, re-runs the check and pushes the new value to
 * Calc's result listeners only when it changed (pushing an unchanged value
 * would loop through recalculation).  Calc takes an array value from a
 * volatile result like a direct one (ScInterpreter::ScExternal passes the
 * listener's value through ScUnoAddInCall::SetResult).
 */
#pragma once

#include "fc-evaluate.h"
#include "fc-uno.h"

G_BEGIN_DECLS

/* The volatile result of kind for the document (any interface of the
 * model) and scope (NULL or "" for all), created and computed on first use
 * (transfer full: an acquired com.sun.star.sheet.XVolatileResult).  NULL
 * with an error when document is unusable. */
uno_Interface *fc_result_get (uno_Interface *document, FcEvalKind kind, const char *scope,
                              GError **error);

/* Our own commands change many cells (marks, the report sheet); each change
 * would re-read the whole workbook for every live FISCALCHECK() cell.
 * Between hold and release, re-checks wait; release runs each waiting one
 * once.  Nests. */
void fc_result_hold (void);
void fc_result_release (void);

G_END_DECLS
