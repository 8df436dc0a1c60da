/* fc-uno-doc.c — documents through the desktop (see fc-uno-doc.h). */
#include "fc-uno-doc.h"

#include "fc-uno-struct.h"

/* A media descriptor: n PropertyValues names[i]=values[i] (transfer full:
 * uno_type_destructData with *seq_type), or NULL with an error. */
static uno_Sequence *
descriptor_new (guint n, const char *const names[], uno_Any values[],
                typelib_TypeDescriptionReference **seq_type, GError **error)
{
  g_autoptr (FcUnoStruct) pv = fc_uno_struct_new ("com.sun.star.beans.PropertyValue", error);
  uno_Sequence *seq = NULL;

  *seq_type = NULL;
  if (pv == NULL)
    return NULL;
  typelib_static_sequence_type_init (seq_type, pv->type->pWeakRef);
  if (!uno_type_sequence_construct (&seq, *seq_type, NULL, (sal_Int32) n, NULL))
    {
      g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "out of memory");
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      rtl_uString *name = fc_uno_string_new (names[i]);
      gboolean ok = fc_uno_struct_set (pv, "Name", &name) && fc_uno_struct_set (pv, "Value", &values[i]);

      rtl_uString_release (name);
      /* assigned, not moved: an any points into itself for small values */
      if (!ok || !uno_type_assignData (seq->elements + (gsize) i * (gsize) pv->type->nSize,
                                       pv->type->pWeakRef, pv->data, pv->type->pWeakRef,
                                       NULL, NULL, NULL))
        {
          g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_TYPE, "cannot build a PropertyValue");
          uno_type_destructData (&seq, *seq_type, NULL);
          return NULL;
        }
    }
  return seq;
}

static void
any_set_bool (uno_Any *any, gboolean value)
{
  sal_Bool b = value ? sal_True : sal_False;

  uno_type_any_construct (any, &b, *typelib_static_type_getByTypeClass (typelib_TypeClass_BOOLEAN),
                          NULL);
}

rtl_uString *
fc_uno_doc_url (uno_Interface *document, GError **error)
{
  rtl_uString *url = NULL;

  if (!fc_uno_query_call (document, "com.sun.star.frame.XModel", "getURL", &url, NULL, error))
    return NULL;
  if (url->length == 0)
    {
      rtl_uString_release (url);
      g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "the document has no file");
      return NULL;
    }
  return url;
}

uno_Interface *
fc_uno_doc_loader (uno_Interface *document, GError **error)
{
  uno_Interface *controller = NULL, *frame = NULL, *creator = NULL, *loader = NULL;

  if (fc_uno_query_call (document, "com.sun.star.frame.XModel", "getCurrentController",
                         &controller, NULL, error)
      && fc_uno_call (controller, "com.sun.star.frame.XController", "getFrame", &frame, NULL,
                      error)
      && fc_uno_call (frame, "com.sun.star.frame.XFrame", "getCreator", &creator, NULL, error))
    loader = fc_uno_query (creator, "com.sun.star.frame.XComponentLoader", error);
  fc_uno_release (creator);
  fc_uno_release (frame);
  fc_uno_release (controller);
  return loader;
}

/* A media descriptor of args (transfer full: uno_type_destructData with
 * *seq_type), or NULL with an error. */
static uno_Sequence *
descriptor_of (const FcUnoDocArg *args, guint n, typelib_TypeDescriptionReference **seq_type,
               GError **error)
{
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree uno_Any *values = g_new0 (uno_Any, n + 1);
  uno_Sequence *seq;

  for (guint i = 0; i < n; i++)
    {
      names[i] = args[i].name;
      if (args[i].string != NULL)
        fc_uno_any_set_string (&values[i], args[i].string);
      else
        any_set_bool (&values[i], args[i].boolean);
    }
  seq = descriptor_new (n, names, values, seq_type, error);
  for (guint i = 0; i < n; i++)
    uno_any_destruct (&values[i], NULL);
  return seq;
}

uno_Interface *
fc_uno_doc_load (uno_Interface *loader, rtl_uString *url, const FcUnoDocArg *args, guint n_args,
                 GError **error)
{
  g_autofree FcUnoDocArg *all = g_new0 (FcUnoDocArg, n_args + 1);
  typelib_TypeDescriptionReference *seq_type = NULL;
  rtl_uString *target = fc_uno_string_new ("_blank");
  sal_Int32 flags = 0;
  uno_Sequence *seq;
  uno_Interface *document = NULL;
  void *call_args[4] = { &url, &target, &flags, &seq };

  all[0] = (FcUnoDocArg) { "Hidden", NULL, TRUE };
  for (guint i = 0; i < n_args; i++)
    all[i + 1] = args[i];
  seq = descriptor_of (all, n_args + 1, &seq_type, error);
  if (seq != NULL
      && fc_uno_call (loader, "com.sun.star.frame.XComponentLoader", "loadComponentFromURL",
                      &document, call_args, error)
      && document == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "LibreOffice did not load the document");
  if (seq != NULL)
    uno_type_destructData (&seq, seq_type, NULL);
  rtl_uString_release (target);
  return document;
}

gboolean
fc_uno_doc_store_to (uno_Interface *document, const char *url, const FcUnoDocArg *args,
                     guint n_args, GError **error)
{
  typelib_TypeDescriptionReference *seq_type = NULL;
  uno_Sequence *seq = descriptor_of (args, n_args, &seq_type, error);
  rtl_uString *target;
  void *call_args[2] = { &target, &seq };
  gboolean ok;

  if (seq == NULL)
    return FALSE;
  target = fc_uno_string_new (url);
  ok = fc_uno_query_call (document, "com.sun.star.frame.XStorable", "storeToURL", NULL, call_args,
                          error);
  rtl_uString_release (target);
  uno_type_destructData (&seq, seq_type, NULL);
  return ok;
}

void
fc_uno_doc_close (uno_Interface *document)
{
  g_autoptr (GError) error = NULL;
  sal_Bool deliver = sal_True; /* nobody else may keep it open */
  void *args[1] = { &deliver };

  if (document == NULL)
    return;
  if (!fc_uno_query_call (document, "com.sun.star.util.XCloseable", "close", NULL, args, &error)
      && !fc_uno_query_call (document, "com.sun.star.lang.XComponent", "dispose", NULL, NULL,
                             NULL))
    g_warning ("cannot close a document: %s", error->message);
  fc_uno_release (document);
}
