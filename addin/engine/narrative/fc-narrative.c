/* fc-narrative.c — narrative text: paragraphs from documents and sheets. */
#include "fc-narrative.h"

#include <string.h>

#include "fc-table.h"

/* The longest paragraph kept; a cell beyond it is cut (at a character). */
#define FC_NARRATIVE_MAX_PARAGRAPH (1u << 20)

struct _FcNarrative {
  char *document;
  GPtrArray *paragraphs; /* of FcParagraph*, owned */
  char *unreadable;      /* why the document could not be read, or NULL */
};

static void
paragraph_free (FcParagraph *p)
{
  g_free (p->text);
  g_free (p->sheet);
  g_free (p);
}

FcNarrative *
fc_narrative_new (const char *document)
{
  FcNarrative *n = g_new0 (FcNarrative, 1);
  n->document = g_strdup (document != NULL ? document : "");
  n->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  return n;
}

void
fc_narrative_free (FcNarrative *narrative)
{
  if (narrative == NULL)
    return;
  g_free (narrative->document);
  g_free (narrative->unreadable);
  g_ptr_array_unref (narrative->paragraphs);
  g_free (narrative);
}

/* Valid UTF-8 without NULs, of at most FC_NARRATIVE_MAX_PARAGRAPH bytes
 * (transfer full). */
static char *
repaired (const char *text, gssize length)
{
  if (text == NULL)
    return g_strdup ("");
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  len = MIN (len, FC_NARRATIVE_MAX_PARAGRAPH);
  g_autoptr (GString) bytes = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    if (text[i] != '\0')
      g_string_append_c (bytes, text[i]);
  char *valid = g_utf8_make_valid (bytes->str, (gssize) bytes->len);
  if (strlen (valid) > FC_NARRATIVE_MAX_PARAGRAPH)
    {
      /* repairs grow the text: cut it back at a character */
      char *cut = g_utf8_find_prev_char (valid, valid + FC_NARRATIVE_MAX_PARAGRAPH);
      if (cut != NULL)
        *cut = '\0';
    }
  return valid;
}

FcNarrative *
fc_narrative_new_unreadable (const char *document, const char *reason)
{
  FcNarrative *n = fc_narrative_new (document);
  n->unreadable = repaired (reason != NULL && *reason != '\0' ? reason : "?", -1);
  return n;
}

const char *
fc_narrative_get_unreadable (const FcNarrative *narrative)
{
  return narrative->unreadable;
}

static void
append (FcNarrative *n, char *text, const char *sheet, guint row, guint col)
{
  FcParagraph *p = g_new0 (FcParagraph, 1);
  p->text = text;
  p->sheet = g_strdup (sheet);
  p->row = row;
  p->col = col;
  g_ptr_array_add (n->paragraphs, p);
}

void
fc_narrative_append (FcNarrative *narrative, const char *text, gssize length)
{
  g_return_if_fail (narrative != NULL);
  append (narrative, repaired (text, length), NULL, 0, 0);
}

void
fc_narrative_append_cell (FcNarrative *narrative, const char *text, const char *sheet,
                          guint row, guint col)
{
  g_return_if_fail (narrative != NULL);
  append (narrative, repaired (text, -1), sheet != NULL ? sheet : "", row, col);
}

FcNarrative *
fc_narrative_new_from_paragraphs (const char *const *paragraphs, const char *document)
{
  FcNarrative *n = fc_narrative_new (document);
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    fc_narrative_append (n, paragraphs[i], -1);
  return n;
}

FcNarrative *
fc_narrative_new_from_text (const char *data, gssize length, const char *document)
{
  FcNarrative *n = fc_narrative_new (document);
  if (data == NULL)
    return n;
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  const char *end = data + len;
  for (const char *p = data; p < end;)
    {
      const char *eol = p;
      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      fc_narrative_append (n, p, eol - p);
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }
  return n;
}

