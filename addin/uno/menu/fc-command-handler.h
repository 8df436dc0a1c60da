/* fc-command-handler.h — the protocol handler behind the 决算审核 / FiscalCheck menu
 * and toolbar: URLs org.fiscalcheck.command:Validate, :NextFinding and
 * :ClearMarks (ProtocolHandler.xcu, Addons.xcu).
 *
 * One object per frame (LibreOffice passes the frame to initialize):
 * XDispatchProvider, XDispatch and XNotifyingDispatch.  Through
 * XNotifyingDispatch — which DispatchHelper.executeDispatch uses, so
 * macros and tests get it as the call's result — each command reports a
 * DispatchResultEvent: State SUCCESS or FAILURE, Result the message text.
 */
#pragma once

#include "fc-service-info.h"
#include "fc-uno.h"

G_BEGIN_DECLS

#define FC_COMMAND_PROTOCOL            "org.fiscalcheck.command:"
#define FC_COMMAND_IMPLEMENTATION_NAME "org.fiscalcheck.CommandHandler"
#define FC_PROTOCOL_HANDLER_SERVICE    "com.sun.star.frame.ProtocolHandler"

/* The handler's names, for the factory (static). */
extern const FcServiceNames fc_command_handler_service_names;

/* A new protocol handler (transfer full: one acquired reference). */
uno_Interface *fc_command_handler_new (void);

G_END_DECLS
