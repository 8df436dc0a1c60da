/* fc-cli-narrative.h — which narrative document (情况说明) goes with which
 * workbook in a batch, and the text of a .txt one.
 *
 * A narrative is a separate document beside its workbook with the same
 * name: 2023决算.xlsx and 2023决算.docx (.doc, .odt, .txt).  The office
 * turns the word-processor ones into text; a .txt is only decoded.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether path is a narrative document by its extension (.docx .doc .odt
 * .fodt .rtf .txt, any case). */
gboolean fc_cli_narrative_is_document (const char *path);

/* Whether the document needs the office to become text (all but .txt). */
gboolean fc_cli_narrative_needs_office (const char *path);

/* Whether a and b are the same folder and name but for the extension. */
gboolean fc_cli_narrative_same_stem (const char *a, const char *b);

/* The narrative document beside workbook: same folder and name, the first
 * of .docx, .doc, .odt, .txt (lower or upper case) that is a regular file;
 * NULL when there is none (transfer full). */
char *fc_cli_narrative_find_beside (const char *workbook);

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

/* The text of a .txt as UTF-8: UTF-16 with BOM; else UTF-8 (with or
 * without BOM), its few stray bytes repaired (a © in cp1252, a character cut
 * at the end); else GB18030 (what Chinese Windows writes as "ANSI").  NULs
 * are dropped.  NULL with G_CONVERT_ERROR when it is none of these
 * (transfer full). */
char *fc_cli_narrative_decode (const char *data, gsize length, GError **error);

G_END_DECLS
