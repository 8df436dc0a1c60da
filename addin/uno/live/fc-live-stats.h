/* fc-live-stats.h — counters of the live FISCALCHECK() machinery, for
 * tests and benchmarks that must tell "N edits → 1 check" and "after the
 * formula is deleted → no check, no listener" without timing anything.
 * Kept in memory (a file written per counter cost milliseconds per edit);
 * the command org.fiscalcheck.command:LiveStats answers them as JSON.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FC_LIVE_STAT_MODIFIED,     /* document modifications our listener was told of */
  FC_LIVE_STAT_RELEASED,     /* times a document was left: no formula of ours in it any more */
  FC_LIVE_STAT_CHECKS,       /* reads and checks of a document for live results */
  FC_LIVE_STAT_PUSHES,       /* values sent to Calc's result listeners */
  FC_LIVE_STAT_CALLS,        /* FISCALCHECK()/FISCALCHECKFINDINGS() calls */
  FC_LIVE_STAT_LINK_VIEWS,   /* views given the report's click handler (fc-report-click.h) */
  FC_LIVE_STAT_LINK_VIEWS_GONE, /* views that let it go (disposed) */
  FC_LIVE_STAT_N_COUNTERS
} FcLiveStat;

/* Adds one to a counter. */
void fc_live_stats_add (FcLiveStat stat);

/* The number of documents we listen to now (modify listener registered);
 * called whenever it changes. */
void fc_live_stats_set_listening (gint n_documents);

/* The duration of the last check for live results (read and check), and,
 * when $FISCALCHECK_STATS_READ is set, of one more read alone of the
 * same document right after it (what a check costs over the read), in ms. */
void fc_live_stats_set_times (double check_ms, double read_ms);

/* How long the load job took on the last document loaded, in ms (its
 * cost on every workbook opened: fc-load-job.c). */
void fc_live_stats_set_load_job (double ms);

/* How long the last check took to find the FISCALCHECKFINDINGS() array
 * ranges (fc-findings-ranges.h), in ms: part of check_ms. */
void fc_live_stats_set_lists (double ms);

/* Whether a read alone should be timed after each check. */
gboolean fc_live_stats_time_reads (void);

/* The counters as one line of JSON (transfer full). */
char *fc_live_stats_to_json (void);

G_END_DECLS
