/* fc-narrative-wording.c — the N rules on the wording of the text rather
 * than its figures: the year and the department it names against the
 * tables', template text left in it, and 科目 names the tables do not use.
 */
#include "fc-text-facts-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-table.h"

/* ---- year, department, residue ------------------------------------------ */

/* The year the package is for: the tables', else the one the narrative
 * names most (0 when none). */
static int
package_year (const FcTextCheck *k, gboolean *from_tables)
{
  *from_tables = FALSE;
  for (guint i = 0; k->x->tables != NULL && i < k->x->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (k->x->tables, i);
      if (t->year != NULL)
        {
          *from_tables = TRUE;
          return atoi (t->year);
        }
    }
  g_autoptr (GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  int best = 0;
  guint best_count = 0;
  for (guint p = 0; p < fc_narrative_get_n_paragraphs (k->x->narrative); p++)
    {
      g_autofree char *f = fc_vocabulary_fold (fc_narrative_get_paragraph (k->x->narrative, p)->text, -1, NULL);
      for (const char *s = strstr (f, "年度"); s != NULL; s = strstr (s + 1, "年度"))
        if (s - f >= 4 && g_ascii_isdigit (s[-1]) && g_ascii_isdigit (s[-4])
            && (s - f == 4 || !g_ascii_isdigit (s[-5])))
          {
            int y = atoi (s - 4);
            guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (y))) + 1;
            g_hash_table_insert (counts, GINT_TO_POINTER (y), GUINT_TO_POINTER (n));
            if (n > best_count)
              best = y, best_count = n;
          }
    }
  return best;
}

/* The clause of folded text around [start, end), mapped back: for quotes
 * (transfer full). */
static char *
clause_around (const char *text, gsize start, gsize end)
{
  static const char *const stops[] = { "，", "；", "。", ",", ";", "：", ":", NULL };
  gsize s = start, e = end, len = strlen (text);
  while (s > 0)
    {
      const char *prev = g_utf8_find_prev_char (text, text + s);
      gboolean stop = FALSE;
      for (guint i = 0; stops[i] != NULL && !stop; i++)
        stop = g_str_has_prefix (prev, stops[i]);
      if (stop || prev == NULL)
        break;
      s = (gsize) (prev - text);
    }
  while (e < len)
    {
      gboolean stop = FALSE;
      for (guint i = 0; stops[i] != NULL && !stop; i++)
        stop = g_str_has_prefix (text + e, stops[i]);
      if (stop)
        break;
      e = (gsize) (g_utf8_next_char (text + e) - text);
    }
  g_autofree char *raw = g_strndup (text + s, e - s);
  char *q = g_strstrip (g_strdup (raw));
  if (g_utf8_strlen (q, -1) > 80)
    {
      char *cut = g_utf8_offset_to_pointer (q, 80);
      *cut = '\0';
    }
  return q;
}

/* A figure stated for a year the package is not about (last year's may
 * be stated: 2022年度…545.61万元). */
void
fc_narrative_wording_year (FcTextCheck *k)
{
  gboolean from_tables;
  int year = package_year (k, &from_tables);
  if (year == 0)
    return;
  g_autoptr (GHashTable) said = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      if (cl->year == 0 || cl->year == year || cl->year == year - 1
          || !g_hash_table_add (said, GUINT_TO_POINTER (cl->sentence + 1)))
        continue;
      FcFinding *f = fc_text_finding_claim (k, k->rule->severity, cl, "");
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      g_autofree char *zh = g_strdup_printf ("“%s”写作%d年，%s为%d年度", q, cl->year,
                                             from_tables ? "各表" : "本文其余各处", year);
      g_autofree char *en = g_strdup_printf ("“%s” says %d; %s for %d", q, cl->year,
                                             from_tables ? "the tables are" : "the rest of the text is", year);
      fc_text_finding_file (k, f, zh, en);
    }
}

/* Levenshtein distance of two code point strings. */
static guint
distance (const gunichar *a, glong la, const gunichar *b, glong lb)
{
  g_autofree guint *row = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = (guint) i;
      for (glong j = 1; j <= lb; j++)
        {
          guint up = row[j];
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + (a[i - 1] != b[j - 1]));
          diag = up;
        }
    }
  return row[lb];
}

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalpha (c) && c >= 0x2E80; /* CJK, not punctuation or Latin */
}

/* The department's name: the tables' 部门名称, else the narrative's title
 * (“X 2024 年度部门决算”), folded (transfer full), or NULL. */
