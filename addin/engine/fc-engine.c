/* fc-engine.c — rules in, workbook in, findings out. */
#include "fc-engine.h"

#include <string.h>

#include "fc-check-package.h"
#include "fc-check-sums.h"
#include "fc-check.h"
#include "fc-narrative-check.h"
#include "fc-rules.h"
#include "fc-selfeval.h"
#include "fc-table.h"
#include "fc-vocabulary.h"

struct _FcEngine {
  FcCatalogue *catalogue; /* owned */
  GPtrArray *rules;    /* of FcRule*, owned */
  GPtrArray *problems; /* of char*: rule files that could not be loaded */
  FcTolerance tolerance;
  FcVocabulary *vocabulary; /* the narrative's (narrative.ini), or NULL */
  GHashTable *by_id;   /* rule id, any case → the first FcRule* of that id */
};

/* Rule ids compare without case (R02.1 = r02.1), as scopes are typed. */
static guint
id_hash (gconstpointer key)
{
  guint h = 5381;
  for (const char *p = key; *p != '\0'; p++)
    h = h * 33 + (guchar) g_ascii_tolower (*p);
  return h;
}

static gboolean
id_equal (gconstpointer a, gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

/* Indexes the rules by id after rules were added: a check's report is
 * answered for every scope from this (thousands of findings, each cell). */
static void
index_rules (FcEngine *engine)
{
  g_hash_table_remove_all (engine->by_id);
  for (guint i = 0; i < engine->rules->len; i++)
    {
      FcRule *rule = g_ptr_array_index (engine->rules, i);
      if (!g_hash_table_contains (engine->by_id, rule->id))
        g_hash_table_insert (engine->by_id, rule->id, rule);
    }
}

static FcEngine *
engine_new (void)
{
  FcEngine *e = g_new0 (FcEngine, 1);
  e->catalogue = fc_catalogue_new ();
  e->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_rule_free);
  e->problems = g_ptr_array_new_with_free_func (g_free);
  e->tolerance = FC_TOLERANCE_DEFAULT;
  e->by_id = g_hash_table_new (id_hash, id_equal);
  return e;
}

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The files of dir whose names end with suffix, sorted (transfer full). */
static GPtrArray *
files_in (const char *dir, const char *suffix)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  return names;
}

void
fc_engine_free (FcEngine *engine)
{
  if (engine == NULL)
    return;
  g_hash_table_unref (engine->by_id);
  g_ptr_array_unref (engine->rules);
  g_ptr_array_unref (engine->problems);
  fc_catalogue_free (engine->catalogue);
  fc_vocabulary_free (engine->vocabulary);
  g_free (engine);
}

/* Rule text, catalogue entries, or the narrative vocabulary (a file whose
 * groups are the vocabulary's: it replaces the one loaded before). */
static gboolean
add_data (FcEngine *engine, const char *data, gssize length, const char *name, GError **error)
{
  if (fc_vocabulary_is_data (data, length))
    {
      FcVocabulary *vocabulary = fc_vocabulary_new_from_data (data, length, name, error);
      if (vocabulary == NULL)
        return FALSE;
      fc_vocabulary_free (engine->vocabulary);
      engine->vocabulary = vocabulary;
      return TRUE;
    }
  gboolean ok = fc_rules_parse_full (data, length, name, engine->rules, &engine->tolerance,
                                     engine->catalogue, error);
  index_rules (engine);
  return ok;
}

gboolean
fc_engine_add_rules_file (FcEngine *engine, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX,
                   "cannot read rule file: %s", local->message);
      return FALSE;
    }
  return add_data (engine, data, (gssize) len, path, error);
}

guint
fc_engine_add_rules_dir (FcEngine *engine, const char *dir)
{
  g_autoptr (GPtrArray) names = files_in (dir, ".rules");
  guint loaded = 0;
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr (GError) error = NULL;
      if (fc_engine_add_rules_file (engine, g_ptr_array_index (names, i), &error))
        loaded++;
      else
        g_ptr_array_add (engine->problems, g_strdup (error->message));
    }
  return loaded;
}

