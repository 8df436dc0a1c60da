/* fc-uno-object.h — the base of every UNO object this library implements:
 * one uno_Interface that answers for all the object's interfaces, an atomic
 * reference count, queryInterface and XTypeProvider from a list of names.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

typedef struct _FcUnoObject FcUnoObject;

/* Handles the object's own members; returns FALSE for a member it does not
 * know (the base then throws RuntimeException).  Must set *exception to
 * NULL on success or construct an exception into it (fc_uno_throw). */
typedef gboolean (*FcUnoDispatchFunc) (FcUnoObject *self,
                                       const typelib_TypeDescription *member,
                                       void *ret, void *args[],
                                       uno_Any **exception);
typedef void (*FcUnoFinalizeFunc) (FcUnoObject *self);

struct _FcUnoObject {
  uno_Interface iface;            /* first: a pointer to the object is its uno_Interface */
  gint ref_count;
  const char *const *interfaces;  /* NULL-terminated, static; XInterface implied */
  FcUnoDispatchFunc dispatch;
  FcUnoFinalizeFunc finalize;     /* frees the whole object */
};

/* Initialises the base of a zero-filled object with one reference, owned by
 * the caller. */
void fc_uno_object_init (FcUnoObject *self, const char *const *interfaces,
                         FcUnoDispatchFunc dispatch, FcUnoFinalizeFunc finalize);

/* A new object with no state of its own (a service whose members need
 * nothing but their arguments), one reference owned by the caller
 * (transfer full). */
uno_Interface *fc_uno_object_new_stateless (const char *const *interfaces,
                                            FcUnoDispatchFunc dispatch);

static inline uno_Interface *
fc_uno_object_iface (FcUnoObject *self)
{
  return &self->iface;
}

G_END_DECLS
