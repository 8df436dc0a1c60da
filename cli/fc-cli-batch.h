/* fc-cli-batch.h — runs the export filter over many staged workbooks:
 * one `soffice --convert-to 'fcjson:FiscalCheck Report'` process per
 * profile, side by side, each given its share of the files on one command
 * line.
 *
 * soffice says nothing useful about failures (it exits 0), so the outputs
 * are the truth: a file without an output could not be loaded.  A process
 * that writes no new output for timeout seconds is hung: its process group
 * is killed, the file it was on is reported as timed out and a new process
 * takes the rest.  A crash is handled the same way.
 */
#pragma once

#include <glib.h>

#include "fc-cli-user.h"

G_BEGIN_DECLS

typedef struct {
  char *staged;  /* input as the office sees it (owned) */
  char *output;  /* where the filter's entry appears (owned) */
  char *error;   /* set by the run when there is no usable output (owned) */
  char *narrative; /* the user's path of the narrative checked with it, or NULL (owned) */
  char *narrative_error; /* why that narrative never reached the check, or NULL (owned) */
} FcCliItem;

FcCliItem *fc_cli_item_new (const char *staged, const char *output);
void fc_cli_item_free (FcCliItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcCliItem, fc_cli_item_free)

/* Called on the main loop when the number of finished items grows. */
typedef void (*FcCliProgressFunc) (guint done, guint total, gpointer data);

/* Whether the output at path is whole: the office finished writing it. */
typedef gboolean (*FcCliCompleteFunc) (const char *path);

typedef struct {
  const FcCliUser *user;
  const char *soffice;     /* program to run */
  const char *convert_to;  /* "fcjson:FiscalCheck Report[:options]", or another conversion */
  FcCliCompleteFunc complete; /* NULL: fc_cli_output_complete (the filter's JSON) */
  const char *not_loaded;  /* message for a file the office cannot open; NULL: a workbook's */
  const char *outdir;      /* where outputs go; the office user can write it */
  const char *log_dir;     /* soffice-N.log files go here */
  guint timeout_s;         /* no new output for this long = hung */
  GPtrArray *profiles;     /* FcCliProfile*, one per process */
  FcCliProgressFunc progress;
  gpointer progress_data;
} FcCliBatch;

/* soffice's --convert-to argument, "fcjson:FiscalCheck Report:OPTIONS"
 * (fc-filter-options.h): the extra rule files (NULL-terminated, may be
 * NULL), the scope, the folder for marked copies (NULL: none), whether
 * narratives are staged beside the workbooks, and never the user's own
 * rules: a batch check is the same for every reviewer (transfer full). */
char *fc_cli_batch_target (const char *const *rules, const char *only, const char *marked_dir,
                           gboolean narratives);

/* Runs every item (of FcCliItem*).  Afterwards each item either has a
 * complete output or an error.  Fails only when the run itself could not
 * be done (soffice cannot be started) or was interrupted (SIGINT/SIGTERM). */
gboolean fc_cli_batch_run (const FcCliBatch *batch, GPtrArray *items, GError **error);

/* TRUE when path holds a whole JSON object: the filter finished it. */
gboolean fc_cli_output_complete (const char *path);

/* TRUE when path is a file: for conversions the office writes at once. */
gboolean fc_cli_output_exists (const char *path);

G_END_DECLS
