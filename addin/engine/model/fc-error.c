/* fc-error.c — the engine's GError domain. */
#include "fc-error.h"

G_DEFINE_QUARK (fc-error-quark, fc_error)
