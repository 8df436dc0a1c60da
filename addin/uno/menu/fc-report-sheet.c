/* fc-report-sheet.c — the findings as a sheet (see fc-report-sheet.h). */
#include "fc-report-sheet.h"

#include "fc-calc.h"
#include "fc-mark-store.h"
#include "fc-marks.h"
#include "fc-sheet-undo.h"

#define HEADER_ROW 3
#define FIRST_LINK_COL 9 /* the cell hyperlinks follow the fixed columns */

static const char *const headers[FIRST_LINK_COL + 1] = {
  "序号 No.", "严重程度 Severity", "规则 Rule", "表 Table", "说明", "Description",
  "应为 Expected", "实际 Actual", "差额 Difference", "单元格 Cells"
};

/* Column widths in 1/100 mm, for the columns above. */
static const sal_Int32 widths[FIRST_LINK_COL + 1] = {
  1500, 2800, 2000, 2200, 9000, 9000, 2600, 2600, 2600, 5000
};

char *
fc_report_sheet_summary (const FcReport *report)
{
  guint errors = fc_report_count (report, FC_SEVERITY_ERROR);
  guint warnings = fc_report_count (report, FC_SEVERITY_WARNING);
  guint infos = fc_report_count (report, FC_SEVERITY_INFO);

  g_autofree char *zh = fc_report_narrative_line (report, FALSE);
  g_autofree char *en = fc_report_narrative_line (report, TRUE);

  return g_strdup_printf ("错误 %u 处，警告 %u 处，提示 %u 处%s%s / "
                          "%u error(s), %u warning(s), %u note(s)%s%s",
                          errors, warnings, infos, zh != NULL ? "；" : "", zh != NULL ? zh : "",
                          errors, warnings, infos, en != NULL ? "; " : "", en != NULL ? en : "");
}

/* A name no sheet of document has yet (transfer full). */
static char *
free_name (uno_Interface *document, GError **error)
{
  g_auto (GStrv) names = fc_calc_sheet_names (document, error);
  char *name;

  if (names == NULL)
    return NULL;
  name = g_strdup (FC_REPORT_SHEET_NAME);
  for (guint i = 2; g_strv_contains ((const char *const *) names, name); i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s %u", FC_REPORT_SHEET_NAME, i);
    }
  return name;
}

/* Appends text with every quote character doubled. */
static void
append_doubled (GString *out, const char *text, char quote)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == quote)
        g_string_append_c (out, quote);
      g_string_append_c (out, *p);
    }
}

/* =HYPERLINK("#'Sheet'.C12";"Sheet!C12") for a cell (transfer full). */
static char *
link_formula (const FcFindingCell *cell)
{
  g_autoptr (GString) target = g_string_new ("#'");
  g_autofree char *label = g_strdup_printf ("%s!%s", cell->sheet, cell->address);
  GString *formula = g_string_new ("=HYPERLINK(\"");

  append_doubled (target, cell->sheet, '\'');
  g_string_append_printf (target, "'.%s", cell->address);
  append_doubled (formula, target->str, '"');
  g_string_append (formula, "\";\"");
  append_doubled (formula, label, '"');
  g_string_append (formula, "\")");
  return g_string_free (formula, FALSE);
}

static FcCalcGrid *
build_grid (const FcReport *report, guint n_cols)
{
  FcCalcGrid *grid = fc_calc_grid_new (HEADER_ROW + 1 + report->findings->len, n_cols);
  g_autofree char *summary = fc_report_sheet_summary (report);

  fc_calc_grid_set_text (grid, 0, 0, "FiscalCheck 审核结果 / Findings");
  fc_calc_grid_set_text (grid, 1, 0, summary);
  for (guint c = 0; c <= FIRST_LINK_COL; c++)
    fc_calc_grid_set_text (grid, HEADER_ROW, c, headers[c]);
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = report->findings->pdata[i];
      guint r = HEADER_ROW + 1 + i;
      g_autofree char *table = NULL;

      if (f->table != NULL && *f->table != '\0')
        table = g_strdup_printf ("公开%s表", f->table);
      fc_calc_grid_set_number (grid, r, 0, i + 1);
      fc_calc_grid_set_text (grid, r, 1, fc_severity_format (f->severity, FC_SEVERITY_BILINGUAL));
      fc_calc_grid_set_text (grid, r, 2, f->rule_id);
      fc_calc_grid_set_text (grid, r, 3, table != NULL ? table : "");
      fc_calc_grid_set_text (grid, r, 4, f->message);
      fc_calc_grid_set_text (grid, r, 5, f->message_en != NULL ? f->message_en : "");
      if (f->has_amounts)
        {
          fc_calc_grid_set_number (grid, r, 6, f->expected);
          fc_calc_grid_set_number (grid, r, 7, f->actual);
          fc_calc_grid_set_number (grid, r, 8, f->difference);
        }
    }
  return grid;
}

