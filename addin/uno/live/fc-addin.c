/* fc-addin.c — the add-in object Calc creates for service
 * org.fiscalcheck.FiscalCheck.  Its function descriptions come from
 * CalcAddIns.xcu: it deliberately does not implement XAddIn (Calc would then
 * ignore the .xcu).  XTypeProvider is required: Calc finds the function
 * through introspection, which without it sees no XFiscalCheck (Err:504).
 */
#include "fc-addin.h"

#include <math.h>

#include "fc-result.h"
#include "fc-service-info.h"
#include "fc-uno-object.h"

static const char *const addin_interfaces[] = {
  "org.fiscalcheck.XFiscalCheck",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XServiceName",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

/* The Scope argument as text: void → NULL; a whole number 1…99 → "01"…"99"
 * (a table typed as a number); other numbers with %g (transfer full). */
static char *
scope_from_any (const uno_Any *scope)
{
  switch (scope->pType->eTypeClass)
    {
    case typelib_TypeClass_STRING:
      return fc_uno_string_to_utf8 (*(rtl_uString *const *) scope->pData);
    case typelib_TypeClass_DOUBLE:
      {
        double d = *(const double *) scope->pData;

        if (d >= 1 && d <= 99 && d == floor (d))
          return g_strdup_printf ("%02d", (int) d);
        return g_strdup_printf ("%g", d);
      }
    default:
      return NULL; /* void, or something we cannot use as a scope: check everything */
    }
}

/* One of our functions: the volatile result for the calling document
 * (args[0]) and Scope (args[1]) into ret. */
static void
call_function (FcEvalKind kind, void *ret, void *args[], uno_Any **exception)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *document = *(uno_Interface **) args[0];
  g_autofree char *scope = scope_from_any ((const uno_Any *) args[1]);
  uno_Interface *result;

  result = document != NULL ? fc_result_get (document, kind, scope, &error) : NULL;
  if (result == NULL)
    {
      /* shows as Err:502 in the cell */
      fc_uno_throw (exception, "com.sun.star.lang.IllegalArgumentException",
                    error != NULL ? error->message : "FiscalCheck needs the calling document");
      return;
    }
  *(uno_Interface **) ret = result; /* already acquired for the caller */
  *exception = NULL;
}

static gboolean
addin_dispatch (FcUnoObject *self, const typelib_TypeDescription *member,
                void *ret, void *args[], uno_Any **exception)
{
  (void) self;
  if (fc_uno_member_is (member, "org.fiscalcheck.XFiscalCheck::fiscalcheck"))
    call_function (FC_EVAL_COUNT, ret, args, exception);
  else if (fc_uno_member_is (member, "org.fiscalcheck.XFiscalCheck::findings"))
    call_function (FC_EVAL_FINDINGS, ret, args, exception);
  else
    return fc_service_info_dispatch (member, ret, args, exception);
  return TRUE;
}

uno_Interface *
fc_addin_new (void)
{
  return fc_uno_object_new_stateless (addin_interfaces, addin_dispatch);
}
