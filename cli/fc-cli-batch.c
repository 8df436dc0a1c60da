/* fc-cli-batch.c — soffice workers with hang detection (see fc-cli-batch.h).
 *
 * LibreOffice converts its command-line files in order and says so in its
 * output, one line per file: "convert A -> B using filter : F" before it
 * stores B, or "Error: source file could not be loaded".  Those lines and
 * the outputs tell how far a process got: the files before that point are
 * settled (an output, or could not be loaded), the one at it is the file
 * the office hung or died on, the rest go to a new process.
 */
#include "fc-cli-batch.h"

#include <signal.h>
#include <sys/wait.h>

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "fc-cli-error.h"
#include "fc-cli-office.h"
#include "fc-cli-profile.h"
#include "fc-filter-options.h"

#define TICK_MS 250
/* Files per soffice run: keeps the command line far below ARG_MAX and
 * bounds what a long-lived office accumulates; a restart costs ~1 s. */
#define MAX_FILES_PER_RUN 1000
/* After this many runs in a row that wrote nothing and died, the office is
 * not starting at all: give up on the worker's remaining files. */
#define MAX_EMPTY_FAILURES 3

#define MSG_NOT_LOADED "LibreOffice 无法打开此文件（已损坏或不是电子表格）/ " \
                       "LibreOffice could not open the file (corrupt or not a spreadsheet)"
#define MSG_CRASHED    "LibreOffice 处理此文件时崩溃 / LibreOffice crashed on this file"

typedef struct _Run Run;

typedef struct {
  Run *run;
  const char *profile_url;
  const char *home;
  GPtrArray *queue;        /* FcCliItem* (not owned) still to do, in order */
  guint run_len;           /* how many of them the current run was given */
  GPid pid;                /* 0 when not running */
  gint64 last_progress;    /* monotonic µs */
  guint position;          /* files of queue settled so far in this run */
  goffset log_offset;      /* where this run's output starts in the log */
  gboolean killed;         /* we killed it: hung */
  guint empty_failures;
  char *log_path;
} Worker;

struct _Run {
  const FcCliBatch *batch;
  GMainLoop *loop;
  GPtrArray *workers;      /* Worker* (owned) */
  guint total;
  guint done;
  guint running;
  gboolean interrupted;
  GError *error;           /* a worker could not start */
};

#define FILTER_TARGET "fcjson:FiscalCheck Report"

char *
fc_cli_batch_target (const char *const *rules, const char *only, const char *marked_dir,
                     gboolean narratives)
{
  const FcFilterOptions options = {
    .rules = (char **) rules,
    .only = (char *) only,
    .marked_dir = (char *) marked_dir,
    .narratives = narratives,
    .user_rules = FALSE,
  };
  g_autofree char *text = fc_filter_options_encode (&options);

  return g_strconcat (FILTER_TARGET, ":", text, NULL);
}

FcCliItem *
fc_cli_item_new (const char *staged, const char *output)
{
  FcCliItem *item = g_new0 (FcCliItem, 1);

  item->staged = g_strdup (staged);
  item->output = g_strdup (output);
  return item;
}

void
fc_cli_item_free (FcCliItem *item)
{
  if (item == NULL)
    return;
  g_free (item->staged);
  g_free (item->output);
  g_free (item->error);
  g_free (item->narrative);
  g_free (item->narrative_error);
  g_free (item);
}

gboolean
fc_cli_output_complete (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (JsonParser) parser = NULL;

  if (!g_file_get_contents (path, &data, &length, NULL) || length == 0)
    return FALSE;
  parser = json_parser_new ();
  return json_parser_load_from_data (parser, data, (gssize) length, NULL)
         && json_parser_get_root (parser) != NULL
         && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser));
}

gboolean
fc_cli_output_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Whether the batch's output at path is whole. */
static gboolean
batch_complete (const FcCliBatch *batch, const char *path)
{
  return (batch->complete != NULL ? batch->complete : fc_cli_output_complete) (path);
}

static gboolean
output_present (const FcCliItem *item)
{
  return g_file_test (item->output, G_FILE_TEST_EXISTS);
}

static void
item_fail (FcCliItem *item, const char *message)
{
  g_free (item->error);
  item->error = g_strdup (message);
}

/* How many files of the queue the current run has settled, from its log
 * lines and its outputs (see the top of this file). */
