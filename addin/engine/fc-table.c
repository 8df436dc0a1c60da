/* fc-table.c — table recognition.
 *
 * A table starts at a cell holding one of the standard titles (or, failing
 * that, a 表号 "公开NN表") and runs down to the next table on that sheet.
 * Inside it we look for the 栏次 row (the numbered amount columns) and the
 * key columns (行次, 科目代码, 科目名称, 项目); every data row then becomes
 * one or more FcTableRow keyed by line number, code or label.
 */
#include "fc-table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-amount.h"

#define FC_HEADER_SCAN_ROWS 16  /* titles are followed by at most this many header rows */
#define FC_MAX_COLUMN_NUMBER 64 /* the widest standard table has 12 栏次 */

static const struct {
  const char *id;
  const char *title; /* normalised */
} standard_titles[] = {
  { "01", "收入支出决算总表" },
  { "02", "收入决算表" },
  { "03", "支出决算表" },
  { "04", "财政拨款收入支出决算总表" },
  { "05", "一般公共预算财政拨款支出决算表" },
  { "06", "一般公共预算财政拨款基本支出决算明细表" },
  { "07", "政府性基金预算财政拨款收入支出决算表" },
  { "08", "国有资本经营预算财政拨款支出决算表" },
  { "09", "财政拨款三公经费支出决算表" },
  { "10", "部门决算公开相关信息统计表" },
  /* titles other provinces and years use for the same tables */
  { "04", "财政拨款收支决算总表" },
  { "06", "一般公共预算财政拨款基本支出决算表" },
  { "07", "政府性基金预算财政拨款支出决算表" },
  { "09", "三公经费支出决算表" },
  { "09", "三公经费财政拨款支出决算表" },
  { "10", "部门决算相关信息统计表" },
};

/* 功能分类 类 codes and their names as 01/04 label their expenditure rows
 * (normalised, without the trailing 支出 and without 等/的, which vary). */
static const struct {
  const char *code;
  const char *name;
} class_names[] = {
  { "201", "一般公共服务" }, { "202", "外交" }, { "203", "国防" },
  { "204", "公共安全" }, { "205", "教育" }, { "206", "科学技术" },
  { "207", "文化旅游体育与传媒" }, { "208", "社会保障和就业" },
  { "210", "卫生健康" }, { "211", "节能环保" }, { "212", "城乡社区" },
  { "213", "农林水" }, { "214", "交通运输" }, { "215", "资源勘探工业信息" },
  { "216", "商业服务业" }, { "217", "金融" }, { "219", "援助其他地区" },
  { "220", "自然资源海洋气象" }, { "221", "住房保障" },
  { "222", "粮油物资储备" }, { "223", "国有资本经营预算" },
  { "224", "灾害防治及应急管理" }, { "229", "其他" }, { "230", "转移性" },
  { "231", "债务还本" }, { "232", "债务付息" }, { "233", "债务发行费用" },
  { "234", "抗疫特别国债安排" },
};

static const char *const enumeration_chars = "一二三四五六七八九十0123456789";

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018
         || c == 0x2019 || c == 0x300C || c == 0x300D || c == 0x300E
         || c == 0x300F;
}

/* Drops a leading "一、", "(一)", "1.", "1、" (on folded text). */
static const char *
skip_enumeration (const char *s)
{
  if (*s == '(')
    {
      const char *close = strchr (s, ')');
      if (close != NULL && g_utf8_strlen (s, close - s) <= 4)
        return close + 1;
      return s;
    }
  const char *p = s;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8] = { 0 };
      g_unichar_to_utf8 (c, buf);
      if (strstr (enumeration_chars, buf) == NULL)
        break;
      p = g_utf8_next_char (p);
    }
  if (p == s)
    return s;
  if (g_str_has_prefix (p, "、"))
    return p + strlen ("、");
  if (*p == '.' && !g_ascii_isdigit (p[1]))
    return p + 1;
  return s;
}

static char *
fold_text (const char *text)
{
  GString *out = g_string_new (NULL);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
        c = c - 0xFF01 + 0x21;
      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || is_quote (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
fc_text_normalize (const char *text)
{
  g_autofree char *folded = fold_text (text);
  return g_strdup (skip_enumeration (folded));
}

const char *
fc_table_standard_title (const char *id)
{
  for (gsize i = 0; i < G_N_ELEMENTS (standard_titles); i++)
    if (g_strcmp0 (standard_titles[i].id, id) == 0)
      return standard_titles[i].title;
  return NULL;
}

/* The first ten entries are the standard titles, in table order. */
static const char *
id_from_number (gint64 n)
{
  if (n < 1 || n > 10)
    return NULL;
  return standard_titles[n - 1].id;
}

/* "公开02表" → "02"; NULL unless the short text is a 表号. */
static const char *
id_from_number_label (const char *normalized)
{
  /* "表7", "附表7": other provinces number their sets this way */
  const char *bare = g_str_has_prefix (normalized, "附表") ? normalized + strlen ("附表")
                     : g_str_has_prefix (normalized, "表") ? normalized + strlen ("表") : NULL;
  if (bare != NULL && g_ascii_isdigit (*bare))
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (bare, &end, 10);
      return *end == '\0' ? id_from_number (n) : NULL;
    }
  const char *p = strstr (normalized, "公开");
  if (p == NULL || strlen (normalized) > 24)
    return NULL;
  p += strlen ("公开");
  char *end = NULL;
  gint64 n = g_ascii_strtoll (p, &end, 10);
  if (end == p || !g_str_has_prefix (end, "表"))
    return NULL;
  return id_from_number (n);
}

/* Title at the end of the text, with an allowed prefix (a year, a
 * department name) and an allowed trailing parenthesis ("(2023年度)"). */
static const char *
id_from_title (const char *normalized)
{
  g_autofree char *s = g_strdup (normalized);
  gsize len = strlen (s);
  if (len > 0 && s[len - 1] == ')')
    {
      char *open = strrchr (s, '(');
      if (open != NULL && open != s)
        *open = '\0';
    }
  const char *best = NULL;
  gsize best_len = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (standard_titles); i++)
    {
      const char *t = standard_titles[i].title;
      gsize tl = strlen (t);
      gsize sl = strlen (s);
      if (sl < tl || strcmp (s + sl - tl, t) != 0 || tl <= best_len)
        continue;
      /* a prefix may name the year or the department, not be a sentence */
      g_autofree char *prefix = g_strndup (s, sl - tl);
      if (g_utf8_strlen (prefix, -1) > 40 || strstr (prefix, "、") != NULL
          || strstr (prefix, "，") != NULL || strstr (prefix, "。") != NULL)
        continue;
      best = standard_titles[i].id;
      best_len = tl;
    }
  return best;
}

