#pragma once

namespace bizy::server {

class Router;
struct ServerContext;

// Registers the four analytics routes of docs/api.md section 7
// (/api/analytics/tasks, goals, velocity, trends): bearer token first, then
// `days`, then one report over the caller's rows read in one snapshot.
void registerAnalyticsRoutes(Router& router, const ServerContext& context);

} // namespace bizy::server
