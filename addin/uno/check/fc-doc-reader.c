/* fc-doc-reader.c — XSpreadsheetDocument → FcWorkbook (see fc-doc-reader.h).
 *
 * Per sheet: the used area through a sheet cursor, then one bulk
 * XCellRangeData.getDataArray() (a cell-by-cell read costs one UNO call per
 * cell).  Only absurdly large sheets are read in row chunks.
 */
#include "fc-doc-reader.h"

#include <math.h>

/* Rows per getDataArray call are chosen so one call returns at most this
 * many cells: bounds the temporary sequence LibreOffice builds. */
#define CHUNK_CELLS (1024 * 1024)

/* The last used row and column of a sheet (0-based), or FALSE. */
static gboolean
read_used_area (uno_Interface *sheet, sal_Int32 *end_row, sal_Int32 *end_col, GError **error)
{
  uno_Interface *cursor = NULL;
  uno_Interface *used = NULL;
  typelib_TypeDescription *addr_td = NULL;
  void *addr = NULL;
  sal_Bool expand = sal_False;
  void *args[1] = { &expand };
  gboolean constructed = FALSE;
  gboolean ok = FALSE;

  if (!fc_uno_query_call (sheet, "com.sun.star.sheet.XSpreadsheet", "createCursor",
                          &cursor, NULL, error))
    goto out;
  used = fc_uno_query (cursor, "com.sun.star.sheet.XUsedAreaCursor", error);
  if (used == NULL
      || !fc_uno_call (used, "com.sun.star.sheet.XUsedAreaCursor", "gotoEndOfUsedArea",
                       NULL, args, error))
    goto out;
  addr_td = fc_uno_type_get ("com.sun.star.table.CellRangeAddress", error);
  if (addr_td == NULL)
    goto out;
  addr = g_malloc0 (addr_td->nSize);
  if (!fc_uno_query_call (cursor, "com.sun.star.sheet.XCellRangeAddressable",
                          "getRangeAddress", addr, NULL, error))
    goto out;
  constructed = TRUE;
  if (!fc_uno_struct_get_long (addr_td, addr, "EndRow", end_row)
      || !fc_uno_struct_get_long (addr_td, addr, "EndColumn", end_col))
    {
      g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE,
                   "CellRangeAddress has no EndRow/EndColumn");
      goto out;
    }
  ok = TRUE;
out:
  if (constructed)
    uno_destructData (addr, addr_td, NULL);
  g_free (addr);
  if (addr_td != NULL)
    typelib_typedescription_release (addr_td);
  fc_uno_release (used);
  fc_uno_release (cursor);
  return ok;
}

static void
store_cell (FcSheet *out, guint row, guint col, const uno_Any *value)
{
  switch (value->pType->eTypeClass)
    {
    case typelib_TypeClass_VOID:
      break;
    case typelib_TypeClass_DOUBLE:
      {
        double d = *(const double *) value->pData;

        if (isfinite (d))
          fc_sheet_set_number (out, row, col, d);
        else
          fc_sheet_set_error (out, row, col, "not a finite number");
      }
      break;
    case typelib_TypeClass_STRING:
      {
        g_autofree char *text = fc_uno_string_to_utf8 (*(rtl_uString *const *) value->pData);

        fc_sheet_set_text (out, row, col, text);
      }
      break;
    default:
      {
        g_autofree char *type = fc_uno_string_to_utf8 (value->pType->pTypeName);

        fc_sheet_set_error (out, row, col, type);
      }
      break;
    }
}

