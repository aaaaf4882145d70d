#pragma once

#include "ServerContext.h"
#include "http/Router.h"

namespace bizy::server {

// docs/api.md section 2: register, login, refresh, logout, profile, users/me,
// verify-token, change-password, and the old service's aliases.
void registerAuthRoutes(Router& router, ServerContext& context);

} // namespace bizy::server
