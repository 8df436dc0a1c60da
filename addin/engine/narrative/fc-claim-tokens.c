/* fc-claim-tokens.c — cutting a folded paragraph into tokens: numbers
 * with their unit (万元, %, 个, 分 …; a year; ∞%), the vocabulary's words
 * and subjects by longest match in the section's lexicon, 科目 named with
 * （类）（款）（项）, projects, separators.  What the tokens claim is read
 * in fc-claims.c.
 */
#include "fc-claims-private.h"

#include <math.h>
#include <string.h>

/* A number longer than this is an identifier, not a figure. */
#define MAX_DIGITS 15

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

GHashTable *
fc_claim_tokens_lexicons_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) lexicon_free);
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
lexicon_for (FcClaimReader *r, const char *section)
{
  const char *key = section ? section : "";
  Lexicon *l = g_hash_table_lookup (r->lexicons, key);
  if (l != NULL)
    return l;
  l = g_new0 (Lexicon, 1);
  l->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint w = 0; w < FC_N_WORDS; w++)
    add_words (l->entries, index, r->v->words[w], FC_WORD_BIT (w));
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
        add_word (l->entries, index, res, FC_DIRECTION_BITS);
    }
  if (section != NULL && fc_vocabulary_in (r->v->eval_sections, section))
    {
      add_words (l->entries, index, r->v->eval_projects, FC_WORD_BIT (FC_WORD_EVAL_PROJECTS));
      add_words (l->entries, index, r->v->eval_budget, FC_WORD_BIT (FC_WORD_EVAL_BUDGET));
      add_words (l->entries, index, r->v->eval_average, FC_WORD_BIT (FC_WORD_EVAL_AVERAGE));
      add_words (l->entries, index, r->v->grade_marks, FC_WORD_BIT (FC_WORD_GRADE_MARK));
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
  FcTokenKind kind;
} separators[] = {
  { ",", FC_TOKEN_CLAUSE }, { ":", FC_TOKEN_CLAUSE }, { "、", FC_TOKEN_CLAUSE }, { ";", FC_TOKEN_SEGMENT },
  { "。", FC_TOKEN_SENTENCE }, { "!", FC_TOKEN_SENTENCE }, { "?", FC_TOKEN_SENTENCE },
};

static const char *const code_markers[] = { "(类)", "(款)", "(项)" };

static void
push (FcClaimReader *r, FcClaimToken t)
{
  g_array_append_val (r->tokens, t);
}

static FcClaimToken *
last_token (FcClaimReader *r)
{
  return r->tokens->len ? &g_array_index (r->tokens, FcClaimToken, r->tokens->len - 1) : NULL;
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
static FcClaimUnit
read_unit (const char *s, gsize *len)
{
  static const struct {
    const char *text;
    FcClaimUnit unit;
  } units[] = {
    { "万元", FC_UNIT_WANYUAN }, { "%", FC_UNIT_PERCENT }, { "个", FC_UNIT_COUNT }, { "分钟", FC_UNIT_OTHER },
    { "分之", FC_UNIT_OTHER }, { "分", FC_UNIT_SCORE }, { "万", FC_UNIT_OTHER }, { "元", FC_UNIT_OTHER },
    { "人次", FC_UNIT_OTHER }, { "批次", FC_UNIT_OTHER }, { "辆", FC_UNIT_OTHER }, { "台", FC_UNIT_OTHER },
    { "人", FC_UNIT_OTHER }, { "次", FC_UNIT_OTHER }, { "倍", FC_UNIT_OTHER }, { "月", FC_UNIT_OTHER },
    { "日", FC_UNIT_OTHER }, { "天", FC_UNIT_OTHER }, { "位", FC_UNIT_OTHER }, { "项", FC_UNIT_OTHER },
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
    return FC_UNIT_NONE;
  return FC_UNIT_OTHER;
}

/* Reads a number at f + i ("-1,234.50", "∞"); FALSE when there is none.
 * On TRUE, *end is past its unit. */
static gboolean
read_number (FcClaimReader *r, gsize i, FcClaimToken *t)
{
  const char *f = r->folded;
  gsize p = i;
  gboolean negative = FALSE;
  memset (t, 0, sizeof *t);
  t->kind = FC_TOKEN_NUMBER;
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
          t->kind = FC_TOKEN_OTHER;
          t->end = p;
          return TRUE;
        }
      t->value = g_ascii_strtod (digits->str, NULL) * (negative ? -1 : 1);
      if (!isfinite (t->value))
        {
          t->kind = FC_TOKEN_OTHER;
          t->end = p;
          return TRUE;
        }
      /* a year: 2023年, 2023年度 */
      if (!negative && t->decimals == 0 && n_int == 4 && t->value >= 1900 && t->value <= 2100
          && g_str_has_prefix (f + p, "年"))
        {
          t->kind = FC_TOKEN_YEAR;
          p += strlen ("年");
          if (g_str_has_prefix (f + p, "度"))
            p += strlen ("度");
          t->end = p;
          return TRUE;
        }
    }
  gsize ulen;
  t->unit = read_unit (f + p, &ulen);
  if (t->infinite && t->unit != FC_UNIT_PERCENT)
    {
      t->kind = FC_TOKEN_OTHER;
      t->end = p;
      return TRUE;
    }
  p += ulen;
  gsize len;
  if (starts_with_any (f + p, r->v->words[FC_WORD_NOT_AFTER], &len))
    t->condition = TRUE;
  if (t->unit == FC_UNIT_COUNT && starts_with_any (f + p, r->v->eval_projects, &len))
    t->before_projects = TRUE;
  t->end = p;
  return TRUE;
}

