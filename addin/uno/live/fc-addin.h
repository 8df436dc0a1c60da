/* fc-addin.h — the Calc add-in object: org.fiscalcheck.XFiscalCheck. */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* A new add-in object (transfer full: one acquired reference). */
uno_Interface *fc_addin_new (void);

G_END_DECLS
