/* fc-sheet-undo.c — sheet insertion and removal and an annotation's text
 * with our own undo action (see fc-sheet-undo.h). */
#include "fc-sheet-undo.h"

#include <string.h>

#include "fc-calc.h"
#include "fc-uno-object.h"

#define XUNDOMANAGER "com.sun.star.document.XUndoManager"

static const char *const action_interfaces[] = {
  "com.sun.star.document.XUndoAction",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

typedef struct {
  FcUnoObject base;
  uno_Interface *document; /* owned; the undo stack dies with the document */
  char *name;              /* the sheet inserted or removed, or the note's sheet */
  gint position;           /* a removal: where the sheet was; -1: an insertion */
  gboolean note;           /* an annotation's text instead of a sheet: */
  guint row, col;
  char *before, *after;    /* its text before and after */
} FcSheetUndo;

/* The document's undo manager (transfer full), or NULL when it has none. */
static uno_Interface *
undo_manager (uno_Interface *document)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *undo = NULL;

  if (!fc_uno_query_call (document, "com.sun.star.document.XUndoManagerSupplier",
                          "getUndoManager", &undo, NULL, &error))
    g_debug ("no undo manager: %s", error->message);
  return undo;
}

/* The cell at row/col of the sheet called name (transfer full), or NULL
 * with an error. */
