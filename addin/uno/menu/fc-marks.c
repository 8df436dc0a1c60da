/* fc-marks.c — cell marks and their exact removal (see fc-marks.h). */
#include "fc-marks.h"

#include "fc-amount.h"
#include "fc-calc.h"
#include "fc-mark-store.h"
#include "fc-sheet-undo.h"
#include "fc-workbook.h"

#define BACK_COLOR  "CellBackColor"
#define TRANSPARENT "IsCellBackgroundTransparent"

/* One cell to mark, with every finding that involves it. */
typedef struct _Target {
  const char *sheet;   /* transfer none: borrowed from the report */
  guint row, col;
  FcSeverity severity; /* the worst of its findings */
  GPtrArray *findings; /* of FcFinding*, transfer none */
  const struct _Target *cause; /* the common cell its one finding shares, or NULL */
} Target;

static void
target_free (gpointer data)
{
  Target *target = data;

  g_ptr_array_unref (target->findings);
  g_free (target);
}

/* The cells of report's error and warning findings, in report order, each
 * once (transfer full: of Target*). */
static GPtrArray *
collect_targets (const FcReport *report)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (target_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < report->findings->len; i++)
    {
      FcFinding *finding = report->findings->pdata[i];

      if (finding->severity < FC_SEVERITY_WARNING)
        continue;
      for (guint j = 0; j < finding->cells->len; j++)
        {
          const FcFindingCell *cell = finding->cells->pdata[j];
          char *key = g_strdup_printf ("%s\x1f%u\x1f%u", cell->sheet, cell->row, cell->col);
          Target *target = g_hash_table_lookup (seen, key);

          if (target == NULL)
            {
              target = g_new0 (Target, 1);
              target->sheet = cell->sheet;
              target->row = cell->row;
              target->col = cell->col;
              target->severity = finding->severity;
              target->findings = g_ptr_array_new ();
              g_ptr_array_add (targets, target);
              g_hash_table_insert (seen, key, target);
            }
          else
            g_free (key);
          target->severity = MAX (target->severity, finding->severity);
          if (target->findings->len == 0
              || target->findings->pdata[target->findings->len - 1] != finding)
            g_ptr_array_add (target->findings, finding);
        }
    }
  return targets;
}

/* One wrong total makes every cell summed with it part of a finding: the
 * cell most findings share is their likely common cause.  A cell with a
 * single finding whose cells include such a cell (in more findings than
 * any other of them, and in more than one) is told so (Target.cause). */
static void
find_common_causes (GPtrArray *targets)
{
  g_autoptr (GHashTable) by_finding = g_hash_table_new_full (NULL, NULL, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer finding, list;

  for (guint i = 0; i < targets->len; i++)
    {
      Target *target = targets->pdata[i];

      for (guint j = 0; j < target->findings->len; j++)
        {
          GPtrArray *cells = g_hash_table_lookup (by_finding, target->findings->pdata[j]);

          if (cells == NULL)
            g_hash_table_insert (by_finding, target->findings->pdata[j],
                                 (cells = g_ptr_array_new ()));
          g_ptr_array_add (cells, target);
        }
    }
  g_hash_table_iter_init (&iter, by_finding);
  while (g_hash_table_iter_next (&iter, &finding, &list))
    {
      GPtrArray *cells = list;
      const Target *best = NULL;
      gboolean unique = FALSE;

      for (guint i = 0; i < cells->len; i++)
        {
          const Target *t = cells->pdata[i];

          if (best == NULL || t->findings->len > best->findings->len)
            best = t, unique = TRUE;
          else if (t->findings->len == best->findings->len)
            unique = FALSE;
        }
      for (guint i = 0; unique && best->findings->len > 1 && i < cells->len; i++)
        {
          Target *t = cells->pdata[i];

          if (t != best && t->findings->len == 1)
            t->cause = best;
        }
    }
}

/* The note on a cell that only follows from a common cause (transfer full). */
static char *
cause_note (const Target *cause)
{
  g_autofree char *address = fc_cell_address (cause->row, cause->col);

  return g_strdup_printf ("共同原因：%s!%s 涉及 %u 处问题，本单元格可能只是随之出错，请先核对该单元格。\n"
                          "Common cause: %s!%s is in %u findings; this cell may only follow from it: "
                          "check that cell first.",
                          cause->sheet, address, cause->findings->len, cause->sheet, address,
                          cause->findings->len);
}

char *
fc_marks_annotation_text (GPtrArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const FcFinding *f = findings->pdata[i];

      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append_printf (text, "FiscalCheck %s · %s", fc_severity_format (f->severity, FC_SEVERITY_BILINGUAL),
                              f->rule_id);
      if (f->table != NULL && *f->table != '\0')
        g_string_append_printf (text, " · 公开%s表", f->table);
      g_string_append_printf (text, "\n%s", f->message);
      if (f->has_amounts)
        {
          g_autofree char *expected = fc_amount_format (f->expected);
          g_autofree char *actual = fc_amount_format (f->actual);
          g_autofree char *difference = fc_amount_format (f->difference);

          g_string_append_printf (text, "\n应为 expected %s；实际 actual %s；差额 difference %s",
                                  expected, actual, difference);
        }
      if (f->message_en != NULL && *f->message_en != '\0')
        g_string_append_printf (text, "\n%s", f->message_en);
    }
  return g_string_free (text, FALSE);
}

