/* fc-claims.c — reading claims out of narrative text.
 *
 * Each paragraph is folded (fc_vocabulary_fold), its enumeration read (a
 * heading opens a section), and its text cut into tokens: numbers with
 * their unit, words of the vocabulary's grammar, topics (subjects, 科目
 * named with （类）（款）（项）, projects), years, separators.  Then, sentence
 * by sentence, each number becomes a claim about the topic named before it
 * in its clause — or, when its clause names none and says nothing else, the
 * topic of its sentence, or of the text before it (an item's heading, the
 * last sentence that stated figures).  A number after words the vocabulary
 * does not know is nobody's: it is not read as a claim about anything.
 */
#include "fc-claims.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Roles beyond FcWord, for the self-evaluation words and grade marks. */
enum {
  ROLE_EVAL_PROJECTS = FC_N_WORDS,
  ROLE_EVAL_BUDGET,
  ROLE_EVAL_AVERAGE,
  ROLE_GRADE_MARK,
  N_ROLES
};

#define ROLE(r) (G_GUINT64_CONSTANT (1) << (r))
#define DIRECTION_ROLES (ROLE (FC_WORD_INCREASE) | ROLE (FC_WORD_DECREASE))

/* A number longer than this is an identifier, not a figure. */
#define MAX_DIGITS 15

typedef enum {
  UNIT_NONE,    /* nothing after it that is a unit */
  UNIT_WANYUAN, /* 万元 */
  UNIT_PERCENT, /* % */
  UNIT_COUNT,   /* 个 */
  UNIT_SCORE,   /* 分 */
  UNIT_OTHER    /* 元, 人次, 辆, 万 alone, … */
} Unit;

typedef enum {
  TOK_NUMBER,
  TOK_WORD,
  TOK_TOPIC,
  TOK_YEAR,
  TOK_GRADE,
  TOK_CLAUSE,   /* ， ； ： 、 */
  TOK_SEGMENT,  /* ； also ends a segment */
  TOK_SENTENCE, /* 。 ！ ？ */
  TOK_OTHER
} TokKind;

typedef struct {
  TokKind kind;
  gsize start, end; /* folded bytes */
  guint64 roles;    /* WORD */
  double value;     /* NUMBER, YEAR */
  guint decimals;
  gboolean infinite;
  Unit unit;
  gboolean condition;  /* NUMBER: 单价100万元以上: not a claim */
  gboolean before_projects; /* NUMBER: 12个项目 */
  int topic;           /* TOPIC */
  const char *grade;   /* GRADE (vocabulary-owned) */
} Token;

/* One entry of a section's lexicon: a phrase and what it means. */
typedef struct {
  const char *text;       /* folded, borrowed from the vocabulary */
  gsize len;
  guint64 roles;          /* words */
  const FcSubject *subject; /* a subject phrase */
  const char *project;    /* a project name */
} Entry;

typedef struct {
  GArray *entries;        /* of Entry, longest first */
  GHashTable *by_first;   /* first character → GArray of entry indices, longest first */
} Lexicon;

typedef struct {
  const FcVocabulary *v;
  const FcNarrative *narrative;
  GPtrArray *projects;    /* of char* folded names, owned */
  FcClaims *out;
  GHashTable *lexicons;   /* section id (or "") → Lexicon* */
  /* where we are */
  gboolean in_narrative;
  const char *section, *subsection;
  guint section_instance, sentence, item;
  gboolean item_first_sentence;
  int ctx_topic;
  /* the paragraph being read */
  guint paragraph;
  const char *folded;
  GArray *offsets;        /* folded byte → source byte */
  GArray *tokens;
} Reader;

/* ---- lexicon ----------------------------------------------------------- */

static gint
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;
  if (x->len != y->len)
    return x->len > y->len ? -1 : 1;
  return strcmp (x->text, y->text);
}

static void
lexicon_free (Lexicon *l)
{
  g_array_unref (l->entries);
  g_hash_table_unref (l->by_first);
  g_free (l);
}

/* The entries that may match at s: those starting with its character. */
static const GArray *
lexicon_candidates (const Lexicon *l, const char *s)
{
  return g_hash_table_lookup (l->by_first, GUINT_TO_POINTER (g_utf8_get_char (s)));
}

/* Adds a word with a role, merging roles of the same text. */
static void
add_word (GArray *entries, GHashTable *index, const char *text, guint64 roles)
{
  gpointer at;
  if (g_hash_table_lookup_extended (index, text, NULL, &at))
    {
      g_array_index (entries, Entry, GPOINTER_TO_UINT (at)).roles |= roles;
      return;
    }
  Entry e = { text, strlen (text), roles, NULL, NULL };
  g_hash_table_insert (index, (gpointer) text, GUINT_TO_POINTER (entries->len));
  g_array_append_val (entries, e);
}

static void
add_words (GArray *entries, GHashTable *index, GStrv list, guint64 roles)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    add_word (entries, index, list[i], roles);
}

