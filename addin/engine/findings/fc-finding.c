/* fc-finding.c — findings and the cells they involve. */
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
  finding->printed = g_strdup ("");
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
  g_free (finding->printed);
  g_free (finding);
}

void
fc_finding_set_printed (FcFinding *finding, guint page, const char *printed)
{
  g_free (finding->printed);
  finding->printed = shorten (printed != NULL ? printed : "", FC_FINDING_MAX_MESSAGE);
  finding->page = page;
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
