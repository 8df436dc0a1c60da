/* fc-rules.c — reading rule files: GKeyFile for the groups, GScanner for
 * the check expressions. */
#include "fc-rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fc-error.h"
#include "fc-table.h"

static void
ref_clear (FcRef *ref)
{
  g_clear_pointer (&ref->key, g_free);
}

static void
term_array_clear (GArray *terms)
{
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    ref_clear (&g_array_index (terms, FcTerm, i).ref);
}

static void
breakdown_clear (FcBreakdown *b)
{
  term_array_clear (b->total);
  term_array_clear (b->parts);
  g_clear_pointer (&b->total, g_array_unref);
  g_clear_pointer (&b->parts, g_array_unref);
}

void
fc_rule_free (FcRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->id);
  g_free (rule->table);
  g_free (rule->message);
  g_free (rule->message_en);
  g_free (rule->expression);
  g_free (rule->origin);
  term_array_clear (rule->lhs);
  term_array_clear (rule->rhs);
  g_clear_pointer (&rule->lhs, g_array_unref);
  g_clear_pointer (&rule->rhs, g_array_unref);
  g_clear_pointer (&rule->tables, g_ptr_array_unref);
  g_clear_pointer (&rule->breakdowns, g_array_unref);
  g_free (rule);
}

/* ---- expressions ------------------------------------------------------- */

typedef struct {
  GScanner *scanner;
  char *problem; /* first problem found, owned */
} Parser;

static gboolean
fail (Parser *p, const char *what)
{
  if (p->problem == NULL)
    p->problem = g_strdup_printf ("%s (at character %u)", what,
                                  g_scanner_cur_position (p->scanner));
  return FALSE;
}

static gboolean
expect_char (Parser *p, char c)
{
  if (g_scanner_get_next_token (p->scanner) != (GTokenType) c)
    {
      g_autofree char *what = g_strdup_printf ("expected '%c'", c);
      return fail (p, what);
    }
  return TRUE;
}

/* "1" or "1..8" after the first integer was read. */
static gboolean
parse_range_tail (Parser *p, guint64 from, guint64 *to, gboolean *is_range)
{
  *to = from;
  *is_range = FALSE;
  if (g_scanner_peek_next_token (p->scanner) != (GTokenType) '.')
    return TRUE;
  g_scanner_get_next_token (p->scanner);
  if (!expect_char (p, '.'))
    return FALSE;
  if (g_scanner_get_next_token (p->scanner) != G_TOKEN_INT)
    return fail (p, "expected a number after '..'");
  *to = p->scanner->value.v_int;
  *is_range = TRUE;
  if (*to < from)
    return fail (p, "a range must run upwards");
  return TRUE;
}

static gboolean
parse_row (Parser *p, FcRef *ref)
{
  GTokenType t = g_scanner_get_next_token (p->scanner);
  if (t == G_TOKEN_INT)
    {
      guint64 from = p->scanner->value.v_int, to;
      gboolean range;
      if (!parse_range_tail (p, from, &to, &range))
        return FALSE;
      if (from < 1 || to > 9999)
        return fail (p, "行次 run from 1 to 9999");
      ref->row = range ? FC_ROW_LINE_RANGE : FC_ROW_LINE;
      ref->line_from = (int) from;
      ref->line_to = (int) to;
      return TRUE;
    }
  if (t == G_TOKEN_STRING)
    {
      ref->row = FC_ROW_LABEL;
      ref->key = g_strdup (p->scanner->value.v_string);
      return TRUE;
    }
  if (t == (GTokenType) '*')
    {
      ref->row = FC_ROW_EACH;
      return TRUE;
    }
  if (t == (GTokenType) '#')
    {
      if (g_scanner_get_next_token (p->scanner) != G_TOKEN_INT)
        return fail (p, "expected a code after '#'");
      ref->row = FC_ROW_CODE;
      ref->key = g_strdup_printf ("%" G_GUINT64_FORMAT, p->scanner->value.v_int64);
      gsize len = strlen (ref->key);
      if (len != 3 && len != 5 && len != 7)
        return fail (p, "a 科目代码 has 3, 5 or 7 digits");
      return TRUE;
    }
  if (t == G_TOKEN_IDENTIFIER)
    {
      const char *id = p->scanner->value.v_identifier;
      if (strcmp (id, "$class") == 0)
        ref->row = FC_ROW_EACH_CLASS;
      else if (strcmp (id, "$code") == 0)
        ref->row = FC_ROW_EACH_CODE;
      else if (strcmp (id, "class") == 0)
        ref->row = FC_ROW_ALL_CLASSES;
      else
        return fail (p, "unknown row selector (use 27, 1..8, #201, \"合计\", *, $class, $code or class)");
      return TRUE;
    }
  return fail (p, "expected a row selector");
}

