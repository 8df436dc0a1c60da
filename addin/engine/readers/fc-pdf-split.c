/* fc-pdf-split.c — pages into tables and narrative (see fc-pdf-split.h). */
#include "fc-pdf-split.h"

#include <string.h>

#include "fc-pdf-grid.h"

typedef enum { IN_TEXT, IN_TABLE, IN_NOTES } State;

static void
table_free (FcPdfTable *table)
{
  g_free (table->title);
  g_free (table->number);
  g_free (table->unit);
  g_ptr_array_unref (table->segments);
  g_ptr_array_unref (table->notes);
  g_free (table);
}

void
fc_pdf_split_free (FcPdfSplit *split)
{
  if (split == NULL)
    return;
  g_ptr_array_unref (split->tables);
  g_ptr_array_unref (split->narrative);
  g_free (split);
}

/* The fragment of the line that states the unit, or NULL. */
static const FcPdfFragment *
unit_fragment (const FcPdfLine *line)
{
  for (guint k = 0; k < line->fragments->len; k++)
    {
      const FcPdfFragment *f = line->fragments->pdata[k];
      const char *u = strstr (f->text, "单位");

      if (u != NULL && (strstr (u, "元") != NULL) && g_utf8_strlen (f->text, -1) <= 16
          && (strstr (u, "：") != NULL || strchr (u, ':') != NULL))
        return f;
    }
  return NULL;
}

gboolean
fc_pdf_line_is_unit (const FcPdfLine *line)
{
  return unit_fragment (line) != NULL;
}

/* The line's text without its unit fragment (transfer full). */
static char *
text_without_unit (const FcPdfLine *line)
{
  const FcPdfFragment *unit = unit_fragment (line);
  char *text = g_strdup ("");

  for (guint k = 0; k < line->fragments->len; k++)
    if (line->fragments->pdata[k] != unit)
      {
        char *next = fc_pdf_text_join (text, ((FcPdfFragment *) line->fragments->pdata[k])->text);
        g_free (text);
        text = next;
      }
  return text;
}

static gboolean
is_table_number (const char *text)
{
  g_autofree char *squeezed = g_strdup (text);
  char *w = squeezed;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      *w++ = *p;
  *w = '\0';
  return g_utf8_strlen (squeezed, -1) <= 8
         && (g_str_has_prefix (squeezed, "公开") || g_str_has_prefix (squeezed, "附表")
             || g_str_has_prefix (squeezed, "表"))
         && g_str_has_suffix (squeezed, "表") == g_str_has_prefix (squeezed, "公开");
}

/* A self-evaluation's title: a line of its own ending in 自评表. */
static gboolean
is_selfeval_title (const char *text)
{
  return g_utf8_strlen (text, -1) <= 40 && strstr (text, "自评表") != NULL
         && !fc_pdf_text_starts_item (text);
}

static gboolean
is_note (const char *text)
{
  return g_str_has_prefix (text, "注：") || g_str_has_prefix (text, "注:")
         || g_str_has_prefix (text, "说明：") || g_str_has_prefix (text, "说明:")
         || g_str_has_prefix (text, "备注：") || g_str_has_prefix (text, "注 ：");
}

/* Page numbers: a number alone (- 5 -, 第5页) near the top or bottom. */
static gboolean
is_page_number (const FcPdfPage *page, const FcPdfLine *line)
{
  g_autofree char *text = fc_pdf_line_text (line);
  const char *p = text;
  gboolean digits = FALSE;

  if (line->y0 < page->height * 0.9 && line->y1 > page->height * 0.08)
    return FALSE;
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (!(c == '-' || c == ' ' || c == 0x2014 || c == 0x2013 || c == 0x2212
                 || c == 0x7b2c /* 第 */ || c == 0x9875 /* 页 */ || c == '/' || c == 0x5171
                 || c == 0xff0d))
        return FALSE;
    }
  return digits;
}

/* Whether the page goes on with a table: one of its first lines is
 * printed in columns (a paragraph of text is one run a line). */
static gboolean
continues_table (const FcPdfPage *page)
{
  guint seen = 0;

  for (guint i = 0; i < page->lines->len && seen < 3; i++)
    {
      const FcPdfLine *line = page->lines->pdata[i];

      if (is_page_number (page, line))
        continue;
      seen++;
      if (line->fragments->len >= 2 || fc_pdf_line_is_unit (line))
        return TRUE;
    }
  return FALSE;
}

