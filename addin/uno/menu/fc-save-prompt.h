/* fc-save-prompt.h — the question before a workbook with FiscalCheck's
 * marks (coloured cells, comments, the 审核结果 and _FiscalCheck sheets)
 * is saved, and what each answer does to it.  Asked by the save guard
 * (fc-save-guard: Save, Save As, Save a Copy from the window, with a
 * Cancel) and by the save job (fc-save-job: every other save, without).
 * Nothing is decided for the user: without a window to ask in (headless,
 * hidden, a batch) the save is left untouched.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

typedef enum {
  FC_SAVE_ASK,    /* nobody has answered yet */
  FC_SAVE_KEEP,   /* save with the marks */
  FC_SAVE_CLEAR,  /* clear the marks (one undo step), then save */
  FC_SAVE_CANCEL  /* do not save */
} FcSaveAnswer;

/* "keep", "clear" or "cancel" (a test standing for the user's click);
 * anything else (NULL too) is FC_SAVE_ASK. */
FcSaveAnswer fc_save_prompt_parse (const char *text);

/* The answer named by the string-valued entry name of arguments, a
 * sequence of type_name structs with a Name and a Value (PropertyValue,
 * NamedValue); FC_SAVE_ASK when there is none. */
FcSaveAnswer fc_save_prompt_given (const uno_Sequence *arguments, const char *type_name,
                                   const char *name);

/* Whether model is a Calc document that carries marks of ours. */
gboolean fc_save_prompt_has_marks (uno_Interface *model);

/* Asks over frame's window in the UI language: clear and save, keep and
 * save, or (with_cancel) do not save.  FC_SAVE_ASK when there is nobody
 * to ask. */
FcSaveAnswer fc_save_prompt_ask (uno_Interface *frame, gboolean with_cancel);

/* Carries out answer on model before its save: FC_SAVE_CLEAR clears the
 * marks as one undo step.  FALSE when the save must not go on: cancel
 * (no error), or the marks could not be cleared (error set). */
gboolean fc_save_prompt_apply (uno_Interface *model, FcSaveAnswer answer, GError **error);

G_END_DECLS
