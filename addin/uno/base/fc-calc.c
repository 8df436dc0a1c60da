/* fc-calc.c — Calc operations for the menu commands (see fc-calc.h). */
#include "fc-calc.h"

#include "fc-uno-struct.h"

#include <string.h>

#define XPROPERTYSET "com.sun.star.beans.XPropertySet"

/* iface::member (text) on obj: the many calls whose one argument is a
 * name or a formula. */
static gboolean
call_with_text (uno_Interface *obj, const char *iface, const char *member, const char *text,
                void *ret, GError **error)
{
  rtl_uString *str = fc_uno_string_new (text);
  void *args[1] = { &str };
  gboolean ok = fc_uno_query_call (obj, iface, member, ret, args, error);

  rtl_uString_release (str);
  return ok;
}

/* Sheets */

static uno_Interface *
sheets_of (uno_Interface *document, GError **error)
{
  uno_Interface *sheets = NULL;

  if (!fc_uno_query_call (document, "com.sun.star.sheet.XSpreadsheetDocument", "getSheets",
                          &sheets, NULL, error))
    return NULL;
  return sheets;
}

char **
fc_calc_sheet_names (uno_Interface *document, GError **error)
{
  uno_Interface *sheets = sheets_of (document, error);
  uno_Sequence *names = NULL;
  GPtrArray *out;

  if (sheets == NULL)
    return NULL;
  if (!fc_uno_query_call (sheets, "com.sun.star.container.XNameAccess", "getElementNames",
                          &names, NULL, error))
    {
      fc_uno_release (sheets);
      return NULL;
    }
  out = g_ptr_array_new ();
  for (sal_Int32 i = 0; i < names->nElements; i++)
    g_ptr_array_add (out, fc_uno_string_to_utf8 (((rtl_uString **) names->elements)[i]));
  g_ptr_array_add (out, NULL);
  fc_uno_destruct (&names, "[]string");
  fc_uno_release (sheets);
  return (char **) g_ptr_array_free (out, FALSE);
}

uno_Interface *
fc_calc_sheet (uno_Interface *document, const char *name, GError **error)
{
  uno_Interface *sheets = sheets_of (document, error);
  rtl_uString *uname = fc_uno_string_new (name);
  void *args[1] = { &uname };
  sal_Bool has = sal_False;
  uno_Any item;
  uno_Interface *sheet = NULL;

  if (sheets != NULL
      && fc_uno_query_call (sheets, "com.sun.star.container.XNameAccess", "hasByName",
                            &has, args, error)
      && has
      && fc_uno_query_call (sheets, "com.sun.star.container.XNameAccess", "getByName",
                            &item, args, error))
    {
      sheet = fc_uno_any_get_interface (&item);
      fc_uno_acquire (sheet);
      uno_any_destruct (&item, NULL);
    }
  rtl_uString_release (uname);
  fc_uno_release (sheets);
  return sheet;
}

