/* fuzz-narrative.c — the narrative reader on any text: a separate narrative
 * document (its bytes as a .txt is read) checked against the sample's
 * tables, and the claims read from it; never a crash, a leak or a finding
 * that points outside the workbook. */
#include "fc-fuzz.h"

#include "fc-narrative.h"

int
fc_fuzz_narrative (const uint8_t *data, size_t size)
{
  const FcEngine *engine = fc_fuzz_shipped_engine ();
  const FcWorkbook *sample = fc_fuzz_sample ();
  FcNarrative *narrative = fc_narrative_new_from_text ((const char *) data, (gssize) size, "fuzz.txt");
  for (guint i = 0; i < fc_narrative_get_n_paragraphs (narrative); i++)
    {
      const FcParagraph *p = fc_narrative_get_paragraph (narrative, i);
      if (p == NULL || !g_utf8_validate (p->text, -1, NULL))
        fc_fuzz_fail ("paragraph %u is not valid UTF-8", i);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (FcReport) report = fc_engine_check_full (engine, sample, narrative, NULL, &error);
  if (report == NULL)
    fc_fuzz_fail ("the sample's tables were not checked beside a narrative: %s",
                  error ? error->message : "no error");
  fc_fuzz_check_report (sample, report);
  fc_narrative_free (narrative);
  return 0;
}