static const Lexicon *
lexicon_for (Reader *r, const char *section)
{
  const char *key = section ? section : "";
  Lexicon *l = g_hash_table_lookup (r->lexicons, key);
  if (l != NULL)
    return l;
  l = g_new0 (Lexicon, 1);
  l->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint w = 0; w < FC_N_WORDS; w++)
    add_words (l->entries, index, r->v->words[w], ROLE (w));
  /* a pair of directions left from the template says neither */
  for (guint i = 0; r->v->residue != NULL && r->v->residue[i] != NULL; i++)
    {
      const char *res = r->v->residue[i];
      gboolean up = FALSE, down = FALSE;
      for (guint k = 0; r->v->words[FC_WORD_INCREASE][k] != NULL; k++)
        up |= strstr (res, r->v->words[FC_WORD_INCREASE][k]) != NULL;
      for (guint k = 0; r->v->words[FC_WORD_DECREASE][k] != NULL; k++)
        down |= strstr (res, r->v->words[FC_WORD_DECREASE][k]) != NULL;
      if (up && down)
        add_word (l->entries, index, res, DIRECTION_ROLES);
    }
  if (section != NULL && fc_vocabulary_in (r->v->eval_sections, section))
    {
      add_words (l->entries, index, r->v->eval_projects, ROLE (ROLE_EVAL_PROJECTS));
      add_words (l->entries, index, r->v->eval_budget, ROLE (ROLE_EVAL_BUDGET));
      add_words (l->entries, index, r->v->eval_average, ROLE (ROLE_EVAL_AVERAGE));
      add_words (l->entries, index, r->v->grade_marks, ROLE (ROLE_GRADE_MARK));
      for (guint i = 0; i < r->projects->len; i++)
        {
          const char *name = g_ptr_array_index (r->projects, i);
          Entry e = { name, strlen (name), 0, NULL, name };
          g_array_append_val (l->entries, e);
        }
    }
  for (guint i = 0; section != NULL && i < r->v->subjects->len; i++)
    {
      const FcSubject *s = g_ptr_array_index (r->v->subjects, i);
      if (!fc_vocabulary_in (s->sections, section))
        continue;
      for (guint k = 0; s->phrases[k] != NULL; k++)
        {
          Entry e = { s->phrases[k], strlen (s->phrases[k]), 0, s, NULL };
          g_array_append_val (l->entries, e);
        }
    }
  g_array_sort (l->entries, compare_entries);
  l->by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < l->entries->len; i++)
    {
      gpointer first = GUINT_TO_POINTER (g_utf8_get_char (g_array_index (l->entries, Entry, i).text));
      GArray *list = g_hash_table_lookup (l->by_first, first);
      if (list == NULL)
        g_hash_table_insert (l->by_first, first, list = g_array_new (FALSE, FALSE, sizeof (guint)));
      g_array_append_val (list, i);
    }
  g_hash_table_insert (r->lexicons, g_strdup (key), l);
  return l;
}

/* ---- tokens ------------------------------------------------------------ */

static const struct {
  const char *text;
  TokKind kind;
} separators[] = {
  { ",", TOK_CLAUSE }, { ":", TOK_CLAUSE }, { "、", TOK_CLAUSE }, { ";", TOK_SEGMENT },
  { "。", TOK_SENTENCE }, { "!", TOK_SENTENCE }, { "?", TOK_SENTENCE },
};

static const char *const code_markers[] = { "(类)", "(款)", "(项)" };

static void
push (Reader *r, Token t)
{
  g_array_append_val (r->tokens, t);
}

static Token *
last_token (Reader *r)
{
  return r->tokens->len ? &g_array_index (r->tokens, Token, r->tokens->len - 1) : NULL;
}

static gboolean
starts_with_any (const char *s, GStrv list, gsize *len)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_str_has_prefix (s, list[i]))
      {
        *len = strlen (list[i]);
        return TRUE;
      }
  return FALSE;
}

/* The unit after a number at s; *len its length. */
static Unit
read_unit (const char *s, gsize *len)
{
  static const struct {
    const char *text;
    Unit unit;
  } units[] = {
    { "万元", UNIT_WANYUAN }, { "%", UNIT_PERCENT }, { "个", UNIT_COUNT }, { "分钟", UNIT_OTHER },
    { "分之", UNIT_OTHER }, { "分", UNIT_SCORE }, { "万", UNIT_OTHER }, { "元", UNIT_OTHER },
    { "人次", UNIT_OTHER }, { "批次", UNIT_OTHER }, { "辆", UNIT_OTHER }, { "台", UNIT_OTHER },
    { "人", UNIT_OTHER }, { "次", UNIT_OTHER }, { "倍", UNIT_OTHER }, { "月", UNIT_OTHER },
    { "日", UNIT_OTHER }, { "天", UNIT_OTHER }, { "位", UNIT_OTHER }, { "项", UNIT_OTHER },
  };
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_prefix (s, units[i].text))
      {
        *len = strlen (units[i].text);
        return units[i].unit;
      }
  *len = 0;
  if (*s == '\0' || *s == '.' || strchr (",;:!?)", *s) != NULL || g_str_has_prefix (s, "。")
      || g_str_has_prefix (s, "、"))
    return UNIT_NONE;
  return UNIT_OTHER;
}

/* Reads a number at f + i ("-1,234.50", "∞"); FALSE when there is none.
 * On TRUE, *end is past its unit. */
