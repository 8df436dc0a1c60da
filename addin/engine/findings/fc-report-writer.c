/* fc-report-writer.c — text, JSON and CSV writers over FcReport. */
#include "fc-report-writer.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "fc-amount.h"
#include "fc-error.h"
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
add_number_or_null (JsonBuilder *builder, const char *name, gboolean present, double value)
{
  json_builder_set_member_name (builder, name);
  if (present && isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_member (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
build_tables (JsonBuilder *builder, const FcReport *report)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint i = 0; i < report->tables->len; i++)
    {
      const FcTableLocation *location = g_ptr_array_index (report->tables, i);
      g_autofree char *range = location_range (location);

      if (!g_hash_table_add (seen, location->table))
        continue; /* a table id is a key: the first location wins */
      json_builder_set_member_name (builder, location->table);
      json_builder_begin_object (builder);
      add_string_member (builder, "sheet", location->sheet);
      add_string_member (builder, "range", range);
      add_string_member (builder, "title", location->title);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
build_finding (JsonBuilder *builder, const FcFinding *finding)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "rule", finding->rule_id);
  add_string_member (builder, "severity", fc_severity_to_string (finding->severity));
  add_string_member (builder, "table", finding->table);
  add_string_member (builder, "message", finding->message);
  add_string_member (builder, "message_en", finding->message_en);

  json_builder_set_member_name (builder, "cells");
  json_builder_begin_array (builder);
  for (guint i = 0; i < finding->cells->len; i++)
    {
      const FcFindingCell *cell = g_ptr_array_index (finding->cells, i);
      json_builder_begin_object (builder);
      add_string_member (builder, "sheet", cell->sheet);
      add_string_member (builder, "cell", cell->address);
      add_string_member (builder, "row_label", cell->row_label);
      add_string_member (builder, "column_label", cell->column_label);
      add_number_or_null (builder, "value", TRUE, cell->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_number_or_null (builder, "expected", finding->has_amounts, finding->expected);
  add_number_or_null (builder, "actual", finding->has_amounts, finding->actual);
  add_number_or_null (builder, "difference", finding->has_amounts, finding->difference);
  /* narrative findings only, so table findings keep their shape */
  if (*finding->quote != '\0')
    {
      add_string_member (builder, "quote", finding->quote);
      if (finding->paragraph > 0)
        {
          json_builder_set_member_name (builder, "paragraph");
          json_builder_add_int_value (builder, finding->paragraph);
        }
    }
  if (*finding->document != '\0')
    add_string_member (builder, "document", finding->document);
  /* a package read from a PDF: where it is printed */
  if (finding->page > 0)
    {
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, finding->page);
      add_string_member (builder, "printed", finding->printed);
    }
  json_builder_end_object (builder);
}

static void
build_workbook (JsonBuilder *builder, const FcReport *report, const char *path,
                const char *error)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "path", path);
  if (report == NULL)
    {
      add_string_member (builder, "error", error != NULL ? error : "could not be read");
      json_builder_end_object (builder);
      return;
    }

  build_tables (builder, report);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->findings->len; i++)
    build_finding (builder, g_ptr_array_index (report->findings, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  for (gsize i = 0; i < G_N_ELEMENTS (severities_desc); i++)
    {
      json_builder_set_member_name (builder, fc_severity_to_string (severities_desc[i]));
      json_builder_add_int_value (builder, fc_report_count (report, severities_desc[i]));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* The shortest text that reads back as exactly v: json-glib writes every
 * double with 17 digits (452.86 as 452.86000000000001). */
static void
append_shortest_number (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (out, buf);
}

/* Rewrites the numbers of generated JSON (outside strings) in their
 * shortest exact form, and escapes the control characters json-glib leaves
 * in strings (transfer full; json is consumed). */
static char *
tidy_numbers (char *json)
{
  GString *out = g_string_sized_new (strlen (json));
  gboolean in_string = FALSE;
  for (const char *p = json; *p;)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (out, *p++);
          else if (*p == '"')
            in_string = FALSE;
          else if ((guchar) *p < 0x20)
            {
              /* json-glib 1.6 leaves U+001F raw, which JSON forbids */
              g_string_append_printf (out, "\\u%04x", (guchar) *p++);
              continue;
            }
          g_string_append_c (out, *p++);
          continue;
        }
      if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p++);
          continue;
        }
      /* json-glib writes non-finite numbers as nan.0, inf.0: not JSON */
      const char *word = g_str_has_prefix (p, "nan") ? "nan" : g_str_has_prefix (p, "-inf") ? "-inf"
                         : g_str_has_prefix (p, "inf") ? "inf" : NULL;
      if (word != NULL)
        {
          g_string_append (out, "null");
          for (p += strlen (word); *p == '.' || g_ascii_isdigit (*p); p++)
            ;
          continue;
        }
      if (*p == '-' || g_ascii_isdigit (*p))
        {
          char *end = NULL;
          double v = g_ascii_strtod (p, &end);
          if (end != NULL && end > p && isfinite (v))
            {
              append_shortest_number (out, v);
              p = end;
              /* and appends ".0" to an exponent: "1e-300.0" */
              if (*p == '.')
                for (p++; g_ascii_isdigit (*p); p++)
                  ;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  g_free (json);
  return g_string_free (out, FALSE);
}

/* The builder's document as text, numbers in their shortest exact form
 * (transfer full). */
char *
fc_report_json_to_data (JsonNode *root, gboolean pretty)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  return tidy_numbers (json_generator_to_data (generator, NULL));
}

static char *
builder_to_data (JsonBuilder *builder, gboolean pretty)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  return fc_report_json_to_data (root, pretty);
}

