/* fc-catalogue.c — the domain catalogue, read from GKeyFile groups (see
 * fc-catalogue.h and the header of addin/rules/catalogue.ini). */
#include "fc-catalogue.h"

#include <stdlib.h>
#include <string.h>

#include "fc-error.h"
#include "fc-text.h"

/* ---- table ids --------------------------------------------------------- */

static const char table_ids[99][3] = {
  "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11",
  "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22",
  "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33",
  "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44",
  "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55",
  "56", "57", "58", "59", "60", "61", "62", "63", "64", "65", "66",
  "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77",
  "78", "79", "80", "81", "82", "83", "84", "85", "86", "87", "88",
  "89", "90", "91", "92", "93", "94", "95", "96", "97", "98", "99",
};

static const char *
id_from_number (gint64 n)
{
  return n >= 1 && n <= 99 ? table_ids[n - 1] : NULL;
}

/* "公开02表" → "02", "表7" / "附表7" (other provinces' sets) → "07"; NULL
 * unless the short normalised text is a 表号. */
const char *
fc_catalogue_table_label_id (const char *normalized)
{
  const char *bare = g_str_has_prefix (normalized, "附表") ? normalized + strlen ("附表")
                     : g_str_has_prefix (normalized, "表") ? normalized + strlen ("表") : NULL;
  if (bare != NULL && g_ascii_isdigit (*bare))
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (bare, &end, 10);
      return *end == '\0' ? id_from_number (n) : NULL;
    }
  const char *p = strstr (normalized, "公开");
  if (p == NULL || strlen (normalized) > 24)
    return NULL;
  p += strlen ("公开");
  char *end = NULL;
  gint64 n = g_ascii_strtoll (p, &end, 10);
  if (end == p || !g_str_has_prefix (end, "表"))
    return NULL;
  return id_from_number (n);
}

const char *
fc_catalogue_parse_table_label (const char *text)
{
  g_autofree char *n = fc_text_normalize (text);
  if (*n == '\0')
    return NULL;
  char *end = NULL;
  gint64 v = g_ascii_strtoll (n, &end, 10);
  if (end != n && *end == '\0')
    return id_from_number (v);
  return fc_catalogue_table_label_id (n);
}

struct _FcCatalogue {
  GPtrArray *tables;  /* of FcTableDef*, owned, by id */
  GPtrArray *sets;    /* of FcTableSet*, owned */
  GPtrArray *classes; /* of char* pairs: code, normalised name (owned) */
  GHashTable *units;  /* unit → its scale in 万元 (double*, owned) */
  GPtrArray *words[FC_WORDS_N]; /* of char*, NULL-terminated, normalised */
};

static const char *const word_keys[FC_WORDS_N] = {
  [FC_WORDS_LINE] = "line",
  [FC_WORDS_CODE] = "code",
  [FC_WORDS_NAME] = "name",
  [FC_WORDS_CODE_PARTS] = "code_parts",
  [FC_WORDS_LABEL] = "label",
  [FC_WORDS_COLUMN_NUMBERS] = "column_numbers",
  [FC_WORDS_TOTALS] = "totals",
  [FC_WORDS_FOOTERS] = "footers",
  [FC_WORDS_EMPTY] = "empty",
  [FC_WORDS_INSTRUCTIONS] = "instructions",
  [FC_WORDS_DEPARTMENT] = "department",
  [FC_WORDS_TITLE_PREFIX_ENDS] = "title_prefix_never_ends_with",
  [FC_WORDS_UNITS] = NULL, /* the keys of [units] */
};

/* ---- life cycle -------------------------------------------------------- */

static void
column_def_clear (FcColumnDef *c)
{
  g_clear_pointer (&c->alternatives, g_ptr_array_unref);
}

static void
line_def_clear (FcLineDef *l)
{
  g_clear_pointer (&l->labels, g_strfreev);
}

static void
table_def_free (FcTableDef *t)
{
  if (t == NULL)
    return;
  g_free (t->id);
  g_free (t->title);
  g_ptr_array_unref (t->titles);
  g_array_unref (t->lines);
  g_array_unref (t->columns);
  g_array_unref (t->optional);
  g_free (t);
}

