/* fc-result.c — the live values of FISCALCHECK() and FISCALCHECKFINDINGS()
 * (see fc-result.h): one live state per document (FcLive, the document's
 * modify and dispose listener) holding the last report and one
 * XVolatileResult per (function, scope).
 *
 * How a value stays live without a check per cell:
 *  - an edit (one modify event: a typed cell, a paste, one setDataArray)
 *    reads and checks the document once, unscoped, and gives every result
 *    its value from that one report (fc_evaluate_in_scope); every value is
 *    pushed to Calc's result listeners, which marks the cells using it
 *    dirty (ScAddInListener::modified) — Calc interprets them when shown
 *    or read, they call fiscalcheck() again and get the value pushed last;
 *    only the values that changed are pushed (each push is a
 *    TrackFormulas and a broadcast in Calc), and one more, unchanged: the
 *    count whose cell asked last, so that a cell calls again — the sign
 *    of life below;
 *    the check runs in the modify broadcast, never inside an
 *    interpretation (reading cells there interprets formulas that depend
 *    on the running cell: Err:522 that sticks);
 *  - the first result of a document is checked inside its cell's
 *    interpretation, as Calc asks for it;
 *  - Calc never tells an add-in that a formula was deleted (it calls
 *    removeResultListener only when the document goes away), so a cell
 *    calling again after a push is our sign of life: when none did since
 *    the last push, the next edit first asks Calc's search whether a
 *    formula of ours is left; when none is, we stop listening and drop the
 *    report, and edits cost nothing until a formula is entered again; when
 *    one is, every count is pushed once, so any cell still there answers.
 *
 * Locking: live_lock guards every live state and result.  It is never held
 * while calling out through UNO: Calc calls back into us (removeResultListener
 * from disposing, fiscalcheck from the recalculation a pushed value
 * triggers) and holds its SolarMutex meanwhile.
 *
 * References: the registry holds each live state, a live state its
 * document and its results, the document the live state (as listener)
 * until it is disposed; disposing() breaks that cycle.  Calc holds the
 * results it was given until the document goes.
 */
#include "fc-result.h"

#include <string.h>

#include "fc-calc.h"
#include "fc-doc-reader.h"
#include "fc-evaluate.h"
#include "fc-findings-ranges.h"
#include "fc-findings-table.h"
#include "fc-live-stats.h"
#include "fc-ui-locale.h"
#include "fc-uno-object.h"

/* What a result shows when it was created while its document was being
 * checked: pushed again as soon as that check is done. */
#define CHECKING_TEXT "FiscalCheck: 正在检查 / checking"

typedef struct {
  FcUnoObject base;
  FcEvalKind kind;            /* immutable */
  char *scope;                /* "" for all; immutable */
  /* guarded by live_lock */
  GPtrArray *listeners;       /* of acquired XResultListener */
  FcEvalValue value;          /* what the listeners were given last */
  gboolean has_value;         /* value was computed */
  guint64 asked_at;           /* live->n_asked when a cell last asked for it */
} FcResult;

typedef struct {
  FcUnoObject base;
  /* guarded by live_lock */
  uno_Interface *document;    /* XInterface of the model; NULL once disposed */
  GHashTable *results;        /* "kind\x1fscope" → FcResult*, one reference each */
  FcReport *report;           /* the last check; NULL: text says why, or none yet */
  char *text;
  FcFindingsFit *fit;         /* the lists' array ranges at the last check; NULL: unknown */
  gboolean fresh;             /* report is the document as it is now */
  gboolean checking;          /* a check is running */
  gboolean modified_meanwhile; /* the document changed while it was checked */
  gboolean listening;         /* our modify listener is registered */
  gboolean asked;             /* a cell asked for a result since the last push */
  guint64 n_asked;            /* cells' calls so far: orders results by their last */
  gboolean pending;           /* modified while our own command held checks */
} FcLive;

