/* fc-doc-narrative.c — the narrative document of an open workbook (see fc-doc-narrative.h). */
#include "fc-doc-narrative.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fc-calc.h"
#include "fc-service-manager.h"
#include "fc-narrative-doc.h"
#include "fc-uno-doc.h"

#define MSG_NOT_READ_YET "尚未读取：请运行“审核工作簿” / not read yet: run Validate workbook"
#define MSG_NOT_LOADED "LibreOffice 无法打开此文档（已损坏或不是文字文档）/ " \
  "LibreOffice could not open the document (corrupt or not a text document)"
/* com.sun.star.beans.PropertyAttribute.REMOVABLE */
#define ATTRIBUTE_REMOVABLE 128

/* A file's text as last read, or why it could not be. */
typedef struct {
  gint64 mtime;
  goffset size;
  char *text;    /* UTF-8, or NULL */
  char *failure; /* NULL when text */
} Cached;

static void
cached_free (Cached *cached)
{
  g_free (cached->text);
  g_free (cached->failure);
  g_free (cached);
}

/* UNO forces this global: documents come and go, their narratives' texts
 * stay read until the file changes. */
static GMutex cache_lock;
static GHashTable *cache; /* path → Cached* */

/* The file's identity as far as the cache cares; FALSE when it is gone. */
static gboolean
file_stamp (const char *path, gint64 *mtime, goffset *size)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  *mtime = (gint64) st.st_mtime;
  *size = (goffset) st.st_size;
  return TRUE;
}

/* The cached narrative of path if the file is unchanged (transfer full),
 * else NULL. */
static FcNarrative *
cache_lookup (const char *path, const char *name)
{
  gint64 mtime = 0;
  goffset size = 0;
  FcNarrative *narrative = NULL;
  const Cached *cached;

  if (!file_stamp (path, &mtime, &size))
    return NULL;
  g_mutex_lock (&cache_lock);
  cached = cache != NULL ? g_hash_table_lookup (cache, path) : NULL;
  if (cached != NULL && cached->mtime == mtime && cached->size == size)
    narrative = cached->text != NULL && *cached->text != '\0'
                  ? fc_narrative_new_from_text (cached->text, -1, name)
                  : fc_narrative_new_unreadable (name, cached->failure != NULL
                                                         ? cached->failure
                                                         : "文档为空 / the document is empty");
  g_mutex_unlock (&cache_lock);
  return narrative;
}

static void
cache_store (const char *path, gint64 mtime, goffset size, const char *text, const char *failure)
{
  Cached *cached = g_new0 (Cached, 1);

  cached->mtime = mtime;
  cached->size = size;
  cached->text = g_strdup (text);
  cached->failure = g_strdup (failure);
  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_free);
  g_hash_table_replace (cache, g_strdup (path), cached);
  g_mutex_unlock (&cache_lock);
}

/* The local path of document's file (transfer full), or NULL. */
static char *
document_path (uno_Interface *document)
{
  rtl_uString *url = fc_uno_doc_url (document, NULL);
  g_autofree char *uri = NULL;

  if (url == NULL)
    return NULL;
  uri = fc_uno_string_to_utf8 (url);
  rtl_uString_release (url);
  return g_filename_from_uri (uri, NULL, NULL);
}

/* The document's user-defined properties (transfer full), or NULL. */
static uno_Interface *
user_properties (uno_Interface *document, GError **error)
{
  uno_Interface *properties = NULL, *user = NULL;

  if (fc_uno_query_call (document, "com.sun.star.document.XDocumentPropertiesSupplier",
                         "getDocumentProperties", &properties, NULL, error))
    fc_uno_call (properties, "com.sun.star.document.XDocumentProperties",
                 "getUserDefinedProperties", &user, NULL, error);
  fc_uno_release (properties);
  return user;
}

