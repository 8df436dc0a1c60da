/* fc-report-writer.c — text, JSON and CSV writers over FcReport. */
#include "fc-report-writer.h"

#include <string.h>

#include "fc-amount.h"
#include "fc-json-writer.h"
#include "fc-workbook.h" /* fc_cell_address */

static const FcSeverity severities_desc[] = {
  FC_SEVERITY_ERROR, FC_SEVERITY_WARNING, FC_SEVERITY_INFO,
};

/* "A1:H40" for a table location (transfer full). */
static char *
location_range (const FcTableLocation *location)
{
  g_autofree char *first = fc_cell_address (location->first_row, location->first_col);
  g_autofree char *last = fc_cell_address (location->last_row, location->last_col);
  return g_strconcat (first, ":", last, NULL);
}

/* ---- text ------------------------------------------------------------- */

static void
append_text_cell (GString *out, const FcFindingCell *cell, gboolean with_value)
{
  g_autofree char *value = fc_amount_format (cell->value);
  gboolean has_row = cell->row_label != NULL && *cell->row_label != '\0';
  gboolean has_col = cell->column_label != NULL && *cell->column_label != '\0';

  g_string_append_printf (out, "    单元格 cell: %s!%s", cell->sheet, cell->address);
  if (has_row || has_col)
    g_string_append_printf (out, "（%s%s%s）", has_row ? cell->row_label : "",
                            has_row && has_col ? " / " : "", has_col ? cell->column_label : "");
  if (with_value)
    g_string_append_printf (out, " = %s", value);
  g_string_append_c (out, '\n');
}

static void
append_text_amounts (GString *out, const FcFinding *finding, const char *indent)
{
  g_autofree char *expected = fc_amount_format (finding->expected);
  g_autofree char *actual = fc_amount_format (finding->actual);
  g_autofree char *difference = fc_amount_format (finding->difference);
  g_string_append_printf (out, "%s应为 expected %s，实为 actual %s，差额 difference %s\n",
                          indent, expected, actual, difference);
}

/* The words of the narrative a finding is about, and where they are. */
static void
append_text_quote (GString *out, const FcFinding *finding)
{
  if (*finding->quote == '\0')
    return;
  g_string_append (out, "    原文 quote");
  if (finding->paragraph > 0 || *finding->document != '\0')
    {
      g_string_append (out, "（");
      if (*finding->document != '\0')
        g_string_append_printf (out, "%s%s", finding->document, finding->paragraph > 0 ? " " : "");
      if (finding->paragraph > 0)
        g_string_append_printf (out, "第%u段 paragraph %u", finding->paragraph, finding->paragraph);
      g_string_append (out, "）");
    }
  g_string_append_printf (out, "：“%s”\n", finding->quote);
}

/* Where a finding of a PDF is printed: "第16页 page 16：工资福利支出 2,082.85". */
static void
append_text_printed (GString *out, const FcFinding *finding)
{
  if (finding->page == 0)
    return;
  g_string_append_printf (out, "    第%u页 page %u", finding->page, finding->page);
  if (*finding->printed != '\0')
    g_string_append_printf (out, "：%s", finding->printed);
  g_string_append_c (out, '\n');
}

/* Errors and warnings in full: every cell with its labels.  Rounding notes
 * (info) in two lines: a reviewer reads them last and rarely. */
static void
append_text_finding (GString *out, guint number, const FcFinding *finding)
{
  g_string_append_printf (out, "\n[%u] %s %s  %s", number, fc_severity_format (finding->severity, FC_SEVERITY_CHINESE),
                          fc_severity_to_string (finding->severity), finding->rule_id);
  if (finding->table != NULL && *finding->table != '\0')
    g_string_append_printf (out, "  表 table %s", finding->table);
  if (finding->severity == FC_SEVERITY_INFO)
    {
      const FcFindingCell *first = finding->cells->len > 0 ? g_ptr_array_index (finding->cells, 0) : NULL;
      if (first != NULL)
        g_string_append_printf (out, "  %s!%s", first->sheet, first->address);
      g_string_append_printf (out, "\n    %s", finding->message);
      if (finding->has_amounts)
        {
          g_autofree char *difference = fc_amount_format (finding->difference);
          g_string_append_printf (out, "（差额 difference %s）", difference);
        }
      g_string_append_c (out, '\n');
      append_text_quote (out, finding);
      append_text_printed (out, finding);
      return;
    }
  g_string_append_printf (out, "\n    %s\n", finding->message);
  if (finding->message_en != NULL && strcmp (finding->message_en, finding->message) != 0)
    g_string_append_printf (out, "    %s\n", finding->message_en);
  append_text_quote (out, finding);
  append_text_printed (out, finding);

  for (guint i = 0; i < finding->cells->len; i++)
    append_text_cell (out, g_ptr_array_index (finding->cells, i), finding->has_amounts);

  if (finding->has_amounts)
    append_text_amounts (out, finding, "    ");
}