static const char *const result_interfaces[] = {
  "com.sun.star.sheet.XVolatileResult",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

static const char *const live_interfaces[] = {
  "com.sun.star.util.XModifyListener",
  "com.sun.star.lang.XEventListener",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

static GMutex live_lock;
static GHashTable *lives;   /* document XInterface → FcLive*, one reference each */
static guint held;          /* fc_result_hold depth: no check meanwhile */
static gint n_listening;    /* live states whose modify listener is registered */

static uno_Interface *
result_iface (FcResult *self)
{
  return fc_uno_object_iface (&self->base);
}

static uno_Interface *
live_iface (FcLive *self)
{
  return fc_uno_object_iface (&self->base);
}

/* ---- talking to Calc ---------------------------------------------------- */

/* Builds an EventObject-derived struct of type_name with Source = source
 * and, if value is set, Value = value (transfer full: free with event_free). */
static void *
event_new (uno_Interface *source, const char *type_name, typelib_TypeDescription **td,
           const FcEvalValue *value)
{
  sal_Int32 offset;
  typelib_TypeDescriptionReference *type;
  void *event;

  *td = fc_uno_type_get (type_name, NULL);
  if (*td == NULL)
    return NULL;
  event = g_malloc0 ((*td)->nSize);
  uno_constructData (event, *td);
  if (fc_uno_struct_member (*td, "Source", &offset, &type))
    {
      uno_Interface **slot = (uno_Interface **) ((char *) event + offset);

      fc_uno_release (*slot);
      *slot = source;
      fc_uno_acquire (source);
    }
  if (value != NULL && fc_uno_struct_member (*td, "Value", &offset, &type))
    {
      uno_Any *any = (uno_Any *) ((char *) event + offset);

      uno_any_destruct (any, NULL);
      fc_eval_value_to_any (value, any);
    }
  return event;
}

static void
event_free (void *event, typelib_TypeDescription *td)
{
  if (event != NULL)
    {
      uno_destructData (event, td, NULL);
      g_free (event);
    }
  if (td != NULL)
    typelib_typedescription_release (td);
}

/* A value to send to some listeners of one result, gathered under the lock
 * and sent outside it. */
typedef struct {
  FcResult *result;           /* acquired */
  GPtrArray *listeners;       /* of acquired XResultListener */
  FcEvalValue value;
} Delivery;

/* A delivery of result's value to its listeners now; live_lock held
 * (transfer full: deliver_all frees it). */
static Delivery *
delivery_new (FcResult *result)
{
  Delivery *d = g_new0 (Delivery, 1);

  d->result = result;
  fc_uno_acquire (result_iface (result));
  d->listeners = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_uno_release);
  for (guint i = 0; i < result->listeners->len; i++)
    {
      fc_uno_acquire (result->listeners->pdata[i]);
      g_ptr_array_add (d->listeners, result->listeners->pdata[i]);
    }
  fc_eval_value_copy (&result->value, &d->value);
  return d;
}

/* Sends value to one result listener; failures are logged, never raised. */
static void
push_to (FcResult *self, uno_Interface *listener, const FcEvalValue *value)
{
  g_autoptr (GError) error = NULL;
  typelib_TypeDescription *td = NULL;
  void *event = event_new (result_iface (self), "com.sun.star.sheet.ResultEvent", &td, value);
  void *args[1] = { event };

  fc_live_stats_add (FC_LIVE_STAT_PUSHES);
  if (event == NULL
      || !fc_uno_call (listener, "com.sun.star.sheet.XResultListener", "modified",
                       NULL, args, &error))
    g_warning ("cannot notify a FISCALCHECK result listener: %s",
               error != NULL ? error->message : "no ResultEvent type");
  event_free (event, td);
}

/* Sends and frees the deliveries (an array of Delivery*, freed too);
 * live_lock not held: Calc recalculates from here. */
static void
deliver_all (GPtrArray *deliveries)
{
  for (guint i = 0; i < deliveries->len; i++)
    {
      Delivery *d = deliveries->pdata[i];

      for (guint k = 0; k < d->listeners->len; k++)
        push_to (d->result, d->listeners->pdata[k], &d->value);
      g_ptr_array_unref (d->listeners);
      fc_eval_value_clear (&d->value);
      fc_uno_release (result_iface (d->result));
      g_free (d);
    }
  g_ptr_array_unref (deliveries);
}

/* Adds or removes live as the document's modify listener. */
static void
set_listening (FcLive *live, uno_Interface *document, gboolean listen)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *listener = live_iface (live);
  void *args[1] = { &listener };

  if (!fc_uno_query_call (document, "com.sun.star.util.XModifyBroadcaster",
                          listen ? "addModifyListener" : "removeModifyListener",
                          NULL, args, &error))
    g_warning ("FISCALCHECK cannot %s changes: %s", listen ? "follow" : "stop following",
               error->message);
}

