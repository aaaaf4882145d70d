#pragma once

namespace bizy::server {

class Router;
struct ServerContext;

// Registers the task and goal endpoints of docs/api.md sections 3 and 4 (with and
// without the trailing slash; the Router matches both).
void registerRestRoutes(Router& router, const ServerContext& context);

} // namespace bizy::server
