#pragma once

namespace bizy::server {

class Router;

// GET /api/openapi.json (the OpenAPI document, ApiDocument) and GET /api/docs
// (ApiDocsPage, rendered once here at start-up). Both open, no database.
void registerDocsRoutes(Router& router);

} // namespace bizy::server
