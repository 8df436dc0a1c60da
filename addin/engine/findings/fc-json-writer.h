/* fc-json-writer.h — writes JSON text, value by value, with no library
 * beyond GLib: the add-in ships in one .oxt that must not need json-glib
 * (no LibreOffice package depends on it).
 *
 * Compact output has no spaces; pretty output is laid out exactly as
 * json-glib 1.6 lays it out (2-space indent, "name" : value, "{  }" for an
 * empty object one level deep), so reports read the same as before the
 * writer replaced it.  Every control character and DEL is escaped, and
 * bytes that are not UTF-8 become U+FFFD, so the text is always JSON.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FcJsonWriter FcJsonWriter;

/* A writer with nothing written yet (transfer full). */
FcJsonWriter *fc_json_writer_new (gboolean pretty);
void fc_json_writer_free (FcJsonWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcJsonWriter, fc_json_writer_free)

/* Inside an object every value is preceded by fc_json_writer_member(). */
void fc_json_writer_member (FcJsonWriter *writer, const char *name);

void fc_json_writer_begin_object (FcJsonWriter *writer);
void fc_json_writer_end_object (FcJsonWriter *writer);
void fc_json_writer_begin_array (FcJsonWriter *writer);
void fc_json_writer_end_array (FcJsonWriter *writer);

/* NULL writes "" (a report's missing text is empty, not null). */
void fc_json_writer_string (FcJsonWriter *writer, const char *value);
/* The shortest text that reads back as exactly value; NaN and infinities,
 * which JSON cannot say, are null. */
void fc_json_writer_double (FcJsonWriter *writer, double value);
void fc_json_writer_int (FcJsonWriter *writer, gint64 value);
void fc_json_writer_null (FcJsonWriter *writer);

/* The text written so far; the writer is freed (transfer full). */
char *fc_json_writer_finish (FcJsonWriter *writer);

/* text as a quoted, escaped JSON string appended to out. */
void fc_json_append_string (GString *out, const char *text);
/* value in its shortest exact form, or null, appended to out. */
void fc_json_append_double (GString *out, double value);

G_END_DECLS
