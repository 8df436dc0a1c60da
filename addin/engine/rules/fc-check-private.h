/* fc-check-private.h — internal to rules/: the state of a check and the
 * helpers its rule kinds share (fc-check.c holds them; fc-check-sums.c and
 * fc-check-package.c use them).
 */
#pragma once

#include "fc-amount.h"
#include "fc-check.h"

G_BEGIN_DECLS

/* Differences are compared after rounding to this, so that binary noise in
 * sums of 2-decimal figures never reads as a difference. */
#define FC_DIFFERENCE_QUANTUM 1e-6

/* This many cells of one table that hold no amount where rules expect one
 * say the table is misread (a column of notes taken for amounts), not that
 * it is misprinted: one warning instead of an error each. */
#define FC_INVALID_MISREAD 3

struct _FcCheckContext {
  const FcCatalogue *catalogue; /* borrowed */
  GPtrArray *tables;        /* of FcTable*, borrowed */
  FcTolerance tolerance;
  FcReport *report;         /* borrowed */
  GHashTable *seen;         /* things said once: "row\x1f…" for missing rows */
  GHashTable *invalid;      /* table → GPtrArray of its FcCheckCell* that hold no amount */
  /* the current instance of an iterated rule; all borrowed from tables */
  const FcTableRow *each_row;
  const char *each_table;
  const char *each_code;
  guint each_column;
  gboolean quiet;           /* evaluating a figure for the narrative: report nothing */
  FcTextFacts *text;        /* what narrative rules read, borrowed */
  /* emptied arrays given back (fc_check_scratch_give), of FcCheckCell and of int */
  GPtrArray *spare_cells;
  GPtrArray *spare_ints;
};

/* One cell a rule reads; table and row are borrowed from the context. */
typedef struct {
  const FcTable *table;
  const FcTableRow *row;
  guint number; /* 栏次 */
  guint col;    /* sheet column */
  FcAmountKind kind;
  double value; /* in 万元, whatever unit the table states */
} FcCheckCell;

typedef enum {
  FC_CHECK_RESOLVED,      /* the cells are in the array (none: the figure is nil) */
  FC_CHECK_NOT_APPLICABLE /* something the rule reads is not in the package */
} FcCheckResolution;

/* What an instance of a rule is about ("201 一般公共服务支出 栏2"), made
 * only when there is something to report: most instances hold. */
typedef struct {
  char *(*describe) (const FcCheckContext *c, const FcRule *rule, gconstpointer data, gboolean zh);
  gconstpointer data;
} FcCheckDescriber;

/* Scratch arrays: a rule reads its cells into small arrays, thousands of
 * times a check; the context keeps those given back, emptied, for the next
 * (transfer full until given back with fc_check_scratch_give). */
GArray *fc_check_scratch_take (FcCheckContext *c, guint element_size);

void fc_check_scratch_give (FcCheckContext *c, GArray *array);

const char *fc_check_table_title (const FcCheckContext *c, const char *id);

void fc_check_add_title_cell (FcFinding *f, const FcTable *t);

/* TRUE when no row of the table holds a non-zero amount. */
gboolean fc_check_table_is_empty (const FcTable *t);

/* TRUE when the table was not understood (its problems are said once, I.3)
 * and its lines were not inferred: a row or code it seems to lack may just
 * not have been found, so it is neither nil nor missing. */
gboolean fc_check_table_not_understood (const FcTable *t);

/* TRUE when some row of the table has 栏次 number. */
gboolean fc_check_table_has_column (const FcTable *t, guint number);

/* Appends the cell of 栏次 number in row; FALSE when the row has no such
 * 栏次. */
gboolean fc_check_add_cell (GArray *cells, const FcTable *t, const FcTableRow *row, guint number);

void fc_check_finding_add_cells (FcFinding *f, const GArray *cells);

/* Compares the two sides of one instance of a rule and reports. */
void fc_check_judge (FcCheckContext *c, const FcRule *rule, FcRelation relation,
       GArray *lhs, GArray *rhs, const int *lhs_signs, const int *rhs_signs,
       double lhs_constant, double rhs_constant, const FcCheckDescriber *about);

FcCheckResolution fc_check_resolve_side (FcCheckContext *c, const GArray *terms, GArray *cells,
              GArray *signs, double *constant);

G_END_DECLS
