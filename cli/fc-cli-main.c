/* fc-cli-main.c — `fiscalcheck check …`: checks workbooks in batch through
 * headless LibreOffice and the FiscalCheck export filter, then prints one
 * report.  See fc-cli-batch.h for how the office is driven.
 */
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "fc-cli-batch.h"
#include "fc-cli-error.h"
#include "fc-cli-marked.h"
#include "fc-cli-output.h"
#include "fc-cli-profile.h"
#include "fc-cli-stage.h"
#include "fc-cli-user.h"
#include "fc-engine.h"

#define DEFAULT_TIMEOUT_S 120

typedef struct {
  char *format;
  char **rules;
  char *only;
  int jobs;
  int timeout_s;
  char *marked_dir;
  char **workbooks;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->format);
  g_strfreev (options->rules);
  g_free (options->only);
  g_free (options->marked_dir);
  g_strfreev (options->workbooks);
}

static int
usage_error (const char *message)
{
  g_printerr ("fiscalcheck: %s\n用法 usage: fiscalcheck check [OPTION…] WORKBOOK…"
              "（fiscalcheck check --help）\n", message);
  return FC_CLI_EXIT_FAILED;
}

/* Program path from the environment, else the one found at build time
 * (transfer none). */
static const char *
program (const char *env, const char *built_in)
{
  const char *value = g_getenv (env);

  return value != NULL && *value != '\0' ? value : built_in;
}

/* Each extra rule file must parse on its own: its errors name file:line. */
static gboolean
validate_rules (char **rules, GError **error)
{
  for (char **p = rules; p != NULL && *p != NULL; p++)
    {
      const char *one[] = { *p, NULL };
      g_autoptr (FcEngine) engine = fc_engine_new_from_files (one, error);

      if (engine == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
show_progress (guint done, guint total, gpointer data)
{
  (void) data;
  g_printerr ("\r检查中 checking %u/%u …", done, total);
}

/* Stages, runs and reports; returns the exit status. */
static int
run_check (const Options *options, FcCliFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcCliStage) stage = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_cli_item_free);
  g_autoptr (GPtrArray) pending = g_ptr_array_new ();
  g_autoptr (GPtrArray) staged_rules = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) profiles = NULL;
  g_autofree char *target = NULL;
  g_autofree char *cache_dir = NULL;
  FcCliUser user;
  guint n = g_strv_length (options->workbooks);
  gboolean tty = isatty (STDERR_FILENO);

  if (!validate_rules (options->rules, &error)
      || (options->marked_dir != NULL && !fc_cli_marked_prepare (options->marked_dir, &error))
      || !fc_cli_user_init (&user, &error)
      || (stage = fc_cli_stage_new (&user, &error)) == NULL)
    goto failed;
  for (guint i = 0; options->rules != NULL && options->rules[i] != NULL; i++)
    {
      char *staged = fc_cli_stage_add_rules (stage, options->rules[i], i, &error);

      if (staged == NULL)
        goto failed;
      g_ptr_array_add (staged_rules, staged);
    }
  for (guint i = 0; i < n; i++)
    {
      FcCliItem *item = fc_cli_stage_add_input (stage, options->workbooks[i], i);

      g_ptr_array_add (items, item);
      if (item->error == NULL)
        g_ptr_array_add (pending, item);
    }

  if (pending->len > 0)
    {
      FcCliBatch batch = { 0 };

      cache_dir = fc_cli_profile_cache_dir (&user);
      profiles = fc_cli_profiles_acquire (&user, cache_dir,
                                          program ("FISCALCHECK_OXT", FC_CLI_OXT),
                                          program ("FISCALCHECK_UNOPKG", FC_CLI_UNOPKG),
                                          MIN ((guint) options->jobs, pending->len), &error);
      if (profiles == NULL)
        goto failed;
      g_ptr_array_add (staged_rules, NULL);
      target = fc_cli_batch_target ((const char *const *) staged_rules->pdata, options->only,
                                    options->marked_dir != NULL
                                      ? fc_cli_stage_get_marked_dir (stage) : NULL);
      batch.user = &user;
      batch.soffice = program ("FISCALCHECK_SOFFICE", FC_CLI_SOFFICE);
      batch.convert_to = target;
      batch.outdir = fc_cli_stage_get_outdir (stage);
      batch.log_dir = fc_cli_stage_get_dir (stage);
      batch.timeout_s = (guint) options->timeout_s;
      batch.profiles = profiles;
      batch.progress = tty ? show_progress : NULL;
      if (!fc_cli_batch_run (&batch, pending, &error))
        {
          if (tty)
            g_printerr ("\r\033[K");
          goto failed;
        }
      if (tty)
        g_printerr ("\r\033[K");
      if (options->marked_dir != NULL)
        fc_cli_marked_collect (items, (const char *const *) options->workbooks,
                               options->marked_dir);
    }
  return fc_cli_output_write (format, items, (const char *const *) options->workbooks, stdout);

failed:
  g_printerr ("fiscalcheck: %s\n", error->message);
  return FC_CLI_EXIT_FAILED;
}