/* Listens for the document's end (XComponent): from then on nothing is
 * kept for it. */
static void
watch_disposing (FcLive *live, uno_Interface *document)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *listener = live_iface (live);
  void *args[1] = { &listener };

  if (!fc_uno_query_call (document, "com.sun.star.lang.XComponent", "addEventListener",
                          NULL, args, &error))
    g_warning ("FISCALCHECK will not see the document close: %s", error->message);
}

/* ---- the live state of a document --------------------------------------- */

/* Gives result its value from live's report, a list cut to the smallest
 * array range showing it (fc-findings-fit.h), its overflow row in the UI
 * language (chinese: fc_ui_locale_is_chinese, asked before the lock);
 * TRUE when it changed; live_lock held. */
static gboolean
result_update (FcLive *live, FcResult *result, gboolean chinese)
{
  FcEvalValue value;
  gboolean changed;

  if (live->report == NULL && live->text == NULL)
    {
      memset (&value, 0, sizeof value);
      if (result->kind == FC_EVAL_FINDINGS)
        value.table = fc_findings_table_new_text (CHECKING_TEXT);
      else
        value.text = g_strdup (CHECKING_TEXT);
    }
  else
    fc_evaluate_in_scope (live->report, live->text, result->kind, result->scope, &value);
  if (value.table != NULL && live->fit != NULL)
    value.table = fc_findings_fit_table (value.table,
                                         fc_findings_fit_rows (live->fit, result->scope), chinese);
  changed = !result->has_value || !fc_eval_value_equal (&value, &result->value);
  fc_eval_value_clear (&result->value);
  result->value = value;
  result->has_value = TRUE;
  return changed;
}

/* Stops following the document: no cell uses its results any more.  The
 * report goes; the results stay, as Calc keeps them until the document
 * goes.  live->checking was set by the caller. */
static void
live_release (FcLive *live, uno_Interface *document)
{
  gboolean stop;

  g_mutex_lock (&live_lock);
  live->checking = FALSE;
  live->fresh = FALSE;
  g_clear_pointer (&live->report, fc_report_free);
  g_clear_pointer (&live->text, g_free);
  g_clear_pointer (&live->fit, fc_findings_fit_free);
  stop = live->listening;
  if (stop)
    {
      live->listening = FALSE;
      fc_live_stats_set_listening (--n_listening);
    }
  g_mutex_unlock (&live_lock);
  fc_live_stats_add (FC_LIVE_STAT_RELEASED);
  g_debug ("FISCALCHECK: no formula of ours left in the document, not following it");
  if (stop)
    set_listening (live, document, FALSE);
}

/* Which unchanged values a check pushes besides those that changed: none
 * (the first check, inside a cell's interpretation), the count whose cell
 * asked last (a sign of life costs one push), or every count (after
 * Calc's search found formulas of ours that did not ask: whichever is
 * still there answers).  Counts only: a number is cheap to push again,
 * a findings table is not. */
typedef enum {
  PUSH_CHANGED,
  PUSH_CHANGED_AND_LAST_ASKED,
  PUSH_CHANGED_AND_ALL_COUNTS
} PushMode;

/* Whether a result of live is a FISCALCHECKFINDINGS() list; live_lock
 * not held. */
static gboolean
has_list (FcLive *live)
{
  GHashTableIter iter;
  gpointer value;
  gboolean found = FALSE;

  g_mutex_lock (&live_lock);
  g_hash_table_iter_init (&iter, live->results);
  while (!found && g_hash_table_iter_next (&iter, NULL, &value))
    found = ((FcResult *) value)->kind == FC_EVAL_FINDINGS;
  g_mutex_unlock (&live_lock);
  return found;
}