gint
fc_calc_sheet_position (uno_Interface *document, const char *name, GError **error)
{
  g_auto (GStrv) names = fc_calc_sheet_names (document, error);

  if (names == NULL)
    return -1;
  for (gint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return i;
  return -1;
}

uno_Interface *
fc_calc_sheet_insert (uno_Interface *document, const char *name, gint position,
                      GError **error)
{
  uno_Interface *sheets = sheets_of (document, error);
  rtl_uString *uname;
  sal_Int16 pos = (sal_Int16) CLAMP (position, 0, G_MAXINT16);
  void *args[2];
  gboolean ok;

  if (sheets == NULL)
    return NULL;
  uname = fc_uno_string_new (name);
  args[0] = &uname;
  args[1] = &pos;
  ok = fc_uno_query_call (sheets, "com.sun.star.sheet.XSpreadsheets", "insertNewByName",
                          NULL, args, error);
  rtl_uString_release (uname);
  fc_uno_release (sheets);
  return ok ? fc_calc_sheet (document, name, error) : NULL;
}

uno_Interface *
fc_calc_sheet_append (uno_Interface *document, const char *name, GError **error)
{
  uno_Interface *sheets = sheets_of (document, error);
  g_auto (GStrv) names = NULL;
  rtl_uString *uname;
  sal_Int16 position;
  void *args[2];
  gboolean ok;

  if (sheets == NULL)
    return NULL;
  names = fc_calc_sheet_names (document, error);
  if (names == NULL)
    {
      fc_uno_release (sheets);
      return NULL;
    }
  uname = fc_uno_string_new (name);
  position = (sal_Int16) g_strv_length (names);
  args[0] = &uname;
  args[1] = &position;
  ok = fc_uno_query_call (sheets, "com.sun.star.sheet.XSpreadsheets", "insertNewByName",
                          NULL, args, error);
  rtl_uString_release (uname);
  fc_uno_release (sheets);
  return ok ? fc_calc_sheet (document, name, error) : NULL;
}

gboolean
fc_calc_sheet_remove (uno_Interface *document, const char *name, GError **error)
{
  uno_Interface *sheet = fc_calc_sheet (document, name, error);
  uno_Interface *sheets;
  gboolean ok;

  if (sheet == NULL)
    return error == NULL || *error == NULL;
  fc_uno_release (sheet);
  sheets = sheets_of (document, error);
  if (sheets == NULL)
    return FALSE;
  ok = call_with_text (sheets, "com.sun.star.container.XNameContainer", "removeByName", name,
                       NULL, error);
  fc_uno_release (sheets);
  return ok;
}

gboolean
fc_calc_is_protected (uno_Interface *obj, gboolean *is_protected, GError **error)
{
  sal_Bool value = sal_False;

  if (!fc_uno_query_call (obj, "com.sun.star.util.XProtectable", "isProtected", &value, NULL,
                          error))
    return FALSE;
  *is_protected = value != sal_False;
  return TRUE;
}

gboolean
fc_calc_find_in_formulas (uno_Interface *document, const char *text, gboolean *found,
                          GError **error)
{
  uno_Interface *sheets = sheets_of (document, error);
  sal_Int32 n = 0;
  gboolean ok;

  *found = FALSE;
  if (sheets == NULL)
    return FALSE;
  ok = fc_uno_query_call (sheets, "com.sun.star.container.XIndexAccess", "getCount", &n, NULL,
                          error);
  for (sal_Int32 i = 0; ok && !*found && i < n; i++)
    {
      void *index_args[1] = { &i };
      uno_Any item;
      uno_Interface *descriptor = NULL, *hit = NULL, *formulas = NULL;
      uno_Interface *sheet;
      sal_Int16 flags = 16;
      void *query_args[1] = { &flags };
      sal_Int32 n_ranges = 0;

      if (!fc_uno_query_call (sheets, "com.sun.star.container.XIndexAccess", "getByIndex", &item,
                              index_args, error))
        {
          ok = FALSE;
          break;
        }
      sheet = fc_uno_any_get_interface (&item);
      /* only the formula cells (com.sun.star.sheet.CellFlags.FORMULA), a
       * few ms on a sheet of 200,000 cells: searching the sheet itself
       * formats every value */
      if (sheet != NULL)
        ok = fc_uno_query_call (sheet, "com.sun.star.sheet.XCellRangesQuery", "queryContentCells",
                                &formulas, query_args, error)
             && fc_uno_query_call (formulas, "com.sun.star.container.XIndexAccess", "getCount",
                                   &n_ranges, NULL, error);
      /* a new descriptor searches formulas (SearchType 0), ignoring case */
      if (ok && n_ranges > 0)
        ok = fc_uno_query_call (formulas, "com.sun.star.util.XSearchable",
                                "createSearchDescriptor", &descriptor, NULL, error)
             && call_with_text (descriptor, "com.sun.star.util.XSearchDescriptor",
                                "setSearchString", text, NULL, error);
      if (ok && descriptor != NULL)
        {
          void *args[1] = { &descriptor };

          ok = fc_uno_query_call (formulas, "com.sun.star.util.XSearchable", "findFirst", &hit,
                                  args, error);
          *found = hit != NULL;
        }
      fc_uno_release (hit);
      fc_uno_release (descriptor);
      fc_uno_release (formulas);
      uno_any_destruct (&item, NULL);
    }
  fc_uno_release (sheets);
  return ok;
}

/* Cells */

uno_Interface *
fc_calc_cell (uno_Interface *sheet, guint row, guint col, GError **error)
{
  uno_Interface *cell = NULL;
  sal_Int32 c = (sal_Int32) col, r = (sal_Int32) row;
  void *args[2] = { &c, &r };

  if (!fc_uno_query_call (sheet, "com.sun.star.table.XCellRange", "getCellByPosition",
                          &cell, args, error))
    return NULL;
  return cell;
}

gboolean
fc_calc_set_formula (uno_Interface *cell, const char *formula, GError **error)
{
  return call_with_text (cell, "com.sun.star.table.XCell", "setFormula", formula, NULL, error);
}

/* Properties */

/* getPropertyValue into *value (constructed when TRUE). */
static gboolean
get_property (uno_Interface *obj, const char *name, uno_Any *value, GError **error)
{
  return call_with_text (obj, XPROPERTYSET, "getPropertyValue", name, value, error);
}

/* setPropertyValue; value is a value of the given type class. */
static gboolean
set_property (uno_Interface *obj, const char *name, void *value, typelib_TypeClass type,
              GError **error)
{
  rtl_uString *uname = fc_uno_string_new (name);
  uno_Any any;
  void *args[2] = { &uname, &any };
  gboolean ok;

  uno_type_any_construct (&any, value, *typelib_static_type_getByTypeClass (type), NULL);
  ok = fc_uno_query_call (obj, XPROPERTYSET, "setPropertyValue", NULL, args, error);
  uno_any_destruct (&any, NULL);
  rtl_uString_release (uname);
  return ok;
}

/* Reads a property of the expected type class into out (size bytes). */
static gboolean
get_typed (uno_Interface *obj, const char *name, typelib_TypeClass type, void *out,
           size_t size, GError **error)
{
  uno_Any any;
  gboolean ok;

  if (!get_property (obj, name, &any, error))
    return FALSE;
  ok = any.pType->eTypeClass == type;
  if (ok)
    memcpy (out, any.pData, size);
  else
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "property %s has an unexpected type",
                 name);
  uno_any_destruct (&any, NULL);
  return ok;
}

