#include "VersionCounter.h"

#include "db/DbSession.h"
#include "db/PgSql.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

VersionCounter::VersionCounter(DbSession& db, qint64 userId, qint64 counter)
    : m_db(db)
    , m_userId(userId)
    , m_counter(counter) {}

VersionCounter VersionCounter::lock(DbSession& db, qint64 userId) {
    const QString select = u"SELECT counter FROM user_sync_state WHERE user_id = ? FOR UPDATE"_s;
    QSqlQuery row = PgSql::run(db, select, {userId});
    if (row.next())
        return VersionCounter(db, userId, row.value(0).toLongLong());
    // The user's first write makes the row; then it is locked like any other.
    PgSql::run(db,
               u"INSERT INTO user_sync_state (user_id, counter) VALUES (?, 0) "
               u"ON CONFLICT (user_id) DO NOTHING"_s,
               {userId});
    row = PgSql::run(db, select, {userId});
    return VersionCounter(db, userId, row.next() ? row.value(0).toLongLong() : 0);
}

qint64 VersionCounter::reserve(qint64 count) {
    const qint64 first = m_counter + 1;
    m_counter += count;
    return first;
}

void VersionCounter::store() {
    PgSql::run(m_db, u"UPDATE user_sync_state SET counter = ? WHERE user_id = ?"_s,
               {m_counter, m_userId});
}

void VersionCounter::writeTombstone(const QString& entity, const QString& uuid,
                                    const QDateTime& now) {
    PgSql::run(m_db,
               u"INSERT INTO tombstones (user_id, entity, uuid, version, deleted_at) "
               u"VALUES (?, ?, ?::uuid, ?, ?::timestamptz)"_s,
               {m_userId, entity, uuid, next(), PgSql::time(now)});
}

} // namespace bizy::server
