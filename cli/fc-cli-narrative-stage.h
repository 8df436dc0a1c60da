/* fc-cli-narrative-stage.h — hands each workbook's narrative document to
 * the export filter: a .txt decoded at once, a .docx/.doc/.odt… first
 * turned into text by the office in one more batch (same profiles, same
 * hang and crash handling), then staged beside the workbook's staged copy
 * as fc-narrative-file.h says.  A document that cannot be read is staged
 * as such, with why: the filter reports it (N.0) and checks the tables.
 */
#pragma once

#include <glib.h>

#include "fc-cli-batch.h"
#include "fc-cli-stage.h"
#include "fc-cli-user.h"

G_BEGIN_DECLS

/* Stages the narrative (FcCliItem.narrative) of every item of workbooks
 * (FcCliItem*) that has one; check is the workbooks' batch, whose office
 * and profiles the conversion borrows.  Fails only when the conversion
 * batch itself could not run (fc_cli_batch_run). */
gboolean fc_cli_narrative_stage_all (FcCliStage *stage, const FcCliUser *user,
                                     const FcCliBatch *check, GPtrArray *workbooks,
                                     GError **error);

G_END_DECLS
