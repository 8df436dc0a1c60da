/* fc-marks.h — marking the cells of a report in an open Calc document and
 * taking the marks away again without a trace.
 *
 * A mark is a background colour by severity (error: light red, warning:
 * light yellow) and an annotation naming rule, expected, actual and
 * difference in zh-CN and en-US (above the user's own text, when the cell
 * has a comment).  Info findings are not marked.  What each
 * cell looked like before is kept in the document (fc-mark-store.h).
 *
 * These functions do not open an undo context: callers that want one step
 * (the menu command) wrap them; batch callers need none.
 */
#pragma once

#include "fc-report.h"
#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_MARK_COLOR_ERROR   0xFFC7CE /* light red */
#define FC_MARK_COLOR_WARNING 0xFFEB9C /* light yellow */

/* Clears earlier marks (fc_marks_clear), then marks every cell of every
 * error and warning finding of report in document (any interface of a Calc
 * model) and records the bookkeeping.  Reusable for batch runs
 * (--marked-dir).  On error the document may be partly marked; the
 * bookkeeping then still covers what was marked. */
gboolean fc_marks_apply (uno_Interface *document, const FcReport *report, GError **error);

/* Restores every marked cell's own previous background and annotation
 * (leaving alone cells whose mark the user changed since), removes the
 * report sheet Validate wrote and the bookkeeping.  TRUE when there was
 * nothing to clear. */
gboolean fc_marks_clear (uno_Interface *document, GError **error);

/* The annotation text for a cell involved in findings (FcFinding*, transfer
 * none) (transfer full).  A cell with a comment of the user's gets it on
 * top of the user's text, set in place (author and date stay). */
char *fc_marks_annotation_text (GPtrArray *findings);

G_END_DECLS
