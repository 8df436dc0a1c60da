/* fc-check-package.c — the package as a whole (see fc-check-package.h). */
#include "fc-check-package.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-check-private.h"

static guint
count_tables (const FcCheckContext *c, const char *id, const FcTable **second)
{
  guint count = 0;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (strcmp (t->id, id) == 0 && ++count == 2 && second != NULL)
        *second = t;
    }
  return count;
}

/* Whether a 表号 is written 公开NN表 (the standard way) rather than 表N. */
static gboolean
label_is_standard (const char *label)
{
  g_autofree char *norm = fc_text_normalize (label);
  return strstr (norm, "公开") != NULL;
}

/* The table a 表号 names under a set's numbering: 公开NN表 always names
 * NN; 表N names N in the standard numbering, the N-th table of a numbered
 * set (Guangdong's 表7 is the 三公 table); NULL when it names none. */
static const char *
label_names (const FcTableSet *set, const char *label)
{
  const char *n = fc_catalogue_parse_table_label (label);
  if (n == NULL || label_is_standard (label) || set->labels != FC_LABELS_NUMBERED)
    return n;
  guint k = (guint) atoi (n);
  return k >= 1 && k <= g_strv_length (set->tables) ? set->tables[k - 1] : NULL;
}

/* How well the package fits a set: +1 for each table of the set present,
 * −1 for each missing, −1 for each table present that the set lacks, +2
 * for each table whose 表号 is written the set's way (none for a set that
 * prints none) and names that table. */
static int
set_fit (const FcCheckContext *c, const FcTableSet *set)
{
  int fit = 0;
  for (guint i = 0; set->tables[i] != NULL; i++)
    fit += count_tables (c, set->tables[i], NULL) > 0 ? 1 : -1;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (!g_strv_contains ((const char *const *) set->tables, t->id))
        fit--;
      else if (set->labels == FC_LABELS_NONE)
        fit += t->number_label == NULL ? 2 : 0;
      else if (t->number_label != NULL
               && label_is_standard (t->number_label) == (set->labels == FC_LABELS_STANDARD))
        fit += g_strcmp0 (label_names (set, t->number_label), t->id) == 0 ? 2 : 0;
    }
  return fit;
}

/* The set the package follows best; the first listed wins ties (transfer
 * none, NULL when the catalogue has none). */
static const FcTableSet *
package_set (const FcCheckContext *c)
{
  const FcTableSet *best = NULL;
  int best_fit = G_MININT;
  for (guint i = 0; i < fc_catalogue_get_n_sets (c->catalogue); i++)
    {
      const FcTableSet *s = fc_catalogue_get_set (c->catalogue, i);
      int fit = set_fit (c, s);
      if (fit > best_fit)
        best = s, best_fit = fit;
    }
  return best;
}

void
fc_check_presence (FcCheckContext *c, const FcRule *rule)
{
  const FcTableSet *set = package_set (c);
  for (guint n = 0; set != NULL && set->tables[n] != NULL; n++)
    {
      const char *id = set->tables[n];
      const FcTable *second = NULL;
      guint count = count_tables (c, id, &second);
      if (count == 1)
        continue;
      const char *title = fc_check_table_title (c, id);
      g_autofree char *zh = count == 0
        ? g_strdup_printf ("%s：缺少公开%s表（%s）（按%s）", rule->message, id, title, set->name)
        : g_strdup_printf ("%s：公开%s表（%s）出现%u次", rule->message, id, title, count);
      g_autofree char *en = count == 0
        ? g_strdup_printf ("%s: table %s (%s) is missing (set: %s)", rule->message_en, id, title, set->id)
        : g_strdup_printf ("%s: table %s (%s) appears %u times", rule->message_en, id, title, count);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, id, zh, en);
      if (second != NULL)
        fc_check_add_title_cell (f, second);
      fc_report_add_finding (c->report, f);
    }
}

/* The 表号 a table should carry under a set (transfer full). */
static char *
expected_label (const FcTableSet *set, const char *id)
{
  if (set->labels != FC_LABELS_NUMBERED)
    return g_strdup_printf ("公开%s表", id);
  for (guint i = 0; set->tables[i] != NULL; i++)
    if (strcmp (set->tables[i], id) == 0)
      return g_strdup_printf ("表%u", i + 1);
  return g_strdup ("（此编号体系中无此表）");
}

/* 表号 against titles, under the numbering of the set the package follows
 * (公开01表 … for the standard set, 表1 … in its order for Guangdong's).  A
 * label that names another table is a finding; a label used twice names
 * another table for one of them, so duplicates are caught too. */
