#include "MigrationRunner.h"

#include "ServerLog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

constexpr qint64 kMigrationLockKey = 0x62697a79; // "bizy"

bizy::Error storageError(const QString& message) {
    return bizy::Error::make(bizy::Error::Code::Storage, message);
}

} // namespace

MigrationRunner::MigrationRunner(DatabaseSettings settings)
    : m_settings(std::move(settings)) {}

QList<MigrationRunner::Migration> MigrationRunner::embeddedMigrations() {
    static const QRegularExpression fileName(u"^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"_s);
    QList<Migration> migrations;
    const QStringList files = QDir(u":/migrations"_s).entryList(QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QRegularExpressionMatch match = fileName.match(file);
        if (!match.hasMatch())
            continue;
        QFile source(u":/migrations/"_s + file);
        if (!source.open(QIODevice::ReadOnly))
            continue;
        migrations.append(
            {match.captured(1).toInt(), match.captured(2), QString::fromUtf8(source.readAll())});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return migrations;
}

bizy::Result<QList<int>> MigrationRunner::migrate() {
    const QString connectionName = u"bizy-migrations"_s;
    QList<int> applied;
    std::optional<bizy::Error> failure;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        database.setHostName(m_settings.host);
        database.setPort(m_settings.port);
        database.setDatabaseName(m_settings.name);
        database.setUserName(m_settings.user);
        database.setPassword(m_settings.password);
        database.setConnectOptions(m_settings.connectOptions);
        if (!database.open()) {
            failure = storageError(u"Cannot connect to PostgreSQL at "_s + m_settings.describe() +
                                   u": "_s + database.lastError().text().trimmed());
        } else {
            QSqlQuery query(database);
            auto run = [&](const QString& sql) {
                if (query.exec(sql))
                    return true;
                failure = storageError(query.lastError().text().trimmed());
                return false;
            };
            if (run(u"SELECT pg_advisory_lock(%1)"_s.arg(kMigrationLockKey)) &&
                run(u"SET client_min_messages = warning"_s) &&
                run(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                    " version INTEGER PRIMARY KEY,"
                    " name TEXT NOT NULL,"
                    " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"_s) &&
                run(u"SELECT version FROM schema_migrations"_s)) {
                QSet<int> done;
                while (query.next())
                    done.insert(query.value(0).toInt());
                for (const Migration& migration : embeddedMigrations()) {
                    if (done.contains(migration.version))
                        continue;
                    qCInfo(lcServer) << "Applying migration" << migration.version << migration.name;
                    if (!run(u"BEGIN"_s))
                        break;
                    if (!run(migration.sql) ||
                        !run(u"INSERT INTO schema_migrations (version, name) VALUES (%1, '%2')"_s
                                 .arg(migration.version)
                                 .arg(migration.name))) {
                        const bizy::Error cause = *failure;
                        query.exec(u"ROLLBACK"_s);
                        failure = storageError(u"Migration %1_%2 failed: %3"_s
                                                   .arg(migration.version, 4, 10, QChar(u'0'))
                                                   .arg(migration.name, cause.message));
                        break;
                    }
                    if (!run(u"COMMIT"_s))
                        break;
                    applied.append(migration.version);
                }
            }
            query.exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(kMigrationLockKey));
            query.finish();
            database.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    if (failure)
        return *failure;
    return applied;
}

} // namespace bizy::server