/* The array ranges showing the document's lists (transfer full), or NULL
 * when they cannot be read: the lists are then shown whole, as before. */
static FcFindingsFit *
scan_lists (uno_Interface *document)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  FcFindingsFit *fit = fc_findings_ranges_scan (document, &error);

  fc_live_stats_set_lists ((g_get_monotonic_time () - start) / 1000.0);

  if (fit == NULL)
    g_debug ("FISCALCHECKFINDINGS: cannot find its array ranges: %s", error->message);
  return fit;
}

/* Reads and checks the document once and gives every result of live its
 * value from that report, pushing the values that changed and those mode
 * adds, so the cells using them are interpreted again when shown or read
 * (and so ask: the sign they are still there); without such a sign the
 * next edit asks Calc's search (live_modified).
 * live->checking was set by the caller, who holds a reference to document. */
static void
check_now (FcLive *live, uno_Interface *document, PushMode mode)
{
  gboolean listen, again;
  GPtrArray *deliveries;
  FcResult *last_asked;
  gboolean last_asked_pushed = FALSE;

  g_mutex_lock (&live_lock);
  listen = !live->listening;
  if (listen)
    {
      live->listening = TRUE;
      fc_live_stats_set_listening (++n_listening);
    }
  g_mutex_unlock (&live_lock);
  /* before reading: an edit while we read makes the report out of date */
  if (listen)
    set_listening (live, document, TRUE);

  do
    {
      g_autofree char *text = NULL;
      gint64 start = g_get_monotonic_time ();
      FcReport *report = fc_evaluate_check (document, &text);
      /* a list entered since the last check scans for itself (fc_result_get) */
      FcFindingsFit *fit = has_list (live) ? scan_lists (document) : NULL;
      gint64 checked = g_get_monotonic_time ();
      gboolean chinese = fc_ui_locale_is_chinese ();
      GHashTableIter iter;
      gpointer value;

      if (fc_live_stats_time_reads ())
        {
          g_autoptr (FcWorkbook) workbook = fc_doc_read_workbook (document, NULL);
          fc_live_stats_set_times ((checked - start) / 1000.0,
                                   (g_get_monotonic_time () - checked) / 1000.0);
        }
      else
        fc_live_stats_set_times ((checked - start) / 1000.0, 0);
      fc_live_stats_add (FC_LIVE_STAT_CHECKS);
      g_mutex_lock (&live_lock);
      g_clear_pointer (&live->report, fc_report_free);
      g_free (live->text);
      live->report = report;
      live->text = g_steal_pointer (&text);
      g_clear_pointer (&live->fit, fc_findings_fit_free);
      live->fit = fit;
      /* the check is Calc reading cells: an edit meanwhile is another burst */
      again = live->modified_meanwhile && live->document != NULL;
      live->modified_meanwhile = FALSE;
      live->checking = again;
      live->fresh = !again && live->document != NULL;
      live->asked = mode == PUSH_CHANGED;
      deliveries = g_ptr_array_new ();
      last_asked = NULL;
      g_hash_table_iter_init (&iter, live->results);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          FcResult *result = value;
          gboolean push = result_update (live, result, chinese)
                          || (mode == PUSH_CHANGED_AND_ALL_COUNTS && result->kind == FC_EVAL_COUNT);

          if (result->listeners->len == 0)
            continue;
          if (push)
            g_ptr_array_add (deliveries, delivery_new (result));
          if (mode == PUSH_CHANGED_AND_LAST_ASKED && result->kind == FC_EVAL_COUNT
              && (last_asked == NULL || result->asked_at > last_asked->asked_at))
            {
              last_asked = result;
              last_asked_pushed = push;
            }
        }
      if (last_asked != NULL && !last_asked_pushed)
        g_ptr_array_add (deliveries, delivery_new (last_asked));
      g_mutex_unlock (&live_lock);
      deliver_all (deliveries);
    }
  while (again);
}

