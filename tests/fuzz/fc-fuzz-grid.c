/* fc-fuzz-grid.c — decoding fuzz bytes into a workbook and encoding a
 * workbook into such bytes (see fc-fuzz-grid.h). */
#include "fc-fuzz-grid.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* Cell ops: the low 3 bits of the op byte; arg = op >> 3 (0…31). */
enum {
  OP_EMPTY_RUN, /* arg + 1 empty cells */
  OP_SMALL_INT, /* the number arg */
  OP_DOUBLE,    /* the number in the next 8 bytes (IEEE 754, little endian) */
  OP_SPECIAL,   /* specials[arg] */
  OP_WORD,      /* words[next byte] */
  OP_TEXT,      /* arg & 1 ? u16 LE length : byte length, then bytes (made valid UTF-8) */
  OP_ERROR,     /* errors[arg] */
  OP_COMPOSED   /* two words or a code and a word, as real tables print them */
};

static const double specials[] = {
  0.0, -0.0, 1e308, -1e308, INFINITY, -INFINITY, NAN, DBL_MIN,
  4.9406564584124654e-324, DBL_MAX, 1e12, 1e12 + 0.01, -1e12 - 0.01, 0.005, 0.01, -0.01,
  0.05, -0.05, 0.015, 999999999999.99, 2147483648.0, 4294967296.0, -1.0, 1e-300,
  100.0, 1000.0, 10000.0, 2023.0, 2024.0, 201.0, 20101.0, 2010101.0,
};

static const char *const errors[] = {
  "#VALUE!", "#DIV/0!", "#N/A", "#REF!", "#NAME?", "#NUM!", "#NULL!", "Err:502",
  "Err:522", "Err:523", "#FMT", "",
};

/* Titles, header words, labels, codes, 类 names, blanks and notes tables are
 * recognised by, and a few that look like them.  Append only. */
static const char *const words[] = {
  /* 0 titles */
  "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
  "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算明细表",
  "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
  "财政拨款三公经费支出决算表", "部门决算公开相关信息统计表", "财政拨款收支决算总表",
  "一般公共预算财政拨款基本支出决算表", "政府性基金预算财政拨款支出决算表",
  "三公经费支出决算表", "三公经费财政拨款支出决算表", "部门决算相关信息统计表",
  "国有资本经营预算财政拨款收入支出决算表", "一般公共预算财政拨款“三公”经费支出决算表",
  /* 18 表号 */
  "公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表",
  "公开08表", "公开09表", "公开10表", "表7", "附表3", "公开11表", "公开00表",
  /* 32 header words */
  "项目", "行次", "栏次", "科目代码", "科目名称", "功能分类科目代码", "支出功能分类科目代码",
  "类", "款", "项", "金额", "年初预算数", "决算数", "本年收入", "本年支出", "基本支出",
  "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "人员经费", "公用经费",
  "经济分类科目", "预算数", "合计", "总计", "小计", "年初结转和结余", "年末结转和结余",
  "单位：万元", "金额单位：万元", "编制部门：", "部门名称：某某局", "2023年度", "2024年度",
  /* 67 row labels */
  "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
  "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "本年收入合计",
  "使用非财政拨款结余和专用结余", "使用非财政拨款结余", "本年支出合计", "结余分配",
  "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
  "年初财政拨款结转和结余", "年末财政拨款结转和结余", "人员经费合计", "公用经费合计",
  "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费",
  "公务接待费", "机关运行经费", "政府采购支出合计", "货物", "工程", "服务", "行政单位",
  "参照公务员法管理事业单位", "车辆数合计(辆)", "其他用车", "单价100万元(含)以上设备(不含车辆)",
  "一、一般公共服务支出", "(一) 行政单位", "1.", "二、", "（二）",
  /* 107 codes and 类 names */
  "201", "20101", "2010101", "2010301", "208", "20805", "2080501", "221", "22102",
  "2210201", "一般公共服务支出", "社会保障和就业支出", "住房保障支出", "卫生健康支出",
  "行政运行", "一般行政管理事务", "机关服务", "201 一般公共服务支出", "20101 人大事务",
  "2010101   行政运行", "01", "02", "06", "99",
  /* 131 amounts as text, blanks, notes */
  "——", "—", "-", "--", "－", "/", "", " ", "\xe3\x80\x80", "0.00", "634.38",
  " 1,234.50 ", "－16.28", "１２", "1e308", "-0", "９９.９", "六百", "abc",
  "注：本表无数据", "本表无数据", "说明：", "注：本单位无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。",
  "XX", "（下降）增长", "\xe2\x80\x9c", "\xef\xbc\x88", "\xef\xbc\x89", ":", "：",
  "\t", "\n", "\r\n", "\xe2\x80\x8b", "\xef\xbb\xbf",
};

