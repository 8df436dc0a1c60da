/* fc-result.h — the live value of FISCALCHECK() and FISCALCHECKFINDINGS():
 * one XVolatileResult per (document, function, scope), all the results of
 * a document answered from one read and one check per burst of edits,
 * which runs when Calc next asks for one of them (shown, read,
 * recalculated), not at each edit.  Nothing is read or checked once no
 * cell uses them.  Calc takes an array value from a volatile result like a
 * direct one (ScInterpreter::ScExternal passes the listener's value through
 * ScUnoAddInCall::SetResult).  How: fc-result.c.
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

/* Our own commands change many cells (marks, the report sheet) and read
 * sheets, which may interpret our cells.  Between hold and release no
 * check runs: our cells are answered from the last report, and release
 * marks them dirty again when the document changed meanwhile.  Nests. */
void fc_result_hold (void);

/* Something the check reads besides the cells changed (the narrative
 * document was read or chosen): the document's results are checked again
 * as after an edit.  Nothing happens when no result of it exists. */
void fc_result_refresh (uno_Interface *document);
void fc_result_release (void);

G_END_DECLS
