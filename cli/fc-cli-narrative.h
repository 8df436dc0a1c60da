/* fc-cli-narrative.h — which narrative document (情况说明) goes with which
 * workbook in a batch (finding, telling and decoding one: fc-narrative-doc.h,
 * shared with the office).
 *
 * A narrative is a separate document beside its workbook with the same
 * name: 2023决算.xlsx and 2023决算.docx (.doc, .odt, .txt).  The office
 * turns the word-processor ones into text; a .txt is only decoded.
 */
#pragma once

#include <glib.h>

#include "fc-narrative-doc.h"

G_BEGIN_DECLS

/* Whether a and b are the same folder and name but for the extension. */
gboolean fc_cli_narrative_same_stem (const char *a, const char *b);

typedef enum {
  FC_CLI_INPUT_WORKBOOK,
  FC_CLI_INPUT_NARRATIVE_PAIRED, /* checked with the workbook of the same name */
  FC_CLI_INPUT_NARRATIVE_ALONE   /* a narrative without a workbook among the inputs */
} FcCliInputRole;

/* Sorts the command's inputs (NULL-terminated): roles[i] for each, and for
 * each workbook its narrative document in narratives[i] (transfer full,
 * NULL when none): explicit when given (for every workbook: the caller
 * allows it with one only), else, when look_beside, a narrative among the
 * inputs with the same name, else one beside it on disk.  Without
 * look_beside every narrative among the inputs is left alone.  An input
 * that is the same file as a workbook's narrative, however it is written
 * (./a.docx, /d//a.docx), is paired.  roles and narratives have room for
 * every input; narratives starts all NULL. */
void fc_cli_narrative_pair (const char *const *inputs, const char *explicit_narrative,
                            gboolean look_beside, FcCliInputRole *roles, char **narratives);

G_END_DECLS
