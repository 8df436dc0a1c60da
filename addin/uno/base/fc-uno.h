/* fc-uno.h — small helpers over LibreOffice's binary-UNO C API: type
 * descriptions by name, checked method calls, queryInterface, strings,
 * anys, struct members and exceptions.
 *
 * Every call into another object can fail or throw: the helpers turn a UNO
 * exception into a GError and release it, so callers never see an uno_Any
 * exception.
 */
#pragma once

#include <stdbool.h>

#include <glib.h>

#include <sal/types.h>
#include <rtl/ustring.h>
#include <typelib/typeclass.h>
/* The 7.4 header is not valid C as shipped: one inline function takes the
 * bare enum tag as a type. */
#define _typelib_TypeClass enum _typelib_TypeClass
#include <typelib/typedescription.h>
#undef _typelib_TypeClass
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/sequence2.h>

G_BEGIN_DECLS

#define FC_UNO_ERROR (fc_uno_error_quark ())
GQuark fc_uno_error_quark (void);

typedef enum {
  FC_UNO_ERROR_TYPE,         /* a type description is missing */
  FC_UNO_ERROR_NO_INTERFACE, /* the object does not support an interface */
  FC_UNO_ERROR_NO_MEMBER,    /* the interface has no such member */
  FC_UNO_ERROR_EXCEPTION,    /* the call threw; the message names the exception */
  FC_UNO_ERROR_VALUE         /* a returned value had an unexpected type */
} FcUnoErrorCode;

/* Strings */

/* UTF-8 → new rtl_uString; invalid UTF-8 gives an empty string; never NULL
 * (transfer full: rtl_uString_release). */
rtl_uString *fc_uno_string_new (const char *utf8);
/* rtl_uString → UTF-8; NULL gives "" (transfer full: g_free). */
char *fc_uno_string_to_utf8 (const rtl_uString *str);

/* Types */

/* The description of a type by its UNO name ("com.sun.star.table.CellRangeAddress",
 * "[][]any"); NULL with FC_UNO_ERROR_TYPE when unknown (transfer full:
 * typelib_typedescription_release). */
typelib_TypeDescription *fc_uno_type_get (const char *name, GError **error);

/* Objects */

void fc_uno_acquire (uno_Interface *obj); /* NULL-safe */
void fc_uno_release (uno_Interface *obj); /* NULL-safe */

/* queryInterface: the object as interface iface, or NULL (with
 * FC_UNO_ERROR_NO_INTERFACE when unsupported) (transfer full). */
uno_Interface *fc_uno_query (uno_Interface *obj, const char *iface, GError **error);

/* Calls iface::member on obj, which must already be an iface reference
 * (fc_uno_query).  args are pointers to the values as the method's
 * parameters are typed; ret points to memory for the return value (may be
 * NULL for void methods) and is constructed only when TRUE is returned
 * (the caller then owns it: interfaces and strings come back acquired).
 * A thrown exception is released and reported as FC_UNO_ERROR_EXCEPTION. */
gboolean fc_uno_call (uno_Interface *obj, const char *iface, const char *member,
                      void *ret, void **args, GError **error);

/* fc_uno_query + fc_uno_call, for one-off calls on another interface of obj. */
gboolean fc_uno_query_call (uno_Interface *obj, const char *iface, const char *member,
                            void *ret, void **args, GError **error);

/* Destructs a value of the named type (e.g. a returned "[][]any" sequence);
 * the memory itself is not freed. */
void fc_uno_destruct (void *value, const char *type_name);

/* Anys (all "set" functions construct into uninitialised memory) */

void fc_uno_any_set_void (uno_Any *any);
void fc_uno_any_set_double (uno_Any *any, double value);
void fc_uno_any_set_string (uno_Any *any, const char *utf8);
/* Acquires obj; iface names its interface type. */
void fc_uno_any_set_interface (uno_Any *any, uno_Interface *obj, const char *iface);
/* The interface held by any, or NULL (transfer none). */
uno_Interface *fc_uno_any_get_interface (const uno_Any *any);

/* Structs (and exceptions) */

/* Finds member name in a struct or exception type, bases included: its byte
 * offset and type (transfer none). */
gboolean fc_uno_struct_member (const typelib_TypeDescription *td, const char *name,
                               sal_Int32 *offset,
                               typelib_TypeDescriptionReference **type);
/* Reads a long (sal_Int32) member of a struct value; FALSE when absent. */
gboolean fc_uno_struct_get_long (const typelib_TypeDescription *td, const void *value,
                                 const char *name, sal_Int32 *out);

/* Implementing objects */

/* TRUE when member (as given to a dispatcher) is "iface::name", ignoring
 * the ":@…" suffix inherited members carry. */
gboolean fc_uno_member_is (const typelib_TypeDescription *member,
                           const char *iface_member);

/* Constructs an exception of the given type (a com.sun.star.uno.Exception
 * subtype) with message into the caller-provided *exception memory. */
void fc_uno_throw (uno_Any **exception, const char *exc_type, const char *message);

G_END_DECLS