gboolean
fc_calc_get_long (uno_Interface *obj, const char *name, sal_Int32 *value, GError **error)
{
  return get_typed (obj, name, typelib_TypeClass_LONG, value, sizeof *value, error);
}

gboolean
fc_calc_get_bool (uno_Interface *obj, const char *name, gboolean *value, GError **error)
{
  sal_Bool b = sal_False;

  if (!get_typed (obj, name, typelib_TypeClass_BOOLEAN, &b, sizeof b, error))
    return FALSE;
  *value = b != sal_False;
  return TRUE;
}

char *
fc_calc_get_string (uno_Interface *obj, const char *name, GError **error)
{
  uno_Any any;
  char *text = NULL;

  if (!get_property (obj, name, &any, error))
    return NULL;
  if (any.pType->eTypeClass == typelib_TypeClass_STRING)
    text = fc_uno_string_to_utf8 (*(rtl_uString **) any.pData);
  else
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "property %s has an unexpected type",
                 name);
  uno_any_destruct (&any, NULL);
  return text;
}

gboolean
fc_calc_set_string (uno_Interface *obj, const char *name, const char *value, GError **error)
{
  rtl_uString *text = fc_uno_string_new (value);
  gboolean ok = set_property (obj, name, &text, typelib_TypeClass_STRING, error);

  rtl_uString_release (text);
  return ok;
}

gboolean
fc_calc_set_long (uno_Interface *obj, const char *name, sal_Int32 value, GError **error)
{
  return set_property (obj, name, &value, typelib_TypeClass_LONG, error);
}

gboolean
fc_calc_set_short (uno_Interface *obj, const char *name, sal_Int16 value, GError **error)
{
  return set_property (obj, name, &value, typelib_TypeClass_SHORT, error);
}

gboolean
fc_calc_set_float (uno_Interface *obj, const char *name, float value, GError **error)
{
  return set_property (obj, name, &value, typelib_TypeClass_FLOAT, error);
}

