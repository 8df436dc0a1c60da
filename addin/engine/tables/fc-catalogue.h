/* fc-catalogue.h — the domain catalogue: the tables of a 部门决算公开 package
 * (titles, how rows are keyed, the standard 行次 and 栏次 and the labels that
 * name them), the table sets provinces publish, the 功能分类 类 names and the
 * words that mark the parts of a table.  Loaded from data (catalogue.ini
 * beside the rules; its header documents every key), never compiled in.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FC_ROWS_LINES,       /* 01, 04, 10: 行次, or labels standing for them */
  FC_ROWS_CODES,       /* 02, 03, 05, 07, 08: 科目代码 rows and 合计 */
  FC_ROWS_CODE_BLOCKS, /* 06: code | name | amount blocks side by side */
  FC_ROWS_PLAIN        /* 09: rows numbered 1, 2, … as found */
} FcRowsKind;

/* One 栏次 of a table and the header texts that name it. */
typedef struct {
  guint number;
  GPtrArray *alternatives; /* of GStrv: normalised words that must all appear */
} FcColumnDef;

/* One 行次 of a line-keyed table and the labels that name it. */
typedef struct {
  int line;
  GStrv labels; /* normalised */
} FcLineDef;

typedef struct {
  char *id;          /* "01" */
  char *title;       /* the standard title, as written */
  GPtrArray *titles; /* of char*, normalised: the standard title first */
  FcRowsKind rows;
  GArray *lines;     /* of FcLineDef, by line */
  GArray *columns;   /* of FcColumnDef, by number */
  GArray *optional;  /* of guint: 栏次 a variant may leave out */
} FcTableDef;

typedef enum {
  FC_LABELS_STANDARD, /* 公开01表 … */
  FC_LABELS_NUMBERED, /* 表1, 表2 … in the set's order */
  FC_LABELS_NONE      /* no 表号 printed */
} FcLabelStyle;

typedef struct {
  char *id;     /* "standard" */
  char *name;   /* for messages */
  GStrv tables; /* table ids in 表号 order */
  FcLabelStyle labels;
} FcTableSet;

/* The word lists of [words]. */
typedef enum {
  FC_WORDS_LINE,
  FC_WORDS_CODE,
  FC_WORDS_NAME,
  FC_WORDS_CODE_PARTS, /* 类, 款, 项 in this order */
  FC_WORDS_LABEL,
  FC_WORDS_COLUMN_NUMBERS,
  FC_WORDS_TOTALS,
  FC_WORDS_FOOTERS,
  FC_WORDS_EMPTY,
  FC_WORDS_INSTRUCTIONS,
  FC_WORDS_DEPARTMENT,
  FC_WORDS_TITLE_PREFIX_ENDS,
  FC_WORDS_UNITS,
  FC_WORDS_N
} FcWords;

typedef struct _FcCatalogue FcCatalogue;

/* An empty catalogue (transfer full). */
FcCatalogue *fc_catalogue_new (void);
void fc_catalogue_free (FcCatalogue *catalogue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcCatalogue, fc_catalogue_free)

/* TRUE for the groups of a catalogue: [table NN], [set NAME], [classes],
 * [units], [words].  Rule files may hold them too (a province's titles beside its
 * rules). */
gboolean fc_catalogue_is_group (const char *group);

/* Reads one catalogue group of kf.  With apply FALSE it only validates.
 * In a group read a second time (a later file), lists extend the earlier
 * ones and single values replace them.  On error returns FALSE with
 * FC_ERROR_RULE_SYNTAX and *bad_key (transfer none: a static string or a
 * key of kf's) naming the key at fault, or NULL for the group itself. */
gboolean fc_catalogue_add_group (FcCatalogue *catalogue, GKeyFile *kf,
                                 const char *group, gboolean apply,
                                 const char **bad_key, GError **error);

/* The tables, in id order (transfer none). */
guint fc_catalogue_get_n_tables (const FcCatalogue *catalogue);
const FcTableDef *fc_catalogue_get_table (const FcCatalogue *catalogue, guint index);
/* The table with that id, or NULL (transfer none). */
const FcTableDef *fc_catalogue_lookup_table (const FcCatalogue *catalogue, const char *id);

/* The sets, in catalogue order (transfer none). */
guint fc_catalogue_get_n_sets (const FcCatalogue *catalogue);
const FcTableSet *fc_catalogue_get_set (const FcCatalogue *catalogue, guint index);

/* The table id (transfer none) a title names as a whole: the title itself,
 * or a prefix that is a year or a department name followed by it, and
 * perhaps "(2023年度)" after it.  A longer title that ends with a shorter
 * one ("国有资本经营预算财政拨款收入支出决算表" ends with 支出决算表) names
 * no table unless it is listed.  NULL when none. */
const char *fc_catalogue_table_for_title (const FcCatalogue *catalogue, const char *text);

/* The table id (transfer none) for a bare number ("2", "02"), a 表号
 * ("公开02表", "表2") or a title; NULL when none. */
const char *fc_catalogue_parse_table_id (const FcCatalogue *catalogue, const char *text);

/* The 类 code (transfer none) a 01/04 expenditure label names
 * ("一般公共服务支出" → "201"), or NULL. */
const char *fc_catalogue_class_for_label (const FcCatalogue *catalogue, const char *normalized);

/* What one unit ("元") is in 万元 (1e-4), or 0 for a text that names no
 * unit of [units]. */
double fc_catalogue_unit_scale (const FcCatalogue *catalogue, const char *unit);

/* A word list of [words], NULL-terminated (transfer none; never NULL);
 * FC_WORDS_UNITS lists the units of [units]. */
const char *const *fc_catalogue_words (const FcCatalogue *catalogue, FcWords which);

/* The 栏次 def of a table, or NULL (transfer none). */
const FcColumnDef *fc_table_def_column (const FcTableDef *def, guint number);
/* TRUE when a variant may leave out that 栏次. */
gboolean fc_table_def_column_optional (const FcTableDef *def, guint number);

/* The table id ("01" … "99") a bare number ("2", "02") or a 表号
 * ("公开02表", "表2", "附表2") names; NULL when none (transfer none).  For
 * titles, fc_catalogue_parse_table_id. */
const char *fc_catalogue_parse_table_label (const char *text);

/* The same for a normalised text (fc_text_normalize) that must be a 表号,
 * not a bare number (amounts and 行次 are numbers too). */
const char *fc_catalogue_table_label_id (const char *normalized);

G_END_DECLS
