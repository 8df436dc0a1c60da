/* fc-pdf.h — a published 部门决算 PDF as the workbook the engine checks.
 *
 * The PDF reader turns the text layer of a package as published (Word,
 * WPS, Excel or LibreOffice made) into an FcWorkbook: one sheet per table,
 * named by its printed title (title, unit, header and data rows as
 * printed, a table continued over pages joined), and one sheet 情况说明
 * with the text outside the tables, one paragraph a row.  Every cell keeps
 * where it was printed (page, text), so a finding can name the page and
 * quote the page's own words.
 *
 * What it cannot rebuild with certainty it leaves out and says so (a
 * problem per table), never a guess: the rules must not read numbers that
 * may be misplaced.  What is not a 部门决算 package (a 部门预算, a scan, an
 * encrypted, damaged or unrelated PDF) is an error naming what it is.
 *
 * Built on poppler-glib (GPL-2.0-or-later); a library of its own that the
 * batch command, the tests and the fuzzers link, never the add-in.
 */
#pragma once

#include <glib.h>

#include "fc-workbook.h"

G_BEGIN_DECLS

#define FC_PDF_ERROR (fc_pdf_error_quark ())
GQuark fc_pdf_error_quark (void);

typedef enum {
  FC_PDF_ERROR_DAMAGED,     /* not a PDF, corrupt or truncated */
  FC_PDF_ERROR_ENCRYPTED,   /* needs a password */
  FC_PDF_ERROR_NO_TEXT,     /* no text layer: a scan */
  FC_PDF_ERROR_BUDGET,      /* a 部门预算, not a 决算 */
  FC_PDF_ERROR_NOT_PACKAGE, /* no 决算 tables at all */
  FC_PDF_ERROR_TOO_BIG      /* more pages or text than a package has */
} FcPdfErrorCode;

/* The name of the narrative sheet the reader writes. */
#define FC_PDF_NARRATIVE_SHEET "情况说明"

/* Where a cell of the workbook was printed. */
typedef struct {
  guint page;  /* 1-based */
  char *text;  /* the cell's text as printed ("2,082.85") */
  char *label; /* the printed label of its row ("工资福利支出"), or "" */
} FcPdfOrigin;

/* A table that was not rebuilt: said once, its numbers not used. */
typedef struct {
  char *title;
  guint page;
  char *reason;    /* zh-CN */
  char *reason_en; /* en-US */
} FcPdfProblem;

typedef struct _FcPdfPackage FcPdfPackage;

/* Reads a PDF in memory (transfer full); NULL with FC_PDF_ERROR when it is
 * not a readable 部门决算 package. */
FcPdfPackage *fc_pdf_read_data (const char *data, gsize length, GError **error);

/* The same from a file (NULL with FC_PDF_ERROR_DAMAGED when it cannot be
 * read). */
FcPdfPackage *fc_pdf_read_file (const char *path, GError **error);

void fc_pdf_package_free (FcPdfPackage *package);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPdfPackage, fc_pdf_package_free)

/* The workbook (transfer none). */
const FcWorkbook *fc_pdf_package_get_workbook (const FcPdfPackage *package);

/* Where sheet!row,col was printed, or NULL (transfer none). */
const FcPdfOrigin *fc_pdf_package_origin (const FcPdfPackage *package, const char *sheet,
                                          guint row, guint col);

/* The sheet's first page, 0 when unknown. */
guint fc_pdf_package_sheet_page (const FcPdfPackage *package, const char *sheet);

/* The tables not rebuilt (of FcPdfProblem*, transfer none). */
GPtrArray *fc_pdf_package_get_problems (const FcPdfPackage *package);

guint fc_pdf_package_get_n_pages (const FcPdfPackage *package);

G_END_DECLS
