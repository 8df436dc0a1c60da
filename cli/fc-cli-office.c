/* fc-cli-office.c — spawning office programs (see fc-cli-office.h). */
#include "fc-cli-office.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fc-cli-error.h"

#define LOG_TAIL_BYTES 2000

/* Runs in the child between fork and exec. */
static void
child_setup (gpointer data)
{
  (void) data;
  setsid (); /* its own process group: kill(-pid) reaches soffice.bin too */
}

/* Our environment with HOME and TMPDIR set to home and no DISPLAY: the
 * office is headless and must not touch the caller's home (transfer full). */
static char **
office_environ (const char *home)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "TMPDIR", home, TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  return envp;
}

gboolean
fc_cli_office_spawn (const FcCliUser *user, const char *const *argv, const char *home,
                     const char *log_path, GPid *pid, GError **error)
{
  g_autoptr (GPtrArray) full = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) envp = office_environ (home);
  int log_fd, null_fd;
  gboolean ok;

  fc_cli_user_add_prefix (user, full);
  for (const char *const *a = argv; *a != NULL; a++)
    g_ptr_array_add (full, g_strdup (*a));
  g_ptr_array_add (full, NULL);

  log_fd = g_open (log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0)
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "%s: %s", log_path,
                   g_strerror (saved));
      return FALSE;
    }
  null_fd = g_open ("/dev/null", O_RDONLY | O_CLOEXEC, 0);
  ok = g_spawn_async_with_pipes_and_fds (home, (const char *const *) full->pdata,
                                         (const char *const *) envp,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH,
                                         child_setup, NULL, null_fd, log_fd, log_fd,
                                         NULL, NULL, 0, pid, NULL, NULL, NULL, error);
  g_close (log_fd, NULL);
  if (null_fd >= 0)
    g_close (null_fd, NULL);
  if (!ok)
    g_prefix_error (error, "%s: ", argv[0]);
  return ok;
}

void
fc_cli_office_kill (GPid pid)
{
  if (pid > 0)
    kill (-pid, SIGKILL);
}

typedef struct {
  GMainLoop *loop;
  int status;
  gboolean exited;
  gboolean timed_out;
} RunState;

static void
on_run_exit (GPid pid, int status, gpointer data)
{
  RunState *state = data;

  g_spawn_close_pid (pid);
  state->status = status;
  state->exited = TRUE;
  g_main_loop_quit (state->loop);
}

static gboolean
on_run_timeout (gpointer data)
{
  RunState *state = data;

  state->timed_out = TRUE;
  g_main_loop_quit (state->loop);
  return G_SOURCE_REMOVE;
}

gboolean
fc_cli_office_run (const FcCliUser *user, const char *const *argv, const char *home,
                   const char *log_path, guint timeout_s, int *wait_status, GError **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GSource) child = NULL;
  g_autoptr (GSource) timer = NULL;
  RunState state = { 0 };
  GPid pid;

  g_main_context_push_thread_default (context);
  if (!fc_cli_office_spawn (user, argv, home, log_path, &pid, error))
    {
      g_main_context_pop_thread_default (context);
      return FALSE;
    }
  state.loop = g_main_loop_new (context, FALSE);
  child = g_child_watch_source_new (pid);
  g_source_set_callback (child, (GSourceFunc) (void (*) (void)) on_run_exit, &state, NULL);
  g_source_attach (child, context);
  timer = g_timeout_source_new_seconds (timeout_s);
  g_source_set_callback (timer, on_run_timeout, &state, NULL);
  g_source_attach (timer, context);
  g_main_loop_run (state.loop);
  if (state.timed_out)
    {
      fc_cli_office_kill (pid);
      while (!state.exited) /* reap it */
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timer);
  g_source_destroy (child);
  g_main_loop_unref (state.loop);
  g_main_context_pop_thread_default (context);
  if (state.timed_out)
    {
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_OFFICE, "%s: timed out after %u s",
                   argv[0], timeout_s);
      return FALSE;
    }
  *wait_status = state.status;
  return TRUE;
}

char *
fc_cli_office_log_tail (const char *log_path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (log_path, &data, &length, NULL))
    return g_strdup ("");
  if (length > LOG_TAIL_BYTES)
    return g_utf8_make_valid (data + length - LOG_TAIL_BYTES, LOG_TAIL_BYTES);
  return g_utf8_make_valid (data, (gssize) length);
}
