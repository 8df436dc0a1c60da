/* fc-doc-copy.c — storing a copy of a document (see fc-doc-copy.h). */
#include "fc-doc-copy.h"

#include <string.h>

#include "fc-uno-doc.h"

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

uno_Interface *
fc_doc_copy_open_editable (uno_Interface *document, GError **error)
{
  /* AsTemplate: an untitled document, editable whatever the file's permissions */
  static const FcUnoDocArg args[] = { { "AsTemplate", NULL, TRUE } };
  uno_Interface *loader = fc_uno_doc_loader (document, error);
  rtl_uString *url = loader != NULL ? fc_uno_doc_url (document, error) : NULL;
  uno_Interface *copy = url != NULL ? fc_uno_doc_load (loader, url, args, G_N_ELEMENTS (args),
                                                       error) : NULL;

  if (url != NULL)
    rtl_uString_release (url);
  fc_uno_release (loader);
  return copy;
}

void
fc_doc_copy_close (uno_Interface *document)
{
  fc_uno_doc_close (document);
}

gboolean
fc_doc_copy_copy (uno_Interface *document, const char *path, const char *filter, GError **error)
{
  const FcUnoDocArg args[] = { { "FilterName", filter, FALSE } };
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);

  return uri != NULL && fc_uno_doc_store_to (document, uri, args, G_N_ELEMENTS (args), error);
}