static gboolean
read_number (Reader *r, gsize i, Token *t)
{
  const char *f = r->folded;
  gsize p = i;
  gboolean negative = FALSE;
  memset (t, 0, sizeof *t);
  t->kind = TOK_NUMBER;
  t->start = i;
  if (g_str_has_prefix (f + p, "∞"))
    {
      p += strlen ("∞");
      t->infinite = TRUE;
      t->value = INFINITY;
    }
  else
    {
      if (f[p] == '-' && g_ascii_isdigit (f[p + 1]))
        {
          /* a minus, unless it joins two words (2022-2023) */
          if (i > 0 && (g_ascii_isalnum (f[i - 1])))
            return FALSE;
          negative = TRUE;
          p++;
        }
      if (!g_ascii_isdigit (f[p]))
        return FALSE;
      if (p > 0 && g_ascii_isalpha (f[p - 1]))
        return FALSE; /* XM2, A3: part of a name */
      g_autoptr (GString) digits = g_string_new (NULL);
      guint n_int = 0;
      while (g_ascii_isdigit (f[p]) || (f[p] == ',' && n_int > 0 && n_int <= 3 * 5
                                        && g_ascii_isdigit (f[p + 1]) && g_ascii_isdigit (f[p + 2])
                                        && g_ascii_isdigit (f[p + 3]) && !g_ascii_isdigit (f[p + 4])))
        {
          if (f[p] != ',')
            {
              g_string_append_c (digits, f[p]);
              n_int++;
            }
          p++;
        }
      if (f[p] == '.' && g_ascii_isdigit (f[p + 1]))
        {
          g_string_append_c (digits, '.');
          p++;
          while (g_ascii_isdigit (f[p]))
            {
              g_string_append_c (digits, f[p++]);
              t->decimals++;
            }
        }
      if (digits->len > MAX_DIGITS + 1 || g_ascii_isalpha (f[p]))
        {
          t->kind = TOK_OTHER;
          t->end = p;
          return TRUE;
        }
      t->value = g_ascii_strtod (digits->str, NULL) * (negative ? -1 : 1);
      if (!isfinite (t->value))
        {
          t->kind = TOK_OTHER;
          t->end = p;
          return TRUE;
        }
      /* a year: 2023年, 2023年度 */
      if (!negative && t->decimals == 0 && n_int == 4 && t->value >= 1900 && t->value <= 2100
          && g_str_has_prefix (f + p, "年"))
        {
          t->kind = TOK_YEAR;
          p += strlen ("年");
          if (g_str_has_prefix (f + p, "度"))
            p += strlen ("度");
          t->end = p;
          return TRUE;
        }
    }
  gsize ulen;
  t->unit = read_unit (f + p, &ulen);
  if (t->infinite && t->unit != UNIT_PERCENT)
    {
      t->kind = TOK_OTHER;
      t->end = p;
      return TRUE;
    }
  p += ulen;
  gsize len;
  if (starts_with_any (f + p, r->v->words[FC_WORD_NOT_AFTER], &len))
    t->condition = TRUE;
  if (t->unit == UNIT_COUNT && starts_with_any (f + p, r->v->eval_projects, &len))
    t->before_projects = TRUE;
  t->end = p;
  return TRUE;
}

static int
new_topic (Reader *r, FcTopicKind kind, gsize start, gsize end)
{
  FcTopic *topic = g_new0 (FcTopic, 1);
  topic->kind = kind;
  topic->paragraph = r->paragraph;
  topic->start = g_array_index (r->offsets, gsize, start);
  topic->end = g_array_index (r->offsets, gsize, end);
  g_ptr_array_add (r->out->topics, topic);
  return (int) r->out->topics->len - 1;
}

static FcTopic *
topic_at (Reader *r, int index)
{
  return index >= 0 ? g_ptr_array_index (r->out->topics, index) : NULL;
}

/* The 科目 in front of a （类）/（款）/（项） marker at i: its name runs from
 * name_start (the clause's start, or the previous marker of the same 科目)
 * to the marker.  Tokens read inside the name are dropped: they were words
 * of the name. */
static void
read_code_marker (Reader *r, const FcCodeGroup *group, guint level, gsize i, gsize name_start,
                  int *chain, gsize marker_len)
{
  while (r->tokens->len > 0 && last_token (r)->start >= name_start)
    g_array_set_size (r->tokens, r->tokens->len - 1);
  FcTopic *code = topic_at (r, *chain);
  gboolean continues = code != NULL;
  for (guint k = level; continues && k < 3; k++)
    continues = code->names[k] == NULL;
  if (continues && last_token (r) != NULL && last_token (r)->kind == TOK_TOPIC
      && last_token (r)->topic == *chain)
    {
      last_token (r)->end = i + marker_len;
      code->end = g_array_index (r->offsets, gsize, i + marker_len);
    }
  else
    {
      *chain = new_topic (r, FC_TOPIC_CODE, name_start, i + marker_len);
      code = topic_at (r, *chain);
      code->group = group;
      Token t = { .kind = TOK_TOPIC, .start = name_start, .end = i + marker_len, .topic = *chain };
      push (r, t);
    }
  code->names[level] = g_strndup (r->folded + name_start, i - name_start);
}

static const FcCodeGroup *
code_group_for (const Reader *r, const char *section)
{
  for (guint i = 0; section != NULL && i < r->v->code_groups->len; i++)
    {
      const FcCodeGroup *g = g_ptr_array_index (r->v->code_groups, i);
      if (fc_vocabulary_in (g->sections, section))
        return g;
    }
  return NULL;
}

