/* fc-cli-error.h — the command's GError domain. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FC_CLI_ERROR (fc_cli_error_quark ())
GQuark fc_cli_error_quark (void);

typedef enum {
  FC_CLI_ERROR_USAGE,   /* a bad argument */
  FC_CLI_ERROR_INPUT,   /* an input cannot be read */
  FC_CLI_ERROR_OFFICE,  /* LibreOffice could not be prepared or run */
  FC_CLI_ERROR_SYSTEM   /* a temp dir, a lock, a file of our own failed */
} FcCliErrorCode;

G_END_DECLS
