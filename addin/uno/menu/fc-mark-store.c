/* fc-mark-store.c — the bookkeeping sheet (see fc-mark-store.h). */
#include "fc-mark-store.h"

#include <string.h>

#include "fc-calc.h"
#include "fc-sheet-undo.h"

#define MAGIC      FC_MARK_STORE_MAGIC
#define FIRST_ROW  2  /* header, column titles, then entries */

enum {
  COL_SHEET, COL_ROW, COL_COL, COL_DIRECT, COL_COLOR, COL_TRANSPARENT,
  COL_HAD_COMMENT, COL_COMMENT, COL_MARK_COLOR, COL_MARK_COMMENT, N_COLS
};

static const char *const column_titles[N_COLS] = {
  "sheet", "row", "column", "direct background", "previous CellBackColor",
  "previous IsCellBackgroundTransparent", "had comment", "previous comment",
  "mark CellBackColor", "mark comment"
};

static void
entry_free (gpointer data)
{
  FcMarkEntry *entry = data;

  g_free (entry->sheet);
  g_free (entry->comment);
  g_free (entry->mark_comment);
  g_free (entry);
}

FcMarkStore *
fc_mark_store_new (void)
{
  FcMarkStore *store = g_new0 (FcMarkStore, 1);

  store->entries = g_ptr_array_new_with_free_func (entry_free);
  return store;
}

void
fc_mark_store_free (FcMarkStore *store)
{
  if (store == NULL)
    return;
  g_free (store->report_sheet);
  g_ptr_array_unref (store->entries);
  g_free (store);
}

FcMarkEntry *
fc_mark_store_add (FcMarkStore *store, const char *sheet, guint row, guint col)
{
  FcMarkEntry *entry = g_new0 (FcMarkEntry, 1);

  entry->sheet = g_strdup (sheet);
  entry->row = row;
  entry->col = col;
  entry->comment = g_strdup ("");
  entry->mark_comment = g_strdup ("");
  g_ptr_array_add (store->entries, entry);
  return entry;
}

/* A text cell of the grid, "" when it is not text (transfer full). */
static char *
grid_text (const FcCalcGrid *grid, guint row, guint col)
{
  char *text = fc_calc_grid_get_text (grid, row, col);

  return text != NULL ? text : g_strdup ("");
}