void
fc_check_table_number (FcCheckContext *c, const FcRule *rule)
{
  const FcTableSet *set = package_set (c);
  if (set == NULL)
    return;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (t->number_label == NULL)
        continue;
      const char *named = label_names (set, t->number_label);
      if (named != NULL && strcmp (named, t->id) == 0)
        continue;
      g_autofree char *expected = expected_label (set, t->id);
      g_autofree char *zh = g_strdup_printf ("%s：%s标为“%s”，应为%s", rule->message, t->title,
                                             t->number_label, expected);
      g_autofree char *en = g_strdup_printf ("%s: %s is labelled “%s”, expected %s", rule->message_en,
                                             t->title, t->number_label, expected);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
      fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->number_row, t->number_col, t->title, "", 0);
      fc_report_add_finding (c->report, f);
    }
}

/* Names compared without spaces, brackets' width or a trailing [部门]. */
static char *
comparable_name (const char *text)
{
  g_autofree char *n = fc_text_normalize (text);
  char *bracket = strchr (n, '[');
  if (bracket != NULL && bracket != n)
    *bracket = '\0';
  return g_steal_pointer (&n);
}

static void
add_row_cell (FcFinding *f, const FcTable *t, const FcTableRow *row)
{
  g_autofree char *label = fc_table_row_describe (row);
  /* the name sits in the column left of the first amount: point at the row */
  int col = fc_table_row_column (row, 1);
  fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), row->row, col > 0 ? (guint) col - 1 : 0,
                       label, "", 0);
}

/* One finding per code that carries more than one name, listing each. */
void
fc_check_code_names (FcCheckContext *c, const FcRule *rule)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  for (guint i = 0; i < rule->tables->len; i++)
    {
      const FcTable *t = fc_table_lookup (c->tables, g_ptr_array_index (rule->tables, i));
      for (guint k = 0; t != NULL && k < t->rows->len; k++)
        {
          const FcTableRow *row = g_ptr_array_index (t->rows, k);
          if (row->code == NULL || *row->display == '\0')
            continue;
          GPtrArray *seen = g_hash_table_lookup (names, row->code);
          if (seen == NULL)
            {
              g_hash_table_insert (names, row->code, seen = g_ptr_array_new ());
              g_ptr_array_add (order, row->code);
            }
          g_ptr_array_add (seen, (gpointer) t);
          g_ptr_array_add (seen, (gpointer) row);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *code = g_ptr_array_index (order, i);
      GPtrArray *seen = g_hash_table_lookup (names, code);
      const FcTableRow *first = g_ptr_array_index (seen, 1);
      g_autofree char *first_name = comparable_name (first->display);
      gboolean differs = FALSE;
      for (guint k = 3; k < seen->len && !differs; k += 2)
        {
          g_autofree char *name = comparable_name (((const FcTableRow *) g_ptr_array_index (seen, k))->display);
          differs = strcmp (name, first_name) != 0;
        }
      if (!differs)
        continue;
      g_autoptr (GString) zh = g_string_new (NULL);
      g_autoptr (GString) en = g_string_new (NULL);
      g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = 0; k + 1 < seen->len; k += 2)
        {
          const FcTable *t = g_ptr_array_index (seen, k);
          const FcTableRow *row = g_ptr_array_index (seen, k + 1);
          g_autofree char *key = g_strdup_printf ("%s\x1f%s", t->id, row->display);
          if (g_hash_table_contains (listed, key))
            continue;
          g_hash_table_add (listed, g_steal_pointer (&key));
          g_string_append_printf (zh, "%s%s表为“%s”", zh->len ? "，" : "", t->id, row->display);
          g_string_append_printf (en, "%s“%s” in table %s", en->len ? ", " : "", row->display, t->id);
        }
      g_autofree char *mzh = g_strdup_printf ("%s：科目%s%s", rule->message, code, zh->str);
      g_autofree char *men = g_strdup_printf ("%s: code %s is %s", rule->message_en, code, en->str);
      const FcTable *t0 = g_ptr_array_index (seen, 0);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t0->id, mzh, men);
      for (guint k = 0; k + 1 < seen->len; k += 2)
        add_row_cell (f, g_ptr_array_index (seen, k), g_ptr_array_index (seen, k + 1));
      fc_report_add_finding (c->report, f);
    }
}

