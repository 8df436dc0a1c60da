/* fc-finding.h — what a check found: one discrepancy or note, with every cell
 * it involves (fc-report.h gathers them for one workbook).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FC_SEVERITY_INFO = 0,
  FC_SEVERITY_WARNING,
  FC_SEVERITY_ERROR
} FcSeverity;

/* How a severity is written: the one severity formatter. */
typedef enum {
  FC_SEVERITY_ID,        /* "error": JSON, CSV, rule files */
  FC_SEVERITY_CHINESE,   /* "错误": the text report, FISCALCHECKFINDINGS() (COUNTIF-able) */
  FC_SEVERITY_BILINGUAL  /* "错误 error": comments of marks, the 审核结果 sheet */
} FcSeverityStyle;

/* severity written in style (static string). */
const char *fc_severity_format (FcSeverity severity, FcSeverityStyle style);

/* "error" / "warning" / "info": fc_severity_format (severity, FC_SEVERITY_ID). */
const char *fc_severity_to_string (FcSeverity severity);

typedef struct {
  char *sheet;        /* sheet name */
  guint row, col;     /* 0-based position on the sheet */
  char *address;      /* "C12" */
  char *row_label;    /* e.g. "本年收入合计 (行27)"; may be "" */
  char *column_label; /* e.g. "栏1 金额"; may be "" */
  double value;       /* the amount as the rule read it */
} FcFindingCell;

typedef struct {
  char *rule_id;      /* e.g. "R01.1" */
  FcSeverity severity;
  char *table;        /* table id the finding belongs to, e.g. "01"; "" for package-level */
  char *message;      /* zh-CN */
  char *message_en;   /* en-US */
  GPtrArray *cells;   /* of FcFindingCell*, owned; the first is the "actual" cell */
  gboolean has_amounts; /* FALSE for findings without expected/actual (e.g. missing table) */
  double expected;
  double actual;
  double difference;  /* actual − expected */
  double tolerance;   /* the rounding tolerance that was applied */
  gboolean percent;   /* the amounts are percentages (a share, a rate: 2.64 is 2.64%) */
  /* findings about the narrative (情况说明): the words they are about */
  char *quote;        /* the claim as written, "" for findings about tables */
  guint paragraph;    /* 1-based paragraph of the narrative the quote is in; 0 = none */
  char *document;     /* the narrative document when it is not in the workbook, else "" */
  /* findings of a package read from a PDF: where the first cell was printed */
  guint page;         /* 1-based page; 0 = not from a PDF */
  char *printed;      /* its row's label and its text as printed ("工资福利支出 2,082.85"), or "" */
} FcFinding;

/* The longest message and row or column label a finding keeps, in
 * characters: longer ones (quoting a cell of 100,000 characters) are cut,
 * ending in "…".  Control characters in them but line breaks become
 * spaces. */
#define FC_FINDING_MAX_MESSAGE 500
#define FC_FINDING_MAX_LABEL 100

/* Returns a new finding with an empty cell list (transfer full). */
FcFinding *fc_finding_new (const char *rule_id, FcSeverity severity,
                           const char *table, const char *message,
                           const char *message_en);
void fc_finding_free (FcFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcFinding, fc_finding_free)

/* Appends a copy of the given cell description. */
void fc_finding_add_cell (FcFinding *finding, const char *sheet, guint row,
                          guint col, const char *row_label,
                          const char *column_label, double value);

/* Says which words of the narrative the finding is about: quote as written,
 * its 1-based paragraph, and document (NULL or "" when the narrative is in
 * the workbook; its cell is then the finding's first cell).  Copies; the
 * quote is cut and cleaned like a message (FC_FINDING_MAX_MESSAGE). */
void fc_finding_set_quote (FcFinding *finding, const char *quote,
                           guint paragraph, const char *document);

/* Says where in a PDF the finding's first cell was printed: its page and
 * the printed words (its row's label and amount, or the paragraph's
 * opening).  Copies; cut and cleaned like a message. */
void fc_finding_set_printed (FcFinding *finding, guint page, const char *printed);

G_END_DECLS
