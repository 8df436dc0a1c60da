/* fc-cli-office.c — spawning office programs (see fc-cli-office.h). */
#include "fc-cli-office.h"

#include <glib-unix.h>

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
 * office is headless and must not touch the caller's home (its profile is
 * one of ours).  Whether the user's own rules count is the filter option
 * user-rules, not this environment (transfer full). */
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
  if (null_fd < 0)
    {
      /* -1 would hand the office our own standard input */
      int saved = errno;

      g_close (log_fd, NULL);
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "/dev/null: %s", g_strerror (saved));
      return FALSE;
    }
  ok = g_spawn_async_with_pipes_and_fds (home, (const char *const *) full->pdata,
                                         (const char *const *) envp,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH,
                                         child_setup, NULL, null_fd, log_fd, log_fd,
                                         NULL, NULL, 0, pid, NULL, NULL, NULL, error);
  g_close (log_fd, NULL);
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

void
fc_cli_office_remove_pipe (const FcCliUser *user, const char *profile_url)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;
  guint8 digest[16];
  gsize digest_len = sizeof digest;
  g_autoptr (GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);
  g_autoptr (GString) path = g_string_new (NULL);

  utf16 = g_utf8_to_utf16 (profile_url, -1, NULL, &n, NULL);
  if (utf16 == NULL)
    return;
  /* little-endian UTF-16, as on x86; LibreOffice writes the bytes in hex
   * without padding ("%x" each) */
  g_checksum_update (md5, (const guchar *) utf16, (gssize) n * 2);
  g_checksum_get_digest (md5, digest, &digest_len);
  g_string_printf (path, "/tmp/OSL_PIPE_%u_SingleOfficeIPC_", (unsigned) user->uid);
  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (path, "%x", digest[i]);
  g_unlink (path->str);
}

typedef struct {
  GMainLoop *loop;
  guint running;
  gboolean timed_out;
  gboolean interrupted;  /* SIGINT, SIGTERM or SIGHUP */
} RunState;

typedef struct {
  RunState *state;
  FcCliOfficeJob *job;
  GPid pid;             /* 0 once reaped */
} RunChild;

static void
on_run_exit (GPid pid, int status, gpointer data)
{
  RunChild *child = data;

  g_spawn_close_pid (pid);
  child->pid = 0;
  child->job->wait_status = status;
  if (--child->state->running == 0)
    g_main_loop_quit (child->state->loop);
}

static gboolean
on_run_timeout (gpointer data)
{
  RunState *state = data;

  state->timed_out = TRUE;
  g_main_loop_quit (state->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
on_run_signal (gpointer data)
{
  RunState *state = data;

  state->interrupted = TRUE;
  g_main_loop_quit (state->loop);
  return G_SOURCE_CONTINUE;
}

gboolean
fc_cli_office_run_all (const FcCliUser *user, FcCliOfficeJob *jobs, guint n, guint timeout_s,
                       GError **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GSource) timer = g_timeout_source_new_seconds (timeout_s);
  g_autofree RunChild *children = g_new0 (RunChild, n);
  RunState state = { 0 };
  gboolean ok = TRUE;

  g_main_context_push_thread_default (context);
  state.loop = g_main_loop_new (context, FALSE);
  for (guint i = 0; i < n && ok; i++)
    {
      children[i].state = &state;
      children[i].job = &jobs[i];
      ok = fc_cli_office_spawn (user, jobs[i].argv, jobs[i].home, jobs[i].log_path,
                                &children[i].pid, error);
      if (ok)
        {
          g_autoptr (GSource) watch = g_child_watch_source_new (children[i].pid);

          g_source_set_callback (watch, (GSourceFunc) (void (*) (void)) on_run_exit,
                                 &children[i], NULL);
          g_source_attach (watch, context);
          state.running++;
        }
    }
  g_source_set_callback (timer, on_run_timeout, &state, NULL);
  g_source_attach (timer, context);
  /* the children run in sessions of their own: pass an interruption on */
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  GSource *signal_sources[G_N_ELEMENTS (signals)];
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      signal_sources[i] = g_unix_signal_source_new (signals[i]);
      g_source_set_callback (signal_sources[i], on_run_signal, &state, NULL);
      g_source_attach (signal_sources[i], context);
    }
  if (ok && state.running > 0)
    g_main_loop_run (state.loop);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_source_destroy (signal_sources[i]);
      g_source_unref (signal_sources[i]);
    }
  if (!ok || state.timed_out || state.interrupted)
    for (guint i = 0; i < n; i++)
      fc_cli_office_kill (children[i].pid);
  while (state.running > 0) /* reap them all */
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timer);
  g_main_loop_unref (state.loop);
  g_main_context_pop_thread_default (context);
  if (ok && state.interrupted)
    {
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_OFFICE, "%s: interrupted", jobs[0].argv[0]);
      ok = FALSE;
    }
  else if (ok && state.timed_out)
    {
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_OFFICE, "%s: timed out after %u s",
                   jobs[0].argv[0], timeout_s);
      ok = FALSE;
    }
  return ok;
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
