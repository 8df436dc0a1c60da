/* fc-result.c — XVolatileResult + XModifyListener per (document, function,
 * scope) and the registry that makes every cell with the same arguments
 * share it.
 *
 * Locking: registry_lock guards the registry and every result's mutable
 * fields.  It is never held while calling out through UNO: Calc calls back
 * into us (removeResultListener from disposing, fiscalcheck from the
 * recalculation a pushed value triggers) and holds its SolarMutex meanwhile.
 *
 * References: the registry and the document (as modify listener) hold the
 * result; the result holds the document until the document is disposed.
 * disposing() breaks that cycle.
 */
#include "fc-result.h"

#include <string.h>

#include "fc-evaluate.h"
#include "fc-uno-object.h"

typedef struct {
  FcUnoObject base;
  char *key;                  /* registry key; immutable */
  FcEvalKind kind;            /* immutable */
  char *scope;                /* "" for all; immutable */
  /* guarded by registry_lock */
  uno_Interface *document;    /* XInterface of the model; NULL once disposed */
  GPtrArray *listeners;       /* of acquired XResultListener */
  FcEvalValue value;
  gboolean busy;              /* a re-check is running */
  gboolean stale;             /* modified again while busy */
  gboolean pending;           /* modified while re-checks were held */
} FcResult;

static const char *const result_interfaces[] = {
  "com.sun.star.sheet.XVolatileResult",
  "com.sun.star.util.XModifyListener",
  "com.sun.star.lang.XEventListener",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

static GMutex registry_lock;
static GHashTable *registry; /* key → FcResult*, holding one reference */
static guint held;           /* fc_result_hold depth: re-checks wait */

static char *
make_key (uno_Interface *document, FcEvalKind kind, const char *scope)
{
  return g_strdup_printf ("%p\x1f%d\x1f%s", (void *) document, (int) kind, scope);
}

/* Builds an EventObject-derived struct of type_name with Source = self and,
 * if value is set, Value = value (transfer full: free with event_free). */
static void *
event_new (FcResult *self, const char *type_name, typelib_TypeDescription **td,
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
      uno_Interface **source = (uno_Interface **) ((char *) event + offset);

      fc_uno_release (*source);
      *source = fc_uno_object_iface (&self->base);
      fc_uno_acquire (*source);
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

/* Sends value to one result listener; failures are logged, never raised. */
static void
push_to (FcResult *self, uno_Interface *listener, const FcEvalValue *value)
{
  g_autoptr (GError) error = NULL;
  typelib_TypeDescription *td = NULL;
  void *event = event_new (self, "com.sun.star.sheet.ResultEvent", &td, value);
  void *args[1] = { event };

  if (event == NULL
      || !fc_uno_call (listener, "com.sun.star.sheet.XResultListener", "modified",
                       NULL, args, &error))
    g_warning ("cannot notify a FISCALCHECK result listener: %s",
               error != NULL ? error->message : "no ResultEvent type");
  event_free (event, td);
}

/* Re-checks the document and pushes the value if it changed.  Runs from the
 * document's modify broadcast. */
static void
recheck (FcResult *self)
{
  g_mutex_lock (&registry_lock);
  if (held > 0)
    {
      /* our own command is editing the document: once, when it is done */
      self->pending = TRUE;
      g_mutex_unlock (&registry_lock);
      return;
    }
  self->pending = FALSE;
  if (self->busy)
    {
      self->stale = TRUE; /* the running re-check will go round again */
      g_mutex_unlock (&registry_lock);
      return;
    }
  self->busy = TRUE;
  do
    {
      uno_Interface *document = self->document;
      FcEvalValue value;
      GPtrArray *targets = NULL;

      self->stale = FALSE;
      if (document == NULL)
        break;
      fc_uno_acquire (document);
      g_mutex_unlock (&registry_lock);

      fc_evaluate (document, self->kind, self->scope, &value);
      fc_uno_release (document);

      g_mutex_lock (&registry_lock);
      if (self->document != NULL && !fc_eval_value_equal (&value, &self->value))
        {
          fc_eval_value_clear (&self->value);
          fc_eval_value_copy (&value, &self->value);
          targets = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_uno_release);
          for (guint i = 0; i < self->listeners->len; i++)
            {
              fc_uno_acquire (self->listeners->pdata[i]);
              g_ptr_array_add (targets, self->listeners->pdata[i]);
            }
        }
      g_mutex_unlock (&registry_lock);

      if (targets != NULL)
        {
          for (guint i = 0; i < targets->len; i++)
            push_to (self, targets->pdata[i], &value);
          g_ptr_array_unref (targets);
        }
      fc_eval_value_clear (&value);
      g_mutex_lock (&registry_lock);
    }
  while (self->stale);
  self->busy = FALSE;
  g_mutex_unlock (&registry_lock);
}

/* The document goes away: forget it, tell Calc's listeners, leave the
 * registry. */
static void
dispose (FcResult *self)
{
  uno_Interface *document;
  GPtrArray *listeners;
  FcResult *registered = NULL;
  typelib_TypeDescription *td = NULL;
  void *event;

  g_mutex_lock (&registry_lock);
  document = g_steal_pointer (&self->document);
  listeners = self->listeners;
  self->listeners = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_uno_release);
  if (document != NULL && registry != NULL
      && g_hash_table_lookup (registry, self->key) == self)
    {
      g_hash_table_steal (registry, self->key);
      registered = self;
    }
  g_mutex_unlock (&registry_lock);

  if (document == NULL)
    {
      g_ptr_array_unref (listeners);
      return; /* already disposed */
    }
  g_debug ("result %p (scope \"%s\"): document disposed, %u result listener(s)",
           (void *) self, self->scope, listeners->len);

  event = event_new (self, "com.sun.star.lang.EventObject", &td, NULL);
  for (guint i = 0; event != NULL && i < listeners->len; i++)
    {
      void *args[1] = { event };
      g_autoptr (GError) error = NULL;

      /* Calc's listener answers with removeResultListener: our list is
       * already empty, so that finds nothing. */
      if (!fc_uno_call (listeners->pdata[i], "com.sun.star.lang.XEventListener", "disposing",
                        NULL, args, &error))
        g_debug ("result listener disposing: %s", error->message);
    }
  event_free (event, td);
  g_ptr_array_unref (listeners);
  fc_uno_release (document);
  if (registered != NULL)
    fc_uno_release (fc_uno_object_iface (&registered->base)); /* the registry's reference */
}