#define N_WORDS G_N_ELEMENTS (words)

typedef struct {
  const uint8_t *p, *end;
} Reader;

static guint
take (Reader *r)
{
  return r->p < r->end ? *r->p++ : 0;
}

static guint
take_u16 (Reader *r)
{
  guint lo = take (r);
  return lo | take (r) << 8;
}

static double
take_double (Reader *r)
{
  guint64 bits = 0;
  for (guint i = 0; i < 8; i++)
    bits |= (guint64) take (r) << (8 * i);
  double v;
  memcpy (&v, &bits, sizeof v);
  return v;
}

/* length bytes as valid UTF-8, as every reader of ours hands the engine
 * (transfer full) */
static char *
take_text (Reader *r, gsize length)
{
  gsize n = MIN (length, (gsize) (r->end - r->p));
  char *text = g_utf8_make_valid ((const char *) r->p, n);
  r->p += n;
  return text;
}

static void
decode_cell (Reader *r, FcSheet *s, guint *row, guint *col, guint cols)
{
  guint op = take (r), arg = op >> 3, skip = 1;
  switch (op & 7)
    {
    case OP_EMPTY_RUN:
      skip = arg + 1;
      break;
    case OP_SMALL_INT:
      fc_sheet_set_number (s, *row, *col, arg);
      break;
    case OP_DOUBLE:
      fc_sheet_set_number (s, *row, *col, take_double (r));
      break;
    case OP_SPECIAL:
      fc_sheet_set_number (s, *row, *col, specials[arg % G_N_ELEMENTS (specials)]);
      break;
    case OP_WORD:
      fc_sheet_set_text (s, *row, *col, words[take (r) % N_WORDS]);
      break;
    case OP_TEXT:
      {
        g_autofree char *text = take_text (r, arg & 1 ? take_u16 (r) : take (r));
        fc_sheet_set_text (s, *row, *col, text);
      }
      break;
    case OP_ERROR:
      fc_sheet_set_error (s, *row, *col, errors[arg % G_N_ELEMENTS (errors)]);
      break;
    default:
      {
        const char *a = words[take (r) % N_WORDS];
        const char *b = words[take (r) % N_WORDS];
        g_autofree char *text = NULL;
        switch (arg % 4)
          {
          case 0: text = g_strdup_printf ("%u %s", take_u16 (r) * 100 + take (r), b); break;
          case 1: text = g_strconcat (a, b, NULL); break;
          case 2: text = g_strconcat (a, "（", b, "）", NULL); break;
          default: text = g_strconcat ("\xe3\x80\x80", a, "\xc2\xa0", NULL); break;
          }
        fc_sheet_set_text (s, *row, *col, text);
      }
      break;
    }
  /* advance row-major */
  guint pos = *row * cols + *col + skip;
  *row = pos / cols;
  *col = pos % cols;
}

FcWorkbook *
fc_fuzz_grid_decode (const uint8_t *data, size_t size)
{
  Reader r = { data, data + size };
  FcWorkbook *wb = fc_workbook_new ();
  guint first = take (&r);
  guint n_sheets = first < 0xF0 ? 1 + first % 12 : 13 + first - 0xF0;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *given = take_text (&r, take (&r));
      /* sheet names are unique in a spreadsheet, and never empty */
      char *name = *given && !g_hash_table_contains (names, given)
                     ? g_strdup (given) : g_strdup_printf ("S%u", i);
      while (g_hash_table_contains (names, name))
        {
          char *longer = g_strconcat (name, "~", NULL);
          g_free (name);
          name = longer;
        }
      g_hash_table_add (names, name);
      guint rows = take_u16 (&r) & (FC_FUZZ_GRID_MAX_ROWS - 1);
      guint cols = take (&r) & (FC_FUZZ_GRID_MAX_COLS - 1);
      FcSheet *s = fc_workbook_add_sheet (wb, name, rows, cols);
      guint row = 0, col = 0;
      while (s != NULL && cols > 0 && row < rows && r.p < r.end)
        decode_cell (&r, s, &row, &col, cols);
    }
  return wb;
}