static int
new_topic (FcClaimReader *r, FcTopicKind kind, gsize start, gsize end)
{
  FcTopic *topic = g_new0 (FcTopic, 1);
  topic->kind = kind;
  topic->paragraph = r->paragraph;
  topic->start = g_array_index (r->offsets, gsize, start);
  topic->end = g_array_index (r->offsets, gsize, end);
  g_ptr_array_add (r->out->topics, topic);
  return (int) r->out->topics->len - 1;
}

FcTopic *
fc_claim_tokens_topic (FcClaimReader *r, int index)
{
  return index >= 0 ? g_ptr_array_index (r->out->topics, index) : NULL;
}

/* The 科目 in front of a （类）/（款）/（项） marker at i: its name runs from
 * name_start (the clause's start, or the previous marker of the same 科目)
 * to the marker.  Tokens read inside the name are dropped: they were words
 * of the name. */
static void
read_code_marker (FcClaimReader *r, const FcCodeGroup *group, guint level, gsize i, gsize name_start,
                  int *chain, gsize marker_len)
{
  while (r->tokens->len > 0 && last_token (r)->start >= name_start)
    g_array_set_size (r->tokens, r->tokens->len - 1);
  FcTopic *code = fc_claim_tokens_topic (r, *chain);
  gboolean continues = code != NULL;
  for (guint k = level; continues && k < 3; k++)
    continues = code->names[k] == NULL;
  if (continues && last_token (r) != NULL && last_token (r)->kind == FC_TOKEN_TOPIC
      && last_token (r)->topic == *chain)
    {
      last_token (r)->end = i + marker_len;
      code->end = g_array_index (r->offsets, gsize, i + marker_len);
    }
  else
    {
      *chain = new_topic (r, FC_TOPIC_CODE, name_start, i + marker_len);
      code = fc_claim_tokens_topic (r, *chain);
      code->group = group;
      FcClaimToken t = { .kind = FC_TOKEN_TOPIC, .start = name_start, .end = i + marker_len, .topic = *chain };
      push (r, t);
    }
  code->names[level] = g_strndup (r->folded + name_start, i - name_start);
}

static const FcCodeGroup *
code_group_for (const FcClaimReader *r, const char *section)
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
skip_remark (FcClaimReader *r, gsize *i, const FcCodeGroup *group)
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
void
fc_claim_tokens_read (FcClaimReader *r, gsize from, const char *section)
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
            FcClaimToken t = { .kind = separators[k].kind, .start = i, .end = i + l };
            push (r, t);
            i += l;
            clause_start = i;
            chain = -1;
            sep = TRUE;
            break;
          }
      if (sep)
        continue;
      FcClaimToken num;
      if ((g_ascii_isdigit (f[i]) || f[i] == '-' || g_str_has_prefix (f + i, "∞"))
          && read_number (r, i, &num))
        {
          FcClaimToken *prev = last_token (r);
          if (num.kind == FC_TOKEN_NUMBER && prev != NULL && prev->kind == FC_TOKEN_WORD && prev->end == i
              && (prev->roles & FC_WORD_BIT (FC_WORD_NOT_BEFORE)))
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
      FcClaimToken *prev = last_token (r);
      if (prev != NULL && prev->kind == FC_TOKEN_WORD && (prev->roles & FC_WORD_BIT (FC_WORD_GRADE_MARK))
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
              FcClaimToken t = { .kind = FC_TOKEN_GRADE, .start = i, .end = i + best_len, .grade = best };
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
          FcClaimToken t = { .start = i, .end = i + match->len };
          if (match->subject != NULL || match->project != NULL)
            {
              t.kind = FC_TOKEN_TOPIC;
              t.topic = new_topic (r, match->subject ? FC_TOPIC_SUBJECT : FC_TOPIC_PROJECT, i,
                                   i + match->len);
              fc_claim_tokens_topic (r, t.topic)->subject = match->subject;
              fc_claim_tokens_topic (r, t.topic)->project = g_strdup (match->project);
              chain = -1;
            }
          else
            {
              t.kind = FC_TOKEN_WORD;
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
      if (prev != NULL && prev->kind == FC_TOKEN_OTHER && prev->end == i)
        prev->end = i + step;
      else
        {
          FcClaimToken t = { .kind = FC_TOKEN_OTHER, .start = i, .end = i + step };
          push (r, t);
        }
      i += step;
    }
  FcClaimToken end = { .kind = FC_TOKEN_SENTENCE, .start = len, .end = len };
  push (r, end);
}