static gboolean
parse_column (Parser *p, FcRef *ref)
{
  GTokenType t = g_scanner_get_next_token (p->scanner);
  if (t == (GTokenType) '*')
    {
      ref->column = FC_COLUMN_EACH;
      return TRUE;
    }
  if (t != G_TOKEN_INT)
    return fail (p, "expected a 栏次 number, a range or *");
  guint64 from = p->scanner->value.v_int, to;
  gboolean range;
  if (!parse_range_tail (p, from, &to, &range))
    return FALSE;
  if (from < 1 || to > 64)
    return fail (p, "栏次 must be between 1 and 64");
  ref->column = range ? FC_COLUMN_RANGE : FC_COLUMN_ONE;
  ref->col_from = (guint) from;
  ref->col_to = (guint) to;
  return TRUE;
}

static void
note_table (FcRule *rule, const char *table)
{
  for (guint i = 0; i < rule->tables->len; i++)
    if (strcmp (g_ptr_array_index (rule->tables, i), table) == 0)
      return;
  g_ptr_array_add (rule->tables, g_strdup (table));
}

static gboolean
parse_ref (Parser *p, FcRule *rule, FcRef *ref)
{
  /* the table number was already read */
  guint64 n = p->scanner->value.v_int;
  if (n < 1 || n > 99)
    return fail (p, "table numbers run from 01 to 99");
  g_snprintf (ref->table, sizeof ref->table, "%02u", (guint) n);
  note_table (rule, ref->table);
  return expect_char (p, '[') && parse_row (p, ref) && expect_char (p, ',')
         && parse_column (p, ref) && expect_char (p, ']');
}

static gboolean
parse_term (Parser *p, FcRule *rule, int sign, GArray *terms)
{
  FcTerm term = { .sign = sign };
  GTokenType t = g_scanner_get_next_token (p->scanner);
  if (t == G_TOKEN_IDENTIFIER && strcmp (p->scanner->value.v_identifier, "sum") == 0)
    {
      if (!expect_char (p, '('))
        return FALSE;
      if (g_scanner_get_next_token (p->scanner) != G_TOKEN_INT)
        return fail (p, "sum( takes a cell reference");
      if (!parse_ref (p, rule, &term.ref))
        return (ref_clear (&term.ref), FALSE);
      g_array_append_val (terms, term);
      return expect_char (p, ')');
    }
  if (t != G_TOKEN_INT)
    return fail (p, "expected a cell reference such as 01[27,1]");
  if (g_scanner_peek_next_token (p->scanner) != (GTokenType) '[')
    {
      /* a bare number is a constant: 0 */
      term.is_constant = TRUE;
      term.constant = (double) p->scanner->value.v_int;
      g_array_append_val (terms, term);
      return TRUE;
    }
  if (!parse_ref (p, rule, &term.ref))
    return (ref_clear (&term.ref), FALSE);
  g_array_append_val (terms, term);
  return TRUE;
}

static gboolean
parse_side (Parser *p, FcRule *rule, GArray *terms)
{
  int sign = 1;
  if (g_scanner_peek_next_token (p->scanner) == (GTokenType) '-')
    {
      g_scanner_get_next_token (p->scanner);
      sign = -1;
    }
  if (!parse_term (p, rule, sign, terms))
    return FALSE;
  for (;;)
    {
      GTokenType t = g_scanner_peek_next_token (p->scanner);
      if (t != (GTokenType) '+' && t != (GTokenType) '-')
        return TRUE;
      g_scanner_get_next_token (p->scanner);
      if (!parse_term (p, rule, t == (GTokenType) '+' ? 1 : -1, terms))
        return FALSE;
    }
}

