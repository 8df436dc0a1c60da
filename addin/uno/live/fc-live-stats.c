/* fc-live-stats.c — counters of the live results (see fc-live-stats.h). */
#include "fc-live-stats.h"


static GMutex stats_lock;
static guint64 counters[FC_LIVE_STAT_N_COUNTERS];
static gint listening;
static double last_check_ms, last_read_ms, last_load_job_ms, last_lists_ms;

static const char *const names[FC_LIVE_STAT_N_COUNTERS] = {
  "modified", "released", "checks", "pushes", "calls", "link_views", "link_views_gone"
};

char *
fc_live_stats_to_json (void)
{
  GString *json = g_string_new ("{");

  g_mutex_lock (&stats_lock);
  for (guint i = 0; i < FC_LIVE_STAT_N_COUNTERS; i++)
    g_string_append_printf (json, "\"%s\": %" G_GUINT64_FORMAT ", ", names[i], counters[i]);
  g_string_append_printf (json, "\"check_ms\": %.3f, \"read_ms\": %.3f, \"load_job_ms\": %.3f, "
                          "\"lists_ms\": %.3f, ",
                          last_check_ms, last_read_ms, last_load_job_ms, last_lists_ms);
  g_string_append_printf (json, "\"listening\": %d}", listening);
  g_mutex_unlock (&stats_lock);
  return g_string_free (json, FALSE);
}

void
fc_live_stats_add (FcLiveStat stat)
{
  g_mutex_lock (&stats_lock);
  counters[stat]++;
  g_mutex_unlock (&stats_lock);
}

void
fc_live_stats_set_listening (gint n_documents)
{
  g_mutex_lock (&stats_lock);
  listening = n_documents;
  g_mutex_unlock (&stats_lock);
}

void
fc_live_stats_set_times (double check_ms, double read_ms)
{
  g_mutex_lock (&stats_lock);
  last_check_ms = check_ms;
  last_read_ms = read_ms;
  g_mutex_unlock (&stats_lock);
}

gboolean
fc_live_stats_time_reads (void)
{
  return g_getenv ("FISCALCHECK_STATS_READ") != NULL;
}

void
fc_live_stats_set_load_job (double ms)
{
  g_mutex_lock (&stats_lock);
  last_load_job_ms = ms;
  g_mutex_unlock (&stats_lock);
}

void
fc_live_stats_set_lists (double ms)
{
  g_mutex_lock (&stats_lock);
  last_lists_ms = ms;
  g_mutex_unlock (&stats_lock);
}
