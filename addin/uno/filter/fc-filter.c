/* fc-filter.c — the FiscalCheck export filter (see fc-filter.h).
 *
 * LibreOffice calls initialize, setSourceDocument, then filter(MediaDescriptor)
 * once per document.  filter() always tries to write an entry: a document it
 * cannot read or check becomes {"path", "error"}, so the batch driver sees
 * why.  It returns FALSE only when there is nowhere to write.
 */
#include "fc-filter.h"

#include <string.h>

#include "fc-command-actions.h"
#include "fc-doc-check.h"
#include "fc-filter-options.h"
#include "fc-narrative-file.h"
#include "fc-report-writer.h"
#include "fc-service-info.h"
#include "fc-doc-copy.h"
#include "fc-uno-object.h"

typedef struct {
  FcUnoObject base;
  GMutex lock;            /* guards document: UNO may call from any thread */
  uno_Interface *document; /* the source model (XComponent), acquired; NULL until set */
} FcFilter;

static const char *const filter_interfaces[] = {
  "com.sun.star.document.XFilter",
  "com.sun.star.document.XExporter",
  "com.sun.star.lang.XInitialization",
  "com.sun.star.lang.XServiceInfo",
  "com.sun.star.lang.XTypeProvider",
  NULL
};

/* ---- the MediaDescriptor -------------------------------------------------- */

typedef struct {
  uno_Interface *output;   /* XOutputStream, acquired; NULL when absent */
  char *options;           /* FilterOptions, or NULL (owned) */
  char *url;               /* URL (the target), or NULL (owned) */
} FcMediaDescriptor;

static void
media_descriptor_clear (FcMediaDescriptor *md)
{
  fc_uno_release (md->output);
  g_free (md->options);
  g_free (md->url);
  memset (md, 0, sizeof *md);
}

/* The string held by any, or NULL (transfer full). */
static char *
any_get_string (const uno_Any *any)
{
  if (any->pType->eTypeClass != typelib_TypeClass_STRING)
    return NULL;
  return fc_uno_string_to_utf8 (*(rtl_uString *const *) any->pData);
}

/* Reads the properties we use from a sequence<PropertyValue>. */
static gboolean
media_descriptor_read (const uno_Sequence *seq, FcMediaDescriptor *md, GError **error)
{
  typelib_TypeDescription *td = fc_uno_type_get ("com.sun.star.beans.PropertyValue", error);
  sal_Int32 name_offset, value_offset;
  typelib_TypeDescriptionReference *type;

  memset (md, 0, sizeof *md);
  if (td == NULL)
    return FALSE;
  if (!fc_uno_struct_member (td, "Name", &name_offset, &type)
      || !fc_uno_struct_member (td, "Value", &value_offset, &type))
    {
      g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_TYPE, "PropertyValue lacks Name or Value");
      typelib_typedescription_release (td);
      return FALSE;
    }
  for (sal_Int32 i = 0; seq != NULL && i < seq->nElements; i++)
    {
      const char *element = seq->elements + (gsize) i * (gsize) td->nSize;
      g_autofree char *name = fc_uno_string_to_utf8 (*(rtl_uString *const *) (element + name_offset));
      const uno_Any *value = (const uno_Any *) (element + value_offset);

      if (strcmp (name, "OutputStream") == 0 && md->output == NULL)
        {
          md->output = fc_uno_query (fc_uno_any_get_interface (value),
                                     "com.sun.star.io.XOutputStream", NULL);
        }
      else if (strcmp (name, "FilterOptions") == 0 && md->options == NULL)
        md->options = any_get_string (value);
      else if (strcmp (name, "URL") == 0 && md->url == NULL)
        md->url = any_get_string (value);
    }
  typelib_typedescription_release (td);
  return TRUE;
}

/* ---- checking ------------------------------------------------------------- */

/* The document's location as a local path, else its URL, else ""
 * (transfer full). */
static char *
document_path (uno_Interface *document)
{
  rtl_uString *url = NULL;
  g_autofree char *text = NULL;
  char *path;

  if (!fc_uno_query_call (document, "com.sun.star.frame.XModel", "getURL", &url, NULL, NULL))
    return g_strdup ("");
  text = fc_uno_string_to_utf8 (url);
  rtl_uString_release (url);
  path = g_filename_from_uri (text, NULL, NULL);
  return path != NULL ? path : g_steal_pointer (&text);
}

/* Marks an editable copy of document as Validate does and stores it in
 * dir, named after path: the copy's path (transfer full), or NULL. */
static char *
store_marked_copy (uno_Interface *document, const FcReport *report, const char *path,
                   const char *dir, GError **error)
{
  const char *filter = NULL;
  g_autofree char *name = fc_doc_copy_copy_name (path, &filter);
  g_autofree char *dest = g_build_filename (dir, name, NULL);
  uno_Interface *copy = fc_doc_copy_open_editable (document, error);
  g_autofree char *sheet = NULL;
  gboolean ok;

  ok = copy != NULL && (sheet = fc_command_actions_validate_document (copy, report, error)) != NULL
       && fc_doc_copy_copy (copy, dest, filter, error);
  fc_doc_copy_close (copy);
  return ok ? g_steal_pointer (&dest) : NULL;
}

/* The narrative the batch command staged beside the document at path, or
 * NULL when it staged none; a key file that cannot be read is a narrative
 * that could not be read, so the report says so (N.0) (transfer full). */
static FcNarrative *
staged_narrative (const char *path)
{
  g_autoptr (GError) error = NULL;
  FcNarrative *narrative = fc_narrative_file_read (path, &error);

  if (narrative == NULL && error != NULL)
    narrative = fc_narrative_new_unreadable ("", error->message);
  return narrative;
}

