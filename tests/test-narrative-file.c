/* test-narrative-file.c — how a separate narrative document reaches the
 * filter in a batch: which document goes with which workbook, the text of
 * a .txt in the encodings Chinese offices write, and the staged key file
 * from the batch command to the filter and back. */
#include <check.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fc-cli-narrative.h"
#include "fc-narrative-doc.h"
#include "fc-narrative-file.h"

static char *
temp_dir (void)
{
  char *dir = g_dir_make_tmp ("fc-narrative-file-XXXXXX", NULL);
  ck_assert_ptr_nonnull (dir);
  return dir;
}

static void
touch (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ck_assert (g_file_set_contents (path, "x", -1, NULL));
}

START_TEST (test_kinds)
{
  ck_assert (fc_narrative_doc_is_document ("a/说明.docx"));
  ck_assert (fc_narrative_doc_is_document ("B.DOC"));
  ck_assert (fc_narrative_doc_is_document ("c.odt"));
  ck_assert (fc_narrative_doc_is_document ("d.TXT"));
  ck_assert (!fc_narrative_doc_is_document ("e.xlsx"));
  ck_assert (!fc_narrative_doc_is_document ("f.xls"));
  ck_assert (!fc_narrative_doc_is_document ("docx"));
  ck_assert (!fc_narrative_doc_is_document (".docx")); /* a hidden file's name, no extension */
  ck_assert (!fc_narrative_doc_is_document ("dir.docx/g.ods"));
  ck_assert (fc_narrative_doc_needs_office ("a.docx"));
  ck_assert (!fc_narrative_doc_needs_office ("a.Txt"));
  ck_assert (!fc_narrative_doc_needs_office ("a.xlsx"));
}
END_TEST

START_TEST (test_same_stem)
{
  ck_assert (fc_cli_narrative_same_stem ("2023决算.xlsx", "2023决算.docx"));
  ck_assert (fc_cli_narrative_same_stem ("a/b.c.xls", "a/b.c.txt"));
  ck_assert (!fc_cli_narrative_same_stem ("a/b.xls", "c/b.txt"));
  ck_assert (!fc_cli_narrative_same_stem ("b.xls", "b2.txt"));
  ck_assert (!fc_cli_narrative_same_stem ("b.xls", "./b.txt")); /* as given, not resolved */
}
END_TEST

