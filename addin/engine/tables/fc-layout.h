/* fc-layout.h — the layout of one table (internal to recognition): where
 * its header is, which columns hold its keys (行次, 科目代码, 类/款/项, 科目名称,
 * 项目) and which sheet column holds each 栏次, found from the header's
 * texts as the catalogue names them, a printed 栏次 row second.
 */
#pragma once

#include "fc-catalogue.h"
#include "fc-workbook.h"

G_BEGIN_DECLS

typedef struct {
  /* what the layout is found in (borrowed) */
  const FcSheet *sheet;
  const FcCatalogue *catalogue;
  const FcTableDef *def;
  guint r0, r1;          /* the table's rows: title .. last */
  guint ncols;
  /* what was found */
  int header_first, header_last; /* the header band, -1 when there is none */
  int total_in_header;   /* a 合计 row printed on a header row, or -1 */
  int total_col;         /* the column of its 合计 */
  GArray *column_of;     /* of int: sheet col of 栏次 n at index n, -1 = none */
  GPtrArray *column_paths; /* of char*: the header words of 栏次 n, at index n */
  GPtrArray *col_words;  /* of GPtrArray of char*: each sheet column's header
                          * words, top down (owned) */
  GArray *line_cols;     /* of guint: 行次 columns, left to right */
  GArray *label_cols;    /* of guint: 项目 columns */
  GArray *code_cols;     /* of guint: 科目代码 columns */
  int name_col;          /* 科目名称, or -1 */
  GArray *name_cols;     /* of guint: every 科目名称 column, left to right */
  int part_cols[3];      /* 类, 款, 项 when a code is split over columns */
  GArray *part_col_lists[3]; /* of guint: every 类, 款, 项 column, left to right
                              * (06 split in side-by-side blocks has one each) */
  GHashTable *header_words; /* normalised texts of the header: not amounts */
  GHashTable *column_words; /* the words that name the table's 栏次 */
  GHashTable *key_words; /* the catalogue's words of key columns (行次, 项目 …) */
  GHashTable *texts;     /* FcCell* → its normalised text: each cell is
                          * read many times, folded once */
  GPtrArray *problems;   /* of char*: zh, en, zh, en … what was not understood */
} FcLayout;

/* Finds the layout of the table whose title is on row r0 of sheet and
 * that runs to row r1 (inclusive).  Never fails: what it cannot find is
 * left unset and said in problems.  Clear with fc_layout_clear. */
void fc_layout_find (FcLayout *layout, const FcSheet *sheet, const FcCatalogue *catalogue,
                     const FcTableDef *def, guint r0, guint r1);
void fc_layout_clear (FcLayout *layout);

/* The cell's text normalised (fc_text_normalize), "" unless it is text
 * (transfer none: cached for the layout's life). */
const char *fc_layout_text (const FcLayout *layout, guint row, guint col);

/* Sheet column of 栏次 number, or -1. */
int fc_layout_column (const FcLayout *layout, guint number);

/* TRUE when the cell holds a word of the header (基本支出, 预算数 …) or a
 * key word: text that labels columns, never an amount. */
gboolean fc_layout_is_header_text (const FcLayout *layout, guint row, guint col);

/* TRUE when the cell holds a key word of the header (行次, 科目代码, 类 …). */
gboolean fc_layout_is_key_text (const FcLayout *layout, guint row, guint col);

/* TRUE when the cell holds 合计 or 总计. */
gboolean fc_layout_is_total_text (const FcLayout *layout, guint row, guint col);

/* TRUE for a row of notes under the table (注：…, 说明：…). */
gboolean fc_layout_row_is_footer (const FcLayout *layout, guint row);

/* For a row whose label completes its columns' headers (09 printed with a
 * 预算数 row and a 决算数 row under 合计 | 因公出国(境)费 | …): sets numbers
 * (of int, one per sheet column) to the 栏次 each column stands for in
 * that row, 0 for none.  FALSE when the label names none. */
gboolean fc_layout_row_columns (const FcLayout *layout, const char *label, GArray *numbers);

/* Says which 栏次 of the standard form neither the header nor any of rows
 * (of FcTableRow*) has. */
void fc_layout_check_columns (FcLayout *layout, const GPtrArray *rows);

/* Records something not understood, in both languages. */
void fc_layout_add_problem (FcLayout *layout, const char *zh, const char *en);

G_END_DECLS
