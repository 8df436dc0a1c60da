/* fc-findings-fit.h — fitting FISCALCHECKFINDINGS()'s table to the array
 * ranges that show it, so that a range too small says so in its last row
 * ("另有 12 条未显示") instead of dropping findings silently.
 *
 * Calc tells an add-in function nothing about the cell or the array range
 * calling it (ScInterpreter::ScExternal passes the document as the caller
 * and the arguments, nothing else), and every call with the same arguments
 * shares one result (ScAddInListener is keyed by the XVolatileResult).  So
 * the ranges are found in the document (fc-findings-ranges.c) and matched
 * to a result by their arguments, here:
 *  - a range counts when its formula is the call alone, or the call as
 *    the first argument of IFNA or IFERROR, and it has two rows or more;
 *  - a literal argument ("01", "R01.1", 1, none) names its scope as the
 *    add-in reads it (a whole number 1…99 is "01"…"99");
 *  - when several ranges show one scope, the smallest decides: every range
 *    then shows the overflow row rather than one of them hiding findings;
 *  - an argument that is not a literal (a reference, an expression) could
 *    be any scope: its range limits every scope, for the same reason.
 * Pure GLib: no UNO here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rows each scope's table may take (scope → smallest range). */
typedef struct _FcFindingsFit FcFindingsFit;

/* An empty fit: nothing limited (transfer full). */
FcFindingsFit *fc_findings_fit_new (void);
void fc_findings_fit_free (FcFindingsFit *fit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcFindingsFit, fc_findings_fit_free)

/* Which call formula (as Calc's API writes it: "=…", "{=…}", display or
 * programmatic function name) makes a list of: TRUE with *scope (transfer
 * full; NULL when the argument is not a literal, so any scope) when it is
 * a FISCALCHECKFINDINGS() list by the rules above. */
gboolean fc_findings_fit_parse (const char *formula, char **scope);

/* Takes note of an array range of n_rows rows holding formula; ranges that
 * are no list (fc_findings_fit_parse) or of one row are ignored. */
void fc_findings_fit_add (FcFindingsFit *fit, const char *formula, guint n_rows);

/* The rows scope's table may take; 0 when no range limits it. */
guint fc_findings_fit_rows (const FcFindingsFit *fit, const char *scope);

gboolean fc_findings_fit_equal (const FcFindingsFit *a, const FcFindingsFit *b);

/* table (rows of GStrv, header first: fc-findings-table.h) cut to n_rows
 * rows whose last says how many findings it leaves out, of which
 * severities, and how many rows would show them all, in the UI language
 * (chinese or English).  n_rows 0, or a table that fits: table itself.
 * Takes table (transfer full) and returns a table (transfer full). */
GPtrArray *fc_findings_fit_table (GPtrArray *table, guint n_rows, gboolean chinese);

G_END_DECLS
