/* fc-finding.c — findings, the cells they involve, and per-workbook reports. */
#include "fc-finding.h"

#include <string.h>

#include "fc-workbook.h" /* fc_cell_address */

const char *
fc_severity_format (FcSeverity severity, FcSeverityStyle style)
{
  /* by style, then info, warning, error */
  static const char *const names[][3] = {
    [FC_SEVERITY_ID] = { "info", "warning", "error" },
    [FC_SEVERITY_CHINESE] = { "提示", "警告", "错误" },
    [FC_SEVERITY_BILINGUAL] = { "提示 info", "警告 warning", "错误 error" },
  };

  if ((guint) style > FC_SEVERITY_BILINGUAL)
    style = FC_SEVERITY_ID;
  if ((guint) severity > FC_SEVERITY_ERROR)
    severity = FC_SEVERITY_INFO;
  return names[style][severity];
}

const char *
fc_severity_to_string (FcSeverity severity)
{
  return fc_severity_format (severity, FC_SEVERITY_ID);
}

/* text up to cut, then "…" (transfer full). */
static char *
concat_cut (const char *text, const char *cut)
{
  gsize head = (gsize) (cut - text);
  char *out = g_malloc (head + sizeof "…");
  memcpy (out, text, head);
  memcpy (out + head, "…", sizeof "…");
  return out;
}

/* A copy of text cut to at most max characters, "…" marking the cut, with
 * control characters but line breaks made spaces: a finding quotes cells,
 * a cell may hold 100,000 characters, which Calc takes minutes to lay out
 * in a comment, and a comment turns \x01 into a tab behind our back, so
 * Clear would no longer know it as ours (transfer full). */
static char *
shorten (const char *text, glong max)
{
  if (text == NULL)
    return g_strdup ("");
  max = MAX (max, 1); /* room for "…" at least */
  /* one pass: count characters by their first bytes, note where the
   * (max − 1)th ends, stop past max */
  const char *cut = NULL, *p;
  glong n = 0;
  for (p = text; *p; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      {
        if (n == max - 1)
          cut = p;
        if (++n > max)
          break;
      }
  char *out = *p == '\0' ? g_strdup (text) : concat_cut (text, cut);
  for (char *q = out; *q; q++)
    if (((guchar) *q < 0x20 && *q != '\n') || *q == 0x7f)
      *q = ' ';
  return out;
}

static void
fc_finding_cell_free (FcFindingCell *cell)
{
  if (cell == NULL)
    return;
  g_free (cell->sheet);
  g_free (cell->address);
  g_free (cell->row_label);
  g_free (cell->column_label);
  g_free (cell);
}

/* Returns a new finding with an empty cell list (transfer full).  NULL
 * strings are stored as "" so readers never have to check; messages are
 * cut to FC_FINDING_MAX_MESSAGE characters. */
FcFinding *
fc_finding_new (const char *rule_id, FcSeverity severity, const char *table,
                const char *message, const char *message_en)
{
  FcFinding *finding = g_new0 (FcFinding, 1);
  finding->rule_id = g_strdup (rule_id != NULL ? rule_id : "");
  finding->severity = severity;
  finding->table = g_strdup (table != NULL ? table : "");
  finding->message = shorten (message, FC_FINDING_MAX_MESSAGE);
  finding->message_en = shorten (message_en, FC_FINDING_MAX_MESSAGE);
  finding->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_finding_cell_free);
  finding->quote = g_strdup ("");
  finding->document = g_strdup ("");
  return finding;
}

void
fc_finding_free (FcFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule_id);
  g_free (finding->table);
  g_free (finding->message);
  g_free (finding->message_en);
  g_ptr_array_unref (finding->cells);
  g_free (finding->quote);
  g_free (finding->document);
  g_free (finding);
}

void
fc_finding_set_quote (FcFinding *finding, const char *quote, guint paragraph,
                      const char *document)
{
  g_return_if_fail (finding != NULL);
  g_free (finding->quote);
  g_free (finding->document);
  finding->quote = shorten (quote, FC_FINDING_MAX_MESSAGE);
  finding->paragraph = paragraph;
  finding->document = g_strdup (document != NULL ? document : "");
}

/* Appends a copy of the given cell description; the address is computed,
 * labels are cut to FC_FINDING_MAX_LABEL characters. */
void
fc_finding_add_cell (FcFinding *finding, const char *sheet, guint row,
                     guint col, const char *row_label,
                     const char *column_label, double value)
{
  g_return_if_fail (finding != NULL);

  FcFindingCell *cell = g_new0 (FcFindingCell, 1);
  cell->sheet = g_strdup (sheet != NULL ? sheet : "");
  cell->row = row;
  cell->col = col;
  cell->address = fc_cell_address (row, col);
  cell->row_label = shorten (row_label, FC_FINDING_MAX_LABEL);
  cell->column_label = shorten (column_label, FC_FINDING_MAX_LABEL);
  cell->value = value;
  g_ptr_array_add (finding->cells, cell);
}

static void
fc_table_location_free (FcTableLocation *location)
{
  if (location == NULL)
    return;
  g_free (location->table);
  g_free (location->title);
  g_free (location->sheet);
  g_free (location);
}

/* Returns a new empty report (transfer full). */
FcReport *
fc_report_new (void)
{
  FcReport *report = g_new0 (FcReport, 1);
  report->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_finding_free);
  report->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_table_location_free);
  return report;
}

void
fc_report_free (FcReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->findings);
  g_ptr_array_unref (report->tables);
  g_free (report);
}

/* Takes ownership of finding. */
void
fc_report_add_finding (FcReport *report, FcFinding *finding)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (finding != NULL);
  g_ptr_array_add (report->findings, finding);
}

void
fc_report_add_table (FcReport *report, const char *table, const char *title,
                     const char *sheet, guint first_row, guint last_row,
                     guint first_col, guint last_col)
{
  g_return_if_fail (report != NULL);

  FcTableLocation *location = g_new0 (FcTableLocation, 1);
  location->table = g_strdup (table != NULL ? table : "");
  location->title = g_strdup (title != NULL ? title : "");
  location->sheet = g_strdup (sheet != NULL ? sheet : "");
  location->first_row = first_row;
  location->last_row = last_row;
  location->first_col = first_col;
  location->last_col = last_col;
  g_ptr_array_add (report->tables, location);
}

guint
fc_report_count (const FcReport *report, FcSeverity severity)
{
  g_return_val_if_fail (report != NULL, 0);

  guint count = 0;
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *finding = g_ptr_array_index (report->findings, i);
      if (finding->severity == severity)
        count++;
    }
  return count;
}