/* Reads rows [first_row, last_row] × cols [0, n_cols) of sheet into out. */
static gboolean
read_rows (uno_Interface *sheet, FcSheet *out, sal_Int32 first_row, sal_Int32 last_row,
           sal_Int32 n_cols, GError **error)
{
  uno_Interface *range = NULL;
  uno_Sequence *rows = NULL;
  sal_Int32 left = 0, top = first_row, right = n_cols - 1, bottom = last_row;
  void *args[4] = { &left, &top, &right, &bottom };
  gboolean ok = FALSE;

  if (!fc_uno_query_call (sheet, "com.sun.star.table.XCellRange", "getCellRangeByPosition",
                          &range, args, error))
    goto out;
  if (!fc_uno_query_call (range, "com.sun.star.sheet.XCellRangeData", "getDataArray",
                          &rows, NULL, error))
    goto out;
  for (sal_Int32 r = 0; r < rows->nElements && first_row + r <= last_row; r++)
    {
      const uno_Sequence *cells = ((uno_Sequence *const *) rows->elements)[r];

      for (sal_Int32 c = 0; c < cells->nElements && c < n_cols; c++)
        store_cell (out, (guint) (first_row + r), (guint) c,
                    &((const uno_Any *) cells->elements)[c]);
    }
  ok = TRUE;
out:
  if (rows != NULL)
    fc_uno_destruct (&rows, "[][]any");
  fc_uno_release (range);
  return ok;
}

static gboolean
read_sheet (uno_Interface *sheet, FcWorkbook *workbook, GError **error)
{
  rtl_uString *uname = NULL;
  g_autofree char *name = NULL;
  sal_Int32 end_row = 0, end_col = 0, n_rows, n_cols, chunk;
  FcSheet *out;

  if (!fc_uno_query_call (sheet, "com.sun.star.container.XNamed", "getName", &uname, NULL, error))
    return FALSE;
  name = fc_uno_string_to_utf8 (uname);
  rtl_uString_release (uname);

  if (!read_used_area (sheet, &end_row, &end_col, error))
    return FALSE;
  n_rows = CLAMP (end_row, 0, FC_DOC_MAX_ROWS - 1) + 1;
  n_cols = CLAMP (end_col, 0, FC_DOC_MAX_COLS - 1) + 1;
  if ((gint64) n_rows * n_cols > FC_DOC_MAX_CELLS)
    {
      g_warning ("sheet %s: used area %d×%d is too large, reading the first %d rows",
                 name, n_rows, n_cols, FC_DOC_MAX_CELLS / n_cols);
      n_rows = MAX (1, FC_DOC_MAX_CELLS / n_cols);
    }

  out = fc_workbook_add_sheet (workbook, name, (guint) n_rows, (guint) n_cols);
  chunk = MAX (1, CHUNK_CELLS / n_cols);
  for (sal_Int32 first = 0; first < n_rows; first += chunk)
    if (!read_rows (sheet, out, first, MIN (first + chunk, n_rows) - 1, n_cols, error))
      return FALSE;
  return TRUE;
}

FcWorkbook *
fc_doc_read_workbook (uno_Interface *document, GError **error)
{
  g_autoptr (FcWorkbook) workbook = NULL;
  uno_Interface *sheets = NULL;
  uno_Interface *index = NULL;
  sal_Int32 count = 0;
  gboolean ok = FALSE;

  if (!fc_uno_query_call (document, "com.sun.star.sheet.XSpreadsheetDocument", "getSheets",
                          &sheets, NULL, error))
    return NULL;
  index = fc_uno_query (sheets, "com.sun.star.container.XIndexAccess", error);
  if (index == NULL
      || !fc_uno_call (index, "com.sun.star.container.XIndexAccess", "getCount", &count, NULL, error))
    goto out;

  workbook = fc_workbook_new ();
  for (sal_Int32 i = 0; i < count; i++)
    {
      uno_Any item;
      void *args[1] = { &i };
      uno_Interface *sheet;
      gboolean sheet_ok;

      if (!fc_uno_call (index, "com.sun.star.container.XIndexAccess", "getByIndex",
                        &item, args, error))
        goto out;
      sheet = fc_uno_any_get_interface (&item);
      if (sheet == NULL)
        {
          g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "sheet %d is not an object", i);
          uno_any_destruct (&item, NULL);
          goto out;
        }
      sheet_ok = read_sheet (sheet, workbook, error);
      uno_any_destruct (&item, NULL);
      if (!sheet_ok)
        goto out;
    }
  ok = TRUE;
out:
  fc_uno_release (index);
  fc_uno_release (sheets);
  return ok ? g_steal_pointer (&workbook) : NULL;
}
