/* fc-mark-store.h — what Validate changed, kept inside the document so that
 * Clear marks can undo it exactly, even after save, close and reopen.
 *
 * Storage: a hidden sheet named FC_MARK_STORE_SHEET.  Row 1 holds a magic
 * text, the name of the report sheet Validate wrote and the entry count;
 * row 2 column titles for a curious reader; from row 3 one row per marked
 * cell: sheet, row, column (0-based), whether the background was a direct
 * attribute, the previous CellBackColor and IsCellBackgroundTransparent,
 * whether the cell had an annotation and its text, and the colour and
 * annotation text Validate set (so Clear leaves alone what the user changed
 * since).  A sheet rather than document properties because inserting,
 * filling and removing a sheet are part of Calc's undo: one Ctrl+Z after
 * Validate removes the bookkeeping together with the marks.
 */
#pragma once

#include "fc-own-sheets.h"
#include "fc-uno.h"
#include "fc-workbook.h"

G_BEGIN_DECLS

typedef struct {
  char *sheet;            /* sheet name */
  guint row, col;         /* 0-based */
  gboolean direct;        /* the background was set on the cell, not by a style */
  sal_Int32 back_color;   /* previous CellBackColor */
  gboolean transparent;   /* previous IsCellBackgroundTransparent */
  gboolean had_comment;
  char *comment;          /* previous annotation text, "" when none */
  sal_Int32 mark_color;   /* the background Validate set */
  char *mark_comment;     /* the annotation text Validate set, as Calc reads it back */
} FcMarkEntry;

typedef struct {
  char *report_sheet;     /* the report sheet Validate wrote, or NULL */
  GPtrArray *entries;     /* of FcMarkEntry*, owned */
} FcMarkStore;

/* A new empty store (transfer full). */
FcMarkStore *fc_mark_store_new (void);
void fc_mark_store_free (FcMarkStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcMarkStore, fc_mark_store_free)

/* Appends an entry for sheet/row/col with the other fields zero and empty
 * strings; fill it in (transfer none). */
FcMarkEntry *fc_mark_store_add (FcMarkStore *store, const char *sheet, guint row, guint col);

/* The document's store; NULL without an error when it has none
 * (transfer full). */
FcMarkStore *fc_mark_store_load (uno_Interface *document, GError **error);
/* Replaces the document's store with store (a hidden sheet). */
gboolean fc_mark_store_save (uno_Interface *document, const FcMarkStore *store,
                             GError **error);
/* FALSE with an error when document has a sheet called
 * FC_MARK_STORE_SHEET that is not our bookkeeping (a user's sheet, which
 * we must never overwrite or remove). */
gboolean fc_mark_store_check_name (uno_Interface *document, GError **error);
/* Removes the store; TRUE when there was none; FALSE (with an error) when
 * the sheet of that name is not ours. */
gboolean fc_mark_store_remove (uno_Interface *document, GError **error);

G_END_DECLS