/* Hyperlinks to the cells and the severity colours, which setDataArray
 * cannot write. */
static gboolean
decorate (uno_Interface *sheet, const FcReport *report, GError **error)
{
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = report->findings->pdata[i];
      guint r = HEADER_ROW + 1 + i;

      for (guint j = 0; j < f->cells->len; j++)
        {
          g_autofree char *formula = link_formula (f->cells->pdata[j]);
          uno_Interface *cell = fc_calc_cell (sheet, r, FIRST_LINK_COL + j, error);
          gboolean ok = cell != NULL && fc_calc_set_formula (cell, formula, error);

          fc_uno_release (cell);
          if (!ok)
            return FALSE;
        }
      if (f->severity >= FC_SEVERITY_WARNING)
        {
          uno_Interface *cell = fc_calc_cell (sheet, r, 1, error);
          gboolean ok = cell != NULL
                        && fc_calc_set_long (cell, "CellBackColor",
                                             f->severity == FC_SEVERITY_ERROR
                                               ? FC_MARK_COLOR_ERROR : FC_MARK_COLOR_WARNING,
                                             error);

          fc_uno_release (cell);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
set_widths (uno_Interface *sheet, guint n_cols, GError **error)
{
  uno_Interface *columns = NULL;
  gboolean ok;

  ok = fc_uno_query_call (sheet, "com.sun.star.table.XColumnRowRange", "getColumns", &columns,
                          NULL, error);
  for (guint c = 0; ok && c < n_cols; c++)
    {
      sal_Int32 index = (sal_Int32) c;
      void *args[1] = { &index };
      uno_Any item;

      ok = fc_uno_query_call (columns, "com.sun.star.container.XIndexAccess", "getByIndex",
                              &item, args, error);
      if (!ok)
        break;
      ok = fc_calc_set_long (fc_uno_any_get_interface (&item), "Width",
                             widths[MIN (c, FIRST_LINK_COL)], error);
      uno_any_destruct (&item, NULL);
    }
  fc_uno_release (columns);
  return ok;
}

/* Notes the report sheet in the bookkeeping, creating it when there are
 * no marks (a clean workbook still gets a report to remove). */
static gboolean
record (uno_Interface *document, const char *name, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (FcMarkStore) store = fc_mark_store_load (document, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (store == NULL)
    store = fc_mark_store_new ();
  g_free (store->report_sheet);
  store->report_sheet = g_strdup (name);
  return fc_mark_store_save (document, store, error);
}

char *
fc_report_sheet_write (uno_Interface *document, const FcReport *report, GError **error)
{
  g_autofree char *name = free_name (document, error);
  g_autoptr (FcCalcGrid) grid = NULL;
  guint max_cells = 1;
  uno_Interface *sheet;
  gboolean ok;

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < report->findings->len; i++)
    max_cells = MAX (max_cells, ((const FcFinding *) report->findings->pdata[i])->cells->len);
  grid = build_grid (report, FIRST_LINK_COL + max_cells);
  sheet = fc_sheet_undo_append (document, name, TRUE, error);
  if (sheet == NULL)
    return NULL;
  ok = fc_calc_grid_write (grid, sheet, 0, 0, error)
       && decorate (sheet, report, error)
       && set_widths (sheet, grid->n_cols, error);
  fc_uno_release (sheet);
  /* record even after a failure, so Clear marks can remove the sheet */
  if (!record (document, name, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&name);
}
