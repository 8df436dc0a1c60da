/* fc-own-sheets.c — the sheets FiscalCheck adds (see fc-own-sheets.h). */
#include "fc-own-sheets.h"

#include <string.h>

const char *
fc_own_sheets_report_sheet (const FcWorkbook *workbook)
{
  for (guint s = 0; s < fc_workbook_get_n_sheets (workbook); s++)
    {
      const FcSheet *sheet = fc_workbook_get_sheet (workbook, s);
      const FcCell *magic = fc_sheet_get_cell (sheet, 0, 0);
      const FcCell *name = fc_sheet_get_cell (sheet, 0, 1);

      if (strcmp (fc_sheet_get_name (sheet), FC_MARK_STORE_SHEET) == 0
          && magic->kind == FC_CELL_TEXT && strcmp (magic->text, FC_MARK_STORE_MAGIC) == 0)
        return name->kind == FC_CELL_TEXT && *name->text != '\0' ? name->text : NULL;
    }
  return NULL;
}

void
fc_own_sheets_remove (FcWorkbook *workbook)
{
  /* a copy: removing the sheets frees the name */
  g_autofree char *report_sheet = g_strdup (fc_own_sheets_report_sheet (workbook));

  fc_workbook_remove_sheets (workbook, report_sheet);
  fc_workbook_remove_sheets (workbook, FC_MARK_STORE_SHEET);
}