gint32
fc_calc_number_format (uno_Interface *document, const char *code, GError **error)
{
  g_autoptr (FcUnoStruct) locale = fc_uno_struct_new ("com.sun.star.lang.Locale", error);
  uno_Interface *formats = NULL;
  rtl_uString *text = fc_uno_string_new (code);
  sal_Bool scan = sal_False;
  sal_Int32 key = -1;
  void *query_args[3] = { &text, locale != NULL ? locale->data : NULL, &scan };
  void *add_args[2] = { &text, locale != NULL ? locale->data : NULL };

  if (locale != NULL
      && fc_uno_query_call (document, "com.sun.star.util.XNumberFormatsSupplier", "getNumberFormats",
                            &formats, NULL, error)
      && fc_uno_query_call (formats, "com.sun.star.util.XNumberFormats", "queryKey", &key,
                            query_args, error)
      && key == -1)
    fc_uno_query_call (formats, "com.sun.star.util.XNumberFormats", "addNew", &key, add_args,
                       error);
  fc_uno_release (formats);
  rtl_uString_release (text);
  return key;
}

gboolean
fc_calc_set_bool (uno_Interface *obj, const char *name, gboolean value, GError **error)
{
  sal_Bool b = value ? sal_True : sal_False;

  return set_property (obj, name, &b, typelib_TypeClass_BOOLEAN, error);
}

gboolean
fc_calc_is_direct (uno_Interface *obj, const char *name, gboolean *direct, GError **error)
{
  sal_Int32 state = 0; /* com.sun.star.beans.PropertyState: DIRECT_VALUE = 0 */
  gboolean ok = call_with_text (obj, "com.sun.star.beans.XPropertyState", "getPropertyState",
                                name, &state, error);

  if (ok)
    *direct = state == 0;
  return ok;
}

gboolean
fc_calc_set_default (uno_Interface *obj, const char *name, GError **error)
{
  return call_with_text (obj, "com.sun.star.beans.XPropertyState", "setPropertyToDefault", name,
                         NULL, error);
}

/* Annotations */

char *
fc_calc_annotation (uno_Interface *cell, GError **error)
{
  uno_Interface *annotation = NULL;
  uno_Interface *shape = NULL;
  rtl_uString *text = NULL;
  char *result = NULL;

  /* A note can exist without its caption object: LibreOffice 25.2 imports
   * an .xlsx's comments that way (ScCaptionInitData's generator; 7.4 makes
   * the caption while importing), and the annotation's text then reads ""
   * (ScAnnotationEditSource takes the text from the caption only).  getAnnotationShape makes the caption from the
   * imported data (ScPostIt::GetOrCreateCaption) without changing the
   * document; it must come before the first getString of this annotation
   * object, which keeps what it read.  No note: no shape, nothing made. */
  if (fc_uno_query_call (cell, "com.sun.star.sheet.XSheetAnnotationAnchor", "getAnnotation",
                         &annotation, NULL, error)
      && fc_uno_query_call (annotation, "com.sun.star.sheet.XSheetAnnotationShapeSupplier",
                            "getAnnotationShape", &shape, NULL, error)
      && fc_uno_query_call (annotation, "com.sun.star.text.XSimpleText", "getString", &text,
                            NULL, error))
    {
      result = fc_uno_string_to_utf8 (text);
      rtl_uString_release (text);
    }
  fc_uno_release (shape);
  fc_uno_release (annotation);
  return result;
}

gboolean
fc_calc_set_annotation_text (uno_Interface *cell, const char *text, GError **error)
{
  uno_Interface *annotation = NULL;
  gboolean ok;

  ok = fc_uno_query_call (cell, "com.sun.star.sheet.XSheetAnnotationAnchor", "getAnnotation",
                          &annotation, NULL, error)
       && call_with_text (annotation, "com.sun.star.text.XSimpleText", "setString", text, NULL,
                          error);
  fc_uno_release (annotation);
  return ok;
}

/* The 0-based index of sheet in its document. */
static gboolean
sheet_index (uno_Interface *sheet, gint *index, GError **error)
{
  g_autoptr (FcUnoStruct) range = fc_uno_struct_new ("com.sun.star.table.CellRangeAddress",
                                                     error);

  return range != NULL
         && fc_uno_query_call (sheet, "com.sun.star.sheet.XCellRangeAddressable",
                               "getRangeAddress", range->data, NULL, error)
         && fc_uno_struct_get_int (range, "Sheet", index);
}

