#pragma once

class Router;
struct ServerContext;

// Registers POST /api/sync/push and GET /api/sync/pull (API.md section 6).
void registerSyncRoutes(Router& router, const ServerContext& context);