static guint
worker_position (Worker *worker)
{
  g_autofree char *log = NULL;
  gsize length = 0;
  guint events = 0, position;
  gboolean storing = FALSE;
  GPtrArray *queue = worker->queue;

  if (g_file_get_contents (worker->log_path, &log, &length, NULL)
      && (gsize) worker->log_offset < length)
    {
      g_auto (GStrv) lines = g_strsplit (log + worker->log_offset, "\n", -1);

      for (char **l = lines; *l != NULL; l++)
        if (g_str_has_prefix (*l, "convert "))
          events++, storing = TRUE;
        else if (g_str_has_prefix (*l, "Error: source file could not be loaded")
                 || g_str_has_prefix (*l, "Error: no export filter"))
          events++, storing = FALSE;
    }
  events = MIN (events, worker->run_len);
  position = events;
  if (storing && events > 0
      && !batch_complete (worker->run->batch, ((FcCliItem *) queue->pdata[events - 1])->output))
    position = events - 1; /* still storing that one */
  /* outputs count too, should the log say less */
  for (guint i = worker->run_len; i > position; i--)
    if (output_present (queue->pdata[i - 1]))
      {
        position = batch_complete (worker->run->batch, ((FcCliItem *) queue->pdata[i - 1])->output)
                   ? i : i - 1;
        break;
      }
  return position;
}

static void
worker_free (Worker *worker)
{
  g_ptr_array_unref (worker->queue);
  g_free (worker->log_path);
  g_free (worker);
}

static void on_worker_exit (GPid pid, int status, gpointer data);

/* Starts soffice on the worker's queue (which is not empty). */
static gboolean
worker_start (Worker *worker, GError **error)
{
  const FcCliBatch *batch = worker->run->batch;
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", worker->profile_url, NULL);

  g_ptr_array_add (argv, g_strdup (batch->soffice));
  g_ptr_array_add (argv, g_strdup ("--headless"));
  g_ptr_array_add (argv, g_strdup ("--norestore"));
  g_ptr_array_add (argv, g_strdup ("--nolockcheck"));
  g_ptr_array_add (argv, g_steal_pointer (&env_arg));
  g_ptr_array_add (argv, g_strdup ("--convert-to"));
  g_ptr_array_add (argv, g_strdup (batch->convert_to));
  g_ptr_array_add (argv, g_strdup ("--outdir"));
  g_ptr_array_add (argv, g_strdup (batch->outdir));
  worker->run_len = MIN (worker->queue->len, MAX_FILES_PER_RUN);
  for (guint i = 0; i < worker->run_len; i++)
    g_ptr_array_add (argv, g_strdup (((FcCliItem *) worker->queue->pdata[i])->staged));
  g_ptr_array_add (argv, NULL);

  {
    GStatBuf st;

    worker->log_offset = g_stat (worker->log_path, &st) == 0 ? st.st_size : 0;
  }
  if (!fc_cli_office_spawn (batch->user, (const char *const *) argv->pdata, worker->home,
                            worker->log_path, &worker->pid, error))
    return FALSE;
  worker->last_progress = g_get_monotonic_time ();
  worker->position = 0;
  worker->killed = FALSE;
  worker->run->running++;
  g_child_watch_add (worker->pid, on_worker_exit, worker);
  return TRUE;
}

/* Settles the files the ended run got through and drops them from the
 * queue; what is left goes to the next run. */
static void
worker_settle (Worker *worker, int status)
{
  Run *run = worker->run;
  GPtrArray *queue = worker->queue;
  gboolean clean = !worker->killed && WIFEXITED (status) && WEXITSTATUS (status) == 0;
  guint position = worker_position (worker);
  guint settled = position;

  for (guint i = 0; i < position; i++)
    {
      FcCliItem *item = queue->pdata[i];

      if (!batch_complete (run->batch, item->output))
        item_fail (item, run->batch->not_loaded != NULL ? run->batch->not_loaded : MSG_NOT_LOADED);
    }
  if (!clean && position < worker->run_len)
    {
      /* the file it hung or died on */
      g_autofree char *timeout_msg = g_strdup_printf ("检查超时（%u 秒内无结果）/ timed out (no result within %u s)",
                                                      run->batch->timeout_s, run->batch->timeout_s);

      item_fail (queue->pdata[position], worker->killed ? timeout_msg : MSG_CRASHED);
      settled++;
    }
  /* a run that got nowhere: the office may not start at all */
  worker->empty_failures = position == 0 ? worker->empty_failures + 1 : 0;
  run->done += settled;
  g_ptr_array_remove_range (queue, 0, settled);

  if (queue->len > 0 && worker->empty_failures >= MAX_EMPTY_FAILURES)
    {
      g_autofree char *tail = fc_cli_office_log_tail (worker->log_path);
      g_autofree char *message = g_strdup_printf ("LibreOffice 无法启动 / LibreOffice did not start: %s",
                                                  tail);

      for (guint i = 0; i < queue->len; i++)
        item_fail (queue->pdata[i], message);
      run->done += queue->len;
      g_ptr_array_set_size (queue, 0);
    }
}