static void
add_listener (FcResult *self, uno_Interface *listener)
{
  FcEvalValue value;

  if (listener == NULL)
    return;
  g_mutex_lock (&registry_lock);
  fc_uno_acquire (listener);
  g_ptr_array_add (self->listeners, listener);
  fc_eval_value_copy (&self->value, &value);
  g_mutex_unlock (&registry_lock);

  /* Calc's ScAddInListener takes its first value from this call. */
  push_to (self, listener, &value);
  fc_eval_value_clear (&value);
}

static void
remove_listener (FcResult *self, uno_Interface *listener)
{
  uno_Interface *removed = NULL;

  g_mutex_lock (&registry_lock);
  for (guint i = 0; i < self->listeners->len; i++)
    if (self->listeners->pdata[i] == listener)
      {
        removed = g_ptr_array_steal_index (self->listeners, i);
        break;
      }
  g_mutex_unlock (&registry_lock);
  fc_uno_release (removed); /* may re-enter: outside the lock */
}

static gboolean
result_dispatch (FcUnoObject *object, const typelib_TypeDescription *member,
                 void *ret, void *args[], uno_Any **exception)
{
  FcResult *self = (FcResult *) object;

  (void) ret;
  /* Hold ourselves: a callee may drop the last other reference. */
  fc_uno_acquire (fc_uno_object_iface (object));
  if (fc_uno_member_is (member, "com.sun.star.sheet.XVolatileResult::addResultListener"))
    add_listener (self, *(uno_Interface **) args[0]);
  else if (fc_uno_member_is (member, "com.sun.star.sheet.XVolatileResult::removeResultListener"))
    remove_listener (self, *(uno_Interface **) args[0]);
  else if (fc_uno_member_is (member, "com.sun.star.util.XModifyListener::modified"))
    recheck (self);
  else if (fc_uno_member_is (member, "com.sun.star.lang.XEventListener::disposing"))
    dispose (self);
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

  g_debug ("result %p (scope \"%s\") finalized", (void *) self, self->scope);
  fc_uno_release (self->document);
  g_ptr_array_unref (self->listeners);
  fc_eval_value_clear (&self->value);
  g_free (self->key);
  g_free (self->scope);
  g_free (self);
}

