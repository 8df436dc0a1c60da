/* fuzz-fods.c — the flat-ODS reader on any bytes: a workbook or an
 * FC_ERROR_READ, never a crash, leak or runaway allocation; a workbook it
 * reads is checked by the engine too. */
#include "fc-fuzz.h"

#include "fc-fods.h"

int
fc_fuzz_fods (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcWorkbook) workbook = fc_fods_read_data ((const char *) data, size, &error);

  if ((workbook == NULL) == (error == NULL))
    fc_fuzz_fail ("fc_fods_read_data: a workbook and an error, or neither");
  if (workbook == NULL)
    {
      if (!g_error_matches (error, FC_ERROR, FC_ERROR_READ) || !g_utf8_validate (error->message, -1, NULL))
        fc_fuzz_fail ("fc_fods_read_data: unexpected error %s", error->message);
      return 0;
    }
  for (guint i = 0; i < fc_workbook_get_n_sheets (workbook); i++)
    {
      const FcSheet *s = fc_workbook_get_sheet (workbook, i);
      for (guint r = 0; r < fc_sheet_get_n_rows (s); r++)
        for (guint c = 0; c < fc_sheet_get_n_cols (s); c++)
          {
            const FcCell *cell = fc_sheet_get_cell (s, r, c);
            if (cell->kind == FC_CELL_TEXT && !g_utf8_validate (cell->text, -1, NULL))
              fc_fuzz_fail ("fc_fods_read_data: invalid UTF-8 in a cell");
          }
    }
  g_autoptr (FcReport) report = fc_engine_check (fc_fuzz_shipped_engine (), workbook, NULL, NULL);
  if (report != NULL)
    fc_fuzz_check_report (workbook, report);
  return 0;
}
