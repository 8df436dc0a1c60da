/* fc-vocabulary.c — reading narrative.ini, and folding text the way it is
 * compared. */
#include "fc-vocabulary.h"

#include <stdlib.h>
#include <string.h>

#include "fc-error.h"
#include "fc-rules.h"

/* [claims] keys, in FcWord order. */
static const char *const word_keys[FC_N_WORDS] = {
  "increase", "decrease", "same", "share", "completion_initial", "completion_full",
  "budget_initial", "budget_full", "actual", "prior", "compare", "greater", "less",
  "equal", "compared", "against", "score", "filler", "descriptive", "not_before",
  "not_after",
};

static const char *const subject_keys[] = { "sections", "phrases", "figure", "budget", "whole",
                                            "column", NULL };
static const char *const code_keys[] = { "sections", "figure", "whole", NULL };
static const char *const section_keys[] = { "headings", NULL };
static const char *const reading_keys[] = { "narrative_parts", "sheet_markers", "residue", NULL };
static const char *const eval_keys[] = { "sections", "weight", "grades", "grade_marks", "projects",
                                         "budget", "average", "excluded", "name_label", "titles",
                                         "funds_header", "funds_label", "indicators_header",
                                         "weight_label", "score_label", "total_label", NULL };

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019
         || c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F;
}

char *
fc_vocabulary_fold (const char *text, gssize length, GArray *offsets)
{
  GString *out = g_string_new (NULL);
  if (text == NULL)
    {
      if (offsets != NULL)
        {
          gsize zero = 0;
          g_array_append_val (offsets, zero);
        }
      return g_string_free (out, FALSE);
    }
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  const char *end = text + len;
  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++; /* not UTF-8: skip the byte */
          continue;
        }
      const char *next = g_utf8_next_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
        c = c - 0xFF01 + 0x21;
      if (c != 0 && !g_unichar_isspace (c) && c != 0x3000 && c != 0x00A0 && c != 0x200B
          && c != 0xFEFF && !is_quote (c))
        {
          gsize before = out->len;
          g_string_append_unichar (out, c);
          for (gsize k = before; offsets != NULL && k < out->len; k++)
            {
              gsize at = (gsize) (p - text);
              g_array_append_val (offsets, at);
            }
        }
      p = next;
    }
  if (offsets != NULL)
    g_array_append_val (offsets, len);
  return g_string_free (out, FALSE);
}

/* A list key, each item folded; an empty list when absent (transfer full). */
static GStrv
folded_list (GKeyFile *kf, const char *group, const char *key)
{
  gsize n = 0;
  g_auto (GStrv) raw = g_key_file_get_string_list (kf, group, key, &n, NULL);
  GStrv out = g_new0 (char *, n + 1);
  gsize k = 0;
  for (gsize i = 0; i < n; i++)
    {
      char *f = fc_vocabulary_fold (raw[i], -1, NULL);
      if (*f == '\0')
        g_free (f);
      else
        out[k++] = f;
    }
  return out;
}

static void
section_free (FcSection *s)
{
  g_free (s->id);
  g_strfreev (s->headings);
  g_free (s);
}

static void
subject_free (FcSubject *s)
{
  g_free (s->id);
  g_strfreev (s->sections);
  g_strfreev (s->phrases);
  g_free (s->figure);
  g_free (s->budget);
  g_free (s->whole);
  g_free (s);
}

static void
code_group_free (FcCodeGroup *g)
{
  g_free (g->id);
  g_strfreev (g->sections);
  g_free (g->figure);
  g_free (g->whole);
  g_free (g);
}

void
fc_vocabulary_free (FcVocabulary *v)
{
  if (v == NULL)
    return;
  g_ptr_array_unref (v->sections);
  g_ptr_array_unref (v->subjects);
  g_ptr_array_unref (v->code_groups);
  for (guint i = 0; i < FC_N_WORDS; i++)
    g_strfreev (v->words[i]);
  g_strfreev (v->narrative_parts);
  g_strfreev (v->sheet_markers);
  g_strfreev (v->residue);
  g_strfreev (v->eval_sections);
  g_array_unref (v->grades);
  g_strfreev (v->eval_projects);
  g_strfreev (v->eval_budget);
  g_strfreev (v->eval_average);
  g_strfreev (v->eval_excluded);
  g_strfreev (v->grade_marks);
  GStrv labels[] = { v->name_label, v->titles, v->funds_header, v->funds_label,
                     v->indicators_header, v->weight_label, v->score_label, v->total_label };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_strfreev (labels[i]);
  g_free (v);
}