/* A new result computed for document (transfer full). */
static FcResult *
result_new (uno_Interface *document, FcEvalKind kind, const char *scope, char *key)
{
  FcResult *self = g_new0 (FcResult, 1);

  fc_uno_object_init (&self->base, result_interfaces, result_dispatch, result_finalize);
  self->key = key;
  self->kind = kind;
  self->scope = g_strdup (scope);
  self->document = document;
  fc_uno_acquire (document);
  self->listeners = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_uno_release);
  fc_evaluate (document, kind, scope, &self->value);
  return self;
}

/* Registers self as modify listener of its document; without it the value
 * is computed once and never updated. */
static void
listen_to_document (FcResult *self, uno_Interface *document)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *listener = fc_uno_object_iface (&self->base);
  void *args[1] = { &listener };

  if (!fc_uno_query_call (document, "com.sun.star.util.XModifyBroadcaster", "addModifyListener",
                          NULL, args, &error))
    g_warning ("FISCALCHECK will not follow changes: %s", error->message);
}

uno_Interface *
fc_result_get (uno_Interface *document, FcEvalKind kind, const char *scope, GError **error)
{
  uno_Interface *model;
  g_autofree char *key = NULL;
  FcResult *found;
  FcResult *created;

  if (scope == NULL)
    scope = "";
  /* XInterface is the object's identity: any interface Calc passes maps to it. */
  model = fc_uno_query (document, "com.sun.star.uno.XInterface", error);
  if (model == NULL)
    return NULL;
  key = make_key (model, kind, scope);

  g_mutex_lock (&registry_lock);
  if (registry == NULL)
    registry = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  found = g_hash_table_lookup (registry, key);
  if (found != NULL)
    fc_uno_acquire (fc_uno_object_iface (&found->base));
  g_mutex_unlock (&registry_lock);
  if (found != NULL)
    {
      fc_uno_release (model);
      return fc_uno_object_iface (&found->base);
    }

  created = result_new (model, kind, scope, g_strdup (key)); /* reads the document: unlocked */

  g_mutex_lock (&registry_lock);
  found = g_hash_table_lookup (registry, key);
  if (found != NULL)
    fc_uno_acquire (fc_uno_object_iface (&found->base)); /* lost a race: use theirs */
  else
    {
      fc_uno_acquire (fc_uno_object_iface (&created->base)); /* the registry's */
      g_hash_table_insert (registry, created->key, created);
    }
  g_mutex_unlock (&registry_lock);

  if (found != NULL)
    {
      /* ours was never registered anywhere: just drop it */
      fc_uno_release (fc_uno_object_iface (&created->base));
      fc_uno_release (model);
      return fc_uno_object_iface (&found->base);
    }
  g_debug ("result %p (scope \"%s\") created", (void *) created, scope);
  listen_to_document (created, model);
  fc_uno_release (model);
  return fc_uno_object_iface (&created->base);
}

void
fc_result_hold (void)
{
  g_mutex_lock (&registry_lock);
  held++;
  g_mutex_unlock (&registry_lock);
}

void
fc_result_release (void)
{
  g_autoptr (GPtrArray) due = g_ptr_array_new ();

  g_mutex_lock (&registry_lock);
  if (held > 0 && --held == 0 && registry != NULL)
    {
      GHashTableIter iter;
      gpointer value;
      g_hash_table_iter_init (&iter, registry);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (((FcResult *) value)->pending)
          {
            fc_uno_acquire (fc_uno_object_iface (&((FcResult *) value)->base));
            g_ptr_array_add (due, value);
          }
    }
  g_mutex_unlock (&registry_lock);
  /* outside the lock: a re-check calls out through UNO */
  for (guint i = 0; i < due->len; i++)
    {
      FcResult *result = due->pdata[i];
      recheck (result);
      fc_uno_release (fc_uno_object_iface (&result->base));
    }
}
