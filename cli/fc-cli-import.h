/* fc-cli-import.h — `fiscalcheck import x.pdf -o x.ods`: the workbook the
 * PDF reader makes of a published package, written out (a preparer who
 * only has last year's PDF gets last year's tables back), and the same
 * workbook staged as .ods for --marked-dir.
 *
 * One sheet per table, the narrative and each self-evaluation on sheets
 * of their own, as the reader made them; each sheet's name starts with
 * the page(s) it was printed on ("第16页 一般公共预算财政拨款支出决算表",
 * "第20-27页 情况说明").  .fods is written here; .ods is that .fods
 * converted by the office (`soffice --convert-to ods`, a profile of its
 * own in a private directory).
 */
#pragma once

#include <glib.h>

#include "fc-cli-user.h"
#include "fc-pdf.h"

G_BEGIN_DECLS

/* The name of each sheet of the package's workbook, prefixed by the pages
 * it was printed on, NULL-terminated (transfer full). */
char **fc_cli_import_sheet_names (const FcPdfPackage *package);

/* Writes the package's workbook as .fods at path. */
gboolean fc_cli_import_write_fods (const FcPdfPackage *package, const char *path,
                                   GError **error);

/* Writes the package's workbook as .ods at ods_path: its .fods converted
 * by the office in work_dir (a directory of ours that is removed by the
 * caller), at most timeout_s seconds. */
gboolean fc_cli_import_write_ods (const FcPdfPackage *package, const FcCliUser *user,
                                  const char *work_dir, const char *ods_path, guint timeout_s,
                                  GError **error);

/* `fiscalcheck import …` (argv[0] is "import"): the exit status. */
int fc_cli_import_main (int argc, char **argv);

G_END_DECLS