/* ---- reading ----------------------------------------------------------- */

typedef struct {
  GKeyFile *kf;
  const char *data;
  const char *name;
} Source;

G_GNUC_PRINTF (5, 6) static gboolean
fail (const Source *src, GError **error, const char *group, const char *key, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "%s:%u: [%s]: %s", src->name,
               fc_rules_line_of (src->data, group, key), group, what);
  return FALSE;
}

/* Every key of group is one of known. */
static gboolean
check_keys (const Source *src, const char *group, const char *const *known, GError **error)
{
  g_auto (GStrv) keys = g_key_file_get_keys (src->kf, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (known, keys[i]))
      return fail (src, error, group, keys[i], "no key “%s” here", keys[i]);
  return TRUE;
}

/* A figure key: absent, or one the rules' parser reads. */
static gboolean
read_figure (const Source *src, const char *group, const char *key, char **out, GError **error)
{
  *out = g_key_file_get_string (src->kf, group, key, NULL);
  if (*out == NULL)
    return TRUE;
  g_autoptr (GError) local = NULL;
  g_autoptr (FcRule) figure = fc_rules_parse_figure (*out, &local);
  if (figure == NULL)
    return fail (src, error, group, key, "%s in “%s”", local->message, *out);
  return TRUE;
}

static gboolean
read_subject (const Source *src, const char *group, FcVocabulary *v, GError **error)
{
  FcSubject *s = g_new0 (FcSubject, 1);
  g_ptr_array_add (v->subjects, s);
  s->id = g_strdup (group + strlen ("subject:"));
  s->sections = g_key_file_get_string_list (src->kf, group, "sections", NULL, NULL);
  s->phrases = folded_list (src->kf, group, "phrases");
  s->whole = g_key_file_get_string (src->kf, group, "whole", NULL);
  if (!check_keys (src, group, subject_keys, error))
    return FALSE;
  if (s->sections == NULL || s->phrases[0] == NULL)
    return fail (src, error, group, NULL, "a subject needs sections and phrases");
  if (g_key_file_has_key (src->kf, group, "column", NULL))
    {
      gint64 column = g_key_file_get_int64 (src->kf, group, "column", NULL);
      if (column < 1 || column > 64)
        return fail (src, error, group, "column", "column is a 栏次 from 1 to 64");
      s->column = (guint) column;
    }
  return read_figure (src, group, "figure", &s->figure, error)
         && read_figure (src, group, "budget", &s->budget, error);
}

static gboolean
read_code_group (const Source *src, const char *group, FcVocabulary *v, GError **error)
{
  FcCodeGroup *g = g_new0 (FcCodeGroup, 1);
  g_ptr_array_add (v->code_groups, g);
  g->id = g_strdup (group + strlen ("codes:"));
  g->sections = g_key_file_get_string_list (src->kf, group, "sections", NULL, NULL);
  g->figure = g_key_file_get_string (src->kf, group, "figure", NULL);
  g->whole = g_key_file_get_string (src->kf, group, "whole", NULL);
  if (!check_keys (src, group, code_keys, error))
    return FALSE;
  if (g->sections == NULL || g->figure == NULL)
    return fail (src, error, group, NULL, "a code group needs sections and figure");
  g_autofree char *example = fc_vocabulary_code_figure (g, "201", 1);
  g_autoptr (GError) local = NULL;
  g_autoptr (FcRule) figure = fc_rules_parse_figure (example, &local);
  if (figure == NULL)
    return fail (src, error, group, "figure", "%s in “%s”", local->message, example);
  return TRUE;
}

static gboolean
read_section (const Source *src, const char *group, FcVocabulary *v, GError **error)
{
  FcSection *s = g_new0 (FcSection, 1);
  g_ptr_array_add (v->sections, s);
  s->id = g_strdup (group + strlen ("section:"));
  s->headings = folded_list (src->kf, group, "headings");
  if (!check_keys (src, group, section_keys, error))
    return FALSE;
  if (s->headings[0] == NULL)
    return fail (src, error, group, NULL, "a section needs headings");
  return TRUE;
}