/* Returns the JSON document (transfer full). */
char *
fc_report_to_json_full (const FcReport *const *reports, const char *const *paths,
                        const char *const *errors, guint n, gboolean pretty)
{
  g_return_val_if_fail (n == 0 || reports != NULL, NULL);

  g_autoptr (JsonBuilder) builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "workbooks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    build_workbook (builder, reports[i], paths != NULL ? paths[i] : NULL,
                    errors != NULL ? errors[i] : NULL);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return builder_to_data (builder, pretty);
}

/* Returns one workbook entry (transfer full). */
char *
fc_report_workbook_to_json (const FcReport *report, const char *path,
                            const char *error, gboolean pretty)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  build_workbook (builder, report, path, error);
  return builder_to_data (builder, pretty);
}

/* ---- JSON back to a report -------------------------------------------- */

/* "C12" → 0-based row 11, col 2; FALSE unless the whole text is an address. */
static gboolean
parse_address (const char *text, guint *row, guint *col)
{
  guint64 c = 0, r = 0;
  const char *p = text;

  for (; *p >= 'A' && *p <= 'Z' && c <= G_MAXUINT / 26; p++)
    c = c * 26 + (guint64) (*p - 'A' + 1);
  if (p == text || c == 0 || *p < '1' || *p > '9')
    return FALSE;
  for (; *p >= '0' && *p <= '9' && r <= G_MAXUINT / 10; p++)
    r = r * 10 + (guint64) (*p - '0');
  if (*p != '\0' || r == 0 || r > G_MAXUINT || c > G_MAXUINT)
    return FALSE;
  *row = (guint) (r - 1);
  *col = (guint) (c - 1);
  return TRUE;
}

/* A string member, or NULL when absent or not a string (transfer none). */
static const char *
get_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A number member; null or absent gives FALSE (JSON has no NaN). */
static gboolean
get_number (JsonObject *object, const char *name, double *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  *value = json_node_get_double (node);
  return TRUE;
}

