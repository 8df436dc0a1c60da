/* fc-selfeval.c — finding and reading project self-evaluation tables. */
#include "fc-selfeval.h"

#include <math.h>
#include <string.h>

#include "fc-amount.h"

/* The rows above a 项目名称 that may hold its title and year. */
#define TITLE_ROWS 4

void
fc_selfeval_free (FcSelfEval *e)
{
  if (e == NULL)
    return;
  g_free (e->name);
  g_free (e->title);
  g_free (e->year);
  g_array_unref (e->indicators);
  g_free (e->grade);
  g_free (e->problem);
  g_free (e->problem_en);
  g_free (e);
}

static char *
cell_folded (const FcSheet *sheet, guint row, guint col)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  if (c->kind != FC_CELL_TEXT)
    return g_strdup ("");
  return fc_vocabulary_fold (c->text, -1, NULL);
}

/* Folded text without a trailing colon: 资金总额: → 资金总额. */
static gboolean
label_is (const char *folded, GStrv labels)
{
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      gsize l = strlen (labels[i]);
      if (strncmp (folded, labels[i], l) == 0 && (folded[l] == '\0' || strcmp (folded + l, ":") == 0))
        return TRUE;
    }
  return FALSE;
}

static gboolean
row_has_label (const FcSheet *sheet, guint row, GStrv labels, guint *col)
{
  for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
    {
      g_autofree char *f = cell_folded (sheet, row, c);
      if (*f != '\0' && label_is (f, labels))
        {
          if (col != NULL)
            *col = c;
          return TRUE;
        }
    }
  return FALSE;
}

/* Decimals of a number in its shortest form (3.038 → 3), at most 6. */
static guint
decimals_of (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.6f", v);
  char *dot = strchr (buf, '.');
  if (dot == NULL)
    return 0;
  gsize n = strlen (dot + 1);
  while (n > 0 && dot[n] == '0')
    n--;
  return (guint) n;
}

typedef enum { SLOT_BLANK, SLOT_NUMBER, SLOT_TEXT } SlotKind;

static SlotKind
slot (const FcSheet *sheet, guint row, guint col, FcEvalFigure *out)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  double v = 0;
  FcAmountKind k = fc_amount_read (c, &v);
  memset (out, 0, sizeof *out);
  out->row = row;
  out->col = col;
  if (k == FC_AMOUNT_BLANK)
    {
      out->present = TRUE; /* blank means 0 */
      return SLOT_BLANK;
    }
  if (k == FC_AMOUNT_VALUE)
    {
      out->present = TRUE;
      out->value = v;
      out->decimals = c->kind == FC_CELL_TEXT && strchr (c->text, '.')
                        ? (guint) strlen (strchr (c->text, '.') + 1) : decimals_of (v);
      return SLOT_NUMBER;
    }
  return SLOT_TEXT;
}

/* A budget row read from its right end.  FALSE when it does not look like
 * one: fewer than five figures after its label, text among them, or a 得分
 * above the weight (the row lost its last cell). */
static gboolean
read_funds_row (FcSelfEval *e, const FcSheet *sheet, guint row, guint label_col, double weight)
{
  guint ncols = fc_sheet_get_n_cols (sheet);
  int last = -1;
  for (guint c = label_col + 1; c < ncols; c++)
    {
      FcEvalFigure f;
      if (slot (sheet, row, c, &f) == SLOT_NUMBER)
        last = (int) c;
    }
  if (last < 0 || (guint) last < label_col + 5)
    return FALSE;
  FcEvalFigure tail[5];
  for (guint k = 0; k < 5; k++)
    if (slot (sheet, row, (guint) last - 4 + k, &tail[k]) == SLOT_TEXT)
      return FALSE;
  FcEvalFigure *budget = &tail[0], *spent = &tail[1], *balance = &tail[2], *rate = &tail[3],
               *score = &tail[4];
  if (score->value < -0.005 || score->value > weight + 0.005 || rate->value < 0
      || budget->value < 0 || spent->value < 0)
    return FALSE;
  e->budget = *budget;
  e->spent = *spent;
  e->balance = *balance;
  e->rate = *rate;
  e->score = *score;
  memset (&e->initial_budget, 0, sizeof e->initial_budget);
  for (guint c = label_col + 1; c + 5 <= (guint) last; c++)
    {
      FcEvalFigure f;
      if (slot (sheet, row, c, &f) == SLOT_NUMBER)
        {
          e->initial_budget = f;
          break;
        }
    }
  e->amount_decimals = 2;
  FcEvalFigure *amounts[] = { &e->initial_budget, budget, spent, balance };
  for (guint k = 0; k < G_N_ELEMENTS (amounts); k++)
    if (amounts[k]->present)
      e->amount_decimals = MAX (e->amount_decimals, amounts[k]->decimals);
  return TRUE;
}