static void
put (GByteArray *out, guint byte)
{
  guint8 b = byte;
  g_byte_array_append (out, &b, 1);
}

static void
put_text (GByteArray *out, const char *text, gboolean wide)
{
  gsize n = MIN (strlen (text), wide ? 0xffff : 0xff);
  if (!wide)
    put (out, n);
  else
    {
      put (out, n & 0xff);
      put (out, n >> 8);
    }
  g_byte_array_append (out, (const guint8 *) text, n);
}

static int
find_special (double v)
{
  for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
    if (memcmp (&v, &specials[i], sizeof v) == 0)
      return i;
  return -1;
}

static int
find_word (const char *const *list, guint n, const char *text)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (list[i], text) == 0)
      return i;
  return -1;
}

static void
encode_cell (GByteArray *out, const FcCell *cell)
{
  int k;
  switch (cell->kind)
    {
    case FC_CELL_NUMBER:
      if ((k = find_special (cell->number)) >= 0)
        put (out, OP_SPECIAL | k << 3);
      else if (cell->number >= 0 && cell->number < 32 && cell->number == floor (cell->number)
               && !signbit (cell->number))
        put (out, OP_SMALL_INT | (guint) cell->number << 3);
      else
        {
          guint64 bits;
          memcpy (&bits, &cell->number, sizeof bits);
          put (out, OP_DOUBLE);
          for (guint i = 0; i < 8; i++)
            put (out, (bits >> (8 * i)) & 0xff);
        }
      break;
    case FC_CELL_TEXT:
      if ((k = find_word (words, N_WORDS, cell->text)) >= 0)
        {
          put (out, OP_WORD);
          put (out, k);
        }
      else
        {
          gboolean wide = strlen (cell->text) > 0xff;
          put (out, OP_TEXT | wide << 3);
          put_text (out, cell->text, wide);
        }
      break;
    case FC_CELL_ERROR:
      k = find_word (errors, G_N_ELEMENTS (errors), cell->text ? cell->text : "");
      put (out, OP_ERROR | MAX (k, 0) << 3);
      break;
    default:
      put (out, OP_EMPTY_RUN);
      break;
    }
}

GBytes *
fc_fuzz_grid_encode (const FcWorkbook *workbook)
{
  GByteArray *out = g_byte_array_new ();
  guint n_sheets = MIN (fc_workbook_get_n_sheets (workbook), FC_FUZZ_GRID_MAX_SHEETS);
  put (out, n_sheets <= 12 ? n_sheets - 1 : 0xF0 + n_sheets - 13);
  for (guint i = 0; i < n_sheets; i++)
    {
      const FcSheet *s = fc_workbook_get_sheet (workbook, i);
      guint rows = MIN (fc_sheet_get_n_rows (s), FC_FUZZ_GRID_MAX_ROWS - 1);
      guint cols = MIN (fc_sheet_get_n_cols (s), FC_FUZZ_GRID_MAX_COLS - 1);
      put_text (out, fc_sheet_get_name (s), FALSE);
      put (out, rows & 0xff);
      put (out, rows >> 8);
      put (out, cols);
      /* the decoder stops at the end of the bytes, so trailing empties
       * of the last sheet cost nothing; elsewhere they are runs */
      guint empties = 0;
      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < cols; c++)
          {
            const FcCell *cell = fc_sheet_get_cell (s, r, c);
            if (cell->kind == FC_CELL_EMPTY)
              {
                empties++;
                continue;
              }
            for (; empties > 0; empties -= MIN (empties, 32))
              put (out, OP_EMPTY_RUN | (MIN (empties, 32) - 1) << 3);
            encode_cell (out, cell);
          }
      for (; empties > 0 && i + 1 < n_sheets; empties -= MIN (empties, 32))
        put (out, OP_EMPTY_RUN | (MIN (empties, 32) - 1) << 3);
    }
  return g_byte_array_free_to_bytes (out);
}