const char *
fc_table_id_parse (const char *text)
{
  g_autofree char *n = fc_text_normalize (text);
  if (*n == '\0')
    return NULL;
  char *end = NULL;
  gint64 v = g_ascii_strtoll (n, &end, 10);
  if (end != n && *end == '\0')
    return id_from_number (v);
  const char *id = id_from_number_label (n);
  return id != NULL ? id : id_from_title (n);
}

/* ---- small cell helpers ------------------------------------------------ */

static char *
cell_norm (const FcSheet *sheet, guint row, guint col)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  if (c->kind != FC_CELL_TEXT)
    return g_strdup ("");
  return fc_text_normalize (c->text);
}

static gboolean
cell_is (const FcSheet *sheet, guint row, guint col, const char *word)
{
  g_autofree char *n = cell_norm (sheet, row, col);
  return strcmp (n, word) == 0;
}

/* An integer written as a number or as text ("27"); FALSE otherwise. */
static gboolean
cell_integer (const FcSheet *sheet, guint row, guint col, gint64 *out)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  double v;
  if (c->kind == FC_CELL_NUMBER)
    v = c->number;
  else if (c->kind == FC_CELL_TEXT && fc_amount_parse_text (c->text, &v)
           && strchr (c->text, '.') == NULL)
    ;
  else
    return FALSE;
  if (!isfinite (v) || v != floor (v) || fabs (v) > 1e12)
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

static gboolean
cell_is_blank (const FcSheet *sheet, guint row, guint col)
{
  double v;
  return fc_amount_read (fc_sheet_get_cell (sheet, row, col), &v)
         == FC_AMOUNT_BLANK;
}

static gboolean
cell_is_amount (const FcSheet *sheet, guint row, guint col)
{
  double v;
  return fc_amount_read (fc_sheet_get_cell (sheet, row, col), &v)
         == FC_AMOUNT_VALUE;
}

static gboolean
cell_has_text (const FcSheet *sheet, guint row, guint col)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  double v;
  return c->kind == FC_CELL_TEXT && !fc_amount_text_is_blank (c->text)
         && !fc_amount_parse_text (c->text, &v);
}

/* 科目代码: 3, 5 or 7 digits, written as a number or as text.  With rest,
 * a text such as "201 一般公共服务支出" also counts: the code, and *rest
 * set to the name as written (transfer full, both). */
static char *
cell_code (const FcSheet *sheet, guint row, guint col, char **rest)
{
  const FcCell *c = fc_sheet_get_cell (sheet, row, col);
  g_autofree char *s = NULL;
  gint64 v;
  if (rest != NULL)
    *rest = NULL;
  if (c->kind == FC_CELL_NUMBER && cell_integer (sheet, row, col, &v) && v > 0)
    s = g_strdup_printf ("%" G_GINT64_FORMAT, v);
  else if (c->kind == FC_CELL_TEXT)
    s = fc_text_normalize (c->text);
  else
    return NULL;
  gsize len = 0;
  while (g_ascii_isdigit (s[len]))
    len++;
  if (len != 3 && len != 5 && len != 7)
    return NULL;
  if (s[len] != '\0')
    {
      if (rest == NULL || c->kind != FC_CELL_TEXT)
        return NULL;
      /* the name follows the digits in the text as written */
      const char *p = c->text;
      while (*p && !g_ascii_isdigit (*p))
        p++;
      while (g_ascii_isdigit (*p))
        p++;
      *rest = g_strstrip (g_strdup (p));
      s[len] = '\0';
    }
  return g_steal_pointer (&s);
}

/* The digits of a 类/款/项 part cell, zero-padded to width ("3" → "03");
 * NULL when blank or not digits (transfer full). */
static char *
cell_code_part (const FcSheet *sheet, guint row, int col, guint width)
{
  if (col < 0)
    return NULL;
  const FcCell *c = fc_sheet_get_cell (sheet, row, (guint) col);
  gint64 v;
  if (c->kind == FC_CELL_NUMBER && cell_integer (sheet, row, (guint) col, &v) && v >= 0)
    return g_strdup_printf ("%0*" G_GINT64_FORMAT, (int) width, v);
  if (c->kind != FC_CELL_TEXT)
    return NULL;
  g_autofree char *n = fc_text_normalize (c->text);
  gsize len = strlen (n);
  if (len == 0 || len > width)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (n[i]))
      return NULL;
  return g_strdup_printf ("%0*d", (int) width, atoi (n));
}

static gboolean
is_footer_text (const char *normalized)
{
  return g_str_has_prefix (normalized, "注") || g_str_has_prefix (normalized, "说明")
         || g_str_has_prefix (normalized, "备注");
}