FcEngine *
fc_engine_new_from_files (const char *const *paths, GError **error)
{
  g_autoptr (FcEngine) e = engine_new ();
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (!fc_engine_add_rules_file (e, paths[i], error))
      return NULL;
  return g_steal_pointer (&e);
}

FcEngine *
fc_engine_new_from_data (const char *data, gssize length, const char *name,
                         GError **error)
{
  g_autoptr (FcEngine) e = engine_new ();
  if (!add_data (e, data, length, name, error))
    return NULL;
  return g_steal_pointer (&e);
}

FcEngine *
fc_engine_new_shipped (const char *dir, GError **error)
{
  g_autoptr (FcEngine) e = engine_new ();
  g_autofree char *catalogue = g_build_filename (dir, "catalogue.ini", NULL);
  if (!fc_engine_add_rules_file (e, catalogue, error))
    return NULL;
  g_autoptr (GPtrArray) data = files_in (dir, ".ini");
  g_autoptr (GPtrArray) rules = files_in (dir, ".rules");
  g_ptr_array_extend_and_steal (data, g_steal_pointer (&rules));
  for (guint i = 0; i < data->len; i++)
    {
      const char *path = g_ptr_array_index (data, i);
      if (strcmp (path, catalogue) != 0 && !fc_engine_add_rules_file (e, path, error))
        return NULL;
    }
  if (e->rules->len == 0)
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "%s: no *.rules file", dir);
      return NULL;
    }
  return g_steal_pointer (&e);
}

const FcCatalogue *
fc_engine_get_catalogue (const FcEngine *engine)
{
  return engine->catalogue;
}

guint
fc_engine_get_n_rules (const FcEngine *engine)
{
  return engine->rules->len;
}

const char *
fc_engine_get_rule_id (const FcEngine *engine, guint index)
{
  g_return_val_if_fail (index < engine->rules->len, NULL);
  return ((const FcRule *) g_ptr_array_index (engine->rules, index))->id;
}

/* The rule called id (case-insensitive), or NULL (transfer none). */
static const FcRule *
find_rule (const FcEngine *engine, const char *id)
{
  return g_hash_table_lookup (engine->by_id, id);
}

