/* fc-error.h — the engine's GError domain. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FC_ERROR (fc_error_quark ())
GQuark fc_error_quark (void);

typedef enum {
  FC_ERROR_RULE_SYNTAX,  /* a rule file is malformed: message names file and line */
  FC_ERROR_NO_TABLES,    /* the workbook holds none of the tables the rules need */
  FC_ERROR_READ,         /* an input could not be read or parsed */
  FC_ERROR_IO            /* writing a report failed */
} FcErrorCode;

/* The message of FC_ERROR_NO_TABLES, which every caller shows as it is
 * (a FISCALCHECK() cell, the menu, a batch entry). */
#define FC_ERROR_NO_TABLES_TEXT "未找到决算表 / no disclosure tables found"

G_END_DECLS