/* The first non-empty text of the row, normalised (transfer full). */
static char *
row_first_text (const FcSheet *sheet, guint row, guint first_col, guint last_col)
{
  for (guint c = first_col; c <= last_col; c++)
    if (cell_has_text (sheet, row, c))
      return cell_norm (sheet, row, c);
  return g_strdup ("");
}

/* ---- rows -------------------------------------------------------------- */

static void
table_row_free (FcTableRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->label);
  g_free (row->display);
  g_array_unref (row->cols);
  g_free (row);
}

static FcTableRow *
table_row_new (guint sheet_row, int line, const char *code, const char *display)
{
  FcTableRow *r = g_new0 (FcTableRow, 1);
  r->row = sheet_row;
  r->line = line;
  r->code = g_strdup (code);
  r->display = g_strstrip (g_strdup (display ? display : ""));
  r->label = fc_text_normalize (r->display);
  r->cols = g_array_new (FALSE, FALSE, sizeof (int));
  return r;
}

static void
table_row_set_column (FcTableRow *r, guint number, int col)
{
  int none = -1;
  while (r->cols->len <= number)
    g_array_append_val (r->cols, none);
  g_array_index (r->cols, int, number) = col;
}

int
fc_table_row_column (const FcTableRow *row, guint number)
{
  if (row == NULL || number >= row->cols->len)
    return -1;
  return g_array_index (row->cols, int, number);
}

static const char *
class_code_for_label (const char *label)
{
  /* compare without 支出, 等, 的: the 01 and 04 templates differ in those */
  g_autoptr (GString) s = g_string_new (label);
  g_string_replace (s, "支出", "", 0);
  g_string_replace (s, "等", "", 0);
  g_string_replace (s, "的", "", 0);
  for (gsize i = 0; i < G_N_ELEMENTS (class_names); i++)
    if (strcmp (s->str, class_names[i].name) == 0)
      return class_names[i].code;
  return NULL;
}

/* ---- one table --------------------------------------------------------- */

typedef struct {
  const FcSheet *sheet;
  guint r0, r1, ncols;
  FcTable *table;
  GArray *column_of;  /* int: sheet col of 栏次 n at index n, -1 = none */
  int header_row;     /* the 栏次 row, or the header row without one */
  GArray *line_cols;  /* guint: 行次 columns */
  GArray *label_cols; /* guint: 项目 columns */
  GArray *code_cols;  /* guint: 科目代码 columns */
  int name_col;       /* 科目名称 */
  int part_cols[3];   /* 类, 款, 项 when the code is split over three columns */
  gboolean anchors_are_labels; /* line_cols hold 项目 columns: no 行次 in this table */
  guint header_first; /* first header row when there is no 栏次 row */
} Layout;

static void
layout_set_column (Layout *l, guint number, guint col)
{
  int none = -1;
  while (l->column_of->len <= number)
    g_array_append_val (l->column_of, none);
  g_array_index (l->column_of, int, number) = (int) col;
}

/* A 栏次 row: a cell "栏次", or nothing but the numbers 1, 2, …, n (n ≥ 2). */
static gboolean
is_column_number_row (const Layout *l, guint row)
{
  gboolean labelled = FALSE;
  gint64 expect = 1;
  for (guint c = 0; c < l->ncols; c++)
    {
      gint64 v;
      if (cell_is (l->sheet, row, c, "栏次"))
        labelled = TRUE;
      else if (cell_integer (l->sheet, row, c, &v))
        {
          if (v != expect && !labelled)
            return FALSE;
          expect = v + 1;
        }
      else if (!cell_is_blank (l->sheet, row, c) && !labelled)
        return FALSE;
    }
  return labelled ? expect > 1 : expect > 2;
}

static gboolean
is_header_word (const char *n)
{
  static const char *const words[] = { "项目", "行次", "科目代码", "科目名称",
                                       "栏次", "功能分类科目代码",
                                       "支出功能分类科目代码", "类", "款", "项",
                                       NULL };
  return g_strv_contains (words, n);
}

static gboolean
row_names_key (const Layout *l, guint r)
{
  for (guint c = 0; c < l->ncols; c++)
    {
      g_autofree char *n = cell_norm (l->sheet, r, c);
      if (strcmp (n, "项目") == 0 || strcmp (n, "行次") == 0
          || strstr (n, "科目代码") != NULL)
        return TRUE;
    }
  return FALSE;
}

static char *cell_code (const FcSheet *sheet, guint row, guint col, char **rest);

/* A data row holds an amount or a code, or starts with 合计 (a header
 * may say 合计 too, but not first). */
