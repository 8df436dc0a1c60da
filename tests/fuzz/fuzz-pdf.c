/* fuzz-pdf.c — the PDF reader on any bytes (seeds: the real PDFs of
 * tests/data and small hand-made ones): either a clear refusal (an
 * FC_PDF_ERROR with a message) or a workbook whose every cell says a page
 * of the document, checked by the engine like any workbook; never a crash,
 * a leak or a finding outside the workbook. */
#include "fc-fuzz.h"

#include "fc-pdf.h"

int
fc_fuzz_pdf (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPdfPackage) package = fc_pdf_read_data ((const char *) data, size, &error);
  const FcWorkbook *workbook;
  g_autoptr (FcReport) report = NULL;

  if (package == NULL)
    {
      if (error == NULL || error->domain != FC_PDF_ERROR || *error->message == '\0')
        fc_fuzz_fail ("a PDF refused without a message");
      return 0;
    }
  workbook = fc_pdf_package_get_workbook (package);
  for (guint s = 0; s < fc_workbook_get_n_sheets (workbook); s++)
    {
      const FcSheet *sheet = fc_workbook_get_sheet (workbook, s);

      for (guint r = 0; r < fc_sheet_get_n_rows (sheet); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
          {
            const FcPdfOrigin *origin;

            if (fc_sheet_get_cell (sheet, r, c)->kind == FC_CELL_EMPTY)
              continue;
            origin = fc_pdf_package_origin (package, fc_sheet_get_name (sheet), r, c);
            if (origin == NULL || origin->page < 1
                || origin->page > fc_pdf_package_get_n_pages (package))
              fc_fuzz_fail ("cell %u,%u of %s without its page", r, c, fc_sheet_get_name (sheet));
          }
    }
  report = fc_engine_check (fc_fuzz_shipped_engine (), workbook, NULL, &error);
  if (report != NULL)
    fc_fuzz_check_report (workbook, report);
  else if (!g_error_matches (error, FC_ERROR, FC_ERROR_NO_TABLES))
    fc_fuzz_fail ("the workbook of a PDF was not checked: %s", error->message);
  return 0;
}
