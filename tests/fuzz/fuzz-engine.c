/* fuzz-engine.c — the engine on arbitrary grids (fc-fuzz-grid.h decodes the
 * bytes into a workbook): recognition, every rule, scoped checks and the
 * report writers, never a crash; a check is deterministic. */
#include "fc-fuzz.h"

#include <string.h>

#include "fc-fuzz-grid.h"

int
fc_fuzz_engine (const uint8_t *data, size_t size)
{
  g_autoptr (FcWorkbook) workbook = fc_fuzz_grid_decode (data, size);
  const FcEngine *engine = fc_fuzz_shipped_engine ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) report = fc_engine_check (engine, workbook, NULL, &error);
  if (report == NULL)
    {
      if (!g_error_matches (error, FC_ERROR, FC_ERROR_NO_TABLES))
        fc_fuzz_fail ("fc_engine_check: %s", error->message);
      return 0;
    }
  fc_fuzz_check_report (workbook, report);

  /* a scope named by the last byte: a table or a rule */
  guint pick = size > 0 ? data[size - 1] : 0;
  g_autofree char *table = g_strdup_printf ("%02u", pick % 12);
  const char *only = pick & 0x80 && fc_engine_get_n_rules (engine) > 0
                       ? fc_engine_get_rule_id (engine, pick % fc_engine_get_n_rules (engine))
                       : table;
  g_autoptr (FcReport) scoped = fc_engine_check (engine, workbook, only, NULL);
  if (scoped != NULL)
    {
      fc_fuzz_check_report (workbook, scoped);
      if (scoped->findings->len > report->findings->len)
        fc_fuzz_fail ("scope %s found more than the whole check", only);
    }

  g_autoptr (FcReport) again = fc_engine_check (engine, workbook, NULL, NULL);
  if (again == NULL || again->findings->len != report->findings->len)
    fc_fuzz_fail ("the same workbook checked twice gave different findings");
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *a = g_ptr_array_index (report->findings, i);
      const FcFinding *b = g_ptr_array_index (again->findings, i);
      if (strcmp (a->rule_id, b->rule_id) != 0 || strcmp (a->message, b->message) != 0)
        fc_fuzz_fail ("finding %u differs between two checks", i);
    }
  return 0;
}