static FcTableDef *
table_def_new (const char *id)
{
  FcTableDef *t = g_new0 (FcTableDef, 1);
  t->id = g_strdup (id);
  t->titles = g_ptr_array_new_with_free_func (g_free);
  t->rows = FC_ROWS_CODES;
  t->lines = g_array_new (FALSE, TRUE, sizeof (FcLineDef));
  g_array_set_clear_func (t->lines, (GDestroyNotify) line_def_clear);
  t->columns = g_array_new (FALSE, TRUE, sizeof (FcColumnDef));
  g_array_set_clear_func (t->columns, (GDestroyNotify) column_def_clear);
  t->optional = g_array_new (FALSE, FALSE, sizeof (guint));
  return t;
}

static void
table_set_free (FcTableSet *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->name);
  g_strfreev (s->tables);
  g_free (s);
}

static GPtrArray *
word_list_new (void)
{
  GPtrArray *a = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (a, NULL);
  return a;
}

/* Appends a word to a NULL-terminated list, keeping NULL last. */
static void
word_list_add (GPtrArray *list, char *word)
{
  g_ptr_array_index (list, list->len - 1) = word;
  g_ptr_array_add (list, NULL);
}

FcCatalogue *
fc_catalogue_new (void)
{
  FcCatalogue *c = g_new0 (FcCatalogue, 1);
  c->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_def_free);
  c->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) table_set_free);
  c->classes = g_ptr_array_new_with_free_func (g_free);
  c->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < FC_WORDS_N; i++)
    c->words[i] = word_list_new ();
  return c;
}

void
fc_catalogue_free (FcCatalogue *catalogue)
{
  if (catalogue == NULL)
    return;
  g_ptr_array_unref (catalogue->tables);
  g_ptr_array_unref (catalogue->sets);
  g_ptr_array_unref (catalogue->classes);
  g_hash_table_unref (catalogue->units);
  for (guint i = 0; i < FC_WORDS_N; i++)
    g_ptr_array_unref (catalogue->words[i]);
  g_free (catalogue);
}

/* ---- reading ----------------------------------------------------------- */

/* "table 06" → "06"; NULL unless the group names a table (transfer full). */
static char *
table_group_id (const char *group)
{
  if (!g_str_has_prefix (group, "table "))
    return NULL;
  const char *n = group + strlen ("table ");
  char *end = NULL;
  guint64 v = g_ascii_strtoull (n, &end, 10);
  if (end == n || *end != '\0' || v < 1 || v > 99)
    return NULL;
  return g_strdup_printf ("%02u", (guint) v);
}

gboolean
fc_catalogue_is_group (const char *group)
{
  return g_str_has_prefix (group, "table ") || g_str_has_prefix (group, "set ")
         || strcmp (group, "classes") == 0 || strcmp (group, "units") == 0
         || strcmp (group, "words") == 0;
}

static gboolean
fail (GError **error, const char **bad_key, const char *key, const char *what)
{
  /* key is often one of g_key_file_get_keys()'s, freed on return */
  *bad_key = g_intern_string (key);
  g_set_error_literal (error, FC_ERROR, FC_ERROR_RULE_SYNTAX, what);
  return FALSE;
}

/* The items of a ';' list, stripped, without empty ones (transfer full). */
static GStrv
get_list (GKeyFile *kf, const char *group, const char *key)
{
  g_auto (GStrv) raw = g_key_file_get_string_list (kf, group, key, NULL, NULL);
  GStrvBuilder *b = g_strv_builder_new ();
  for (guint i = 0; raw != NULL && raw[i] != NULL; i++)
    {
      g_strstrip (raw[i]);
      if (*raw[i] != '\0')
        g_strv_builder_add (b, raw[i]);
    }
  GStrv out = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return out;
}

/* "27 本年收入合计|合计" → 27 and the normalised alternatives; FALSE when
 * the entry does not start with a number in 1..max or has no text. */