/* A remark in brackets without a figure, (以合同签订为准): it changes
 * nothing, so it is skipped whole.  Not a （类） marker. */
static gboolean
skip_remark (Reader *r, gsize *i, const FcCodeGroup *group)
{
  const char *f = r->folded + *i;
  for (guint level = 0; group != NULL && level < 3; level++)
    if (g_str_has_prefix (f, code_markers[level]))
      return FALSE;
  const char *close = strchr (f, ')');
  if (close == NULL || close - f > 60)
    return FALSE;
  for (const char *p = f + 1; p < close; p++)
    if (g_ascii_isdigit (*p) || *p == '(')
      return FALSE;
  *i += (gsize) (close - f) + 1;
  return TRUE;
}

/* Cuts the folded text from `from` into tokens. */
static void
tokenize (Reader *r, gsize from, const char *section)
{
  const char *f = r->folded;
  gsize len = strlen (f);
  const Lexicon *lex = lexicon_for (r, section);
  const FcCodeGroup *group = code_group_for (r, section);
  gsize clause_start = from;
  int chain = -1; /* the 科目 a following （款）/（项） continues */
  gsize chain_end = 0;
  for (gsize i = from; i < len;)
    {
      gboolean sep = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (separators); k++)
        if (g_str_has_prefix (f + i, separators[k].text))
          {
            gsize l = strlen (separators[k].text);
            Token t = { .kind = separators[k].kind, .start = i, .end = i + l };
            push (r, t);
            i += l;
            clause_start = i;
            chain = -1;
            sep = TRUE;
            break;
          }
      if (sep)
        continue;
      Token num;
      if ((g_ascii_isdigit (f[i]) || f[i] == '-' || g_str_has_prefix (f + i, "∞"))
          && read_number (r, i, &num))
        {
          Token *prev = last_token (r);
          if (num.kind == TOK_NUMBER && prev != NULL && prev->kind == TOK_WORD && prev->end == i
              && (prev->roles & ROLE (FC_WORD_NOT_BEFORE)))
            num.condition = TRUE;
          push (r, num);
          i = num.end;
          continue;
        }
      if (f[i] == '(' && skip_remark (r, &i, group))
        continue;
      if (group != NULL && f[i] == '(')
        {
          gboolean marker = FALSE;
          for (guint level = 0; level < 3; level++)
            if (g_str_has_prefix (f + i, code_markers[level]))
              {
                gsize name_start = chain >= 0 ? MAX (clause_start, chain_end) : clause_start;
                if (i > name_start)
                  {
                    read_code_marker (r, group, level, i, name_start, &chain,
                                      strlen (code_markers[level]));
                    chain_end = i + strlen (code_markers[level]);
                  }
                i += strlen (code_markers[level]);
                marker = TRUE;
                break;
              }
          if (marker)
            continue;
        }
      /* a grade right after its mark: 等级为“优” */
      Token *prev = last_token (r);
      if (prev != NULL && prev->kind == TOK_WORD && (prev->roles & ROLE (ROLE_GRADE_MARK))
          && prev->end == i)
        {
          const char *best = NULL;
          gsize best_len = 0;
          for (guint g = 0; g < r->v->grades->len; g++)
            {
              const FcGrade *grade = &g_array_index (r->v->grades, FcGrade, g);
              gsize gl = strlen (grade->name);
              if (gl > best_len && g_str_has_prefix (f + i, grade->name))
                best = grade->name, best_len = gl;
            }
          if (best != NULL)
            {
              Token t = { .kind = TOK_GRADE, .start = i, .end = i + best_len, .grade = best };
              push (r, t);
              i += best_len;
              continue;
            }
        }
      const Entry *match = NULL;
      const GArray *candidates = lexicon_candidates (lex, f + i);
      for (guint k = 0; candidates != NULL && k < candidates->len; k++)
        {
          const Entry *e = &g_array_index (lex->entries, Entry, g_array_index (candidates, guint, k));
          if (e->len <= len - i && memcmp (f + i, e->text, e->len) == 0)
            {
              match = e;
              break;
            }
        }
      if (match != NULL)
        {
          Token t = { .start = i, .end = i + match->len };
          if (match->subject != NULL || match->project != NULL)
            {
              t.kind = TOK_TOPIC;
              t.topic = new_topic (r, match->subject ? FC_TOPIC_SUBJECT : FC_TOPIC_PROJECT, i,
                                   i + match->len);
              topic_at (r, t.topic)->subject = match->subject;
              topic_at (r, t.topic)->project = g_strdup (match->project);
              chain = -1;
            }
          else
            {
              t.kind = TOK_WORD;
              t.roles = match->roles;
            }
          push (r, t);
          i += match->len;
          continue;
        }
      /* anything else: one character of text the vocabulary does not know */
      const char *next = g_utf8_next_char (f + i);
      gsize step = (gsize) (next - (f + i));
      prev = last_token (r);
      if (prev != NULL && prev->kind == TOK_OTHER && prev->end == i)
        prev->end = i + step;
      else
        {
          Token t = { .kind = TOK_OTHER, .start = i, .end = i + step };
          push (r, t);
        }
      i += step;
    }
  Token end = { .kind = TOK_SENTENCE, .start = len, .end = len };
  push (r, end);
}