/* The document changed: one check for every result, pushed to every cell
 * using one — unless no cell asked since the last push and no formula of
 * ours is left in the document, then nothing more is done for it. */
static void
live_modified (FcLive *live)
{
  uno_Interface *document = NULL;
  gboolean asked = FALSE, found = TRUE;
  g_autoptr (GError) error = NULL;

  g_mutex_lock (&live_lock);
  if (live->checking)
    live->modified_meanwhile = TRUE;
  else if (live->document != NULL)
    {
      live->fresh = FALSE;
      if (held > 0)
        live->pending = TRUE; /* our own command: checked once when it is done */
      else
        {
          live->checking = TRUE;
          asked = live->asked;
          document = live->document;
          fc_uno_acquire (document);
        }
    }
  g_mutex_unlock (&live_lock);
  if (document == NULL)
    return;

  /* a cell that is not shown is not interpreted, so not asking is no
   * proof: Calc's search is (it stops at the first hit) */
  if (!asked && !fc_calc_find_in_formulas (document, "FISCALCHECK", &found, &error))
    {
      g_debug ("FISCALCHECK: cannot search the document: %s", error->message);
      found = TRUE;
    }
  if (found)
    check_now (live, document, asked ? PUSH_CHANGED_AND_LAST_ASKED : PUSH_CHANGED_AND_ALL_COUNTS);
  else
    live_release (live, document);
  fc_uno_release (document);
}

/* The document goes away: forget it, tell Calc's listeners, leave the
 * registry. */
static void
live_dispose (FcLive *live)
{
  uno_Interface *document;
  GHashTable *results;
  GHashTableIter iter;
  gpointer value;
  gboolean registered = FALSE;
  typelib_TypeDescription *td = NULL;

  g_mutex_lock (&live_lock);
  document = g_steal_pointer (&live->document);
  results = live->results;
  live->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) fc_uno_release);
  g_clear_pointer (&live->report, fc_report_free);
  g_clear_pointer (&live->text, g_free);
  g_clear_pointer (&live->fit, fc_findings_fit_free);
  live->fresh = FALSE;
  if (live->listening)
    {
      live->listening = FALSE;
      fc_live_stats_set_listening (--n_listening);
    }
  if (document != NULL && lives != NULL && g_hash_table_lookup (lives, document) == live)
    {
      g_hash_table_steal (lives, document);
      registered = TRUE;
    }
  g_mutex_unlock (&live_lock);

  if (document == NULL)
    {
      g_hash_table_unref (results);
      return; /* already disposed (we listen twice: modify and component) */
    }
  g_hash_table_iter_init (&iter, results);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FcResult *result = value;
      GPtrArray *listeners;
      void *event = event_new (result_iface (result), "com.sun.star.lang.EventObject", &td, NULL);

      g_mutex_lock (&live_lock);
      listeners = result->listeners;
      result->listeners = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_uno_release);
      g_mutex_unlock (&live_lock);
      for (guint i = 0; event != NULL && i < listeners->len; i++)
        {
          void *args[1] = { event };
          g_autoptr (GError) error = NULL;

          /* Calc's listener answers with removeResultListener: our list is
           * already empty, so that finds nothing. */
          if (!fc_uno_call (listeners->pdata[i], "com.sun.star.lang.XEventListener",
                            "disposing", NULL, args, &error))
            g_debug ("result listener disposing: %s", error->message);
        }
      event_free (event, td);
      td = NULL;
      g_ptr_array_unref (listeners);
    }
  g_hash_table_unref (results);
  fc_uno_release (document);
  if (registered)
    fc_uno_release (live_iface (live)); /* the registry's reference */
}

static gboolean
live_dispatch (FcUnoObject *object, const typelib_TypeDescription *member,
               void *ret, void *args[], uno_Any **exception)
{
  FcLive *self = (FcLive *) object;

  (void) ret;
  (void) args;
  /* Hold ourselves: a callee may drop the last other reference. */
  fc_uno_acquire (fc_uno_object_iface (object));
  if (fc_uno_member_is (member, "com.sun.star.util.XModifyListener::modified"))
    {
      fc_live_stats_add (FC_LIVE_STAT_MODIFIED);
      live_modified (self);
    }
  else if (fc_uno_member_is (member, "com.sun.star.lang.XEventListener::disposing"))
    live_dispose (self);
  else
    {
      fc_uno_release (fc_uno_object_iface (object));
      return FALSE;
    }
  *exception = NULL;
  fc_uno_release (fc_uno_object_iface (object));
  return TRUE;
}