static gboolean
split_numbered (const char *entry, guint max, guint *number, GStrv *alternatives)
{
  char *end = NULL;
  guint64 n = g_ascii_strtoull (entry, &end, 10);
  if (end == entry || n < 1 || n > max || !g_ascii_isspace (*end))
    return FALSE;
  g_auto (GStrv) alts = g_strsplit (end, "|", -1);
  GStrvBuilder *b = g_strv_builder_new ();
  for (guint i = 0; alts[i] != NULL; i++)
    {
      g_autofree char *norm = fc_text_fold (alts[i]);
      if (*norm == '\0')
        {
          g_strv_builder_unref (b);
          return FALSE;
        }
      g_strv_builder_add (b, norm);
    }
  *number = (guint) n;
  *alternatives = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return TRUE;
}

static gint
compare_line_def (gconstpointer a, gconstpointer b)
{
  return ((const FcLineDef *) a)->line - ((const FcLineDef *) b)->line;
}

static gint
compare_column_def (gconstpointer a, gconstpointer b)
{
  guint x = ((const FcColumnDef *) a)->number, y = ((const FcColumnDef *) b)->number;
  return x < y ? -1 : x > y;
}

static FcColumnDef *
column_def_get (GArray *columns, guint number, gboolean create)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_array_index (columns, FcColumnDef, i).number == number)
      return &g_array_index (columns, FcColumnDef, i);
  if (!create)
    return NULL;
  FcColumnDef c = { number, g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  g_array_append_val (columns, c);
  g_array_sort (columns, compare_column_def);
  return column_def_get (columns, number, FALSE);
}

static FcTableDef *
lookup_table (const FcCatalogue *c, const char *id)
{
  for (guint i = 0; i < c->tables->len; i++)
    {
      FcTableDef *t = g_ptr_array_index (c->tables, i);
      if (strcmp (t->id, id) == 0)
        return t;
    }
  return NULL;
}

static gint
compare_table_def (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(FcTableDef *const *) a)->id, (*(FcTableDef *const *) b)->id);
}

static gboolean
read_rows_kind (const char *s, FcRowsKind *kind)
{
  static const struct { const char *name; FcRowsKind kind; } kinds[] = {
    { "lines", FC_ROWS_LINES }, { "codes", FC_ROWS_CODES },
    { "code-blocks", FC_ROWS_CODE_BLOCKS }, { "plain", FC_ROWS_PLAIN },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (s, kinds[i].name) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

static gboolean
add_table (FcCatalogue *c, GKeyFile *kf, const char *group, const char *id,
           gboolean apply, const char **bad_key, GError **error)
{
  static const char *const keys[] = { "title", "titles", "rows", "lines", "columns",
                                      "optional", NULL };
  g_auto (GStrv) present = g_key_file_get_keys (kf, group, NULL, NULL);
  for (guint i = 0; present != NULL && present[i] != NULL; i++)
    if (!g_strv_contains (keys, present[i]))
      return fail (error, bad_key, present[i],
                   "a [table] group has title, titles, rows, lines, columns and optional");

  g_autofree char *title = g_key_file_get_string (kf, group, "title", NULL);
  g_auto (GStrv) titles = get_list (kf, group, "titles");
  g_autofree char *rows = g_key_file_get_string (kf, group, "rows", NULL);
  g_auto (GStrv) lines = get_list (kf, group, "lines");
  g_auto (GStrv) columns = get_list (kf, group, "columns");
  g_auto (GStrv) optional = get_list (kf, group, "optional");
  FcTableDef *existing = lookup_table (c, id);
  FcRowsKind kind = existing ? existing->rows : FC_ROWS_CODES;

  if (title == NULL && existing == NULL)
    return fail (error, bad_key, NULL, "a new table needs a title");
  if (rows != NULL && !read_rows_kind (g_strstrip (rows), &kind))
    return fail (error, bad_key, "rows", "rows is lines, codes, code-blocks or plain");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint n;
      g_auto (GStrv) labels = NULL;
      if (!split_numbered (lines[i], 9999, &n, &labels))
        return fail (error, bad_key, "lines", "each line is “行次 label|label”, e.g. “27 本年收入合计”");
    }
  for (guint i = 0; columns[i] != NULL; i++)
    {
      guint n;
      g_auto (GStrv) alts = NULL;
      if (!split_numbered (columns[i], 64, &n, &alts))
        return fail (error, bad_key, "columns",
                     "each column is “栏次 words|words”, e.g. “7 决算数+合计”");
    }
  for (guint i = 0; optional[i] != NULL; i++)
    {
      char *end = NULL;
      guint64 n = g_ascii_strtoull (optional[i], &end, 10);
      if (end == optional[i] || *end != '\0' || n < 1 || n > 64)
        return fail (error, bad_key, "optional", "optional lists 栏次 numbers: 4; 5; 6");
    }
  if (!apply)
    return TRUE;

  FcTableDef *t = existing;
  if (t == NULL)
    {
      t = table_def_new (id);
      g_ptr_array_add (c->tables, t);
      g_ptr_array_sort (c->tables, compare_table_def);
    }
  t->rows = kind;
  if (title != NULL)
    {
      g_free (t->title);
      t->title = g_strdup (g_strstrip (title));
      g_ptr_array_insert (t->titles, 0, fc_text_normalize (t->title));
    }
  for (guint i = 0; titles[i] != NULL; i++)
    g_ptr_array_add (t->titles, fc_text_normalize (titles[i]));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      FcLineDef l = { 0 };
      guint n;
      split_numbered (lines[i], 9999, &n, &l.labels);
      l.line = (int) n;
      g_array_append_val (t->lines, l);
    }
  g_array_sort (t->lines, compare_line_def);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      guint n;
      g_auto (GStrv) alts = NULL;
      split_numbered (columns[i], 64, &n, &alts);
      FcColumnDef *def = column_def_get (t->columns, n, TRUE);
      for (guint k = 0; alts[k] != NULL; k++)
        g_ptr_array_add (def->alternatives, g_strsplit (alts[k], "+", -1));
    }
  for (guint i = 0; optional[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (optional[i], NULL, 10);
      g_array_append_val (t->optional, n);
    }
  return TRUE;
}

