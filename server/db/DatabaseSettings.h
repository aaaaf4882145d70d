#pragma once

#include "model/Result.h"

#include <QHash>
#include <QString>

namespace bizy::server {

// Where PostgreSQL is: from DATABASE_URL (postgresql://user:pass@host:port/db,
// `?host=/socket/dir` allowed) or, without it, the usual PG* variables.
struct DatabaseSettings {
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString name = QStringLiteral("bizy");
    QString user;
    QString password;
    QString connectOptions; // extra libpq options, e.g. connect_timeout=5

    static bizy::Result<DatabaseSettings> fromVariables(const QHash<QString, QString>& variables);
    static bizy::Result<DatabaseSettings> fromUrl(const QString& url);
    // host:port/name for logs: never the password.
    QString describe() const;
};

} // namespace bizy::server
