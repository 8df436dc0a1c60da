/* fc-cli-stage.h — the private temp directory a check runs in.
 *
 * Inputs and rule files are copied in under numbered names (0001.xlsx …):
 * x.ods and x.xlsx no longer collide on x.fcjson, names with spaces or
 * Chinese characters never reach a command line, and files the office
 * user could not read in place (as root it is nobody) become readable.
 */
#pragma once

#include <glib.h>

#include "fc-cli-batch.h"
#include "fc-cli-user.h"

G_BEGIN_DECLS

typedef struct _FcCliStage FcCliStage;

/* Creates the directory (in $TMPDIR) for user (transfer full). */
FcCliStage *fc_cli_stage_new (const FcCliUser *user, GError **error);

/* Removes the directory and everything in it. */
void fc_cli_stage_free (FcCliStage *stage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcCliStage, fc_cli_stage_free)

/* The staged name of input number index: "0007.xlsx", or "0007" when path
 * has no plain extension; LibreOffice names the output after the stem
 * (transfer full). */
char *fc_cli_stage_input_name (const char *path, guint index);

/* Copies input number index in.  The item names the staged copy and the
 * output the filter will write for it; when path cannot be read, the item
 * carries the reason as its error instead (transfer full, never NULL). */
FcCliItem *fc_cli_stage_add_input (FcCliStage *stage, const char *path, guint index);

/* Copies the narrative document of input number index in, for the office
 * to convert to text: like fc_cli_stage_add_input, the output being its
 * text in fc_cli_stage_get_texts_dir (transfer full, never NULL). */
FcCliItem *fc_cli_stage_add_document (FcCliStage *stage, const char *path, guint index);

/* Where the office writes the narratives' text (transfer none). */
const char *fc_cli_stage_get_texts_dir (const FcCliStage *stage);

/* Copies rule file number index in: its staged path (transfer full), or NULL. */
char *fc_cli_stage_add_rules (FcCliStage *stage, const char *path, guint index,
                              GError **error);

/* Where soffice writes outputs and logs (transfer none). */
const char *fc_cli_stage_get_outdir (const FcCliStage *stage);
const char *fc_cli_stage_get_dir (const FcCliStage *stage);
/* Where the filter stores marked copies (--marked-dir) (transfer none). */
const char *fc_cli_stage_get_marked_dir (const FcCliStage *stage);

G_END_DECLS