/* Returns the summary, errors first, then warnings, then rounding notes
 * (transfer full). */
char *
fc_report_to_text (const FcReport *report, const char *path)
{
  g_return_val_if_fail (report != NULL, NULL);

  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%s：错误 error %u，警告 warning %u，提示 info %u\n",
                          path != NULL ? path : "（未命名 unnamed）",
                          fc_report_count (report, FC_SEVERITY_ERROR),
                          fc_report_count (report, FC_SEVERITY_WARNING),
                          fc_report_count (report, FC_SEVERITY_INFO));
  if (report->findings->len == 0)
    g_string_append (out, "未发现问题。No findings.\n");
  guint number = 0;
  for (guint s = 0; s < G_N_ELEMENTS (severities_desc); s++)
    for (guint i = 0; i < report->findings->len; i++)
      {
        const FcFinding *finding = g_ptr_array_index (report->findings, i);
        if (finding->severity == severities_desc[s])
          append_text_finding (out, ++number, finding);
      }
  return g_string_free (out, FALSE);
}

/* ---- JSON ------------------------------------------------------------- */

/* JSON has no NaN or infinity: those become null. */
static void
add_number_or_null (FcJsonWriter *writer, const char *name, gboolean present, double value)
{
  fc_json_writer_member (writer, name);
  if (present)
    fc_json_writer_double (writer, value);
  else
    fc_json_writer_null (writer);
}

static void
add_string_member (FcJsonWriter *writer, const char *name, const char *value)
{
  fc_json_writer_member (writer, name);
  fc_json_writer_string (writer, value);
}

static void
build_tables (FcJsonWriter *writer, const FcReport *report)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  fc_json_writer_member (writer, "tables");
  fc_json_writer_begin_object (writer);
  for (guint i = 0; i < report->tables->len; i++)
    {
      const FcTableLocation *location = g_ptr_array_index (report->tables, i);
      g_autofree char *range = location_range (location);

      if (!g_hash_table_add (seen, location->table))
        continue; /* a table id is a key: the first location wins */
      fc_json_writer_member (writer, location->table);
      fc_json_writer_begin_object (writer);
      add_string_member (writer, "sheet", location->sheet);
      add_string_member (writer, "range", range);
      add_string_member (writer, "title", location->title);
      fc_json_writer_end_object (writer);
    }
  fc_json_writer_end_object (writer);
}

static void
build_finding (FcJsonWriter *writer, const FcFinding *finding)
{
  fc_json_writer_begin_object (writer);
  add_string_member (writer, "rule", finding->rule_id);
  add_string_member (writer, "severity", fc_severity_to_string (finding->severity));
  add_string_member (writer, "table", finding->table);
  add_string_member (writer, "message", finding->message);
  add_string_member (writer, "message_en", finding->message_en);

  fc_json_writer_member (writer, "cells");
  fc_json_writer_begin_array (writer);
  for (guint i = 0; i < finding->cells->len; i++)
    {
      const FcFindingCell *cell = g_ptr_array_index (finding->cells, i);
      fc_json_writer_begin_object (writer);
      add_string_member (writer, "sheet", cell->sheet);
      add_string_member (writer, "cell", cell->address);
      add_string_member (writer, "row_label", cell->row_label);
      add_string_member (writer, "column_label", cell->column_label);
      add_number_or_null (writer, "value", TRUE, cell->value);
      fc_json_writer_end_object (writer);
    }
  fc_json_writer_end_array (writer);

  add_number_or_null (writer, "expected", finding->has_amounts, finding->expected);
  add_number_or_null (writer, "actual", finding->has_amounts, finding->actual);
  add_number_or_null (writer, "difference", finding->has_amounts, finding->difference);
  /* narrative findings only, so table findings keep their shape */
  if (*finding->quote != '\0')
    {
      add_string_member (writer, "quote", finding->quote);
      if (finding->paragraph > 0)
        {
          fc_json_writer_member (writer, "paragraph");
          fc_json_writer_int (writer, finding->paragraph);
        }
    }
  if (*finding->document != '\0')
    add_string_member (writer, "document", finding->document);
  /* a package read from a PDF: where it is printed */
  if (finding->page > 0)
    {
      fc_json_writer_member (writer, "page");
      fc_json_writer_int (writer, finding->page);
      add_string_member (writer, "printed", finding->printed);
    }
  fc_json_writer_end_object (writer);
}

/* One workbook entry; name, when not NULL, is one more string member at
 * its end. */
