/* fc-message.c — message box or log line (see fc-message.h). */
#include "fc-message.h"

#include <string.h>

#define TITLE "决算审核 FiscalCheck"

/* com.sun.star.awt.MessageBoxType and MessageBoxButtons values */
enum { BOX_INFO = 1, BOX_WARNING = 2, BOX_ERROR = 3, BOX_QUERY = 4 };
#define BUTTONS_OK 1
#define BUTTONS_YES_NO 3
#define BUTTONS_YES_NO_CANCEL 4
/* MessageBoxButtons.DEFAULT_BUTTON_*: without one Return answers what
 * the toolkit picks, which is No in LibreOffice 25.2 */
#define DEFAULT_BUTTON_CANCEL 0x20000
#define DEFAULT_BUTTON_YES 0x40000
/* com.sun.star.awt.MessageBoxResults */
#define RESULT_YES 2
#define RESULT_NO 3

/* Whether this office can show a window to anyone: it has loaded a VCL
 * plugin for a real screen (gtk3, kf5, qt, gen: libvclplug_*.so) and does
 * not run --headless.  Otherwise its windows live in the headless backend
 * (svp, built into LibreOffice itself: no plugin), where they count as
 * visible but every dialog returns Cancel at once, a Cancel nobody
 * clicked.  Linux only, as the extension is.  Read once: the backend is
 * chosen before any extension runs. */
static gboolean
office_has_screen (void)
{
  static gsize done;
  static gboolean screen;

  if (g_once_init_enter (&done))
    {
      g_autofree char *maps = NULL;
      g_autofree char *cmdline = NULL;
      gsize length = 0;

      screen = g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL)
               && strstr (maps, "/libvclplug_") != NULL;
      /* soffice.bin gets soffice's own arguments, NUL-separated */
      if (screen && g_file_get_contents ("/proc/self/cmdline", &cmdline, &length, NULL))
        for (const char *arg = cmdline; arg < cmdline + length; arg += strlen (arg) + 1)
          if (strcmp (arg, "--headless") == 0 || strcmp (arg, "-headless") == 0)
            screen = FALSE;
      g_once_init_leave (&done, 1);
    }
  return screen;
}

/* The frame's container window as an XWindowPeer when it is visible
 * (transfer full), else NULL. */
static uno_Interface *
visible_peer (uno_Interface *frame)
{
  uno_Interface *window = NULL;
  uno_Interface *peer = NULL;
  sal_Bool visible = sal_False;

  if (frame == NULL || !office_has_screen ()
      || !fc_uno_query_call (frame, "com.sun.star.frame.XFrame", "getContainerWindow", &window,
                             NULL, NULL)
      || window == NULL)
    return NULL;
  if (fc_uno_query_call (window, "com.sun.star.awt.XWindow2", "isVisible", &visible, NULL,
                         NULL)
      && visible)
    peer = fc_uno_query (window, "com.sun.star.awt.XWindowPeer", NULL);
  fc_uno_release (window);
  return peer;
}

/* Shows a box of type with buttons over peer; *answer is the button
 * clicked (MessageBoxResults). */
static gboolean
run_box (uno_Interface *peer, sal_Int32 type, sal_Int32 buttons, const char *text,
         sal_Int16 *answer, GError **error);

static gboolean
show_box (uno_Interface *peer, FcMessageKind kind, const char *text, GError **error)
{
  sal_Int16 answer = 0;
  sal_Int32 type = kind == FC_MESSAGE_ERROR ? BOX_ERROR
                   : kind == FC_MESSAGE_WARNING ? BOX_WARNING : BOX_INFO;

  return run_box (peer, type, BUTTONS_OK, text, &answer, error);
}

static gboolean
run_box (uno_Interface *peer, sal_Int32 type, sal_Int32 buttons, const char *text,
         sal_Int16 *answer, GError **error)
{
  uno_Interface *toolkit = NULL;
  uno_Interface *box = NULL;
  rtl_uString *title = fc_uno_string_new (TITLE);
  rtl_uString *message = fc_uno_string_new (text);
  void *args[5] = { &peer, &type, &buttons, &title, &message };
  gboolean ok;

  ok = fc_uno_call (peer, "com.sun.star.awt.XWindowPeer", "getToolkit", &toolkit, NULL, error)
       && fc_uno_query_call (toolkit, "com.sun.star.awt.XMessageBoxFactory", "createMessageBox",
                             &box, args, error)
       && fc_uno_call (box, "com.sun.star.awt.XMessageBox", "execute", answer, NULL, error);
  fc_uno_release (box);
  fc_uno_release (toolkit);
  rtl_uString_release (message);
  rtl_uString_release (title);
  return ok;
}