static char *
department_name (const FcTextCheck *k, gboolean *from_tables)
{
  *from_tables = FALSE;
  for (guint i = 0; k->x->tables != NULL && i < k->x->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (k->x->tables, i);
      if (t->department != NULL && *t->department != '\0')
        {
          char *name = fc_vocabulary_fold (t->department, -1, NULL);
          char *cut = strpbrk (name, "[(");
          if (cut != NULL && cut != name)
            *cut = '\0';
          *from_tables = TRUE;
          return name;
        }
    }
  guint n = MIN (fc_narrative_get_n_paragraphs (k->x->narrative), 5);
  for (guint p = 0; p < n; p++)
    {
      g_autofree char *f = fc_vocabulary_fold (fc_narrative_get_paragraph (k->x->narrative, p)->text, -1, NULL);
      const char *s = strstr (f, "年度部门决算");
      if (s != NULL && s - f > 4 + 6 && g_ascii_isdigit (s[-1]) && g_ascii_isdigit (s[-4]))
        return g_strndup (f, (gsize) (s - 4 - f));
    }
  return NULL;
}

void
fc_narrative_wording_department (FcTextCheck *k)
{
  gboolean from_tables;
  g_autofree char *name = department_name (k, &from_tables);
  glong n = name ? g_utf8_strlen (name, -1) : 0;
  if (n < 4)
    return;
  g_autofree gunichar *ref = g_utf8_to_ucs4_fast (name, -1, NULL);
  glong max_distance = MAX (2, n / 4);
  gunichar tail[3] = { ref[n - 3], ref[n - 2], ref[n - 1] };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint p = 0; p < fc_narrative_get_n_paragraphs (k->x->narrative); p++)
    {
      const char *text = fc_narrative_get_paragraph (k->x->narrative, p)->text;
      glong len;
      g_autofree char *f = fc_vocabulary_fold (text, -1, NULL);
      g_autofree gunichar *u = g_utf8_to_ucs4_fast (f, -1, &len);
      for (glong e = 3; e <= len; e++)
        {
          if (u[e - 3] != tail[0] || u[e - 2] != tail[1] || u[e - 1] != tail[2])
            continue;
          guint best = G_MAXUINT;
          glong best_start = -1;
          for (glong s = MAX (0, e - n - 4); s <= e - 3 && s <= e - n + 4; s++)
            {
              gboolean clean = TRUE;
              for (glong i = s; i < e && clean; i++)
                clean = is_name_char (u[i]);
              if (!clean)
                continue;
              guint d = distance (u + s, e - s, ref, n);
              if (d < best || (d == best && s < best_start))
                best = d, best_start = s;
            }
          if (best == 0 || best == G_MAXUINT || (glong) best > max_distance)
            continue;
          g_autofree char *variant = g_ucs4_to_utf8 (u + best_start, e - best_start, NULL, NULL, NULL);
          if (variant == NULL || !g_hash_table_add (seen, g_strdup (variant)))
            continue;
          FcFinding *fi = fc_text_finding_paragraph (k, p, variant);
          g_autofree char *zh = g_strdup_printf ("写作“%s”，%s为“%s”", variant,
                                                 from_tables ? "表中部门名称" : "本文标题", name);
          g_autofree char *en = g_strdup_printf ("“%s”, where %s says “%s”", variant,
                                                 from_tables ? "the tables' 部门名称" : "the title", name);
          fc_text_finding_file (k, fi, zh, en);
        }
    }
}

/* Where a residue word was left: its paragraph and the clause around it. */
typedef struct
{
  guint paragraph;
  char *quote;
} Residue;

static void
residue_clear (gpointer data)
{
  g_free (((Residue *) data)->quote);
}

/* A blank template leaves its placeholder in dozens of places: up to this
 * many are reported one by one, more as one finding that counts them. */
#define RESIDUE_EACH_UP_TO 3

/* A paragraph folded for matching, and where each folded byte came from. */
typedef struct
{
  char *text;
  GArray *offsets; /* of gsize */
} Folded;

static void
folded_clear (gpointer data)
{
  Folded *f = data;

  g_free (f->text);
  g_array_unref (f->offsets);
}

/* The places of word in the narrative, whose paragraphs folded are
 * folded, at most one per paragraph (transfer full). */
