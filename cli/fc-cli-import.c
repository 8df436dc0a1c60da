/* fc-cli-import.c — the workbook of a PDF written out (see fc-cli-import.h). */
#include "fc-cli-import.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fc-cli-error.h"
#include "fc-cli-fs.h"
#include "fc-cli-office.h"
#include "fc-cli-output.h"
#include "fc-engine.h"
#include "fc-fods-writer.h"

#define DEFAULT_TIMEOUT_S 120

char **
fc_cli_import_sheet_names (const FcPdfPackage *package)
{
  const FcWorkbook *workbook = fc_pdf_package_get_workbook (package);
  guint n = fc_workbook_get_n_sheets (workbook);
  char **names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const FcSheet *sheet = fc_workbook_get_sheet (workbook, i);
      const char *name = fc_sheet_get_name (sheet);
      guint first = fc_pdf_package_sheet_page (package, name), last = first;

      /* a table continued, or the narrative: the pages its cells came from */
      for (guint r = 0; r < fc_sheet_get_n_rows (sheet); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
          {
            const FcPdfOrigin *o = fc_pdf_package_origin (package, name, r, c);

            if (o == NULL || o->page == 0)
              continue;
            first = first == 0 ? o->page : MIN (first, o->page);
            last = MAX (last, o->page);
          }
      if (first == 0)
        names[i] = g_strdup (name);
      else if (last > first)
        names[i] = g_strdup_printf ("第%u-%u页 %s", first, last, name);
      else
        names[i] = g_strdup_printf ("第%u页 %s", first, name);
    }
  return names;
}

gboolean
fc_cli_import_write_fods (const FcPdfPackage *package, const char *path, GError **error)
{
  g_auto (GStrv) names = fc_cli_import_sheet_names (package);

  return fc_fods_write_file (fc_pdf_package_get_workbook (package),
                             (const char *const *) names, path, error);
}

static const char *
soffice_program (void)
{
  const char *value = g_getenv ("FISCALCHECK_SOFFICE");

  return value != NULL && *value != '\0' ? value : FC_CLI_SOFFICE;
}

gboolean
fc_cli_import_write_ods (const FcPdfPackage *package, const FcCliUser *user,
                         const char *work_dir, const char *ods_path, guint timeout_s,
                         GError **error)
{
  g_autofree char *office_dir = g_build_filename (work_dir, "office", NULL);
  g_autofree char *fods = g_build_filename (office_dir, "workbook.fods", NULL);
  g_autofree char *converted = g_build_filename (office_dir, "workbook.ods", NULL);
  g_autofree char *profile = g_build_filename (office_dir, "profile", NULL);
  g_autofree char *profile_uri = NULL;
  g_autofree char *env_arg = NULL;
  g_autofree char *log = g_build_filename (work_dir, "office.log", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  FcCliOfficeJob job = { 0 };

  if (!fc_cli_user_mkdir (user, office_dir, error)
      || !fc_cli_import_write_fods (package, fods, error)
      || !fc_cli_user_give (user, fods, error))
    return FALSE;
  profile_uri = g_filename_to_uri (profile, NULL, error);
  if (profile_uri == NULL)
    return FALSE;
  env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  {
    const char *argv[] = { soffice_program (), "--headless", "--norestore", "--nolockcheck",
                           env_arg, "--convert-to", "ods", "--outdir", office_dir, fods, NULL };

    job.argv = argv;
    job.home = office_dir;
    job.log_path = log;
    if (!fc_cli_office_run_all (user, &job, 1, timeout_s, error))
      return FALSE;
  }
  if (!g_file_get_contents (converted, &data, &length, NULL))
    {
      g_autofree char *tail = fc_cli_office_log_tail (log);

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_OFFICE,
                   "LibreOffice 未能把工作簿转为 .ods / LibreOffice did not convert the workbook "
                   "to .ods%s%s", *tail != '\0' ? ": " : "", tail);
      return FALSE;
    }
  return g_file_set_contents (ods_path, data, (gssize) length, error);
}

static int
usage_error (const char *message)
{
  g_printerr ("fiscalcheck: %s\n用法 usage: fiscalcheck import PDF -o WORKBOOK.ods|.fods"
              "（fiscalcheck import --help）\n", message);
  return FC_CLI_EXIT_FAILED;
}