static gboolean
add_set (FcCatalogue *c, GKeyFile *kf, const char *group, gboolean apply,
         const char **bad_key, GError **error)
{
  const char *id = group + strlen ("set ");
  g_autofree char *name = g_key_file_get_string (kf, group, "name", NULL);
  g_auto (GStrv) tables = get_list (kf, group, "tables");
  g_autofree char *labels = g_key_file_get_string (kf, group, "labels", NULL);
  FcLabelStyle style = FC_LABELS_STANDARD;
  if (*id == '\0')
    return fail (error, bad_key, NULL, "a set needs a name: [set standard]");
  if (tables[0] == NULL)
    return fail (error, bad_key, NULL, "a set needs tables = 01; 02; …");
  for (guint i = 0; tables[i] != NULL; i++)
    if (fc_catalogue_parse_table_label (tables[i]) == NULL)
      return fail (error, bad_key, "tables", "tables lists table numbers: 01; 02; …");
  if (labels != NULL)
    {
      g_strstrip (labels);
      if (strcmp (labels, "standard") == 0)
        style = FC_LABELS_STANDARD;
      else if (strcmp (labels, "numbered") == 0)
        style = FC_LABELS_NUMBERED;
      else if (strcmp (labels, "none") == 0)
        style = FC_LABELS_NONE;
      else
        return fail (error, bad_key, "labels", "labels is standard, numbered or none");
    }
  if (!apply)
    return TRUE;
  for (guint i = 0; i < c->sets->len; i++)
    if (strcmp (((FcTableSet *) g_ptr_array_index (c->sets, i))->id, id) == 0)
      {
        g_ptr_array_remove_index (c->sets, i); /* a later definition replaces it */
        break;
      }
  FcTableSet *s = g_new0 (FcTableSet, 1);
  s->id = g_strdup (id);
  s->name = g_strdup (name ? name : id);
  s->labels = style;
  GStrvBuilder *b = g_strv_builder_new ();
  for (guint i = 0; tables[i] != NULL; i++)
    g_strv_builder_add (b, fc_catalogue_parse_table_label (tables[i]));
  s->tables = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  g_ptr_array_add (c->sets, s);
  return TRUE;
}

