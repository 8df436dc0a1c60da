/* fc-live-stats.c — counters of the live results, written to
 * $FISCALCHECK_STATS (see fc-live-stats.h). */
#include "fc-live-stats.h"


static GMutex stats_lock;
static guint64 counters[FC_LIVE_STAT_N_COUNTERS];
static gint listening;
static double last_check_ms, last_read_ms;

static const char *const names[FC_LIVE_STAT_N_COUNTERS] = {
  "modified", "released", "checks", "pushes", "calls"
};

/* Rewrites the file, if one is asked for; stats_lock held. */
static void
write_stats (void)
{
  const char *path = g_getenv ("FISCALCHECK_STATS");
  g_autoptr (GString) json = NULL;

  if (path == NULL || *path == '\0')
    return;
  json = g_string_new ("{");
  for (guint i = 0; i < FC_LIVE_STAT_N_COUNTERS; i++)
    g_string_append_printf (json, "\"%s\": %" G_GUINT64_FORMAT ", ", names[i], counters[i]);
  g_string_append_printf (json, "\"check_ms\": %.3f, \"read_ms\": %.3f, ", last_check_ms,
                          last_read_ms);
  g_string_append_printf (json, "\"listening\": %d}\n", listening);
  /* replaced by renaming, so readers never see half of it; not synced to
   * disk (g_file_set_contents would: milliseconds per counter) */
  if (!g_file_set_contents_full (path, json->str, (gssize) json->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, NULL))
    g_debug ("cannot write %s", path);
}

void
fc_live_stats_add (FcLiveStat stat)
{
  g_mutex_lock (&stats_lock);
  counters[stat]++;
  write_stats ();
  g_mutex_unlock (&stats_lock);
}

void
fc_live_stats_set_listening (gint n_documents)
{
  g_mutex_lock (&stats_lock);
  listening = n_documents;
  write_stats ();
  g_mutex_unlock (&stats_lock);
}

void
fc_live_stats_set_times (double check_ms, double read_ms)
{
  g_mutex_lock (&stats_lock);
  last_check_ms = check_ms;
  last_read_ms = read_ms;
  write_stats ();
  g_mutex_unlock (&stats_lock);
}

gboolean
fc_live_stats_time_reads (void)
{
  const char *path = g_getenv ("FISCALCHECK_STATS");

  return path != NULL && *path != '\0' && g_getenv ("FISCALCHECK_STATS_READ") != NULL;
}