/* ---- claims ------------------------------------------------------------ */

/* A claim about the self-evaluations, kept until its segment ends: a
 * segment about another evaluation (部门评价) is not about them. */
typedef struct {
  FcClaimKind kind;
  double value;
  guint decimals;
  char *grade;
  gsize start, end; /* folded */
} EvalClaim;

typedef struct {
  /* the sentence */
  int sent_topic;       /* the topic its claims speak of, once named */
  int column_topic;     /* the last topic with a column (基本支出) */
  gboolean descriptive; /* 主要原因…: what follows is not about the text before */
  gboolean descriptive_before; /* … already before this clause */
  int last_amount, last_change; /* claims in this sentence */
  int ctx_candidate;    /* the topic to carry on after the sentence */
  GArray *segment_eval;  /* of EvalClaim: what the segment says of the self-evaluations */
  gsize segment_start;   /* folded */
  /* a count in the clause, judged at its end (the grade may follow: 7个…“优”) */
  gboolean has_count;
  Token count;
  /* the clause */
  int clause_topic;
  int whole_topic;      /* a topic named after 占 */
  guint64 clause_roles; /* every role seen */
  guint64 last_role;    /* the roles of the last word that is not filler */
  gboolean clean;       /* nothing unknown since the clause's topic (or start) */
  gboolean prior;       /* 相较2022年度, 比上年: what follows is last year's */
  int year;             /* a year named in the clause before its figure, 0 = none */
  gboolean share_seen;
  const char *grade;
  gsize clause_start;   /* folded */
} State;

static void
clause_reset (State *s, gsize start)
{
  s->clause_topic = -1;
  s->whole_topic = -1;
  s->clause_roles = 0;
  s->last_role = 0;
  s->clean = TRUE;
  s->prior = FALSE;
  s->share_seen = FALSE;
  s->year = 0;
  s->grade = NULL;
  s->has_count = FALSE;
  s->descriptive_before = s->descriptive;
  s->clause_start = start;
}

static void
sentence_reset (State *s, gsize start)
{
  s->sent_topic = -1;
  s->column_topic = -1;
  s->descriptive = FALSE;
  s->last_amount = s->last_change = -1;
  s->ctx_candidate = -1;
  clause_reset (s, start);
}

static FcClaim *
claim_at (Reader *r, int index)
{
  return index >= 0 ? &g_array_index (r->out->claims, FcClaim, index) : NULL;
}

/* Where in the paragraph the text of folded byte start begins, with the
 * quotes and spaces before it (“三公”经费…). */
static gsize
source_start (Reader *r, gsize start)
{
  if (start == 0)
    return 0;
  const char *text = fc_narrative_get_paragraph (r->narrative, r->paragraph)->text;
  gsize prev = g_array_index (r->offsets, gsize, start - 1);
  return (gsize) (g_utf8_next_char (text + prev) - text);
}

/* Appends a claim over folded bytes [start, end); returns its index. */
static int
add_claim (Reader *r, FcClaimKind kind, int topic, gsize start, gsize end)
{
  FcClaim c = { 0 };
  c.kind = kind;
  c.topic = topic;
  c.whole = -1;
  c.part = -1;
  c.paragraph = r->paragraph;
  c.start = source_start (r, start);
  c.end = g_array_index (r->offsets, gsize, end);
  c.section = r->subsection ? r->subsection : r->section;
  c.section_instance = r->section_instance;
  c.sentence = r->sentence;
  c.item = r->item;
  g_array_append_val (r->out->claims, c);
  return (int) r->out->claims->len - 1;
}

/* The topic a claim without one of its own in its clause speaks of. */
static int
bound_topic (Reader *r, State *s)
{
  if (s->clause_topic >= 0)
    return s->clean ? s->clause_topic : -1;
  if (!s->clean)
    return -1;
  if (s->sent_topic >= 0)
    return s->sent_topic;
  return s->descriptive ? -1 : r->ctx_topic;
}

static void
note_bound (State *s, int topic)
{
  if (topic >= 0 && (topic == s->clause_topic || topic == s->sent_topic))
    s->ctx_candidate = topic;
}

static void
eval_claim (State *s, FcClaimKind kind, const Token *t, const char *grade)
{
  EvalClaim e = { kind, t->value, t->decimals, g_strdup (grade), s->clause_start, t->end };
  g_array_append_val (s->segment_eval, e);
}

