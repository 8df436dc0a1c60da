/* fc-fods.c — a flat ODS (.fods) reader on GMarkupParser.
 *
 * The parse collects the non-empty cells of each sheet sparsely, expanding
 * row and column repeats only for cells that hold something; the dense
 * FcSheet grids are built at the end, sized to each sheet's used area.
 * Everything that is not sheet → row → cell → paragraph text (styles,
 * settings, shapes, annotations, embedded objects) is skipped whole.
 */
#include "fc-fods.h"

#include <math.h>
#include <string.h>

#include "fc-error.h"

/* Spaces one text:s may add: keeps a hostile text:c from costing memory. */
#define MAX_SPACES 1024u

typedef struct {
  guint row, col;
  FcCellKind kind;
  double number;
  char *text; /* owned */
} SparseCell;

typedef struct {
  char *name;
  GArray *cells;        /* of SparseCell */
  guint n_rows, n_cols; /* used area */
} PendingSheet;

typedef struct {
  GPtrArray *sheets;      /* of PendingSheet*, owned */
  gboolean seen_spreadsheet;
  gboolean in_spreadsheet;
  guint skip_depth;       /* > 0 while inside a skipped subtree */

  PendingSheet *sheet;    /* the table being read, or NULL */
  guint64 row;            /* next row index in the current table */

  gboolean in_row;
  guint64 row_repeat;
  guint64 col;            /* next column index in the current row */
  GArray *row_cells;      /* of SparseCell (row unused): the current row's cells */

  gboolean in_cell;
  guint64 col_repeat;
  char *value_type;
  char *value;            /* office:value */
  char *attr_text;        /* string/boolean/date/time value attribute */
  gboolean has_formula;
  gboolean calc_error;    /* calcext:value-type="error" */
  GString *text;          /* paragraphs of the current cell, "\n"-joined */
  guint n_paragraphs;
  guint para_depth;       /* > 0 inside text:p / text:h */
  gboolean pending_space; /* collapsed whitespace not yet written */
  gboolean line_start;    /* drop whitespace at a paragraph or line start */

  guint64 n_cells;        /* cells kept so far, after expanding repeats */
} Reader;

static void
sparse_cell_clear (gpointer data)
{
  SparseCell *cell = data;
  g_clear_pointer (&cell->text, g_free);
}

static void
pending_sheet_free (PendingSheet *sheet)
{
  g_free (sheet->name);
  g_array_unref (sheet->cells);
  g_free (sheet);
}

static void
reader_clear_cell (Reader *reader)
{
  g_clear_pointer (&reader->value_type, g_free);
  g_clear_pointer (&reader->value, g_free);
  g_clear_pointer (&reader->attr_text, g_free);
  reader->has_formula = FALSE;
  reader->calc_error = FALSE;
  g_string_truncate (reader->text, 0);
  reader->n_paragraphs = 0;
  reader->para_depth = 0;
}

static void
reader_init (Reader *reader)
{
  memset (reader, 0, sizeof *reader);
  reader->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_sheet_free);
  reader->row_cells = g_array_new (FALSE, TRUE, sizeof (SparseCell));
  g_array_set_clear_func (reader->row_cells, sparse_cell_clear);
  reader->text = g_string_new (NULL);
}

static void
reader_clear (Reader *reader)
{
  reader_clear_cell (reader);
  g_ptr_array_unref (reader->sheets);
  g_array_unref (reader->row_cells);
  g_string_free (reader->text, TRUE);
}

static void
set_position_error (GMarkupParseContext *context, GError **error,
                    const char *format, ...) G_GNUC_PRINTF (3, 4);

/* A content error carrying the parser position, like GMarkup's own. */
static void
set_position_error (GMarkupParseContext *context, GError **error,
                    const char *format, ...)
{
  int line = 0, pos = 0;
  va_list args;

  g_markup_parse_context_get_position (context, &line, &pos);
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
               "Error on line %d char %d: %s", line, pos, message);
}

static const char *
find_attribute (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

/* A repeat count: absent, zero or garbage count as 1 (as LibreOffice does). */
static guint64
parse_repeat (const char *text)
{
  if (text == NULL)
    return 1;
  char *end = NULL;
  guint64 n = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '\0' || n == 0)
    return 1;
  return MIN (n, (guint64) G_MAXUINT32);
}

static gboolean
is_element (const char *name, const char *wanted)
{
  return strcmp (name, wanted) == 0;
}

