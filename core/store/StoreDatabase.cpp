#include "StoreDatabase.h"

#include "StoreLog.h"
#include "StoreSchema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

QString nextConnectionName() {
    static QAtomicInteger<quint64> counter;
    return u"bizy.store.%1"_s.arg(counter.fetchAndAddRelaxed(1) + 1);
}

void removeConnection(QSqlDatabase& db) {
    const QString name = db.connectionName();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

// Reads the schema version of an existing file without writing anything to it
// (read-only connection, no journal mode change).
Result<int> existingSchemaVersion(const QString& path) {
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, nextConnectionName());
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
    Result<int> version = 0;
    if (!db.open())
        version = Error::make(Error::Code::Storage,
                              u"The local database %1 could not be opened (%2). Check that "
                              u"the file is readable."_s.arg(path, db.lastError().text()));
    else
        version = StoreSchema::version(db);
    removeConnection(db);
    return version;
}

Error newerSchemaError(const QString& path, int fileVersion) {
    return Error::make(Error::Code::Incompatible,
                       u"The local database %1 was written by a newer version of Bizy (schema "
                       u"%2; this version reads up to %3). Update Bizy to open it."_s.arg(path)
                           .arg(fileVersion)
                           .arg(StoreSchema::latestVersion()));
}

// Opens a read-write connection with the store's settings, migrated to
// `targetVersion`. On failure the connection is removed again.
Result<QSqlDatabase> openConnection(const QString& path, int targetVersion) {
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0) {
        const Result<int> fileVersion = existingSchemaVersion(path);
        if (!fileVersion)
            return fileVersion.error();
        if (*fileVersion > StoreSchema::latestVersion()) {
            qCWarning(lcStore) << "refusing" << path << "at schema" << *fileVersion;
            return newerSchemaError(path, *fileVersion);
        }
    }
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(Error::Code::Storage,
                           u"The folder %1 could not be created. Check its permissions."_s.arg(
                               info.absolutePath()));

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, nextConnectionName());
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    auto fail = [&](Error error) -> Result<QSqlDatabase> {
        removeConnection(db);
        return error;
    };
    if (!db.open())
        return fail(Error::make(Error::Code::Storage,
                                u"The local database %1 could not be opened (%2). Check that "
                                u"the folder is writable."_s.arg(path, db.lastError().text())));
    // Checked again on this connection, before its first write.
    const Result<int> fileVersion = StoreSchema::version(db);
    if (!fileVersion)
        return fail(fileVersion.error());
    if (*fileVersion > StoreSchema::latestVersion())
        return fail(newerSchemaError(path, *fileVersion));
    {
        QSqlQuery pragma(db);
        for (const QString& statement :
             {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
              u"PRAGMA foreign_keys = ON"_s,
              // 32 MiB of page cache: big imports stay in memory until commit.
              u"PRAGMA cache_size = -32768"_s, u"PRAGMA temp_store = MEMORY"_s}) {
            if (!pragma.exec(statement))
                return fail(Error::make(Error::Code::Storage,
                                        u"The local database %1 could not be set up (%2)."_s.arg(
                                            path, pragma.lastError().text())));
        }
    }
    if (Status migrated = StoreSchema::migrate(db, targetVersion); !migrated)
        return fail(migrated.error());
    return db;
}

} // namespace

StoreDatabase::StoreDatabase(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_connectionName(m_db.connectionName())
    , m_path(std::move(path)) {}

StoreDatabase::~StoreDatabase() {
    m_statements.clear();
    m_directStatements.clear();
    {
        // Keeps the planner's statistics fresh for the next start; cheap.
        QSqlQuery optimize(m_db);
        optimize.exec(u"PRAGMA optimize"_s);
    }
    removeConnection(m_db);
    qCDebug(lcStore) << "closed" << m_path;
}

Result<std::unique_ptr<StoreDatabase>> StoreDatabase::open(const QString& path) {
    Result<QSqlDatabase> db = openConnection(path, StoreSchema::latestVersion());
    if (!db)
        return db.error();
    return std::unique_ptr<StoreDatabase>(new StoreDatabase(std::move(db).value(), path));
}

Status StoreDatabase::createAtVersion(const QString& path, int version) {
    if (version < 1 || version > StoreSchema::latestVersion())
        return Error::make(Error::Code::Validation,
                           u"Schema version %1 does not exist."_s.arg(version));
    Result<QSqlDatabase> db = openConnection(path, version);
    if (!db)
        return db.error();
    removeConnection(db.value());
    return Done{};
}

bool StoreDatabase::moveFiles(const QString& from, const QString& to) {
    QDir().mkpath(QFileInfo(to).absolutePath());
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        const QString source = from + suffix;
        if (!QFile::exists(source))
            continue;
        const QString target = to + suffix;
        if (QFile::rename(source, target))
            continue;
        // Another file system: copy, and only then remove the original.
        if (!QFile::copy(source, target)) {
            qCWarning(lcStore) << "cannot move" << source << "to" << target;
            return false;
        }
        QFile::remove(source);
    }
    return true;
}

