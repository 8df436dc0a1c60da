/* fc-help.h — the 帮助 / Help menu command: FiscalCheck's help page in the
 * UI language, as shipped inside the installed extension.
 *
 * The pages ship twice: as .xhp (help/LANG/…), which the office compiles
 * into its own help on installing, and as HTML (help-html/LANG/…).  The office has no call to open its help
 * window at a given page (.uno:HelpIndex only opens the start page:
 * sfx2/source/appl/appserv.cxx, SID_HELPINDEX), so this command opens the
 * HTML page in the system's browser (com.sun.star.system.SystemShellExecute).
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* The file URL of page ("index", "functions", …) of the installed
 * extension's HTML help in language lang ("zh-CN", "en-US") (transfer
 * full), or NULL with an error.  The extension's folder comes from the
 * PackageInformationProvider singleton, else from where this library was
 * loaded (<extension>/<platform>/fiscalcheck.so). */
char *fc_help_page_url (const char *page, const char *lang, GError **error);

/* Opens the help's first page in the UI language over frame (an XFrame,
 * may be NULL): in the system's browser when frame has a visible window;
 * headless or hidden, nothing is opened (a browser nobody sees would only
 * linger).  *url is the page's URL (transfer full) whenever it was found;
 * *opened whether a browser was asked to show it.  FALSE with an error
 * when the page cannot be found or shown. */
gboolean fc_help_open (uno_Interface *frame, char **url, gboolean *opened, GError **error);

G_END_DECLS
