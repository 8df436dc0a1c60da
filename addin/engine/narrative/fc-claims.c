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
 * The tokens are cut in fc-claim-tokens.c.
 */
#include "fc-claims-private.h"

#include <string.h>

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
  FcClaimToken count;
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
claim_at (FcClaimReader *r, int index)
{
  return index >= 0 ? &g_array_index (r->out->claims, FcClaim, index) : NULL;
}

/* Where in the paragraph the text of folded byte start begins, with the
 * quotes and spaces before it (“三公”经费…). */
static gsize
source_start (FcClaimReader *r, gsize start)
{
  if (start == 0)
    return 0;
  const char *text = fc_narrative_get_paragraph (r->narrative, r->paragraph)->text;
  gsize prev = g_array_index (r->offsets, gsize, start - 1);
  return (gsize) (g_utf8_next_char (text + prev) - text);
}

/* Appends a claim over folded bytes [start, end); returns its index. */
static int
add_claim (FcClaimReader *r, FcClaimKind kind, int topic, gsize start, gsize end)
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
bound_topic (FcClaimReader *r, State *s)
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
eval_claim (State *s, FcClaimKind kind, const FcClaimToken *t, const char *grade)
{
  EvalClaim e = { kind, t->value, t->decimals, g_strdup (grade), s->clause_start, t->end };
  g_array_append_val (s->segment_eval, e);
}