static gboolean
row_looks_like_data (const Layout *l, guint r)
{
  g_autofree char *first = row_first_text (l->sheet, r, 0, l->ncols ? l->ncols - 1 : 0);
  if (strcmp (first, "合计") == 0 || strcmp (first, "总计") == 0)
    return TRUE;
  for (guint c = 0; c < l->ncols; c++)
    {
      g_autofree char *code = cell_code (l->sheet, r, c, NULL);
      if (cell_is_amount (l->sheet, r, c) || code != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_key_column (const Layout *l, guint c)
{
  const GArray *sets[] = { l->line_cols, l->label_cols, l->code_cols };
  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    for (guint i = 0; i < sets[s]->len; i++)
      if (g_array_index (sets[s], guint, i) == c)
        return TRUE;
  for (guint i = 0; i < 3; i++)
    if (l->part_cols[i] == (int) c)
      return TRUE;
  return l->name_col == (int) c;
}

/* Without a 栏次 row, every non-key column right of the first key column
 * that has header text is an amount column, numbered left to right — the
 * numbering the 栏次 row would have given. */
static void
layout_number_header_columns (Layout *l)
{
  guint first_key = l->ncols;
  for (guint c = 0; c < l->ncols; c++)
    if (is_key_column (l, c))
      {
        first_key = c;
        break;
      }
  guint number = 1;
  for (guint c = first_key < l->ncols ? first_key + 1 : 0; c < l->ncols; c++)
    {
      if (is_key_column (l, c))
        continue;
      for (guint r = l->header_first; r <= (guint) l->header_row; r++)
        {
          g_autofree char *n = cell_norm (l->sheet, r, c);
          if (*n != '\0' && !is_header_word (n))
            {
              layout_set_column (l, number++, c);
              break;
            }
        }
    }
}

static void
layout_find_header (Layout *l)
{
  guint last = MIN (l->r1, l->r0 + FC_HEADER_SCAN_ROWS);
  l->header_row = -1;
  for (guint r = l->r0 + 1; r <= last && l->header_row < 0; r++)
    if (is_column_number_row (l, r))
      {
        l->header_row = (int) r;
        l->header_first = l->r0 + 1;
        for (guint c = 0; c < l->ncols; c++)
          {
            gint64 v;
            if (cell_integer (l->sheet, r, c, &v) && v >= 1
                && v <= FC_MAX_COLUMN_NUMBER)
              layout_set_column (l, (guint) v, c);
          }
      }
  /* No 栏次 row (10, 06, Shanghai's set): the header runs from the first
   * row naming a key (项目, 行次, 科目代码) down to the last row before the
   * data; its amount columns are numbered below, once the keys are known. */
  gboolean numbered = l->header_row >= 0;
  for (guint r = l->r0 + 1; r <= last && l->header_row < 0; r++)
    if (row_names_key (l, r))
      {
        guint end = r;
        while (end + 1 <= l->r1 && end + 1 <= last && !row_looks_like_data (l, end + 1))
          end++;
        l->header_row = (int) end;
        l->header_first = r;
      }
  /* 09 has no key column at all: without its 1…12 row the header is what
   * stands above the first row of amounts */
  if (l->header_row < 0 && strcmp (l->table->id, "09") == 0)
    for (guint r = l->r0 + 2; r <= l->r1 && l->header_row < 0; r++)
      {
        guint amounts = 0;
        for (guint c = 0; c < l->ncols; c++)
          amounts += cell_is_amount (l->sheet, r, c);
        if (amounts >= 2)
          {
            l->header_row = (int) r - 1;
            l->header_first = l->r0 + 1;
          }
      }
  if (l->header_row < 0)
    return;
  /* key columns, from the title down to the header row */
  for (guint r = l->r0 + 1; r <= (guint) l->header_row; r++)
    for (guint c = 0; c < l->ncols; c++)
      {
        g_autofree char *n = cell_norm (l->sheet, r, c);
        if (strcmp (n, "行次") == 0)
          g_array_append_val (l->line_cols, c);
        else if (strstr (n, "科目代码") != NULL && strlen (n) <= strlen ("支出功能分类科目代码"))
          {
            gboolean seen = FALSE;
            for (guint i = 0; i < l->code_cols->len; i++)
              seen |= g_array_index (l->code_cols, guint, i) == c;
            if (!seen)
              g_array_append_val (l->code_cols, c);
          }
        else if (strcmp (n, "科目名称") == 0 && l->name_col < 0)
          l->name_col = (int) c;
        else if (strcmp (n, "类") == 0)
          l->part_cols[0] = (int) c;
        else if (strcmp (n, "款") == 0)
          l->part_cols[1] = (int) c;
        else if (strcmp (n, "项") == 0)
          l->part_cols[2] = (int) c;
        else if (strcmp (n, "项目") == 0 || strcmp (n, "栏次") == 0)
          {
            gboolean seen = FALSE;
            for (guint i = 0; i < l->label_cols->len; i++)
              seen |= g_array_index (l->label_cols, guint, i) == c;
            if (!seen)
              g_array_append_val (l->label_cols, c);
          }
      }
  if (!numbered)
    layout_number_header_columns (l);
}

static gint
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

static void
layout_column_labels (Layout *l)
{
  FcTable *t = l->table;
  g_ptr_array_add (t->column_labels, g_strdup (""));
  for (guint n = 1; n < l->column_of->len; n++)
    {
      int col = g_array_index (l->column_of, int, n);
      g_autoptr (GString) s = g_string_new (NULL);
      if (col >= 0)
        for (guint r = l->r0 + 1; r < (guint) l->header_row; r++)
          {
            const FcCell *c = fc_sheet_get_cell (l->sheet, r, (guint) col);
            if (c->kind != FC_CELL_TEXT)
              continue;
            g_autofree char *n2 = fold_text (c->text);
            if (*n2 == '\0' || strstr (s->str, n2) != NULL)
              continue;
            if (s->len > 0)
              g_string_append_c (s, ' ');
            g_string_append (s, n2);
          }
      g_ptr_array_add (t->column_labels,
                       s->len > 0 ? g_strdup_printf ("栏%u %s", n, s->str)
                                  : g_strdup_printf ("栏%u", n));
    }
}

static gboolean
row_is_footer (const Layout *l, guint r)
{
  g_autofree char *first = row_first_text (l->sheet, r, 0, l->ncols ? l->ncols - 1 : 0);
  return is_footer_text (first);
}

/* Where block b of a side-by-side layout starts: at its 项目 column, else
 * right after the previous block's last amount column. */
static guint
block_start (const Layout *l, guint b)
{
  if (b == 0)
    return 0;
  guint prev_line = g_array_index (l->line_cols, guint, b - 1);
  guint line = g_array_index (l->line_cols, guint, b);
  for (guint i = 0; i < l->label_cols->len; i++)
    {
      guint lc = g_array_index (l->label_cols, guint, i);
      if (lc > prev_line && lc < line)
        return lc;
    }
  guint start = prev_line + 1;
  for (guint n = 1; n < l->column_of->len; n++)
    {
      int col = g_array_index (l->column_of, int, n);
      if (col > (int) prev_line && col < (int) line)
        start = MAX (start, (guint) col + 1);
    }
  return MIN (start, line);
}

/* 01, 04, 10: one or more blocks of 项目 | 行次 | amounts, side by side. */
static void
layout_rows_by_line (Layout *l)
{
  guint n_blocks = l->line_cols->len;
  for (guint r = (guint) l->header_row + 1; r <= l->r1; r++)
    {
      if (row_is_footer (l, r))
        continue;
      for (guint b = 0; b < n_blocks; b++)
        {
          guint line_col = g_array_index (l->line_cols, guint, b);
          guint start = l->anchors_are_labels ? line_col : block_start (l, b);
          guint end = b + 1 >= n_blocks ? l->ncols
                      : l->anchors_are_labels ? g_array_index (l->line_cols, guint, b + 1)
                      : block_start (l, b + 1);
          gint64 line = -1;
          gboolean has_line = !l->anchors_are_labels
                              && cell_integer (l->sheet, r, line_col, &line)
                              && line >= 1 && line <= 999;
          const char *display = "";
          for (guint c = start; c < MAX (line_col, start + 1); c++)
            if (cell_has_text (l->sheet, r, c))
              {
                display = fc_sheet_get_cell (l->sheet, r, c)->text;
                break;
              }
          FcTableRow *row = table_row_new (r, has_line ? (int) line : -1, NULL, display);
          gboolean any_amount = FALSE;
          for (guint n = 1; n < l->column_of->len; n++)
            {
              int col = g_array_index (l->column_of, int, n);
              if (col > (int) line_col && col < (int) end)
                {
                  table_row_set_column (row, n, col);
                  any_amount |= cell_is_amount (l->sheet, r, (guint) col);
                }
            }
          /* a row without 行次 counts only when it carries a label and an amount */
          if ((!has_line && (!any_amount || *row->label == '\0'))
              || row->cols->len == 0)
            {
              table_row_free (row);
              continue;
            }
          if (g_strcmp0 (l->table->id, "01") == 0 || g_strcmp0 (l->table->id, "04") == 0)
            row->code = g_strdup (class_code_for_label (row->label));
          g_ptr_array_add (l->table->rows, row);
        }
    }
}

/* A code split over 类 | 款 | 项 columns.  Packages often leave the parent
 * part blank on child rows, so it is carried down from the rows above
 * (transfer full). */
static char *
layout_split_code (const Layout *l, guint r, char **last_class, char **last_section)
{
  g_autofree char *cls = cell_code_part (l->sheet, r, l->part_cols[0], 3);
  g_autofree char *sec = cell_code_part (l->sheet, r, l->part_cols[1], 2);
  g_autofree char *item = cell_code_part (l->sheet, r, l->part_cols[2], 2);
  if (cls != NULL)
    {
      g_free (*last_class);
      *last_class = g_strdup (cls);
      g_clear_pointer (last_section, g_free);
    }
  else if (sec != NULL || item != NULL)
    cls = g_strdup (*last_class);
  if (cls == NULL)
    return NULL;
  if (sec != NULL)
    {
      g_free (*last_section);
      *last_section = g_strdup (sec);
    }
  else if (item != NULL)
    sec = g_strdup (*last_section);
  if (sec == NULL)
    return item == NULL ? g_steal_pointer (&cls) : NULL;
  return item == NULL ? g_strconcat (cls, sec, NULL) : g_strconcat (cls, sec, item, NULL);
}

/* 02, 03, 05, 07, 08: one keyed row per sheet row, by 科目代码 or label. */
static void
layout_rows_by_code (Layout *l)
{
  guint code_col = l->code_cols->len > 0 ? g_array_index (l->code_cols, guint, 0)
                   : l->label_cols->len > 0 ? g_array_index (l->label_cols, guint, 0) : 0;
  g_autofree char *last_class = NULL, *last_section = NULL;
  for (guint r = (guint) l->header_row + 1; r <= l->r1; r++)
    {
      if (row_is_footer (l, r))
        continue;
      g_autofree char *rest = NULL;
      g_autofree char *code = l->part_cols[0] >= 0 ? layout_split_code (l, r, &last_class, &last_section)
                                                   : cell_code (l->sheet, r, code_col, &rest);
      const char *display = rest != NULL ? rest : "";
      if (l->name_col >= 0 && cell_has_text (l->sheet, r, (guint) l->name_col))
        display = fc_sheet_get_cell (l->sheet, r, (guint) l->name_col)->text;
      if (code == NULL && cell_has_text (l->sheet, r, code_col))
        display = fc_sheet_get_cell (l->sheet, r, code_col)->text;
      if (code == NULL && *display == '\0')
        continue;
      FcTableRow *row = table_row_new (r, -1, code, display);
      for (guint n = 1; n < l->column_of->len; n++)
        {
          int col = g_array_index (l->column_of, int, n);
          if (col >= 0)
            table_row_set_column (row, n, col);
        }
      g_ptr_array_add (l->table->rows, row);
    }
}

/* 06: side-by-side blocks of 科目代码 | 科目名称 | 决算数. */
static void
layout_rows_by_code_blocks (Layout *l)
{
  guint n_blocks = l->code_cols->len;
  for (guint r = (guint) l->header_row + 1; r <= l->r1; r++)
    {
      if (row_is_footer (l, r))
        continue;
      for (guint b = 0; b < n_blocks; b++)
        {
          guint code_col = g_array_index (l->code_cols, guint, b);
          guint name_col = code_col + 1, amount_col = code_col + 2;
          g_autofree char *code = cell_code (l->sheet, r, code_col, NULL);
          if (code != NULL)
            {
              const FcCell *name = fc_sheet_get_cell (l->sheet, r, name_col);
              FcTableRow *row = table_row_new (r, -1, code,
                                               name->kind == FC_CELL_TEXT ? name->text : "");
              table_row_set_column (row, 1, (int) amount_col);
              g_ptr_array_add (l->table->rows, row);
              continue;
            }
          /* a label such as 人员经费合计: its amount is the first value to
           * its right, up to the next label (公用经费合计 sits in block 3
           * with its amount in block 4 in real packages) */
          guint label_col = cell_has_text (l->sheet, r, name_col) ? name_col
                            : cell_has_text (l->sheet, r, code_col) ? code_col : G_MAXUINT;
          if (label_col == G_MAXUINT)
            continue;
          FcTableRow *row = table_row_new (r, -1, NULL,
                                           fc_sheet_get_cell (l->sheet, r, label_col)->text);
          int amount = (int) amount_col;
          for (guint c = label_col + 1; c < l->ncols; c++)
            {
              if (cell_has_text (l->sheet, r, c))
                break;
              if (!cell_is_blank (l->sheet, r, c))
                {
                  amount = (int) c;
                  break;
                }
            }
          table_row_set_column (row, 1, amount);
          g_ptr_array_add (l->table->rows, row);
        }
    }
}

/* 09 and other tables without keys: data rows numbered 1, 2, … */
static void
layout_rows_plain (Layout *l)
{
  int line = 0;
  for (guint r = (guint) l->header_row + 1; r <= l->r1; r++)
    {
      if (row_is_footer (l, r))
        continue;
      gboolean any = FALSE;
      for (guint n = 1; n < l->column_of->len; n++)
        {
          int col = g_array_index (l->column_of, int, n);
          any |= col >= 0 && cell_is_amount (l->sheet, r, (guint) col);
        }
      if (!any)
        continue;
      FcTableRow *row = table_row_new (r, ++line, NULL, "");
      for (guint n = 1; n < l->column_of->len; n++)
        table_row_set_column (row, n, g_array_index (l->column_of, int, n));
      g_ptr_array_add (l->table->rows, row);
    }
}

/* 部门名称 and the year sit between the title and the header. */
static void
find_department_and_year (FcTable *t, const FcSheet *sheet, guint last_row)
{
  guint ncols = fc_sheet_get_n_cols (sheet);
  for (guint r = t->first_row; r <= last_row; r++)
    for (guint c = 0; c < ncols; c++)
      {
        const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
        if (cell->kind != FC_CELL_TEXT)
          continue;
        g_autofree char *n = fold_text (cell->text);
        if (t->department == NULL
            && (g_str_has_prefix (n, "部门名称") || g_str_has_prefix (n, "单位名称")))
          {
            const char *colon = strstr (n, ":");
            const char *value = colon ? colon + 1 : n + strlen ("部门名称");
            if (*value == '\0' && c + 1 < ncols
                && fc_sheet_get_cell (sheet, r, c + 1)->kind == FC_CELL_TEXT)
              {
                t->department = fold_text (fc_sheet_get_cell (sheet, r, c + 1)->text);
                t->department_col = c + 1;
              }
            else
              {
                t->department = g_strdup (value);
                t->department_col = c;
              }
            t->department_row = r;
          }
        const char *nian = strstr (n, "年");
        if (t->year == NULL && nian != NULL && nian - n >= 4)
          {
            const char *y = nian - 4;
            if (g_ascii_isdigit (y[0]) && g_ascii_isdigit (y[1]) && g_ascii_isdigit (y[2])
                && g_ascii_isdigit (y[3]) && (y == n || !g_ascii_isdigit (y[-1])))
              {
                t->year = g_strndup (y, 4);
                t->year_row = r;
                t->year_col = c;
              }
          }
      }
}

static gboolean
table_is_line_keyed (const char *id)
{
  return strcmp (id, "01") == 0 || strcmp (id, "04") == 0 || strcmp (id, "10") == 0;
}

/* The 行次 of the standard forms, by label, for tables published without
 * them.  In 04 the three fund labels name lines 1–3 under income and
 * 29–31 under the opening balance (行28), so order decides. */
static const struct {
  const char *table;
  const char *label; /* normalised */
  int line;
} standard_lines[] = {
  { "01", "一般公共预算财政拨款收入", 1 }, { "01", "政府性基金预算财政拨款收入", 2 },
  { "01", "国有资本经营预算财政拨款收入", 3 }, { "01", "上级补助收入", 4 },
  { "01", "事业收入", 5 }, { "01", "经营收入", 6 }, { "01", "附属单位上缴收入", 7 },
  { "01", "其他收入", 8 }, { "01", "本年收入合计", 27 },
  { "01", "使用非财政拨款结余和专用结余", 28 }, { "01", "使用非财政拨款结余", 28 },
  { "01", "年初结转和结余", 29 }, { "01", "本年支出合计", 58 }, { "01", "结余分配", 59 },
  { "01", "年末结转和结余", 60 },
  { "04", "一般公共预算财政拨款", 1 }, { "04", "政府性基金预算财政拨款", 2 },
  { "04", "国有资本经营预算财政拨款", 3 }, { "04", "本年收入合计", 27 },
  { "04", "年初财政拨款结转和结余", 28 }, { "04", "本年支出合计", 59 },
  { "04", "年末财政拨款结转和结余", 60 },
  { "10", "合计", 1 }, { "10", "货物", 2 }, { "10", "工程", 3 }, { "10", "服务", 4 },
  { "10", "行政单位", 5 }, { "10", "参照公务员法管理事业单位", 6 },
  { "10", "车辆数合计(辆)", 7 }, { "10", "副部(省)级及以上领导用车", 8 },
  { "10", "主要负责人用车", 9 }, { "10", "机要通信用车", 10 }, { "10", "应急保障用车", 11 },
  { "10", "执法执勤用车", 12 }, { "10", "特种专业技术用车", 13 },
  { "10", "离退休干部服务用车", 14 }, { "10", "其他用车", 15 },
  { "10", "单价100万元(含)以上设备(不含车辆)", 17 },
};

static void
infer_lines (FcTable *t)
{
  gboolean after_opening = FALSE; /* 04: past 年初财政拨款结转和结余 */
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < t->rows->len; i++)
    {
      FcTableRow *row = g_ptr_array_index (t->rows, i);
      if (row->line > 0)
        continue;
      for (gsize k = 0; k < G_N_ELEMENTS (standard_lines); k++)
        {
          if (strcmp (standard_lines[k].table, t->id) != 0
              || strcmp (standard_lines[k].label, row->label) != 0)
            continue;
          int line = standard_lines[k].line;
          if (strcmp (t->id, "04") == 0 && line <= 3 && after_opening)
            line += 28;
          if (g_hash_table_contains (used, GINT_TO_POINTER (line)))
            break; /* a second 合计 in 10 is not 行1 */
          g_hash_table_add (used, GINT_TO_POINTER (line));
          row->line = line;
          after_opening |= line == 28;
          break;
        }
    }
}

static void
analyse_table (FcTable *t, const FcSheet *sheet)
{
  Layout l = {
    .sheet = sheet, .r0 = t->first_row, .r1 = t->last_row,
    .ncols = fc_sheet_get_n_cols (sheet), .table = t,
    .column_of = g_array_new (FALSE, FALSE, sizeof (int)),
    .line_cols = g_array_new (FALSE, FALSE, sizeof (guint)),
    .label_cols = g_array_new (FALSE, FALSE, sizeof (guint)),
    .code_cols = g_array_new (FALSE, FALSE, sizeof (guint)),
    .name_col = -1,
    .part_cols = { -1, -1, -1 },
  };
  layout_find_header (&l);
  find_department_and_year (t, sheet, l.header_row >= 0 ? (guint) l.header_row
                                      : MIN (t->last_row, t->first_row + 6));
  t->has_header = l.header_row >= 0;
  if (l.header_row >= 0)
    {
      g_array_sort (l.line_cols, compare_uint);
      g_array_sort (l.code_cols, compare_uint);
      g_array_sort (l.label_cols, compare_uint);
      if (l.code_cols->len >= 2 && l.line_cols->len == 0)
        {
          /* 06 numbers nothing: each block has one amount column, 栏1 */
          g_array_set_size (l.column_of, 0);
          layout_set_column (&l, 1, g_array_index (l.code_cols, guint, 0) + 2);
          layout_rows_by_code_blocks (&l);
        }
      else if (l.line_cols->len > 0)
        layout_rows_by_line (&l);
      else if (l.label_cols->len > 0 && table_is_line_keyed (t->id))
        {
          /* a 01/04/10 without 行次 (Shanghai's set): blocks start at their
           * 项目 columns, and the lines come from the standard labels */
          g_array_append_vals (l.line_cols, l.label_cols->data, l.label_cols->len);
          l.anchors_are_labels = TRUE;
          layout_rows_by_line (&l);
          infer_lines (t);
          t->lines_inferred = TRUE;
        }
      else if (l.code_cols->len > 0 || l.label_cols->len > 0)
        layout_rows_by_code (&l);
      else
        {
          layout_rows_plain (&l);
          t->lines_inferred = TRUE; /* rows numbered 1, 2, … as found */
        }
      layout_column_labels (&l);
    }
  g_array_unref (l.column_of);
  g_array_unref (l.line_cols);
  g_array_unref (l.label_cols);
  g_array_unref (l.code_cols);
}

void
fc_table_free (FcTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_free (table->number_label);
  g_free (table->department);
  g_free (table->year);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->column_labels);
  g_clear_pointer (&table->by_code, g_hash_table_unref);
  g_free (table);
}

/* Code lookups are the inner loop of cross-table rules: index them. */
static void
index_codes (FcTable *t)
{
  t->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < t->rows->len; i++)
    {
      FcTableRow *r = g_ptr_array_index (t->rows, i);
      if (r->code == NULL)
        continue;
      GPtrArray *same = g_hash_table_lookup (t->by_code, r->code);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (t->by_code, r->code, same);
        }
      g_ptr_array_add (same, r);
    }
}

