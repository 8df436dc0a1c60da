/* fc-cli-error.c — the command's GError domain (see fc-cli-error.h). */
#include "fc-cli-error.h"

G_DEFINE_QUARK (fc-cli-error-quark, fc_cli_error)
