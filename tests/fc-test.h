/* fc-test.h — what the engine's Check tests share: the shipped rules and
 * the sample (from FC_RULES and FC_SAMPLE), finding cells and findings,
 * the mutation sweep, and running a suite. */
#pragma once

#include <check.h>

#include "fc-engine.h"

G_BEGIN_DECLS

/* The engine with what ships beside the rule file named by FC_RULES
 * (fc_engine_new_shipped: the catalogue and the rules; transfer full);
 * exits with status 2 and a message when they cannot be loaded. */
FcEngine *fc_test_engine (void);

/* The path in FC_SAMPLE (transfer none), exiting with status 2 when unset. */
const char *fc_test_sample_path (void);

/* The sample workbook, freshly read (transfer full); inside a test only.
 * FC_SAMPLE is its ten tables alone (sample-tables.fods). */
FcWorkbook *fc_test_sample (void);

/* The whole sample, with its narrative and self-evaluations (FC_SAMPLE_FULL):
 * its path (transfer none) and a fresh copy (transfer full, in a test). */
const char *fc_test_sample_full_path (void);
FcWorkbook *fc_test_sample_full (void);

/* A file of tests/data (FC_DATA) (transfer full). */
char *fc_test_data_path (const char *name);

/* Findings of the rule at this severity exactly whose quote contains
 * words (NULL: any). */
guint fc_test_count_quote (const FcReport *report, const char *rule, FcSeverity severity,
                           const char *words);

/* The sheet called name; fails the test when there is none (transfer none). */
FcSheet *fc_test_sheet (FcWorkbook *workbook, const char *name);

/* Writes cell (any kind) at row, col of dst. */
void fc_test_put_cell (FcSheet *dst, guint row, guint col, const FcCell *cell);

/* Copies every cell of src into dst, shifted by dr rows and dc columns. */
void fc_test_copy_sheet (FcSheet *dst, const FcSheet *src, guint dr, guint dc);

/* Writes to into every cell of the sheet whose text starts with from;
 * returns how many. */
guint fc_test_retext (FcSheet *sheet, const char *from, const char *to);

/* Table 06 (blocks of code | 科目名称 | amount under a header row of
 * 科目代码 / 经济分类科目编码 | 科目名称) printed with its codes split over
 * 类 | 款 columns (`301` | `01`), under a header row of 类 | 款 added below:
 * with or without the 科目名称 column (without it, labels such as
 * 人员经费合计 stand in the 类 column); blocks side by side as in src, or
 * alone: one block, the others' rows stacked under it before the labels.
 * With carry, a child row leaves its 类 blank.  Adds the sheet to out and
 * returns it, or returns NULL (nothing added) when src is not such a 06. */
FcSheet *fc_test_split_06 (FcWorkbook *out, const FcSheet *src, gboolean names, gboolean alone,
                           gboolean carry);

/* The first number equal to value on the sheet. */
gboolean fc_test_find_number (const FcSheet *sheet, double value, guint *row, guint *col);

gboolean fc_test_finding_has_cell (const FcFinding *finding, const char *sheet,
                                   guint row, guint col);

/* Findings of exactly this severity that involve the cell. */
guint fc_test_count_at (const FcReport *report, const char *sheet, guint row,
                        guint col, FcSeverity severity);

/* Findings of the rule at this severity or above. */
guint fc_test_count_rule (const FcReport *report, const char *rule, FcSeverity at_least);

/* Every amount that takes part in an identity (changes of +1000 and −1000
 * are both errors at the cell) is flagged at its cell when changed by ±0.05, and a +0.01
 * change of it gives no error anywhere.  Amounts written as text stay text.
 * At least at_least such changes must have been made. */
void fc_test_assert_mutations (const FcEngine *engine, FcWorkbook *workbook,
                               const char *what, guint at_least);

/* The same for a package that already carries rounding tails (real ones
 * do): +0.01 must turn no identity that holds exactly into an error; one
 * with a tail of 0.01 between two tables, or 0.02 in a sum, may step past
 * what rounding explains (the same figure 0.02 apart in two tables is an
 * error: docs/domain.md allows 0.01).  ±0.05 is an error at the cell everywhere. */
void fc_test_assert_mutations_with_tails (const FcEngine *engine, FcWorkbook *workbook,
                                          const char *what, guint at_least);

/* Runs the suite; the exit status for main. */
int fc_test_run (Suite *suite);

G_END_DECLS
