/* fc-sheet-undo.c — sheet insertion with our own undo action (see
 * fc-sheet-undo.h). */
#include "fc-sheet-undo.h"

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
  char *name;
  gboolean visible;
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

/* Appends (or, with remove, removes) the sheet while undo is locked, so
 * that Calc records nothing: not its own ScUndoInsertTab, and — during
 * our undo and redo, where 7.4 still records — no new action that would
 * clear the redo stack under the running undo.  Returns the appended
 * sheet (transfer full), or for a removal the document itself, acquired;
 * NULL on failure. */
static uno_Interface *
change_locked (uno_Interface *undo, uno_Interface *document, const char *name,
               gboolean visible, gboolean remove, GError **error)
{
  uno_Interface *result = NULL;
  gboolean ok;

  if (undo != NULL && !fc_uno_call (undo, XUNDOMANAGER, "lock", NULL, NULL, error))
    return NULL;
  if (remove)
    {
      ok = fc_calc_sheet_remove (document, name, error);
      if (ok)
        {
          result = document;
          fc_uno_acquire (result);
        }
    }
  else
    {
      result = fc_calc_sheet_append (document, name, error);
      if (result != NULL && !visible && !fc_calc_set_bool (result, "IsVisible", FALSE, error))
        g_clear_pointer (&result, fc_uno_release);
    }
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
      gboolean remove = fc_uno_member_is (member, "com.sun.star.document.XUndoAction::undo");
      uno_Interface *undo = undo_manager (self->document);
      uno_Interface *done = change_locked (undo, self->document, self->name, self->visible,
                                           remove, &error);

      fc_uno_release (undo);
      if (done == NULL)
        {
          fc_uno_throw (exception, "com.sun.star.document.UndoFailedException", error->message);
          return TRUE;
        }
      fc_uno_release (done);
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
  g_free (self);
}

/* A new undo action for the sheet (transfer full). */
static uno_Interface *
action_new (uno_Interface *document, const char *name, gboolean visible)
{
  FcSheetUndo *self = g_new0 (FcSheetUndo, 1);

  fc_uno_object_init (&self->base, action_interfaces, action_dispatch, action_finalize);
  fc_uno_acquire (document);
  self->document = document;
  self->name = g_strdup (name);
  self->visible = visible;
  return fc_uno_object_iface (&self->base);
}

uno_Interface *
fc_sheet_undo_append (uno_Interface *document, const char *name, gboolean visible,
                      GError **error)
{
  uno_Interface *undo = undo_manager (document);
  uno_Interface *sheet = change_locked (undo, document, name, visible, FALSE, error);

  if (sheet != NULL && undo != NULL)
    {
      uno_Interface *action = action_new (document, name, visible);
      void *args[1] = { &action };

      if (!fc_uno_call (undo, XUNDOMANAGER, "addUndoAction", NULL, args, error))
        g_clear_pointer (&sheet, fc_uno_release);
      fc_uno_release (action);
    }
  fc_uno_release (undo);
  return sheet;
}