static void
live_finalize (FcUnoObject *object)
{
  FcLive *self = (FcLive *) object;

  fc_uno_release (self->document);
  g_hash_table_unref (self->results);
  fc_report_free (self->report);
  g_free (self->text);
  fc_findings_fit_free (self->fit);
  g_free (self);
}

/* A new live state for document (transfer full). */
static FcLive *
live_new (uno_Interface *document)
{
  FcLive *self = g_new0 (FcLive, 1);

  fc_uno_object_init (&self->base, live_interfaces, live_dispatch, live_finalize);
  self->document = document;
  fc_uno_acquire (document);
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) fc_uno_release);
  return self;
}

/* ---- the results -------------------------------------------------------- */

static void
add_listener (FcResult *self, uno_Interface *listener)
{
  FcEvalValue value;

  if (listener == NULL)
    return;
  g_mutex_lock (&live_lock);
  fc_uno_acquire (listener);
  g_ptr_array_add (self->listeners, listener);
  fc_eval_value_copy (&self->value, &value);
  g_mutex_unlock (&live_lock);

  /* Calc's ScAddInListener takes its first value from this call. */
  push_to (self, listener, &value);
  fc_eval_value_clear (&value);
}

static void
remove_listener (FcResult *self, uno_Interface *listener)
{
  uno_Interface *removed = NULL;

  g_mutex_lock (&live_lock);
  for (guint i = 0; i < self->listeners->len; i++)
    if (self->listeners->pdata[i] == listener)
      {
        removed = g_ptr_array_steal_index (self->listeners, i);
        break;
      }
  g_mutex_unlock (&live_lock);
  fc_uno_release (removed); /* may re-enter: outside the lock */
}

static gboolean
result_dispatch (FcUnoObject *object, const typelib_TypeDescription *member,
                 void *ret, void *args[], uno_Any **exception)
{
  FcResult *self = (FcResult *) object;

  (void) ret;
  fc_uno_acquire (fc_uno_object_iface (object));
  if (fc_uno_member_is (member, "com.sun.star.sheet.XVolatileResult::addResultListener"))
    add_listener (self, *(uno_Interface **) args[0]);
  else if (fc_uno_member_is (member, "com.sun.star.sheet.XVolatileResult::removeResultListener"))
    remove_listener (self, *(uno_Interface **) args[0]);
  else
    {
      fc_uno_release (fc_uno_object_iface (object));
      return FALSE;
    }
  *exception = NULL;
  fc_uno_release (fc_uno_object_iface (object));
  return TRUE;
}

static void
result_finalize (FcUnoObject *object)
{
  FcResult *self = (FcResult *) object;

  g_ptr_array_unref (self->listeners);
  fc_eval_value_clear (&self->value);
  g_free (self->scope);
  g_free (self);
}

/* A new result without a value (transfer full). */
static FcResult *
result_new (FcEvalKind kind, const char *scope)
{
  FcResult *self = g_new0 (FcResult, 1);

  fc_uno_object_init (&self->base, result_interfaces, result_dispatch, result_finalize);
  self->kind = kind;
  self->scope = g_strdup (scope);
  self->listeners = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_uno_release);
  return self;
}