/* One finding per missing parent code of a table, naming its children. */
void
fc_check_code_parents (FcCheckContext *c, const FcRule *rule)
{
  for (guint i = 0; i < rule->tables->len; i++)
    {
      const FcTable *t = fc_table_lookup (c->tables, g_ptr_array_index (rule->tables, i));
      g_autoptr (GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) g_ptr_array_unref);
      g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; t != NULL && k < t->rows->len; k++)
        {
          const FcTableRow *row = g_ptr_array_index (t->rows, k);
          gsize len = row->code ? strlen (row->code) : 0;
          for (gsize plen = 3; plen < len; plen += 2)
            {
              g_autofree char *parent = g_strndup (row->code, plen);
              if (fc_table_find_code (t, parent, 0) != NULL)
                continue;
              GPtrArray *list = g_hash_table_lookup (children, parent);
              if (list == NULL)
                {
                  g_ptr_array_add (order, g_strdup (parent));
                  g_hash_table_insert (children, g_steal_pointer (&parent), list = g_ptr_array_new ());
                }
              g_ptr_array_add (list, (gpointer) row);
            }
        }
      for (guint k = 0; k < order->len; k++)
        {
          const char *parent = g_ptr_array_index (order, k);
          GPtrArray *list = g_hash_table_lookup (children, parent);
          g_autoptr (GString) codes = g_string_new (NULL);
          for (guint j = 0; j < list->len; j++)
            g_string_append_printf (codes, "%s%s", j ? "、" : "",
                                    ((const FcTableRow *) g_ptr_array_index (list, j))->code);
          g_autofree char *zh = g_strdup_printf ("%s：%s表缺少上级科目%s（下有%s）", rule->message,
                                                 t->id, parent, codes->str);
          g_autofree char *en = g_strdup_printf ("%s: table %s lacks code %s, the parent of %s",
                                                 rule->message_en, t->id, parent, codes->str);
          FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
          for (guint j = 0; j < list->len; j++)
            add_row_cell (f, t, g_ptr_array_index (list, j));
          fc_report_add_finding (c->report, f);
        }
    }
}

/* Texts of the table (title row to last row) that contain one of words,
 * first cell first; returns the first or NULL (transfer none). */
static const FcCell *
table_text_with (const FcTable *t, const char *const *words, const char *const *except,
                 guint *row, guint *col)
{
  for (guint r = t->first_row; r <= t->last_row; r++)
    for (guint cc = 0; cc < fc_sheet_get_n_cols (t->sheet); cc++)
      {
        const FcCell *cell = fc_sheet_get_cell (t->sheet, r, cc);
        if (cell->kind != FC_CELL_TEXT || !fc_text_may_fold_to_any (cell->text, words))
          continue; /* most cells: not folded to find out */
        g_autofree char *n = fc_text_fold (cell->text);
        if (fc_text_contains_any (n, words) && !fc_text_contains_any (n, except))
          {
            *row = r, *col = cc;
            return cell;
          }
      }
  return NULL;
}

void
fc_check_empty_explained (FcCheckContext *c, const FcRule *rule)
{
  const char *const *empty = fc_catalogue_words (c->catalogue, FC_WORDS_EMPTY);
  const char *const *instructions = fc_catalogue_words (c->catalogue, FC_WORDS_INSTRUCTIONS);
  gboolean any_amount = FALSE;
  for (guint i = 0; i < c->tables->len && !any_amount; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      any_amount = t->rows->len > 0 && !fc_check_table_is_empty (t);
    }
  if (!any_amount)
    {
      /* not one amount anywhere: a blank template, not a package with empty
       * tables; one note, not a warning per table */
      g_autofree char *zh = g_strdup_printf ("%s：工作簿中的公开表都还没有数据（空白模板），未作检查",
                                             rule->message);
      g_autofree char *en = g_strdup_printf ("%s: no table of the workbook holds amounts yet "
                                             "(a blank template): nothing to check", rule->message_en);
      fc_report_add_finding (c->report, fc_finding_new (rule->id, FC_SEVERITY_INFO, "", zh, en));
      return;
    }
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      guint r, col;
      /* the template's instruction to write 本表无数据 is not the note */
      if (t->rows->len == 0 || !fc_check_table_is_empty (t)
          || table_text_with (t, empty, instructions, &r, &col) != NULL)
        continue;
      g_autofree char *zh = g_strdup_printf ("%s：%s没有数据，也没有“本表无数据”的说明", rule->message, t->title);
      g_autofree char *en = g_strdup_printf ("%s: %s holds no amounts and no 本表无数据 note",
                                             rule->message_en, t->title);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
      fc_check_add_title_cell (f, t);
      fc_report_add_finding (c->report, f);
    }
}

/* The template tells the preparer what to write under an empty table; left
 * in the published table, it is a finding for the preparer. */
