/* fc-pdf-split.c — pages into tables and narrative (see fc-pdf-split.h). */
#include "fc-pdf-split.h"

#include <string.h>

#include "fc-pdf-grid.h"

/* a text this × the unit's height lower than the unit is not on its line */
#define FC_PDF_SPLIT_BELOW 0.3

typedef enum { IN_TEXT, IN_TABLE, IN_NOTES } State;

static void
table_free (FcPdfTable *table)
{
  g_free (table->title);
  g_free (table->number);
  g_free (table->unit);
  g_ptr_array_unref (table->segments);
  g_ptr_array_unref (table->notes);
  g_ptr_array_unref (table->head);
  g_free (table);
}

void
fc_pdf_split_free (FcPdfSplit *split)
{
  if (split == NULL)
    return;
  g_ptr_array_unref (split->tables);
  g_ptr_array_unref (split->narrative);
  g_ptr_array_unref (split->parts);
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

/* Whether line i is the first on the page but for page numbers. */
static gboolean
first_line_of (const FcPdfPage *page, guint i)
{
  for (guint k = 0; k < i; k++)
    if (!is_page_number (page, page->lines->pdata[k]))
      return FALSE;
  return TRUE;
}

/* Whether the page starts with table's title again, whole or cut at the
 * page's edge: a sheet Calc printed over several pages, sideways. */
static gboolean
starts_with_title (const FcPdfPage *page, const FcPdfTable *table)
{
  for (guint i = 0; i < page->lines->len && table != NULL; i++)
    {
      const FcPdfLine *line = page->lines->pdata[i];
      g_autofree char *text = NULL;

      if (is_page_number (page, line))
        continue;
      text = fc_pdf_line_text (line);
      return g_utf8_strlen (text, -1) >= 3 && strstr (table->title, text) != NULL
             && !fc_pdf_line_is_unit (line) && (i + 1 >= page->lines->len
                                                || !fc_pdf_line_is_unit (page->lines->pdata[i + 1]));
    }
  return FALSE;
}

/* Whether the page goes on with table: one of its first lines is printed
 * in columns (a paragraph of text is one run a line), or it starts with
 * the table's title again. */
static gboolean
continues_table (const FcPdfPage *page, const FcPdfTable *table)
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
      if (seen == 1 && starts_with_title (page, table))
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
  table->head = g_ptr_array_new ();
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

/* A line of some of line's fragments (which it borrows), kept by split. */
static FcPdfLine *
part_of (FcPdfSplit *split, const FcPdfLine *line, GPtrArray *fragments)
{
  FcPdfLine *part = g_new0 (FcPdfLine, 1);

  part->fragments = fragments;
  part->page = line->page;
  part->y0 = G_MAXDOUBLE, part->y1 = -G_MAXDOUBLE;
  for (guint k = 0; k < fragments->len; k++)
    {
      const FcPdfFragment *f = fragments->pdata[k];
      part->y0 = MIN (part->y0, f->y0), part->y1 = MAX (part->y1, f->y1);
    }
  g_ptr_array_add (split->parts, part);
  return part;
}

/* The unit line's other texts: those on its baseline (部门名称, 年度:
 * *beside) and those printed lower — a heading of the table below that
 * rises into the unit's line (Calc centres a wrapped heading on its row:
 * with a CJK font 经济分类科目 / 编码 runs half a line above the row), to be
 * read with the table (*below).  NULL where there is none (transfer
 * none: kept by split). */
static void
split_unit_line (FcPdfSplit *split, const FcPdfLine *line, FcPdfLine **beside, FcPdfLine **below)
{
  const FcPdfFragment *unit = unit_fragment (line);
  double mid = (unit->y0 + unit->y1) / 2, h = unit->y1 - unit->y0;
  GPtrArray *same = g_ptr_array_new (), *lower = g_ptr_array_new ();

  for (guint k = 0; k < line->fragments->len; k++)
    {
      FcPdfFragment *f = line->fragments->pdata[k];
      if (f != unit)
        g_ptr_array_add ((f->y0 + f->y1) / 2 - mid > FC_PDF_SPLIT_BELOW * h ? lower : same, f);
    }
  *beside = same->len > 0 ? part_of (split, line, same) : (g_ptr_array_unref (same), NULL);
  *below = lower->len > 0 ? part_of (split, line, lower) : (g_ptr_array_unref (lower), NULL);
}

typedef enum { ROLE_NONE, ROLE_NUMBER, ROLE_TITLE, ROLE_META, ROLE_UNIT } Role;

/* Whether the line holds table data: an amount, or several cells. */
static gboolean
is_data (const FcPdfLine *line)
{
  for (guint k = 0; k < line->fragments->len; k++)
    if (fc_pdf_text_is_number (((FcPdfFragment *) line->fragments->pdata[k])->text))
      return TRUE;
  return line->fragments->len > 2;
}

/* Marks each table's head on the page: its title (the nearest line above
 * its unit line naming a 表, a few lines of 表号, 部门名称 and 年度
 * between), those lines, the unit line, a 表号 above the title; a
 * self-evaluation's title alone.  roles has one entry a line. */
static void
find_heads (const FcPdfPage *page, Role *roles)
{
  GPtrArray *lines = page->lines;

  for (guint u = 0; u < lines->len; u++)
    {
      int t = -1;

      if (!fc_pdf_line_is_unit (lines->pdata[u]) || roles[u] != ROLE_NONE)
        continue;
      for (guint k = u; k > 0 && u - k < 5 && t < 0; k--)
        {
          const FcPdfLine *above = lines->pdata[k - 1];
          g_autofree char *text = fc_pdf_line_text (above);

          if (roles[k - 1] != ROLE_NONE || is_data (above) || is_note (text))
            break;
          if (strstr (text, "表") != NULL && !is_table_number (text))
            t = (int) k - 1;
        }
      if (t < 0)
        {
          g_autofree char *own = text_without_unit (lines->pdata[u]);
          if (strstr (own, "表") == NULL)
            continue; /* a unit without a title: part of a table or text */
          roles[u] = ROLE_TITLE; /* title and unit on one line */
          continue;
        }
      roles[t] = ROLE_TITLE;
      for (guint k = (guint) t + 1; k < u; k++)
        roles[k] = ROLE_META;
      roles[u] = ROLE_UNIT;
      if (t > 0 && roles[t - 1] == ROLE_NONE)
        {
          g_autofree char *above = fc_pdf_line_text (lines->pdata[t - 1]);
          if (is_table_number (above))
            roles[t - 1] = ROLE_NUMBER;
        }
    }
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *text = fc_pdf_line_text (lines->pdata[i]);
      if (roles[i] == ROLE_NONE && is_selfeval_title (text))
        roles[i] = ROLE_TITLE;
    }
}

