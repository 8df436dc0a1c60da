/* fc-cli-narrative.c — narrative documents beside workbooks (see fc-cli-narrative.h). */
#include "fc-cli-narrative.h"

#include <string.h>

/* Known extensions, in the order a document beside a workbook is looked for. */
static const char *const beside_extensions[] = { "docx", "doc", "odt", "txt", NULL };
static const char *const extensions[] = { "docx", "doc", "odt", "fodt", "rtf", "txt", NULL };

/* The extension of path's file name, lower case, "" when none (transfer full). */
static char *
extension (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  return g_ascii_strdown (dot != NULL && dot != base ? dot + 1 : "", -1);
}

/* path without the extension of its file name, as the user wrote it
 * (transfer full). */
static char *
stem (const char *path)
{
  const char *slash = strrchr (path, '/');
  const char *base = slash != NULL ? slash + 1 : path;
  const char *dot = strrchr (base, '.');

  return dot != NULL && dot != base ? g_strndup (path, (gsize) (dot - path)) : g_strdup (path);
}

gboolean
fc_cli_narrative_is_document (const char *path)
{
  g_autofree char *ext = extension (path);

  return g_strv_contains (extensions, ext);
}

gboolean
fc_cli_narrative_needs_office (const char *path)
{
  g_autofree char *ext = extension (path);

  return fc_cli_narrative_is_document (path) && strcmp (ext, "txt") != 0;
}

gboolean
fc_cli_narrative_same_stem (const char *a, const char *b)
{
  g_autofree char *sa = stem (a);
  g_autofree char *sb = stem (b);

  return strcmp (sa, sb) == 0;
}

char *
fc_cli_narrative_find_beside (const char *workbook)
{
  g_autofree char *base = stem (workbook);

  for (const char *const *e = beside_extensions; *e != NULL; e++)
    {
      g_autofree char *upper = g_ascii_strup (*e, -1);
      const char *cases[] = { *e, upper };

      for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *path = g_strconcat (base, ".", cases[i], NULL);

          if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
            return g_steal_pointer (&path);
        }
    }
  return NULL;
}

char *
fc_cli_narrative_decode (const char *data, gsize length, GError **error)
{
  static const struct { const char *bom; gsize len; const char *charset; } boms[] = {
    { "\xEF\xBB\xBF", 3, "UTF-8" },
    { "\xFF\xFE", 2, "UTF-16LE" },
    { "\xFE\xFF", 2, "UTF-16BE" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (boms); i++)
    if (length >= boms[i].len && memcmp (data, boms[i].bom, boms[i].len) == 0)
      {
        data += boms[i].len;
        length -= boms[i].len;
        if (strcmp (boms[i].charset, "UTF-8") == 0)
          break;
        return g_convert (data, (gssize) length, "UTF-8", boms[i].charset, NULL, NULL, error);
      }
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);
  return g_convert (data, (gssize) length, "UTF-8", "GB18030", NULL, NULL, error);
}

void
fc_cli_narrative_pair (const char *const *inputs, const char *explicit_narrative,
                       gboolean look_beside, FcCliInputRole *roles, char **narratives)
{
  for (guint i = 0; inputs[i] != NULL; i++)
    roles[i] = fc_cli_narrative_is_document (inputs[i]) ? FC_CLI_INPUT_NARRATIVE_ALONE
                                                        : FC_CLI_INPUT_WORKBOOK;
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      if (roles[i] != FC_CLI_INPUT_WORKBOOK)
        continue;
      if (explicit_narrative != NULL)
        {
          narratives[i] = g_strdup (explicit_narrative);
          for (guint j = 0; inputs[j] != NULL; j++)
            if (roles[j] != FC_CLI_INPUT_WORKBOOK && strcmp (inputs[j], explicit_narrative) == 0)
              roles[j] = FC_CLI_INPUT_NARRATIVE_PAIRED;
          continue;
        }
      if (!look_beside)
        continue;
      for (guint j = 0; inputs[j] != NULL && narratives[i] == NULL; j++)
        if (roles[j] != FC_CLI_INPUT_WORKBOOK && fc_cli_narrative_same_stem (inputs[i], inputs[j]))
          {
            narratives[i] = g_strdup (inputs[j]);
            roles[j] = FC_CLI_INPUT_NARRATIVE_PAIRED;
          }
      if (narratives[i] == NULL)
        narratives[i] = fc_cli_narrative_find_beside (inputs[i]);
    }
}