static gboolean
read_self_evaluation (const Source *src, FcVocabulary *v, GError **error)
{
  const char *group = "self-evaluation";
  if (!check_keys (src, group, eval_keys, error))
    return FALSE;
  g_strfreev (v->eval_sections);
  v->eval_sections = g_key_file_get_string_list (src->kf, group, "sections", NULL, NULL);
  if (g_key_file_has_key (src->kf, group, "weight", NULL))
    {
      v->eval_weight = g_key_file_get_double (src->kf, group, "weight", NULL);
      if (!(v->eval_weight > 0 && v->eval_weight <= 100))
        return fail (src, error, group, "weight", "weight is a 分值 between 0 and 100");
    }
  g_auto (GStrv) grades = g_key_file_get_string_list (src->kf, group, "grades", NULL, NULL);
  for (guint i = 0; grades != NULL && grades[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (g_strstrip (grades[i]), " ", 2);
      char *end = NULL;
      double minimum = parts[0] && parts[1] ? g_ascii_strtod (parts[1], &end) : 0;
      if (parts[0] == NULL || parts[1] == NULL || end == parts[1] || *end != '\0')
        return fail (src, error, group, "grades", "a grade is its name and its lowest 总分: 优 90");
      FcGrade grade = { fc_vocabulary_fold (parts[0], -1, NULL), minimum };
      g_array_append_val (v->grades, grade);
    }
  struct { const char *key; GStrv *field; } lists[] = {
    { "projects", &v->eval_projects }, { "budget", &v->eval_budget },
    { "average", &v->eval_average }, { "excluded", &v->eval_excluded },
    { "grade_marks", &v->grade_marks }, { "name_label", &v->name_label },
    { "titles", &v->titles }, { "funds_header", &v->funds_header },
    { "funds_label", &v->funds_label }, { "indicators_header", &v->indicators_header },
    { "weight_label", &v->weight_label }, { "score_label", &v->score_label },
    { "total_label", &v->total_label },
  };
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_strfreev (*lists[i].field);
      *lists[i].field = folded_list (src->kf, group, lists[i].key);
    }
  return TRUE;
}

static void
grade_clear (gpointer p)
{
  g_free (((FcGrade *) p)->name);
}

/* Every "whole" and "sections" entry names something that exists. */
static gboolean
check_references (const Source *src, const FcVocabulary *v, GError **error)
{
  for (guint i = 0; i < v->subjects->len + v->code_groups->len; i++)
    {
      gboolean is_subject = i < v->subjects->len;
      const FcSubject *s = is_subject ? g_ptr_array_index (v->subjects, i) : NULL;
      const FcCodeGroup *g = is_subject ? NULL : g_ptr_array_index (v->code_groups, i - v->subjects->len);
      g_autofree char *group = is_subject ? g_strconcat ("subject:", s->id, NULL)
                                          : g_strconcat ("codes:", g->id, NULL);
      const char *whole = is_subject ? s->whole : g->whole;
      GStrv sections = is_subject ? s->sections : g->sections;
      if (whole != NULL && fc_vocabulary_subject (v, whole) == NULL)
        return fail (src, error, group, "whole", "no subject “%s”", whole);
      for (guint k = 0; sections[k] != NULL; k++)
        {
          gboolean found = FALSE;
          for (guint j = 0; j < v->sections->len && !found; j++)
            found = strcmp (((FcSection *) g_ptr_array_index (v->sections, j))->id, sections[k]) == 0;
          if (!found)
            return fail (src, error, group, "sections", "no section “%s”", sections[k]);
        }
    }
  return TRUE;
}

