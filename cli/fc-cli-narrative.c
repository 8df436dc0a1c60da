/* fc-cli-narrative.c — narrative documents beside workbooks (see fc-cli-narrative.h). */
#include "fc-cli-narrative.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fc-cli-fs.h"

/* Known extensions, in the order a document beside a workbook is looked for. */
static const char *const beside_extensions[] = { "docx", "doc", "odt", "txt", NULL };
static const char *const extensions[] = { "docx", "doc", "odt", "fodt", "rtf", "txt", NULL };

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
  g_autofree char *ext = fc_cli_plain_extension (path);

  return g_strv_contains (extensions, ext);
}

gboolean
fc_cli_narrative_needs_office (const char *path)
{
  g_autofree char *ext = fc_cli_plain_extension (path);

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

/* Whether bytes that are not valid UTF-8 as a whole still read as UTF-8
 * with a few stray bytes (a © in cp1252, a character cut at the end): more
 * valid multi-byte characters than invalid bytes.  GB18030 text is almost
 * never valid UTF-8 over more than a character or two. */
static gboolean
mostly_utf8 (const char *data, gsize length)
{
  gsize multi = 0, invalid = 0;

  for (const char *p = data, *end = data + length; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          invalid++;
          p++;
          continue;
        }
      multi += (guchar) *p >= 0x80;
      p = g_utf8_next_char (p);
    }
  return multi > 4 * invalid;
}

char *
fc_cli_narrative_decode (const char *data, gsize length, GError **error)
{
  static const struct { const char *bom; gsize len; const char *charset; } boms[] = {
    { "\xEF\xBB\xBF", 3, "UTF-8" },
    { "\xFF\xFE", 2, "UTF-16LE" },
    { "\xFE\xFF", 2, "UTF-16BE" },
  };
  g_autoptr (GString) bytes = NULL;
  char *text;

  for (gsize i = 0; i < G_N_ELEMENTS (boms); i++)
    if (length >= boms[i].len && memcmp (data, boms[i].bom, boms[i].len) == 0)
      {
        data += boms[i].len;
        length -= boms[i].len;
        if (strcmp (boms[i].charset, "UTF-8") == 0)
          break;
        return g_convert (data, (gssize) length, "UTF-8", boms[i].charset, NULL, NULL, error);
      }
  /* a NUL is no character of any of them: dropped, like the narrative does */
  bytes = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    if (data[i] != '\0')
      g_string_append_c (bytes, data[i]);
  if (g_utf8_validate_len (bytes->str, bytes->len, NULL) || mostly_utf8 (bytes->str, bytes->len))
    return g_utf8_make_valid (bytes->str, (gssize) bytes->len);
  gsize read = 0;
  g_autoptr (GError) local = NULL;

  text = g_convert (bytes->str, (gssize) bytes->len, "UTF-8", "GB18030", &read, NULL, &local);
  if (text == NULL && g_error_matches (local, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT))
    /* a file cut inside its last character: the rest is the text */
    text = g_convert (bytes->str, (gssize) read, "UTF-8", "GB18030", NULL, NULL, NULL);
  if (text == NULL)
    g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                         "neither UTF-8 nor GB18030");
  return text;
}

/* Whether a and b name the same file (its identity; as written when it
 * cannot be stat'ed). */
static gboolean
same_file (const char *a, const char *b)
{
  g_autofree char *ia = fc_cli_file_identity (a);
  g_autofree char *ib = fc_cli_file_identity (b);

  return ia != NULL && ib != NULL ? strcmp (ia, ib) == 0 : strcmp (a, b) == 0;
}

/* Marks every narrative input that is the file narrative as paired. */
static void
mark_paired (const char *const *inputs, FcCliInputRole *roles, const char *narrative)
{
  for (guint j = 0; inputs[j] != NULL; j++)
    if (roles[j] == FC_CLI_INPUT_NARRATIVE_ALONE && same_file (inputs[j], narrative))
      roles[j] = FC_CLI_INPUT_NARRATIVE_PAIRED;
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
      if (roles[i] != FC_CLI_INPUT_WORKBOOK || (explicit_narrative == NULL && !look_beside))
        continue;
      if (explicit_narrative != NULL)
        narratives[i] = g_strdup (explicit_narrative);
      for (guint j = 0; inputs[j] != NULL && narratives[i] == NULL; j++)
        if (roles[j] != FC_CLI_INPUT_WORKBOOK && fc_cli_narrative_same_stem (inputs[i], inputs[j]))
          narratives[i] = g_strdup (inputs[j]);
      if (narratives[i] == NULL)
        narratives[i] = fc_cli_narrative_find_beside (inputs[i]);
      if (narratives[i] != NULL)
        mark_paired (inputs, roles, narratives[i]);
    }
}