static int
command_check (int argc, char **argv)
{
  Options options = { .jobs = (int) g_get_num_processors (), .timeout_s = DEFAULT_TIMEOUT_S };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format,
      "输出格式 output format: text (default), json, csv", "FORMAT" },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &options.rules,
      "附加审核规则文件（可重复）extra rule file, read after the shipped rules (repeatable)", "FILE" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &options.only,
      "只报告某表或某规则 report only one table (02) or rule (R02.1)", "SCOPE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &options.jobs,
      "并行的 LibreOffice 进程数 office processes side by side (default: cores)", "N" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &options.timeout_s,
      "单个文件无结果多久算卡死 seconds without a result before a file counts as hung (120)",
      "SECONDS" },
    { "marked-dir", 0, 0, G_OPTION_ARG_FILENAME, &options.marked_dir,
      "把标注后的副本写入此目录（同名同格式，不改动原文件）"
      "write a marked copy of each workbook here (same name and format; inputs untouched)",
      "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.workbooks, NULL,
      "WORKBOOK…" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  FcCliFormat format = FC_CLI_FORMAT_TEXT;
  int status;

  g_option_context_set_summary (context,
    "用 LibreOffice 检查部门决算公开工作簿（.ods .xlsx .xls …）。\n"
    "Checks 部门决算公开 workbooks (.ods, .xlsx, .xls …) through headless LibreOffice.\n\n"
    "退出状态 exit status: 0 无错误 no error finding, 1 有错误 some error finding,\n"
    "2 有文件无法检查或参数错误 some input not checked, or a bad argument / rule file");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    status = usage_error (error->message);
  else if (options.format != NULL && !fc_cli_format_parse (options.format, &format))
    status = usage_error ("--format 只能是 must be text, json or csv");
  else if (options.jobs < 1 || options.timeout_s < 1)
    status = usage_error ("--jobs 和 and --timeout 须为正数 must be positive");
  else if (options.workbooks == NULL || options.workbooks[0] == NULL)
    status = usage_error ("没有要检查的工作簿 no workbook given");
  else
    status = run_check (&options, format);
  options_clear (&options);
  return status;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc >= 2 && g_strcmp0 (argv[1], "check") == 0)
    {
      g_set_prgname ("fiscalcheck check"); /* for --help's usage line */
      return command_check (argc - 1, argv + 1);
    }
  if (argc >= 2 && (g_strcmp0 (argv[1], "--version") == 0))
    {
      g_print ("fiscalcheck %s\n", FC_CLI_VERSION);
      return FC_CLI_EXIT_OK;
    }
  if (argc >= 2 && (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0))
    {
      g_print ("用法 usage: fiscalcheck check [OPTION…] WORKBOOK…\n"
               "详见 see: fiscalcheck check --help\n");
      return FC_CLI_EXIT_OK;
    }
  return usage_error (argc < 2 ? "缺少命令 missing command" : "未知命令 unknown command");
}