guint
fc_narrative_get_n_paragraphs (const FcNarrative *narrative)
{
  return narrative != NULL ? narrative->paragraphs->len : 0;
}

const FcParagraph *
fc_narrative_get_paragraph (const FcNarrative *narrative, guint index)
{
  if (narrative == NULL || index >= narrative->paragraphs->len)
    return NULL;
  return g_ptr_array_index (narrative->paragraphs, index);
}

const char *
fc_narrative_get_document (const FcNarrative *narrative)
{
  return narrative->document;
}

/* ---- enumerations ------------------------------------------------------ */

static const char *const chinese_digits[] = { "一", "二", "三", "四", "五", "六", "七", "八",
                                              "九", "十", "百", "零", "〇", "两", NULL };

/* Skips Chinese numerals at s; returns where they end (s when none). */
static const char *
skip_chinese_number (const char *s)
{
  for (gboolean more = TRUE; more;)
    {
      more = FALSE;
      for (guint i = 0; chinese_digits[i] != NULL; i++)
        if (g_str_has_prefix (s, chinese_digits[i]))
          {
            s += strlen (chinese_digits[i]);
            more = TRUE;
            break;
          }
    }
  return s;
}

static const char *
skip_digits (const char *s)
{
  while (g_ascii_isdigit (*s))
    s++;
  return s;
}

FcEnumeration
fc_narrative_enumeration (const char *folded, const char **rest)
{
  const char *s = folded;
  *rest = folded;
  if (g_str_has_prefix (s, "第"))
    {
      const char *n = skip_chinese_number (s + strlen ("第"));
      if (n == s + strlen ("第"))
        n = skip_digits (n);
      if (n != s + strlen ("第") && g_str_has_prefix (n, "部分"))
        {
          *rest = n + strlen ("部分");
          return FC_ENUMERATION_PART;
        }
      return FC_ENUMERATION_NONE;
    }
  if (*s == '(')
    {
      const char *n = skip_chinese_number (s + 1);
      FcEnumeration kind = FC_ENUMERATION_SUBSECTION;
      if (n == s + 1)
        {
          n = skip_digits (s + 1);
          kind = FC_ENUMERATION_ITEM;
        }
      if (n != s + 1 && *n == ')')
        {
          *rest = n + 1;
          return kind;
        }
      return FC_ENUMERATION_NONE;
    }
  const char *n = skip_chinese_number (s);
  if (n != s)
    {
      if (g_str_has_prefix (n, "、"))
        {
          *rest = n + strlen ("、");
          return FC_ENUMERATION_SECTION;
        }
      return FC_ENUMERATION_NONE;
    }
  n = skip_digits (s);
  if (n != s && n - s <= 3)
    {
      if (g_str_has_prefix (n, "、"))
        *rest = n + strlen ("、");
      else if ((*n == '.' && !g_ascii_isdigit (n[1])) || *n == ')')
        *rest = n + 1;
      else
        return FC_ENUMERATION_NONE;
      return FC_ENUMERATION_ITEM;
    }
  return FC_ENUMERATION_NONE;
}

/* ---- in a workbook ----------------------------------------------------- */

/* Whether a cell's text is a heading that says "the narrative is here": a
 * 第N部分 情况说明, or a section heading the vocabulary lists. */
static gboolean
is_narrative_marker (const char *text, const FcVocabulary *v)
{
  if (strlen (text) > 300)
    return FALSE;
  g_autofree char *folded = fc_vocabulary_fold (text, -1, NULL);
  g_autofree char *trimmed = g_strdup (folded);
  if (g_str_has_suffix (trimmed, "。"))
    trimmed[strlen (trimmed) - strlen ("。")] = '\0';
  const char *rest;
  FcEnumeration e = fc_narrative_enumeration (trimmed, &rest);
  if (e == FC_ENUMERATION_PART)
    return fc_vocabulary_contains_any (rest, v->narrative_parts);
  return e != FC_ENUMERATION_ITEM && fc_vocabulary_ends_with_any (rest, v->sheet_markers);
}