typedef struct {
  guint row, col;
  const char *id;     /* static */
  gboolean by_title;
  const char *text;   /* borrowed from the cell, which outlives the anchor */
} Anchor;

static gint
compare_anchor (gconstpointer a, gconstpointer b)
{
  const Anchor *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

static void
recognize_sheet (const FcSheet *sheet, GPtrArray *out)
{
  guint nrows = fc_sheet_get_n_rows (sheet), ncols = fc_sheet_get_n_cols (sheet);
  g_autoptr (GArray) titles = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (Anchor));
  for (guint r = 0; r < nrows; r++)
    for (guint c = 0; c < ncols; c++)
      {
        const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
        if (cell->kind != FC_CELL_TEXT || strlen (cell->text) > 200)
          continue;
        g_autofree char *n = fc_text_normalize (cell->text);
        const char *id;
        if ((id = id_from_title (n)) != NULL)
          {
            Anchor a = { r, c, id, TRUE, cell->text };
            g_array_append_val (titles, a);
          }
        else if ((id = id_from_number_label (n)) != NULL)
          {
            Anchor a = { r, c, id, FALSE, cell->text };
            g_array_append_val (numbers, a);
          }
      }
  /* a 表号 within a few rows below a title labels that table; any other
   * 表号 starts a table of its own (titles first, 表号 second) */
  g_autoptr (GArray) anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_array_append_vals (anchors, titles->data, titles->len);
  g_autoptr (GHashTable) attached = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < numbers->len; i++)
    {
      Anchor *num = &g_array_index (numbers, Anchor, i);
      gboolean near = FALSE;
      for (guint j = 0; j < titles->len; j++)
        {
          Anchor *t = &g_array_index (titles, Anchor, j);
          if (num->row >= t->row && num->row <= t->row + 4)
            near = TRUE;
        }
      if (!near)
        g_array_append_val (anchors, *num);
    }
  g_array_sort (anchors, compare_anchor);
  for (guint i = 0; i < anchors->len; i++)
    {
      Anchor *a = &g_array_index (anchors, Anchor, i);
      /* two titles on one row: keep the first (side-by-side tables are not
       * split by column yet) */
      if (i > 0 && g_array_index (anchors, Anchor, i - 1).row == a->row)
        continue;
      guint last = nrows - 1;
      for (guint j = i + 1; j < anchors->len; j++)
        if (g_array_index (anchors, Anchor, j).row > a->row)
          {
            last = g_array_index (anchors, Anchor, j).row - 1;
            break;
          }
      FcTable *t = g_new0 (FcTable, 1);
      t->id = a->id;
      t->title = g_strdup (a->text);
      t->sheet = sheet;
      t->first_row = a->row;
      t->last_row = last;
      t->first_col = 0;
      t->last_col = ncols > 0 ? ncols - 1 : 0;
      t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
      t->column_labels = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; j < numbers->len; j++)
        {
          Anchor *num = &g_array_index (numbers, Anchor, j);
          if (num->row >= a->row && num->row <= MIN (last, a->row + 4))
            {
              t->number_label = g_strdup (num->text);
              t->number_row = num->row;
              t->number_col = num->col;
              break;
            }
        }
      t->title_row = a->row;
      t->title_col = a->col;
      if (!a->by_title)
        {
          g_free (t->number_label);
          t->number_label = g_strdup (a->text);
          t->number_row = a->row;
          t->number_col = a->col;
        }
      analyse_table (t, sheet);
      index_codes (t);
      g_ptr_array_add (out, t);
    }
}

