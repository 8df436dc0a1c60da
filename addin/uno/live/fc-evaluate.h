/* fc-evaluate.h — what a FISCALCHECK() or FISCALCHECKFINDINGS() cell shows
 * for a document: the document's check (fc_doc_check, with the shared
 * engine of the shipped and the user's rules) folded into one value.
 */
#pragma once

#include "fc-engine.h"
#include "fc-uno.h"

G_BEGIN_DECLS

/* Which function the value is for. */
typedef enum {
  FC_EVAL_COUNT,    /* FISCALCHECK(): the number of errors */
  FC_EVAL_FINDINGS  /* FISCALCHECKFINDINGS(): the findings table */
} FcEvalKind;

/* The scope that asks which narrative (情况说明) was checked:
 * =FISCALCHECK("情况说明") (also "narrative"). */
#define FC_EVAL_NARRATIVE_SCOPE "情况说明"

/* A function's value: a table (FC_EVAL_FINDINGS, always); else a number,
 * or a short text when there is nothing to count. */
typedef struct {
  GPtrArray *table;  /* owned; NULL unless a table (fc-findings-table.h) */
  char *text;        /* NULL for a number or table; else UTF-8, owned */
  double number;
} FcEvalValue;

/* Computes the kind of value for document (any interface of a Calc model)
 * and scope (NULL or "" for everything).  Never fails: problems become a
 * text value (in a table, for FC_EVAL_FINDINGS).  Fills *value, which the
 * caller clears with fc_eval_value_clear. */
void fc_evaluate (uno_Interface *document, FcEvalKind kind, const char *scope,
                  FcEvalValue *value);

/* One read and one unscoped check of document, which answers every scope
 * (fc_evaluate_in_scope): the report (transfer full), or NULL with *text
 * (transfer full) saying why there is none. */
FcReport *fc_evaluate_check (uno_Interface *document, char **text);

/* The value fc_evaluate would compute for kind and scope, from report (of
 * fc_evaluate_check; NULL: text says why there is none).  Never fails. */
void fc_evaluate_in_scope (const FcReport *report, const char *text, FcEvalKind kind,
                           const char *scope, FcEvalValue *value);

void fc_eval_value_clear (FcEvalValue *value);
/* dest shares src's table (tables are never changed once made). */
void fc_eval_value_copy (const FcEvalValue *src, FcEvalValue *dest);
gboolean fc_eval_value_equal (const FcEvalValue *a, const FcEvalValue *b);
/* Constructs the value as an any (double, string or, for a table,
 * sequence< sequence< string > >) into uninitialised memory. */
void fc_eval_value_to_any (const FcEvalValue *value, uno_Any *any);

G_END_DECLS
