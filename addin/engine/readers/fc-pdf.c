/* fc-pdf.c — a PDF package into a workbook (see fc-pdf.h): the document,
 * what kind of document it is, and the workbook with where each cell was
 * printed.  The pieces: fc-pdf-text (characters into lines), fc-pdf-split
 * (tables and text), fc-pdf-grid and fc-pdf-table (a table's cells),
 * fc-pdf-narrative (paragraphs). */
#include "fc-pdf.h"

#include <poppler.h>
#include <string.h>

#include "fc-amount.h"
#include "fc-pdf-grid.h"
#include "fc-pdf-narrative.h"
#include "fc-pdf-split.h"
#include "fc-pdf-table.h"
#include "fc-pdf-text.h"

/* a package has tens of pages; these bound what a hostile file costs */
#define FC_PDF_MAX_PAGES 1000
#define FC_PDF_MAX_BYTES (256u << 20)
#define FC_PDF_MAX_CHARS 4000000

G_DEFINE_QUARK (fc-pdf-error-quark, fc_pdf_error)

struct _FcPdfPackage {
  FcWorkbook *workbook;
  GHashTable *origins;    /* "sheet\x1frow\x1fcol" → FcPdfOrigin* */
  GHashTable *sheet_page; /* sheet → first page */
  GPtrArray *problems;    /* FcPdfProblem* */
  guint n_pages;
};

static void
origin_free (FcPdfOrigin *origin)
{
  g_free (origin->text);
  g_free (origin->label);
  g_free (origin);
}

static void
problem_free (FcPdfProblem *problem)
{
  g_free (problem->title);
  g_free (problem->reason);
  g_free (problem->reason_en);
  g_free (problem);
}

void
fc_pdf_package_free (FcPdfPackage *package)
{
  if (package == NULL)
    return;
  fc_workbook_free (package->workbook);
  g_hash_table_unref (package->origins);
  g_hash_table_unref (package->sheet_page);
  g_ptr_array_unref (package->problems);
  g_free (package);
}

const FcWorkbook *
fc_pdf_package_get_workbook (const FcPdfPackage *package)
{
  return package->workbook;
}

static char *
origin_key (const char *sheet, guint row, guint col)
{
  return g_strdup_printf ("%s\x1f%u\x1f%u", sheet, row, col);
}

const FcPdfOrigin *
fc_pdf_package_origin (const FcPdfPackage *package, const char *sheet, guint row, guint col)
{
  g_autofree char *key = origin_key (sheet != NULL ? sheet : "", row, col);

  return g_hash_table_lookup (package->origins, key);
}

guint
fc_pdf_package_sheet_page (const FcPdfPackage *package, const char *sheet)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (package->sheet_page, sheet != NULL ? sheet : ""));
}

GPtrArray *
fc_pdf_package_get_problems (const FcPdfPackage *package)
{
  return package->problems;
}

guint
fc_pdf_package_get_n_pages (const FcPdfPackage *package)
{
  return package->n_pages;
}

/* Whether the file ends as a whole PDF does: a truncated download has no
 * %%EOF at its end, and poppler would read what is left of it. */
static gboolean
has_end (const char *data, gsize length)
{
  gsize from = length > 2048 ? length - 2048 : 0;

  for (gsize i = from; i + 5 <= length; i++)
    if (memcmp (data + i, "%%EOF", 5) == 0)
      return TRUE;
  return FALSE;
}

