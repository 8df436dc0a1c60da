/* fc-cli-output.h — turns the filter's per-file entries into the command's
 * report (text, JSON or CSV) and its exit status.
 */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "fc-cli-batch.h"

G_BEGIN_DECLS

typedef enum {
  FC_CLI_FORMAT_TEXT,
  FC_CLI_FORMAT_JSON,
  FC_CLI_FORMAT_CSV
} FcCliFormat;

/* "text" / "json" / "csv" → format; FALSE for anything else. */
gboolean fc_cli_format_parse (const char *name, FcCliFormat *format);

/* Exit statuses: no error finding, some error finding, some input not
 * checked (or a usage error). */
#define FC_CLI_EXIT_OK       0
#define FC_CLI_EXIT_FINDINGS 1
#define FC_CLI_EXIT_FAILED   2

/* Writes the report of items (FcCliItem*) to out; paths[i] is how the
 * user named items[i].  Items that were not checked are also listed on
 * stderr.  Returns the exit status. */
int fc_cli_output_write (FcCliFormat format, GPtrArray *items, const char *const *paths,
                         FILE *out);

G_END_DECLS
