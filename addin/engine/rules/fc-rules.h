/* fc-rules.h — the rule catalogue (审核公式) as data.
 *
 * A rule file is a GKeyFile; each group is one rule:
 *
 *   [R01.1]
 *   severity = error
 *   check = 01["本年收入合计",1] = sum(01[1..8,1])
 *   message[zh_CN] = 本年收入合计应等于第1至8行各项收入之和
 *   message[en_US] = Total income must equal the sum of income lines 1–8
 *
 * A cell reference is TABLE[ROW,COLUMN]: TABLE is the table number (01–99);
 * ROW is a 行次 (27), a range of 行次 (1..8), a code (#201), a label
 * ("合计"), * (every row: the rule is checked once per row), $class or
 * $code (every 类 code / every code found in the referenced tables), or
 * class (all 类 rows, summed); COLUMN is a 栏次 (1), a range (2..7, summed)
 * or * (every column).  A reference that names several cells stands for
 * their sum; sum(...) says so explicitly.  Relations: =, <=, >=.
 *
 * Other kinds (hierarchy, presence, table-number, code-names, …) and the
 * keys each accepts are listed by fc_rules_describe_kinds(); a key a kind
 * does not have is an error, so typos do not go unnoticed.
 *
 * The group [tolerance] is not a rule: per_figure and maximum set the
 * rounding tolerance (see FcTolerance).
 */
#pragma once

#include <glib.h>

#include "fc-catalogue.h"
#include "fc-finding.h"
#include "fc-rule-aspects.h"

G_BEGIN_DECLS

typedef enum {
  FC_ROW_LINE,       /* line_from */
  FC_ROW_LINE_RANGE, /* line_from..line_to */
  FC_ROW_CODE,       /* key */
  FC_ROW_LABEL,      /* key */
  FC_ROW_EACH,       /* * */
  FC_ROW_EACH_CLASS, /* $class */
  FC_ROW_EACH_CODE,  /* $code */
  FC_ROW_ALL_CLASSES /* class */
} FcRowSelector;

typedef enum {
  FC_COLUMN_ONE,   /* col_from */
  FC_COLUMN_RANGE, /* col_from..col_to */
  FC_COLUMN_EACH   /* * */
} FcColumnSelector;

typedef struct {
  char table[3];
  FcRowSelector row;
  int line_from, line_to;
  char *key;
  FcColumnSelector column;
  guint col_from, col_to;
} FcRef;

typedef struct {
  int sign;        /* +1 or -1 */
  gboolean is_constant;
  double constant;
  FcRef ref;
} FcTerm;

typedef enum { FC_RELATION_EQ, FC_RELATION_LE, FC_RELATION_GE } FcRelation;

/* A total and the parts it breaks down into (key breakdown): a rule is
 * checked only where each of its breakdowns is printed — the parts hold a
 * figure, or the total is nil.  Blank parts beside a total say the package
 * does not break it down there (04's 结转 by fund). */
typedef struct {
  GArray *total; /* of FcTerm */
  GArray *parts; /* of FcTerm */
} FcBreakdown;

typedef enum {
  FC_RULE_CHECK,
  FC_RULE_HIERARCHY,
  FC_RULE_PRESENCE,
  FC_RULE_TABLE_NUMBER,
  FC_RULE_CODE_NAMES,      /* a code has one name in every table */
  FC_RULE_CODE_PARENTS,    /* a 7-digit code's 5- and 3-digit parents are there */
  FC_RULE_EMPTY_EXPLAINED, /* a table without amounts says so (本表无数据) */
  FC_RULE_HEADER_AGREEMENT, /* 部门名称 and year agree across tables */
  FC_RULE_INSTRUCTIONS,     /* no template instruction is left in a table */
  FC_RULE_UNIT_AGREEMENT,   /* every table states the same unit */
  FC_RULE_NARRATIVE,        /* the 情况说明 against the tables (aspect) */
  FC_RULE_SELF_EVALUATION   /* a project self-evaluation table's own sums (aspect) */
} FcRuleKind;

typedef struct {
  char *id;
  FcRuleKind kind;
  FcSeverity severity;
  char *table;       /* the table the rule reports under ("01"; "" for the package) */
  char *message;     /* zh-CN */
  char *message_en;  /* en-US */
  char *expression;  /* the check as written */
  char *origin;      /* "file:line" of the group, for messages */
  GArray *lhs;       /* of FcTerm */
  GArray *rhs;       /* of FcTerm */
  FcRelation relation;
  guint col_from, col_to; /* hierarchy columns */
  GPtrArray *tables; /* of char*: every table the rule reads */
  GArray *breakdowns; /* of FcBreakdown: where the rule applies */
  FcRuleAspect aspect; /* narrative, self-evaluation: what is checked; FC_ASPECT_NONE otherwise */
} FcRule;

void fc_rule_free (FcRule *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcRule, fc_rule_free)

/* How far an identity over k written figures may be off through rounding:
 * per_figure × k (interval semantics: each figure is ±0.005), but for sums
 * (k ≥ 3) at least minimum — re-balancing after rounding (舍位平衡) moves a
 * figure by 0.01 on top of its own rounding — and at most maximum, because for long sums
 * 0.005 × k grows past the size of a real typo (0.05) while real packages'
 * tails stay within 0.02.  A rule file may set all three in [tolerance]. */
typedef struct {
  double per_figure;
  double minimum;
  double maximum;
} FcTolerance;

#define FC_TOLERANCE_DEFAULT ((FcTolerance) { 0.005, 0.02, 0.025 })

/* Parses rule text into rules appended to out (of FcRule*, free func set by
 * the caller).  A rule with the id of an earlier one replaces it.  Groups of
 * the catalogue ([table 06], [words] …) go to catalogue, which may be NULL
 * when the text must hold rules only.  On error returns FALSE with
 * FC_ERROR_RULE_SYNTAX naming name:line and what is wrong; out, tolerance
 * and catalogue are left unchanged then. */
gboolean fc_rules_parse_full (const char *data, gssize length, const char *name,
                              GPtrArray *out, FcTolerance *tolerance,
                              FcCatalogue *catalogue, GError **error);

/* fc_rules_parse_full without a catalogue. */
gboolean fc_rules_parse (const char *data, gssize length, const char *name,
                         GPtrArray *out, FcTolerance *tolerance, GError **error);

/* The documentation of every key and rule kind the parser accepts, as
 * "# " comment lines (transfer full): the header of a rule file shows it,
 * and a test keeps the shipped file's header equal to it. */
char *fc_rules_describe_kinds (void);

/* Parses a single check expression, e.g. "01[27,1] = sum(01[1..8,1])",
 * into rule (lhs, rhs, relation, tables).  For tests and tools. */
gboolean fc_rules_parse_expression (const char *expression, FcRule *rule,
                                    GError **error);

/* Parses a figure: cell references and constants joined by + and -, as
 * one side of a check ("10[5,1] + 10[6,1]"), into the lhs of a new rule
 * (kind check, no rhs) that fc_check_figure() evaluates (transfer full). */
FcRule *fc_rules_parse_figure (const char *figure, GError **error);

/* The 1-based line of "[group]" in a key file's text, or of its key when
 * key is not NULL, for messages that say where (0 when not found). */
guint fc_rules_line_of (const char *data, const char *group, const char *key);

G_END_DECLS