static gboolean
add_classes (FcCatalogue *c, GKeyFile *kf, gboolean apply, const char **bad_key,
             GError **error)
{
  g_auto (GStrv) codes = g_key_file_get_keys (kf, "classes", NULL, NULL);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      gsize len = strlen (codes[i]);
      for (gsize k = 0; k < len; k++)
        if (!g_ascii_isdigit (codes[i][k]))
          len = 0;
      if (len != 3)
        return fail (error, bad_key, codes[i], "[classes] maps 3-digit 类 codes to names: 201 = 一般公共服务");
      if (!apply)
        continue;
      g_autofree char *name = g_key_file_get_string (kf, "classes", codes[i], NULL);
      g_ptr_array_add (c->classes, g_strdup (codes[i]));
      g_ptr_array_add (c->classes, fc_text_normalize (name));
    }
  return TRUE;
}

static gboolean
add_words (FcCatalogue *c, GKeyFile *kf, gboolean apply, const char **bad_key,
           GError **error)
{
  g_auto (GStrv) present = g_key_file_get_keys (kf, "words", NULL, NULL);
  for (guint i = 0; present != NULL && present[i] != NULL; i++)
    {
      gboolean known = FALSE;
      for (guint w = 0; w < FC_WORDS_N; w++)
        known |= word_keys[w] != NULL && strcmp (word_keys[w], present[i]) == 0;
      if (!known)
        return fail (error, bad_key, present[i], "not a word list of [words]");
    }
  for (guint w = 0; w < FC_WORDS_N && apply; w++)
    {
      if (word_keys[w] == NULL)
        continue;
      g_auto (GStrv) words = get_list (kf, "words", word_keys[w]);
      GPtrArray *list = c->words[w];
      for (guint i = 0; words[i] != NULL; i++)
        word_list_add (list, fc_text_fold (words[i]));
    }
  return TRUE;
}

static gboolean
add_units (FcCatalogue *c, GKeyFile *kf, gboolean apply, const char **bad_key, GError **error)
{
  g_auto (GStrv) units = g_key_file_get_keys (kf, "units", NULL, NULL);
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      g_autofree char *v = g_key_file_get_string (kf, "units", units[i], NULL);
      char *end = NULL;
      double scale = v ? g_ascii_strtod (g_strstrip (v), &end) : 0;
      if (v == NULL || end == v || *end != '\0' || !(scale > 0 && scale < 1e9))
        return fail (error, bad_key, units[i], "[units] gives each unit its size in 万元: 元 = 0.0001");
      if (!apply)
        continue;
      g_autofree char *name = fc_text_fold (units[i]);
      if (!g_hash_table_contains (c->units, name))
        word_list_add (c->words[FC_WORDS_UNITS], g_strdup (name));
      g_hash_table_insert (c->units, g_steal_pointer (&name), g_memdup2 (&scale, sizeof scale));
    }
  return TRUE;
}

gboolean
fc_catalogue_add_group (FcCatalogue *catalogue, GKeyFile *kf, const char *group,
                        gboolean apply, const char **bad_key, GError **error)
{
  *bad_key = NULL;
  if (strcmp (group, "units") == 0)
    return add_units (catalogue, kf, apply, bad_key, error);
  if (strcmp (group, "classes") == 0)
    return add_classes (catalogue, kf, apply, bad_key, error);
  if (strcmp (group, "words") == 0)
    return add_words (catalogue, kf, apply, bad_key, error);
  if (g_str_has_prefix (group, "set "))
    return add_set (catalogue, kf, group, apply, bad_key, error);
  g_autofree char *id = table_group_id (group);
  if (id == NULL)
    return fail (error, bad_key, NULL, "a table group is [table NN] with NN from 01 to 99");
  return add_table (catalogue, kf, group, id, apply, bad_key, error);
}

/* ---- queries ----------------------------------------------------------- */

guint
fc_catalogue_get_n_tables (const FcCatalogue *catalogue)
{
  return catalogue->tables->len;
}

const FcTableDef *
fc_catalogue_get_table (const FcCatalogue *catalogue, guint index)
{
  return index < catalogue->tables->len ? g_ptr_array_index (catalogue->tables, index) : NULL;
}

const FcTableDef *
fc_catalogue_lookup_table (const FcCatalogue *catalogue, const char *id)
{
  return id != NULL ? lookup_table (catalogue, id) : NULL;
}

guint
fc_catalogue_get_n_sets (const FcCatalogue *catalogue)
{
  return catalogue->sets->len;
}

