/* fc-narrative-doc.c — a narrative document beside its workbook (see fc-narrative-doc.h). */
#include "fc-narrative-doc.h"

#include "fc-file-name.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

/* Known extensions, in the order a document beside a workbook is looked for. */
static const char *const beside_extensions[] = { "docx", "doc", "odt", "txt", NULL };
static const char *const extensions[] = { "docx", "doc", "odt", "fodt", "rtf", "txt", NULL };

char *
fc_narrative_doc_stem (const char *path)
{
  const char *slash = strrchr (path, '/');
  const char *base = slash != NULL ? slash + 1 : path;
  const char *dot = strrchr (base, '.');

  return dot != NULL && dot != base ? g_strndup (path, (gsize) (dot - path)) : g_strdup (path);
}

gboolean
fc_narrative_doc_is_document (const char *path)
{
  g_autofree char *ext = fc_file_name_plain_extension (path);

  return g_strv_contains (extensions, ext);
}

gboolean
fc_narrative_doc_needs_office (const char *path)
{
  g_autofree char *ext = fc_file_name_plain_extension (path);

  return fc_narrative_doc_is_document (path) && strcmp (ext, "txt") != 0;
}

char *
fc_narrative_doc_find_beside (const char *workbook)
{
  g_autofree char *base = fc_narrative_doc_stem (workbook);

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
fc_narrative_doc_unfit (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return g_strdup_printf ("无法读取 / cannot read: %s", g_strerror (errno));
  if (!S_ISREG (st.st_mode))
    return g_strdup ("不是普通文件 / not a regular file");
  if (st.st_size > FC_NARRATIVE_DOC_MAX_BYTES)
    return g_strdup_printf ("文件过大（超过 %d MiB）/ too large (over %d MiB)",
                            FC_NARRATIVE_DOC_MAX_BYTES >> 20, FC_NARRATIVE_DOC_MAX_BYTES >> 20);
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
fc_narrative_doc_decode (const char *data, gsize length, GError **error)
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

char *
fc_narrative_doc_read_text (const char *path, char **failure)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  char *text;

  *failure = fc_narrative_doc_unfit (path);
  if (*failure != NULL)
    return NULL;
  if (!g_file_get_contents (path, &data, &length, &error))
    {
      *failure = g_strdup_printf ("无法读取 / cannot read: %s", error->message);
      return NULL;
    }
  text = fc_narrative_doc_decode (data, length, NULL);
  if (text == NULL)
    *failure = g_strdup (FC_NARRATIVE_DOC_NOT_TEXT);
  return text;
}