static gboolean
parse_relation (Parser *p, FcRule *rule)
{
  GTokenType t = g_scanner_get_next_token (p->scanner);
  if (t == (GTokenType) '=')
    {
      rule->relation = FC_RELATION_EQ;
      return TRUE;
    }
  if ((t == (GTokenType) '<' || t == (GTokenType) '>')
      && g_scanner_get_next_token (p->scanner) == (GTokenType) '=')
    {
      rule->relation = t == (GTokenType) '<' ? FC_RELATION_LE : FC_RELATION_GE;
      return TRUE;
    }
  return fail (p, "expected =, <= or >=");
}

/* '*' rows must all name one table: that table's rows are what is iterated. */
static gboolean
check_each_row_tables (Parser *p, FcRule *rule)
{
  const char *each = NULL;
  GArray *sides[] = { rule->lhs, rule->rhs };
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        const FcTerm *t = &g_array_index (sides[s], FcTerm, i);
        if (t->is_constant || t->ref.row != FC_ROW_EACH)
          continue;
        if (each != NULL && strcmp (each, t->ref.table) != 0)
          return fail (p, "'*' rows must all be in the same table (use $code to match rows across tables)");
        each = t->ref.table;
      }
  return TRUE;
}

/* Parses expression into rule: a whole check, or with figure_only one side
 * of it (into lhs). */
static gboolean
parse_text (const char *expression, FcRule *rule, gboolean figure_only, GError **error)
{
  Parser p = { g_scanner_new (NULL), NULL };
  GScannerConfig *c = p.scanner->config;
  c->scan_float = FALSE; /* "1..8" must stay two integers */
  c->scan_octal = FALSE; /* "08" is table 8 */
  c->scan_hex = FALSE;
  c->numbers_2_int = TRUE;
  c->int_2_float = FALSE;
  c->scan_identifier_1char = TRUE;
  c->cpair_comment_single = NULL; /* '#' introduces a code, not a comment */
  c->cset_identifier_first = G_CSET_a_2_z G_CSET_A_2_Z "_$";
  c->scan_string_sq = FALSE;
  g_scanner_input_text (p.scanner, expression, (guint) strlen (expression));

  if (rule->lhs == NULL)
    rule->lhs = g_array_new (FALSE, TRUE, sizeof (FcTerm));
  if (rule->rhs == NULL)
    rule->rhs = g_array_new (FALSE, TRUE, sizeof (FcTerm));
  if (rule->tables == NULL)
    rule->tables = g_ptr_array_new_with_free_func (g_free);

  gboolean ok = parse_side (&p, rule, rule->lhs)
                && (figure_only || (parse_relation (&p, rule) && parse_side (&p, rule, rule->rhs)))
                && (g_scanner_get_next_token (p.scanner) == G_TOKEN_EOF
                    || fail (&p, "unexpected text after the expression"))
                && check_each_row_tables (&p, rule);
  if (!ok)
    g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "%s", p.problem);
  g_free (p.problem);
  g_scanner_destroy (p.scanner);
  return ok;
}

gboolean
fc_rules_parse_expression (const char *expression, FcRule *rule, GError **error)
{
  return parse_text (expression, rule, FALSE, error);
}

FcRule *
fc_rules_parse_figure (const char *figure, GError **error)
{
  g_autoptr (FcRule) rule = g_new0 (FcRule, 1);
  rule->id = g_strdup ("");
  rule->expression = g_strdup (figure);
  rule->aspect = FC_ASPECT_NONE;
  if (!parse_text (figure, rule, TRUE, error))
    return NULL;
  return g_steal_pointer (&rule);
}

/* ---- rule files -------------------------------------------------------- */