static void
on_number (Reader *r, State *s, const Token *t)
{
  const char *section = r->subsection ? r->subsection : r->section;
  gboolean in_eval = section != NULL && fc_vocabulary_in (r->v->eval_sections, section);
  guint64 role = s->last_role;
  int kind = -1;
  int topic = bound_topic (r, s);
  int index = -1;
  FcClaimRole claim_role = FC_ROLE_ACTUAL;
  int direction = (role & ROLE (FC_WORD_INCREASE)) && !(role & ROLE (FC_WORD_DECREASE)) ? 1
                  : (role & ROLE (FC_WORD_DECREASE)) && !(role & ROLE (FC_WORD_INCREASE)) ? -1 : 0;
  switch (t->unit)
    {
    case UNIT_WANYUAN:
      if (role & DIRECTION_ROLES)
        kind = FC_CLAIM_CHANGE;
      else if (in_eval && (s->clause_roles & ROLE (ROLE_EVAL_BUDGET)) && s->clause_topic < 0)
        {
          eval_claim (s, FC_CLAIM_EVAL_BUDGET, t, NULL);
          return;
        }
      else
        {
          kind = FC_CLAIM_AMOUNT;
          if (role & ROLE (FC_WORD_BUDGET_INITIAL))
            claim_role = FC_ROLE_BUDGET_INITIAL;
          else if (role & ROLE (FC_WORD_BUDGET_FULL))
            claim_role = FC_ROLE_BUDGET_FULL;
          else if (role & ROLE (FC_WORD_ACTUAL))
            claim_role = FC_ROLE_ACTUAL;
          else if (s->prior)
            claim_role = FC_ROLE_PRIOR;
        }
      break;
    case UNIT_PERCENT:
      if ((role & DIRECTION_ROLES) || ((role & ROLE (FC_WORD_SHARE)) && s->last_change > s->last_amount))
        {
          kind = FC_CLAIM_RATE;
          if (s->last_change >= 0)
            {
              topic = claim_at (r, s->last_change)->topic;
              if (!(role & DIRECTION_ROLES))
                direction = claim_at (r, s->last_change)->direction;
            }
        }
      else if (role & ROLE (FC_WORD_SHARE))
        {
          kind = FC_CLAIM_SHARE;
          if (s->last_amount >= 0)
            topic = claim_at (r, s->last_amount)->topic;
          else
            topic = -1;
        }
      else if (role & ROLE (FC_WORD_COMPLETION_INITIAL))
        kind = FC_CLAIM_COMPLETION, claim_role = FC_ROLE_BUDGET_INITIAL;
      else if (role & ROLE (FC_WORD_COMPLETION_FULL))
        kind = FC_CLAIM_COMPLETION, claim_role = FC_ROLE_BUDGET_FULL;
      break;
    case UNIT_NONE:
      /* 增长 13.95。: a rate without its % */
      if ((role & DIRECTION_ROLES) && t->decimals > 0)
        kind = FC_CLAIM_RATE;
      break;
    case UNIT_COUNT:
      if (in_eval && !s->has_count)
        {
          s->has_count = TRUE;
          s->count = *t;
        }
      return;
    case UNIT_SCORE:
      if (in_eval && (s->clause_roles & ROLE (ROLE_EVAL_AVERAGE)))
        {
          eval_claim (s, FC_CLAIM_EVAL_AVERAGE, t, NULL);
          return;
        }
      if (role & ROLE (FC_WORD_SCORE))
        kind = FC_CLAIM_SCORE;
      break;
    case UNIT_OTHER:
      break;
    }
  if (kind < 0)
    return;
  index = add_claim (r, (FcClaimKind) kind, topic, s->clause_start, t->end);
  FcClaim *c = claim_at (r, index);
  c->role = claim_role;
  c->value = t->value;
  c->decimals = t->decimals;
  c->infinite = t->infinite;
  c->direction = kind == FC_CLAIM_CHANGE || kind == FC_CLAIM_RATE ? direction : 0;
  c->missing_percent = t->unit == UNIT_NONE;
  c->year = s->year;
  if (kind == FC_CLAIM_RATE)
    {
      c->part = s->last_change;
      c->share_worded = !(role & DIRECTION_ROLES);
      if (s->last_change >= 0)
        c->start = claim_at (r, s->last_change)->start;
    }
  if (kind == FC_CLAIM_SHARE)
    {
      c->part = s->last_amount;
      c->whole = s->whole_topic;
      if (s->last_amount >= 0 && claim_at (r, s->last_amount)->sentence == r->sentence)
        c->start = claim_at (r, s->last_amount)->start;
    }
  if (kind == FC_CLAIM_AMOUNT)
    s->last_amount = index;
  if (kind == FC_CLAIM_CHANGE)
    s->last_change = index;
  note_bound (s, topic);
  /* after a figure, the next one needs its own word again */
  s->last_role = 0;
  s->prior = FALSE;
}

/* The end of a clause: 决算数小于预算数, 与上年相同. */
static void
clause_end (Reader *r, State *s, gsize end)
{
  guint64 roles = s->clause_roles;
  gboolean compared = (roles & ROLE (FC_WORD_COMPARED)) && (roles & ROLE (FC_WORD_AGAINST));
  int direction = (roles & ROLE (FC_WORD_GREATER)) ? 1 : (roles & ROLE (FC_WORD_LESS)) ? -1 : 0;
  gboolean has_direction = (roles & (ROLE (FC_WORD_GREATER) | ROLE (FC_WORD_LESS) | ROLE (FC_WORD_EQUAL))) != 0;
  /* 决算数小于预算数的主要原因: the reason that follows does not count */
  int topic = s->clause_topic >= 0 ? s->clause_topic
              : s->sent_topic >= 0 ? s->sent_topic : s->descriptive_before ? -1 : r->ctx_topic;
  if (s->has_count)
    {
      s->count.end = MAX (s->count.end, end);
      if (s->grade != NULL)
        eval_claim (s, FC_CLAIM_GRADE, &s->count, s->grade);
      else if (s->count.before_projects || (roles & ROLE (ROLE_EVAL_PROJECTS)))
        eval_claim (s, FC_CLAIM_PROJECTS, &s->count, NULL);
    }
  if (compared && has_direction)
    {
      int i = add_claim (r, FC_CLAIM_COMPARE, topic, s->clause_start, end);
      claim_at (r, i)->direction = direction;
    }
  else if ((roles & ROLE (FC_WORD_SAME)) && !(roles & DIRECTION_ROLES))
    {
      add_claim (r, FC_CLAIM_SAME, topic, s->clause_start, end);
      note_bound (s, topic);
    }
}