GPtrArray *
fc_table_recognize (const FcWorkbook *workbook)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_table_free);
  for (guint s = 0; s < fc_workbook_get_n_sheets (workbook); s++)
    recognize_sheet (fc_workbook_get_sheet (workbook, s), found);
  /* a title that heads no table (a line of a table of contents, a cover, a
   * sentence) is not a table; one with a header but no rows yields to a
   * table of the same id that has rows */
  for (guint i = found->len; i-- > 0;)
    {
      FcTable *t = g_ptr_array_index (found, i);
      if (t->rows->len > 0)
        continue;
      if (!t->has_header)
        {
          g_ptr_array_remove_index (found, i);
          continue;
        }
      for (guint j = 0; j < found->len; j++)
        {
          FcTable *o = g_ptr_array_index (found, j);
          if (j != i && o->id == t->id && o->rows->len > 0)
            {
              g_ptr_array_remove_index (found, i);
              break;
            }
        }
    }
  return found;
}

const FcTable *
fc_table_lookup (GPtrArray *tables, const char *id)
{
  for (guint i = 0; tables != NULL && i < tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (tables, i);
      if (g_strcmp0 (t->id, id) == 0)
        return t;
    }
  return NULL;
}

static gboolean
row_has (const FcTableRow *r, guint column)
{
  return column == 0 || fc_table_row_column (r, column) >= 0;
}

