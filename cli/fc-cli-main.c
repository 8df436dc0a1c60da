/* fc-cli-main.c — `fiscalcheck check …`: checks workbooks in batch through
 * headless LibreOffice and the FiscalCheck export filter, then prints one
 * report.  See fc-cli-batch.h for how the office is driven.
 */
#include <locale.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "fc-cli-batch.h"
#include "fc-cli-error.h"
#include "fc-cli-import.h"
#include "fc-cli-marked.h"
#include "fc-cli-narrative.h"
#include "fc-cli-narrative-stage.h"
#include "fc-cli-output.h"
#include "fc-cli-pdf.h"
#include "fc-cli-profile.h"
#include "fc-cli-stage.h"
#include "fc-cli-user.h"
#include "fc-engine.h"

#define MSG_NARRATIVE_ALONE "情况说明文档没有同名的工作簿，未检查（请一并给出同名的 .xlsx、.xls 或 .ods，" \
  "或用 --narrative 指定）/ a narrative document without a workbook of the same name: not checked " \
  "(give its .xlsx, .xls or .ods too, or name it with --narrative)"
#define MSG_NARRATIVE_REFUSED "情况说明文档未检查（用了 --no-narrative）/ " \
  "a narrative document: not checked (--no-narrative)"
#define DEFAULT_TIMEOUT_S 120

typedef struct {
  char *format;
  char **rules;
  char *only;
  int jobs;
  int timeout_s;
  char *marked_dir;
  char *narrative;
  gboolean no_narrative;
  char **workbooks;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->format);
  g_strfreev (options->rules);
  g_free (options->only);
  g_free (options->marked_dir);
  g_free (options->narrative);
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

/* A PDF under --marked-dir: its workbook staged as .ods for the office
 * to check and mark like any workbook. */
typedef struct {
  FcCliItem *item;   /* the PDF's own (in items) */
  FcCliItem *staged; /* its workbook's, or NULL (owned) */
  char *why_not;     /* when staged is NULL (owned) */
  const char *path;  /* the user's PDF */
} PdfMarked;

static void
pdf_marked_free (PdfMarked *m)
{
  if (m->staged != NULL)
    fc_cli_item_free (m->staged);
  g_free (m->why_not);
  g_free (m);
}

/* Writes the package's workbook as .ods in the stage and stages it as
 * input number index (the PDF's own number: no other input has it). */
static PdfMarked *
pdf_marked_stage (FcCliStage *stage, const FcCliUser *user, const FcPdfPackage *package,
                  guint index, guint timeout_s, FcCliItem *item, const char *path)
{
  PdfMarked *m = g_new0 (PdfMarked, 1);
  g_autofree char *name = g_strdup_printf ("import-%04u", index);
  g_autofree char *work = g_build_filename (fc_cli_stage_get_dir (stage), name, NULL);
  g_autofree char *ods = g_build_filename (work, "workbook.ods", NULL);
  g_autoptr (GError) error = NULL;

  m->item = item;
  m->path = path;
  if (g_mkdir (work, 0711) != 0)
    m->why_not = g_strdup_printf ("无法创建 / cannot create %s", work);
  else if (!fc_cli_import_write_ods (package, user, work, ods, timeout_s, &error))
    m->why_not = g_strdup (error->message);
  else
    {
      m->staged = fc_cli_stage_add_input (stage, ods, index);
      if (m->staged->error != NULL)
        {
          m->why_not = g_strdup (m->staged->error);
          g_clear_pointer (&m->staged, fc_cli_item_free);
        }
    }
  return m;
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
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  FcCliUser user;
  guint n = g_strv_length (options->workbooks);
  g_autofree FcCliInputRole *roles = g_new0 (FcCliInputRole, n);
  g_auto (GStrv) narratives = g_new0 (char *, n + 1);
  gboolean tty = isatty (STDERR_FILENO);
  gboolean any_narrative = FALSE;
  g_autoptr (FcEngine) pdf_engine = NULL;
  g_autoptr (GPtrArray) pdf_marked = g_ptr_array_new_with_free_func ((GDestroyNotify) pdf_marked_free);

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
  fc_cli_narrative_pair ((const char *const *) options->workbooks, options->narrative,
                         !options->no_narrative, roles, narratives);
  for (guint i = 0; i < n; i++)
    {
      FcCliItem *item;

      if (roles[i] == FC_CLI_INPUT_NARRATIVE_PAIRED)
        continue; /* checked with its workbook */
      if (roles[i] == FC_CLI_INPUT_NARRATIVE_ALONE)
        {
          item = fc_cli_item_new ("", "");
          item->error = g_strdup (options->no_narrative ? MSG_NARRATIVE_REFUSED : MSG_NARRATIVE_ALONE);
        }
      else if (fc_cli_pdf_is_pdf (options->workbooks[i]))
        {
          /* read and checked here, no office: its narrative is its own */
          g_autofree char *name = g_strdup_printf ("%04u.pdf.fcjson", i);
          g_autofree char *output = g_build_filename (fc_cli_stage_get_outdir (stage), name, NULL);
          g_autoptr (FcPdfPackage) package = NULL;

          if (pdf_engine == NULL
              && (pdf_engine = fc_cli_pdf_engine_new ((const char *const *) options->rules,
                                                      &error)) == NULL)
            goto failed;
          item = fc_cli_item_new ("", output);
          fc_cli_pdf_check (pdf_engine, options->workbooks[i], options->only,
                            (guint) options->timeout_s, options->marked_dir != NULL ? &package : NULL, item);
          if (package != NULL)
            {
              /* its marked copy: the workbook read from it, marked by the office */
              PdfMarked *m = pdf_marked_stage (stage, &user, package, i,
                                               (guint) options->timeout_s, item,
                                               options->workbooks[i]);
              g_ptr_array_add (pdf_marked, m);
              if (m->staged != NULL)
                g_ptr_array_add (pending, m->staged);
            }
          if (tty)
            g_printerr ("\r读取 PDF reading %u/%u …", i + 1, n);
        }
      else
        {
          item = fc_cli_stage_add_input (stage, options->workbooks[i], i);
          if (item->error == NULL)
            {
              g_ptr_array_add (pending, item);
              item->narrative = g_steal_pointer (&narratives[i]);
              any_narrative |= item->narrative != NULL;
            }
        }
      g_ptr_array_add (items, item);
      g_ptr_array_add (paths, options->workbooks[i]);
    }
  g_ptr_array_add (paths, NULL);

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
                                      ? fc_cli_stage_get_marked_dir (stage) : NULL,
                                    any_narrative);
      batch.user = &user;
      batch.soffice = program ("FISCALCHECK_SOFFICE", FC_CLI_SOFFICE);
      batch.convert_to = target;
      batch.outdir = fc_cli_stage_get_outdir (stage);
      batch.log_dir = fc_cli_stage_get_dir (stage);
      batch.timeout_s = (guint) options->timeout_s;
      batch.profiles = profiles;
      batch.progress = tty ? show_progress : NULL;
      if (any_narrative && !fc_cli_narrative_stage_all (stage, &user, &batch, pending, &error))
        goto failed;
      if (!fc_cli_batch_run (&batch, pending, &error))
        {
          if (tty)
            g_printerr ("\r\033[K");
          goto failed;
        }
      if (tty)
        g_printerr ("\r\033[K");
      if (options->marked_dir != NULL)
        {
          /* the PDFs' workbooks with the rest: their copies named x.ods
           * after the PDF, no name taken twice */
          g_autoptr (GPtrArray) all = g_ptr_array_new ();
          g_autoptr (GPtrArray) names = g_ptr_array_new ();

          for (guint i = 0; i < items->len; i++)
            {
              g_ptr_array_add (all, items->pdata[i]);
              g_ptr_array_add (names, paths->pdata[i]);
            }
          for (guint i = 0; i < pdf_marked->len; i++)
            {
              PdfMarked *m = pdf_marked->pdata[i];
              if (m->staged != NULL)
                {
                  g_ptr_array_add (all, m->staged);
                  g_ptr_array_add (names, (gpointer) m->path);
                }
            }
          fc_cli_marked_collect (all, (const char *const *) names->pdata, options->marked_dir);
        }
    }
  for (guint i = 0; i < pdf_marked->len; i++)
    {
      PdfMarked *m = pdf_marked->pdata[i];
      fc_cli_pdf_take_marked (m->item, m->staged, m->why_not);
    }
  return fc_cli_output_write (format, items, (const char *const *) paths->pdata, stdout);