gboolean
fc_calc_set_annotation (uno_Interface *sheet, guint row, guint col, const char *text,
                        GError **error)
{
  g_autoptr (FcUnoStruct) address = fc_uno_struct_new ("com.sun.star.table.CellAddress", error);
  uno_Interface *annotations = NULL;
  rtl_uString *utext;
  void *args[2];
  gint index = 0;
  gboolean ok;

  /* CellAddress names the sheet by number */
  if (address == NULL || !sheet_index (sheet, &index, error))
    return FALSE;
  fc_uno_struct_set_int (address, "Sheet", index);
  fc_uno_struct_set_int (address, "Column", (gint) col);
  fc_uno_struct_set_int (address, "Row", (gint) row);
  if (!fc_uno_query_call (sheet, "com.sun.star.sheet.XSheetAnnotationsSupplier",
                          "getAnnotations", &annotations, NULL, error))
    return FALSE;
  utext = fc_uno_string_new (text);
  args[0] = address->data;
  args[1] = &utext;
  ok = fc_uno_query_call (annotations, "com.sun.star.sheet.XSheetAnnotations", "insertNew",
                          NULL, args, error);
  rtl_uString_release (utext);
  fc_uno_release (annotations);
  return ok;
}

gboolean
fc_calc_remove_annotation (uno_Interface *cell, GError **error)
{
  sal_Int32 flags = 8; /* com.sun.star.sheet.CellFlags.ANNOTATION */
  void *args[1] = { &flags };

  /* clearContents goes through Calc's undo like a user's "delete comment" */
  return fc_uno_query_call (cell, "com.sun.star.sheet.XSheetOperation", "clearContents", NULL,
                            args, error);
}

/* Bulk values */

FcCalcGrid *
fc_calc_grid_new (guint n_rows, guint n_cols)
{
  FcCalcGrid *grid = g_new0 (FcCalcGrid, 1);

  grid->n_rows = n_rows;
  grid->n_cols = n_cols;
  grid->cells = g_new0 (uno_Any, (gsize) n_rows * n_cols);
  /* blanks are empty strings: a void element makes 7.4's setDataArray
   * write #N/A through a path that crashes soffice */
  for (gsize i = 0; i < (gsize) n_rows * n_cols; i++)
    fc_uno_any_set_string (&grid->cells[i], "");
  return grid;
}

void
fc_calc_grid_free (FcCalcGrid *grid)
{
  if (grid == NULL)
    return;
  for (gsize i = 0; i < (gsize) grid->n_rows * grid->n_cols; i++)
    uno_any_destruct (&grid->cells[i], NULL);
  g_free (grid->cells);
  g_free (grid);
}

static uno_Any *
grid_at (const FcCalcGrid *grid, guint row, guint col)
{
  if (row >= grid->n_rows || col >= grid->n_cols)
    return NULL;
  return &grid->cells[(gsize) row * grid->n_cols + col];
}

void
fc_calc_grid_set_text (FcCalcGrid *grid, guint row, guint col, const char *utf8)
{
  uno_Any *cell = grid_at (grid, row, col);

  if (cell == NULL)
    return;
  uno_any_destruct (cell, NULL);
  fc_uno_any_set_string (cell, utf8);
}

void
fc_calc_grid_set_number (FcCalcGrid *grid, guint row, guint col, double value)
{
  uno_Any *cell = grid_at (grid, row, col);

  if (cell == NULL)
    return;
  uno_any_destruct (cell, NULL);
  fc_uno_any_set_double (cell, value);
}

char *
fc_calc_grid_get_text (const FcCalcGrid *grid, guint row, guint col)
{
  const uno_Any *cell = grid_at (grid, row, col);

  if (cell == NULL || cell->pType->eTypeClass != typelib_TypeClass_STRING)
    return NULL;
  return fc_uno_string_to_utf8 (*(rtl_uString *const *) cell->pData);
}

double
fc_calc_grid_get_number (const FcCalcGrid *grid, guint row, guint col, double fallback)
{
  const uno_Any *cell = grid_at (grid, row, col);

  if (cell == NULL || cell->pType->eTypeClass != typelib_TypeClass_DOUBLE)
    return fallback;
  return *(const double *) cell->pData;
}