/* Elements inside a paragraph whose text is not the cell's text. */
static gboolean
is_foreign_in_paragraph (const char *name)
{
  return is_element (name, "text:note") || is_element (name, "office:annotation")
         || g_str_has_prefix (name, "draw:") || g_str_has_prefix (name, "svg:")
         || g_str_has_prefix (name, "text:ruby-text");
}

static void
text_flush_space (Reader *reader)
{
  if (reader->pending_space && !reader->line_start)
    g_string_append_c (reader->text, ' ');
  reader->pending_space = FALSE;
}

static void
start_paragraph_element (Reader *reader, const char *name,
                         const char **names, const char **values)
{
  if (is_element (name, "text:s"))
    {
      guint64 n = parse_repeat (find_attribute (names, values, "text:c"));
      text_flush_space (reader);
      for (guint64 i = 0; i < MIN (n, (guint64) MAX_SPACES); i++)
        g_string_append_c (reader->text, ' ');
      reader->line_start = FALSE;
    }
  else if (is_element (name, "text:tab"))
    {
      text_flush_space (reader);
      g_string_append_c (reader->text, '\t');
      reader->line_start = FALSE;
    }
  else if (is_element (name, "text:line-break"))
    {
      reader->pending_space = FALSE;
      g_string_append_c (reader->text, '\n');
      reader->line_start = TRUE;
    }
  reader->para_depth++;
}