/* The chosen document's path as remembered (transfer full), or NULL. */
static char *
chosen_path (uno_Interface *document)
{
  uno_Interface *user = user_properties (document, NULL);
  g_autofree char *value = user != NULL ? fc_calc_get_string (user, FC_DOC_NARRATIVE_PROPERTY,
                                                              NULL) : NULL;

  fc_uno_release (user);
  if (value == NULL || *value == '\0')
    return NULL;
  return g_str_has_prefix (value, "file:") ? g_filename_from_uri (value, NULL, NULL)
                                           : g_steal_pointer (&value);
}

char *
fc_doc_narrative_locate (uno_Interface *document, gboolean *chosen)
{
  g_autofree char *workbook = document_path (document);
  g_autofree char *path = chosen_path (document);

  if (chosen != NULL)
    *chosen = path != NULL;
  if (path != NULL && !g_file_test (path, G_FILE_TEST_EXISTS) && workbook != NULL)
    {
      /* the folder moved with both files in it: the same name beside the workbook */
      g_autofree char *dir = g_path_get_dirname (workbook);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *beside = g_build_filename (dir, base, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        {
          g_free (path);
          path = g_steal_pointer (&beside);
        }
    }
  if (path != NULL)
    return g_steal_pointer (&path);
  return workbook != NULL ? fc_narrative_doc_find_beside (workbook) : NULL;
}

/* The desktop as an XComponentLoader (transfer full): the process's own;
 * a document being loaded (the load job) has no controller to ask yet. */
static uno_Interface *
desktop_loader (uno_Interface *document, GError **error)
{
  uno_Interface *desktop = fc_service_manager_create ("com.sun.star.frame.Desktop", NULL);
  uno_Interface *loader = desktop != NULL
                            ? fc_uno_query (desktop, "com.sun.star.frame.XComponentLoader", NULL)
                            : NULL;

  fc_uno_release (desktop);
  return loader != NULL ? loader : fc_uno_doc_loader (document, error);
}

/* The text of the word-processor document at path, through the office
 * that shows document: a private copy (the user may have the file open;
 * closing what the desktop hands back must never close theirs) loaded
 * hidden and read-only, exported as plain UTF-8 text.  NULL with *failure
 * (transfer full) when it cannot be read. */
static char *
read_through_office (uno_Interface *document, const char *path, char **failure)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fiscalcheck-narrative-XXXXXX", &error);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *copy = dir != NULL ? g_build_filename (dir, base, NULL) : NULL;
  g_autofree char *out = dir != NULL ? g_build_filename (dir, "narrative.txt", NULL) : NULL;
  g_autofree char *copy_uri = NULL, *out_uri = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  uno_Interface *loader = NULL, *loaded = NULL;
  rtl_uString *url = NULL;
  char *text = NULL;
  static const FcUnoDocArg load_args[] = { { "ReadOnly", NULL, TRUE } };
  static const FcUnoDocArg store_args[] = {
    { "FilterName", "Text (encoded)", FALSE }, { "FilterOptions", "UTF8,LF", FALSE }
  };

  if (dir == NULL)
    {
      *failure = g_strdup_printf ("无法读取 / cannot read: %s", error->message);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &error)
      || !g_file_set_contents (copy, data, (gssize) length, &error))
    *failure = g_strdup_printf ("无法读取 / cannot read: %s", error->message);
  else if ((copy_uri = g_filename_to_uri (copy, NULL, &error)) == NULL
           || (out_uri = g_filename_to_uri (out, NULL, &error)) == NULL
           || (loader = desktop_loader (document, &error)) == NULL)
    *failure = g_strdup_printf ("无法读取 / cannot read: %s", error->message);
  else
    {
      url = fc_uno_string_new (copy_uri);
      loaded = fc_uno_doc_load (loader, url, load_args, G_N_ELEMENTS (load_args), &error);
      if (loaded == NULL)
        *failure = g_strdup (MSG_NOT_LOADED);
      else if (!fc_uno_doc_store_to (loaded, out_uri, store_args, G_N_ELEMENTS (store_args),
                                     &error))
        *failure = g_strdup_printf ("无法取出文字 / cannot take its text: %s", error->message);
      else
        text = fc_narrative_doc_read_text (out, failure);
    }
  if (loaded != NULL && error != NULL)
    g_debug ("FiscalCheck narrative %s: %s", path, error->message);
  fc_uno_doc_close (loaded);
  fc_uno_release (loader);
  if (url != NULL)
    rtl_uString_release (url);
  g_unlink (out);
  g_unlink (copy);
  g_rmdir (dir);
  return text;
}