static GArray *
residue_places (FcTextCheck *k, const GArray *folded, const char *word)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Residue));
  gsize wl = strlen (word);
  gboolean latin = g_ascii_isalpha (word[0]);

  g_array_set_clear_func (places, residue_clear);
  for (guint p = 0; p < folded->len; p++)
    {
      const char *f = g_array_index (folded, Folded, p).text;
      const GArray *offsets = g_array_index (folded, Folded, p).offsets;

      for (const char *s = strstr (f, word); s != NULL; s = strstr (s + wl, word))
        {
          gsize at = (gsize) (s - f);
          Residue r = { p, NULL };

          if (latin && ((s > f && g_ascii_isalpha (s[-1])) || g_ascii_isalpha (s[wl])))
            continue; /* part of a longer Latin word */
          r.quote = clause_around (fc_narrative_get_paragraph (k->x->narrative, p)->text,
                                   g_array_index (offsets, gsize, at),
                                   g_array_index (offsets, gsize, at + wl));
          g_array_append_val (places, r);
          break;
        }
    }
  return places;
}

void
fc_narrative_wording_residue (FcTextCheck *k)
{
  GStrv words = k->x->v->residue;
  guint n = fc_narrative_get_n_paragraphs (k->x->narrative);
  g_autoptr (GArray) folded = g_array_sized_new (FALSE, FALSE, sizeof (Folded), n);

  /* each paragraph folded once, for every residue word */
  g_array_set_clear_func (folded, folded_clear);
  for (guint p = 0; p < n; p++)
    {
      Folded f = { NULL, g_array_new (FALSE, FALSE, sizeof (gsize)) };

      f.text = fc_vocabulary_fold (fc_narrative_get_paragraph (k->x->narrative, p)->text, -1,
                                   f.offsets);
      g_array_append_val (folded, f);
    }
  for (guint w = 0; words != NULL && words[w] != NULL; w++)
    {
      g_autoptr (GArray) places = residue_places (k, folded, words[w]);

      for (guint i = 0; i < places->len && places->len <= RESIDUE_EACH_UP_TO; i++)
        {
          const Residue *r = &g_array_index (places, Residue, i);
          FcFinding *fi = fc_text_finding_paragraph (k, r->paragraph, r->quote);
          g_autofree char *zh = g_strdup_printf ("“%s”中留有模板文字“%s”", r->quote, words[w]);
          g_autofree char *en = g_strdup_printf ("“%s” still holds the template's “%s”", r->quote,
                                                 words[w]);
          fc_text_finding_file (k, fi, zh, en);
        }
      if (places->len > RESIDUE_EACH_UP_TO)
        {
          const Residue *r = &g_array_index (places, Residue, 0);
          FcFinding *fi = fc_text_finding_paragraph (k, r->paragraph, r->quote);
          g_autofree char *zh = g_strdup_printf ("模板文字“%s”留在 %u 段中，第一处为“%s”",
                                                 words[w], places->len, r->quote);
          g_autofree char *en = g_strdup_printf ("the template's “%s” is left in %u paragraphs, "
                                                 "the first “%s”", words[w], places->len, r->quote);
          fc_text_finding_file (k, fi, zh, en);
        }
    }
  for (guint i = 0; i < k->x->claims->claims->len; i++)
    {
      const FcClaim *cl = fc_text_facts_claim (k->x, (int) i);
      if (cl->kind != FC_CLAIM_RATE || !cl->missing_percent)
        continue;
      g_autofree char *q = fc_claims_quote (k->x->claims, k->x->narrative, cl);
      FcFinding *fi = fc_text_finding_claim (k, k->rule->severity, cl, "");
      g_autofree char *zh = g_strdup_printf ("“%s”：变动率缺少%%", q);
      g_autofree char *en = g_strdup_printf ("“%s”: the rate has no %%", q);
      fc_text_finding_file (k, fi, zh, en);
    }
}

void
fc_narrative_wording_names (FcTextCheck *k)
{
  /* a name written the same wrong way in two paragraphs is one finding */
  g_autoptr (GHashTable) said = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < k->x->claims->topics->len; i++)
    {
      const FcTie *t = fc_text_facts_tie (k, (int) i);
      if (t->problem == NULL || !g_hash_table_add (said, (gpointer) t->problem))
        continue;
      const FcTopic *tp = fc_text_facts_topic (k->x, (int) i);
      const char *text = fc_narrative_get_paragraph (k->x->narrative, tp->paragraph)->text;
      gsize len = strlen (text);
      g_autofree char *raw = g_strndup (text + MIN (tp->start, len), MIN (tp->end, len) - MIN (tp->start, len));
      g_autofree char *quote = g_strstrip (g_strdup (raw));
      FcFinding *f = fc_text_finding_paragraph (k, tp->paragraph, quote);
      fc_text_finding_file (k, f, t->problem, t->problem_en);
    }
}
