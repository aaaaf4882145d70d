#pragma once

#include "ServerContext.h"
#include "http/Router.h"

namespace bizy::server {

// docs/api.md section 2.8: password reset by email. A request mails a
// single-use token, valid for 30 minutes, when the address belongs to an
// active account, and answers the same words either way; the confirmation
// sets the new password and ends every session.
void registerPasswordResetRoutes(Router& router, ServerContext& context);

} // namespace bizy::server