static void
replace_str (char **slot, const char *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
start_cell (Reader *reader, const char **names, const char **values)
{
  reader_clear_cell (reader);
  reader->in_cell = TRUE;
  reader->col_repeat = parse_repeat (find_attribute (names, values,
                                                     "table:number-columns-repeated"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *n = names[i];
      if (is_element (n, "office:value-type"))
        replace_str (&reader->value_type, values[i]);
      else if (is_element (n, "office:value"))
        replace_str (&reader->value, values[i]);
      else if (is_element (n, "office:string-value") || is_element (n, "office:boolean-value")
               || is_element (n, "office:date-value") || is_element (n, "office:time-value"))
        replace_str (&reader->attr_text, values[i]);
      else if (is_element (n, "table:formula"))
        reader->has_formula = TRUE;
      else if (is_element (n, "calcext:value-type"))
        reader->calc_error = is_element (values[i], "error");
    }
}

static void
start_element (GMarkupParseContext *context, const char *name,
               const char **names, const char **values,
               gpointer user_data, GError **error)
{
  Reader *reader = user_data;

  if (reader->skip_depth > 0)
    reader->skip_depth++;
  else if (reader->para_depth > 0)
    {
      if (is_foreign_in_paragraph (name))
        reader->skip_depth = 1;
      else
        start_paragraph_element (reader, name, names, values);
    }
  else if (reader->in_cell)
    {
      if (is_element (name, "text:p") || is_element (name, "text:h"))
        {
          if (reader->n_paragraphs++ > 0)
            g_string_append_c (reader->text, '\n');
          reader->para_depth = 1;
          reader->pending_space = FALSE;
          reader->line_start = TRUE;
        }
      else
        reader->skip_depth = 1;
    }
  else if (reader->in_row)
    {
      if (is_element (name, "table:table-cell") || is_element (name, "table:covered-table-cell"))
        start_cell (reader, names, values);
      else
        reader->skip_depth = 1;
    }
  else if (reader->sheet != NULL)
    {
      if (is_element (name, "table:table-row"))
        {
          reader->in_row = TRUE;
          reader->col = 0;
          reader->row_repeat = parse_repeat (find_attribute (names, values,
                                                             "table:number-rows-repeated"));
          g_array_set_size (reader->row_cells, 0);
        }
      else if (!is_element (name, "table:table-header-rows")
               && !is_element (name, "table:table-rows")
               && !is_element (name, "table:table-row-group"))
        reader->skip_depth = 1;
    }
  else if (reader->in_spreadsheet)
    {
      if (is_element (name, "table:table"))
        {
          PendingSheet *sheet = g_new0 (PendingSheet, 1);
          const char *sheet_name = find_attribute (names, values, "table:name");
          sheet->name = sheet_name != NULL
                            ? g_strdup (sheet_name)
                            : g_strdup_printf ("Sheet%u", reader->sheets->len + 1);
          sheet->cells = g_array_new (FALSE, TRUE, sizeof (SparseCell));
          g_array_set_clear_func (sheet->cells, sparse_cell_clear);
          g_ptr_array_add (reader->sheets, sheet);
          reader->sheet = sheet;
          reader->row = 0;
        }
      else
        reader->skip_depth = 1;
    }
  else if (is_element (name, "office:spreadsheet"))
    {
      reader->in_spreadsheet = TRUE;
      reader->seen_spreadsheet = TRUE;
    }
  else if (!is_element (name, "office:document") && !is_element (name, "office:body")
           && !is_element (name, "office:document-content"))
    reader->skip_depth = 1;

  (void) context;
  (void) error;
}

/* Error strings a formula result can show (LibreOffice and Excel spellings). */
static gboolean
looks_like_error (const char *text)
{
  static const char *const errors[] = {
    "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#NULL!", "###",
  };
  if (g_str_has_prefix (text, "Err:"))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (errors); i++)
    if (strcmp (text, errors[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Decides what the finished cell holds; FALSE when it is empty. */
static gboolean
classify_cell (Reader *reader, SparseCell *out)
{
  const char *type = reader->value_type;
  const char *shown = reader->n_paragraphs > 0 ? reader->text->str : NULL;

  memset (out, 0, sizeof *out);
  if (reader->calc_error
      || (reader->has_formula && (type == NULL || strcmp (type, "string") == 0)
          && shown != NULL && looks_like_error (shown)))
    {
      out->kind = FC_CELL_ERROR;
      out->text = g_strdup (shown != NULL && *shown != '\0' ? shown : "#ERR");
      return TRUE;
    }

  if (type != NULL && (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0
                       || strcmp (type, "currency") == 0))
    {
      char *end = NULL;
      double number = reader->value != NULL ? g_ascii_strtod (reader->value, &end) : NAN;
      if (reader->value != NULL && end != reader->value && *end == '\0' && isfinite (number))
        {
          out->kind = FC_CELL_NUMBER;
          out->number = number;
        }
      else
        {
          /* A numeric cell whose value we cannot read must not pass for 0. */
          out->kind = FC_CELL_ERROR;
          out->text = g_strdup (shown != NULL && *shown != '\0' ? shown : "#VALUE!");
        }
      return TRUE;
    }

  /* string, boolean, date, time, or untyped: the text as shown. */
  const char *text = shown != NULL ? shown : reader->attr_text;
  if (text == NULL || *text == '\0')
    return FALSE;
  out->kind = FC_CELL_TEXT;
  out->text = g_strdup (text);
  return TRUE;
}

static gboolean
end_cell (GMarkupParseContext *context, Reader *reader, GError **error)
{
  SparseCell cell;
  gboolean filled = classify_cell (reader, &cell);
  guint64 first = reader->col;

  reader->in_cell = FALSE;
  reader->col += reader->col_repeat;
  reader_clear_cell (reader);
  if (!filled)
    return TRUE;

  /* The sheet is dense from column 0, so the last column bounds its width. */
  if (reader->col > FC_FODS_MAX_CELLS
      || reader->n_cells + reader->row_cells->len + reader->col_repeat > FC_FODS_MAX_CELLS)
    {
      g_free (cell.text);
      set_position_error (context, error, "too many cells (more than %u)", FC_FODS_MAX_CELLS);
      return FALSE;
    }
  for (guint64 c = first; c < reader->col; c++)
    {
      SparseCell copy = cell;
      copy.col = (guint) c;
      copy.text = g_strdup (cell.text);
      g_array_append_val (reader->row_cells, copy);
    }
  g_free (cell.text);
  return TRUE;
}

static gboolean
end_row (GMarkupParseContext *context, Reader *reader, GError **error)
{
  PendingSheet *sheet = reader->sheet;
  guint64 first = reader->row;
  GArray *cells = reader->row_cells;

  reader->in_row = FALSE;
  reader->row += reader->row_repeat;
  if (cells->len == 0)
    return TRUE; /* empty rows, however many, cost nothing */

  guint64 added = (guint64) cells->len * reader->row_repeat;
  if (reader->row > FC_FODS_MAX_CELLS || reader->n_cells + added > FC_FODS_MAX_CELLS)
    {
      set_position_error (context, error, "too many cells (more than %u)", FC_FODS_MAX_CELLS);
      return FALSE;
    }
  reader->n_cells += added;

  for (guint64 r = first; r < reader->row; r++)
    for (guint i = 0; i < cells->len; i++)
      {
        SparseCell copy = g_array_index (cells, SparseCell, i);
        copy.row = (guint) r;
        copy.text = g_strdup (copy.text);
        g_array_append_val (sheet->cells, copy);
      }
  sheet->n_rows = (guint) reader->row;
  sheet->n_cols = MAX (sheet->n_cols,
                       g_array_index (cells, SparseCell, cells->len - 1).col + 1);
  g_array_set_size (cells, 0);
  return TRUE;
}

static void
end_element (GMarkupParseContext *context, const char *name,
             gpointer user_data, GError **error)
{
  Reader *reader = user_data;

  if (reader->skip_depth > 0)
    reader->skip_depth--;
  else if (reader->para_depth > 0)
    {
      if (--reader->para_depth == 0)
        reader->pending_space = FALSE; /* trailing whitespace is dropped */
    }
  else if (reader->in_cell)
    end_cell (context, reader, error);
  else if (reader->in_row)
    end_row (context, reader, error);
  else if (reader->sheet != NULL)
    {
      if (is_element (name, "table:table"))
        reader->sheet = NULL;
    }
  else if (is_element (name, "office:spreadsheet"))
    reader->in_spreadsheet = FALSE;
}

/* Paragraph text with ODF whitespace rules: runs of white space collapse
 * to one space; whitespace at a paragraph's start or end is dropped. */
static void
text (GMarkupParseContext *context, const char *text, gsize len,
      gpointer user_data, GError **error)
{
  Reader *reader = user_data;

  if (reader->skip_depth > 0 || reader->para_depth == 0)
    return;
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        reader->pending_space = TRUE;
      else
        {
          text_flush_space (reader);
          g_string_append_c (reader->text, c);
          reader->line_start = FALSE;
        }
    }
  (void) context;
  (void) error;
}

static const GMarkupParser parser = {
  .start_element = start_element,
  .end_element = end_element,
  .text = text,
};

/* Builds the dense workbook from the collected cells (transfer full). */
static FcWorkbook *
build_workbook (Reader *reader, GError **error)
{
  g_autoptr (FcWorkbook) workbook = fc_workbook_new ();
  guint64 total = 0;

  for (guint i = 0; i < reader->sheets->len; i++)
    {
      PendingSheet *pending = g_ptr_array_index (reader->sheets, i);
      guint64 size = (guint64) pending->n_rows * pending->n_cols;
      FcSheet *sheet = NULL;

      total += size;
      if (total <= FC_FODS_MAX_CELLS)
        sheet = fc_workbook_add_sheet (workbook, pending->name,
                                       pending->n_rows, pending->n_cols);
      if (sheet == NULL)
        {
          g_set_error (error, FC_ERROR, FC_ERROR_READ,
                       "sheet “%s” is too large (%u × %u cells)",
                       pending->name, pending->n_rows, pending->n_cols);
          return NULL;
        }
      for (guint j = 0; j < pending->cells->len; j++)
        {
          const SparseCell *cell = &g_array_index (pending->cells, SparseCell, j);
          if (cell->kind == FC_CELL_NUMBER)
            fc_sheet_set_number (sheet, cell->row, cell->col, cell->number);
          else if (cell->kind == FC_CELL_TEXT)
            fc_sheet_set_text (sheet, cell->row, cell->col, cell->text);
          else if (cell->kind == FC_CELL_ERROR)
            fc_sheet_set_error (sheet, cell->row, cell->col, cell->text);
        }
    }
  return g_steal_pointer (&workbook);
}

/* Returns the workbook, or NULL with FC_ERROR_READ (transfer full). */
FcWorkbook *
fc_fods_read_data (const char *data, gsize len, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  Reader reader;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  reader_init (&reader);
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  gboolean ok = g_markup_parse_context_parse (context, data != NULL ? data : "", len, &local_error)
                && g_markup_parse_context_end_parse (context, &local_error);
  g_markup_parse_context_free (context);

  FcWorkbook *workbook = NULL;
  if (!ok)
    {
      /* GMarkup quotes the offending bytes, which need not be UTF-8 */
      g_autofree char *problem = g_utf8_make_valid (local_error->message, -1);
      g_set_error (error, FC_ERROR, FC_ERROR_READ, "not a readable flat ODS document: %s",
                   problem);
    }
  else if (!reader.seen_spreadsheet)
    g_set_error_literal (error, FC_ERROR, FC_ERROR_READ,
                         "not a flat ODS spreadsheet: no office:spreadsheet element");
  else
    workbook = build_workbook (&reader, error);

  reader_clear (&reader);
  return workbook;
}

/* Returns the workbook, or NULL with FC_ERROR_READ naming path (transfer full). */
FcWorkbook *
fc_fods_read_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, FC_ERROR, FC_ERROR_READ, "%s", local_error->message);
      return NULL;
    }
  FcWorkbook *workbook = fc_fods_read_data (data, len, &local_error);
  if (workbook == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, FC_ERROR, FC_ERROR_READ, "%s: %s", display, local_error->message);
    }
  return workbook;
}
