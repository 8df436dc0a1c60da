/* fc-text-finding.c — the findings of the narrative and self-evaluation
 * rules: where they point (the claim's or paragraph's cell, the figure's),
 * and their messages (the rule's, then what the text says against what
 * the tables have).
 */
#include "fc-text-facts-private.h"

#include <string.h>

const char *
fc_text_finding_document (const FcTextCheck *k)
{
  return k->x->narrative ? fc_narrative_get_document (k->x->narrative) : "";
}

/* A finding about a claim: its cell first when the narrative is a sheet. */
FcFinding *
fc_text_finding_claim (const FcTextCheck *k, FcSeverity severity, const FcClaim *claim, const char *table)
{
  FcFinding *f = fc_finding_new (k->rule->id, severity, table, "", "");
  g_autofree char *quote = fc_claims_quote (k->x->claims, k->x->narrative, claim);
  /* a share or a rate: its amounts are percentages */
  f->percent = claim->kind == FC_CLAIM_RATE || claim->kind == FC_CLAIM_SHARE
               || claim->kind == FC_CLAIM_COMPLETION;
  fc_finding_set_quote (f, quote, claim->paragraph + 1, fc_text_finding_document (k));
  const FcParagraph *p = fc_narrative_get_paragraph (k->x->narrative, claim->paragraph);
  if (p != NULL && p->sheet != NULL)
    {
      g_autofree char *label = g_strdup_printf ("情况说明 第%u段", claim->paragraph + 1);
      fc_finding_add_cell (f, p->sheet, p->row, p->col, label, "", claim->value);
    }
  return f;
}

/* A finding about a paragraph (a quote that is not a claim). */
FcFinding *
fc_text_finding_paragraph (const FcTextCheck *k, guint paragraph, const char *quote)
{
  FcFinding *f = fc_finding_new (k->rule->id, k->rule->severity, "", "", "");
  fc_finding_set_quote (f, quote, paragraph + 1, fc_text_finding_document (k));
  const FcParagraph *p = fc_narrative_get_paragraph (k->x->narrative, paragraph);
  if (p != NULL && p->sheet != NULL)
    {
      g_autofree char *label = g_strdup_printf ("情况说明 第%u段", paragraph + 1);
      fc_finding_add_cell (f, p->sheet, p->row, p->col, label, "", 0);
    }
  return f;
}

/* Sets the messages (the rule's, then the detail) and files the finding. */
void
fc_text_finding_file (const FcTextCheck *k, FcFinding *f, const char *zh, const char *en)
{
  gboolean note = f->severity == FC_SEVERITY_INFO && k->rule->severity != FC_SEVERITY_INFO;
  g_free (f->message);
  g_free (f->message_en);
  f->message = g_strdup_printf ("%s%s：%s", note ? "尾数差异（在舍入误差范围内）：" : "",
                                k->rule->message, zh);
  f->message_en = g_strdup_printf ("%s%s: %s", note ? "Rounding tail (within tolerance): " : "",
                                   k->rule->message_en, en);
  fc_report_add_finding (fc_check_context_report (k->c), f);
}

FcSeverity
fc_text_finding_severity (const FcTextCheck *k, FcVerdict v)
{
  return v == FC_VERDICT_NOTE ? FC_SEVERITY_INFO : k->rule->severity;
}

void
fc_text_finding_set_amounts (FcFinding *f, double expected, double actual, double tolerance)
{
  f->has_amounts = TRUE;
  f->expected = expected;
  f->actual = actual;
  f->difference = actual - expected;
  f->tolerance = tolerance;
}

/* "5364.75（一般公共预算财政拨款支出决算表!D29 合计 / 栏2 基本支出）": the
 * figure with the cell it is read from, which the finding lists after the
 * claim's own cell (transfer full). */
char *
fc_text_finding_figure (const FcFinding *f, double value, guint decimals)
{
  g_autofree char *v = fc_verdict_number (value, decimals);
  for (guint i = 0; i < f->cells->len; i++)
    {
      const FcFindingCell *cell = g_ptr_array_index (f->cells, i);
      if (g_str_has_prefix (cell->row_label, "情况说明"))
        continue;
      return g_strdup_printf ("%s（%s!%s%s%s%s%s）", v, cell->sheet, cell->address,
                              *cell->row_label ? " " : "", cell->row_label,
                              *cell->column_label ? " / " : "", cell->column_label);
    }
  return g_steal_pointer (&v);
}

/* Whether the finding already lists the paragraph's cell. */
gboolean
fc_text_finding_lists_cell (const FcFinding *f, const FcParagraph *p)
{
  for (guint i = 0; i < f->cells->len; i++)
    {
      const FcFindingCell *c = g_ptr_array_index (f->cells, i);
      if (c->row == p->row && c->col == p->col && strcmp (c->sheet, p->sheet) == 0)
        return TRUE;
    }
  return FALSE;
}