START_TEST (test_find_beside)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *wb = g_build_filename (dir, "部门 决算.xlsx", NULL);
  g_autofree char *none = fc_narrative_doc_find_beside (wb);
  ck_assert_ptr_null (none);
  touch (dir, "部门 决算.TXT");
  touch (dir, "其他.docx");
  g_autofree char *txt = fc_narrative_doc_find_beside (wb);
  ck_assert_ptr_nonnull (txt);
  ck_assert (g_str_has_suffix (txt, "/部门 决算.TXT"));
  touch (dir, "部门 决算.docx"); /* a word-processor document goes first */
  g_autofree char *docx = fc_narrative_doc_find_beside (wb);
  ck_assert (g_str_has_suffix (docx, "/部门 决算.docx"));
  /* a folder of that name is not a document */
  g_autofree char *odt_dir = g_build_filename (dir, "x.odt", NULL);
  g_autofree char *x = g_build_filename (dir, "x.ods", NULL);
  ck_assert_int_eq (g_mkdir (odt_dir, 0700), 0);
  g_autofree char *found = fc_narrative_doc_find_beside (x);
  ck_assert_ptr_null (found);
  const char *names[] = { "部门 决算.TXT", "其他.docx", "部门 决算.docx", NULL };
  for (const char **n = names; *n; n++)
    {
      g_autofree char *p = g_build_filename (dir, *n, NULL);
      g_unlink (p);
    }
  g_rmdir (odt_dir);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_pair)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *a = g_build_filename (dir, "a.xlsx", NULL);
  g_autofree char *a_doc = g_build_filename (dir, "a.docx", NULL);
  g_autofree char *b = g_build_filename (dir, "b.xls", NULL);
  g_autofree char *b_txt = g_build_filename (dir, "b.txt", NULL);
  g_autofree char *c = g_build_filename (dir, "c.ods", NULL);
  g_autofree char *lone = g_build_filename (dir, "lone.odt", NULL);
  touch (dir, "b.txt"); /* beside b.xls on disk, not given */
  const char *inputs[] = { a, a_doc, b, c, lone, NULL };
  FcCliInputRole roles[5];
  char *narratives[6] = { NULL };

  /* by name among the inputs, else beside on disk */
  fc_cli_narrative_pair (inputs, NULL, TRUE, roles, narratives);
  ck_assert_int_eq (roles[0], FC_CLI_INPUT_WORKBOOK);
  ck_assert_int_eq (roles[1], FC_CLI_INPUT_NARRATIVE_PAIRED);
  ck_assert_int_eq (roles[2], FC_CLI_INPUT_WORKBOOK);
  ck_assert_int_eq (roles[3], FC_CLI_INPUT_WORKBOOK);
  ck_assert_int_eq (roles[4], FC_CLI_INPUT_NARRATIVE_ALONE);
  ck_assert_str_eq (narratives[0], a_doc);
  ck_assert_str_eq (narratives[2], b_txt);
  ck_assert_ptr_null (narratives[3]);
  ck_assert_ptr_null (narratives[1]);
  ck_assert_ptr_null (narratives[4]);
  for (guint i = 0; i < 5; i++)
    g_clear_pointer (&narratives[i], g_free);

  /* --no-narrative: none at all, a document given is left alone */
  fc_cli_narrative_pair (inputs, NULL, FALSE, roles, narratives);
  ck_assert_ptr_null (narratives[0]);
  ck_assert_ptr_null (narratives[2]);
  ck_assert_int_eq (roles[1], FC_CLI_INPUT_NARRATIVE_ALONE);

  /* the same file written another way (./, //) is the same narrative */
  g_autofree char *dotted = g_strconcat (dir, "/./a.docx", NULL);
  g_autofree char *doubled = g_strconcat (dir, "//b.txt", NULL);
  const char *other_ways[] = { a, dotted, b, doubled, NULL };
  fc_cli_narrative_pair (other_ways, NULL, TRUE, roles, narratives);
  touch (dir, "a.docx");
  for (guint i = 0; i < 4; i++)
    g_clear_pointer (&narratives[i], g_free);
  fc_cli_narrative_pair (other_ways, NULL, TRUE, roles, narratives);
  ck_assert_str_eq (narratives[0], a_doc);
  ck_assert_int_eq (roles[1], FC_CLI_INPUT_NARRATIVE_PAIRED);
  ck_assert_str_eq (narratives[2], b_txt);
  ck_assert_int_eq (roles[3], FC_CLI_INPUT_NARRATIVE_PAIRED);
  for (guint i = 0; i < 4; i++)
    g_clear_pointer (&narratives[i], g_free);
  g_unlink (a_doc);

  /* named: it goes with the workbook, and is no entry of its own */
  const char *one[] = { c, lone, NULL };
  fc_cli_narrative_pair (one, lone, TRUE, roles, narratives);
  ck_assert_str_eq (narratives[0], lone);
  ck_assert_int_eq (roles[1], FC_CLI_INPUT_NARRATIVE_PAIRED);
  g_clear_pointer (&narratives[0], g_free);
  g_unlink (b_txt);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_decode)
{
  const char *text = "一、收入支出决算总体情况说明\n2023年度收入总计618.10万元。";
  g_autoptr (GError) error = NULL;
  /* UTF-8, with and without BOM */
  g_autofree char *plain = fc_narrative_doc_decode (text, strlen (text), &error);
  ck_assert_str_eq (plain, text);
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  g_autofree char *no_bom = fc_narrative_doc_decode (bom, strlen (bom), &error);
  ck_assert_str_eq (no_bom, text);
  /* GB18030 ("ANSI" on Chinese Windows) */
  gsize len = 0;
  g_autofree char *gb = g_convert (text, -1, "GB18030", "UTF-8", NULL, &len, NULL);
  ck_assert_ptr_nonnull (gb);
  g_autofree char *from_gb = fc_narrative_doc_decode (gb, len, &error);
  ck_assert_str_eq (from_gb, text);
  /* UTF-16 with BOM, both orders */
  const char *orders[][2] = { { "UTF-16LE", "\xFF\xFE" }, { "UTF-16BE", "\xFE\xFF" } };
  for (gsize i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      gsize n = 0;
      g_autofree char *wide = g_convert (text, -1, orders[i][0], "UTF-8", NULL, &n, NULL);
      g_autoptr (GByteArray) bytes = g_byte_array_new ();
      g_byte_array_append (bytes, (const guint8 *) orders[i][1], 2);
      g_byte_array_append (bytes, (const guint8 *) wide, (guint) n);
      g_autofree char *back = fc_narrative_doc_decode ((const char *) bytes->data, bytes->len, &error);
      ck_assert_msg (back != NULL, "%s", orders[i][0]);
      ck_assert_str_eq (back, text);
    }
  /* UTF-8 with a stray byte (a © in cp1252), a NUL, a character cut at the
   * end: still UTF-8, repaired, never read as GB18030 */
  const char *damaged[] = { "\xA9 2023", "\0", "\xE5\x85" };
  for (gsize i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr (GString) bytes = g_string_new (text);
      g_string_append_len (bytes, damaged[i], (gssize) (i == 1 ? 1 : strlen (damaged[i])));
      g_autofree char *back = fc_narrative_doc_decode (bytes->str, bytes->len, &error);
      ck_assert_msg (back != NULL, "damage %zu", i);
      ck_assert_msg (g_str_has_prefix (back, text), "damage %zu read as %s", i, back);
      ck_assert (g_utf8_validate (back, -1, NULL));
    }
  /* GB18030 with a character cut at the end is still GB18030's */
  g_autofree char *cut = fc_narrative_doc_decode (gb, len - 1, &error);
  ck_assert_ptr_nonnull (cut);
  ck_assert (g_str_has_prefix (cut, "一、收入支出决算总体情况说明"));
  /* an odd number of UTF-16 bytes is none of them */
  g_autofree char *broken = fc_narrative_doc_decode ("\xFF\xFE\x41", 3, &error);
  ck_assert_ptr_null (broken);
  ck_assert (error != NULL && error->domain == G_CONVERT_ERROR);
}
END_TEST