void
fc_check_instructions (FcCheckContext *c, const FcRule *rule)
{
  const char *const *instructions = fc_catalogue_words (c->catalogue, FC_WORDS_INSTRUCTIONS);
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      guint r, col;
      const FcCell *cell = table_text_with (t, instructions, NULL, &r, &col);
      if (cell == NULL)
        continue;
      g_autofree char *zh = g_strdup_printf ("%s：%s保留了模板的填表说明“%s”", rule->message,
                                             t->title, cell->text);
      g_autofree char *en = g_strdup_printf ("%s: %s still carries the template's instruction “%s”",
                                             rule->message_en, t->title, cell->text);
      FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
      fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), r, col, t->title, "", 0);
      fc_report_add_finding (c->report, f);
    }
}

void
fc_check_header_agreement (FcCheckContext *c, const FcRule *rule)
{
  const FcTable *ref_dept = NULL, *ref_year = NULL;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      if (t->department != NULL && *t->department != '\0')
        {
          g_autofree char *mine = comparable_name (t->department);
          g_autofree char *theirs = ref_dept ? comparable_name (ref_dept->department) : NULL;
          if (ref_dept == NULL)
            ref_dept = t;
          else if (strcmp (mine, theirs) != 0)
            {
              g_autofree char *zh = g_strdup_printf ("%s：%s的部门名称为“%s”，%s为“%s”", rule->message,
                                                     t->title, t->department, ref_dept->title,
                                                     ref_dept->department);
              g_autofree char *en = g_strdup_printf ("%s: %s names the department “%s”, %s “%s”",
                                                     rule->message_en, t->title, t->department,
                                                     ref_dept->title, ref_dept->department);
              FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
              fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->department_row,
                                   t->department_col, "部门名称", "", 0);
              fc_report_add_finding (c->report, f);
            }
        }
      if (t->year != NULL)
        {
          if (ref_year == NULL)
            ref_year = t;
          else if (strcmp (t->year, ref_year->year) != 0)
            {
              g_autofree char *zh = g_strdup_printf ("%s：%s为%s年度，%s为%s年度", rule->message,
                                                     t->title, t->year, ref_year->title, ref_year->year);
              g_autofree char *en = g_strdup_printf ("%s: %s is for %s, %s for %s", rule->message_en,
                                                     t->title, t->year, ref_year->title, ref_year->year);
              FcFinding *f = fc_finding_new (rule->id, rule->severity, t->id, zh, en);
              fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->year_row, t->year_col,
                                   "年度", "", 0);
              fc_report_add_finding (c->report, f);
            }
        }
    }
}

/* The tables should state one unit; the rules compare them in 万元 either
 * way, so this is said once, naming the tables that differ from most. */
void
fc_check_unit_agreement (FcCheckContext *c, const FcRule *rule)
{
  g_autoptr (GHashTable) count = g_hash_table_new (g_str_hash, g_str_equal);
  const char *most = NULL;
  guint most_n = 0;
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      const char *unit = t->unit ? t->unit : "万元";
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (count, unit)) + 1;
      g_hash_table_insert (count, (gpointer) unit, GUINT_TO_POINTER (n));
      if (n > most_n)
        most = unit, most_n = n;
    }
  if (g_hash_table_size (count) < 2)
    return;
  g_autoptr (GString) zh = g_string_new (NULL);
  g_autoptr (GString) en = g_string_new (NULL);
  FcFinding *f = fc_finding_new (rule->id, rule->severity, "", "", "");
  for (guint i = 0; i < c->tables->len; i++)
    {
      const FcTable *t = g_ptr_array_index (c->tables, i);
      const char *unit = t->unit ? t->unit : "万元";
      if (strcmp (unit, most) == 0)
        continue;
      g_string_append_printf (zh, "%s%s表为%s", zh->len ? "，" : "", t->id, unit);
      g_string_append_printf (en, "%stable %s is in %s", en->len ? ", " : "", t->id, unit);
      fc_finding_add_cell (f, fc_sheet_get_name (t->sheet), t->unit ? t->unit_row : t->title_row,
                           t->unit ? t->unit_col : t->title_col, t->title, "", 0);
    }
  g_free (f->message);
  g_free (f->message_en);
  f->message = g_strdup_printf ("%s：其余各表为%s，%s（表间校验已按万元折算）", rule->message, most, zh->str);
  f->message_en = g_strdup_printf ("%s: most tables are in %s, %s (compared across tables in 万元)",
                                   rule->message_en, most, en->str);
  fc_report_add_finding (c->report, f);
}
