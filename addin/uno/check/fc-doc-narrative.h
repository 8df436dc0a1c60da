/* fc-doc-narrative.h — the narrative document (情况说明) that goes with an
 * open workbook in the office: the one the user chose (选择情况说明文档…,
 * remembered in the workbook's user-defined property FiscalCheckNarrative),
 * else the one beside the workbook's file with the same name, paired as
 * the batch command pairs it (fc-narrative-doc.h).  A .txt is decoded; a
 * .docx/.doc/.odt is read through the office: a private copy loaded
 * hidden and read-only, exported as plain text (Writer's "Text (encoded)",
 * as the batch command converts it), so both read the same words.
 *
 * Texts are cached per file (path, size, modification time): live
 * functions recheck at every edit, and loading a word-processor document
 * inside Calc's formula interpretation is not safe, so they only use a
 * text read before (by Validate, or the load job as the workbook opens).
 */
#pragma once

#include "fc-narrative.h"
#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_DOC_NARRATIVE_PROPERTY "FiscalCheckNarrative"

typedef enum {
  FC_DOC_NARRATIVE_IGNORE = 0, /* no document: the workbook's own narrative (the filter's
                                  batch command stages the document itself) */
  FC_DOC_NARRATIVE_CACHED,     /* a .txt, or a document's text read before */
  FC_DOC_NARRATIVE_LOAD        /* also read a document through the office now */
} FcDocNarrativeMode;

/* The narrative document's path for document (any interface of a model):
 * the chosen one, else the one beside the workbook's file; NULL when there
 * is none (transfer full).  *chosen tells which (may be NULL). */
char *fc_doc_narrative_locate (uno_Interface *document, gboolean *chosen);

/* The narrative of document's narrative document under mode (transfer
 * full), or NULL when it has none (the workbook's own is then checked).
 * A document that cannot be read, or under FC_DOC_NARRATIVE_CACHED was
 * not read yet, is an unreadable narrative saying why (N.0). */
FcNarrative *fc_doc_narrative_get (uno_Interface *document, FcDocNarrativeMode mode);

/* Reads document's narrative document through the office when it needs
 * the office and its text is not cached: TRUE when a text (or why there
 * is none) was newly cached, so live results should be checked again. */
gboolean fc_doc_narrative_prefetch (uno_Interface *document);

/* Remembers path (NULL or "": forget the choice) as document's narrative
 * document, in its user-defined properties. */
gboolean fc_doc_narrative_choose (uno_Interface *document, const char *path, GError **error);

G_END_DECLS
