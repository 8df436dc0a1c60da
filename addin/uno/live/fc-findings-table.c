/* fc-findings-table.c — findings as rows of texts for an array formula (see
 * fc-findings-table.h).
 *
 * Why texts only: Calc 7.4 turns a sequence< sequence< any > > result into
 * a matrix whose strings are not interned in the document's string pool
 * (ScSequenceToMatrix::CreateMixedMatrix), and then =, EXACT, MATCH and
 * COUNTIF never match them ("错误" ≠ "错误").  A sequence< sequence< string > >
 * goes through ScUnoAddInCall::SetResult, which interns every string.
 * Amounts are therefore texts too; VALUE() or arithmetic converts them.
 */
#include "fc-findings-table.h"

#include "fc-amount.h"

static const char *const headers[FC_FINDINGS_TABLE_COLUMNS] = {
  "严重程度 Severity", "规则 Rule", "表 Table", "说明 Message",
  "单元格 Cells", "应为 Expected", "实际 Actual", "差额 Difference"
};

static const FcSeverity severities_desc[] = {
  FC_SEVERITY_ERROR, FC_SEVERITY_WARNING, FC_SEVERITY_INFO
};

/* "Sheet!C12; Sheet!D12" (transfer full). */
static char *
cells_text (const FcFinding *finding)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < finding->cells->len; i++)
    {
      const FcFindingCell *cell = finding->cells->pdata[i];

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s!%s", cell->sheet, cell->address);
    }
  return g_string_free (out, FALSE);
}

/* A row of empty texts (transfer full). */
static GStrv
row_new (void)
{
  GStrv row = g_new0 (char *, FC_FINDINGS_TABLE_COLUMNS + 1);

  for (guint c = 0; c < FC_FINDINGS_TABLE_COLUMNS; c++)
    row[c] = g_strdup ("");
  return row;
}

/* Takes text; NULL becomes "" so the row stays a full GStrv. */
static void
row_set (GStrv row, guint col, char *text /* transfer full */)
{
  g_free (row[col]);
  row[col] = text != NULL ? text : g_strdup ("");
}

static GStrv
finding_row (const FcFinding *finding)
{
  GStrv row = row_new ();

  row_set (row, 0, g_strdup (fc_severity_format (finding->severity, FC_SEVERITY_CHINESE)));
  row_set (row, 1, g_strdup (finding->rule_id));
  if (finding->table != NULL && *finding->table != '\0')
    row_set (row, 2, g_strdup_printf ("公开%s表", finding->table));
  row_set (row, 3, g_strdup (finding->message));
  row_set (row, 4, cells_text (finding));
  if (finding->has_amounts)
    {
      row_set (row, 5, fc_amount_format (finding->expected));
      row_set (row, 6, fc_amount_format (finding->actual));
      row_set (row, 7, fc_amount_format (finding->difference));
    }
  return row;
}

/* A table holding the header row only (transfer full). */
static GPtrArray *
table_with_header (void)
{
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv header = row_new ();

  for (guint c = 0; c < FC_FINDINGS_TABLE_COLUMNS; c++)
    row_set (header, c, g_strdup (headers[c]));
  g_ptr_array_add (table, header);
  return table;
}

GPtrArray *
fc_findings_table_new (const FcReport *report)
{
  GPtrArray *table;

  if (report->findings->len == 0)
    return fc_findings_table_new_text (FC_FINDINGS_TABLE_NONE);
  table = table_with_header ();
  for (guint s = 0; s < G_N_ELEMENTS (severities_desc); s++)
    for (guint i = 0; i < report->findings->len; i++)
      {
        const FcFinding *finding = report->findings->pdata[i];

        if (finding->severity == severities_desc[s])
          g_ptr_array_add (table, finding_row (finding));
      }
  return table;
}

GPtrArray *
fc_findings_table_new_text (const char *text)
{
  GPtrArray *table = table_with_header ();
  GStrv row = row_new ();

  row_set (row, 0, g_strdup (text));
  g_ptr_array_add (table, row);
  return table;
}

gboolean
fc_findings_table_equal (const GPtrArray *a, const GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_strv_equal ((const char *const *) a->pdata[i], (const char *const *) b->pdata[i]))
      return FALSE;
  return TRUE;
}

void
fc_findings_table_to_any (const GPtrArray *table, uno_Any *any)
{
  /* static references, as typelib_static_sequence_type_init expects */
  static typelib_TypeDescriptionReference *row_type, *rows_type;
  uno_Sequence **rows = g_new0 (uno_Sequence *, MAX (table->len, 1));
  uno_Sequence *data = NULL;

  typelib_static_sequence_type_init (&row_type,
                                     *typelib_static_type_getByTypeClass (typelib_TypeClass_STRING));
  typelib_static_sequence_type_init (&rows_type, row_type);
  for (guint r = 0; r < table->len; r++)
    {
      const char *const *texts = table->pdata[r];
      rtl_uString *cells[FC_FINDINGS_TABLE_COLUMNS];

      for (guint c = 0; c < FC_FINDINGS_TABLE_COLUMNS; c++)
        cells[c] = fc_uno_string_new (texts[c]);
      /* copies the strings (acquires them) */
      uno_type_sequence_construct (&rows[r], row_type, cells, FC_FINDINGS_TABLE_COLUMNS, NULL);
      for (guint c = 0; c < FC_FINDINGS_TABLE_COLUMNS; c++)
        rtl_uString_release (cells[c]);
    }
  uno_type_sequence_construct (&data, rows_type, rows, (sal_Int32) table->len, NULL);
  uno_type_any_construct (any, &data, rows_type, NULL);
  uno_type_destructData (&data, rows_type, NULL);
  for (guint r = 0; r < table->len; r++)
    uno_type_destructData (&rows[r], row_type, NULL);
  g_free (rows);
}