static FcPdfTable *
table_new (char *title, const FcPdfLine *number, const FcPdfLine *unit, guint page)
{
  FcPdfTable *table = g_new0 (FcPdfTable, 1);

  table->title = title;
  table->number = number != NULL ? fc_pdf_line_text (number) : NULL;
  table->unit = unit != NULL ? g_strdup (unit_fragment (unit)->text) : NULL;
  table->page = page;
  table->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->notes = g_ptr_array_new ();
  return table;
}

/* The current page's segment of table (created on first use). */
static GPtrArray *
segment (FcPdfTable *table, guint page)
{
  GPtrArray *last = table->segments->len > 0
                    ? table->segments->pdata[table->segments->len - 1] : NULL;

  if (last == NULL || (last->len > 0 && ((FcPdfLine *) last->pdata[0])->page != page))
    {
      last = g_ptr_array_new ();
      g_ptr_array_add (table->segments, last);
    }
  return last;
}

FcPdfSplit *
fc_pdf_split (GPtrArray *pages)
{
  FcPdfSplit *split = g_new0 (FcPdfSplit, 1);
  State state = IN_TEXT;
  FcPdfTable *table = NULL;

  split->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  split->narrative = g_ptr_array_new ();
  for (guint p = 0; p < pages->len; p++)
    {
      const FcPdfPage *page = pages->pdata[p];
      GPtrArray *lines = page->lines;

      if (state == IN_NOTES)
        state = IN_TEXT; /* notes end with their page */
      if (state == IN_TABLE && !continues_table (page))
        state = IN_TEXT;
      for (guint i = 0; i < lines->len; i++)
        {
          const FcPdfLine *line = lines->pdata[i];
          const FcPdfLine *next = i + 1 < lines->len ? lines->pdata[i + 1] : NULL;
          g_autofree char *text = fc_pdf_line_text (line);
          const FcPdfLine *number = NULL;
          char *title = NULL;

          if (is_page_number (page, line))
            continue;
          /* a title: above a unit line, or on it, or a self-evaluation's */
          if (next != NULL && fc_pdf_line_is_unit (next) && !fc_pdf_line_is_unit (line)
              && strstr (text, "表") != NULL && !is_note (text))
            title = g_strdup (text);
          else if (fc_pdf_line_is_unit (line) && (state != IN_TABLE || table == NULL))
            {
              title = text_without_unit (line);
              if (strstr (title, "表") == NULL)
                g_clear_pointer (&title, g_free);
              else
                next = line;
            }
          else if (is_selfeval_title (text) && state != IN_TABLE)
            next = NULL, title = g_strdup (text);
          if (title != NULL)
            {
              /* its 表号 line just above went to the previous part: take it back */
              GPtrArray *prev = split->narrative;
              if (i > 0 && state == IN_TEXT && prev->len > 0 && prev->pdata[prev->len - 1] == lines->pdata[i - 1])
                {
                  g_autofree char *above = fc_pdf_line_text (lines->pdata[i - 1]);
                  if (is_table_number (above))
                    number = g_ptr_array_steal_index (prev, prev->len - 1);
                }
              table = table_new (title, number, next != NULL && fc_pdf_line_is_unit (next) ? next : NULL,
                                 page->number);
              g_ptr_array_add (split->tables, table);
              state = IN_TABLE;
              if (next != NULL && fc_pdf_line_is_unit (next) && next != line)
                i++;
              continue;
            }
          if (state == IN_TABLE && is_table_number (text) && next != NULL)
            {
              /* a 表号 on its own line: the next table's */
              if (i + 2 < lines->len && fc_pdf_line_is_unit (lines->pdata[i + 2]))
                {
                  state = IN_TEXT;
                  g_ptr_array_add (split->narrative, (gpointer) line);
                  continue;
                }
            }
          if (state == IN_TABLE && is_note (text))
            state = IN_NOTES;
          else if (state == IN_NOTES && (fc_pdf_text_starts_item (text) || is_table_number (text)))
            state = IN_TEXT;
          if (state == IN_TABLE)
            g_ptr_array_add (segment (table, page->number), (gpointer) line);
          else if (state == IN_NOTES)
            g_ptr_array_add (table->notes, (gpointer) line);
          else
            g_ptr_array_add (split->narrative, (gpointer) line);
        }
    }
  return split;
}