/* The first text cell of a row, folded (transfer full), and its column. */
static char *
row_label (const FcSheet *sheet, guint row, guint *col)
{
  for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
    {
      const FcCell *cell = fc_sheet_get_cell (sheet, row, c);
      double v;
      if (cell->kind == FC_CELL_TEXT && !fc_amount_text_is_blank (cell->text)
          && !fc_amount_parse_text (cell->text, &v))
        {
          *col = c;
          return fc_vocabulary_fold (cell->text, -1, NULL);
        }
    }
  *col = 0;
  return g_strdup ("");
}

static void
read_funds (FcSelfEval *e, const FcSheet *sheet, const FcVocabulary *v)
{
  int header = -1;
  for (guint r = e->first_row; r <= e->last_row && header < 0; r++)
    if (row_has_label (sheet, r, v->funds_header, NULL))
      header = (int) r;
  if (header < 0)
    return;
  /* the row of all funds first, then each source's row */
  for (int pass = 0; pass < 2 && !e->score.present; pass++)
    for (guint r = (guint) header + 1; r <= e->last_row && !e->score.present; r++)
      {
        if (row_has_label (sheet, r, v->indicators_header, NULL))
          break;
        guint col;
        g_autofree char *label = row_label (sheet, r, &col);
        gboolean total = label_is (label, v->funds_label);
        if (*label == '\0' || (pass == 0) != total)
          continue;
        read_funds_row (e, sheet, r, col, v->eval_weight);
      }
}

/* 分值 and 得分 of an indicator row: under the header's labels when both
 * are numbers there, else its last two numbers. */
static gboolean
read_indicator (const FcSheet *sheet, guint row, int weight_col, int score_col,
                FcEvalIndicator *out)
{
  if (weight_col >= 0 && score_col >= 0
      && slot (sheet, row, (guint) weight_col, &out->weight) == SLOT_NUMBER
      && slot (sheet, row, (guint) score_col, &out->score) == SLOT_NUMBER)
    return TRUE;
  int found = 0;
  for (guint c = fc_sheet_get_n_cols (sheet); c-- > 0 && found < 2;)
    {
      FcEvalFigure f;
      if (slot (sheet, row, c, &f) == SLOT_NUMBER)
        {
          if (found == 0)
            out->score = f;
          else
            out->weight = f;
          found++;
        }
    }
  return found == 2;
}

static void
read_indicators (FcSelfEval *e, const FcSheet *sheet, const FcVocabulary *v)
{
  int header = -1, total = -1;
  for (guint r = e->first_row; r <= e->last_row; r++)
    {
      if (header < 0 && row_has_label (sheet, r, v->indicators_header, NULL))
        header = (int) r;
      guint col;
      g_autofree char *label = row_label (sheet, r, &col);
      if (total < 0 && label_is (label, v->total_label))
        total = (int) r;
    }
  if (total >= 0)
    {
      guint ncols = fc_sheet_get_n_cols (sheet);
      for (guint c = 0; c < ncols; c++)
        {
          FcEvalFigure f;
          if (slot (sheet, (guint) total, c, &f) == SLOT_NUMBER)
            e->total = f;
          g_autofree char *text = cell_folded (sheet, (guint) total, c);
          if (*text != '\0' && e->grade == NULL && fc_vocabulary_grade (v, text) != NULL)
            {
              e->grade = g_strdup (text);
              e->grade_row = (guint) total;
              e->grade_col = c;
            }
        }
    }
  if (header < 0 || total < 0 || total < header)
    return;
  guint wcol = 0, scol = 0;
  gboolean has_w = row_has_label (sheet, (guint) header, v->weight_label, &wcol);
  gboolean has_s = row_has_label (sheet, (guint) header, v->score_label, &scol);
  for (guint r = (guint) header + 1; r < (guint) total; r++)
    {
      FcEvalIndicator ind;
      memset (&ind, 0, sizeof ind);
      if (read_indicator (sheet, r, has_w ? (int) wcol : -1, has_s ? (int) scol : -1, &ind))
        g_array_append_val (e->indicators, ind);
    }
}

/* The title above the 项目名称 row: the nearest text, and the year in it
 * or in the row below it, "(2023年度)". */
static void
read_title (FcSelfEval *e, const FcSheet *sheet, guint anchor_row, guint above)
{
  for (guint r = anchor_row; r-- > above;)
    for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
      {
        const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
        if (cell->kind != FC_CELL_TEXT || *cell->text == '\0')
          continue;
        const char *y = strstr (cell->text, "年度");
        if (e->year == NULL && y != NULL && y - cell->text >= 4
            && g_ascii_isdigit (y[-1]) && g_ascii_isdigit (y[-4]))
          e->year = g_strndup (y - 4, 4);
        if (e->title == NULL && (y == NULL || y - cell->text > 8))
          {
            e->title = g_strstrip (g_strdup (cell->text));
            e->title_row = r;
            e->first_row = r;
            e->title_col = c;
          }
        break;
      }
}

