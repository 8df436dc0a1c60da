/* fc-findings-ranges.c — FISCALCHECKFINDINGS() array ranges of a document
 * (see fc-findings-ranges.h). */
#include "fc-findings-ranges.h"

#include "fc-uno-struct.h"

#define RANGE_ADDRESS "com.sun.star.table.CellRangeAddress"

/* An array's extent on a sheet, 0-based and inclusive. */
typedef struct {
  gint col0, row0, col1, row1;
} Extent;

static gboolean
range_address (uno_Interface *range, Extent *extent, GError **error)
{
  g_autoptr (FcUnoStruct) address = fc_uno_struct_new (RANGE_ADDRESS, error);

  return address != NULL
         && fc_uno_query_call (range, "com.sun.star.sheet.XCellRangeAddressable",
                               "getRangeAddress", address->data, NULL, error)
         && fc_uno_struct_get_int (address, "StartColumn", &extent->col0)
         && fc_uno_struct_get_int (address, "StartRow", &extent->row0)
         && fc_uno_struct_get_int (address, "EndColumn", &extent->col1)
         && fc_uno_struct_get_int (address, "EndRow", &extent->row1);
}

/* The array (or lone cell) at col/row of sheet: its extent into *extent
 * and, for an array, its formula into fit. */
static gboolean
probe (uno_Interface *sheet, gint col, gint row, FcFindingsFit *fit, Extent *extent,
       GError **error)
{
  sal_Int32 c = col, r = row;
  void *pos_args[2] = { &c, &r };
  uno_Interface *cell = NULL, *cursor = NULL;
  rtl_uString *formula = NULL;
  void *cursor_args[1] = { &cell };
  gboolean ok;

  ok = fc_uno_query_call (sheet, "com.sun.star.table.XCellRange", "getCellByPosition", &cell,
                          pos_args, error);
  if (ok)
    {
      uno_Interface *range = fc_uno_query (cell, "com.sun.star.sheet.XSheetCellRange", error);

      fc_uno_release (cell);
      cell = range;
      ok = cell != NULL;
    }
  /* a cell in no array: the cursor stays on it (1×1) */
  ok = ok
       && fc_uno_query_call (sheet, "com.sun.star.sheet.XSpreadsheet", "createCursorByRange",
                             &cursor, cursor_args, error)
       && fc_uno_query_call (cursor, "com.sun.star.sheet.XSheetCellCursor",
                             "collapseToCurrentArray", NULL, NULL, error)
       && range_address (cursor, extent, error)
       && fc_uno_query_call (cursor, "com.sun.star.sheet.XArrayFormulaRange", "getArrayFormula",
                             &formula, NULL, error);
  if (ok)
    {
      g_autofree char *text = fc_uno_string_to_utf8 (formula);

      fc_findings_fit_add (fit, text, (guint) (extent->row1 - extent->row0 + 1));
      rtl_uString_release (formula);
    }
  fc_uno_release (cursor);
  fc_uno_release (cell);
  return ok;
}

static gboolean
inside (const GArray *extents, gint col, gint row)
{
  for (guint i = 0; i < extents->len; i++)
    {
      const Extent *e = &g_array_index (extents, Extent, i);

      if (col >= e->col0 && col <= e->col1 && row >= e->row0 && row <= e->row1)
        return TRUE;
    }
  return FALSE;
}

/* Calc's search over the sheet's formula cells: the cells whose formula
 * has "FINDINGS" (display or programmatic name), as an XIndexAccess of
 * ranges; *hits NULL when none. */
