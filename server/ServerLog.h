#pragma once

#include <QLoggingCategory>
#include <QString>

namespace bizy::server {

Q_DECLARE_LOGGING_CATEGORY(lcServer)

// Routes Qt's messages to spdlog on stderr (journald keeps them under systemd).
void installServerLogging();

// One access-log line per request: method, path (never the query, which may
// hold secrets), status, duration, user id (0 when anonymous). Never a token
// or a password.
void logAccess(const QString& method, const QString& path, int status, qint64 durationMs,
               qint64 userId);

} // namespace bizy::server