static void
build_workbook (FcJsonWriter *writer, const FcReport *report, const char *path,
                const char *error, const char *name, const char *value)
{
  fc_json_writer_begin_object (writer);
  add_string_member (writer, "path", path);
  if (report == NULL)
    add_string_member (writer, "error", error != NULL ? error : "could not be read");
  else
    {
      build_tables (writer, report);

      fc_json_writer_member (writer, "findings");
      fc_json_writer_begin_array (writer);
      for (guint i = 0; i < report->findings->len; i++)
        build_finding (writer, g_ptr_array_index (report->findings, i));
      fc_json_writer_end_array (writer);

      fc_json_writer_member (writer, "summary");
      fc_json_writer_begin_object (writer);
      for (gsize i = 0; i < G_N_ELEMENTS (severities_desc); i++)
        {
          fc_json_writer_member (writer, fc_severity_to_string (severities_desc[i]));
          fc_json_writer_int (writer, fc_report_count (report, severities_desc[i]));
        }
      fc_json_writer_end_object (writer);
    }
  if (name != NULL)
    add_string_member (writer, name, value);
  fc_json_writer_end_object (writer);
}

/* Returns the JSON document (transfer full). */
char *
fc_report_to_json_full (const FcReport *const *reports, const char *const *paths,
                        const char *const *errors, guint n, gboolean pretty)
{
  g_return_val_if_fail (n == 0 || reports != NULL, NULL);

  FcJsonWriter *writer = fc_json_writer_new (pretty);
  fc_json_writer_begin_object (writer);
  fc_json_writer_member (writer, "workbooks");
  fc_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    build_workbook (writer, reports[i], paths != NULL ? paths[i] : NULL,
                    errors != NULL ? errors[i] : NULL, NULL, NULL);
  fc_json_writer_end_array (writer);
  fc_json_writer_end_object (writer);
  return fc_json_writer_finish (writer);
}

/* Returns one workbook entry (transfer full). */
char *
fc_report_workbook_to_json (const FcReport *report, const char *path,
                            const char *error, gboolean pretty)
{
  return fc_report_workbook_to_json_with (report, path, error, NULL, NULL, pretty);
}

/* Returns one workbook entry with one more member (transfer full). */
char *
fc_report_workbook_to_json_with (const FcReport *report, const char *path,
                                 const char *error, const char *name,
                                 const char *value, gboolean pretty)
{
  FcJsonWriter *writer = fc_json_writer_new (pretty);
  build_workbook (writer, report, path, error, name, value);
  return fc_json_writer_finish (writer);
}

/* Returns the JSON document (transfer full). */
char *
fc_report_to_json (const FcReport *const *reports, const char *const *paths,
                   guint n, gboolean pretty)
{
  return fc_report_to_json_full (reports, paths, NULL, n, pretty);
}

/* ---- CSV -------------------------------------------------------------- */

/* RFC 4180: quote a field holding a comma, quote, CR or LF; double quotes. */
static void
append_csv_field (GString *out, const char *field, gboolean last)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_csv_finding (GString *out, const char *path, const FcFinding *finding)
{
  g_autoptr (GString) cells = g_string_new (NULL);
  for (guint i = 0; i < finding->cells->len; i++)
    {
      const FcFindingCell *cell = g_ptr_array_index (finding->cells, i);
      g_string_append_printf (cells, "%s%s!%s", i > 0 ? "; " : "", cell->sheet, cell->address);
    }

  g_autofree char *expected = finding->has_amounts ? fc_amount_format (finding->expected) : NULL;
  g_autofree char *actual = finding->has_amounts ? fc_amount_format (finding->actual) : NULL;
  g_autofree char *difference = finding->has_amounts ? fc_amount_format (finding->difference) : NULL;

  append_csv_field (out, path, FALSE);
  append_csv_field (out, finding->rule_id, FALSE);
  append_csv_field (out, fc_severity_to_string (finding->severity), FALSE);
  append_csv_field (out, finding->table, FALSE);
  append_csv_field (out, finding->message, FALSE);
  append_csv_field (out, cells->str, FALSE);
  append_csv_field (out, expected, FALSE);
  append_csv_field (out, actual, FALSE);
  append_csv_field (out, difference, FALSE);
  /* a PDF's findings: where the reviewer finds the number on paper */
  {
    g_autofree char *page = finding->page > 0 ? g_strdup_printf ("%u", finding->page) : NULL;

    append_csv_field (out, page, FALSE);
    append_csv_field (out, finding->page > 0 ? finding->printed : NULL, TRUE);
  }
}

/* Returns the CSV text (transfer full). */
char *
fc_report_to_csv (const FcReport *const *reports, const char *const *paths, guint n)
{
  g_return_val_if_fail (n == 0 || reports != NULL, NULL);

  GString *out = g_string_new ("path,rule,severity,table,message,cells,expected,actual,difference,"
                               "page,printed\r\n");
  for (guint i = 0; i < n; i++)
    {
      if (reports[i] == NULL)
        continue;
      for (guint j = 0; j < reports[i]->findings->len; j++)
        append_csv_finding (out, paths != NULL ? paths[i] : NULL,
                            g_ptr_array_index (reports[i]->findings, j));
    }
  return g_string_free (out, FALSE);
}
