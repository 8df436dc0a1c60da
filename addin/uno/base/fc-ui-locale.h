/* fc-ui-locale.h — the language of the office's user interface, so that
 * what FiscalCheck writes into a document (the 审核结果 sheet) speaks it,
 * with the other language kept aside.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the office's UI is Chinese: its effective UI locale
 * (/org.openoffice.Setup/L10N/ooLocale) starts with "zh"; when it cannot
 * be read, the process's locale ($LC_ALL, $LC_MESSAGES, $LANG).  Read once
 * per process: the UI language only changes with a restart. */
gboolean fc_ui_locale_is_chinese (void);

G_END_DECLS