/* Sheets by name, looked up once per run (values: acquired sheets). */
static GHashTable *
sheet_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) fc_uno_release);
}

/* The named sheet (transfer none: owned by cache), or NULL when it is gone. */
static uno_Interface *
sheet_cache_get (GHashTable *cache, uno_Interface *document, const char *name, GError **error)
{
  uno_Interface *sheet;

  if (g_hash_table_lookup_extended (cache, name, NULL, (gpointer *) &sheet))
    return sheet;
  sheet = fc_calc_sheet (document, name, error);
  if (sheet != NULL || error == NULL || *error == NULL)
    g_hash_table_insert (cache, g_strdup (name), sheet);
  return sheet;
}

/* Records the cell's current look in entry, then marks it. */
static gboolean
mark_cell (uno_Interface *document, uno_Interface *sheet, const Target *target,
           FcMarkEntry *entry, GError **error)
{
  uno_Interface *cell = fc_calc_cell (sheet, target->row, target->col, error);
  g_autofree char *text = NULL;
  gboolean ok;

  if (cell == NULL)
    return FALSE;
  g_clear_pointer (&entry->comment, g_free);
  ok = fc_calc_is_direct (cell, BACK_COLOR, &entry->direct, error)
       && fc_calc_get_long (cell, BACK_COLOR, &entry->back_color, error)
       && fc_calc_get_bool (cell, TRANSPARENT, &entry->transparent, error)
       && (entry->comment = fc_calc_annotation (cell, error)) != NULL;
  if (ok)
    {
      entry->had_comment = *entry->comment != '\0';
      g_clear_pointer (&entry->mark_comment, g_free);
      text = fc_marks_annotation_text (target->findings);
      if (target->cause != NULL)
        {
          g_autofree char *note = cause_note (target->cause);
          char *with = g_strconcat (text, "\n\n", note, NULL);

          g_free (text);
          text = with;
        }
      /* read back what Calc made of colour and text: Clear compares with it */
      ok = fc_calc_set_long (cell, BACK_COLOR,
                             target->severity == FC_SEVERITY_ERROR ? FC_MARK_COLOR_ERROR
                                                                   : FC_MARK_COLOR_WARNING,
                             error)
           && fc_calc_get_long (cell, BACK_COLOR, &entry->mark_color, error);
      if (ok && entry->had_comment)
        {
          /* ours on top of the user's, set in place: a replaced comment
           * would carry a new author and date, and Clear could not give
           * it back byte for byte */
          g_autofree char *both = g_strconcat (text, "\n\n", entry->comment, NULL);

          ok = fc_sheet_undo_annotation (document, target->sheet, target->row, target->col,
                                         both, error);
        }
      else if (ok)
        ok = fc_calc_set_annotation (sheet, target->row, target->col, text, error);
      if (ok)
        ok = (entry->mark_comment = fc_calc_annotation (cell, error)) != NULL;
    }
  if (entry->comment == NULL)
    entry->comment = g_strdup ("");
  if (entry->mark_comment == NULL)
    entry->mark_comment = g_strdup ("");
  fc_uno_release (cell);
  return ok;
}