/* The JSON entry for document under options (transfer full).  Every
 * failure becomes an entry with "error"; a marked copy that could not be
 * written, a checked entry with "marked_error". */
static char *
check_document (uno_Interface *document, const char *options_text)
{
  g_autofree char *path = document_path (document);
  FcFilterOptions options = { 0 };
  g_autoptr (FcReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *marked = NULL;
  char *entry;

  if (fc_filter_options_decode (options_text, &options, &error))
    {
      g_autoptr (FcNarrative) narrative = options.narratives ? staged_narrative (path) : NULL;
      const FcDocCheckOptions check = {
        .only = options.only,
        .rules = (const char *const *) options.rules,
        .use_user_rules = options.user_rules,
        .narrative = narrative,
      };

      report = fc_doc_check (document, &check, &error);
    }
  if (report == NULL)
    {
      fc_filter_options_clear (&options);
      return fc_report_workbook_to_json (NULL, path, error->message, FALSE);
    }
  if (options.marked_dir == NULL)
    entry = fc_report_workbook_to_json (report, path, NULL, FALSE);
  else if ((marked = store_marked_copy (document, report, path, options.marked_dir, &error)) != NULL)
    entry = fc_report_workbook_to_json_with (report, path, NULL, "marked", marked, FALSE);
  else
    entry = fc_report_workbook_to_json_with (report, path, NULL, "marked_error", error->message, FALSE);
  fc_filter_options_clear (&options);
  return entry;
}

/* ---- the output stream ------------------------------------------------ */

#define WRITE_CHUNK (1 << 20)

/* Writes data and closes the stream. */
static gboolean
stream_write_all (uno_Interface *stream, const char *data, gsize length, GError **error)
{
  typelib_TypeDescriptionReference *seq_type = NULL;
  const char *iface = "com.sun.star.io.XOutputStream";

  typelib_static_sequence_type_init (&seq_type,
                                     *typelib_static_type_getByTypeClass (typelib_TypeClass_BYTE));
  for (gsize done = 0; done < length;)
    {
      uno_Sequence *seq = NULL;
      void *args[1] = { &seq };
      sal_Int32 n = (sal_Int32) MIN (length - done, (gsize) WRITE_CHUNK);
      gboolean ok;

      if (!uno_type_sequence_construct (&seq, seq_type, (void *) (data + done), n, NULL))
        {
          g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "out of memory");
          return FALSE;
        }
      ok = fc_uno_call (stream, iface, "writeBytes", NULL, args, error);
      uno_type_destructData (&seq, seq_type, NULL);
      if (!ok)
        return FALSE;
      done += (gsize) n;
    }
  return fc_uno_call (stream, iface, "flush", NULL, NULL, error)
         && fc_uno_call (stream, iface, "closeOutput", NULL, NULL, error);
}

/* ---- the object ------------------------------------------------------- */

static sal_Bool
filter_run (FcFilter *self, const uno_Sequence *descriptor)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  FcMediaDescriptor md;
  uno_Interface *document;
  gboolean ok;

  g_mutex_lock (&self->lock);
  document = self->document;
  fc_uno_acquire (document);
  g_mutex_unlock (&self->lock);

  if (!media_descriptor_read (descriptor, &md, &error) || md.output == NULL)
    {
      g_warning ("FiscalCheck filter: no output stream%s%s", error != NULL ? ": " : "",
                 error != NULL ? error->message : "");
      media_descriptor_clear (&md);
      fc_uno_release (document);
      return sal_False;
    }
  if (document != NULL)
    json = check_document (document, md.options);
  else
    json = fc_report_workbook_to_json (NULL, md.url, "no source document", FALSE);
  ok = stream_write_all (md.output, json, strlen (json), &error);
  if (!ok)
    g_warning ("FiscalCheck filter: writing %s failed: %s", md.url != NULL ? md.url : "",
               error->message);
  media_descriptor_clear (&md);
  fc_uno_release (document);
  return ok ? sal_True : sal_False;
}

static gboolean
filter_dispatch (FcUnoObject *base, const typelib_TypeDescription *member,
                 void *ret, void *args[], uno_Any **exception)
{
  FcFilter *self = (FcFilter *) base;

  if (fc_uno_member_is (member, "com.sun.star.document.XFilter::filter"))
    *(sal_Bool *) ret = filter_run (self, *(uno_Sequence **) args[0]);
  else if (fc_uno_member_is (member, "com.sun.star.document.XFilter::cancel"))
    ; /* a check takes milliseconds: nothing to cancel */
  else if (fc_uno_member_is (member, "com.sun.star.document.XExporter::setSourceDocument"))
    {
      uno_Interface *document = *(uno_Interface **) args[0];
      uno_Interface *old;

      fc_uno_acquire (document);
      g_mutex_lock (&self->lock);
      old = self->document;
      self->document = document;
      g_mutex_unlock (&self->lock);
      fc_uno_release (old);
    }
  else if (fc_uno_member_is (member, "com.sun.star.lang.XInitialization::initialize"))
    ; /* the filter's configuration: we need none of it */
  else
    return fc_service_info_dispatch_names (&fc_filter_service_names, member, ret, args,
                                           exception);
  *exception = NULL;
  return TRUE;
}

static void
filter_finalize (FcUnoObject *base)
{
  FcFilter *self = (FcFilter *) base;

  fc_uno_release (self->document);
  g_mutex_clear (&self->lock);
  g_free (self);
}

uno_Interface *
fc_filter_new (void)
{
  FcFilter *self = g_new0 (FcFilter, 1);

  g_mutex_init (&self->lock);
  fc_uno_object_init (&self->base, filter_interfaces, filter_dispatch, filter_finalize);
  return fc_uno_object_iface (&self->base);
}
