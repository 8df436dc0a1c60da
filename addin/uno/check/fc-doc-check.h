/* fc-doc-check.h — the one check of an open document, shared by
 * =FISCALCHECK() (fc-evaluate), the menu commands (fc-command-actions) and the
 * export filter (fc-filter): the rules, the document read without our own
 * sheets, an optional separate narrative, the engine's check.
 */
#pragma once

#include "fc-doc-narrative.h"
#include "fc-engine.h"
#include "fc-narrative.h"
#include "fc-uno.h"

G_BEGIN_DECLS

/* Our errors besides the engine's FC_ERROR (FC_ERROR_NO_TABLES, whose
 * message is the one "no tables" text, FC_ERROR_NO_TABLES_TEXT) and the
 * reader's FC_UNO_ERROR. */
#define FC_DOC_CHECK_ERROR (fc_doc_check_error_quark ())
GQuark fc_doc_check_error_quark (void);

typedef enum {
  FC_DOC_CHECK_ERROR_RULES      /* the shipped or an extra rule file cannot be loaded */
} FcDocCheckError;

typedef struct {
  const char *only;             /* NULL or "": everything; else a table or rule id */
  const char *const *rules;     /* extra rule files after the shipped ones; NULL: none */
  gboolean use_user_rules;      /* also ~/.config/fiscalcheck/rules.d (the office's own) */
  const FcNarrative *narrative; /* NULL, or a separate narrative document (borrowed),
                                   checked instead of a narrative in the workbook */
  FcDocNarrativeMode find_narrative; /* without narrative: the document's own narrative
                                        document (fc-doc-narrative.h), if any */
} FcDocCheckOptions;

/* The engine of the shipped rules, with the user's own rules folder
 * (~/.config/fiscalcheck/rules.d, $FISCALCHECK_RULES_DIR) when user_rules,
 * loaded on first use and shared by every caller (transfer none); NULL
 * with *message (transfer none) saying why it could not be loaded. */
const FcEngine *fc_doc_check_shared_engine (gboolean user_rules, const char **message);

/* Checks document (any interface of a Calc model) under options, always
 * leaving out the sheets FiscalCheck writes (the 审核结果 report sheet named
 * by the _FiscalCheck bookkeeping, and _FiscalCheck itself).  The report
 * (transfer full), or NULL with an error: FC_ERROR_NO_TABLES when the
 * workbook holds no disclosure table, FC_DOC_CHECK_ERROR_*, or the
 * reader's FC_UNO_ERROR. */
FcReport *fc_doc_check (uno_Interface *document, const FcDocCheckOptions *options,
                        GError **error);

G_END_DECLS
