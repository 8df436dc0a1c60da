/* fc-report-sheet.c — the findings as a sheet (see fc-report-sheet.h). */
#include "fc-report-sheet.h"

#include "fc-calc.h"
#include "fc-mark-store.h"
#include "fc-marks.h"
#include "fc-sheet-undo.h"
#include "fc-ui-locale.h"

#define HEADER_ROW FC_REPORT_SHEET_HEADER_ROW
#define MESSAGE_COL 4     /* the findings in the UI language */
#define OTHER_COL 5       /* the same in the other language: hidden */
#define FIRST_AMOUNT_COL 6
#define FIRST_LINK_COL FC_REPORT_SHEET_FIRST_LINK_COL  /* the cell links follow the fixed columns */
#define LINK_COLOR 0x0000EE   /* Calc's own colour for a visited-never link */
#define HEADER_COLOR 0xDDDDDD
#define AMOUNT_FORMAT "#,##0.00"
#define PERCENT_FORMAT "0.00\"%\""  /* 2.64 is 2.64%: the amounts are percentages already */

/* Each header in zh-CN and en-US. */
static const char *const headers[FIRST_LINK_COL + 1][2] = {
  { "序号", "No." }, { "严重程度", "Severity" }, { "规则", "Rule" }, { "表", "Table" },
  { "说明", "Description" }, { "Description", "说明" }, { "应为", "Expected" },
  { "实际", "Actual" }, { "差额", "Difference" }, { "单元格", "Cells" }
};

/* The widest a column fitted to its content may get, in 1/100 mm (the
 * message column is wrapped at its width instead). */
static const sal_Int32 max_widths[FIRST_LINK_COL + 1] = {
  1600, 2400, 2000, 7000, 14000, 14000, 3200, 3200, 3200, 6500
};

static const char *
severity_text (FcSeverity severity, gboolean zh)
{
  switch (severity)
    {
    case FC_SEVERITY_ERROR:
      return zh ? "错误" : "Error";
    case FC_SEVERITY_WARNING:
      return zh ? "警告" : "Warning";
    case FC_SEVERITY_INFO:
    default:
      return zh ? "提示" : "Note";
    }
}

/* The findings of report in the order the sheet lists them: errors, then
 * warnings, then notes, each in the order found (transfer container). */
static GPtrArray *
sorted_findings (const FcReport *report)
{
  GPtrArray *sorted = g_ptr_array_sized_new (report->findings->len);

  for (int s = FC_SEVERITY_ERROR; s >= FC_SEVERITY_INFO; s--)
    for (guint i = 0; i < report->findings->len; i++)
      if (((const FcFinding *) report->findings->pdata[i])->severity == (FcSeverity) s)
        g_ptr_array_add (sorted, report->findings->pdata[i]);
  return sorted;
}

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
build_grid (const FcReport *report, const GPtrArray *findings, guint n_cols)
{
  gboolean zh = fc_ui_locale_is_chinese ();
  FcCalcGrid *grid = fc_calc_grid_new (HEADER_ROW + 1 + findings->len, n_cols);
  guint errors = fc_report_count (report, FC_SEVERITY_ERROR);
  guint warnings = fc_report_count (report, FC_SEVERITY_WARNING);
  guint infos = fc_report_count (report, FC_SEVERITY_INFO);
  g_autofree char *counts = zh ? g_strdup_printf ("错误 %u 处，警告 %u 处，提示 %u 处", errors,
                                                  warnings, infos)
                               : g_strdup_printf ("%u error(s), %u warning(s), %u note(s)",
                                                  errors, warnings, infos);
  g_autofree char *narrative = fc_report_narrative_line (report, !zh);

  fc_calc_grid_set_text (grid, 0, 0, zh ? "FiscalCheck 审核结果" : "FiscalCheck findings");
  fc_calc_grid_set_text (grid, 1, 0, counts);
  fc_calc_grid_set_text (grid, 2, 0, narrative != NULL ? narrative : "");
  fc_calc_grid_set_text (grid, 3, 0,
                         zh ? "单击“单元格”列的链接即跳转到该单元格；双击某一行，跳转到这一问题的第一个单元格"
                            : "Click a link under Cells to go to that cell; double-click a row to go "
                              "to its finding's first cell");
  for (guint c = 0; c <= FIRST_LINK_COL; c++)
    fc_calc_grid_set_text (grid, HEADER_ROW, c, headers[c][zh ? 0 : 1]);
  for (guint i = 0; i < findings->len; i++)
    {
      const FcFinding *f = findings->pdata[i];
      guint r = HEADER_ROW + 1 + i;
      g_autofree char *buffer = NULL;
      const char *en = f->message_en != NULL && *f->message_en != '\0' ? f->message_en : f->message;

      fc_calc_grid_set_number (grid, r, 0, i + 1);
      fc_calc_grid_set_text (grid, r, 1, severity_text (f->severity, zh));
      fc_calc_grid_set_text (grid, r, 2, f->rule_id);
      fc_calc_grid_set_text (grid, r, 3, fc_report_table_name (report, f->table, &buffer));
      fc_calc_grid_set_text (grid, r, MESSAGE_COL, zh ? f->message : en);
      fc_calc_grid_set_text (grid, r, OTHER_COL, zh ? en : f->message);
      if (f->has_amounts)
        {
          fc_calc_grid_set_number (grid, r, FIRST_AMOUNT_COL, f->expected);
          fc_calc_grid_set_number (grid, r, FIRST_AMOUNT_COL + 1, f->actual);
          fc_calc_grid_set_number (grid, r, FIRST_AMOUNT_COL + 2, f->difference);
        }
    }
  return grid;
}

