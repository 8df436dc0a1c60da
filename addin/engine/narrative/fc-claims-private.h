/* fc-claims-private.h — internal to the claims reader (fc-claims.c) and its
 * tokenizer (fc-claim-tokens.c): the reader's state, the tokens and the
 * roles of words.  Not for other modules: they read FcClaims.
 */
#pragma once

#include "fc-claims.h"

G_BEGIN_DECLS

/* Roles beyond FcWord, for the self-evaluation words and grade marks. */
enum {
  FC_WORD_EVAL_PROJECTS = FC_N_WORDS,
  FC_WORD_EVAL_BUDGET,
  FC_WORD_EVAL_AVERAGE,
  FC_WORD_GRADE_MARK,
  FC_N_WORD_ROLES
};

#define FC_WORD_BIT(r) (G_GUINT64_CONSTANT (1) << (r))
#define FC_DIRECTION_BITS (FC_WORD_BIT (FC_WORD_INCREASE) | FC_WORD_BIT (FC_WORD_DECREASE))

typedef enum {
  FC_UNIT_NONE,    /* nothing after it that is a unit */
  FC_UNIT_WANYUAN, /* 万元 */
  FC_UNIT_PERCENT, /* % */
  FC_UNIT_COUNT,   /* 个 */
  FC_UNIT_SCORE,   /* 分 */
  FC_UNIT_OTHER    /* 元, 人次, 辆, 万 alone, … */
} FcClaimUnit;

typedef enum {
  FC_TOKEN_NUMBER,
  FC_TOKEN_WORD,
  FC_TOKEN_TOPIC,
  FC_TOKEN_YEAR,
  FC_TOKEN_GRADE,
  FC_TOKEN_CLAUSE,   /* ， ； ： 、 */
  FC_TOKEN_SEGMENT,  /* ； also ends a segment */
  FC_TOKEN_SENTENCE, /* 。 ！ ？ */
  FC_TOKEN_OTHER
} FcTokenKind;

typedef struct {
  FcTokenKind kind;
  gsize start, end; /* folded bytes */
  guint64 roles;    /* WORD */
  double value;     /* NUMBER, YEAR */
  guint decimals;
  gboolean infinite;
  FcClaimUnit unit;
  gboolean condition;  /* NUMBER: 单价100万元以上: not a claim */
  gboolean before_projects; /* NUMBER: 12个项目 */
  int topic;           /* TOPIC */
  const char *grade;   /* GRADE (vocabulary-owned) */
} FcClaimToken;

typedef struct {
  const FcVocabulary *v;
  const FcNarrative *narrative;
  GPtrArray *projects;    /* of char* folded names, owned */
  FcClaims *out;
  GHashTable *lexicons;   /* section id (or "") → its lexicon (fc-claim-tokens.c) */
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
} FcClaimReader;

/* The lexicons of a reader, one per section, built on first use
 * (transfer full). */
GHashTable *fc_claim_tokens_lexicons_new (void);

/* Cuts the folded paragraph of r from byte `from` into r->tokens, with the
 * lexicon of section; topics it meets are added to r->out. */
void fc_claim_tokens_read (FcClaimReader *r, gsize from, const char *section);

/* The topic at index (borrowed), NULL for −1. */
FcTopic *fc_claim_tokens_topic (FcClaimReader *r, int index);

G_END_DECLS
