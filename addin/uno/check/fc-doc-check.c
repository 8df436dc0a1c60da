/* fc-doc-check.c — the one check of an open document (see fc-doc-check.h). */
#include "fc-doc-check.h"

#include "fc-doc-reader.h"
#include "fc-own-sheets.h"
#include "fc-rules-location.h"

G_DEFINE_QUARK (fc-doc-check-error-quark, fc_doc_check_error)

/* The shipped rules, then the user's (when user_rules) and the extra
 * files: a new engine (transfer full), or NULL with an error. */
static FcEngine *
engine_new (gboolean user_rules, const char *const *extra, GError **error)
{
  g_autofree char *standard = fc_rules_location_shipped (error);
  g_autofree char *dir = standard != NULL ? g_path_get_dirname (standard) : NULL;
  g_autoptr (FcEngine) engine = dir != NULL ? fc_engine_new_shipped (dir, error) : NULL;

  if (engine != NULL && user_rules)
    {
      g_autofree char *user_dir = fc_rules_location_user_dir ();

      fc_engine_add_rules_dir (engine, user_dir); /* a broken file: S.0 in each report */
    }
  for (const char *const *p = extra; engine != NULL && p != NULL && *p != NULL; p++)
    if (!fc_engine_add_rules_file (engine, *p, error))
      return NULL;
  return g_steal_pointer (&engine);
}

/* One shared engine, loaded on first use: the rules ship inside the .oxt,
 * so a failure will not fix itself until the extension changes. */
typedef struct {
  FcEngine *engine;
  char *message; /* why engine is NULL */
} Loaded;

static gpointer
load_shared (gpointer user_rules)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr (GError) error = NULL;

  loaded->engine = engine_new (GPOINTER_TO_INT (user_rules), NULL, &error);
  if (loaded->engine == NULL)
    loaded->message = g_strdup_printf ("FiscalCheck rules: %s", error->message);
  return loaded;
}

const FcEngine *
fc_doc_check_shared_engine (gboolean user_rules, const char **message)
{
  /* UNO forces this global: the engine is immutable and serves every document */
  static GOnce once[2] = { G_ONCE_INIT, G_ONCE_INIT };
  const Loaded *loaded = g_once (&once[user_rules ? 1 : 0], load_shared,
                                 GINT_TO_POINTER (user_rules ? 1 : 0));

  *message = loaded->message;
  return loaded->engine;
}

/* The engine options ask for: a shared one (transfer none, *own NULL) or
 * one of this check's (transfer full in *own); NULL with an error. */
static const FcEngine *
engine_for (const FcDocCheckOptions *options, FcEngine **own, GError **error)
{
  g_autoptr (GError) local = NULL;
  const char *message = NULL;
  const FcEngine *engine;

  *own = NULL;
  if (options->rules != NULL && options->rules[0] != NULL)
    {
      *own = engine_new (options->use_user_rules, options->rules, &local);
      if (*own == NULL)
        g_set_error (error, FC_DOC_CHECK_ERROR, FC_DOC_CHECK_ERROR_RULES, "%s", local->message);
      return *own;
    }
  engine = fc_doc_check_shared_engine (options->use_user_rules, &message);
  if (engine == NULL)
    g_set_error (error, FC_DOC_CHECK_ERROR, FC_DOC_CHECK_ERROR_RULES, "%s",
                 message != NULL ? message : "FiscalCheck rules: not loaded");
  return engine;
}

FcReport *
fc_doc_check (uno_Interface *document, const FcDocCheckOptions *options, GError **error)
{
  g_autoptr (FcEngine) own = NULL;
  g_autoptr (FcWorkbook) workbook = NULL;
  g_autoptr (FcNarrative) found = NULL;
  const FcNarrative *narrative = options->narrative;
  const FcEngine *engine = engine_for (options, &own, error);
  const char *only = options->only != NULL && *options->only != '\0' ? options->only : NULL;

  if (engine == NULL)
    return NULL;
  workbook = fc_doc_read_workbook (document, error);
  if (workbook == NULL)
    return NULL;
  /* our own sheets are no disclosure tables */
  fc_own_sheets_remove (workbook);
  if (narrative == NULL)
    narrative = found = fc_doc_narrative_get (document, options->find_narrative);
  return fc_engine_check_full (engine, workbook, narrative, only, error);
}
