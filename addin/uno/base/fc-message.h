/* fc-message.h — telling the user something from a menu command: a message
 * box over the document window when there is one to see, otherwise (a
 * headless office, a document loaded hidden) a log line on stderr, so that
 * nothing ever blocks waiting for a click nobody can make.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

typedef enum {
  FC_MESSAGE_INFO,
  FC_MESSAGE_WARNING,
  FC_MESSAGE_ERROR
} FcMessageKind;

/* Shows text (zh-CN and en-US lines) for frame (an XFrame, may be NULL).
 * Returns TRUE when a message box was shown, FALSE when it was logged. */
gboolean fc_message_show (uno_Interface *frame, FcMessageKind kind, const char *text);

/* Whether frame (may be NULL) has a visible window a user can see: FALSE
 * headless and for hidden documents. */
gboolean fc_message_has_window (uno_Interface *frame);

/* Asks a yes/no question over frame's window: TRUE with the answer in
 * *yes when it was asked, FALSE (nobody to ask: headless, hidden) when not. */
gboolean fc_message_ask_yes_no (uno_Interface *frame, const char *text, gboolean *yes);

/* The answer to a question with Yes, No and Cancel. */
typedef enum {
  FC_MESSAGE_NOT_ASKED, /* nobody to ask: headless, hidden, or the box failed */
  FC_MESSAGE_YES,
  FC_MESSAGE_NO,
  FC_MESSAGE_CANCEL     /* Cancel, Esc or the window's close button */
} FcMessageAnswer;

/* Asks over frame's window with Yes, No and Cancel (the default, so that
 * Enter decides nothing). */
FcMessageAnswer fc_message_ask_yes_no_cancel (uno_Interface *frame, const char *text);

/* Shows text in frame's status bar for a few seconds, replacing what the
 * last call showed (NULL text: just take that away).  Nothing when frame
 * has no status bar. */
void fc_message_status (uno_Interface *frame, const char *text);

G_END_DECLS