static FcSelfEval *
read_table (const FcSheet *sheet, guint anchor_row, guint anchor_col, guint above, guint last_row,
            const FcVocabulary *v)
{
  FcSelfEval *e = g_new0 (FcSelfEval, 1);
  e->sheet = sheet;
  e->indicators = g_array_new (FALSE, FALSE, sizeof (FcEvalIndicator));
  e->first_row = anchor_row;
  e->last_row = last_row;
  e->title_row = anchor_row;
  e->title_col = anchor_col;
  for (guint c = anchor_col + 1; c < fc_sheet_get_n_cols (sheet) && e->name == NULL; c++)
    {
      const FcCell *cell = fc_sheet_get_cell (sheet, anchor_row, c);
      g_autofree char *name = cell->kind == FC_CELL_TEXT ? g_strstrip (g_strdup (cell->text)) : NULL;
      if (name != NULL && *name != '\0')
        e->name = g_steal_pointer (&name);
    }
  read_title (e, sheet, anchor_row, above);
  if (e->name == NULL)
    e->name = g_strdup ("");
  if (e->title == NULL)
    e->title = g_strdup (e->name);
  read_funds (e, sheet, v);
  read_indicators (e, sheet, v);
  g_autoptr (GString) zh = g_string_new (NULL), en = g_string_new (NULL);
  if (!e->score.present)
    {
      g_string_append (zh, "资金执行情况（全年预算数、执行数、执行率、得分）未能识别；");
      g_string_append (en, "the budget execution row (budget, spent, rate, score) was not understood; ");
    }
  if (e->indicators->len == 0)
    {
      g_string_append (zh, "绩效指标的分值、得分未能识别；");
      g_string_append (en, "the indicators' weights and scores were not understood; ");
    }
  if (!e->total.present)
    {
      g_string_append (zh, "未找到总分；");
      g_string_append (en, "no total score was found; ");
    }
  if (zh->len > 0)
    {
      g_string_truncate (zh, zh->len - strlen ("；"));
      g_string_truncate (en, en->len - 2);
      e->problem = g_strdup (zh->str);
      e->problem_en = g_strdup (en->str);
    }
  return e;
}

GPtrArray *
fc_selfeval_recognize_cells (GArray *cells, const FcVocabulary *v)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_selfeval_free);
  if (cells == NULL || v == NULL || v->name_label == NULL || v->name_label[0] == NULL)
    return out;
  /* cheap first: the label's first character */
  const char *label = v->name_label[0];
  g_autofree char *first = g_strndup (label, (gsize) (g_utf8_next_char (label) - label));
  for (guint start = 0, end; start < cells->len; start = end)
    {
      const FcSheet *sheet = g_array_index (cells, FcTextCell, start).sheet;
      for (end = start; end < cells->len && g_array_index (cells, FcTextCell, end).sheet == sheet; end++)
        ;
      g_autoptr (GArray) anchors = g_array_new (FALSE, FALSE, sizeof (FcTextCell));
      for (guint i = start; i < end; i++)
        {
          const FcTextCell *t = &g_array_index (cells, FcTextCell, i);
          if (strlen (t->text) > 64 || strstr (t->text, first) == NULL
              || (anchors->len > 0 && g_array_index (anchors, FcTextCell, anchors->len - 1).row == t->row))
            continue;
          g_autofree char *f = fc_vocabulary_fold (t->text, -1, NULL);
          if (label_is (f, v->name_label))
            g_array_append_val (anchors, *t);
        }
      guint nrows = fc_sheet_get_n_rows (sheet);
      for (guint i = 0; i < anchors->len; i++)
        {
          const FcTextCell *at = &g_array_index (anchors, FcTextCell, i);
          guint above = i > 0 ? g_array_index (anchors, FcTextCell, i - 1).row + 1 : 0;
          above = MAX (above, at->row >= TITLE_ROWS ? at->row - TITLE_ROWS : 0);
          guint last = i + 1 < anchors->len ? g_array_index (anchors, FcTextCell, i + 1).row - 1 : nrows - 1;
          g_ptr_array_add (out, read_table (sheet, at->row, at->col, above, last, v));
        }
    }
  return out;
}

GPtrArray *
fc_selfeval_recognize (const FcWorkbook *workbook, const FcVocabulary *v)
{
  g_autoptr (GArray) cells = fc_text_cells_new (workbook);
  return fc_selfeval_recognize_cells (cells, v);
}
