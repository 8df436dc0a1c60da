/* fc-fods-writer.c — a flat ODS writer (see fc-fods-writer.h). */
#include "fc-fods-writer.h"

#include <math.h>
#include <string.h>

#include "fc-error.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">\n" \
  "<office:body><office:spreadsheet>\n"
#define TAIL "</office:spreadsheet></office:body></office:document>\n"

/* Appends one character escaped for XML text and attributes; a control
 * character XML 1.0 cannot hold becomes its control picture. */
static void
append_char (GString *out, gunichar c)
{
  switch (c)
    {
    case '&': g_string_append (out, "&amp;"); return;
    case '<': g_string_append (out, "&lt;"); return;
    case '>': g_string_append (out, "&gt;"); return;
    case '"': g_string_append (out, "&quot;"); return;
    case '\'': g_string_append (out, "&apos;"); return;
    default: break;
    }
  if (c < 0x20 || c == 0x7f)
    c = c == 0x7f ? 0x2421 : 0x2400 + c;
  else if (c == 0xfffe || c == 0xffff || (c >= 0xd800 && c <= 0xdfff))
    c = 0xfffd; /* not XML characters either */
  g_string_append_unichar (out, c);
}

/* text as valid UTF-8 (transfer full). */
static char *
valid (const char *text)
{
  return g_utf8_make_valid (text != NULL ? text : "", -1);
}

static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *v = valid (text);

  for (const char *p = v; *p != '\0'; p = g_utf8_next_char (p))
    append_char (out, g_utf8_get_char (p));
}

/* One line of a cell: runs of spaces as text:s (the reader and Calc
 * collapse plain ones), tabs as text:tab. */
static void
append_line (GString *out, const char *start, const char *end)
{
  g_string_append (out, "<text:p>");
  for (const char *p = start; p < end;)
    {
      if (*p == ' ')
        {
          guint n = 0;
          while (p < end && *p == ' ')
            p++, n++;
          g_string_append_printf (out, "<text:s text:c=\"%u\"/>", n);
          continue;
        }
      if (*p == '\t')
        {
          g_string_append (out, "<text:tab/>");
          p++;
          continue;
        }
      append_char (out, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  g_string_append (out, "</text:p>");
}

static void
append_paragraphs (GString *out, const char *text)
{
  g_autofree char *v = valid (text);
  const char *line = v;

  for (const char *p = v;; p++)
    if (*p == '\n' || *p == '\0')
      {
        append_line (out, line, p);
        if (*p == '\0')
          break;
        line = p + 1;
      }
}

static void
append_cell (GString *out, const FcCell *cell)
{
  g_autofree char *shown = NULL;

  if (cell->kind == FC_CELL_NUMBER && isfinite (cell->number))
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      shown = fc_cell_to_display (cell);
      g_ascii_formatd (value, sizeof value, "%.17g", cell->number);
      g_string_append_printf (out, "<table:table-cell office:value-type=\"float\" "
                              "office:value=\"%s\">", value);
      append_paragraphs (out, shown);
    }
  else
    {
      /* text, and what the reader could not represent, as the text shown */
      shown = cell->kind == FC_CELL_NUMBER ? fc_cell_to_display (cell) : g_strdup (cell->text);
      g_string_append (out, "<table:table-cell office:value-type=\"string\">");
      append_paragraphs (out, shown);
    }
  g_string_append (out, "</table:table-cell>");
}

static void
append_empty (GString *out, guint n)
{
  if (n == 1)
    g_string_append (out, "<table:table-cell/>");
  else if (n > 1)
    g_string_append_printf (out, "<table:table-cell table:number-columns-repeated=\"%u\"/>", n);
}

static void
append_sheet (GString *out, const FcSheet *sheet, const char *name)
{
  guint n_rows = fc_sheet_get_n_rows (sheet), n_cols = fc_sheet_get_n_cols (sheet);

  g_string_append (out, "<table:table table:name=\"");
  append_escaped (out, name);
  g_string_append (out, "\">\n");
  if (n_cols > 0)
    g_string_append_printf (out, "<table:table-column table:number-columns-repeated=\"%u\"/>\n",
                            n_cols);
  else
    g_string_append (out, "<table:table-column/>\n");
  for (guint r = 0; r < n_rows; r++)
    {
      guint empty = 0;

      g_string_append (out, "<table:table-row>");
      for (guint c = 0; c < n_cols; c++)
        {
          const FcCell *cell = fc_sheet_get_cell (sheet, r, c);

          if (cell->kind == FC_CELL_EMPTY
              || (cell->kind != FC_CELL_NUMBER && (cell->text == NULL || *cell->text == '\0')))
            {
              empty++;
              continue;
            }
          append_empty (out, empty);
          empty = 0;
          append_cell (out, cell);
        }
      if (n_cols == 0 || empty == n_cols)
        append_empty (out, 1); /* a row holds at least one cell */
      g_string_append (out, "</table:table-row>\n");
    }
  if (n_rows == 0)
    g_string_append (out, "<table:table-row><table:table-cell/></table:table-row>\n");
  g_string_append (out, "</table:table>\n");
}

char *
fc_fods_legal_sheet_name (const char *name)
{
  g_autofree char *v = valid (name);
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = v; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *from = "[]*?:/\\", *to[] = { "［", "］", "＊", "？", "：", "／", "＼" };
      const char *hit = c < 0x80 && c != 0 ? strchr (from, (int) c) : NULL;

      if (hit != NULL)
        g_string_append (out, to[hit - from]);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_c (out, ' '); /* a line break in a printed title */
      else
        g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  g_string_set_size (out, strlen (out->str));
  /* Calc refuses a name that starts or ends with an apostrophe */
  while (out->len > 0 && out->str[0] == '\'')
    g_string_erase (out, 0, 1);
  while (out->len > 0 && out->str[out->len - 1] == '\'')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_assign (out, "Sheet");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
fc_fods_write_data (const FcWorkbook *workbook, const char *const *names)
{
  GString *out = g_string_new (HEAD);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = fc_workbook_get_n_sheets (workbook);

  for (guint i = 0; i < n; i++)
    {
      const FcSheet *sheet = fc_workbook_get_sheet (workbook, i);
      g_autofree char *legal = fc_fods_legal_sheet_name (names != NULL ? names[i]
                                                                       : fc_sheet_get_name (sheet));
      g_autofree char *name = g_strdup (legal);

      /* Calc compares sheet names without regard to case */
      char *folded = g_utf8_casefold (name, -1);

      for (guint k = 2; g_hash_table_contains (used, folded); k++)
        {
          g_free (name);
          g_free (folded);
          name = g_strdup_printf ("%s (%u)", legal, k);
          folded = g_utf8_casefold (name, -1);
        }
      g_hash_table_add (used, folded);
      append_sheet (out, sheet, name);
    }
  if (n == 0)
    g_string_append (out, "<table:table table:name=\"Sheet\"><table:table-column/>"
                          "<table:table-row><table:table-cell/></table:table-row></table:table>\n");
  g_string_append (out, TAIL);
  return g_string_free (out, FALSE);
}

gboolean
fc_fods_write_file (const FcWorkbook *workbook, const char *const *names, const char *path,
                    GError **error)
{
  g_autofree char *data = fc_fods_write_data (workbook, names);
  g_autoptr (GError) local = NULL;

  if (!g_file_set_contents (path, data, -1, &local))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_IO, "%s: %s", path, local->message);
      return FALSE;
    }
  return TRUE;
}