static gboolean
has_suffix (const char *path, const char *suffix)
{
  gsize n = strlen (path), k = strlen (suffix);

  return n > k && g_ascii_strcasecmp (path + n - k, suffix) == 0;
}

/* Says once which tables were left out, as check's I.3 does. */
static void
print_problems (const FcPdfPackage *package)
{
  GPtrArray *problems = fc_pdf_package_get_problems (package);

  for (guint i = 0; i < problems->len; i++)
    {
      const FcPdfProblem *p = problems->pdata[i];

      g_printerr ("fiscalcheck: “%s”（第%u页）未能从 PDF 重建，未写入：%s / "
                  "not rebuilt from the PDF, not written: %s\n",
                  p->title, p->page, p->reason, p->reason_en);
    }
}

static int
run_import (const char *pdf, const char *output, guint timeout_s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPdfPackage) package = NULL;
  gboolean ok;

  if (g_file_test (pdf, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("fiscalcheck: %s: “%s”是目录 / “%s” is a directory\n", pdf, pdf, pdf);
      return FC_CLI_EXIT_FAILED;
    }
  package = fc_pdf_read_file (pdf, &error);
  if (package == NULL)
    {
      g_printerr ("fiscalcheck: %s: %s\n", pdf, error->message);
      return FC_CLI_EXIT_FAILED;
    }
  if (fc_workbook_get_n_sheets (fc_pdf_package_get_workbook (package)) == 0)
    {
      g_printerr ("fiscalcheck: %s: %s\n", pdf, FC_ERROR_NO_TABLES_TEXT);
      return FC_CLI_EXIT_FAILED;
    }
  print_problems (package);
  if (has_suffix (output, ".fods"))
    ok = fc_cli_import_write_fods (package, output, &error);
  else
    {
      FcCliUser user;
      g_autofree char *work = NULL;

      ok = fc_cli_user_init (&user, &error)
           && (work = g_dir_make_tmp ("fiscalcheck-import-XXXXXX", &error)) != NULL
           && g_chmod (work, 0711) == 0
           && fc_cli_import_write_ods (package, &user, work, output, timeout_s, &error);
      if (work != NULL && g_getenv ("FISCALCHECK_KEEP_TEMP") == NULL)
        {
          g_autoptr (GError) ignored = NULL;
          fc_cli_remove_tree (work, &ignored);
        }
      if (!ok && error == NULL)
        g_set_error (&error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "chmod failed");
    }
  if (!ok)
    {
      g_printerr ("fiscalcheck: %s: %s\n", output, error->message);
      return FC_CLI_EXIT_FAILED;
    }
  return FC_CLI_EXIT_OK;
}

int
fc_cli_import_main (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_auto (GStrv) inputs = NULL;
  int timeout_s = DEFAULT_TIMEOUT_S;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "写出的工作簿（.ods 经 LibreOffice 转换，.fods 不需要）"
      "the workbook to write (.ods through LibreOffice, .fods without it)", "FILE" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout_s,
      "转换 .ods 最多等待的秒数 seconds the conversion to .ods may take (120)", "SECONDS" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "PDF" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context,
    "把部门决算公开 PDF 读成工作簿：每张表一个工作表，情况说明与绩效自评各自成表，表名前注明页码。\n"
    "Writes the workbook read from a 部门决算公开 PDF: one sheet per table, the narrative and\n"
    "the self-evaluations on sheets of their own, each sheet's name starting with its page.\n\n"
    "退出状态 exit status: 0 已写出 written, 2 无法读取或写出 not read or not written");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL)
    return usage_error ("须给出一个 PDF give exactly one PDF");
  if (output == NULL)
    return usage_error ("缺少 -o missing -o WORKBOOK");
  if (!has_suffix (output, ".ods") && !has_suffix (output, ".fods"))
    return usage_error ("-o 须为 .ods 或 .fods must name an .ods or .fods file");
  if (timeout_s < 1)
    return usage_error ("--timeout 须为正数 must be positive");
  return run_import (inputs[0], output, (guint) timeout_s);
}
