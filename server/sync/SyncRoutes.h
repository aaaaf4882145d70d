#pragma once

namespace bizy::server {

class Router;
struct ServerContext;

// Registers POST /api/sync/push and GET /api/sync/pull (docs/api.md section 6).
void registerSyncRoutes(Router& router, const ServerContext& context);

} // namespace bizy::server
