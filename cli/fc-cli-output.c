/* fc-cli-output.c — merging entries into one report (see fc-cli-output.h). */
#include "fc-cli-output.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fc-finding.h"
#include "fc-report-writer.h"
#include "fc-report-jsonglib.h"

#define MSG_BAD_OUTPUT "检查结果无法解析 / the check's result could not be read"

/* One workbook: its entry as it will be written, and for text and CSV its
 * report (NULL when it failed). */
typedef struct {
  JsonNode *entry;   /* {"path": the user's path, …}, owned */
  FcReport *report;  /* owned, or NULL */
  char *error;       /* owned, or NULL */
  const char *marked; /* the marked copy (--marked-dir), in entry, or NULL */
  const char *narrative; /* the narrative document checked with it, or NULL */
  const char *narrative_error; /* why it was not checked after all, or NULL */
} Workbook;

static void
workbook_clear (Workbook *wb)
{
  g_clear_pointer (&wb->entry, json_node_unref);
  g_clear_pointer (&wb->report, fc_report_free);
  g_clear_pointer (&wb->error, g_free);
}

gboolean
fc_cli_format_parse (const char *name, FcCliFormat *format)
{
  static const char *const names[] = { "text", "json", "csv" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *format = (FcCliFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* A failed entry for path (transfer full). */
static JsonNode *
failed_entry (const char *path, const char *message)
{
  g_autofree char *json = fc_report_workbook_to_json (NULL, path, message, FALSE);

  return json_from_string (json, NULL);
}

/* Reads item's output into wb, with the user's path. */
static void
workbook_load (Workbook *wb, const FcCliItem *item, const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  if (item->error != NULL)
    wb->error = g_strdup (item->error);
  else if (!g_file_get_contents (item->output, &data, &length, NULL))
    wb->error = g_strdup (MSG_BAD_OUTPUT);
  else if ((wb->report = fc_report_from_json (data, (gssize) length, &error)) == NULL)
    wb->error = g_strdup (error->message); /* the filter's own "error", or why it is unreadable */
  else if ((wb->entry = json_from_string (data, NULL)) == NULL)
    wb->error = g_strdup (MSG_BAD_OUTPUT);

  if (wb->error != NULL)
    {
      g_clear_pointer (&wb->entry, json_node_unref);
      wb->entry = failed_entry (path, wb->error);
    }
  else
    {
      JsonObject *object = json_node_get_object (wb->entry);
      const char *marked_error = json_object_get_string_member_with_default (object, "marked_error",
                                                                           NULL);

      json_object_set_string_member (object, "path", path);
      if (item->narrative != NULL)
        json_object_set_string_member (object, "narrative", item->narrative);
      if (item->narrative_error != NULL)
        json_object_set_string_member (object, "narrative_error", item->narrative_error);
      wb->marked = json_object_get_string_member_with_default (object, "marked", NULL);
      wb->narrative = item->narrative;
      wb->narrative_error = item->narrative_error;
      if (marked_error != NULL)
        g_printerr ("fiscalcheck: %s: 未能写出标注副本 marked copy not written: %s\n", path,
                    marked_error);
      if (item->narrative_error != NULL)
        g_printerr ("fiscalcheck: %s: %s\n", path, item->narrative_error);
    }
}

static void
write_json (const Workbook *wbs, guint n, FILE *out)
{
  g_autoptr (JsonArray) array = json_array_sized_new (n);
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    json_array_add_element (array, json_node_ref (wbs[i].entry));
  json_object_set_array_member (root, "workbooks", json_array_ref (array));
  json_node_set_object (node, root);
  text = fc_report_json_to_data (node, TRUE);
  fprintf (out, "%s\n", text);
}

static void
write_text (const Workbook *wbs, const char *const *paths, guint n, FILE *out)
{
  guint counts[3] = { 0 }, failed = 0;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        fputc ('\n', out);
      if (wbs[i].report == NULL)
        {
          fprintf (out, "%s：无法检查 not checked\n    %s\n", paths[i], wbs[i].error);
          failed++;
          continue;
        }
      g_autofree char *text = fc_report_to_text (wbs[i].report, paths[i]);
      fputs (text, out);
      if (wbs[i].narrative_error != NULL)
        fprintf (out, "情况说明未检查 narrative not checked: %s: %s\n", wbs[i].narrative,
                 wbs[i].narrative_error);
      else if (wbs[i].narrative != NULL)
        fprintf (out, "情况说明 narrative: %s\n", wbs[i].narrative);
      if (wbs[i].marked != NULL)
        fprintf (out, "标注副本 marked copy: %s\n", wbs[i].marked);
      for (FcSeverity s = FC_SEVERITY_INFO; s <= FC_SEVERITY_ERROR; s++)
        counts[s] += fc_report_count (wbs[i].report, s);
    }
  if (n > 1)
    fprintf (out, "\n共 %u 个工作簿 %u workbooks：错误 error %u，警告 warning %u，提示 info %u，"
             "无法检查 not checked %u\n", n, n, counts[FC_SEVERITY_ERROR],
             counts[FC_SEVERITY_WARNING], counts[FC_SEVERITY_INFO], failed);
}

static void
write_csv (const Workbook *wbs, const char *const *paths, guint n, FILE *out)
{
  g_autofree const FcReport **reports = g_new0 (const FcReport *, n + 1);
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    reports[i] = wbs[i].report;
  text = fc_report_to_csv (reports, paths, n);
  fputs (text, out);
}

int
fc_cli_output_write (FcCliFormat format, GPtrArray *items, const char *const *paths, FILE *out)
{
  Workbook *wbs = g_new0 (Workbook, items->len + 1);
  int status = FC_CLI_EXIT_OK;

  for (guint i = 0; i < items->len; i++)
    {
      workbook_load (&wbs[i], items->pdata[i], paths[i]);
      if (wbs[i].report == NULL)
        {
          g_printerr ("fiscalcheck: %s: %s\n", paths[i], wbs[i].error);
          status = FC_CLI_EXIT_FAILED;
        }
      else if (json_object_has_member (json_node_get_object (wbs[i].entry), "marked_error")
               || wbs[i].narrative_error != NULL)
        status = FC_CLI_EXIT_FAILED; /* an output or input asked for is missing */
      else if (status == FC_CLI_EXIT_OK && fc_report_count (wbs[i].report, FC_SEVERITY_ERROR) > 0)
        status = FC_CLI_EXIT_FINDINGS;
    }
  switch (format)
    {
    case FC_CLI_FORMAT_JSON:
      write_json (wbs, items->len, out);
      break;
    case FC_CLI_FORMAT_CSV:
      write_csv (wbs, paths, items->len, out);
      break;
    case FC_CLI_FORMAT_TEXT:
    default:
      write_text (wbs, paths, items->len, out);
      break;
    }
  for (guint i = 0; i < items->len; i++)
    workbook_clear (&wbs[i]);
  g_free (wbs);
  /* a report that could not be written (disk full, closed pipe) is a failure */
  if (fflush (out) != 0 || ferror (out))
    {
      g_printerr ("fiscalcheck: 报告未能写出 the report could not be written: %s\n",
                  g_strerror (errno));
      return FC_CLI_EXIT_FAILED;
    }
  return status;
}