FcVocabulary *
fc_vocabulary_new_from_data (const char *data, gssize length, const char *name, GError **error)
{
  g_autofree char *text = length < 0 ? g_strdup (data) : g_strndup (data, (gsize) length);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "%s: not UTF-8 text", name);
      return NULL;
    }
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  if (!g_key_file_load_from_data (kf, text, (gsize) -1, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "%s: %s", name, local->message);
      return NULL;
    }
  g_autoptr (FcVocabulary) v = g_new0 (FcVocabulary, 1);
  v->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  v->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) subject_free);
  v->code_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) code_group_free);
  v->grades = g_array_new (FALSE, FALSE, sizeof (FcGrade));
  g_array_set_clear_func (v->grades, grade_clear);
  v->eval_weight = 10;
  const Source src = { kf, text, name };

  for (guint i = 0; i < FC_N_WORDS; i++)
    v->words[i] = folded_list (kf, "claims", word_keys[i]);
  if (g_key_file_has_group (kf, "claims") && !check_keys (&src, "claims", word_keys, error))
    return NULL;
  v->narrative_parts = folded_list (kf, "narrative", "narrative_parts");
  v->sheet_markers = folded_list (kf, "narrative", "sheet_markers");
  v->residue = folded_list (kf, "narrative", "residue");
  if (g_key_file_has_group (kf, "narrative") && !check_keys (&src, "narrative", reading_keys, error))
    return NULL;

  g_auto (GStrv) groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *g = groups[i];
      gboolean ok;
      if (strcmp (g, "claims") == 0 || strcmp (g, "narrative") == 0)
        continue;
      if (g_str_has_prefix (g, "subject:"))
        ok = read_subject (&src, g, v, error);
      else if (g_str_has_prefix (g, "codes:"))
        ok = read_code_group (&src, g, v, error);
      else if (g_str_has_prefix (g, "section:"))
        ok = read_section (&src, g, v, error);
      else if (strcmp (g, "self-evaluation") == 0)
        ok = read_self_evaluation (&src, v, error);
      else
        ok = fail (&src, error, g, NULL, "unknown group (narrative, claims, section:…, subject:…, "
                                          "codes:…, self-evaluation)");
      if (!ok)
        return NULL;
    }
  if (v->eval_sections == NULL)
    v->eval_sections = g_new0 (char *, 1);
  GStrv *lists[] = { &v->eval_projects, &v->eval_budget, &v->eval_average, &v->eval_excluded,
                     &v->grade_marks, &v->name_label, &v->titles, &v->funds_header,
                     &v->funds_label, &v->indicators_header, &v->weight_label,
                     &v->score_label, &v->total_label };
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (*lists[i] == NULL)
      *lists[i] = g_new0 (char *, 1);
  if (!check_references (&src, v, error))
    return NULL;
  return g_steal_pointer (&v);
}

gboolean
fc_vocabulary_is_data (const char *data, gssize length)
{
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  /* [narrative] at the start of a line */
  for (const char *p = data; p != NULL && p < data + len; p = memchr (p, '\n', (gsize) (data + len - p)))
    {
      if (*p == '\n')
        p++;
      while (p < data + len && (*p == ' ' || *p == '\t'))
        p++;
      if ((gsize) (data + len - p) >= 11 && strncmp (p, "[narrative]", 11) == 0)
        return TRUE;
    }
  return FALSE;
}

FcVocabulary *
fc_vocabulary_new_from_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, "cannot read the narrative vocabulary: %s",
                   local->message);
      return NULL;
    }
  return fc_vocabulary_new_from_data (data, (gssize) len, path, error);
}

/* ---- lookups ----------------------------------------------------------- */

const FcSubject *
fc_vocabulary_subject (const FcVocabulary *v, const char *id)
{
  for (guint i = 0; id != NULL && i < v->subjects->len; i++)
    {
      const FcSubject *s = g_ptr_array_index (v->subjects, i);
      if (strcmp (s->id, id) == 0)
        return s;
    }
  return NULL;
}

const FcGrade *
fc_vocabulary_grade (const FcVocabulary *v, const char *name)
{
  for (guint i = 0; name != NULL && i < v->grades->len; i++)
    {
      const FcGrade *g = &g_array_index (v->grades, FcGrade, i);
      if (strcmp (g->name, name) == 0)
        return g;
    }
  return NULL;
}

gboolean
fc_vocabulary_contains_any (const char *text, GStrv list)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (strstr (text, list[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
fc_vocabulary_ends_with_any (const char *text, GStrv list)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_str_has_suffix (text, list[i]))
      return TRUE;
  return FALSE;
}

gboolean
fc_vocabulary_in (GStrv sections, const char *section)
{
  return sections != NULL && section != NULL && g_strv_contains ((const char *const *) sections, section);
}

char *
fc_vocabulary_code_figure (const FcCodeGroup *group, const char *code, guint column)
{
  g_autoptr (GString) s = g_string_new (group->figure);
  g_autofree char *col = g_strdup_printf ("%u", column ? column : 1);
  g_string_replace (s, "{code}", code, 0);
  g_string_replace (s, "{column}", col, 0);
  return g_strdup (s->str);
}
