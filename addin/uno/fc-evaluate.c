/* fc-evaluate.c — engine singleton + document check (see fc-evaluate.h). */
#include "fc-evaluate.h"

#include <dlfcn.h>
#include <string.h>

#include "fc-doc-reader.h"
#include "fc-engine.h"

#define NO_TABLES_TEXT "未找到决算表 / no disclosure tables found"

/* The engine is immutable once loaded and shared by every document; UNO
 * gives us no other place to keep it.  Loaded once: the rules ship inside
 * the .oxt, so a failure will not fix itself until the extension changes. */
static GMutex engine_lock;
static FcEngine *engine;
static char *engine_error; /* set when loading failed */

/* <directory of this library>/rules/standard.rules (transfer full), or NULL. */
char *
fc_evaluate_rules_path (GError **error)
{
  Dl_info info;
  g_autofree char *dir = NULL;

  if (dladdr ((void *) fc_evaluate_rules_path, &info) == 0 || info.dli_fname == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "cannot locate the FiscalCheck library to find its rules");
      return NULL;
    }
  dir = g_path_get_dirname (info.dli_fname);
  return g_build_filename (dir, "rules", "standard.rules", NULL);
}

/* $FISCALCHECK_RULES_DIR, else ~/.config/fiscalcheck/rules.d (transfer full). */
char *
fc_evaluate_user_rules_dir (void)
{
  const char *dir = g_getenv ("FISCALCHECK_RULES_DIR");
  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_config_dir (), "fiscalcheck", "rules.d", NULL);
}

/* The shared engine (transfer none), or NULL with *message (transfer none)
 * describing why it could not be loaded. */
const FcEngine *
fc_evaluate_get_engine (const char **message)
{
  const FcEngine *result;

  g_mutex_lock (&engine_lock);
  if (engine == NULL && engine_error == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = fc_evaluate_rules_path (&error);

      if (path != NULL)
        {
          const char *paths[] = { path, NULL };

          engine = fc_engine_new_from_files (paths, &error);
        }
      if (engine != NULL)
        {
          /* users' own rules; a broken file is reported by each check */
          g_autofree char *user_dir = fc_evaluate_user_rules_dir ();
          fc_engine_add_rules_dir (engine, user_dir);
        }
      if (engine == NULL)
        engine_error = g_strdup_printf ("FiscalCheck rules: %s",
                                        error != NULL ? error->message : "unknown error");
    }
  result = engine;
  *message = engine_error;
  g_mutex_unlock (&engine_lock);
  return result;
}

void
fc_evaluate (uno_Interface *document, const char *scope, FcEvalValue *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcWorkbook) workbook = NULL;
  g_autoptr (FcReport) report = NULL;
  const char *message = NULL;
  const FcEngine *eng = fc_evaluate_get_engine (&message);

  memset (value, 0, sizeof *value);
  if (eng == NULL)
    {
      value->text = g_strdup (message);
      return;
    }
  workbook = fc_doc_read_workbook (document, &error);
  if (workbook == NULL)
    {
      value->text = g_strdup_printf ("FiscalCheck: %s", error->message);
      return;
    }
  report = fc_engine_check (eng, workbook, scope != NULL && *scope != '\0' ? scope : NULL,
                            &error);
  if (report == NULL)
    {
      if (g_error_matches (error, FC_ERROR, FC_ERROR_NO_TABLES))
        value->text = g_strdup (NO_TABLES_TEXT);
      else
        value->text = g_strdup_printf ("FiscalCheck: %s",
                                       error != NULL ? error->message : "check failed");
      return;
    }
  value->number = fc_report_count (report, FC_SEVERITY_ERROR);
}

void
fc_eval_value_clear (FcEvalValue *value)
{
  g_clear_pointer (&value->text, g_free);
  value->number = 0;
}

void
fc_eval_value_copy (const FcEvalValue *src, FcEvalValue *dest)
{
  dest->text = g_strdup (src->text);
  dest->number = src->number;
}

gboolean
fc_eval_value_equal (const FcEvalValue *a, const FcEvalValue *b)
{
  if (a->text != NULL || b->text != NULL)
    return g_strcmp0 (a->text, b->text) == 0;
  return a->number == b->number;
}

void
fc_eval_value_to_any (const FcEvalValue *value, uno_Any *any)
{
  if (value->text != NULL)
    fc_uno_any_set_string (any, value->text);
  else
    fc_uno_any_set_double (any, value->number);
}