/* 1-based line of "[group]" in the text, or of its key when key != NULL. */
guint
fc_rules_line_of (const char *data, const char *group, const char *key)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  g_autofree char *header = g_strdup_printf ("[%s]", group);
  gboolean in_group = FALSE;
  guint group_line = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *l = g_strstrip (g_strdup (lines[i]));
      if (l[0] == '[')
        {
          in_group = strcmp (l, header) == 0;
          if (in_group)
            group_line = i + 1;
          continue;
        }
      if (in_group && key != NULL && g_str_has_prefix (l, key)
          && strchr ("= [\t", l[strlen (key)]) != NULL)
        return i + 1;
    }
  return group_line;
}

/* GKeyFile says what is wrong but not where: find the first line that is
 * neither blank, a comment, a [group] nor key = value. */
static guint
first_bad_line (const char *data)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *l = g_strstrip (g_strdup (lines[i]));
      if (*l == '\0' || *l == '#' || (*l == '[' && l[strlen (l) - 1] == ']')
          || (strchr (l, '=') != NULL && *l != '='))
        continue;
      return i + 1;
    }
  return 0;
}

/* "3" or "1..7", nothing else, within 1..64. */
static gboolean
parse_column_range (const char *text, guint *from, guint *to)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  char *end = NULL;
  guint64 a = g_ascii_strtoull (s, &end, 10), b = a;
  if (end == s)
    return FALSE;
  if (g_str_has_prefix (end, ".."))
    {
      char *start = end + 2;
      b = g_ascii_strtoull (start, &end, 10);
      if (end == start)
        return FALSE;
    }
  if (*end != '\0' || a < 1 || b > 64 || b < a)
    return FALSE;
  *from = (guint) a;
  *to = (guint) b;
  return TRUE;
}

/* GKeyFile silently merges a repeated [group] and keeps the last of a
 * repeated key: in a rule file either is a mistake, so say where. */
static gboolean
check_duplicates (const char *data, const char *name, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *l = g_strstrip (g_strdup (lines[i]));
      if (*l == '[' && l[strlen (l) - 1] == ']')
        {
          if (!g_hash_table_add (groups, g_strdup (l)))
            {
              g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX,
                           "%s:%u: %s appears a second time", name, i + 1, l);
              return FALSE;
            }
          g_hash_table_remove_all (keys);
          continue;
        }
      const char *eq = strchr (l, '=');
      if (*l == '#' || eq == NULL)
        continue;
      char *key = g_strstrip (g_strndup (l, (gsize) (eq - l)));
      if (!g_hash_table_add (keys, key))
        {
          g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX,
                       "%s:%u: key “%s” appears a second time in this group", name, i + 1, key);
          return FALSE;
        }
    }
  return TRUE;
}

static FcSeverity
parse_severity (const char *s, gboolean *ok)
{
  *ok = TRUE;
  if (s == NULL || strcmp (s, "error") == 0)
    return FC_SEVERITY_ERROR;
  if (strcmp (s, "warning") == 0)
    return FC_SEVERITY_WARNING;
  if (strcmp (s, "info") == 0)
    return FC_SEVERITY_INFO;
  *ok = FALSE;
  return FC_SEVERITY_ERROR;
}

/* ---- rule kinds -------------------------------------------------------- */

/* Where a group is being read, for the parsers and their messages. */
typedef struct {
  GKeyFile *kf;
  const char *data; /* the whole file, to find line numbers */
  const char *name; /* the file's name */
  const char *group;
} Source;

/* Sets error to "name:line: rule GROUP: …", the line being that of key
 * (or of the group when key is NULL).  Returns FALSE. */
G_GNUC_PRINTF (4, 5) static gboolean
source_fail (const Source *src, GError **error, const char *key, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "%s:%u: rule %s: %s", src->name,
               fc_rules_line_of (src->data, src->group, key), src->group, what);
  return FALSE;
}

/* The tables listed in key (“02;03;05”), noted on the rule; FALSE with an
 * error when one is not a table or, if required, when there is none. */
static gboolean
parse_table_list (const Source *src, const char *key, gboolean required, FcRule *rule,
                  GError **error)
{
  gsize n = 0;
  g_auto (GStrv) list = g_key_file_get_string_list (src->kf, src->group, key, &n, NULL);
  for (gsize i = 0; i < n; i++)
    {
      const char *id = fc_catalogue_parse_table_label (list[i]);
      if (id == NULL)
        return source_fail (src, error, key, "“%s” is not a table (use 02;03;05)", list[i]);
      note_table (rule, id);
    }
  if (n == 0 && required)
    return source_fail (src, error, NULL, "this kind needs %s = 02;03;…", key);
  return TRUE;
}