gboolean
fc_marks_apply (uno_Interface *document, const FcReport *report, GError **error)
{
  g_autoptr (GPtrArray) targets = collect_targets (report);
  g_autoptr (GHashTable) sheets = sheet_cache_new ();
  g_autoptr (FcMarkStore) store = fc_mark_store_new ();
  gboolean ok = TRUE;

  find_common_causes (targets);
  /* before any change: the bookkeeping could not be written */
  if (!fc_mark_store_check_name (document, error) || !fc_marks_clear (document, error))
    return FALSE;
  for (guint i = 0; i < targets->len && ok; i++)
    {
      const Target *target = targets->pdata[i];
      uno_Interface *sheet = sheet_cache_get (sheets, document, target->sheet, error);

      if (sheet == NULL)
        {
          if (error != NULL && *error != NULL)
            ok = FALSE;
          else
            g_warning ("finding on sheet %s, which the document does not have", target->sheet);
          continue;
        }
      ok = mark_cell (document, sheet, target,
                      fc_mark_store_add (store, target->sheet, target->row, target->col),
                      error);
    }
  /* even after a failure: the bookkeeping must cover what was marked */
  if (store->entries->len > 0
      && !fc_mark_store_save (document, store, ok ? error : NULL))
    ok = FALSE;
  return ok;
}

/* Puts a marked cell back as it was, unless the user changed the mark. */
static gboolean
restore_cell (uno_Interface *document, uno_Interface *sheet, const FcMarkEntry *entry,
              GError **error)
{
  uno_Interface *cell = fc_calc_cell (sheet, entry->row, entry->col, error);
  g_autofree char *comment = NULL;
  sal_Int32 color = 0;
  gboolean ok;

  if (cell == NULL)
    return FALSE;
  ok = fc_calc_get_long (cell, BACK_COLOR, &color, error);
  if (ok && color == entry->mark_color)
    {
      if (!entry->direct)
        ok = fc_calc_set_default (cell, BACK_COLOR, error);
      else
        ok = fc_calc_set_long (cell, BACK_COLOR, entry->back_color, error)
             && fc_calc_set_bool (cell, TRANSPARENT, entry->transparent, error);
    }
  if (ok)
    ok = (comment = fc_calc_annotation (cell, error)) != NULL;
  if (ok && g_strcmp0 (comment, entry->mark_comment) == 0)
    {
      if (!entry->had_comment)
        ok = fc_calc_remove_annotation (cell, error);
      else
        /* in place, keeping the user's author and date; nothing to do for
         * marks of the versions that left a user's comment alone */
        ok = fc_sheet_undo_annotation (document, entry->sheet, entry->row, entry->col,
                                       entry->comment, error);
    }
  fc_uno_release (cell);
  return ok;
}

gboolean
fc_marks_clear (uno_Interface *document, GError **error)
{
  g_autoptr (GError) first_error = NULL;
  g_autoptr (FcMarkStore) store = fc_mark_store_load (document, &first_error);
  g_autoptr (GHashTable) sheets = sheet_cache_new ();

  if (store == NULL)
    {
      if (first_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&first_error));
          return FALSE;
        }
      return TRUE;
    }
  /* best effort: restore every cell we can, report the first failure */
  for (guint i = 0; i < store->entries->len; i++)
    {
      const FcMarkEntry *entry = store->entries->pdata[i];
      g_autoptr (GError) local = NULL;
      uno_Interface *sheet = sheet_cache_get (sheets, document, entry->sheet, &local);

      if (sheet != NULL)
        restore_cell (document, sheet, entry, &local);
      if (local != NULL && first_error == NULL)
        first_error = g_steal_pointer (&local);
    }
  if (first_error != NULL)
    {
      /* keep the bookkeeping: a second Clear can finish the job */
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  if (store->report_sheet != NULL
      && !fc_sheet_undo_remove (document, store->report_sheet, error))
    return FALSE;
  return fc_mark_store_remove (document, error);
}