const FcTableRow *
fc_table_find_line (const FcTable *table, int line, guint column)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      const FcTableRow *r = g_ptr_array_index (table->rows, i);
      if (r->line == line && row_has (r, column))
        return r;
    }
  return NULL;
}

const FcTableRow *
fc_table_find_code (const FcTable *table, const char *code, guint column)
{
  GPtrArray *same = code ? g_hash_table_lookup (table->by_code, code) : NULL;
  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      const FcTableRow *r = g_ptr_array_index (same, i);
      if (row_has (r, column))
        return r;
    }
  return NULL;
}

const FcTableRow *
fc_table_find_label (const FcTable *table, const char *label, guint column)
{
  g_autofree char *want = fc_text_normalize (label);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const FcTableRow *r = g_ptr_array_index (table->rows, i);
      if (strcmp (r->label, want) == 0 && row_has (r, column))
        return r;
    }
  return NULL;
}

const char *
fc_table_column_label (const FcTable *table, guint number)
{
  if (number >= table->column_labels->len)
    return "";
  return g_ptr_array_index (table->column_labels, number);
}

char *
fc_table_row_describe (const FcTableRow *row)
{
  if (row->line > 0 && *row->display)
    return g_strdup_printf ("%s (行%d)", row->display, row->line);
  if (row->line > 0)
    return g_strdup_printf ("行%d", row->line);
  if (row->code != NULL)
    return g_strdup_printf ("%s %s", row->code, row->display);
  return g_strdup (row->display);
}