static void
segment_end (Reader *r, State *s, gsize end)
{
  gboolean excluded = FALSE;
  if (end > s->segment_start)
    for (guint k = 0; r->v->eval_excluded[k] != NULL && !excluded; k++)
      excluded = g_strstr_len (r->folded + s->segment_start, end - s->segment_start,
                               r->v->eval_excluded[k]) != NULL;
  for (guint i = 0; i < s->segment_eval->len; i++)
    {
      EvalClaim *e = &g_array_index (s->segment_eval, EvalClaim, i);
      if (!excluded)
        {
          FcClaim *c = claim_at (r, add_claim (r, e->kind, -1, e->start, e->end));
          c->value = e->value;
          c->decimals = e->decimals;
          c->grade = g_steal_pointer (&e->grade);
        }
      g_free (e->grade);
    }
  g_array_set_size (s->segment_eval, 0);
  s->segment_start = end;
}

static void
sentence_end (Reader *r, State *s, gsize end, gsize next)
{
  segment_end (r, s, end);
  s->segment_start = next;
  if (s->ctx_candidate >= 0)
    r->ctx_topic = s->ctx_candidate;
  if (r->item_first_sentence)
    r->item_first_sentence = FALSE;
  r->sentence++;
  sentence_reset (s, next);
}

static void
interpret (Reader *r)
{
  State s = { 0 };
  s.segment_eval = g_array_new (FALSE, FALSE, sizeof (EvalClaim));
  sentence_reset (&s, r->tokens->len ? g_array_index (r->tokens, Token, 0).start : 0);
  s.segment_start = s.clause_start;
  for (guint i = 0; i < r->tokens->len; i++)
    {
      const Token *t = &g_array_index (r->tokens, Token, i);
      switch (t->kind)
        {
        case TOK_TOPIC:
          if (s.share_seen)
            {
              s.whole_topic = t->topic; /* 占本年支出合计的 */
              break;
            }
          s.clause_topic = t->topic;
          s.sent_topic = t->topic;
          s.clean = TRUE;
          s.last_role = 0;
          {
            FcTopic *topic = topic_at (r, t->topic);
            if (topic->kind == FC_TOPIC_SUBJECT && topic->subject->column > 0)
              s.column_topic = t->topic;
            if (topic->kind == FC_TOPIC_CODE && s.column_topic >= 0)
              {
                FcTopic *col = topic_at (r, s.column_topic);
                topic->column = col->subject->column;
                topic->whole = col->subject;
              }
          }
          if (r->item_first_sentence && r->ctx_topic < 0)
            r->ctx_topic = t->topic;
          break;
        case TOK_WORD:
          s.clause_roles |= t->roles;
          if (t->roles & ~ROLE (FC_WORD_FILLER))
            s.last_role = t->roles;
          if ((t->roles & ROLE (FC_WORD_PRIOR)) && (s.clause_roles & ROLE (FC_WORD_COMPARE)))
            s.prior = TRUE;
          if (t->roles & ROLE (FC_WORD_SHARE))
            s.share_seen = TRUE;
          if (t->roles & ROLE (FC_WORD_DESCRIPTIVE))
            s.descriptive = TRUE;
          break;
        case TOK_YEAR:
          if (s.clause_roles & ROLE (FC_WORD_COMPARE))
            s.prior = TRUE;
          s.year = (int) t->value;
          break;
        case TOK_GRADE:
          s.grade = t->grade;
          break;
        case TOK_NUMBER:
          if (!t->condition)
            on_number (r, &s, t);
          else
            s.clean = FALSE;
          break;
        case TOK_OTHER:
          s.clean = FALSE;
          break;
        case TOK_CLAUSE:
        case TOK_SEGMENT:
          clause_end (r, &s, t->start);
          clause_reset (&s, t->end);
          if (t->kind == TOK_SEGMENT)
            segment_end (r, &s, t->start);
          break;
        case TOK_SENTENCE:
          clause_end (r, &s, t->start);
          sentence_end (r, &s, t->start, t->end);
          break;
        }
    }
  g_array_unref (s.segment_eval);
}

/* ---- paragraphs -------------------------------------------------------- */

/* The section whose heading text ends with the longest heading. */
static const char *
section_of_heading (const FcVocabulary *v, const char *heading)
{
  const char *best = NULL;
  gsize best_len = 0;
  for (guint i = 0; i < v->sections->len; i++)
    {
      const FcSection *s = g_ptr_array_index (v->sections, i);
      for (guint k = 0; s->headings[k] != NULL; k++)
        {
          gsize l = strlen (s->headings[k]);
          if (l > best_len && g_str_has_suffix (heading, s->headings[k]))
            best = s->id, best_len = l;
        }
    }
  return best;
}

/* Reads a heading at rest; returns where the text after it starts (the
 * paragraph's end when it is all heading), or NULL when it is no heading. */