failed:
  g_printerr ("fiscalcheck: %s\n", error->message);
  return FC_CLI_EXIT_FAILED;
}

/* How many inputs are workbooks rather than narrative documents. */
static guint
count_workbooks (char **inputs)
{
  guint n = 0;

  for (char **p = inputs; *p != NULL; p++)
    n += !fc_narrative_doc_is_document (*p);
  return n;
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
    { "narrative", 0, 0, G_OPTION_ARG_FILENAME, &options.narrative,
      "与（唯一的）工作簿一起核对的情况说明（.docx .doc .odt .txt）；默认找工作簿旁同名的文档"
      "the narrative document (.docx .doc .odt .txt) to check with the one workbook; by default "
      "one of the same name beside each workbook is used", "FILE" },
    { "no-narrative", 0, 0, G_OPTION_ARG_NONE, &options.no_narrative,
      "不找工作簿旁的情况说明 do not look for narrative documents beside the workbooks", NULL },
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
  else if (options.narrative != NULL && (options.no_narrative || count_workbooks (options.workbooks) != 1))
    status = usage_error ("--narrative 只配一个工作簿，且不与 --no-narrative 同用 "
                          "goes with exactly one workbook, and not with --no-narrative");
  else if (options.narrative != NULL && !fc_narrative_doc_is_document (options.narrative))
    status = usage_error ("--narrative 须为 .docx .doc .odt .fodt .rtf 或 .txt 文档 "
                          "must name a .docx, .doc, .odt, .fodt, .rtf or .txt document");
  else if (options.narrative != NULL && !g_file_test (options.narrative, G_FILE_TEST_IS_REGULAR))
    status = usage_error ("--narrative 的文件不存在或不是普通文件 names no regular file");
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
  if (argc >= 2 && g_strcmp0 (argv[1], "import") == 0)
    {
      g_set_prgname ("fiscalcheck import");
      return fc_cli_import_main (argc - 1, argv + 1);
    }
  if (argc >= 2 && (g_strcmp0 (argv[1], "--version") == 0))
    {
      g_print ("fiscalcheck %s\n", FC_CLI_VERSION);
      return FC_CLI_EXIT_OK;
    }
  if (argc >= 2 && (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0))
    {
      g_print ("用法 usage: fiscalcheck check [OPTION…] WORKBOOK…\n"
               "           fiscalcheck import PDF -o WORKBOOK.ods|.fods\n"
               "详见 see: fiscalcheck check --help, fiscalcheck import --help\n");
      return FC_CLI_EXIT_OK;
    }
  return usage_error (argc < 2 ? "缺少命令 missing command" : "未知命令 unknown command");
}