/* Sets a property of the range rows × cols at row/col of sheet: kind 'l'
 * long, 'b' boolean, 's' short, 'f' float. */
static gboolean
style_range (uno_Interface *sheet, guint row, guint col, guint n_rows, guint n_cols,
             const char *name, char kind, double value, GError **error)
{
  uno_Interface *range;
  gboolean ok;

  if (n_rows == 0 || n_cols == 0)
    return TRUE;
  range = fc_calc_range (sheet, row, col, n_rows, n_cols, error);
  if (range == NULL)
    return FALSE;
  switch (kind)
    {
    case 'b':
      ok = fc_calc_set_bool (range, name, value != 0, error);
      break;
    case 's':
      ok = fc_calc_set_short (range, name, (sal_Int16) value, error);
      break;
    case 'f':
      ok = fc_calc_set_float (range, name, (float) value, error);
      break;
    case 'l':
    default:
      ok = fc_calc_set_long (range, name, (sal_Int32) value, error);
      break;
    }
  fc_uno_release (range);
  return ok;
}

/* Number formats, the header's look, the links' look, the wrapped
 * messages. */
static gboolean
format (uno_Interface *document, uno_Interface *sheet, const GPtrArray *findings, guint n_cols,
        GError **error)
{
  gint32 amount = fc_calc_number_format (document, AMOUNT_FORMAT, error);
  gint32 percent = amount >= 0 ? fc_calc_number_format (document, PERCENT_FORMAT, error) : -1;
  guint n = findings->len;

  if (percent < 0
      || !style_range (sheet, HEADER_ROW + 1, FIRST_AMOUNT_COL, n, 3, "NumberFormat", 'l', amount,
                       error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (((const FcFinding *) findings->pdata[i])->percent
        && !style_range (sheet, HEADER_ROW + 1 + i, FIRST_AMOUNT_COL, 1, 3, "NumberFormat", 'l',
                         percent, error))
      return FALSE;
  return style_range (sheet, HEADER_ROW, 0, 1, n_cols, "CellBackColor", 'l', HEADER_COLOR, error)
         && style_range (sheet, HEADER_ROW, 0, 1, n_cols, "CharWeight", 'f', 150.0 /* BOLD */,
                         error)
         && style_range (sheet, 0, 0, 1, 1, "CharWeight", 'f', 150.0, error)
         && style_range (sheet, HEADER_ROW + 1, FIRST_LINK_COL, n, n_cols - FIRST_LINK_COL,
                         "CharColor", 'l', LINK_COLOR, error)
         && style_range (sheet, HEADER_ROW + 1, FIRST_LINK_COL, n, n_cols - FIRST_LINK_COL,
                         "CharUnderline", 's', 1 /* FontUnderline.SINGLE */, error)
         && style_range (sheet, HEADER_ROW + 1, MESSAGE_COL, n, 1, "IsTextWrapped", 'b', 1, error)
         /* a wrapped message's row reads from its top line */
         && style_range (sheet, HEADER_ROW + 1, 0, n, n_cols, "VertJustify", 'l',
                         1 /* CellVertJustify2.TOP */, error);
}

/* Hyperlinks to the cells and the severity colours, which setDataArray
 * cannot write. */
static gboolean
decorate (uno_Interface *sheet, const GPtrArray *findings, GError **error)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const FcFinding *f = findings->pdata[i];
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

/* Each column fitted to its content, up to its widest; the message column
 * as wide as its widest (its text wraps); the other language hidden. */
static gboolean
set_widths (uno_Interface *sheet, guint n_cols, GError **error)
{
  uno_Interface *columns = NULL;
  gboolean ok;

  ok = fc_uno_query_call (sheet, "com.sun.star.table.XColumnRowRange", "getColumns", &columns,
                          NULL, error);
  for (guint c = 0; ok && c < n_cols; c++)
    {
      sal_Int32 index = (sal_Int32) c, width = 0;
      sal_Int32 widest = max_widths[MIN (c, FIRST_LINK_COL)];
      void *args[1] = { &index };
      uno_Any item;
      uno_Interface *column;

      ok = fc_uno_query_call (columns, "com.sun.star.container.XIndexAccess", "getByIndex",
                              &item, args, error);
      if (!ok)
        break;
      column = fc_uno_any_get_interface (&item);
      if (c == MESSAGE_COL)
        ok = fc_calc_set_long (column, "Width", widest, error);
      else if (c == OTHER_COL)
        ok = fc_calc_set_bool (column, "IsVisible", FALSE, error);
      else
        ok = fc_calc_set_bool (column, "OptimalWidth", TRUE, error)
             && fc_calc_get_long (column, "Width", &width, error)
             && (width <= widest || fc_calc_set_long (column, "Width", widest, error));
      uno_any_destruct (&item, NULL);
    }
  fc_uno_release (columns);
  return ok;
}

/* The findings' rows as high as their wrapped text once the columns have
 * their widths: Calc sized them while the message column was narrow. */
static gboolean
fit_heights (uno_Interface *sheet, guint n_findings, GError **error)
{
  uno_Interface *range, *rows = NULL;
  gboolean ok;

  if (n_findings == 0)
    return TRUE;
  range = fc_calc_range (sheet, HEADER_ROW + 1, 0, n_findings, 1, error);
  ok = range != NULL
       && fc_uno_query_call (range, "com.sun.star.table.XColumnRowRange", "getRows", &rows, NULL,
                             error)
       && fc_calc_set_bool (rows, "OptimalHeight", TRUE, error);
  fc_uno_release (rows);
  fc_uno_release (range);
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
  g_autoptr (GPtrArray) findings = sorted_findings (report);
  g_autoptr (FcCalcGrid) grid = NULL;
  guint max_cells = 1;
  uno_Interface *sheet;
  gboolean ok;

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < report->findings->len; i++)
    max_cells = MAX (max_cells, ((const FcFinding *) report->findings->pdata[i])->cells->len);
  grid = build_grid (report, findings, FIRST_LINK_COL + max_cells);
  sheet = fc_sheet_undo_append (document, name, TRUE, error);
  if (sheet == NULL)
    return NULL;
  ok = fc_calc_grid_write (grid, sheet, 0, 0, error)
       && decorate (sheet, findings, error)
       && format (document, sheet, findings, grid->n_cols, error)
       && set_widths (sheet, grid->n_cols, error)
       && fit_heights (sheet, findings->len, error);
  fc_uno_release (sheet);
  /* record even after a failure, so Clear marks can remove the sheet */
  if (!record (document, name, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&name);
}