START_TEST (test_staged_round_trip)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *wb = g_build_filename (dir, "0003.xlsx", NULL);
  g_autofree char *sidecar = fc_narrative_file_path (wb);
  g_autoptr (GError) error = NULL;
  ck_assert (g_str_has_suffix (sidecar, "/0003.narrative"));

  /* nothing staged: no narrative, no error */
  g_autoptr (FcNarrative) absent = fc_narrative_file_read (wb, &error);
  ck_assert_ptr_null (absent);
  ck_assert_ptr_null (error);

  /* text with lines, a key file's special characters and a NUL survive */
  const char text[] = "第一段 = [x] ; #1\n\n第二段\\n不是换行\0第三段";
  ck_assert (fc_narrative_file_write (wb, "说明 2023.docx", text, sizeof text - 1, NULL, &error));
  g_autoptr (FcNarrative) n = fc_narrative_file_read (wb, &error);
  ck_assert_msg (n != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (fc_narrative_get_document (n), "说明 2023.docx");
  ck_assert_ptr_null (fc_narrative_get_unreadable (n));
  ck_assert_uint_ge (fc_narrative_get_n_paragraphs (n), 2);
  ck_assert_str_eq (fc_narrative_get_paragraph (n, 0)->text, "第一段 = [x] ; #1");
  gboolean second = FALSE;
  for (guint i = 1; i < fc_narrative_get_n_paragraphs (n); i++)
    second |= g_str_has_prefix (fc_narrative_get_paragraph (n, i)->text, "第二段\\n不是换行");
  ck_assert (second);
  gboolean third = FALSE;
  for (guint i = 1; i < fc_narrative_get_n_paragraphs (n); i++)
    third |= strstr (fc_narrative_get_paragraph (n, i)->text, "第三段") != NULL;
  ck_assert_msg (third, "the text after the NUL is kept");

  /* a document without text is said to be empty, not taken for a narrative */
  ck_assert (fc_narrative_file_write (wb, "空.docx", " \n\r\n\t", -1, NULL, &error));
  g_autoptr (FcNarrative) empty = fc_narrative_file_read (wb, &error);
  ck_assert_ptr_nonnull (empty);
  ck_assert_ptr_nonnull (fc_narrative_get_unreadable (empty));
  ck_assert_ptr_nonnull (strstr (fc_narrative_get_unreadable (empty), "empty"));

  /* a name that is not UTF-8 (a file name in GBK) still names the document */
  ck_assert (fc_narrative_file_write (wb, "\xcb\xb5\xc3\xf7.docx", "x", -1, NULL, &error));
  g_autoptr (FcNarrative) named = fc_narrative_file_read (wb, &error);
  ck_assert_ptr_nonnull (named);
  ck_assert (g_str_has_suffix (fc_narrative_get_document (named), ".docx"));
  ck_assert (g_utf8_validate (fc_narrative_get_document (named), -1, NULL));

  /* why it could not be read */
  ck_assert (fc_narrative_file_write (wb, "坏.docx", NULL, 0, "无法打开 / could not open", &error));
  g_autoptr (FcNarrative) bad = fc_narrative_file_read (wb, &error);
  ck_assert_ptr_nonnull (bad);
  ck_assert_str_eq (fc_narrative_get_document (bad), "坏.docx");
  ck_assert_str_eq (fc_narrative_get_unreadable (bad), "无法打开 / could not open");
  ck_assert_uint_eq (fc_narrative_get_n_paragraphs (bad), 0);

  /* a broken key file is an error, not a narrative */
  ck_assert (g_file_set_contents (sidecar, "[narrative]\ndocument=x\n", -1, NULL));
  g_autoptr (FcNarrative) broken = fc_narrative_file_read (wb, &error);
  ck_assert_ptr_null (broken);
  ck_assert_ptr_nonnull (error);
  g_unlink (sidecar);
  g_rmdir (dir);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("narrative-file");
  TCase *tc = tcase_create ("narrative-file");
  tcase_add_test (tc, test_kinds);
  tcase_add_test (tc, test_same_stem);
  tcase_add_test (tc, test_find_beside);
  tcase_add_test (tc, test_pair);
  tcase_add_test (tc, test_decode);
  tcase_add_test (tc, test_staged_round_trip);
  suite_add_tcase (s, tc);
  SRunner *sr = srunner_create (s);
  srunner_run_all (sr, CK_NORMAL);
  int failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? 0 : 1;
}