/* Whether rule reads table (its own table or one of those it compares with). */
static gboolean
rule_reads (const FcRule *rule, const char *table)
{
  if (g_strcmp0 (rule->table, table) == 0)
    return TRUE;
  for (guint i = 0; rule->tables != NULL && i < rule->tables->len; i++)
    if (strcmp (g_ptr_array_index (rule->tables, i), table) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a rule is wanted under the filter: its id, or a table it reads. */
static gboolean
rule_selected (const FcRule *rule, const char *only, const char *only_table)
{
  if (only == NULL || *only == '\0')
    return TRUE;
  if (g_ascii_strcasecmp (rule->id, only) == 0)
    return TRUE;
  return only_table != NULL && rule_reads (rule, only_table);
}

/* Runs rule by its kind: the table rules (rules/), the narrative's and the
 * self-evaluations' (narrative/). */
static void
run_rule (FcCheckContext *context, const FcRule *rule)
{
  switch (rule->kind)
    {
    case FC_RULE_CHECK:
      fc_check_expression (context, rule);
      break;
    case FC_RULE_HIERARCHY:
      fc_check_hierarchy (context, rule);
      break;
    case FC_RULE_PRESENCE:
      fc_check_presence (context, rule);
      break;
    case FC_RULE_TABLE_NUMBER:
      fc_check_table_number (context, rule);
      break;
    case FC_RULE_CODE_NAMES:
      fc_check_code_names (context, rule);
      break;
    case FC_RULE_CODE_PARENTS:
      fc_check_code_parents (context, rule);
      break;
    case FC_RULE_EMPTY_EXPLAINED:
      fc_check_empty_explained (context, rule);
      break;
    case FC_RULE_HEADER_AGREEMENT:
      fc_check_header_agreement (context, rule);
      break;
    case FC_RULE_INSTRUCTIONS:
      fc_check_instructions (context, rule);
      break;
    case FC_RULE_UNIT_AGREEMENT:
      fc_check_unit_agreement (context, rule);
      break;
    case FC_RULE_NARRATIVE:
      fc_narrative_check (context, rule);
      break;
    case FC_RULE_SELF_EVALUATION:
      fc_selfeval_check (context, rule);
      break;
    }
}

FcReport *
fc_engine_check (const FcEngine *engine, const FcWorkbook *workbook,
                 const char *only, GError **error)
{
  return fc_engine_check_full (engine, workbook, NULL, only, error);
}

/* Whether a selected rule reads the narrative or the self-evaluations:
 * only then are they looked for. */
static gboolean
wants_text (const FcEngine *engine, const char *only, const char *only_table)
{
  if (engine->vocabulary == NULL)
    return FALSE;
  for (guint i = 0; i < engine->rules->len; i++)
    {
      const FcRule *rule = g_ptr_array_index (engine->rules, i);
      if ((rule->kind == FC_RULE_NARRATIVE || rule->kind == FC_RULE_SELF_EVALUATION)
          && rule_selected (rule, only, only_table))
        return TRUE;
    }
  return FALSE;
}

/* The table only names (*only_table, transfer none; NULL for a rule or no
 * scope); FALSE with FC_ERROR_READ when only names neither a table nor a
 * rule. */
static gboolean
parse_scope (const FcEngine *engine, const char *only, const char **only_table, GError **error)
{
  *only_table = only ? fc_catalogue_parse_table_id (engine->catalogue, only) : NULL;
  if (only == NULL || *only == '\0' || *only_table != NULL || find_rule (engine, only) != NULL)
    return TRUE;
  g_set_error (error, FC_ERROR, FC_ERROR_READ,
               "未知的表或规则“%s” / unknown table or rule “%s”", only, only);
  return FALSE;
}

/* Notes in report which narrative is read (NULL: none was found). */
static void
note_narrative (FcReport *report, const FcNarrative *narrative)
{
  const FcParagraph *first = narrative != NULL ? fc_narrative_get_paragraph (narrative, 0) : NULL;

  if (narrative == NULL)
    fc_report_set_narrative (report, FC_REPORT_NARRATIVE_NONE, NULL);
  else if (fc_narrative_get_unreadable (narrative) != NULL)
    fc_report_set_narrative (report, FC_REPORT_NARRATIVE_UNREADABLE,
                             fc_narrative_get_document (narrative));
  else if (*fc_narrative_get_document (narrative) != '\0')
    fc_report_set_narrative (report, FC_REPORT_NARRATIVE_DOCUMENT,
                             fc_narrative_get_document (narrative));
  else
    fc_report_set_narrative (report, FC_REPORT_NARRATIVE_SHEET,
                             first != NULL && first->sheet != NULL ? first->sheet : "");
}

FcReport *
fc_engine_check_full (const FcEngine *engine, const FcWorkbook *workbook,
                      const FcNarrative *narrative, const char *only, GError **error)
{
  g_autoptr (GPtrArray) tables = fc_table_recognize (engine->catalogue, workbook);
  gboolean any_rows = FALSE;
  for (guint i = 0; i < tables->len; i++)
    any_rows |= ((FcTable *) g_ptr_array_index (tables, i))->rows->len > 0;
  if (!any_rows)
    {
      g_set_error_literal (error, FC_ERROR, FC_ERROR_NO_TABLES, FC_ERROR_NO_TABLES_TEXT);
      return NULL;
    }
  const char *only_table = NULL;
  if (!parse_scope (engine, only, &only_table, error))
    return NULL;

  FcReport *report = fc_report_new ();
  for (guint i = 0; i < tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (tables, i);
      fc_report_add_table (report, t->id, t->title, fc_sheet_get_name (t->sheet),
                           t->first_row, t->last_row, t->first_col, t->last_col);
      FcTableLocation *added = g_ptr_array_index (report->tables, report->tables->len - 1);
      g_free (added->label);
      added->label = g_strdup (t->number_label != NULL ? t->number_label : "");
    }
  for (guint i = 0; i < engine->problems->len; i++)
    {
      const char *problem = g_ptr_array_index (engine->problems, i);
      g_autofree char *zh = g_strdup_printf ("用户规则文件未能载入，其余规则照常校验：%s", problem);
      g_autofree char *en = g_strdup_printf ("A user rule file was not loaded; the other rules still apply: %s",
                                             problem);
      fc_report_add_finding (report, fc_finding_new ("S.0", FC_SEVERITY_WARNING, "", zh, en));
    }
  g_autoptr (FcNarrative) in_workbook = NULL;
  g_autoptr (FcTextFacts) facts = NULL;
  if (wants_text (engine, only, only_table))
    {
      g_autoptr (GArray) texts = fc_text_cells_new (workbook);
      if (narrative == NULL)
        narrative = in_workbook = fc_narrative_from_text_cells (texts, engine->vocabulary, tables);
      note_narrative (report, narrative);
      facts = fc_text_facts_new (narrative, engine->vocabulary,
                                 fc_selfeval_recognize_cells (texts, engine->vocabulary), tables);
    }
  g_autoptr (FcCheckContext) context = fc_check_context_new (engine->catalogue, tables, report,
                                                             &engine->tolerance);
  fc_check_context_set_text (context, facts);
  fc_check_report_tables (context);
  for (guint i = 0; i < engine->rules->len; i++)
    {
      const FcRule *rule = g_ptr_array_index (engine->rules, i);
      if (rule_selected (rule, only, only_table))
        run_rule (context, rule);
    }
  fc_check_finish (context);
  return report;
}

FcReport *
fc_engine_report_in_scope (const FcEngine *engine, const FcReport *report, const char *only,
                           GError **error)
{
  const char *only_table = NULL;
  if (!parse_scope (engine, only, &only_table, error))
    return NULL;
  const FcRule *only_rule = only_table == NULL && only != NULL && *only != '\0'
                            ? find_rule (engine, only) : NULL;
  FcReport *view = g_new0 (FcReport, 1);
  view->narrative = report->narrative;
  view->narrative_name = g_strdup (report->narrative_name);
  view->findings = g_ptr_array_new ();
  view->tables = g_ptr_array_new ();
  for (guint i = 0; i < report->tables->len; i++)
    g_ptr_array_add (view->tables, g_ptr_array_index (report->tables, i));
  /* a rule's findings come one after another: its decision is reused */
  const char *last_id = NULL;
  const FcRule *rule = NULL;
  gboolean rule_in = FALSE;
  for (guint i = 0; i < report->findings->len; i++)
    {
      FcFinding *f = g_ptr_array_index (report->findings, i);
      gboolean in;
      if (last_id == NULL || strcmp (last_id, f->rule_id) != 0)
        {
          last_id = f->rule_id;
          rule = find_rule (engine, f->rule_id);
          rule_in = rule != NULL && rule_selected (rule, only, only_table);
        }
      if (only == NULL || *only == '\0')
        in = TRUE;
      else if (rule != NULL)
        in = rule_in;
      else if (f->table == NULL || *f->table == '\0')
        in = TRUE; /* about the package or the rules (S.0): every check reports it */
      else
        in = only_table != NULL ? strcmp (f->table, only_table) == 0
                                : rule_reads (only_rule, f->table);
      if (in)
        g_ptr_array_add (view->findings, f);
    }
  return view;
}
