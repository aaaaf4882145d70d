#pragma once

#include "db/DatabaseSettings.h"
#include "model/Result.h"

#include <QList>
#include <QString>

namespace bizy::server {

// Applies the numbered migrations embedded from server/migrations
// (NNNN_name.sql, resource prefix :/migrations) in order, each in its own
// transaction, and records them in schema_migrations. A session advisory lock
// keeps two servers starting at once from applying the same file twice.
class MigrationRunner {
public:
    struct Migration {
        int version = 0;
        QString name;
        QString sql;
    };

    explicit MigrationRunner(DatabaseSettings settings);

    // The versions applied by this call (empty when the schema was current).
    bizy::Result<QList<int>> migrate();

    static QList<Migration> embeddedMigrations();

private:
    DatabaseSettings m_settings;
};

} // namespace bizy::server