gboolean
fc_message_has_window (uno_Interface *frame)
{
  uno_Interface *peer = visible_peer (frame);

  fc_uno_release (peer);
  return peer != NULL;
}

gboolean
fc_message_show (uno_Interface *frame, FcMessageKind kind, const char *text)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *peer = visible_peer (frame);
  gboolean shown = FALSE;

  if (peer != NULL)
    {
      shown = show_box (peer, kind, text, &error);
      if (!shown)
        g_warning ("cannot show a message box: %s", error->message);
      fc_uno_release (peer);
    }
  if (!shown)
    g_message ("%s", text);
  return shown;
}

gboolean
fc_message_ask_yes_no (uno_Interface *frame, const char *text, gboolean *yes)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *peer = visible_peer (frame);
  sal_Int16 answer = 0;
  gboolean asked = FALSE;

  if (peer != NULL)
    {
      asked = run_box (peer, BOX_QUERY, BUTTONS_YES_NO | DEFAULT_BUTTON_YES, text, &answer,
                       &error);
      if (!asked)
        g_warning ("cannot ask: %s", error->message);
      fc_uno_release (peer);
    }
  *yes = asked && answer == RESULT_YES;
  return asked;
}

FcMessageAnswer
fc_message_ask_yes_no_cancel (uno_Interface *frame, const char *text)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *peer = visible_peer (frame);
  sal_Int16 answer = 0;
  gboolean asked = FALSE;

  if (peer == NULL)
    return FC_MESSAGE_NOT_ASKED;
  asked = run_box (peer, BOX_QUERY, BUTTONS_YES_NO_CANCEL | DEFAULT_BUTTON_CANCEL, text, &answer,
                   &error);
  if (!asked)
    g_warning ("cannot ask: %s", error->message);
  fc_uno_release (peer);
  if (!asked)
    return FC_MESSAGE_NOT_ASKED;
  return answer == RESULT_YES ? FC_MESSAGE_YES
         : answer == RESULT_NO ? FC_MESSAGE_NO : FC_MESSAGE_CANCEL;
}

/* The status bar text shown last: a status indicator of its frame, ended
 * when the next text comes or after STATUS_SECONDS (Calc shows its own
 * fields, Sum= among them, again).  UNO forces this global: one status
 * text at a time, whatever window it is in. */
#define STATUS_SECONDS 8
static GMutex status_lock;
static uno_Interface *status_indicator; /* XStatusIndicator, owned */
static guint status_generation;

static void
status_end (uno_Interface *indicator)
{
  if (indicator == NULL)
    return;
  fc_uno_call (indicator, "com.sun.star.task.XStatusIndicator", "end", NULL, NULL, NULL);
  fc_uno_release (indicator);
}

static gpointer
status_expire (gpointer data)
{
  guint generation = GPOINTER_TO_UINT (data);
  uno_Interface *indicator = NULL;

  g_usleep (STATUS_SECONDS * G_USEC_PER_SEC);
  g_mutex_lock (&status_lock);
  if (status_generation == generation)
    {
      indicator = status_indicator;
      status_indicator = NULL;
    }
  g_mutex_unlock (&status_lock);
  status_end (indicator); /* UNO calls take LibreOffice's own lock */
  return NULL;
}

void
fc_message_status (uno_Interface *frame, const char *text)
{
  uno_Interface *old, *indicator = NULL;
  rtl_uString *utext;
  sal_Int32 range = 0;
  void *args[2] = { &utext, &range };
  guint generation;
  GThread *thread;

  g_mutex_lock (&status_lock);
  old = status_indicator;
  status_indicator = NULL;
  generation = ++status_generation;
  g_mutex_unlock (&status_lock);
  status_end (old);
  if (frame == NULL || text == NULL
      || !fc_uno_query_call (frame, "com.sun.star.task.XStatusIndicatorFactory",
                             "createStatusIndicator", &indicator, NULL, NULL)
      || indicator == NULL)
    return;
  utext = fc_uno_string_new (text);
  if (!fc_uno_call (indicator, "com.sun.star.task.XStatusIndicator", "start", NULL, args, NULL))
    g_clear_pointer (&indicator, fc_uno_release);
  rtl_uString_release (utext);
  if (indicator == NULL)
    return;
  g_mutex_lock (&status_lock);
  status_indicator = indicator;
  g_mutex_unlock (&status_lock);
  thread = g_thread_try_new ("fc-status", status_expire, GUINT_TO_POINTER (generation), NULL);
  if (thread != NULL)
    g_thread_unref (thread);
}