static void
on_number (FcClaimReader *r, State *s, const FcClaimToken *t)
{
  const char *section = r->subsection ? r->subsection : r->section;
  gboolean in_eval = section != NULL && fc_vocabulary_in (r->v->eval_sections, section);
  guint64 role = s->last_role;
  int kind = -1;
  int topic = bound_topic (r, s);
  int index = -1;
  FcClaimRole claim_role = FC_ROLE_ACTUAL;
  int direction = (role & FC_WORD_BIT (FC_WORD_INCREASE)) && !(role & FC_WORD_BIT (FC_WORD_DECREASE)) ? 1
                  : (role & FC_WORD_BIT (FC_WORD_DECREASE)) && !(role & FC_WORD_BIT (FC_WORD_INCREASE)) ? -1 : 0;
  switch (t->unit)
    {
    case FC_UNIT_WANYUAN:
      if (role & FC_DIRECTION_BITS)
        kind = FC_CLAIM_CHANGE;
      else if (in_eval && (s->clause_roles & FC_WORD_BIT (FC_WORD_EVAL_BUDGET)) && s->clause_topic < 0)
        {
          eval_claim (s, FC_CLAIM_EVAL_BUDGET, t, NULL);
          return;
        }
      else
        {
          kind = FC_CLAIM_AMOUNT;
          if (role & FC_WORD_BIT (FC_WORD_BUDGET_INITIAL))
            claim_role = FC_ROLE_BUDGET_INITIAL;
          else if (role & FC_WORD_BIT (FC_WORD_BUDGET_FULL))
            claim_role = FC_ROLE_BUDGET_FULL;
          else if (role & FC_WORD_BIT (FC_WORD_ACTUAL))
            claim_role = FC_ROLE_ACTUAL;
          else if (s->prior)
            claim_role = FC_ROLE_PRIOR;
        }
      break;
    case FC_UNIT_PERCENT:
      if ((role & FC_DIRECTION_BITS) || ((role & FC_WORD_BIT (FC_WORD_SHARE)) && s->last_change > s->last_amount))
        {
          kind = FC_CLAIM_RATE;
          if (s->last_change >= 0)
            {
              topic = claim_at (r, s->last_change)->topic;
              if (!(role & FC_DIRECTION_BITS))
                direction = claim_at (r, s->last_change)->direction;
            }
        }
      else if (role & FC_WORD_BIT (FC_WORD_SHARE))
        {
          kind = FC_CLAIM_SHARE;
          if (s->last_amount >= 0)
            topic = claim_at (r, s->last_amount)->topic;
          else
            topic = -1;
        }
      else if (role & FC_WORD_BIT (FC_WORD_COMPLETION_INITIAL))
        kind = FC_CLAIM_COMPLETION, claim_role = FC_ROLE_BUDGET_INITIAL;
      else if (role & FC_WORD_BIT (FC_WORD_COMPLETION_FULL))
        kind = FC_CLAIM_COMPLETION, claim_role = FC_ROLE_BUDGET_FULL;
      break;
    case FC_UNIT_NONE:
      /* 增长 13.95。: a rate without its % */
      if ((role & FC_DIRECTION_BITS) && t->decimals > 0)
        kind = FC_CLAIM_RATE;
      break;
    case FC_UNIT_COUNT:
      if (in_eval && !s->has_count)
        {
          s->has_count = TRUE;
          s->count = *t;
        }
      return;
    case FC_UNIT_SCORE:
      if (in_eval && (s->clause_roles & FC_WORD_BIT (FC_WORD_EVAL_AVERAGE)))
        {
          eval_claim (s, FC_CLAIM_EVAL_AVERAGE, t, NULL);
          return;
        }
      if (role & FC_WORD_BIT (FC_WORD_SCORE))
        kind = FC_CLAIM_SCORE;
      break;
    case FC_UNIT_OTHER:
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
  c->missing_percent = t->unit == FC_UNIT_NONE;
  c->year = s->year;
  if (kind == FC_CLAIM_RATE)
    {
      c->part = s->last_change;
      c->share_worded = !(role & FC_DIRECTION_BITS);
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
clause_end (FcClaimReader *r, State *s, gsize end)
{
  guint64 roles = s->clause_roles;
  gboolean compared = (roles & FC_WORD_BIT (FC_WORD_COMPARED)) && (roles & FC_WORD_BIT (FC_WORD_AGAINST));
  int direction = (roles & FC_WORD_BIT (FC_WORD_GREATER)) ? 1 : (roles & FC_WORD_BIT (FC_WORD_LESS)) ? -1 : 0;
  gboolean has_direction = (roles & (FC_WORD_BIT (FC_WORD_GREATER) | FC_WORD_BIT (FC_WORD_LESS) | FC_WORD_BIT (FC_WORD_EQUAL))) != 0;
  /* 决算数小于预算数的主要原因: the reason that follows does not count */
  int topic = s->clause_topic >= 0 ? s->clause_topic
              : s->sent_topic >= 0 ? s->sent_topic : s->descriptive_before ? -1 : r->ctx_topic;
  if (s->has_count)
    {
      s->count.end = MAX (s->count.end, end);
      if (s->grade != NULL)
        eval_claim (s, FC_CLAIM_GRADE, &s->count, s->grade);
      else if (s->count.before_projects || (roles & FC_WORD_BIT (FC_WORD_EVAL_PROJECTS)))
        eval_claim (s, FC_CLAIM_PROJECTS, &s->count, NULL);
    }
  if (compared && has_direction)
    {
      int i = add_claim (r, FC_CLAIM_COMPARE, topic, s->clause_start, end);
      claim_at (r, i)->direction = direction;
    }
  else if ((roles & FC_WORD_BIT (FC_WORD_SAME)) && !(roles & FC_DIRECTION_BITS))
    {
      add_claim (r, FC_CLAIM_SAME, topic, s->clause_start, end);
      note_bound (s, topic);
    }
}

static void
segment_end (FcClaimReader *r, State *s, gsize end)
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
sentence_end (FcClaimReader *r, State *s, gsize end, gsize next)
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
interpret (FcClaimReader *r)
{
  State s = { 0 };
  s.segment_eval = g_array_new (FALSE, FALSE, sizeof (EvalClaim));
  sentence_reset (&s, r->tokens->len ? g_array_index (r->tokens, FcClaimToken, 0).start : 0);
  s.segment_start = s.clause_start;
  for (guint i = 0; i < r->tokens->len; i++)
    {
      const FcClaimToken *t = &g_array_index (r->tokens, FcClaimToken, i);
      switch (t->kind)
        {
        case FC_TOKEN_TOPIC:
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
            FcTopic *topic = fc_claim_tokens_topic (r, t->topic);
            if (topic->kind == FC_TOPIC_SUBJECT && topic->subject->column > 0)
              s.column_topic = t->topic;
            if (topic->kind == FC_TOPIC_CODE && s.column_topic >= 0)
              {
                FcTopic *col = fc_claim_tokens_topic (r, s.column_topic);
                topic->column = col->subject->column;
                topic->whole = col->subject;
              }
          }
          if (r->item_first_sentence && r->ctx_topic < 0)
            r->ctx_topic = t->topic;
          break;
        case FC_TOKEN_WORD:
          s.clause_roles |= t->roles;
          if (t->roles & ~FC_WORD_BIT (FC_WORD_FILLER))
            s.last_role = t->roles;
          if ((t->roles & FC_WORD_BIT (FC_WORD_PRIOR)) && (s.clause_roles & FC_WORD_BIT (FC_WORD_COMPARE)))
            s.prior = TRUE;
          if (t->roles & FC_WORD_BIT (FC_WORD_SHARE))
            s.share_seen = TRUE;
          if (t->roles & FC_WORD_BIT (FC_WORD_DESCRIPTIVE))
            s.descriptive = TRUE;
          break;
        case FC_TOKEN_YEAR:
          if (s.clause_roles & FC_WORD_BIT (FC_WORD_COMPARE))
            s.prior = TRUE;
          s.year = (int) t->value;
          break;
        case FC_TOKEN_GRADE:
          s.grade = t->grade;
          break;
        case FC_TOKEN_NUMBER:
          if (!t->condition)
            on_number (r, &s, t);
          else
            s.clean = FALSE;
          break;
        case FC_TOKEN_OTHER:
          s.clean = FALSE;
          break;
        case FC_TOKEN_CLAUSE:
        case FC_TOKEN_SEGMENT:
          clause_end (r, &s, t->start);
          clause_reset (&s, t->end);
          if (t->kind == FC_TOKEN_SEGMENT)
            segment_end (r, &s, t->start);
          break;
        case FC_TOKEN_SENTENCE:
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
read_heading (FcClaimReader *r, FcEnumeration e, const char *rest)
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
read_paragraph (FcClaimReader *r, guint index)
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
  fc_claim_tokens_read (r, (gsize) (text - folded), section);
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
  FcClaimReader r = { 0 };
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
  r.lexicons = fc_claim_tokens_lexicons_new ();
  r.tokens = g_array_new (FALSE, FALSE, sizeof (FcClaimToken));
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