const FcTableSet *
fc_catalogue_get_set (const FcCatalogue *catalogue, guint index)
{
  return index < catalogue->sets->len ? g_ptr_array_index (catalogue->sets, index) : NULL;
}

const char *const *
fc_catalogue_words (const FcCatalogue *catalogue, FcWords which)
{
  return (const char *const *) catalogue->words[which]->pdata;
}

/* A prefix before a title may name the year or the department; it is not
 * a sentence, and it does not end with a word that would make the whole a
 * longer title. */
static gboolean
is_title_prefix (const FcCatalogue *c, const char *prefix)
{
  const char *const *ends = fc_catalogue_words (c, FC_WORDS_TITLE_PREFIX_ENDS);
  for (guint i = 0; ends[i] != NULL; i++)
    if (*ends[i] != '\0' && g_str_has_suffix (prefix, ends[i]))
      return FALSE;
  return g_utf8_strlen (prefix, -1) <= 40 && strstr (prefix, "、") == NULL
         && strstr (prefix, "，") == NULL && strstr (prefix, "。") == NULL
         && strstr (prefix, ",") == NULL;
}

const char *
fc_catalogue_table_for_title (const FcCatalogue *catalogue, const char *text)
{
  if (text == NULL || strstr (text, "表") == NULL) /* every title ends so: cheap to rule out */
    return NULL;
  g_autofree char *s = fc_text_normalize (text);
  gsize len = strlen (s);
  if (len > 0 && s[len - 1] == ')')
    {
      char *open = strrchr (s, '(');
      if (open != NULL && open != s)
        *open = '\0', len = strlen (s);
    }
  const char *best = NULL;
  gsize best_len = 0;
  for (guint i = 0; i < catalogue->tables->len; i++)
    {
      const FcTableDef *t = g_ptr_array_index (catalogue->tables, i);
      for (guint k = 0; k < t->titles->len; k++)
        {
          const char *title = g_ptr_array_index (t->titles, k);
          gsize tl = strlen (title);
          if (len < tl || tl <= best_len || strcmp (s + len - tl, title) != 0)
            continue;
          g_autofree char *prefix = g_strndup (s, len - tl);
          if (!is_title_prefix (catalogue, prefix))
            continue;
          best = t->id;
          best_len = tl;
        }
    }
  return best;
}

const char *
fc_catalogue_parse_table_id (const FcCatalogue *catalogue, const char *text)
{
  const char *id = fc_catalogue_parse_table_label (text);
  if (id == NULL)
    id = fc_catalogue_table_for_title (catalogue, text);
  /* only tables the catalogue knows */
  const FcTableDef *t = fc_catalogue_lookup_table (catalogue, id);
  return t != NULL ? t->id : NULL;
}

const char *
fc_catalogue_class_for_label (const FcCatalogue *catalogue, const char *normalized)
{
  /* compare without 支出, 等, 的: the 01 and 04 templates differ in those */
  g_autoptr (GString) s = g_string_new (normalized);
  g_string_replace (s, "支出", "", 0);
  g_string_replace (s, "等", "", 0);
  g_string_replace (s, "的", "", 0);
  for (guint i = 0; i + 1 < catalogue->classes->len; i += 2)
    {
      g_autoptr (GString) name = g_string_new (g_ptr_array_index (catalogue->classes, i + 1));
      g_string_replace (name, "等", "", 0);
      g_string_replace (name, "的", "", 0);
      if (strcmp (s->str, name->str) == 0)
        return g_ptr_array_index (catalogue->classes, i);
    }
  return NULL;
}

double
fc_catalogue_unit_scale (const FcCatalogue *catalogue, const char *unit)
{
  g_autofree char *name = fc_text_fold (unit);
  const double *scale = g_hash_table_lookup (catalogue->units, name);
  return scale != NULL ? *scale : 0;
}

const FcColumnDef *
fc_table_def_column (const FcTableDef *def, guint number)
{
  return def != NULL ? column_def_get (def->columns, number, FALSE) : NULL;
}

gboolean
fc_table_def_column_optional (const FcTableDef *def, guint number)
{
  for (guint i = 0; def != NULL && i < def->optional->len; i++)
    if (g_array_index (def->optional, guint, i) == number)
      return TRUE;
  return FALSE;
}
