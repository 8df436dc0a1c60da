/* fc-cli-pdf.c — checking a PDF package in the command (see fc-cli-pdf.h). */
#include "fc-cli-pdf.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "fc-report-writer.h"

#define MSG_SLOW "PDF 在 %u 秒内未读完（页面文字过多？），未检查 / the PDF was not read " \
  "in %u s (a page with too much text?): not checked"
#define MSG_CRASHED "读取此 PDF 时阅读器崩溃，未检查 / the PDF reader crashed on this file: " \
  "not checked"
#define EXIT_REFUSED 3 /* the child's: the reason is in the .error file */
#define MSG_NO_MARKED "未能生成标注副本 / no marked copy was made"

gboolean
fc_cli_pdf_is_pdf (const char *path)
{
  gsize n = strlen (path);

  return n > 4 && g_ascii_strcasecmp (path + n - 4, ".pdf") == 0;
}

FcEngine *
fc_cli_pdf_engine_new (const char *const *rules, GError **error)
{
  const char *dir = g_getenv ("FISCALCHECK_SHIPPED_RULES");
  g_autoptr (FcEngine) engine = fc_engine_new_shipped (dir != NULL && *dir != '\0' ? dir
                                                                                  : FC_CLI_RULES_DIR,
                                                       error);

  if (engine == NULL)
    return NULL;
  for (const char *const *p = rules; p != NULL && *p != NULL; p++)
    if (!fc_engine_add_rules_file (engine, *p, error))
      return NULL;
  return g_steal_pointer (&engine);
}

/* Names the page and the printed words of the finding's first cell. */
static void
annotate (const FcPdfPackage *package, FcFinding *finding)
{
  const FcFindingCell *cell;
  const FcPdfOrigin *origin;
  g_autofree char *printed = NULL;

  if (finding->cells->len == 0)
    return;
  cell = finding->cells->pdata[0];
  origin = fc_pdf_package_origin (package, cell->sheet, cell->row, cell->col);
  if (origin == NULL)
    {
      guint page = fc_pdf_package_sheet_page (package, cell->sheet);
      if (page > 0)
        fc_finding_set_printed (finding, page, "");
      return;
    }
  if (*finding->quote != '\0')
    printed = g_strdup (finding->quote); /* the claim, found in that paragraph */
  else if (*origin->label != '\0' && strcmp (origin->label, origin->text) != 0)
    printed = g_strconcat (origin->label, " ", origin->text, NULL);
  else
    printed = g_strdup (origin->text);
  fc_finding_set_printed (finding, origin->page, printed);
}

FcReport *
fc_cli_pdf_report (const FcEngine *engine, const FcPdfPackage *package, const char *only,
                   GError **error)
{
  GPtrArray *problems = fc_pdf_package_get_problems (package);
  const FcCatalogue *catalogue = fc_engine_get_catalogue (engine);
  g_autoptr (GHashTable) dropped = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (FcReport) report = fc_engine_check_full (engine, fc_pdf_package_get_workbook (package),
                                                      NULL, only, error);

  if (report == NULL)
    return NULL;
  for (guint i = 0; i < report->findings->len; i++)
    annotate (package, report->findings->pdata[i]);
  for (guint i = 0; i < problems->len; i++)
    {
      const FcPdfProblem *p = problems->pdata[i];
      const char *id = fc_catalogue_table_for_title (catalogue, p->title);
      g_autofree char *zh = NULL, *en = NULL;
      FcFinding *finding;

      if (strcmp (p->title, FC_PDF_NARRATIVE_SHEET) == 0)
        {
          /* the narrative, not a table: said as a narrative that could not be read */
          zh = g_strdup_printf ("情况说明（第%u页起）未检查：%s", p->page, p->reason);
          en = g_strdup_printf ("the narrative (from page %u) was not checked: %s", p->page,
                                p->reason_en);
          finding = fc_finding_new ("N.0", FC_SEVERITY_WARNING, "", zh, en);
          fc_finding_set_printed (finding, p->page, "");
          if (only == NULL || *only == '\0' || strcmp (only, "N.0") == 0)
            fc_report_add_finding (report, finding);
          else
            fc_finding_free (finding);
          continue;
        }
      if (only != NULL && *only != '\0' && (id == NULL || (strcmp (only, id) != 0
                                                           && !g_str_has_suffix (only, id))))
        continue;
      zh = g_strdup_printf ("%s%s%s（第%u页）未能从 PDF 重建：%s；该表的数字未用于校验",
                            id != NULL ? "公开" : "", id != NULL ? id : "", id != NULL ? "表" : "",
                            p->page, p->reason);
      en = g_strdup_printf ("%s%s (page %u) could not be rebuilt from the PDF: %s; its numbers "
                            "were not checked", id != NULL ? "Table " : "", id != NULL ? id : "",
                            p->page, p->reason_en);
      if (id == NULL)
        {
          /* a table the catalogue does not know: name it by its title */
          g_autofree char *zh2 = g_strdup_printf ("“%s”%s", p->title, zh);
          g_autofree char *en2 = g_strdup_printf ("“%s”%s", p->title, en);
          g_free (zh), g_free (en);
          zh = g_steal_pointer (&zh2), en = g_steal_pointer (&en2);
        }
      else
        {
          g_free (zh);
          zh = g_strdup_printf ("公开%s表（%s，第%u页）未能从 PDF 重建：%s；该表的数字未用于校验",
                                id, p->title, p->page, p->reason);
          g_hash_table_add (dropped, (gpointer) id);
        }
      finding = fc_finding_new ("I.3", FC_SEVERITY_WARNING, id != NULL ? id : "", zh, en);
      fc_finding_set_printed (finding, p->page, p->title);
      fc_report_add_finding (report, finding);
    }
  /* a table left out is not missing from the package: the I.3 says why */
  for (guint i = report->findings->len; i > 0; i--)
    {
      const FcFinding *f = report->findings->pdata[i - 1];
      if (strcmp (f->rule_id, "S.1") == 0 && g_hash_table_contains (dropped, f->table))
        g_ptr_array_remove_index (report->findings, i - 1);
    }
  return g_steal_pointer (&report);
}