static gboolean
severity_from_string (const char *text, FcSeverity *severity)
{
  for (gsize i = 0; i < G_N_ELEMENTS (severities_desc); i++)
    if (g_strcmp0 (text, fc_severity_to_string (severities_desc[i])) == 0)
      {
        *severity = severities_desc[i];
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_tables (FcReport *report, JsonObject *tables, GError **error)
{
  g_autoptr (GList) ids = json_object_get_members (tables);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (tables, l->data);
      JsonObject *table = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *range = table != NULL ? get_string (table, "range") : NULL;
      g_auto (GStrv) ends = range != NULL ? g_strsplit (range, ":", 3) : NULL;
      guint r0, c0, r1, c1;

      if (ends == NULL || g_strv_length (ends) != 2 || !parse_address (ends[0], &r0, &c0)
          || !parse_address (ends[1], &r1, &c1))
        {
          g_set_error (error, FC_ERROR, FC_ERROR_READ, "table %s has no valid range",
                       (const char *) l->data);
          return FALSE;
        }
      fc_report_add_table (report, l->data, get_string (table, "title"),
                           get_string (table, "sheet"), r0, r1, c0, c1);
    }
  return TRUE;
}

/* A finding from its JSON object (transfer full), or NULL. */
static FcFinding *
read_finding (JsonObject *object, GError **error)
{
  FcSeverity severity;
  const char *rule = get_string (object, "rule");
  JsonArray *cells;
  g_autoptr (FcFinding) finding = NULL;

  if (rule == NULL || !severity_from_string (get_string (object, "severity"), &severity)
      || !json_object_has_member (object, "cells")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "cells")))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_READ, "finding %s lacks rule, severity or cells",
                   rule != NULL ? rule : "?");
      return NULL;
    }
  finding = fc_finding_new (rule, severity, get_string (object, "table"),
                            get_string (object, "message"), get_string (object, "message_en"));
  cells = json_object_get_array_member (object, "cells");
  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonNode *node = json_array_get_element (cells, i);
      JsonObject *cell = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *address = cell != NULL ? get_string (cell, "cell") : NULL;
      guint row, col;
      double value = NAN;

      if (address == NULL || !parse_address (address, &row, &col))
        {
          g_set_error (error, FC_ERROR, FC_ERROR_READ, "finding %s has a cell without address",
                       rule);
          return NULL;
        }
      get_number (cell, "value", &value);
      fc_finding_add_cell (finding, get_string (cell, "sheet"), row, col,
                           get_string (cell, "row_label"), get_string (cell, "column_label"),
                           value);
    }
  finding->has_amounts = get_number (object, "expected", &finding->expected)
                         && get_number (object, "actual", &finding->actual);
  if (finding->has_amounts && !get_number (object, "difference", &finding->difference))
    finding->difference = finding->actual - finding->expected;
  if (get_string (object, "quote") != NULL || get_string (object, "document") != NULL)
    {
      double paragraph = 0;
      get_number (object, "paragraph", &paragraph);
      const char *quote = get_string (object, "quote");
      fc_finding_set_quote (finding, quote != NULL ? quote : "",
                            paragraph >= 1 && paragraph < G_MAXUINT ? (guint) paragraph : 0,
                            get_string (object, "document"));
    }
  {
    double page = 0;
    if (get_number (object, "page", &page) && page >= 1 && page < G_MAXUINT)
      fc_finding_set_printed (finding, (guint) page, get_string (object, "printed"));
  }
  return g_steal_pointer (&finding);
}

/* Returns the report of one workbook entry (transfer full), or NULL. */
FcReport *
fc_report_from_json (const char *json, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (FcReport) report = NULL;
  g_autoptr (GError) parse_error = NULL;
  JsonObject *entry;
  const char *failure;
  JsonNode *node;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &parse_error)
      || json_parser_get_root (parser) == NULL /* empty input */
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_READ, "not a workbook entry: %s",
                   parse_error != NULL ? parse_error->message : "not a JSON object");
      return NULL;
    }
  entry = json_node_get_object (json_parser_get_root (parser));
  failure = get_string (entry, "error");
  if (failure != NULL)
    {
      g_set_error_literal (error, FC_ERROR, FC_ERROR_READ, failure);
      return NULL;
    }

  report = fc_report_new ();
  node = json_object_get_member (entry, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || !read_tables (report, json_node_get_object (node), error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, FC_ERROR, FC_ERROR_READ, "workbook entry has no tables");
      return NULL;
    }
  node = json_object_get_member (entry, "findings");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_READ, "workbook entry has no findings");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      FcFinding *finding;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, FC_ERROR, FC_ERROR_READ, "finding %u is not an object", i);
          return NULL;
        }
      finding = read_finding (json_node_get_object (element), error);
      if (finding == NULL)
        return NULL;
      fc_report_add_finding (report, finding);
    }
  return g_steal_pointer (&report);
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
  append_csv_field (out, difference, TRUE);
}

/* Returns the CSV text (transfer full). */
char *
fc_report_to_csv (const FcReport *const *reports, const char *const *paths, guint n)
{
  g_return_val_if_fail (n == 0 || reports != NULL, NULL);

  GString *out = g_string_new ("path,rule,severity,table,message,cells,expected,actual,difference\r\n");
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
