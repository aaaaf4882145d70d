#pragma once

namespace bizy::server {

class DbRunner;
class Jwt;
class Mailer;
class RateLimiter;
struct ServerConfig;

// What a route needs from the server; handed to every register*Routes().
struct ServerContext {
    const ServerConfig& config;
    DbRunner& db;
    const Jwt& jwt;
    RateLimiter& rateLimiter;
    Mailer& mailer;
};

} // namespace bizy::server
