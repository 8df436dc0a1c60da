/* fc-doc-copy.c — storing a copy of a document (see fc-doc-copy.h). */
#include "fc-doc-copy.h"

#include <string.h>

#include "fc-uno-struct.h"

typedef struct {
  const char *extension; /* lower case, without the dot */
  const char *filter;
} Format;

static const Format formats[] = {
  { "ods", "calc8" }, /* first: the format for everything else */
  { "fods", "OpenDocument Spreadsheet Flat XML" },
  { "xlsx", "Calc MS Excel 2007 XML" },
  { "xls", "MS Excel 97" },
};

/* The export filter for name by its extension, or NULL (transfer none). */
static const char *
filter_for (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *ext = NULL;

  if (dot == NULL || dot == name)
    return NULL;
  ext = g_ascii_strdown (dot + 1, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (strcmp (ext, formats[i].extension) == 0)
      return formats[i].filter;
  return NULL;
}

char *
fc_doc_copy_copy_name (const char *path, const char **filter)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot;

  if (strcmp (base, ".") == 0 || strcmp (base, "/") == 0 || strcmp (base, "..") == 0)
    {
      g_free (base);
      base = g_strdup ("workbook"); /* a document without a location */
    }
  *filter = filter_for (base);
  if (*filter != NULL)
    return g_steal_pointer (&base);
  *filter = formats[0].filter;
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, ".", formats[0].extension, NULL);
}

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

/* The URL of document's file (transfer full), or NULL with an error. */
static rtl_uString *
document_url (uno_Interface *document, GError **error)
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

/* The desktop that shows document, as an XComponentLoader (transfer full). */
static uno_Interface *
document_loader (uno_Interface *document, GError **error)
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

uno_Interface *
fc_doc_copy_open_editable (uno_Interface *document, GError **error)
{
  static const char *const names[] = { "Hidden", "AsTemplate" };
  typelib_TypeDescriptionReference *seq_type = NULL;
  uno_Interface *loader = document_loader (document, error);
  rtl_uString *url = loader != NULL ? document_url (document, error) : NULL;
  rtl_uString *target = fc_uno_string_new ("_blank");
  sal_Int32 flags = 0;
  uno_Any values[2];
  uno_Sequence *seq = NULL;
  uno_Interface *copy = NULL;
  void *args[4] = { &url, &target, &flags, &seq };

  /* Hidden: headless 7.4 crashes on visible documents; AsTemplate: an
   * untitled document, editable whatever the file's permissions */
  any_set_bool (&values[0], TRUE);
  any_set_bool (&values[1], TRUE);
  if (url != NULL)
    seq = descriptor_new (2, names, values, &seq_type, error);
  if (seq != NULL
      && fc_uno_call (loader, "com.sun.star.frame.XComponentLoader", "loadComponentFromURL",
                      &copy, args, error)
      && copy == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "LibreOffice did not load the document");
  if (seq != NULL)
    uno_type_destructData (&seq, seq_type, NULL);
  uno_any_destruct (&values[0], NULL);
  uno_any_destruct (&values[1], NULL);
  rtl_uString_release (target);
  if (url != NULL)
    rtl_uString_release (url);
  fc_uno_release (loader);
  return copy;
}

void
fc_doc_copy_close (uno_Interface *document)
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

gboolean
fc_doc_copy_copy (uno_Interface *document, const char *path, const char *filter, GError **error)
{
  static const char *const names[] = { "FilterName" };
  typelib_TypeDescriptionReference *seq_type = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);
  uno_Sequence *seq = NULL;
  uno_Any value;
  rtl_uString *url;
  void *args[2] = { &url, &seq };
  gboolean ok;

  if (uri == NULL)
    return FALSE;
  fc_uno_any_set_string (&value, filter);
  seq = descriptor_new (1, names, &value, &seq_type, error);
  uno_any_destruct (&value, NULL);
  if (seq == NULL)
    return FALSE;
  url = fc_uno_string_new (uri);
  /* storeToURL replaces an existing file and leaves the document's own
   * location and modified state alone */
  ok = fc_uno_query_call (document, "com.sun.star.frame.XStorable", "storeToURL", NULL, args,
                          error);
  rtl_uString_release (url);
  uno_type_destructData (&seq, seq_type, NULL);
  return ok;
}
