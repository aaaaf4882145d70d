#pragma once

#include "ServerContext.h"
#include "http/Router.h"

namespace bizy::server {

// docs/api.md section 5: user administration and the audit trail (admins only:
// 401 without a token, 403 for others). Every change writes one admin_audit
// row in the same transaction; the last active admin cannot demote, disable
// or delete itself (409). Also DELETE /api/users/me (section 10), a user
// deleting their own account under the same rule and audit trail.
void registerAdminRoutes(Router& router, ServerContext& context);

} // namespace bizy::server