QSqlQuery& StoreDatabase::prepared(const QString& sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            qCWarning(lcStore) << "cannot prepare" << sql << query->lastError().text();
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return *it->second;
}

SqliteStatement& StoreDatabase::direct(const QString& sql) {
    auto it = m_directStatements.find(sql);
    if (it == m_directStatements.end()) {
        // QSQLITE hands out its connection as "sqlite3*" (QSqlDriver::handle()).
        const QVariant handle = m_db.driver()->handle();
        sqlite3* connection = qstrcmp(handle.typeName(), "sqlite3*") == 0
                                  ? *static_cast<sqlite3* const*>(handle.constData())
                                  : nullptr;
        it = m_directStatements.emplace(sql, std::make_unique<SqliteStatement>(connection, sql))
                 .first;
    }
    return *it->second;
}

bool StoreDatabase::run(QSqlQuery& query, const QVariantList& values) {
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    return query.exec();
}

QSqlQuery& StoreDatabase::query(const QString& sql, const QVariantList& values, bool* ok) {
    QSqlQuery& q = prepared(sql);
    *ok = run(q, values);
    return q;
}

Status StoreDatabase::exec(const QString& sql, const QVariantList& values, const QString& what) {
    QSqlQuery& q = prepared(sql);
    if (!run(q, values))
        return storageError(q, what);
    q.finish();
    return Done{};
}

Result<QVariant> StoreDatabase::scalar(const QString& sql, const QVariantList& values,
                                       const QString& what) {
    bool ok = false;
    QSqlQuery& q = query(sql, values, &ok);
    if (!ok)
        return storageError(q, what);
    QVariant value;
    if (q.next())
        value = q.value(0);
    q.finish();
    return value;
}

Result<QStringList> StoreDatabase::strings(const QString& sql, const QVariantList& values,
                                           const QString& what) {
    bool ok = false;
    QSqlQuery& q = query(sql, values, &ok);
    if (!ok)
        return storageError(q, what);
    QStringList list;
    while (q.next())
        list << q.value(0).toString();
    q.finish();
    return list;
}

Error StoreDatabase::storageError(const QSqlQuery& query, const QString& what) const {
    return storageError(what, query.lastError().text());
}

Error StoreDatabase::storageError(const SqliteStatement& statement, const QString& what) const {
    return storageError(what, statement.errorMessage());
}

Error StoreDatabase::storageError(const QString& what, const QString& reason) const {
    qCWarning(lcStore) << what << "failed:" << reason << "in" << m_path;
    return Error::make(Error::Code::Storage,
                       u"The local database could not %1 (%2). Check free disk space and "
                       u"that %3 is writable."_s.arg(what, reason, m_path));
}

Result<QVariant> StoreDatabase::meta(const QString& key) {
    return scalar(u"SELECT value FROM meta WHERE key = ?"_s, {key}, u"read the sync state"_s);
}

Status StoreDatabase::setMeta(const QString& key, const QString& value) {
    return exec(u"INSERT INTO meta(key, value) VALUES (?, ?) "
                u"ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s,
                {key, value}, u"save the sync state"_s);
}

Status StoreDatabase::begin() {
    QSqlQuery begin(m_db);
    if (!begin.exec(u"BEGIN IMMEDIATE"_s))
        return storageError(begin, u"start a change"_s);
    return Done{};
}

Status StoreDatabase::commit() {
    QSqlQuery commit(m_db);
    if (commit.exec(u"COMMIT"_s))
        return Done{};
    const Error error = storageError(commit, u"save the change"_s);
    rollback();
    return error;
}

void StoreDatabase::rollback() {
    QSqlQuery(m_db).exec(u"ROLLBACK"_s);
}

} // namespace bizy
