/* fc-cli-office.h — starting LibreOffice programs (soffice, unopkg) for the
 * command: as the office user, in a process group of their own (so a hung
 * office can be killed with all its children), output into a log file,
 * HOME and TMPDIR pointing at a directory of ours.
 */
#pragma once

#include <glib.h>

#include "fc-cli-user.h"

G_BEGIN_DECLS

/* Starts argv (program first, not including the user switch) with its
 * output appended to log_path.  *pid is also the process group id: the
 * caller reaps it (g_child_watch_add or fc_cli_office_wait). */
gboolean fc_cli_office_spawn (const FcCliUser *user, const char *const *argv,
                              const char *home, const char *log_path, GPid *pid,
                              GError **error);

/* Kills the process group of a program started by fc_cli_office_spawn. */
void fc_cli_office_kill (GPid pid);

/* Removes the single-instance pipe a killed soffice left behind for the
 * profile at profile_url (/tmp/OSL_PIPE_<uid>_SingleOfficeIPC_<md5>), so
 * that nothing lingers in /tmp.  Only after the office is gone. */
void fc_cli_office_remove_pipe (const FcCliUser *user, const char *profile_url);

/* One program for fc_cli_office_run_all(). */
typedef struct {
  const char *const *argv;  /* program first, without the user switch */
  const char *home;
  const char *log_path;
  int wait_status;          /* set when it ended: the waitpid() status */
} FcCliOfficeJob;

/* Runs the programs side by side to their end, at most timeout_s seconds
 * in all (then kills what still runs and fails). */
gboolean fc_cli_office_run_all (const FcCliUser *user, FcCliOfficeJob *jobs, guint n,
                                guint timeout_s, GError **error);

/* The last lines of a log file, for error messages (transfer full). */
char *fc_cli_office_log_tail (const char *log_path);

G_END_DECLS
