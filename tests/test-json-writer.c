/* test-json-writer.c — the add-in's own JSON writer: escaping, numbers,
 * layout, and that json-glib (the batch command's reader) reads every
 * string back as written. */
#include <check.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "fc-json-writer.h"
#include "fc-test.h"

static char *
string_json (const char *text)
{
  GString *out = g_string_new (NULL);
  fc_json_append_string (out, text);
  return g_string_free (out, FALSE);
}

/* Every byte 0x01–0x1f and 0x7f is escaped: the short forms where JSON has
 * them, \u00XX otherwise; quote and backslash too; nothing else is. */
START_TEST (test_escapes)
{
  char text[2] = { 0, 0 };
  for (int c = 1; c < 0x80; c++)
    {
      text[0] = (char) c;
      g_autofree char *json = string_json (text);
      g_autofree char *expected = NULL;
      switch (c)
        {
        case '"': expected = g_strdup ("\"\\\"\""); break;
        case '\\': expected = g_strdup ("\"\\\\\""); break;
        case '\b': expected = g_strdup ("\"\\b\""); break;
        case '\f': expected = g_strdup ("\"\\f\""); break;
        case '\n': expected = g_strdup ("\"\\n\""); break;
        case '\r': expected = g_strdup ("\"\\r\""); break;
        case '\t': expected = g_strdup ("\"\\t\""); break;
        default:
          expected = c < 0x20 || c == 0x7f ? g_strdup_printf ("\"\\u%04x\"", c)
                                           : g_strdup_printf ("\"%c\"", c);
        }
      ck_assert_msg (strcmp (json, expected) == 0, "byte 0x%02x: %s, not %s", c, json, expected);
    }
  g_autofree char *null_text = string_json (NULL);
  ck_assert_str_eq (null_text, "\"\"");
}
END_TEST

/* UTF-8 passes as it is; a byte that is not UTF-8 is U+FFFD, one each, so
 * the result is always valid JSON (json-glib's parser refuses invalid
 * UTF-8). */
START_TEST (test_utf8)
{
  g_autofree char *chinese = string_json ("决算\xe2\x80\xa8😀");
  ck_assert_str_eq (chinese, "\"决算\xe2\x80\xa8😀\"");
  g_autofree char *broken = string_json ("a\xff" "b\xe4\xb8" "c\xed\xa0\x80" "d\n");
  ck_assert_str_eq (broken, "\"a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd" "c"
                            "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "d\\n\"");
  ck_assert (g_utf8_validate (broken, -1, NULL));
}
END_TEST

START_TEST (test_numbers)
{
  static const struct { double value; const char *text; } cases[] = {
    { 452.86, "452.86" }, { 0.1, "0.1" }, { 100.0, "100" }, { -0.0, "-0" },
    { 3.0000000000000004, "3.0000000000000004" }, { 1e21, "1e+21" }, { 1e-7, "1e-07" },
    { NAN, "null" }, { INFINITY, "null" }, { -INFINITY, "null" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *out = g_string_new (NULL);
      fc_json_append_double (out, cases[i].value);
      ck_assert_str_eq (out->str, cases[i].text);
      if (isfinite (cases[i].value))
        ck_assert (g_ascii_strtod (out->str, NULL) == cases[i].value);
      g_string_free (out, TRUE);
    }
}
END_TEST

static char *
write_sample (gboolean pretty)
{
  FcJsonWriter *w = fc_json_writer_new (pretty);
  fc_json_writer_begin_object (w);
  fc_json_writer_member (w, "a\"");
  fc_json_writer_begin_array (w);
  fc_json_writer_int (w, -3);
  fc_json_writer_null (w);
  fc_json_writer_begin_object (w);
  fc_json_writer_end_object (w);
  fc_json_writer_begin_array (w);
  fc_json_writer_end_array (w);
  fc_json_writer_end_array (w);
  fc_json_writer_member (w, "b");
  fc_json_writer_begin_object (w);
  fc_json_writer_member (w, "c");
  fc_json_writer_double (w, 1.5);
  fc_json_writer_member (w, "d");
  fc_json_writer_string (w, "x\ty");
  fc_json_writer_end_object (w);
  fc_json_writer_end_object (w);
  return fc_json_writer_finish (w);
}

/* Compact has no spaces; pretty is json-glib 1.6's layout, whose quirk
 * ("{  }" for an empty object, "[]" for an empty array) reports kept. */
START_TEST (test_layout)
{
  g_autofree char *compact = write_sample (FALSE);
  g_autofree char *pretty = write_sample (TRUE);
  ck_assert_str_eq (compact, "{\"a\\\"\":[-3,null,{},[]],\"b\":{\"c\":1.5,\"d\":\"x\\ty\"}}");
  ck_assert_str_eq (pretty, "{\n"
                            "  \"a\\\"\" : [\n"
                            "    -3,\n"
                            "    null,\n"
                            "    {    },\n"
                            "    []\n"
                            "  ],\n"
                            "  \"b\" : {\n"
                            "    \"c\" : 1.5,\n"
                            "    \"d\" : \"x\\ty\"\n"
                            "  }\n"
                            "}");
}
END_TEST

/* What the add-in writes, the batch command reads: every byte 1–0x7f and
 * some UTF-8 in a member name and a value come back from json-glib as
 * they went in. */
START_TEST (test_json_glib_reads_it)
{
  GString *text = g_string_new (NULL);
  for (int c = 1; c < 0x80; c++)
    g_string_append_c (text, (char) c);
  g_string_append (text, "决算（单位：万元）\xe2\x80\xa8");

  FcJsonWriter *w = fc_json_writer_new (FALSE);
  fc_json_writer_begin_object (w);
  fc_json_writer_member (w, text->str);
  fc_json_writer_string (w, text->str);
  fc_json_writer_end_object (w);
  g_autofree char *json = fc_json_writer_finish (w);

  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = json_from_string (json, &error);
  ck_assert_msg (node != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_str_eq (json_object_get_string_member (json_node_get_object (node), text->str), text->str);
  g_string_free (text, TRUE);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("json-writer");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, test_escapes);
  tcase_add_test (tc, test_utf8);
  tcase_add_test (tc, test_numbers);
  tcase_add_test (tc, test_layout);
  tcase_add_test (tc, test_json_glib_reads_it);
  suite_add_tcase (suite, tc);
  return fc_test_run (suite);
}
