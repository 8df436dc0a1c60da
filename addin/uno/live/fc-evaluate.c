/* fc-evaluate.c — the values of the add-in functions (see fc-evaluate.h). */
#include "fc-evaluate.h"

#include <string.h>

#include "fc-doc-check.h"
#include "fc-engine.h"
#include "fc-findings-table.h"

/* Reads and checks document: the report, or NULL with *text (transfer
 * full) saying why there is none. */
static FcReport *
check_document (uno_Interface *document, const char *scope, char **text)
{
  g_autoptr (GError) error = NULL;
  const FcDocCheckOptions options = { .only = scope, .use_user_rules = TRUE,
                                       .find_narrative = FC_DOC_NARRATIVE_CACHED };
  FcReport *report = fc_doc_check (document, &options, &error);

  if (report == NULL)
    {
      if (g_error_matches (error, FC_ERROR, FC_ERROR_NO_TABLES)
          || error->domain == FC_DOC_CHECK_ERROR)
        *text = g_strdup (error->message);
      else
        *text = g_strdup_printf ("FiscalCheck: %s", error->message);
    }
  return report;
}

/* Whether scope asks which narrative was checked (情况说明 / narrative):
 * no table or rule, so no engine scope. */
static gboolean
is_narrative_scope (const char *scope)
{
  return scope != NULL && (strcmp (scope, FC_EVAL_NARRATIVE_SCOPE) == 0
                           || g_ascii_strcasecmp (scope, "narrative") == 0);
}

/* What FISCALCHECK("情况说明") shows: which narrative was checked and its
 * errors, or plainly that none was (transfer full). */
static char *
narrative_text (const FcReport *report)
{
  g_autofree char *line = fc_report_narrative_line (report, FALSE);
  guint errors = 0;

  if (line == NULL)
    return g_strdup ("未核对情况说明");
  if (report->narrative != FC_REPORT_NARRATIVE_SHEET
      && report->narrative != FC_REPORT_NARRATIVE_DOCUMENT)
    return g_steal_pointer (&line);
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = report->findings->pdata[i];

      errors += f->severity == FC_SEVERITY_ERROR && g_str_has_prefix (f->rule_id, "N.");
    }
  return g_strdup_printf ("%s（错误 %u 处）", line, errors);
}

/* The value of kind for report (or text when there is none). */
static void
value_of (const FcReport *report, const char *text, FcEvalKind kind, FcEvalValue *value)
{
  memset (value, 0, sizeof *value);
  switch (kind)
    {
    case FC_EVAL_FINDINGS:
      value->table = report != NULL ? fc_findings_table_new (report)
                                    : fc_findings_table_new_text (text);
      break;
    case FC_EVAL_COUNT:
    default:
      if (report != NULL)
        value->number = fc_report_count (report, FC_SEVERITY_ERROR);
      else
        value->text = g_strdup (text);
      break;
    }
}

void
fc_evaluate (uno_Interface *document, FcEvalKind kind, const char *scope, FcEvalValue *value)
{
  g_autofree char *text = NULL;
  gboolean narrative = is_narrative_scope (scope);
  g_autoptr (FcReport) report = check_document (document, narrative ? NULL : scope, &text);

  if (narrative)
    fc_evaluate_in_scope (report, text, kind, scope, value);
  else
    value_of (report, text, kind, value);
}

FcReport *
fc_evaluate_check (uno_Interface *document, char **text)
{
  return check_document (document, NULL, text);
}

void
fc_evaluate_in_scope (const FcReport *report, const char *text, FcEvalKind kind,
                      const char *scope, FcEvalValue *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) view = NULL;
  g_autofree char *problem = NULL;
  const char *message = NULL;
  const FcEngine *eng = fc_doc_check_shared_engine (TRUE, &message);

  if (report == NULL || eng == NULL)
    {
      value_of (NULL, report == NULL ? text : message, kind, value);
      return;
    }
  if (is_narrative_scope (scope))
    {
      g_autofree char *line = narrative_text (report);

      value_of (NULL, line, kind, value);
      return;
    }
  view = fc_engine_report_in_scope (eng, report, scope, &error);
  if (view == NULL)
    problem = g_strdup_printf ("FiscalCheck: %s", error->message);
  value_of (view, problem, kind, value);
}

void
fc_eval_value_clear (FcEvalValue *value)
{
  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->table, g_ptr_array_unref);
  value->number = 0;
}

void
fc_eval_value_copy (const FcEvalValue *src, FcEvalValue *dest)
{
  dest->text = g_strdup (src->text);
  dest->number = src->number;
  /* a table never changes once made: shared, not copied (thousands of rows) */
  dest->table = src->table != NULL ? g_ptr_array_ref (src->table) : NULL;
}

gboolean
fc_eval_value_equal (const FcEvalValue *a, const FcEvalValue *b)
{
  if (a->table != NULL || b->table != NULL)
    return a->table != NULL && b->table != NULL && fc_findings_table_equal (a->table, b->table);
  if (a->text != NULL || b->text != NULL)
    return g_strcmp0 (a->text, b->text) == 0;
  return a->number == b->number;
}

void
fc_eval_value_to_any (const FcEvalValue *value, uno_Any *any)
{
  if (value->table != NULL)
    fc_findings_table_to_any (value->table, any);
  else if (value->text != NULL)
    fc_uno_any_set_string (any, value->text);
  else
    fc_uno_any_set_double (any, value->number);
}
