/* fc-selfeval.h — project self-evaluation tables (项目支出绩效自评表): one
 * per project, on sheets of their own or stacked, found and read by their
 * labels (narrative.ini [self-evaluation]), never by position.
 *
 * Their layout is a messy form: cells shift between rows, a row may lose
 * its last cell.  A budget row is read from its right end (得分, 执行率,
 * 结余, 执行数, 全年预算数, then 年初预算数 at its left), and the first row
 * whose reading is plausible wins; an indicator row's 分值 and 得分 are read
 * under the header's labels, or else as its last two numbers.  What cannot
 * be understood is said once per table (problem).
 */
#pragma once

#include <glib.h>

#include "fc-narrative.h"
#include "fc-vocabulary.h"
#include "fc-workbook.h"

G_BEGIN_DECLS

typedef struct {
  gboolean present;
  double value;
  guint decimals; /* as written (shortest form of the number) */
  guint row, col;
} FcEvalFigure;

typedef struct {
  FcEvalFigure weight; /* 分值 */
  FcEvalFigure score;  /* 得分 */
} FcEvalIndicator;

typedef struct {
  char *name;             /* 项目名称, as written */
  char *title;            /* the title above it, or the name */
  const FcSheet *sheet;   /* borrowed from the workbook */
  guint title_row, title_col;
  guint first_row, last_row;
  char *year;             /* "2023" from (2023年度), or NULL */
  FcEvalFigure initial_budget; /* 年初预算数 */
  FcEvalFigure budget;    /* 全年预算数 */
  FcEvalFigure spent;     /* 全年执行数 */
  FcEvalFigure balance;   /* 资金结（转）余 */
  FcEvalFigure rate;      /* 执行率, in % */
  FcEvalFigure score;     /* 得分 of budget execution */
  guint amount_decimals;  /* the most decimals of the budget row's amounts */
  GArray *indicators;     /* of FcEvalIndicator */
  FcEvalFigure total;     /* 总分 */
  char *grade;            /* folded (优), or NULL */
  guint grade_row, grade_col;
  char *problem;          /* what could not be read (zh-CN), or NULL */
  char *problem_en;
} FcSelfEval;

void fc_selfeval_free (FcSelfEval *eval);

/* Every self-evaluation table of the workbook, in sheet order; an empty
 * array when there is none or the vocabulary has no labels for them
 * (transfer full).  The tables borrow the workbook's sheets. */
GPtrArray *fc_selfeval_recognize (const FcWorkbook *workbook, const FcVocabulary *vocabulary);

/* The same over the workbook's text cells (fc_text_cells_new). */
GPtrArray *fc_selfeval_recognize_cells (GArray *cells, const FcVocabulary *vocabulary);

G_END_DECLS