FcMarkStore *
fc_mark_store_load (uno_Interface *document, GError **error)
{
  g_autoptr (GError) local = NULL;
  uno_Interface *sheet = fc_calc_sheet (document, FC_MARK_STORE_SHEET, &local);
  g_autoptr (FcCalcGrid) grid = NULL;
  g_autoptr (FcMarkStore) store = NULL;
  g_autofree char *magic = NULL;
  guint n;

  if (sheet == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  grid = fc_calc_grid_read (sheet, error);
  fc_uno_release (sheet);
  if (grid == NULL)
    return NULL;
  magic = fc_calc_grid_get_text (grid, 0, 0);
  if (g_strcmp0 (magic, MAGIC) != 0)
    {
      /* a sheet of the user's that happens to have our name: not ours */
      g_message ("sheet %s is not FiscalCheck bookkeeping; ignored", FC_MARK_STORE_SHEET);
      return NULL;
    }
  store = fc_mark_store_new ();
  store->report_sheet = fc_calc_grid_get_text (grid, 0, 1);
  if (store->report_sheet != NULL && *store->report_sheet == '\0')
    g_clear_pointer (&store->report_sheet, g_free);
  n = (guint) fc_calc_grid_get_number (grid, 0, 2, 0);
  for (guint r = FIRST_ROW; r < FIRST_ROW + n && r < grid->n_rows; r++)
    {
      g_autofree char *name = fc_calc_grid_get_text (grid, r, COL_SHEET);
      FcMarkEntry *entry;

      if (name == NULL)
        continue;
      entry = fc_mark_store_add (store, name,
                                 (guint) fc_calc_grid_get_number (grid, r, COL_ROW, 0),
                                 (guint) fc_calc_grid_get_number (grid, r, COL_COL, 0));
      entry->direct = fc_calc_grid_get_number (grid, r, COL_DIRECT, 0) != 0;
      entry->back_color = (sal_Int32) fc_calc_grid_get_number (grid, r, COL_COLOR, -1);
      entry->transparent = fc_calc_grid_get_number (grid, r, COL_TRANSPARENT, 1) != 0;
      entry->had_comment = fc_calc_grid_get_number (grid, r, COL_HAD_COMMENT, 0) != 0;
      g_free (entry->comment);
      entry->comment = grid_text (grid, r, COL_COMMENT);
      entry->mark_color = (sal_Int32) fc_calc_grid_get_number (grid, r, COL_MARK_COLOR, -1);
      g_free (entry->mark_comment);
      entry->mark_comment = grid_text (grid, r, COL_MARK_COMMENT);
    }
  return g_steal_pointer (&store);
}

gboolean
fc_mark_store_save (uno_Interface *document, const FcMarkStore *store, GError **error)
{
  guint n = store->entries->len;
  g_autoptr (FcCalcGrid) grid = fc_calc_grid_new (FIRST_ROW + n, N_COLS);
  uno_Interface *sheet;
  gboolean ok;

  fc_calc_grid_set_text (grid, 0, 0, MAGIC);
  fc_calc_grid_set_text (grid, 0, 1, store->report_sheet != NULL ? store->report_sheet : "");
  fc_calc_grid_set_number (grid, 0, 2, n);
  for (guint c = 0; c < N_COLS; c++)
    fc_calc_grid_set_text (grid, 1, c, column_titles[c]);
  for (guint i = 0; i < n; i++)
    {
      const FcMarkEntry *e = store->entries->pdata[i];
      guint r = FIRST_ROW + i;

      fc_calc_grid_set_text (grid, r, COL_SHEET, e->sheet);
      fc_calc_grid_set_number (grid, r, COL_ROW, e->row);
      fc_calc_grid_set_number (grid, r, COL_COL, e->col);
      fc_calc_grid_set_number (grid, r, COL_DIRECT, e->direct);
      fc_calc_grid_set_number (grid, r, COL_COLOR, e->back_color);
      fc_calc_grid_set_number (grid, r, COL_TRANSPARENT, e->transparent);
      fc_calc_grid_set_number (grid, r, COL_HAD_COMMENT, e->had_comment);
      fc_calc_grid_set_text (grid, r, COL_COMMENT, e->comment);
      fc_calc_grid_set_number (grid, r, COL_MARK_COLOR, e->mark_color);
      fc_calc_grid_set_text (grid, r, COL_MARK_COMMENT, e->mark_comment);
    }

  /* a fresh sheet each time: no stale rows from a longer earlier store */
  if (!fc_mark_store_remove (document, error))
    return FALSE;
  sheet = fc_sheet_undo_append (document, FC_MARK_STORE_SHEET, FALSE, error);
  if (sheet == NULL)
    return FALSE;
  ok = fc_calc_grid_write (grid, sheet, 0, 0, error);
  fc_uno_release (sheet);
  return ok;
}

/* Whether the document's FC_MARK_STORE_SHEET is ours (A1 holds MAGIC);
 * TRUE in *ours too when there is no such sheet. */
static gboolean
store_sheet_is_ours (uno_Interface *document, gboolean *ours, GError **error)
{
  g_autoptr (GError) local = NULL;
  uno_Interface *sheet = fc_calc_sheet (document, FC_MARK_STORE_SHEET, &local);
  uno_Interface *cell = NULL;
  rtl_uString *text = NULL;
  gboolean ok;

  *ours = TRUE;
  if (sheet == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  ok = (cell = fc_calc_cell (sheet, 0, 0, error)) != NULL
       && fc_uno_query_call (cell, "com.sun.star.text.XTextRange", "getString", &text, NULL,
                             error);
  if (ok)
    {
      g_autofree char *magic = fc_uno_string_to_utf8 (text);

      *ours = strcmp (magic, MAGIC) == 0;
      rtl_uString_release (text);
    }
  fc_uno_release (cell);
  fc_uno_release (sheet);
  return ok;
}

gboolean
fc_mark_store_check_name (uno_Interface *document, GError **error)
{
  gboolean ours = TRUE;

  if (!store_sheet_is_ours (document, &ours, error))
    return FALSE;
  if (!ours)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE,
                 "工作表“%s”不是决算审核的记录，请改名后再审核 / "
                 "sheet “%s” is not FiscalCheck's bookkeeping: rename it to validate",
                 FC_MARK_STORE_SHEET, FC_MARK_STORE_SHEET);
  return ours;
}

gboolean
fc_mark_store_remove (uno_Interface *document, GError **error)
{
  /* never a user's sheet that happens to have our name */
  if (!fc_mark_store_check_name (document, error))
    return FALSE;
  /* not Calc's own removal: its redo crashes without an active view */
  return fc_sheet_undo_remove (document, FC_MARK_STORE_SHEET, error);
}
