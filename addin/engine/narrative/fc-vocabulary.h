/* fc-vocabulary.h — the narrative vocabulary (addin/rules/narrative.ini):
 * the words that tie a 情况说明's claims to table figures, as data.
 *
 * Sections are recognised by their headings; a subject is something the
 * text names in a section (收入总计 in 一、), with the figure it stands for
 * in the rules' cell language (01["总计",1]); code groups tie 功能分类 names
 * marked （类）（款）（项） to a table's code rows; [claims] is the grammar of
 * claims (增加, 占比, 完成年初预算的 …); [self-evaluation] says how the text
 * speaks of the project self-evaluations.  The file documents every key.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The roles of [claims], in file order. */
typedef enum {
  FC_WORD_INCREASE,
  FC_WORD_DECREASE,
  FC_WORD_SAME,
  FC_WORD_SHARE,
  FC_WORD_COMPLETION_INITIAL,
  FC_WORD_COMPLETION_FULL,
  FC_WORD_BUDGET_INITIAL,
  FC_WORD_BUDGET_FULL,
  FC_WORD_ACTUAL,
  FC_WORD_PRIOR,
  FC_WORD_COMPARE,
  FC_WORD_GREATER,
  FC_WORD_LESS,
  FC_WORD_EQUAL,
  FC_WORD_COMPARED,
  FC_WORD_AGAINST,
  FC_WORD_SCORE,
  FC_WORD_FILLER,
  FC_WORD_DESCRIPTIVE,
  FC_WORD_NOT_BEFORE,
  FC_WORD_NOT_AFTER,
  FC_N_WORDS
} FcWord;

typedef struct {
  char *id;
  GStrv headings; /* folded */
} FcSection;

typedef struct {
  char *id;
  GStrv sections;
  GStrv phrases;  /* folded */
  char *figure;   /* as written, e.g. 01["总计",1]; NULL when none */
  char *budget;   /* NULL when none */
  char *whole;    /* a subject id, or NULL */
  guint column;   /* 0 = none */
} FcSubject;

typedef struct {
  char *id;
  GStrv sections;
  char *figure; /* with {code} and {column} */
  char *whole;  /* a subject id, or NULL */
} FcCodeGroup;

typedef struct {
  char *name;     /* folded: 优 */
  double minimum; /* the lowest 总分 that earns it */
} FcGrade;

typedef struct {
  GPtrArray *sections;    /* of FcSection*, owned */
  GPtrArray *subjects;    /* of FcSubject*, owned */
  GPtrArray *code_groups; /* of FcCodeGroup*, owned */
  GStrv words[FC_N_WORDS];
  GStrv narrative_parts;
  GStrv sheet_markers;
  GStrv residue;
  /* [self-evaluation] */
  GStrv eval_sections;
  double eval_weight;
  GArray *grades;         /* of FcGrade, best first */
  GStrv eval_projects, eval_budget, eval_average, eval_excluded, grade_marks;
  /* the labels of the tables, folded */
  GStrv name_label, titles, funds_header, funds_label, indicators_header, weight_label,
        score_label, total_label;
} FcVocabulary;

/* Reads a vocabulary.  On a malformed file returns NULL with
 * FC_ERROR_RULE_SYNTAX naming name:line (transfer full). */
FcVocabulary *fc_vocabulary_new_from_data (const char *data, gssize length,
                                           const char *name, GError **error);
FcVocabulary *fc_vocabulary_new_from_file (const char *path, GError **error);
void fc_vocabulary_free (FcVocabulary *vocabulary);

/* Whether a key file's text is a vocabulary (it has a [narrative] group),
 * not rules or catalogue. */
gboolean fc_vocabulary_is_data (const char *data, gssize length);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcVocabulary, fc_vocabulary_free)

/* Text as the vocabulary compares it: no white space or quotes, full-width
 * ASCII forms (letters, digits, ％，；：（）) folded to ASCII.  Invalid UTF-8
 * is skipped byte by byte.  With offsets (of gsize), one entry per output
 * byte: where in text it came from, plus a last entry for the end
 * (transfer full). */
char *fc_vocabulary_fold (const char *text, gssize length, GArray *offsets);

const FcSubject *fc_vocabulary_subject (const FcVocabulary *vocabulary, const char *id);
const FcGrade *fc_vocabulary_grade (const FcVocabulary *vocabulary, const char *name);

/* Whether text holds (ends with) one of list's words. */
gboolean fc_vocabulary_contains_any (const char *text, GStrv list);
gboolean fc_vocabulary_ends_with_any (const char *text, GStrv list);

/* Whether section is one of sections (a NULL-terminated list). */
gboolean fc_vocabulary_in (GStrv sections, const char *section);

/* The figure of a code group for code and column (transfer full). */
char *fc_vocabulary_code_figure (const FcCodeGroup *group, const char *code, guint column);

G_END_DECLS