uno_Interface *
fc_result_get (uno_Interface *document, FcEvalKind kind, const char *scope, GError **error)
{
  uno_Interface *model;
  g_autofree char *key = NULL;
  FcLive *live;
  FcResult *result;
  gboolean created_live = FALSE, check = FALSE, new_list = FALSE, chinese;

  if (scope == NULL)
    scope = "";
  /* XInterface is the object's identity: any interface Calc passes maps to it. */
  model = fc_uno_query (document, "com.sun.star.uno.XInterface", error);
  if (model == NULL)
    return NULL;
  fc_live_stats_add (FC_LIVE_STAT_CALLS);
  key = g_strdup_printf ("%d\x1f%s", (int) kind, scope);
  chinese = fc_ui_locale_is_chinese (); /* may read the configuration: not under the lock */

  g_mutex_lock (&live_lock);
  if (lives == NULL)
    lives = g_hash_table_new (g_direct_hash, g_direct_equal);
  live = g_hash_table_lookup (lives, model);
  if (live == NULL)
    {
      live = live_new (model);
      g_hash_table_insert (lives, model, live); /* the registry's reference */
      created_live = TRUE;
    }
  fc_uno_acquire (live_iface (live));
  result = g_hash_table_lookup (live->results, key);
  if (result == NULL)
    {
      result = result_new (kind, scope);
      g_hash_table_insert (live->results, g_strdup (key), result);
      new_list = kind == FC_EVAL_FINDINGS;
    }
  fc_uno_acquire (result_iface (result)); /* the caller's */
  live->asked = TRUE;
  result->asked_at = ++live->n_asked;
  /* the first result of a document (or the first since we stopped
   * following it): checked here, inside Calc's interpretation */
  if (!live->fresh && !live->checking && held == 0 && live->document != NULL)
    check = live->checking = TRUE;
  else if (!result->has_value && !new_list)
    result_update (live, result, chinese); /* from the report we have */
  else
    new_list = new_list && !result->has_value;
  g_mutex_unlock (&live_lock);

  if (created_live)
    watch_disposing (live, model);
  if (check)
    check_now (live, model, PUSH_CHANGED);
  else if (new_list)
    {
      /* a list entered since the last check: the checks only look for
       * array ranges while a list exists, so this one looks now (reading
       * formulas interprets nothing: safe inside Calc's interpretation) */
      FcFindingsFit *fit = scan_lists (model);

      g_mutex_lock (&live_lock);
      if (fit != NULL)
        {
          fc_findings_fit_free (live->fit);
          live->fit = fit;
        }
      if (!result->has_value)
        result_update (live, result, chinese);
      g_mutex_unlock (&live_lock);
    }
  fc_uno_release (live_iface (live));
  fc_uno_release (model);
  return result_iface (result);
}

void
fc_result_hold (void)
{
  g_mutex_lock (&live_lock);
  held++;
  g_mutex_unlock (&live_lock);
}

void
fc_result_release (void)
{
  g_autoptr (GPtrArray) due = g_ptr_array_new ();

  g_mutex_lock (&live_lock);
  if (held > 0 && --held == 0 && lives != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, lives);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          FcLive *live = value;

          if (live->pending && !live->checking && live->document != NULL)
            {
              live->pending = FALSE;
              live->checking = TRUE;
              fc_uno_acquire (live_iface (live));
              g_ptr_array_add (due, live);
            }
        }
    }
  g_mutex_unlock (&live_lock);
  /* outside the lock: a check calls out through UNO */
  for (guint i = 0; i < due->len; i++)
    {
      FcLive *live = due->pdata[i];
      uno_Interface *document;

      g_mutex_lock (&live_lock);
      document = live->document;
      fc_uno_acquire (document);
      g_mutex_unlock (&live_lock);
      if (document != NULL)
        check_now (live, document, PUSH_CHANGED_AND_ALL_COUNTS);
      else
        live->checking = FALSE;
      fc_uno_release (document);
      fc_uno_release (live_iface (live));
    }
}

void
fc_result_refresh (uno_Interface *document)
{
  uno_Interface *model = fc_uno_query (document, "com.sun.star.uno.XInterface", NULL);
  FcLive *live = NULL;

  if (model == NULL)
    return;
  g_mutex_lock (&live_lock);
  live = lives != NULL ? g_hash_table_lookup (lives, model) : NULL;
  if (live != NULL)
    fc_uno_acquire (live_iface (live));
  g_mutex_unlock (&live_lock);
  if (live != NULL)
    {
      live_modified (live); /* as an edit: one check, the changed values pushed */
      fc_uno_release (live_iface (live));
    }
  fc_uno_release (model);
}