/* Reads path into the cache (a .txt directly, else through the office). */
static void
read_into_cache (uno_Interface *document, const char *path)
{
  gint64 mtime = 0;
  goffset size = 0;
  g_autofree char *failure = NULL;
  g_autofree char *text = NULL;

  if (!file_stamp (path, &mtime, &size))
    return;
  failure = fc_narrative_doc_unfit (path);
  if (failure == NULL)
    text = fc_narrative_doc_needs_office (path) ? read_through_office (document, path, &failure)
                                                : fc_narrative_doc_read_text (path, &failure);
  cache_store (path, mtime, size, text, failure);
}

FcNarrative *
fc_doc_narrative_get (uno_Interface *document, FcDocNarrativeMode mode)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  FcNarrative *narrative;

  if (mode == FC_DOC_NARRATIVE_IGNORE)
    return NULL;
  path = fc_doc_narrative_locate (document, NULL);
  if (path == NULL)
    return NULL;
  name = g_filename_display_basename (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return fc_narrative_new_unreadable (name, "找不到文件 / no such file");
  narrative = cache_lookup (path, name);
  if (narrative != NULL)
    return narrative;
  if (mode == FC_DOC_NARRATIVE_CACHED && fc_narrative_doc_needs_office (path))
    return fc_narrative_new_unreadable (name, MSG_NOT_READ_YET);
  read_into_cache (document, path);
  narrative = cache_lookup (path, name);
  return narrative != NULL ? narrative
                           : fc_narrative_new_unreadable (name, "无法读取 / cannot read");
}

gboolean
fc_doc_narrative_prefetch (uno_Interface *document)
{
  g_autofree char *path = fc_doc_narrative_locate (document, NULL);
  g_autoptr (FcNarrative) cached = NULL;

  if (path == NULL || !fc_narrative_doc_needs_office (path))
    return FALSE;
  cached = cache_lookup (path, "");
  if (cached != NULL)
    return FALSE;
  read_into_cache (document, path);
  return TRUE;
}

gboolean
fc_doc_narrative_choose (uno_Interface *document, const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  uno_Interface *user = user_properties (document, error);
  g_autofree char *uri = path != NULL && *path != '\0' ? g_filename_to_uri (path, NULL, error)
                                                       : g_strdup ("");
  g_autofree char *old = NULL;
  gboolean ok = FALSE;

  if (user == NULL || uri == NULL)
    {
      fc_uno_release (user);
      return FALSE;
    }
  old = fc_calc_get_string (user, FC_DOC_NARRATIVE_PROPERTY, &local);
  if (old != NULL)
    ok = fc_calc_set_string (user, FC_DOC_NARRATIVE_PROPERTY, uri, error);
  else
    {
      rtl_uString *name = fc_uno_string_new (FC_DOC_NARRATIVE_PROPERTY);
      sal_Int16 attributes = ATTRIBUTE_REMOVABLE;
      uno_Any value;
      void *args[3] = { &name, &attributes, &value };

      fc_uno_any_set_string (&value, uri);
      ok = fc_uno_query_call (user, "com.sun.star.beans.XPropertyContainer", "addProperty", NULL,
                              args, error);
      uno_any_destruct (&value, NULL);
      rtl_uString_release (name);
    }
  fc_uno_release (user);
  return ok;
}