FcPdfSplit *
fc_pdf_split (GPtrArray *pages)
{
  FcPdfSplit *split = g_new0 (FcPdfSplit, 1);
  State state = IN_TEXT;
  FcPdfTable *table = NULL;

  split->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  split->narrative = g_ptr_array_new ();
  split->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_line_free);
  for (guint p = 0; p < pages->len; p++)
    {
      const FcPdfPage *page = pages->pdata[p];
      GPtrArray *lines = page->lines;
      g_autofree Role *roles = g_new0 (Role, lines->len + 1);
      const FcPdfLine *number = NULL;

      find_heads (page, roles);
      if (state == IN_NOTES)
        state = starts_with_title (page, table) ? IN_TABLE : IN_TEXT; /* notes end with their page */
      else if (state == IN_TABLE && !continues_table (page, table))
        state = IN_TEXT;
      for (guint i = 0; i < lines->len; i++)
        {
          const FcPdfLine *line = lines->pdata[i];
          g_autofree char *text = fc_pdf_line_text (line);

          if (is_page_number (page, line))
            continue;
          switch (roles[i])
            {
            case ROLE_NUMBER:
              number = line;
              continue;
            case ROLE_TITLE:
              if (table != NULL && !fc_pdf_line_is_unit (line) && strcmp (text, table->title) == 0
                  && first_line_of (page, i))
                {
                  state = IN_TABLE; /* the same title atop the next page: it goes on */
                  continue;
                }
              table = table_new (fc_pdf_line_is_unit (line) ? text_without_unit (line)
                                                            : g_strdup (text),
                                 number, fc_pdf_line_is_unit (line) ? line : NULL, page->number);
              g_ptr_array_add (split->tables, table);
              number = NULL;
              state = IN_TABLE;
              continue;
            case ROLE_META:
              g_ptr_array_add (table->head, (gpointer) line);
              continue;
            case ROLE_UNIT:
              {
                FcPdfLine *beside = NULL, *below = NULL;

                g_free (table->unit);
                table->unit = g_strdup (unit_fragment (line)->text);
                split_unit_line (split, line, &beside, &below);
                /* what else the unit line says (部门名称, 年度) is the table's too */
                if (beside != NULL)
                  g_ptr_array_add (table->head, beside);
                if (below != NULL)
                  g_ptr_array_add (segment (table, page->number), below);
              }
              continue;
            case ROLE_NONE:
            default:
              break;
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
      if (number != NULL)
        g_ptr_array_add (split->narrative, (gpointer) number);
    }
  return split;
}
