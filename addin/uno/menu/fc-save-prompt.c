/* fc-save-prompt.c — the question before marks are saved (see
 * fc-save-prompt.h). */
#include "fc-save-prompt.h"

#include <string.h>

#include "fc-command-actions.h"
#include "fc-mark-store.h"
#include "fc-message.h"
#include "fc-ui-locale.h"
#include "fc-uno-struct.h"

#define ZH_QUESTION "此工作簿带有决算审核的标记（单元格底色、批注、“审核结果”表和隐藏的 _FiscalCheck 表）。\n" \
  "保存前清除这些标记吗？\n\n"
#define EN_QUESTION "This workbook carries FiscalCheck's marks (cell colours, comments, " \
  "the 审核结果 sheet and the hidden _FiscalCheck sheet).\nClear them before saving?\n\n"

static const char *
question (gboolean with_cancel)
{
  if (fc_ui_locale_is_chinese ())
    return with_cancel
           ? ZH_QUESTION "是：清除标记后保存（可撤销）\n否：保留标记并保存\n取消：不保存"
           : ZH_QUESTION "是：清除标记后保存（可撤销）\n否：保留标记并保存";
  return with_cancel
         ? EN_QUESTION "Yes: clear the marks, then save (undoable)\nNo: keep them and save\n"
           "Cancel: do not save"
         : EN_QUESTION "Yes: clear the marks, then save (undoable)\nNo: keep them and save";
}

FcSaveAnswer
fc_save_prompt_parse (const char *text)
{
  if (text == NULL)
    return FC_SAVE_ASK;
  return strcmp (text, "clear") == 0 ? FC_SAVE_CLEAR
         : strcmp (text, "keep") == 0 ? FC_SAVE_KEEP
         : strcmp (text, "cancel") == 0 ? FC_SAVE_CANCEL : FC_SAVE_ASK;
}

FcSaveAnswer
fc_save_prompt_given (const uno_Sequence *arguments, const char *type_name, const char *name)
{
  const uno_Any *answer = fc_uno_struct_seq_lookup (arguments, type_name, name);
  g_autofree char *text = NULL;

  if (answer == NULL || answer->pType->eTypeClass != typelib_TypeClass_STRING)
    return FC_SAVE_ASK;
  text = fc_uno_string_to_utf8 (*(rtl_uString *const *) answer->pData);
  return fc_save_prompt_parse (text);
}

gboolean
fc_save_prompt_has_marks (uno_Interface *model)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcMarkStore) store = NULL;
  uno_Interface *spreadsheet = fc_uno_query (model, "com.sun.star.sheet.XSpreadsheetDocument", NULL);

  if (spreadsheet == NULL)
    return FALSE;
  fc_uno_release (spreadsheet);
  store = fc_mark_store_load (model, &error);
  if (error != NULL)
    g_debug ("FiscalCheck save prompt: %s", error->message);
  return store != NULL;
}

FcSaveAnswer
fc_save_prompt_ask (uno_Interface *frame, gboolean with_cancel)
{
  gboolean yes = FALSE;

  if (with_cancel)
    switch (fc_message_ask_yes_no_cancel (frame, question (TRUE)))
      {
      case FC_MESSAGE_YES:
        return FC_SAVE_CLEAR;
      case FC_MESSAGE_NO:
        return FC_SAVE_KEEP;
      case FC_MESSAGE_CANCEL:
        return FC_SAVE_CANCEL;
      case FC_MESSAGE_NOT_ASKED:
      default:
        return FC_SAVE_ASK;
      }
  if (!fc_message_ask_yes_no (frame, question (FALSE), &yes))
    return FC_SAVE_ASK;
  return yes ? FC_SAVE_CLEAR : FC_SAVE_KEEP;
}

gboolean
fc_save_prompt_apply (uno_Interface *model, FcSaveAnswer answer, GError **error)
{
  if (answer == FC_SAVE_CANCEL)
    return FALSE;
  return answer != FC_SAVE_CLEAR || fc_command_actions_clear_marks (model, error);
}