uno_Interface *
fc_calc_range (uno_Interface *sheet, guint row, guint col, guint n_rows, guint n_cols,
          GError **error)
{
  uno_Interface *range = NULL;
  sal_Int32 left = (sal_Int32) col, top = (sal_Int32) row;
  sal_Int32 right = (sal_Int32) (col + n_cols - 1), bottom = (sal_Int32) (row + n_rows - 1);
  void *args[4] = { &left, &top, &right, &bottom };

  if (!fc_uno_query_call (sheet, "com.sun.star.table.XCellRange", "getCellRangeByPosition",
                          &range, args, error))
    return NULL;
  return range;
}

gboolean
fc_calc_grid_write (const FcCalcGrid *grid, uno_Interface *sheet, guint row, guint col,
                    GError **error)
{
  typelib_TypeDescriptionReference *row_type = NULL, *rows_type = NULL;
  uno_Sequence **rows;
  uno_Sequence *data = NULL;
  uno_Interface *range;
  void *args[1] = { &data };
  gboolean ok;

  if (grid->n_rows == 0 || grid->n_cols == 0)
    return TRUE;
  range = fc_calc_range (sheet, row, col, grid->n_rows, grid->n_cols, error);
  if (range == NULL)
    return FALSE;
  typelib_static_sequence_type_init (&row_type,
                                     *typelib_static_type_getByTypeClass (typelib_TypeClass_ANY));
  typelib_static_sequence_type_init (&rows_type, row_type);
  rows = g_new0 (uno_Sequence *, grid->n_rows);
  for (guint r = 0; r < grid->n_rows; r++)
    uno_type_sequence_construct (&rows[r], row_type, &grid->cells[(gsize) r * grid->n_cols],
                                 (sal_Int32) grid->n_cols, NULL);
  uno_type_sequence_construct (&data, rows_type, rows, (sal_Int32) grid->n_rows, NULL);
  for (guint r = 0; r < grid->n_rows; r++)
    fc_uno_destruct (&rows[r], "[]any");
  g_free (rows);
  ok = fc_uno_query_call (range, "com.sun.star.sheet.XCellRangeData", "setDataArray", NULL,
                          args, error);
  fc_uno_destruct (&data, "[][]any");
  fc_uno_release (range);
  return ok;
}

/* The used area's last row and column (0-based). */
static gboolean
used_area (uno_Interface *sheet, gint *end_row, gint *end_col, GError **error)
{
  g_autoptr (FcUnoStruct) range = NULL;
  uno_Interface *cursor = NULL;
  sal_Bool expand = sal_False;
  void *args[1] = { &expand };
  gboolean ok;

  ok = fc_uno_query_call (sheet, "com.sun.star.sheet.XSpreadsheet", "createCursor", &cursor,
                          NULL, error)
       && fc_uno_query_call (cursor, "com.sun.star.sheet.XUsedAreaCursor", "gotoEndOfUsedArea",
                             NULL, args, error)
       && (range = fc_uno_struct_new ("com.sun.star.table.CellRangeAddress", error)) != NULL
       && fc_uno_query_call (cursor, "com.sun.star.sheet.XCellRangeAddressable",
                             "getRangeAddress", range->data, NULL, error)
       && fc_uno_struct_get_int (range, "EndRow", end_row)
       && fc_uno_struct_get_int (range, "EndColumn", end_col);
  fc_uno_release (cursor);
  return ok;
}

FcCalcGrid *
fc_calc_grid_read (uno_Interface *sheet, GError **error)
{
  gint end_row = 0, end_col = 0;
  uno_Interface *range;
  uno_Sequence *rows = NULL;
  FcCalcGrid *grid;

  if (!used_area (sheet, &end_row, &end_col, error))
    return NULL;
  range = fc_calc_range (sheet, 0, 0, (guint) end_row + 1, (guint) end_col + 1, error);
  if (range == NULL)
    return NULL;
  if (!fc_uno_query_call (range, "com.sun.star.sheet.XCellRangeData", "getDataArray", &rows,
                          NULL, error))
    {
      fc_uno_release (range);
      return NULL;
    }
  grid = fc_calc_grid_new ((guint) end_row + 1, (guint) end_col + 1);
  for (sal_Int32 r = 0; r < rows->nElements && (guint) r < grid->n_rows; r++)
    {
      const uno_Sequence *cells = ((uno_Sequence *const *) rows->elements)[r];

      for (sal_Int32 c = 0; c < cells->nElements && (guint) c < grid->n_cols; c++)
        {
          const uno_Any *src = &((const uno_Any *) cells->elements)[c];
          uno_Any *dst = grid_at (grid, (guint) r, (guint) c);

          uno_any_destruct (dst, NULL);
          uno_type_any_construct (dst, src->pData, src->pType, NULL);
        }
    }
  fc_uno_destruct (&rows, "[][]any");
  fc_uno_release (range);
  return grid;
}