/* A sheet name not yet used in the workbook (transfer full). */
static char *
unique_name (GHashTable *used, const char *name)
{
  char *candidate = g_strdup (*name != '\0' ? name : "表");

  for (guint n = 2; g_hash_table_contains (used, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s (%u)", *name != '\0' ? name : "表", n);
    }
  g_hash_table_add (used, g_strdup (candidate));
  return candidate;
}

static void
put (FcPdfPackage *package, FcSheet *sheet, guint row, guint col, const char *text, guint page,
     const char *label)
{
  FcPdfOrigin *origin = g_new0 (FcPdfOrigin, 1);
  double value;

  /* amounts as printed with a decimal point or separators are numbers;
   * codes and whole numbers stay text (the engine reads text amounts too) */
  if ((strchr (text, '.') != NULL || strchr (text, ',') != NULL) && fc_pdf_text_is_number (text)
      && fc_amount_parse_text (text, &value))
    fc_sheet_set_number (sheet, row, col, value);
  else
    fc_sheet_set_text (sheet, row, col, text);
  origin->page = page;
  origin->text = g_strdup (text);
  origin->label = g_strdup (label != NULL ? label : "");
  g_hash_table_insert (package->origins, origin_key (fc_sheet_get_name (sheet), row, col), origin);
}

/* The printed label of a row for a cell: the nearest text to its left that
 * is neither an amount nor a code. */
static const char *
row_label (const FcPdfCell *row, guint col)
{
  for (guint c = col; c > 0; c--)
    if (row[c - 1].text != NULL && !fc_pdf_text_is_number (row[c - 1].text))
      return row[c - 1].text;
  return "";
}

static void
add_table (FcPdfPackage *package, GHashTable *used, const FcPdfTable *table)
{
  g_autoptr (FcPdfSheet) rows = fc_pdf_table_rebuild (table);
  g_autofree char *name = NULL;
  FcSheet *sheet;

  if (rows->problem != NULL)
    {
      FcPdfProblem *problem = g_new0 (FcPdfProblem, 1);

      problem->title = g_strdup (table->title);
      problem->page = rows->problem_page != 0 ? rows->problem_page : table->page;
      problem->reason = g_strdup (rows->problem);
      problem->reason_en = g_strdup (rows->problem_en);
      g_ptr_array_add (package->problems, problem);
      return; /* its numbers may be misplaced: the rules must not read them */
    }
  name = unique_name (used, table->title);
  sheet = fc_workbook_add_sheet (package->workbook, name, rows->rows->len, rows->n_cols);
  if (sheet == NULL)
    return;
  g_hash_table_insert (package->sheet_page, g_strdup (name), GUINT_TO_POINTER (table->page));
  for (guint r = 0; r < rows->rows->len; r++)
    {
      const FcPdfCell *row = rows->rows->pdata[r];

      for (guint c = 0; c < rows->n_cols; c++)
        if (row[c].text != NULL)
          put (package, sheet, r, c, row[c].text, row[c].page, row_label (row, c));
    }
}

static void
add_narrative (FcPdfPackage *package, GHashTable *used, GPtrArray *lines)
{
  g_autoptr (GPtrArray) paragraphs = fc_pdf_paragraphs (lines);
  g_autofree char *name = NULL;
  FcSheet *sheet;

  if (paragraphs->len == 0)
    return;
  name = unique_name (used, FC_PDF_NARRATIVE_SHEET);
  sheet = fc_workbook_add_sheet (package->workbook, name, paragraphs->len, 1);
  if (sheet == NULL)
    return;
  g_hash_table_insert (package->sheet_page, g_strdup (name),
                       GUINT_TO_POINTER (((FcPdfParagraph *) paragraphs->pdata[0])->page));
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const FcPdfParagraph *p = paragraphs->pdata[i];
      put (package, sheet, i, 0, p->text, p->page, "");
    }
}

/* Whether a spreadsheet made the PDF (its Creator: LibreOffice's "Calc",
 * "Microsoft® Excel®"). */
static gboolean
made_by_spreadsheet (PopplerDocument *document)
{
  g_autofree char *creator = poppler_document_get_creator (document);

  return creator != NULL && (strstr (creator, "Calc") != NULL || strstr (creator, "Excel") != NULL);
}

/* What the document is, from its tables' titles and its text: FALSE with
 * an error unless it is a 决算 package. */
static gboolean
check_kind (const FcPdfSplit *split, GError **error)
{
  guint final = 0, budget = 0, text_final = 0, text_budget = 0;

  for (guint i = 0; i < split->tables->len; i++)
    {
      const FcPdfTable *t = split->tables->pdata[i];
      g_autofree char *all = g_strconcat (t->title, t->number != NULL ? t->number : "", NULL);

      if (strstr (all, "决算") != NULL)
        final++;
      else if (strstr (all, "预算") != NULL && strstr (all, "自评") == NULL)
        budget++;
    }
  for (guint i = 0; i < split->narrative->len; i++)
    {
      g_autofree char *text = fc_pdf_line_text (split->narrative->pdata[i]);
      text_final += strstr (text, "部门决算") != NULL;
      text_budget += strstr (text, "部门预算") != NULL;
    }
  if (final > 0)
    return TRUE;
  if (budget > 0 || text_budget > text_final)
    g_set_error (error, FC_PDF_ERROR, FC_PDF_ERROR_BUDGET,
                 "这是部门预算（%u 张预算表），不是部门决算，未检查 / this is a 部门预算 "
                 "(departmental budget, %u budget tables), not a 部门决算 package: not checked",
                 budget, budget);
  else
    g_set_error (error, FC_PDF_ERROR, FC_PDF_ERROR_NOT_PACKAGE,
                 "PDF 中没有部门决算表，不是决算公开文件，未检查 / the PDF holds no 部门决算 "
                 "tables: not a final-accounts package, not checked");
  return FALSE;
}

