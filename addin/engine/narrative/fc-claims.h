/* fc-claims.h — reading the claims of a narrative: every amount (X万元),
 * percentage, change against last year, share, 完成预算 rate, comparison
 * with the budget, count and score, with the section it stands in and the
 * topic it speaks of (a vocabulary subject, a 功能分类 科目 named with
 * （类）（款）（项）, or a self-evaluated project).
 *
 * Pure text: nothing here looks at the tables.  fc-narrative-check ties
 * topics to figures and judges the claims.
 */
#pragma once

#include <glib.h>

#include "fc-narrative.h"
#include "fc-vocabulary.h"

G_BEGIN_DECLS

typedef enum {
  FC_TOPIC_SUBJECT, /* a vocabulary subject: 收入总计 */
  FC_TOPIC_CODE,    /* 社会保障和就业支出（类）行政事业单位养老支出（款）… */
  FC_TOPIC_PROJECT  /* a self-evaluated project, by its 项目名称 */
} FcTopicKind;

typedef struct {
  FcTopicKind kind;
  const FcSubject *subject;  /* SUBJECT (vocabulary-owned) */
  const FcCodeGroup *group;  /* CODE (vocabulary-owned) */
  char *names[3];            /* CODE: the 类, 款, 项 names as folded, NULL when not given */
  guint column;              /* CODE: the 栏次 it reads (from 基本支出 before it), 0 = the group's */
  const FcSubject *whole;    /* CODE: what its shares are of, or NULL for the group's */
  char *project;             /* PROJECT: the 项目名称 */
  guint paragraph;           /* where it is named */
  gsize start, end;          /* bytes of the paragraph's text */
} FcTopic;

typedef enum {
  FC_CLAIM_AMOUNT,     /* X万元 of the topic; role says which figure */
  FC_CLAIM_CHANGE,     /* 增加/减少 X万元 against last year */
  FC_CLAIM_RATE,       /* 增长/下降 Y% against last year (∞% is infinite) */
  FC_CLAIM_SAME,       /* 持平, 与上年相同: no change */
  FC_CLAIM_SHARE,      /* 占比 Y% of a whole */
  FC_CLAIM_COMPLETION, /* 完成（年初|全年）预算的 Z% */
  FC_CLAIM_COMPARE,    /* 决算数大于/小于/等于预算数: direction */
  FC_CLAIM_PROJECTS,   /* N 个 self-evaluated projects */
  FC_CLAIM_GRADE,      /* N 个 projects graded grade */
  FC_CLAIM_EVAL_BUDGET,  /* their budget, X万元 */
  FC_CLAIM_EVAL_AVERAGE, /* their average score */
  FC_CLAIM_SCORE       /* a project's 得分, N 分 */
} FcClaimKind;

typedef enum {
  FC_ROLE_ACTUAL,         /* 决算, 执行数, or no word at all */
  FC_ROLE_BUDGET_INITIAL, /* 年初预算 */
  FC_ROLE_BUDGET_FULL,    /* 全年预算 */
  FC_ROLE_PRIOR           /* 相较2022年度 … X万元: last year's figure */
} FcClaimRole;

typedef struct {
  FcClaimKind kind;
  FcClaimRole role;
  int topic;            /* index in FcClaims.topics, −1 when it names none */
  int whole;            /* SHARE: a topic named as its whole (占本年支出合计的), or −1 */
  int part;             /* SHARE: the AMOUNT it is a share of; RATE: the CHANGE it goes
                         * with (same sentence); −1 */
  gboolean share_worded; /* RATE: written as 占比 after an increase */
  gboolean missing_percent; /* RATE: a number after 增长 without % (增长 13.95。) */
  int direction;        /* CHANGE, RATE: +1 / −1; COMPARE: +1 大于, −1 小于, 0 等于 */
  double value;
  guint decimals;       /* as written: 89.64 → 2 */
  gboolean infinite;    /* ∞% */
  char *grade;          /* GRADE: the grade as folded */
  int year;             /* the year its clause names before its figure (2023年度…), 0 = none */
  guint paragraph;      /* index in the narrative */
  gsize start, end;     /* bytes of the paragraph's text: the words to quote */
  const char *section;  /* the section id (vocabulary-owned), NULL outside known sections */
  guint section_instance; /* running number of the section heading it follows */
  guint sentence;       /* running number of its sentence */
  guint item;           /* running number of its item (1、 (1)), 0 outside items */
} FcClaim;

typedef struct {
  GPtrArray *topics;    /* of FcTopic*, owned */
  GArray *claims;       /* of FcClaim, in text order */
  /* per paragraph (index = paragraph): */
  GPtrArray *sections;  /* of const char* (vocabulary-owned, or NULL): its section */
  GArray *in_narrative; /* of gboolean: inside the 情况说明 part */
} FcClaims;

/* Reads the claims of narrative.  projects (of char*, may be NULL): the
 * 项目名称 of the self-evaluation tables, so the text's statements about
 * each project are read as such (transfer full). */
FcClaims *fc_claims_read (const FcNarrative *narrative, const FcVocabulary *vocabulary,
                          GPtrArray *projects);
void fc_claims_free (FcClaims *claims);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcClaims, fc_claims_free)

/* The claim's words for a quote: its clause up to the end of its number,
 * trimmed (transfer full). */
char *fc_claims_quote (const FcClaims *claims, const FcNarrative *narrative, const FcClaim *claim);

G_END_DECLS