static gboolean
find_calls (uno_Interface *sheet, uno_Interface **hits, GError **error)
{
  uno_Interface *formulas = NULL, *descriptor = NULL;
  sal_Int16 flags = 16; /* com.sun.star.sheet.CellFlags.FORMULA */
  void *query_args[1] = { &flags };
  sal_Int32 n_ranges = 0;
  gboolean ok;

  *hits = NULL;
  ok = fc_uno_query_call (sheet, "com.sun.star.sheet.XCellRangesQuery", "queryContentCells",
                          &formulas, query_args, error)
       && fc_uno_query_call (formulas, "com.sun.star.container.XIndexAccess", "getCount",
                             &n_ranges, NULL, error);
  if (ok && n_ranges > 0)
    {
      rtl_uString *text = fc_uno_string_new ("FINDINGS");
      void *text_args[1] = { &text };
      void *find_args[1] = { &descriptor };

      /* a new descriptor searches formulas, ignoring case */
      ok = fc_uno_query_call (formulas, "com.sun.star.util.XSearchable",
                              "createSearchDescriptor", &descriptor, NULL, error)
           && fc_uno_query_call (descriptor, "com.sun.star.util.XSearchDescriptor",
                                 "setSearchString", NULL, text_args, error)
           && fc_uno_query_call (formulas, "com.sun.star.util.XSearchable", "findAll", hits,
                                 find_args, error);
      rtl_uString_release (text);
    }
  fc_uno_release (descriptor);
  fc_uno_release (formulas);
  return ok;
}

/* Adds the lists on sheet to fit. */
static gboolean
scan_sheet (uno_Interface *sheet, FcFindingsFit *fit, GError **error)
{
  g_autoptr (GArray) extents = g_array_new (FALSE, FALSE, sizeof (Extent));
  uno_Interface *hits = NULL;
  sal_Int32 n = 0;
  gboolean ok = find_calls (sheet, &hits, error);

  if (ok && hits != NULL)
    ok = fc_uno_query_call (hits, "com.sun.star.container.XIndexAccess", "getCount", &n, NULL,
                            error);
  for (sal_Int32 i = 0; ok && i < n; i++)
    {
      void *index_args[1] = { &i };
      uno_Any item;
      Extent hit;

      if (!fc_uno_query_call (hits, "com.sun.star.container.XIndexAccess", "getByIndex", &item,
                              index_args, error))
        {
          ok = FALSE;
          break;
        }
      if (fc_uno_any_get_interface (&item) == NULL)
        {
          uno_any_destruct (&item, NULL);
          continue;
        }
      ok = range_address (fc_uno_any_get_interface (&item), &hit, error);
      uno_any_destruct (&item, NULL);
      /* the first cell of an array met in reading order is its origin;
       * its other cells are then skipped */
      for (gint row = hit.row0; ok && row <= hit.row1; row++)
        for (gint col = hit.col0; ok && col <= hit.col1; col++)
          if (!inside (extents, col, row))
            {
              Extent extent;

              ok = probe (sheet, col, row, fit, &extent, error);
              if (ok)
                g_array_append_val (extents, extent);
            }
    }
  fc_uno_release (hits);
  return ok;
}

FcFindingsFit *
fc_findings_ranges_scan (uno_Interface *document, GError **error)
{
  g_autoptr (FcFindingsFit) fit = fc_findings_fit_new ();
  uno_Interface *sheets = NULL;
  sal_Int32 n = 0;
  gboolean ok;

  ok = fc_uno_query_call (document, "com.sun.star.sheet.XSpreadsheetDocument", "getSheets",
                          &sheets, NULL, error)
       && fc_uno_query_call (sheets, "com.sun.star.container.XIndexAccess", "getCount", &n,
                             NULL, error);
  for (sal_Int32 i = 0; ok && i < n; i++)
    {
      void *index_args[1] = { &i };
      uno_Any item;

      if (!fc_uno_query_call (sheets, "com.sun.star.container.XIndexAccess", "getByIndex", &item,
                              index_args, error))
        {
          ok = FALSE;
          break;
        }
      if (fc_uno_any_get_interface (&item) != NULL)
        ok = scan_sheet (fc_uno_any_get_interface (&item), fit, error);
      uno_any_destruct (&item, NULL);
    }
  fc_uno_release (sheets);
  return ok ? g_steal_pointer (&fit) : NULL;
}
