/* fc-cli-narrative-stage.c — narrative documents to the filter (see fc-cli-narrative-stage.h). */
#include "fc-cli-narrative-stage.h"

#include "fc-cli-narrative.h"
#include "fc-narrative-file.h"

/* Writer's plain-text export: one paragraph a line */
#define TEXT_TARGET "txt:Text (encoded):UTF8,LF"

#define MSG_DOCUMENT_NOT_LOADED "LibreOffice 无法打开此文档（已损坏或不是文字文档）/ " \
  "LibreOffice could not open the document (corrupt or not a text document)"

/* Stages the narrative of workbook for the filter: its text, or why
 * there is none (exactly one of them).  When even that cannot be written
 * the entry says so (narrative_error). */
static void
stage_narrative (const FcCliUser *user, FcCliItem *workbook, const char *text,
                 const char *failure)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (workbook->narrative);
  g_autofree char *path = fc_narrative_file_path (workbook->staged);

  if (!fc_narrative_file_write (workbook->staged, name, text, -1, text == NULL ? failure : NULL,
                                &error)
      || !fc_cli_user_give (user, path, &error))
    workbook->narrative_error = g_strdup_printf ("情况说明未能交给检查 the narrative could not be "
                                                 "staged: %s", error->message);
}

/* Stages the text file at path (a .txt, or the office's conversion). */
static void
stage_text_file (const FcCliUser *user, FcCliItem *workbook, const char *path)
{
  g_autofree char *failure = NULL;
  g_autofree char *text = fc_narrative_doc_read_text (path, &failure);

  stage_narrative (user, workbook, text, failure);
}

gboolean
fc_cli_narrative_stage_all (FcCliStage *stage, const FcCliUser *user, const FcCliBatch *check,
                            GPtrArray *workbooks, GError **error)
{
  g_autoptr (GPtrArray) conversions = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_cli_item_free);
  g_autoptr (GPtrArray) owners = g_ptr_array_new ();
  FcCliBatch batch = *check;

  for (guint i = 0; i < workbooks->len; i++)
    {
      FcCliItem *workbook = workbooks->pdata[i];
      g_autofree char *unfit = NULL;
      FcCliItem *conversion;

      if (workbook->narrative == NULL)
        continue;
      if (!fc_narrative_doc_needs_office (workbook->narrative))
        {
          stage_text_file (user, workbook, workbook->narrative);
          continue;
        }
      if ((unfit = fc_narrative_doc_unfit (workbook->narrative)) != NULL)
        {
          stage_narrative (user, workbook, NULL, unfit);
          continue;
        }
      conversion = fc_cli_stage_add_document (stage, workbook->narrative, i);
      if (conversion->error != NULL)
        {
          stage_narrative (user, workbook, NULL, conversion->error);
          fc_cli_item_free (conversion);
          continue;
        }
      g_ptr_array_add (conversions, conversion);
      g_ptr_array_add (owners, workbook);
    }
  if (conversions->len == 0)
    return TRUE;
  batch.convert_to = TEXT_TARGET;
  batch.complete = fc_cli_output_exists;
  batch.not_loaded = MSG_DOCUMENT_NOT_LOADED;
  batch.outdir = fc_cli_stage_get_texts_dir (stage);
  batch.progress = NULL;
  if (!fc_cli_batch_run (&batch, conversions, error))
    return FALSE;
  for (guint i = 0; i < conversions->len; i++)
    {
      const FcCliItem *conversion = conversions->pdata[i];
      FcCliItem *workbook = owners->pdata[i];

      if (conversion->error != NULL)
        stage_narrative (user, workbook, NULL, conversion->error);
      else
        stage_text_file (user, workbook, conversion->output);
    }
  return TRUE;
}
