#pragma once

namespace bizy::server {

class AiAssistant;
class Router;
struct ServerContext;

// The goal breakdown and the briefings (docs/api.md sections 8 and 9): the
// routes that ask the AI provider (AssistedRequest), and create-tasks, which
// stores suggestions without it.
void registerPlanningRoutes(Router& router, const ServerContext& context, AiAssistant& ai);

} // namespace bizy::server
