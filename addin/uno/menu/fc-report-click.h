/* fc-report-click.h — on the 审核结果 sheet, a click on a cell link, or a
 * double-click anywhere on a finding's row, selects the finding's cell: a
 * com.sun.star.awt.XEnhancedMouseClickHandler on the Calc view
 * (XEnhancedMouseClickBroadcaster), so no Ctrl+click and no security
 * option is needed.
 *
 * Registered once per view, when Validate writes the sheet and when a
 * workbook that has one opens (the load job; the view does not exist yet
 * then, so it is registered as the view is created: OnViewCreated).  The
 * handler lets every other click through; it lets go of the view when the
 * view is disposed.  Every UNO call may fail: a failure is logged and the
 * click goes to Calc as if we were not there.
 */
#pragma once

#include "fc-service-info.h"
#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_REPORT_CLICK_IMPLEMENTATION_NAME "org.fiscalcheck.ReportClick"

/* The handler as a service, for driving it through its interface: a new
 * handler bound to no view; XInitialization.initialize ((controller,))
 * binds it to a Calc view (without registering it there) (transfer full). */
extern const FcServiceNames fc_report_click_service_names;
uno_Interface *fc_report_click_new (void);

/* Registers a handler on the view frame (an XFrame) shows, unless one is
 * registered there already.  Never fails: problems are logged. */
void fc_report_click_attach_frame (uno_Interface *frame);

/* When document (any interface of a model) has a report sheet: registers
 * a handler on its current view, if any, and on every view created for it
 * from now on.  Never fails. */
void fc_report_click_watch (uno_Interface *document);

G_END_DECLS
