/* fc-json-writer.c — JSON text without json-glib (see the header). */
#include "fc-json-writer.h"

#include <math.h>
#include <string.h>

#define INDENT 2

/* One open object or array. */
typedef struct {
  gboolean is_object;
  guint count; /* values written in it so far */
} Level;

struct _FcJsonWriter {
  GString *out;
  GArray *levels; /* of Level, innermost last */
  gboolean pretty;
  gboolean after_member; /* a member name was written: its value follows */
};

FcJsonWriter *
fc_json_writer_new (gboolean pretty)
{
  FcJsonWriter *writer = g_new0 (FcJsonWriter, 1);
  writer->out = g_string_new (NULL);
  writer->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  writer->pretty = pretty;
  return writer;
}

void
fc_json_writer_free (FcJsonWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->out, TRUE);
  g_array_unref (writer->levels);
  g_free (writer);
}

char *
fc_json_writer_finish (FcJsonWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);
  g_warn_if_fail (writer->levels->len == 0);

  char *text = g_string_free (g_steal_pointer (&writer->out), FALSE);
  g_array_unref (writer->levels);
  g_free (writer);
  return text;
}

static void
indent (FcJsonWriter *writer, guint level)
{
  for (guint i = 0; i < level * INDENT; i++)
    g_string_append_c (writer->out, ' ');
}

/* What goes before a value or a member name: the comma and, when pretty,
 * the line break and indent of the enclosing array or object. */
static void
separate (FcJsonWriter *writer)
{
  Level *top;

  if (writer->after_member)
    {
      writer->after_member = FALSE;
      return;
    }
  if (writer->levels->len == 0)
    return;
  top = &g_array_index (writer->levels, Level, writer->levels->len - 1);
  if (top->count++ > 0)
    g_string_append_c (writer->out, ',');
  if (writer->pretty)
    {
      g_string_append_c (writer->out, '\n');
      indent (writer, writer->levels->len);
    }
}

void
fc_json_writer_member (FcJsonWriter *writer, const char *name)
{
  g_return_if_fail (writer->levels->len > 0 && !writer->after_member);
  g_return_if_fail (g_array_index (writer->levels, Level, writer->levels->len - 1).is_object);

  separate (writer);
  fc_json_append_string (writer->out, name);
  g_string_append (writer->out, writer->pretty ? " : " : ":");
  writer->after_member = TRUE;
}

static void
begin (FcJsonWriter *writer, gboolean is_object)
{
  Level level = { is_object, 0 };

  separate (writer);
  g_string_append_c (writer->out, is_object ? '{' : '[');
  g_array_append_val (writer->levels, level);
}

/* json-glib's layout: a pretty object closes on its own indented line, even
 * an empty one ("{  }"); an empty array stays "[]". */
static void
end (FcJsonWriter *writer, gboolean is_object)
{
  Level top;

  g_return_if_fail (writer->levels->len > 0 && !writer->after_member);
  top = g_array_index (writer->levels, Level, writer->levels->len - 1);
  g_return_if_fail (top.is_object == is_object);

  g_array_set_size (writer->levels, writer->levels->len - 1);
  if (writer->pretty && top.count > 0)
    g_string_append_c (writer->out, '\n');
  if (writer->pretty && (is_object || top.count > 0))
    indent (writer, writer->levels->len);
  g_string_append_c (writer->out, is_object ? '}' : ']');
}

void
fc_json_writer_begin_object (FcJsonWriter *writer)
{
  begin (writer, TRUE);
}

void
fc_json_writer_end_object (FcJsonWriter *writer)
{
  end (writer, TRUE);
}

void
fc_json_writer_begin_array (FcJsonWriter *writer)
{
  begin (writer, FALSE);
}

void
fc_json_writer_end_array (FcJsonWriter *writer)
{
  end (writer, FALSE);
}

void
fc_json_writer_string (FcJsonWriter *writer, const char *value)
{
  separate (writer);
  fc_json_append_string (writer->out, value);
}

void
fc_json_writer_double (FcJsonWriter *writer, double value)
{
  separate (writer);
  fc_json_append_double (writer->out, value);
}

void
fc_json_writer_int (FcJsonWriter *writer, gint64 value)
{
  separate (writer);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
fc_json_writer_null (FcJsonWriter *writer)
{
  separate (writer);
  g_string_append (writer->out, "null");
}

/* ---- values ----------------------------------------------------------- */

void
fc_json_append_string (GString *out, const char *text)
{
  const char *p = text != NULL ? text : "";
  const char *end = p + strlen (p);

  g_string_append_c (out, '"');
  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c >= 0x80)
        {
          /* a character as it is; a byte that starts none is U+FFFD */
          gunichar u = g_utf8_get_char_validated (p, end - p);
          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              g_string_append (out, "\xef\xbf\xbd");
              p++;
            }
          else
            {
              const char *next = g_utf8_next_char (p);
              g_string_append_len (out, p, next - p);
              p = next;
            }
          continue;
        }
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
      p++;
    }
  g_string_append_c (out, '"');
}

/* 15 significant digits where they read back exactly (452.86, not
 * 452.86000000000001), up to 17 where they are needed. */
void
fc_json_append_double (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}
