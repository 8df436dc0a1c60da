/* fc-read-pdf — what the PDF reader makes of a PDF: each sheet's cells
 * with the page they were printed on, and the tables it could not rebuild
 * (not a test; for trying real PDFs by hand). */
#include <locale.h>
#include <stdio.h>

#include "fc-pdf.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPdfPackage) package = NULL;
  const FcWorkbook *workbook;
  GPtrArray *problems;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "usage: fc-read-pdf FILE.pdf\n");
      return 2;
    }
  package = fc_pdf_read_file (argv[1], &error);
  if (package == NULL)
    {
      printf ("refused: %s\n", error->message);
      return 2;
    }
  workbook = fc_pdf_package_get_workbook (package);
  for (guint s = 0; s < fc_workbook_get_n_sheets (workbook); s++)
    {
      const FcSheet *sheet = fc_workbook_get_sheet (workbook, s);
      const char *name = fc_sheet_get_name (sheet);

      printf ("== %s (%u×%u, page %u)\n", name, fc_sheet_get_n_rows (sheet),
              fc_sheet_get_n_cols (sheet), fc_pdf_package_sheet_page (package, name));
      for (guint r = 0; r < fc_sheet_get_n_rows (sheet); r++)
        {
          printf ("%3u", r + 1);
          for (guint c = 0; c < fc_sheet_get_n_cols (sheet); c++)
            {
              g_autofree char *text = fc_cell_to_display (fc_sheet_get_cell (sheet, r, c));
              printf (" | %s", text);
            }
          printf ("\n");
        }
    }
  problems = fc_pdf_package_get_problems (package);
  for (guint i = 0; i < problems->len; i++)
    {
      const FcPdfProblem *p = problems->pdata[i];
      printf ("NOT REBUILT: %s (page %u): %s\n", p->title, p->page, p->reason);
    }
  return 0;
}