static gboolean parse_breakdowns (const Source *src, FcRule *rule, GError **error);

static gboolean
parse_check (const Source *src, FcRule *rule, GError **error)
{
  g_autoptr (GError) local = NULL;
  rule->expression = g_key_file_get_string (src->kf, src->group, "check", NULL);
  if (rule->expression == NULL)
    return source_fail (src, error, NULL, "no check = … expression");
  if (!fc_rules_parse_expression (rule->expression, rule, &local))
    return source_fail (src, error, "check", "%s in “%s”", local->message, rule->expression);
  return parse_breakdowns (src, rule, error);
}

static gboolean
parse_hierarchy (const Source *src, FcRule *rule, GError **error)
{
  g_autofree char *table = g_key_file_get_string (src->kf, src->group, "table", NULL);
  g_autofree char *cols = g_key_file_get_string (src->kf, src->group, "columns", NULL);
  const char *id = table ? fc_catalogue_parse_table_label (table) : NULL;
  if (cols == NULL || !parse_column_range (cols, &rule->col_from, &rule->col_to) || id == NULL)
    return source_fail (src, error, NULL, "a hierarchy needs table = 02 and columns = 1..7");
  note_table (rule, id);
  return TRUE;
}

static gboolean
parse_code_tables (const Source *src, FcRule *rule, GError **error)
{
  return parse_table_list (src, "tables", TRUE, rule, error);
}

/* breakdown = TOTAL : PARTS; TOTAL : PARTS …, each side as in a check. */
static gboolean
parse_breakdowns (const Source *src, FcRule *rule, GError **error)
{
  g_auto (GStrv) items = g_key_file_get_string_list (src->kf, src->group, "breakdown", NULL, NULL);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      if (*item == '\0')
        continue;
      char *colon = strchr (item, ':');
      if (colon == NULL)
        return source_fail (src, error, "breakdown", "a breakdown is TOTAL : PARTS, e.g. 04[60,2] : 04[61..63,2]");
      *colon = '=';
      g_autoptr (FcRule) scratch = g_new0 (FcRule, 1);
      g_autoptr (GError) local = NULL;
      if (!fc_rules_parse_expression (item, scratch, &local) || scratch->relation != FC_RELATION_EQ)
        return source_fail (src, error, "breakdown", "%s in “%s”",
                            local ? local->message : "expected TOTAL : PARTS", items[i]);
      for (guint k = 0; k < scratch->tables->len; k++)
        note_table (rule, g_ptr_array_index (scratch->tables, k));
      if (rule->breakdowns == NULL)
        {
          rule->breakdowns = g_array_new (FALSE, TRUE, sizeof (FcBreakdown));
          g_array_set_clear_func (rule->breakdowns, (GDestroyNotify) breakdown_clear);
        }
      FcBreakdown b = { g_steal_pointer (&scratch->lhs), g_steal_pointer (&scratch->rhs) };
      g_array_append_val (rule->breakdowns, b);
    }
  return TRUE;
}

/* aspect = one of side's names (fc-rule-aspects.c). */
static gboolean
parse_aspect (const Source *src, FcRule *rule, FcAspectSide side, GError **error)
{
  g_autofree char *name = g_key_file_get_string (src->kf, src->group, "aspect", NULL);
  if (name != NULL)
    g_strstrip (name);
  rule->aspect = fc_rule_aspect_lookup (side, name);
  if (rule->aspect == FC_ASPECT_NONE)
    {
      g_autofree char *names = fc_rule_aspects_join (side, ", ");
      return source_fail (src, error, name ? "aspect" : NULL, "aspect must be one of %s", names);
    }
  return TRUE;
}

static gboolean
parse_narrative (const Source *src, FcRule *rule, GError **error)
{
  return parse_aspect (src, rule, FC_ASPECT_OF_NARRATIVE, error);
}

static gboolean
parse_self_evaluation (const Source *src, FcRule *rule, GError **error)
{
  return parse_aspect (src, rule, FC_ASPECT_OF_SELF_EVALUATION, error);
}

