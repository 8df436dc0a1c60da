/* fc-engine.h — the one entry point the UNO glue, the CLI and the tests use:
 * rules in, workbook in, findings out.
 */
#pragma once

#include <glib.h>

#include "fc-catalogue.h"
#include "fc-error.h"
#include "fc-report.h"
#include "fc-narrative.h"
#include "fc-workbook.h"

G_BEGIN_DECLS

typedef struct _FcEngine FcEngine;

/* Loads and parses the given rule files, in order (later files may add
 * rules and catalogue entries; without a catalogue.ini among them no table
 * is recognised).  Returns NULL and sets FC_ERROR_RULE_SYNTAX naming file and line
 * when a file is malformed (transfer full). */
FcEngine *fc_engine_new_from_files (const char *const *paths, GError **error);

/* The engine with what ships in dir (addin/rules/, or rules/ beside the
 * add-in): catalogue.ini, the other *.ini data files (narrative.ini, the
 * narrative vocabulary, among them), then the *.rules files, each in name
 * order (transfer full).  NULL with
 * FC_ERROR_RULE_SYNTAX naming file and line when one is malformed. */
FcEngine *fc_engine_new_shipped (const char *dir, GError **error);

/* The same from rule text in memory; name is used in error messages. */
FcEngine *fc_engine_new_from_data (const char *data, gssize length,
                                   const char *name, GError **error);

/* Adds the rules of one more file on top of those loaded: a rule with an
 * existing id replaces it.  On error (FC_ERROR_RULE_SYNTAX naming
 * file:line) the engine is unchanged. */
gboolean fc_engine_add_rules_file (FcEngine *engine, const char *path,
                                   GError **error);

/* Adds every *.rules file of dir, in name order, for users' own rules.  A
 * file that fails is skipped and remembered: each check then reports it as
 * a warning finding (rule S.0), and the other rules keep working.  A
 * missing dir is not a problem.  Returns the number of files loaded. */
guint fc_engine_add_rules_dir (FcEngine *engine, const char *dir);

void fc_engine_free (FcEngine *engine);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcEngine, fc_engine_free)

guint fc_engine_get_n_rules (const FcEngine *engine);
/* What the tables are called and how they are laid out (transfer none). */
const FcCatalogue *fc_engine_get_catalogue (const FcEngine *engine);
/* The id of rule index, in catalogue order (transfer none). */
const char *fc_engine_get_rule_id (const FcEngine *engine, guint index);

/* Recognises the tables of the workbook and runs every rule on it, the
 * narrative rules on the narrative pasted into the workbook, if any.
 * only: NULL for all, or a table ("公开02表", "02") or a rule id ("R02.1")
 * to restrict the findings to.  Returns NULL with FC_ERROR_NO_TABLES when
 * no disclosure table is found at all (transfer full). */
FcReport *fc_engine_check (const FcEngine *engine, const FcWorkbook *workbook,
                           const char *only, GError **error);

/* The same with a narrative from a separate document (beside the workbook
 * or named by the user: fc_narrative_new_from_paragraphs()); NULL reads the
 * narrative in the workbook, as fc_engine_check().  A given narrative is
 * checked instead of one in the workbook; the self-evaluation tables are
 * read from the workbook either way (transfer full). */
FcReport *fc_engine_check_full (const FcEngine *engine, const FcWorkbook *workbook,
                                const FcNarrative *narrative, const char *only,
                                GError **error);

/* The findings of report (an unscoped check of a workbook) that a check
 * restricted to only would give: those of the rules only selects, and of
 * the findings that come from no rule (I.1–I.3 on what was not understood,
 * S.0 on a user's rule file) those about a table only names or reads, and
 * the package-level ones.  Lets every scope be answered from one check.
 * only as in fc_engine_check (NULL or "" for all); NULL with FC_ERROR_READ
 * for a table or rule that does not exist, as fc_engine_check (transfer
 * container: the findings are report's, so free the result first). */
FcReport *fc_engine_report_in_scope (const FcEngine *engine, const FcReport *report,
                                     const char *only, GError **error);

G_END_DECLS
