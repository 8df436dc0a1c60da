/* fc-command-actions.h — what the menu commands do to the document in a frame:
 * Validate (check, mark, report, as one undo step), NextFinding (select the
 * next marked cell) and ClearMarks (restore every marked cell, one undo
 * step).  The dispatch object (fc-command-handler.c) only routes URLs here.
 */
#pragma once

#include "fc-report.h"
#include "fc-message.h"
#include "fc-uno.h"

G_BEGIN_DECLS

typedef enum {
  FC_COMMAND_VALIDATE,
  FC_COMMAND_NEXT_FINDING,
  FC_COMMAND_PREVIOUS_FINDING,
  FC_COMMAND_CLEAR_MARKS,
  FC_COMMAND_CHOOSE_NARRATIVE, /* 选择情况说明文档…: a file picker, or the file its argument names */
  FC_COMMAND_HELP,        /* 帮助: the help page in the UI language (fc-help.h) */
  FC_COMMAND_LIVE_STATS   /* no menu entry: the live results' counters as JSON (tests, bench/) */
} FcCommand;

/* "Validate", "NextFinding", "PreviousFinding", "ClearMarks", "ChooseNarrative", "Help", "LiveStats"
 * → command, optionally followed by "?argument" (*argument, transfer full;
 * NULL when none, or when argument is NULL); FALSE for others. */
gboolean fc_command_actions_parse (const char *name, FcCommand *command, char **argument);

/* Runs command on the document shown in frame (an XFrame).  Never fails
 * silently: returns TRUE when the command did its job, and always sets
 * *message (transfer full), a short zh-CN / en-US text saying what
 * happened or why nothing was done, and *kind, how the user should be
 * told. */
gboolean fc_command_actions_run (uno_Interface *frame, FcCommand command, const char *argument,
                                 char **message, FcMessageKind *kind);

/* What Validate does to document (any interface of a Calc model) once
 * report is known: marks its cells (fc_marks_apply) and writes the report
 * sheet, without an undo context or selection: for batch runs on a
 * throw-away copy (fiscalcheck check --marked-dir).  A protected sheet to
 * mark is an error, and nothing is changed then.  Returns the
 * report sheet's name (transfer full), or NULL with an error, the document
 * then maybe partly marked. */
char *fc_command_actions_validate_document (uno_Interface *document, const FcReport *report,
                                     GError **error);

/* What Clear marks does to document (restores every marked cell, removes
 * the report and bookkeeping sheets) as one undo step, without the menu's
 * preflight: for the save job, which must not stop a save. */
gboolean fc_command_actions_clear_marks (uno_Interface *document, GError **error);

G_END_DECLS