static gboolean
parse_nothing (const Source *src, FcRule *rule, GError **error)
{
  (void) src, (void) rule, (void) error;
  return TRUE;
}

typedef struct {
  const char *key; /* as written in the file */
  const char *doc; /* one line for the file's header; NULL: the kind's aspects */
} KeyDoc;

/* Every kind of rule: its name in files, what it checks, the keys of its
 * own and the parser that reads them.  The header of standard.rules is
 * checked against fc_rules_describe_kinds(), which prints this table. */
typedef struct {
  const char *name;
  FcRuleKind kind;
  const char *doc;
  gboolean (*parse) (const Source *src, FcRule *rule, GError **error);
  KeyDoc keys[3];
} RuleKind;

static const KeyDoc common_keys[] = {
  { "kind", "one of the kinds below (default check)" },
  { "severity", "error (default), warning or info" },
  { "message[zh_CN]", "what the finding says, in Chinese (required)" },
  { "message[en_US]", "the same in English" },
  { "table", "the table findings are filed under (default: the first table read)" },
};

static const RuleKind rule_kinds[] = {
  { "check", FC_RULE_CHECK, "an identity (=) or a bound (<=, >=) between cells", parse_check,
    { { "check", "TABLE[ROW,COLUMN] terms joined by + and -, related by =, <= or >=" },
      { "breakdown", "TOTAL : PARTS; … checked only where the parts hold a figure or the total is nil" } } },
  { "hierarchy", FC_RULE_HIERARCHY, "合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 over the codes of one table",
    parse_hierarchy, { { "table", "the table: 02" }, { "columns", "the 栏次 to check: 1..7" } } },
  { "presence", FC_RULE_PRESENCE,
    "every table of the set the package follows ([set …] of the catalogue) is there once",
    parse_nothing, { { NULL } } },
  { "table-number", FC_RULE_TABLE_NUMBER,
    "each 表号 names the table under its title, numbered as the package's set numbers them",
    parse_nothing, { { NULL } } },
  { "code-names", FC_RULE_CODE_NAMES, "a code carries one name in every table", parse_code_tables,
    { { "tables", "the tables compared: 02;03;05" } } },
  { "code-parents", FC_RULE_CODE_PARENTS, "a 7- or 5-digit code has its parent codes",
    parse_code_tables, { { "tables", "the tables checked: 02;03;05" } } },
  { "empty-explained", FC_RULE_EMPTY_EXPLAINED, "a table without amounts says 本表无数据",
    parse_nothing, { { NULL } } },
  { "header-agreement", FC_RULE_HEADER_AGREEMENT, "部门名称 and year agree across tables",
    parse_nothing, { { NULL } } },
  { "instructions", FC_RULE_INSTRUCTIONS, "no instruction of the template is left in a table",
    parse_nothing, { { NULL } } },
  { "unit-agreement", FC_RULE_UNIT_AGREEMENT,
    "every table states the same unit (金额单位); rules compare in 万元 either way",
    parse_nothing, { { NULL } } },
  { "narrative", FC_RULE_NARRATIVE, "the 情况说明 against the tables, through narrative.ini",
    parse_narrative,
    { { "aspect", NULL } } },
  { "self-evaluation", FC_RULE_SELF_EVALUATION, "a project self-evaluation table against itself",
    parse_self_evaluation, { { "aspect", NULL } } },
};

static const RuleKind *
rule_kind_lookup (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
    if (strcmp (rule_kinds[i].name, name) == 0)
      return &rule_kinds[i];
  return NULL;
}

static gboolean
key_is_documented (const RuleKind *kind, const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (common_keys); i++)
    if (strcmp (common_keys[i].key, key) == 0)
      return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (kind->keys) && kind->keys[i].key != NULL; i++)
    if (strcmp (kind->keys[i].key, key) == 0)
      return TRUE;
  /* an untranslated message, or one in a further language: message[ja_JP] */
  return strcmp (key, "message") == 0 || g_str_has_prefix (key, "message[");
}