static uno_Interface *
note_cell (uno_Interface *document, const char *name, guint row, guint col, GError **error)
{
  g_autoptr (GError) local = NULL;
  uno_Interface *sheet = fc_calc_sheet (document, name, &local);
  uno_Interface *cell;

  if (sheet == NULL)
    {
      if (local == NULL)
        g_set_error (&local, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "no sheet %s", name);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  cell = fc_calc_cell (sheet, row, col, error);
  fc_uno_release (sheet);
  return cell;
}

/* Sets the text of the annotation at row/col of the named sheet in place. */
static gboolean
note_set (uno_Interface *document, const char *name, guint row, guint col, const char *text,
          GError **error)
{
  uno_Interface *cell = note_cell (document, name, row, col, error);
  gboolean ok = cell != NULL && fc_calc_set_annotation_text (cell, text, error);

  fc_uno_release (cell);
  return ok;
}

/* Does self's change (undoing: takes it back) while undo is locked, so
 * that Calc records nothing: not its own ScUndoInsertTab /
 * ScUndoDeleteTab, and — during our undo and redo — no new action that
 * would clear the redo stack under the running undo.  Only sheet
 * insertion and removal and an annotation's text set in place are safe
 * there: 7.4 still records a cell write (setDataArray) made during an
 * undo, lock or no lock, and that frees the list action being undone
 * (valgrind: invalid reads in freed memory); setString on an annotation
 * records nothing at all.  Returns the new sheet of an insertion
 * (transfer full), otherwise the document itself, acquired; NULL on
 * failure. */
static uno_Interface *
action_apply (const FcSheetUndo *self, uno_Interface *undo, gboolean undoing, GError **error)
{
  /* an insertion is undone by a removal, a removal redone by one */
  gboolean remove = self->position < 0 ? undoing : !undoing;
  uno_Interface *result = NULL;

  if (undo != NULL && !fc_uno_call (undo, XUNDOMANAGER, "lock", NULL, NULL, error))
    return NULL;
  if (self->note || remove)
    {
      gboolean ok = self->note ? note_set (self->document, self->name, self->row, self->col,
                                           undoing ? self->before : self->after, error)
                               : fc_calc_sheet_remove (self->document, self->name, error);

      if (ok)
        {
          result = self->document;
          fc_uno_acquire (result);
        }
    }
  else
    result = self->position >= 0
               ? fc_calc_sheet_insert (self->document, self->name, self->position, error)
               : fc_calc_sheet_append (self->document, self->name, error);
  if (undo != NULL
      && !fc_uno_call (undo, XUNDOMANAGER, "unlock", NULL, NULL, result != NULL ? error : NULL))
    g_clear_pointer (&result, fc_uno_release);
  return result;
}

static gboolean
action_dispatch (FcUnoObject *base, const typelib_TypeDescription *member,
                 void *ret, void *args[], uno_Any **exception)
{
  FcSheetUndo *self = (FcSheetUndo *) base;
  g_autoptr (GError) error = NULL;

  (void) args;
  if (fc_uno_member_is (member, "com.sun.star.document.XUndoAction::Title"))
    *(rtl_uString **) ret = fc_uno_string_new (self->name);
  else if (fc_uno_member_is (member, "com.sun.star.document.XUndoAction::undo")
           || fc_uno_member_is (member, "com.sun.star.document.XUndoAction::redo"))
    {
      gboolean undoing = fc_uno_member_is (member, "com.sun.star.document.XUndoAction::undo");
      uno_Interface *undo;
      uno_Interface *done;

      /* Calc may drop the list action we belong to while we run */
      fc_uno_acquire (fc_uno_object_iface (&self->base));
      undo = undo_manager (self->document);
      done = action_apply (self, undo, undoing, &error);

      fc_uno_release (undo);
      if (done == NULL)
        fc_uno_throw (exception, "com.sun.star.document.UndoFailedException", error->message);
      fc_uno_release (done);
      fc_uno_release (fc_uno_object_iface (&self->base)); /* may free self */
      if (done == NULL)
        return TRUE;
    }
  else
    return FALSE;
  *exception = NULL;
  return TRUE;
}

static void
action_finalize (FcUnoObject *base)
{
  FcSheetUndo *self = (FcSheetUndo *) base;

  fc_uno_release (self->document);
  g_free (self->name);
  g_free (self->before);
  g_free (self->after);
  g_free (self);
}

/* A new undo action for the sheet called name: an insertion, or with
 * position ≥ 0 a removal from there; fill in the note fields for an
 * annotation (transfer full, of the object). */
static FcSheetUndo *
action_new (uno_Interface *document, const char *name, gint position)
{
  FcSheetUndo *self = g_new0 (FcSheetUndo, 1);

  fc_uno_object_init (&self->base, action_interfaces, action_dispatch, action_finalize);
  fc_uno_acquire (document);
  self->document = document;
  self->name = g_strdup (name);
  self->position = position;
  return self;
}

/* Does self's change (as a redo does) and records self with undo (when
 * the document has an undo manager); consumes self.  Returns what
 * action_apply does. */
static uno_Interface *
action_run (FcSheetUndo *self, GError **error)
{
  uno_Interface *action = fc_uno_object_iface (&self->base);
  uno_Interface *undo = undo_manager (self->document);
  uno_Interface *done = action_apply (self, undo, FALSE, error);

  if (done != NULL && undo != NULL)
    {
      void *args[1] = { &action };

      if (!fc_uno_call (undo, XUNDOMANAGER, "addUndoAction", NULL, args, error))
        g_clear_pointer (&done, fc_uno_release);
    }
  fc_uno_release (undo);
  fc_uno_release (action);
  return done;
}

uno_Interface *
fc_sheet_undo_append (uno_Interface *document, const char *name, gboolean visible,
                      GError **error)
{
  uno_Interface *sheet = action_run (action_new (document, name, -1), error);

  /* hidden by Calc's own recorded action, after ours: hiding inside our
   * redo would be recorded on top of the stack (7.4 records there) */
  if (sheet != NULL && !visible && !fc_calc_set_bool (sheet, "IsVisible", FALSE, error))
    g_clear_pointer (&sheet, fc_uno_release);
  return sheet;
}

/* Empties sheet through Calc's own recorded actions, which undo and redo
 * without a view: its contents and formats, its column widths, its
 * visibility.  Their undo, after ours has put back an empty sheet, fills
 * it again. */
static gboolean
empty_recorded (uno_Interface *sheet, GError **error)
{
  sal_Int32 everything = 1023; /* com.sun.star.sheet.CellFlags, all of them */
  void *args[1] = { &everything };
  uno_Interface *columns = NULL;
  gboolean visible = TRUE;
  gboolean ok;

  ok = fc_calc_get_bool (sheet, "IsVisible", &visible, error)
       && (visible || fc_calc_set_bool (sheet, "IsVisible", TRUE, error))
       && fc_uno_query_call (sheet, "com.sun.star.sheet.XSheetOperation", "clearContents", NULL,
                             args, error)
       && fc_uno_query_call (sheet, "com.sun.star.table.XColumnRowRange", "getColumns",
                             &columns, NULL, error)
       /* any width: what counts is that Calc's undo puts back the old ones */
       && fc_calc_set_long (columns, "Width", 2258, error);
  fc_uno_release (columns);
  return ok;
}

gboolean
fc_sheet_undo_remove (uno_Interface *document, const char *name, GError **error)
{
  g_autoptr (GError) local = NULL;
  uno_Interface *sheet = fc_calc_sheet (document, name, &local);
  uno_Interface *undo;
  uno_Interface *done = NULL;
  gint position = 0;
  gboolean ok = TRUE;

  if (sheet == NULL)
    {
      if (local == NULL)
        return TRUE; /* nothing to remove */
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  undo = undo_manager (document);
  if (undo != NULL)
    ok = (position = fc_calc_sheet_position (document, name, error)) >= 0
         && empty_recorded (sheet, error);
  fc_uno_release (undo);
  fc_uno_release (sheet);
  if (ok)
    done = action_run (action_new (document, name, position), error);
  fc_uno_release (done);
  return done != NULL;
}

gboolean
fc_sheet_undo_annotation (uno_Interface *document, const char *name, guint row, guint col,
                          const char *text, GError **error)
{
  uno_Interface *cell = note_cell (document, name, row, col, error);
  g_autofree char *before = cell != NULL ? fc_calc_annotation (cell, error) : NULL;
  FcSheetUndo *self;
  uno_Interface *done;

  fc_uno_release (cell);
  if (before == NULL)
    return FALSE;
  if (strcmp (before, text) == 0)
    return TRUE; /* nothing to change, nothing to record */
  self = action_new (document, name, -1);
  self->note = TRUE;
  self->row = row;
  self->col = col;
  self->before = g_steal_pointer (&before);
  self->after = g_strdup (text);
  done = action_run (self, error);
  fc_uno_release (done);
  return done != NULL;
}