/* Frames, views and selection */

/* frame's controller (transfer full). */
static uno_Interface *
frame_controller (uno_Interface *frame, GError **error)
{
  uno_Interface *controller = NULL;

  if (!fc_uno_query_call (frame, "com.sun.star.frame.XFrame", "getController", &controller,
                          NULL, error))
    return NULL;
  if (controller == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "the frame shows no document");
  return controller;
}

uno_Interface *
fc_calc_frame_model (uno_Interface *frame, GError **error)
{
  uno_Interface *controller = frame_controller (frame, error);
  uno_Interface *model = NULL;

  if (controller == NULL)
    return NULL;
  if (fc_uno_query_call (controller, "com.sun.star.frame.XController", "getModel", &model,
                         NULL, error)
      && model == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "the frame shows no document");
  fc_uno_release (controller);
  return model;
}

gboolean
fc_calc_select_cell (uno_Interface *frame, uno_Interface *document, const char *sheet_name,
                     guint row, guint col, GError **error)
{
  uno_Interface *sheet = fc_calc_sheet (document, sheet_name, error);
  uno_Interface *cell = NULL;
  uno_Interface *controller = NULL;
  uno_Any any;
  void *args[1] = { &any };
  sal_Bool selected = sal_False;
  gboolean ok = FALSE;

  if (sheet == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "no sheet %s", sheet_name);
      return FALSE;
    }
  cell = fc_calc_cell (sheet, row, col, error);
  controller = cell != NULL ? frame_controller (frame, error) : NULL;
  if (controller != NULL)
    {
      fc_uno_any_set_interface (&any, cell, "com.sun.star.table.XCell");
      ok = fc_uno_query_call (controller, "com.sun.star.view.XSelectionSupplier", "select",
                              &selected, args, error);
      uno_any_destruct (&any, NULL);
    }
  fc_uno_release (controller);
  fc_uno_release (cell);
  fc_uno_release (sheet);
  return ok;
}

gboolean
fc_calc_selection (uno_Interface *frame, gint *sheet, gint *row, gint *col, GError **error)
{
  uno_Interface *controller = frame_controller (frame, error);
  uno_Interface *addressable = NULL;
  g_autoptr (FcUnoStruct) range = NULL;
  uno_Any selection;
  gboolean ok = FALSE;

  if (controller == NULL)
    return FALSE;
  if (!fc_uno_query_call (controller, "com.sun.star.view.XSelectionSupplier", "getSelection",
                          &selection, NULL, error))
    {
      fc_uno_release (controller);
      return FALSE;
    }
  /* several ranges, a drawing object …: no single position to start from */
  if (fc_uno_any_get_interface (&selection) != NULL)
    addressable = fc_uno_query (fc_uno_any_get_interface (&selection),
                                "com.sun.star.sheet.XCellRangeAddressable", NULL);
  if (addressable != NULL
      && (range = fc_uno_struct_new ("com.sun.star.table.CellRangeAddress", error)) != NULL
      && fc_uno_call (addressable, "com.sun.star.sheet.XCellRangeAddressable",
                      "getRangeAddress", range->data, NULL, error))
    ok = fc_uno_struct_get_int (range, "Sheet", sheet)
         && fc_uno_struct_get_int (range, "StartRow", row)
         && fc_uno_struct_get_int (range, "StartColumn", col);
  fc_uno_release (addressable);
  uno_any_destruct (&selection, NULL);
  fc_uno_release (controller);
  return ok;
}