char *
fc_rules_describe_kinds (void)
{
  GString *s = g_string_new ("# Keys of every rule:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (common_keys); i++)
    g_string_append_printf (s, "#   %-16s %s\n", common_keys[i].key, common_keys[i].doc);
  g_string_append (s, "# Kinds, and the keys of their own:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
    {
      const RuleKind *k = &rule_kinds[i];
      g_string_append_printf (s, "#   %-16s %s\n", k->name, k->doc);
      for (gsize j = 0; j < G_N_ELEMENTS (k->keys) && k->keys[j].key != NULL; j++)
        {
          g_autofree char *aspects = NULL;
          if (k->keys[j].doc == NULL)
            aspects = fc_rule_aspects_join (k->kind == FC_RULE_NARRATIVE ? FC_ASPECT_OF_NARRATIVE
                                                                         : FC_ASPECT_OF_SELF_EVALUATION,
                                            " or ");
          g_string_append_printf (s, "#     %-14s %s\n", k->keys[j].key,
                                  aspects ? aspects : k->keys[j].doc);
        }
    }
  return g_string_free (s, FALSE);
}

static FcRule *
parse_group (GKeyFile *kf, const char *data, const char *name,
             const char *group, GError **error)
{
  const Source src = { kf, data, name, group };
  g_autoptr (FcRule) rule = g_new0 (FcRule, 1);
  rule->id = g_strdup (group);
  rule->origin = g_strdup_printf ("%s:%u", name, fc_rules_line_of (data, group, NULL));
  rule->tables = g_ptr_array_new_with_free_func (g_free);
  rule->lhs = g_array_new (FALSE, TRUE, sizeof (FcTerm));
  rule->rhs = g_array_new (FALSE, TRUE, sizeof (FcTerm));
  rule->aspect = FC_ASPECT_NONE;

  g_autofree char *kind_name = g_key_file_get_string (kf, group, "kind", NULL);
  const RuleKind *kind = rule_kind_lookup (kind_name ? kind_name : "check");
  if (kind == NULL)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      for (gsize i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", rule_kinds[i].name);
      source_fail (&src, error, "kind", "unknown kind “%s” (%s)", kind_name, names->str);
      return NULL;
    }
  rule->kind = kind->kind;

  g_auto (GStrv) keys = g_key_file_get_keys (kf, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!key_is_documented (kind, keys[i]))
      {
        source_fail (&src, error, keys[i], "a %s rule has no key “%s”", kind->name, keys[i]);
        return NULL;
      }

  g_autofree char *severity = g_key_file_get_string (kf, group, "severity", NULL);
  gboolean ok;
  rule->severity = parse_severity (severity, &ok);
  if (!ok)
    {
      source_fail (&src, error, "severity", "severity must be error, warning or info, not “%s”",
                   severity);
      return NULL;
    }
  rule->message = g_key_file_get_locale_string (kf, group, "message", "zh_CN", NULL);
  rule->message_en = g_key_file_get_locale_string (kf, group, "message", "en_US", NULL);
  if (rule->message == NULL)
    {
      source_fail (&src, error, NULL, "no message");
      return NULL;
    }
  if (rule->message_en == NULL)
    rule->message_en = g_strdup (rule->message);

  if (!kind->parse (&src, rule, error))
    return NULL;

  g_autofree char *table = g_key_file_get_string (kf, group, "table", NULL);
  if (table != NULL)
    {
      const char *id = fc_catalogue_parse_table_label (table);
      rule->table = g_strdup (id ? id : table);
    }
  else
    rule->table = g_strdup (rule->tables->len > 0
                            ? (const char *) g_ptr_array_index (rule->tables, 0) : "");
  return g_steal_pointer (&rule);
}

/* Reads [tolerance]; FALSE with error on a bad value. */
static gboolean
parse_tolerance (GKeyFile *kf, const char *data, const char *name,
                 FcTolerance *tolerance, GError **error)
{
  const char *keys[] = { "per_figure", "minimum", "maximum" };
  double *fields[] = { &tolerance->per_figure, &tolerance->minimum, &tolerance->maximum };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *v = g_key_file_get_string (kf, "tolerance", keys[i], NULL);
      if (v == NULL)
        continue;
      char *end = NULL;
      double d = g_ascii_strtod (v, &end);
      if (end == v || *end != '\0' || !(d >= 0 && d <= 1))
        {
          g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX,
                       "%s:%u: tolerance %s must be a number between 0 and 1, not “%s”",
                       name, fc_rules_line_of (data, "tolerance", keys[i]), keys[i], v);
          return FALSE;
        }
      *fields[i] = d;
    }
  if (tolerance->minimum > tolerance->maximum)
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX,
                   "%s:%u: tolerance minimum is larger than maximum", name,
                   fc_rules_line_of (data, "tolerance", NULL));
      return FALSE;
    }
  return TRUE;
}

