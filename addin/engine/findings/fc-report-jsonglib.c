/* fc-report-jsonglib.c — FcReport and json-glib: a workbook entry read
 * back, and a json-glib tree written in the report's number form.  Kept out
 * of the engine library so that the add-in needs no json-glib. */
#include "fc-report-jsonglib.h"

#include <math.h>
#include <string.h>

#include "fc-error.h"
#include "fc-json-writer.h"

static const FcSeverity severities_desc[] = {
  FC_SEVERITY_ERROR, FC_SEVERITY_WARNING, FC_SEVERITY_INFO,
};

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
              fc_json_append_double (out, v);
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

/* The tree as text, numbers in their shortest exact form (transfer full). */
char *
fc_report_json_to_data (JsonNode *root, gboolean pretty)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  return tidy_numbers (json_generator_to_data (generator, NULL));
}

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