/* The last character of each marker: a cell without any of them is no
 * marker, which saves folding every cell of a large sheet. */
static GPtrArray *
marker_tails (const FcVocabulary *v)
{
  GPtrArray *tails = g_ptr_array_new_with_free_func (g_free);
  GStrv lists[] = { v->sheet_markers, v->narrative_parts };
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      {
        const char *m = lists[l][i];
        const char *last = g_utf8_find_prev_char (m, m + strlen (m));
        if (last != NULL)
          g_ptr_array_add (tails, g_strdup (last));
      }
  return tails;
}

/* Rows of the sheet that a table covers (above the narrative's first
 * marker row, a table ends there). */
static gboolean
row_in_table (GPtrArray *tables, const FcSheet *sheet, guint row, guint first_marker)
{
  for (guint i = 0; tables != NULL && i < tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (tables, i);
      if (t->sheet != sheet)
        continue;
      guint last = t->last_row;
      if (t->first_row < first_marker && last >= first_marker)
        last = first_marker - 1;
      if (row >= t->first_row && row <= last)
        return TRUE;
    }
  return FALSE;
}

GArray *
fc_text_cells_new (const FcWorkbook *workbook)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (FcTextCell));
  for (guint s = 0; workbook != NULL && s < fc_workbook_get_n_sheets (workbook); s++)
    {
      const FcSheet *sheet = fc_workbook_get_sheet (workbook, s);
      guint nrows = fc_sheet_get_n_rows (sheet), ncols = fc_sheet_get_n_cols (sheet);
      for (guint r = 0; r < nrows; r++)
        for (guint c = 0; c < ncols; c++)
          {
            const FcCell *cell = fc_sheet_get_cell (sheet, r, c);
            if (cell->kind == FC_CELL_TEXT && *cell->text != '\0')
              {
                FcTextCell t = { sheet, r, c, cell->text };
                g_array_append_val (cells, t);
              }
          }
    }
  return cells;
}

FcNarrative *
fc_narrative_from_text_cells (GArray *cells, const FcVocabulary *vocabulary, GPtrArray *tables)
{
  if (cells == NULL || vocabulary == NULL)
    return NULL;
  g_autoptr (GPtrArray) tails = marker_tails (vocabulary);
  FcNarrative *n = NULL;
  for (guint start = 0, end; start < cells->len; start = end)
    {
      const FcSheet *sheet = g_array_index (cells, FcTextCell, start).sheet;
      for (end = start; end < cells->len && g_array_index (cells, FcTextCell, end).sheet == sheet; end++)
        ;
      guint first_marker = G_MAXUINT;
      for (guint i = start; i < end && first_marker == G_MAXUINT; i++)
        {
          const FcTextCell *t = &g_array_index (cells, FcTextCell, i);
          gboolean maybe = FALSE;
          for (guint k = 0; k < tails->len && !maybe; k++)
            maybe = strstr (t->text, g_ptr_array_index (tails, k)) != NULL;
          if (maybe && is_narrative_marker (t->text, vocabulary))
            first_marker = t->row;
        }
      if (first_marker == G_MAXUINT)
        continue;
      if (n == NULL)
        n = fc_narrative_new (NULL);
      for (guint i = start; i < end; i++)
        {
          const FcTextCell *t = &g_array_index (cells, FcTextCell, i);
          if (!row_in_table (tables, sheet, t->row, first_marker))
            fc_narrative_append_cell (n, t->text, fc_sheet_get_name (sheet), t->row, t->col);
        }
    }
  return n;
}

FcNarrative *
fc_narrative_from_workbook (const FcWorkbook *workbook, const FcVocabulary *vocabulary,
                            GPtrArray *tables)
{
  if (workbook == NULL || vocabulary == NULL)
    return NULL;
  g_autoptr (GArray) cells = fc_text_cells_new (workbook);
  return fc_narrative_from_text_cells (cells, vocabulary, tables);
}