FcPdfPackage *
fc_pdf_read_data (const char *data, gsize length, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GObject) document = NULL; /* PopplerDocument: poppler 22 has no autoptr */
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_pdf_page_free);
  g_autoptr (FcPdfSplit) split = NULL;
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FcPdfPackage *package;
  guint n_pages, n_chars = 0;

  if (length < 8 || length > FC_PDF_MAX_BYTES || memcmp (data, "%PDF-", 5) != 0)
    {
      g_set_error (error, FC_PDF_ERROR, FC_PDF_ERROR_DAMAGED,
                   "不是 PDF 文件或文件已损坏 / not a PDF, or damaged");
      return NULL;
    }
  if (!has_end (data, length))
    {
      g_set_error (error, FC_PDF_ERROR, FC_PDF_ERROR_DAMAGED,
                   "PDF 文件不完整（被截断），未检查 / the PDF is truncated: not checked");
      return NULL;
    }
  bytes = g_bytes_new (data, length);
  document = (GObject *) poppler_document_new_from_bytes (bytes, NULL, &local);
  if (document == NULL)
    {
      gboolean encrypted = g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);

      g_set_error (error, FC_PDF_ERROR, encrypted ? FC_PDF_ERROR_ENCRYPTED : FC_PDF_ERROR_DAMAGED,
                   encrypted ? "PDF 已加密（需要密码），未检查 / the PDF is encrypted (needs a "
                               "password): not checked"
                             : "PDF 文件已损坏，无法读取 / the PDF is damaged and cannot be read");
      return NULL;
    }
  n_pages = (guint) MAX (poppler_document_get_n_pages (POPPLER_DOCUMENT (document)), 0);
  if (n_pages > FC_PDF_MAX_PAGES)
    {
      g_set_error (error, FC_PDF_ERROR, FC_PDF_ERROR_TOO_BIG,
                   "PDF 有 %u 页，超出决算公开文件的篇幅（至多 %u 页），未检查 / the PDF has %u "
                   "pages, more than a package has (at most %u): not checked",
                   n_pages, FC_PDF_MAX_PAGES, n_pages, FC_PDF_MAX_PAGES);
      return NULL;
    }
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr (GObject) page = (GObject *) poppler_document_get_page (POPPLER_DOCUMENT (document),
                                                                         (int) i);
      FcPdfPage *read = page != NULL ? fc_pdf_page_read (POPPLER_PAGE (page), i + 1)
                                     : fc_pdf_page_from_layout (NULL, NULL, 0, i + 1, 0, 0);

      n_chars += read->n_chars;
      g_ptr_array_add (pages, read);
      if (n_chars > FC_PDF_MAX_CHARS || read->n_chars > FC_PDF_MAX_PAGE_CHARS)
        {
          g_set_error (error, FC_PDF_ERROR, FC_PDF_ERROR_TOO_BIG,
                       "PDF 的文字超出决算公开文件的篇幅，未检查 / the PDF holds more text "
                       "than a package has: not checked");
          return NULL;
        }
    }
  if (n_chars == 0)
    {
      g_set_error (error, FC_PDF_ERROR, FC_PDF_ERROR_NO_TEXT,
                   "PDF 没有文字层（扫描件或图片），无法读取数字，未检查 / the PDF has no text "
                   "layer (a scan or images): its numbers cannot be read, not checked");
      return NULL;
    }
  split = fc_pdf_split (pages);
  if (!check_kind (split, error))
    return NULL;
  package = g_new0 (FcPdfPackage, 1);
  package->workbook = fc_workbook_new ();
  package->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) origin_free);
  package->sheet_page = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  package->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  package->n_pages = n_pages;
  for (guint i = 0; i < split->tables->len; i++)
    add_table (package, used, split->tables->pdata[i]);
  if (made_by_spreadsheet (POPPLER_DOCUMENT (document)))
    {
      /* a spreadsheet prints text cell by cell, cut at the cell's edge
       * when the next cell is not empty: what is cut cannot be read back,
       * and half a sentence must not be checked as a claim */
      FcPdfProblem *problem = g_new0 (FcPdfProblem, 1);

      problem->title = g_strdup (FC_PDF_NARRATIVE_SHEET);
      problem->page = split->narrative->len > 0
                      ? ((FcPdfLine *) split->narrative->pdata[0])->page : 1;
      problem->reason = g_strdup ("PDF 由电子表格软件生成，文字按单元格打印、可能被截断，情况说明未检查");
      problem->reason_en = g_strdup ("the PDF was made by a spreadsheet, which prints text cell "
                                     "by cell and may cut it: the narrative was not checked");
      g_ptr_array_add (package->problems, problem);
    }
  else
    add_narrative (package, used, split->narrative);
  return package;
}

FcPdfPackage *
fc_pdf_read_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, FC_PDF_ERROR, FC_PDF_ERROR_DAMAGED, "无法读取 / cannot read: %s",
                   local->message);
      return NULL;
    }
  return fc_pdf_read_data (data, length, error);
}
