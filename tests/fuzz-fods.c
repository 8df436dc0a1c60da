/* fuzz-fods.c — libFuzzer entry for the flat ODS reader (not built by
 * default): any input must yield a workbook or an FC_ERROR_READ, never a
 * crash, leak or runaway allocation. */
#include <stddef.h>
#include <stdint.h>

#include "fc-fods.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  FcWorkbook *workbook = fc_fods_read_data ((const char *) data, size, &error);

  g_assert ((workbook == NULL) != (error == NULL));
  fc_workbook_free (workbook);
  g_clear_error (&error);
  return 0;
}
