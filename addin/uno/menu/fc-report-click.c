/* fc-report-click.c — clicks on the 审核结果 sheet go to the findings'
 * cells (see fc-report-click.h).
 *
 * What Calc does with our answer (ScTabViewObj::MousePressed and
 * MouseReleased, sc/source/ui/unoobj/viewuno.cxx): a handler returning
 * FALSE consumes the click, TRUE lets Calc handle it.  We consume only the
 * clicks we act on, and the release that ends such a click.
 *
 * References: the view holds the handler (its handler list) and the
 * handler holds the view until the view is disposed (we listen to it as an
 * XComponent): disposing() drops the view and leaves the registry.
 */
#include "fc-report-click.h"

#include <string.h>

#include "fc-calc.h"
#include "fc-live-stats.h"
#include "fc-mark-store.h"
#include "fc-report-sheet.h"
#include "fc-uno-object.h"
#include "fc-uno-struct.h"

#define LEFT_BUTTON 1 /* com.sun.star.awt.MouseButton.LEFT */

static const char *const click_services[] = { FC_REPORT_CLICK_IMPLEMENTATION_NAME, NULL };

const FcServiceNames fc_report_click_service_names = {
  FC_REPORT_CLICK_IMPLEMENTATION_NAME, NULL, click_services
};

