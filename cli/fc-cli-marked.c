/* fc-cli-marked.c — marked copies into --marked-dir (see fc-cli-marked.h). */
#include "fc-cli-marked.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "fc-cli-batch.h"
#include "fc-cli-error.h"
#include "fc-cli-fs.h"
#include "fc-file-name.h"

gboolean
fc_cli_marked_prepare (const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0777) != 0 || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM,
                   "无法创建目录 cannot create directory %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

char *
fc_cli_marked_copy_name (const char *path, const char *staged)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *input_ext = fc_file_name_plain_extension (path);
  g_autofree char *copy_ext = fc_file_name_plain_extension (staged);
  char *dot;

  if (strcmp (input_ext, copy_ext) == 0)
    return g_steal_pointer (&base);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base && *input_ext != '\0')
    *dot = '\0';
  return g_strconcat (base, ".", copy_ext, NULL);
}

/* dir/name, or dir/stem-2.ext … when name was used in this run or is one
 * of the inputs (transfer full). */
static char *
free_path (const char *dir, const char *name, GHashTable *used, GHashTable *inputs)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = g_strndup (name, dot != NULL && dot != name ? (gsize) (dot - name)
                                                                     : strlen (name));
  const char *ext = dot != NULL && dot != name ? dot : "";

  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (name)
                                          : g_strdup_printf ("%s-%u%s", stem, n, ext);
      char *path = g_build_filename (dir, candidate, NULL);
      g_autofree char *identity = fc_cli_file_identity (path);

      if (!g_hash_table_contains (used, path)
          && (identity == NULL || !g_hash_table_contains (inputs, identity)))
        {
          g_hash_table_add (used, g_strdup (path));
          return path;
        }
      g_free (path);
    }
}

static gboolean
copy_file (const char *src, const char *dest, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  return g_file_get_contents (src, &data, &length, error)
         && g_file_set_contents (dest, data, (gssize) length, error);
}

/* The entry at output, parsed (transfer full), or NULL. */
static JsonNode *
entry_load (const char *output)
{
  g_autofree char *data = NULL;
  JsonNode *node;

  if (!g_file_get_contents (output, &data, NULL, NULL))
    return NULL;
  node = json_from_string (data, NULL);
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    g_clear_pointer (&node, json_node_unref);
  return node;
}

void
fc_cli_marked_collect (GPtrArray *items, const char *const *paths, const char *dir)
{
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      char *identity = fc_cli_file_identity (paths[i]);

      if (identity != NULL)
        g_hash_table_add (inputs, identity);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const FcCliItem *item = items->pdata[i];
      g_autoptr (JsonNode) node = item->error == NULL ? entry_load (item->output) : NULL;
      JsonObject *entry = node != NULL ? json_node_get_object (node) : NULL;
      const char *staged = entry != NULL ? json_object_get_string_member_with_default (entry, "marked", NULL)
                                         : NULL;
      g_autofree char *name = NULL;
      g_autofree char *dest = NULL;
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;

      if (staged == NULL)
        continue;
      name = fc_cli_marked_copy_name (paths[i], staged);
      dest = free_path (dir, name, used, inputs);
      if (copy_file (staged, dest, &error))
        json_object_set_string_member (entry, "marked", dest);
      else
        {
          json_object_remove_member (entry, "marked");
          json_object_set_string_member (entry, "marked_error", error->message);
        }
      text = json_to_string (node, FALSE);
      if (!g_file_set_contents (item->output, text, -1, &error))
        g_printerr ("fiscalcheck: %s\n", error->message);
    }
}
