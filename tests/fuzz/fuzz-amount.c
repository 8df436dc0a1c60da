/* fuzz-amount.c — the amount parser on any text: a finite number or FALSE,
 * and what it accepts reads back to the same number when printed. */
#include "fc-fuzz.h"

#include <math.h>
#include <string.h>

#include "fc-amount.h"

int
fc_fuzz_amount (const uint8_t *data, size_t size)
{
  /* cells hold NUL-terminated UTF-8; the parser must cope with invalid too */
  g_autofree char *text = g_strndup ((const char *) data, size);
  double value = 0;
  if (fc_amount_parse_text (text, &value))
    {
      if (!isfinite (value))
        fc_fuzz_fail ("fc_amount_parse_text accepted a non-finite number");
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double again = 0;
      if (!fc_amount_parse_text (g_ascii_dtostr (buf, sizeof buf, value), &again)
          || memcmp (&again, &value, sizeof value) != 0)
        fc_fuzz_fail ("%s does not read back as %.17g", buf, value);
    }
  gboolean blank = fc_amount_text_is_blank (text);

  /* the same text in a cell, as the engine reads amounts */
  g_autoptr (FcWorkbook) wb = fc_workbook_new ();
  FcSheet *s = fc_workbook_add_sheet (wb, "S", 1, 1);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  fc_sheet_set_text (s, 0, 0, valid);
  double read = 0;
  FcAmountKind kind = fc_amount_read (fc_sheet_get_cell (s, 0, 0), &read);
  if (!isfinite (read) || (kind != FC_AMOUNT_VALUE && read != 0)
      || (kind == FC_AMOUNT_VALUE && fabs (read) > FC_AMOUNT_LIMIT))
    fc_fuzz_fail ("fc_amount_read: kind %d with %.17g", kind, read);
  if (g_utf8_validate (text, -1, NULL) && blank != (kind == FC_AMOUNT_BLANK))
    fc_fuzz_fail ("fc_amount_read and fc_amount_text_is_blank disagree");
  return 0;
}