static void
report_progress (Run *run)
{
  if (run->batch->progress != NULL)
    run->batch->progress (run->done, run->total, run->batch->progress_data);
}

static void
on_worker_exit (GPid pid, int status, gpointer data)
{
  Worker *worker = data;
  Run *run = worker->run;

  g_spawn_close_pid (pid);
  worker->pid = 0;
  run->running--;
  /* the rest of the group (oosplash's children) goes with it */
  fc_cli_office_kill (pid);
  if (worker->killed || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    fc_cli_office_remove_pipe (run->batch->user, worker->profile_url);
  worker_settle (worker, status);
  report_progress (run);
  if (worker->queue->len > 0 && !run->interrupted)
    {
      GError *error = NULL;

      if (!worker_start (worker, &error))
        {
          if (run->error == NULL)
            run->error = error;
          else
            g_error_free (error);
        }
    }
  if (run->running == 0)
    g_main_loop_quit (run->loop);
}

/* Watches every running worker for new outputs and for hangs. */
static gboolean
on_tick (gpointer data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();
  guint done_before = run->done;
  guint present = 0;

  for (guint w = 0; w < run->workers->len; w++)
    {
      Worker *worker = run->workers->pdata[w];
      guint n;

      if (worker->pid == 0)
        continue;
      n = worker_position (worker);
      if (n > worker->position)
        {
          worker->position = n;
          worker->last_progress = now;
        }
      present += worker->position;
      if (!worker->killed
          && now - worker->last_progress > (gint64) run->batch->timeout_s * G_USEC_PER_SEC)
        {
          worker->killed = TRUE;
          fc_cli_office_kill (worker->pid);
        }
    }
  if (run->batch->progress != NULL && done_before + present > 0)
    run->batch->progress (MIN (run->total, done_before + present), run->total,
                          run->batch->progress_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_signal (gpointer data)
{
  Run *run = data;

  run->interrupted = TRUE;
  for (guint w = 0; w < run->workers->len; w++)
    {
      Worker *worker = run->workers->pdata[w];

      if (worker->pid != 0)
        fc_cli_office_kill (worker->pid);
    }
  return G_SOURCE_CONTINUE;
}

gboolean
fc_cli_batch_run (const FcCliBatch *batch, GPtrArray *items, GError **error)
{
  Run run = { 0 };
  guint n_workers = MIN (batch->profiles->len, items->len);
  guint tick, sigint, sigterm, sighup;

  if (items->len == 0)
    return TRUE; /* `soffice --convert-to` without files hangs */
  run.batch = batch;
  run.total = items->len;
  run.loop = g_main_loop_new (NULL, FALSE);
  run.workers = g_ptr_array_new_with_free_func ((GDestroyNotify) worker_free);
  for (guint w = 0; w < n_workers; w++)
    {
      Worker *worker = g_new0 (Worker, 1);
      g_autofree char *log_name = g_strdup_printf ("soffice-%u.log", w);

      worker->run = &run;
      worker->profile_url = fc_cli_profile_get_url (batch->profiles->pdata[w]);
      worker->home = fc_cli_profile_get_home (batch->profiles->pdata[w]);
      worker->log_path = g_build_filename (batch->log_dir, log_name, NULL);
      worker->queue = g_ptr_array_new ();
      g_ptr_array_add (run.workers, worker);
    }
  /* round robin, so that big and small files spread over the processes */
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (((Worker *) run.workers->pdata[i % n_workers])->queue, items->pdata[i]);

  for (guint w = 0; w < n_workers && run.error == NULL; w++)
    worker_start (run.workers->pdata[w], &run.error);

  tick = g_timeout_add (TICK_MS, on_tick, &run);
  sigint = g_unix_signal_add (SIGINT, on_signal, &run);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &run);
  /* a closed terminal or SSH session: the offices run in sessions of their
   * own and would not get the hang-up */
  sighup = g_unix_signal_add (SIGHUP, on_signal, &run);
  if (run.running > 0)
    g_main_loop_run (run.loop);
  g_source_remove (tick);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_source_remove (sighup);
  g_main_loop_unref (run.loop);
  g_ptr_array_unref (run.workers);

  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return FALSE;
    }
  if (run.interrupted)
    {
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "已中断 / interrupted");
      return FALSE;
    }
  return TRUE;
}