static const char *const click_interfaces[] = {
  "com.sun.star.awt.XEnhancedMouseClickHandler",
  "com.sun.star.lang.XEventListener",
  "com.sun.star.lang.XInitialization",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

static const char *const watch_interfaces[] = {
  "com.sun.star.document.XDocumentEventListener",
  "com.sun.star.lang.XEventListener",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

typedef struct {
  FcUnoObject base;
  /* guarded by click_lock */
  uno_Interface *controller;  /* XInterface of the view; NULL once disposed or unbound */
  gboolean registered;        /* in the registry (and the view's handler list) */
  gboolean swallow_release;   /* we acted on the press: the release is ours too */
  gboolean swallow_double;    /* we acted on a single click: a second press is ours */
  gboolean counted;           /* registered on the view: in the statistics */
} FcReportClick;

static GMutex click_lock;
static GHashTable *attached; /* view's XInterface → FcReportClick* (no reference) */

static uno_Interface *
click_iface (FcReportClick *self)
{
  return fc_uno_object_iface (&self->base);
}

/* ---- what a click means ------------------------------------------------- */

/* The sheet name and 0-based row/col of cell (transfer full: *sheet). */
static gboolean
cell_position (uno_Interface *cell, char **sheet_name, gint *row, gint *col, GError **error)
{
  g_autoptr (FcUnoStruct) address = fc_uno_struct_new ("com.sun.star.table.CellAddress", error);
  uno_Interface *sheet = NULL;
  rtl_uString *name = NULL;
  gboolean ok;

  ok = address != NULL
       && fc_uno_query_call (cell, "com.sun.star.sheet.XCellAddressable", "getCellAddress",
                             address->data, NULL, error)
       && fc_uno_struct_get_int (address, "Row", row)
       && fc_uno_struct_get_int (address, "Column", col)
       && fc_uno_query_call (cell, "com.sun.star.sheet.XSheetCellRange", "getSpreadsheet",
                             &sheet, NULL, error)
       && sheet != NULL
       && fc_uno_query_call (sheet, "com.sun.star.container.XNamed", "getName", &name, NULL,
                             error);
  if (ok)
    {
      *sheet_name = fc_uno_string_to_utf8 (name);
      rtl_uString_release (name);
    }
  fc_uno_release (sheet);
  return ok;
}

/* The text cell shows (transfer full), or NULL. */
static char *
cell_text (uno_Interface *cell, GError **error)
{
  rtl_uString *text = NULL;
  char *utf8;

  if (!fc_uno_query_call (cell, "com.sun.star.text.XTextRange", "getString", &text, NULL, error))
    return NULL;
  utf8 = fc_uno_string_to_utf8 (text);
  rtl_uString_release (text);
  return utf8;
}

/* Whether sheet_name is document's report sheet: one of our names, and
 * the one our bookkeeping records (a sheet of the user's may be called
 * 审核结果 too). */
static gboolean
is_report_sheet (uno_Interface *document, const char *sheet_name)
{
  g_autoptr (FcMarkStore) store = NULL;

  if (!g_str_has_prefix (sheet_name, FC_REPORT_SHEET_NAME))
    return FALSE;
  store = fc_mark_store_load (document, NULL);
  return store != NULL && g_strcmp0 (store->report_sheet, sheet_name) == 0;
}

/* Selects the cell a link's label names ("Sheet!C12", as the report sheet
 * writes it) in controller's view. */
static gboolean
go_to (uno_Interface *controller, uno_Interface *document, const char *label, GError **error)
{
  const char *bang = strrchr (label, '!');
  g_autofree char *sheet_name = NULL;
  uno_Interface *sheet, *cell = NULL;
  rtl_uString *address;
  void *args[1] = { &address };
  gboolean ok;

  if (bang == NULL || bang == label || bang[1] == '\0')
    return FALSE;
  sheet_name = g_strndup (label, bang - label);
  sheet = fc_calc_sheet (document, sheet_name, error);
  if (sheet == NULL)
    return FALSE;
  address = fc_uno_string_new (bang + 1);
  ok = fc_uno_query_call (sheet, "com.sun.star.table.XCellRange", "getCellRangeByName", &cell,
                          args, error)
       && cell != NULL;
  rtl_uString_release (address);
  if (ok)
    {
      uno_Any any;
      void *select_args[1] = { &any };
      sal_Bool selected = sal_False;

      fc_uno_any_set_interface (&any, cell, "com.sun.star.table.XCellRange");
      ok = fc_uno_query_call (controller, "com.sun.star.view.XSelectionSupplier", "select",
                              &selected, select_args, error);
      uno_any_destruct (&any, NULL);
    }
  fc_uno_release (cell);
  fc_uno_release (sheet);
  return ok;
}

/* Acts on a press (event: an EnhancedMouseEvent) when it is a click on a
 * cell link or a double-click on a finding's row of the report sheet of
 * controller's document: TRUE when it went to the finding's cell. */
static gboolean
act_on_press (uno_Interface *controller, void *event)
{
  g_autoptr (GError) error = NULL;
  typelib_TypeDescription *td = fc_uno_type_get ("com.sun.star.awt.EnhancedMouseEvent", NULL);
  FcUnoStruct view = { td, event };
  gint buttons = 0, clicks = 0, row = 0, col = 0;
  uno_Interface **target;
  uno_Interface *document = NULL, *link = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *label = NULL;
  gboolean done = FALSE;

  if (td == NULL)
    return FALSE;
  target = fc_uno_struct_member_data (&view, "Target");
  if (!fc_uno_struct_get_int (&view, "Buttons", &buttons)
      || !fc_uno_struct_get_int (&view, "ClickCount", &clicks)
      || buttons != LEFT_BUTTON || (clicks != 1 && clicks != 2)
      || target == NULL || *target == NULL
      /* a shape, a chart…: no cell, not ours */
      || !cell_position (*target, &sheet_name, &row, &col, NULL)
      || row <= FC_REPORT_SHEET_HEADER_ROW
      || (clicks == 1 && col < FC_REPORT_SHEET_FIRST_LINK_COL))
    {
      typelib_typedescription_release (td);
      return FALSE;
    }
  typelib_typedescription_release (td);
  if (!fc_uno_query_call (controller, "com.sun.star.frame.XController", "getModel", &document,
                          NULL, &error)
      || document == NULL || !is_report_sheet (document, sheet_name))
    goto out;
  if (clicks == 1)
    {
      link = *target;
      fc_uno_acquire (link);
    }
  else
    {
      /* a double-click on the row: its first cell */
      uno_Interface *sheet = fc_calc_sheet (document, sheet_name, &error);

      link = sheet != NULL ? fc_calc_cell (sheet, row, FC_REPORT_SHEET_FIRST_LINK_COL, &error)
                           : NULL;
      fc_uno_release (sheet);
    }
  label = link != NULL ? cell_text (link, &error) : NULL;
  done = label != NULL && go_to (controller, document, label, &error);
out:
  if (error != NULL)
    g_warning ("FiscalCheck cannot follow the report's link: %s", error->message);
  fc_uno_release (link);
  fc_uno_release (document);
  return done;
}

/* ---- the handler -------------------------------------------------------- */

/* The event's ClickCount (an EnhancedMouseEvent), 0 when unreadable. */
static gint
click_count (void *event)
{
  typelib_TypeDescription *td = fc_uno_type_get ("com.sun.star.awt.EnhancedMouseEvent", NULL);
  FcUnoStruct view = { td, event };
  gint clicks = 0;

  if (td != NULL)
    {
      fc_uno_struct_get_int (&view, "ClickCount", &clicks);
      typelib_typedescription_release (td);
    }
  return clicks;
}

/* XEnhancedMouseClickHandler: TRUE lets Calc handle the click.  A click
 * that went to a finding's cell takes its release with it, and the second
 * press of a double-click on the link too: it lands on the finding's cell,
 * where Calc would start editing it. */
static gboolean
on_mouse (FcReportClick *self, void *event, gboolean pressed)
{
  uno_Interface *controller;
  gboolean acted = FALSE, swallow_double;
  gint clicks = pressed ? click_count (event) : 0;

  g_mutex_lock (&click_lock);
  controller = self->controller;
  fc_uno_acquire (controller);
  swallow_double = self->swallow_double;
  if (pressed)
    self->swallow_double = FALSE;
  else
    {
      acted = self->swallow_release;
      self->swallow_release = FALSE;
    }
  g_mutex_unlock (&click_lock);
  if (pressed && swallow_double && clicks >= 2)
    acted = TRUE;
  else if (pressed && controller != NULL)
    acted = act_on_press (controller, event);
  if (pressed)
    {
      g_mutex_lock (&click_lock);
      self->swallow_release = acted;
      self->swallow_double = acted && clicks == 1;
      g_mutex_unlock (&click_lock);
    }
  fc_uno_release (controller);
  return !acted;
}

/* The view goes away (or we are told to go): forget it. */
static void
on_disposing (FcReportClick *self)
{
  uno_Interface *controller;
  gboolean registered, counted;

  g_mutex_lock (&click_lock);
  controller = g_steal_pointer (&self->controller);
  registered = self->registered;
  counted = self->counted;
  self->registered = self->counted = FALSE;
  if (registered && attached != NULL && controller != NULL
      && g_hash_table_lookup (attached, controller) == self)
    g_hash_table_remove (attached, controller);
  g_mutex_unlock (&click_lock);
  if (counted)
    fc_live_stats_add (FC_LIVE_STAT_LINK_VIEWS_GONE);
  fc_uno_release (controller);
}

/* XInitialization.initialize ((controller,)): binds an unbound handler. */
static void
initialize (FcReportClick *self, const uno_Sequence *arguments, uno_Any **exception)
{
  const uno_Any *items = (const uno_Any *) arguments->elements;
  uno_Interface *controller = arguments->nElements > 0 ? fc_uno_any_get_interface (&items[0]) : NULL;
  uno_Interface *identity = controller != NULL
                            ? fc_uno_query (controller, "com.sun.star.uno.XInterface", NULL) : NULL;

  if (identity == NULL)
    {
      fc_uno_throw (exception, "com.sun.star.lang.IllegalArgumentException",
                    "ReportClick needs a Calc view controller");
      return;
    }
  g_mutex_lock (&click_lock);
  if (self->controller == NULL)
    self->controller = g_steal_pointer (&identity);
  g_mutex_unlock (&click_lock);
  fc_uno_release (identity);
  *exception = NULL;
}

static gboolean
click_dispatch (FcUnoObject *object, const typelib_TypeDescription *member, void *ret,
                void *args[], uno_Any **exception)
{
  FcReportClick *self = (FcReportClick *) object;
  gboolean handled = TRUE;

  fc_uno_acquire (click_iface (self)); /* a callee may drop the last other reference */
  if (fc_uno_member_is (member, "com.sun.star.awt.XEnhancedMouseClickHandler::mousePressed"))
    *(sal_Bool *) ret = on_mouse (self, args[0], TRUE);
  else if (fc_uno_member_is (member, "com.sun.star.awt.XEnhancedMouseClickHandler::mouseReleased"))
    *(sal_Bool *) ret = on_mouse (self, args[0], FALSE);
  else if (fc_uno_member_is (member, "com.sun.star.lang.XEventListener::disposing"))
    on_disposing (self);
  else if (fc_uno_member_is (member, "com.sun.star.lang.XInitialization::initialize"))
    {
      initialize (self, *(const uno_Sequence *const *) args[0], exception);
      fc_uno_release (click_iface (self));
      return TRUE;
    }
  else
    handled = fc_service_info_dispatch_names (&fc_report_click_service_names, member, ret, args,
                                              exception);
  if (handled)
    *exception = NULL;
  fc_uno_release (click_iface (self));
  return handled;
}

static void
click_finalize (FcUnoObject *object)
{
  FcReportClick *self = (FcReportClick *) object;

  fc_uno_release (self->controller);
  g_free (self);
}

uno_Interface *
fc_report_click_new (void)
{
  FcReportClick *self = g_new0 (FcReportClick, 1);

  fc_uno_object_init (&self->base, click_interfaces, click_dispatch, click_finalize);
  return click_iface (self);
}

/* ---- registering -------------------------------------------------------- */

/* Registers a handler on controller (any interface of a Calc view) unless
 * one is there. */
static void
attach (uno_Interface *controller)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *identity = fc_uno_query (controller, "com.sun.star.uno.XInterface", NULL);
  FcReportClick *self;
  uno_Interface *handler;
  void *args[1] = { &handler };

  if (identity == NULL)
    return;
  g_mutex_lock (&click_lock);
  if (attached == NULL)
    attached = g_hash_table_new (g_direct_hash, g_direct_equal);
  if (g_hash_table_contains (attached, identity))
    {
      g_mutex_unlock (&click_lock);
      fc_uno_release (identity);
      return;
    }
  handler = fc_report_click_new ();
  self = (FcReportClick *) handler;
  self->controller = identity; /* the registry's key, held by the handler */
  self->registered = TRUE;
  g_hash_table_insert (attached, identity, self);
  g_mutex_unlock (&click_lock);

  /* the view's end first: a handler registered without it would hold the
   * view for ever */
  if (!fc_uno_query_call (controller, "com.sun.star.lang.XComponent", "addEventListener", NULL,
                          args, &error)
      || !fc_uno_query_call (controller, "com.sun.star.sheet.XEnhancedMouseClickBroadcaster",
                             "addEnhancedMouseClickHandler", NULL, args, &error))
    {
      g_debug ("FiscalCheck: no link clicks in this view: %s", error->message);
      on_disposing (self);
    }
  else
    {
      g_mutex_lock (&click_lock);
      self->counted = self->controller != NULL; /* not disposed meanwhile */
      g_mutex_unlock (&click_lock);
      if (self->counted)
        fc_live_stats_add (FC_LIVE_STAT_LINK_VIEWS);
    }
  fc_uno_release (handler); /* the view holds it now, or nobody */
}

void
fc_report_click_attach_frame (uno_Interface *frame)
{
  uno_Interface *controller = NULL;

  if (fc_uno_query_call (frame, "com.sun.star.frame.XFrame", "getController", &controller, NULL,
                         NULL)
      && controller != NULL)
    attach (controller);
  fc_uno_release (controller);
}

/* OnViewCreated: the new view gets a handler. */
static gboolean
watch_dispatch (FcUnoObject *object, const typelib_TypeDescription *member, void *ret,
                void *args[], uno_Any **exception)
{
  (void) object;
  (void) ret;
  if (fc_uno_member_is (member, "com.sun.star.document.XDocumentEventListener::documentEventOccured"))
    {
      typelib_TypeDescription *td = fc_uno_type_get ("com.sun.star.document.DocumentEvent", NULL);
      FcUnoStruct event = { td, args[0] };
      rtl_uString **name = td != NULL ? fc_uno_struct_member_data (&event, "EventName") : NULL;
      uno_Interface **view = td != NULL ? fc_uno_struct_member_data (&event, "ViewController")
                                        : NULL;

      if (name != NULL && view != NULL && *view != NULL)
        {
          g_autofree char *text = fc_uno_string_to_utf8 (*name);

          if (strcmp (text, "OnViewCreated") == 0)
            attach (*view);
        }
      if (td != NULL)
        typelib_typedescription_release (td);
    }
  else if (!fc_uno_member_is (member, "com.sun.star.lang.XEventListener::disposing"))
    return FALSE;
  *exception = NULL;
  return TRUE;
}

void
fc_report_click_watch (uno_Interface *document)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcMarkStore) store = fc_mark_store_load (document, NULL);
  uno_Interface *controller = NULL, *watch;
  void *args[1] = { &watch };

  if (store == NULL || store->report_sheet == NULL)
    return;
  if (fc_uno_query_call (document, "com.sun.star.frame.XModel", "getCurrentController",
                         &controller, NULL, NULL)
      && controller != NULL)
    attach (controller);
  fc_uno_release (controller);
  /* the document holds the watcher until it goes */
  watch = fc_uno_object_new_stateless (watch_interfaces, watch_dispatch);
  if (!fc_uno_query_call (document, "com.sun.star.document.XDocumentEventBroadcaster",
                          "addDocumentEventListener", NULL, args, &error))
    g_debug ("FiscalCheck: no link clicks in new views: %s", error->message);
  fc_uno_release (watch);
}
