/* fc-uno-doc.h — loading, storing and closing documents through the
 * desktop from C: media descriptors, the desktop of an open document,
 * hidden loads.  Shared by the marked copies of batch runs (fc-doc-copy)
 * and the narrative documents the office reads (fc-doc-narrative).
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* One entry of a media descriptor: a name and a boolean or string value
 * (string NULL: the boolean). */
typedef struct {
  const char *name;
  const char *string;
  gboolean boolean;
} FcUnoDocArg;

/* The URL of document's file (transfer full), or NULL with an error when
 * it has none. */
rtl_uString *fc_uno_doc_url (uno_Interface *document, GError **error);

/* The desktop that shows document, as an XComponentLoader (transfer full),
 * or NULL with an error. */
uno_Interface *fc_uno_doc_loader (uno_Interface *document, GError **error);

/* Loads url ("file:///…") through loader in a new hidden frame with the
 * extra arguments (Hidden is always set: headless 7.4 crashes on visible
 * documents) (transfer full: close with fc_uno_doc_close), or NULL. */
uno_Interface *fc_uno_doc_load (uno_Interface *loader, rtl_uString *url, const FcUnoDocArg *args,
                                guint n_args, GError **error);

/* XStorable.storeToURL (url, args): a copy; the document keeps its own
 * location and modified state. */
gboolean fc_uno_doc_store_to (uno_Interface *document, const char *url, const FcUnoDocArg *args,
                              guint n_args, GError **error);

/* Closes a document this module loaded and drops the reference (NULL-safe). */
void fc_uno_doc_close (uno_Interface *document);

G_END_DECLS
