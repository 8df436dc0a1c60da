/* fc-narrative-file.c — the staged narrative key file (see fc-narrative-file.h). */
#include "fc-narrative-file.h"

#include <string.h>

#include <glib/gstdio.h>

#define GROUP "narrative"

char *
fc_narrative_file_path (const char *workbook)
{
  g_autofree char *dir = g_path_get_dirname (workbook);
  g_autofree char *base = g_path_get_basename (workbook);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  g_autofree char *name = g_strconcat (base, ".narrative", NULL);
  return g_build_filename (dir, name, NULL);
}

gboolean
fc_narrative_file_write (const char *workbook, const char *document, const char *text,
                         gssize length, const char *failure, GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = fc_narrative_file_path (workbook);
  g_autofree char *data = NULL;
  gsize size = 0;

  g_return_val_if_fail ((text == NULL) != (failure == NULL), FALSE);
  g_autofree char *name = g_utf8_make_valid (document != NULL ? document : "", -1);

  g_key_file_set_string (file, GROUP, "document", name);
  if (text != NULL)
    {
      /* a key file holds valid UTF-8 without NULs; the narrative repairs
       * text the same way, so nothing the office wrote is refused */
      g_autoptr (GString) clean = g_string_new_len (text, length < 0 ? (gssize) strlen (text) : length);
      for (gsize i = 0; i < clean->len; i++)
        if (clean->str[i] == '\0')
          clean->str[i] = ' ';
      g_autofree char *valid = g_utf8_make_valid (clean->str, (gssize) clean->len);
      g_key_file_set_string (file, GROUP, "text", valid);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (failure, -1);
      g_key_file_set_string (file, GROUP, "failure", valid);
    }
  data = g_key_file_to_data (file, &size, NULL);
  return g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

FcNarrative *
fc_narrative_file_read (const char *workbook, GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = fc_narrative_file_path (workbook);
  g_autofree char *document = NULL, *text = NULL, *failure = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    return NULL;
  document = g_key_file_get_string (file, GROUP, "document", NULL);
  text = g_key_file_get_string (file, GROUP, "text", NULL);
  failure = g_key_file_get_string (file, GROUP, "failure", NULL);
  if (text != NULL && *g_strstrip (text) == '\0')
    return fc_narrative_new_unreadable (document, "文档为空 / the document is empty");
  if (text != NULL)
    return fc_narrative_new_from_text (text, -1, document);
  if (failure != NULL)
    return fc_narrative_new_unreadable (document, failure);
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
               "%s: neither text nor failure", path);
  return NULL;
}
