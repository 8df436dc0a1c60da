/* fc-narrative.h — the narrative (情况说明) as text: a list of paragraphs,
 * each with where it is — a cell of the workbook when the text was pasted
 * into a sheet (one paragraph a cell, as pasting from Word gives), or its
 * place in a separate document.
 *
 * The claims in it are read by fc-claims; this module only holds text and
 * finds it in a workbook.  Every entry point takes any bytes: invalid UTF-8
 * is repaired, never trusted.
 */
#pragma once

#include <glib.h>

#include "fc-vocabulary.h"
#include "fc-workbook.h"

G_BEGIN_DECLS

typedef struct {
  char *text;  /* valid UTF-8 */
  char *sheet; /* the cell's sheet, or NULL for a paragraph of a document */
  guint row, col;
} FcParagraph;

typedef struct _FcNarrative FcNarrative;

/* An empty narrative.  document names a separate document ("x.docx"), or is
 * NULL / "" for text found in the workbook (transfer full). */
FcNarrative *fc_narrative_new (const char *document);
void fc_narrative_free (FcNarrative *narrative);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcNarrative, fc_narrative_free)

/* A separate document that could not be read (a corrupt .docx, a
 * conversion that failed): no paragraphs, and reason (any bytes, repaired)
 * for the one warning that says its claims were not checked (transfer full). */
FcNarrative *fc_narrative_new_unreadable (const char *document, const char *reason);

/* Why the document could not be read, or NULL when it was (transfer none). */
const char *fc_narrative_get_unreadable (const FcNarrative *narrative);

/* Appends a paragraph of a document (length −1: NUL-terminated). */
void fc_narrative_append (FcNarrative *narrative, const char *text, gssize length);

/* Appends the text of a cell. */
void fc_narrative_append_cell (FcNarrative *narrative, const char *text, const char *sheet,
                               guint row, guint col);

/* A separate document as its paragraphs, in order (NULL-terminated), as the
 * office reads them from a .docx, .doc, .odt or .txt (transfer full). */
FcNarrative *fc_narrative_new_from_paragraphs (const char *const *paragraphs,
                                               const char *document);

/* A separate document as plain text, one paragraph a line (LF, CRLF or CR):
 * a .txt, or any bytes a fuzzer makes up (transfer full). */
FcNarrative *fc_narrative_new_from_text (const char *data, gssize length,
                                         const char *document);

/* The narrative pasted into the workbook: the text cells, in row order, of
 * every sheet that holds one of the vocabulary's narrative headings (found
 * by content, never by sheet name), leaving out the rows of the given
 * tables (of FcTable*, may be NULL).  NULL when no sheet holds one
 * (transfer full). */
FcNarrative *fc_narrative_from_workbook (const FcWorkbook *workbook,
                                         const FcVocabulary *vocabulary,
                                         GPtrArray *tables);

/* How a paragraph is numbered: 第三部分, 一、, （一）, 1、 / (1) / 1. */
typedef enum {
  FC_ENUMERATION_NONE,
  FC_ENUMERATION_PART,
  FC_ENUMERATION_SECTION,
  FC_ENUMERATION_SUBSECTION,
  FC_ENUMERATION_ITEM
} FcEnumeration;

/* The enumeration folded text (fc_vocabulary_fold) starts with; *rest is
 * set to what follows it (the whole text when there is none). */
FcEnumeration fc_narrative_enumeration (const char *folded, const char **rest);

/* A text cell of a workbook, borrowed from it. */
typedef struct {
  const FcSheet *sheet;
  guint row, col;
  const char *text;
} FcTextCell;

/* The workbook's text cells, sheet by sheet in row order: what the
 * narrative and the self-evaluations are found among, gathered in one walk
 * over the cells (a sheet 1,048,576 rows tall is walked once, not once per
 * finder).  Of FcTextCell, borrowing the workbook (transfer full). */
GArray *fc_text_cells_new (const FcWorkbook *workbook);

/* fc_narrative_from_workbook() over text cells already gathered. */
FcNarrative *fc_narrative_from_text_cells (GArray *cells, const FcVocabulary *vocabulary,
                                           GPtrArray *tables);

guint fc_narrative_get_n_paragraphs (const FcNarrative *narrative);
/* transfer none; NULL when index is out of range */
const FcParagraph *fc_narrative_get_paragraph (const FcNarrative *narrative, guint index);
/* The separate document's name, "" for text in the workbook (transfer none). */
const char *fc_narrative_get_document (const FcNarrative *narrative);

G_END_DECLS