static const char *
read_heading (Reader *r, FcEnumeration e, const char *rest)
{
  /* the heading runs to a colon or a full stop */
  const char *stop = rest + strlen (rest);
  const char *colon = strchr (rest, ':');
  const char *period = strstr (rest, "。");
  if (colon != NULL && colon < stop)
    stop = colon;
  if (period != NULL && period < stop)
    stop = period;
  if (g_utf8_strlen (rest, stop - rest) > 60)
    return NULL;
  g_autofree char *heading = g_strndup (rest, stop - rest);
  if (e == FC_ENUMERATION_PART)
    {
      r->in_narrative = fc_vocabulary_contains_any (heading, r->v->narrative_parts);
      r->section = r->subsection = NULL;
    }
  else if (e == FC_ENUMERATION_SECTION)
    {
      r->section = section_of_heading (r->v, heading);
      r->subsection = NULL;
    }
  else
    r->subsection = section_of_heading (r->v, heading);
  r->section_instance++;
  r->ctx_topic = -1;
  r->item = 0;
  if (*stop == ':')
    return stop + 1;
  if (g_str_has_prefix (stop, "。"))
    return stop + strlen ("。");
  return stop;
}

static void
read_paragraph (Reader *r, guint index)
{
  const FcParagraph *p = fc_narrative_get_paragraph (r->narrative, index);
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *folded = fc_vocabulary_fold (p->text, -1, offsets);
  r->paragraph = index;
  r->folded = folded;
  r->offsets = offsets;
  const char *rest;
  FcEnumeration e = fc_narrative_enumeration (folded, &rest);
  const char *text = folded;
  if (e == FC_ENUMERATION_PART || e == FC_ENUMERATION_SECTION || e == FC_ENUMERATION_SUBSECTION)
    {
      const char *after = read_heading (r, e, rest);
      text = after != NULL ? after : rest;
    }
  else if (e == FC_ENUMERATION_ITEM)
    {
      r->item++;
      r->item_first_sentence = TRUE;
      r->ctx_topic = -1;
      text = rest;
    }
  const char *section = r->subsection ? r->subsection : r->section;
  g_ptr_array_add (r->out->sections, (gpointer) section);
  g_array_append_val (r->out->in_narrative, r->in_narrative);
  if (!r->in_narrative || section == NULL || *text == '\0')
    {
      r->folded = NULL;
      r->offsets = NULL;
      return;
    }
  g_array_set_size (r->tokens, 0);
  tokenize (r, (gsize) (text - folded), section);
  interpret (r);
  r->folded = NULL;
  r->offsets = NULL;
}

static void
topic_free (FcTopic *t)
{
  for (guint i = 0; i < 3; i++)
    g_free (t->names[i]);
  g_free (t->project);
  g_free (t);
}

static void
claim_clear (gpointer p)
{
  g_free (((FcClaim *) p)->grade);
}

FcClaims *
fc_claims_read (const FcNarrative *narrative, const FcVocabulary *vocabulary, GPtrArray *projects)
{
  FcClaims *out = g_new0 (FcClaims, 1);
  out->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_free);
  out->claims = g_array_new (FALSE, TRUE, sizeof (FcClaim));
  g_array_set_clear_func (out->claims, claim_clear);
  out->sections = g_ptr_array_new ();
  out->in_narrative = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (narrative == NULL || vocabulary == NULL)
    return out;
  Reader r = { 0 };
  r.v = vocabulary;
  r.narrative = narrative;
  r.out = out;
  r.in_narrative = TRUE;
  r.ctx_topic = -1;
  r.projects = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; projects != NULL && i < projects->len; i++)
    {
      char *name = fc_vocabulary_fold (g_ptr_array_index (projects, i), -1, NULL);
      if (g_utf8_strlen (name, -1) >= 2)
        g_ptr_array_add (r.projects, name);
      else
        g_free (name);
    }
  r.lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) lexicon_free);
  r.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  for (guint i = 0; i < fc_narrative_get_n_paragraphs (narrative); i++)
    read_paragraph (&r, i);
  g_array_unref (r.tokens);
  g_hash_table_unref (r.lexicons);
  g_ptr_array_unref (r.projects);
  return out;
}

void
fc_claims_free (FcClaims *claims)
{
  if (claims == NULL)
    return;
  g_ptr_array_unref (claims->topics);
  g_array_unref (claims->claims);
  g_ptr_array_unref (claims->sections);
  g_array_unref (claims->in_narrative);
  g_free (claims);
}

char *
fc_claims_quote (const FcClaims *claims, const FcNarrative *narrative, const FcClaim *claim)
{
  (void) claims;
  const FcParagraph *p = fc_narrative_get_paragraph (narrative, claim->paragraph);
  if (p == NULL)
    return g_strdup ("");
  gsize len = strlen (p->text);
  gsize start = MIN (claim->start, len), end = MIN (MAX (claim->end, start), len);
  g_autofree char *raw = g_strndup (p->text + start, end - start);
  char *quote = g_strstrip (g_strdup (raw));
  /* keep quotes readable: at most 120 characters, cut at the front */
  glong n = g_utf8_strlen (quote, -1);
  if (n > 120)
    {
      char *tail = g_strdup_printf ("…%s", g_utf8_offset_to_pointer (quote, n - 119));
      g_free (quote);
      quote = tail;
    }
  return quote;
}