/* Reads one catalogue group, naming file and line when it is wrong. */
static gboolean
parse_catalogue_group (FcCatalogue *catalogue, GKeyFile *kf, const char *data,
                       const char *name, const char *group, gboolean apply, GError **error)
{
  g_autoptr (GError) local = NULL;
  const char *bad_key = NULL;
  if (catalogue == NULL)
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX,
                   "%s:%u: [%s] belongs to the catalogue, not to a rule file read here",
                   name, fc_rules_line_of (data, group, NULL), group);
      return FALSE;
    }
  if (fc_catalogue_add_group (catalogue, kf, group, apply, &bad_key, &local))
    return TRUE;
  g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "%s:%u: [%s] %s%s%s", name,
               fc_rules_line_of (data, group, bad_key), group, bad_key ? bad_key : "",
               bad_key ? ": " : "", local->message);
  return FALSE;
}

gboolean
fc_rules_parse_full (const char *data, gssize length, const char *name,
                     GPtrArray *out, FcTolerance *tolerance, FcCatalogue *catalogue,
                     GError **error)
{
  g_autofree char *text = length < 0 ? g_strdup (data) : g_strndup (data, (gsize) length);
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX,
                   "%s: the rule file is not UTF-8 text", name);
      return FALSE;
    }
  if (!check_duplicates (text, name, error))
    return FALSE;
  if (!g_key_file_load_from_data (kf, text, (gsize) -1, G_KEY_FILE_KEEP_TRANSLATIONS, &local))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "%s:%u: %s", name,
                   first_bad_line (text), local->message);
      return FALSE;
    }
  g_auto (GStrv) groups = g_key_file_get_groups (kf, NULL);
  g_autoptr (GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_rule_free);
  FcTolerance tol = FC_TOLERANCE_DEFAULT;
  if (tolerance != NULL)
    tol = *tolerance;
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (strcmp (groups[i], "tolerance") == 0)
        {
          if (!parse_tolerance (kf, text, name, &tol, error))
            return FALSE;
          continue;
        }
      if (fc_catalogue_is_group (groups[i]))
        {
          if (!parse_catalogue_group (catalogue, kf, text, name, groups[i], FALSE, error))
            return FALSE;
          continue;
        }
      FcRule *rule = parse_group (kf, text, name, groups[i], error);
      if (rule == NULL)
        return FALSE;
      g_ptr_array_add (parsed, rule);
    }
  /* all or nothing: only a fully valid file changes the rules and the catalogue */
  if (tolerance != NULL)
    *tolerance = tol;
  for (guint i = 0; groups[i] != NULL; i++)
    if (fc_catalogue_is_group (groups[i]))
      parse_catalogue_group (catalogue, kf, text, name, groups[i], TRUE, NULL);
  while (parsed->len > 0)
    {
      FcRule *rule = g_ptr_array_steal_index (parsed, 0);
      gboolean replaced = FALSE;
      for (guint j = 0; j < out->len && !replaced; j++)
        {
          FcRule *old = g_ptr_array_index (out, j);
          if (strcmp (old->id, rule->id) == 0)
            {
              fc_rule_free (old);
              g_ptr_array_index (out, j) = rule;
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_ptr_array_add (out, rule);
    }
  return TRUE;
}

gboolean
fc_rules_parse (const char *data, gssize length, const char *name,
                GPtrArray *out, FcTolerance *tolerance, GError **error)
{
  return fc_rules_parse_full (data, length, name, out, tolerance, NULL, error);
}