/* Reads, checks and writes the entry, in this process. */
static void
check_here (const FcEngine *engine, const char *path, const char *only, FcCliItem *item)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPdfPackage) package = NULL;
  g_autoptr (FcReport) report = NULL;
  g_autofree char *entry = NULL;

  package = fc_pdf_read_file (path, &error);
  if (package == NULL || (report = fc_cli_pdf_report (engine, package, only, &error)) == NULL)
    {
      item->error = g_strdup (error->message);
      return;
    }
  entry = fc_report_workbook_to_json (report, path, NULL, FALSE);
  if (!g_file_set_contents (item->output, entry, -1, &error))
    item->error = g_strdup_printf ("无法写出结果 / cannot write the result: %s", error->message);
}

void
fc_cli_pdf_check (const FcEngine *engine, const char *path, const char *only, guint timeout_s,
                  FcPdfPackage **read, FcCliItem *item)
{
  g_autofree char *error_path = g_strconcat (item->output, ".error", NULL);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  int status = 0;
  pid_t pid;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      item->error = g_strdup_printf ("“%s”是目录 / “%s” is a directory", path, path);
      return;
    }
  /* in a child: poppler lays a page out in time that grows faster than its
   * text (100,000 cells on one page take it minutes), and a crash in it
   * must cost one entry, not the run */
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid == 0)
    {
      check_here (engine, path, only, item);
      if (item->error != NULL)
        {
          g_file_set_contents (error_path, item->error, -1, NULL);
          _exit (EXIT_REFUSED);
        }
      _exit (0);
    }
  if (pid < 0)
    check_here (engine, path, only, item); /* no child: unbounded, as before */
  else
    for (;;)
      {
        pid_t r = waitpid (pid, &status, WNOHANG);

        if (r == pid || (r < 0 && errno != EINTR))
          break;
        if (g_get_monotonic_time () > deadline)
          {
            kill (pid, SIGKILL);
            waitpid (pid, &status, 0);
            item->error = g_strdup_printf (MSG_SLOW, timeout_s, timeout_s);
            return;
          }
        g_usleep (10000);
      }
  if (pid > 0)
    {
      if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_REFUSED)
        {
          if (!g_file_get_contents (error_path, &item->error, NULL, NULL))
            item->error = g_strdup (MSG_CRASHED);
        }
      else if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        item->error = g_strdup (MSG_CRASHED);
    }
  if (item->error == NULL && read != NULL)
    *read = fc_pdf_read_file (path, NULL); /* read in time once: its marked copy */
}

/* The entry at path (transfer full), or NULL. */
static JsonNode *
entry_load (const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_file (parser, path, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

void
fc_cli_pdf_take_marked (FcCliItem *item, const FcCliItem *marked, const char *why_not)
{
  g_autoptr (JsonNode) node = item->error == NULL ? entry_load (item->output) : NULL;
  g_autoptr (JsonNode) from = marked != NULL && marked->error == NULL ? entry_load (marked->output)
                                                                      : NULL;
  JsonObject *entry = node != NULL ? json_node_get_object (node) : NULL;
  JsonObject *source = from != NULL ? json_node_get_object (from) : NULL;
  const char *copy = source != NULL ? json_object_get_string_member_with_default (source, "marked", NULL)
                                    : NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (entry == NULL)
    return; /* the PDF itself was not checked: its error says why */
  if (copy != NULL)
    json_object_set_string_member (entry, "marked", copy);
  else
    {
      const char *reason = source != NULL
        ? json_object_get_string_member_with_default (source, "marked_error", NULL) : NULL;

      if (reason == NULL)
        reason = why_not != NULL ? why_not : marked != NULL && marked->error != NULL
                                                ? marked->error : MSG_NO_MARKED;
      json_object_set_string_member (entry, "marked_error", reason);
    }
  text = json_to_string (node, FALSE);
  if (!g_file_set_contents (item->output, text, -1, &error))
    g_printerr ("fiscalcheck: %s\n", error->message);
}
