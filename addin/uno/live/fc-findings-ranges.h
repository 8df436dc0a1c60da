/* fc-findings-ranges.h — the array ranges of a document that show a
 * FISCALCHECKFINDINGS() list, read in bulk, for fc-findings-fit.h.
 *
 * How, without visiting every cell: per sheet, Calc's search over its
 * formula cells (queryContentCells, then XSearchable.findAll "FINDINGS")
 * gives the cells calling the function; for each array among them, one
 * cursor collapsed to it (XSheetCellCursor.collapseToCurrentArray) gives
 * its extent and XArrayFormulaRange.getArrayFormula its formula.  Nothing
 * is interpreted and nothing in the document changes: safe inside a
 * recalculation.
 */
#pragma once

#include "fc-findings-fit.h"
#include "fc-uno.h"

G_BEGIN_DECLS

/* The fit of document's FISCALCHECKFINDINGS() array ranges (transfer
 * full), or NULL with an error. */
FcFindingsFit *fc_findings_ranges_scan (uno_Interface *document, GError **error);

G_END_DECLS
