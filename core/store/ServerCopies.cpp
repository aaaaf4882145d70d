#include "ServerCopies.h"

#include "SqlValue.h"
#include "StoreDatabase.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bizy {

ServerCopies::ServerCopies(StoreDatabase& db)
    : m_db(db) {}

Result<std::optional<ServerCopy>> ServerCopies::find(EntityKind kind, const QString& uuid) {
    bool ok = false;
    QSqlQuery& q = m_db.query(u"SELECT version, json, complete FROM server_rows "
                              u"WHERE entity = ? AND uuid = ?"_s,
                              {entityName(kind), uuid}, &ok);
    if (!ok)
        return m_db.storageError(q, u"read the server's copy"_s);
    std::optional<ServerCopy> copy;
    if (q.next())
        copy = ServerCopy{q.value(0).toLongLong(), SqlValue::jsonObject(q.value(1)),
                          q.value(2).toInt() != 0};
    q.finish();
    return copy;
}

Result<QHash<QString, qint64>> ServerCopies::versions(EntityKind kind, const QString& uuidsJson) {
    bool ok = false;
    QSqlQuery& q = m_db.query(u"SELECT uuid, version FROM server_rows WHERE entity = ? "
                              u"AND uuid IN (SELECT value FROM json_each(?))"_s,
                              {entityName(kind), uuidsJson}, &ok);
    if (!ok)
        return m_db.storageError(q, u"read the rows of a pulled page"_s);
    QHash<QString, qint64> versions;
    while (q.next())
        versions.insert(q.value(0).toString(), q.value(1).toLongLong());
    q.finish();
    return versions;
}

Status ServerCopies::save(EntityKind kind, const QString& uuid, const ServerCopy& copy) {
    const Result<qint64> current = generation();
    if (!current)
        return current.error();
    return m_db.exec(u"INSERT INTO server_rows (entity, uuid, version, json, complete, generation) "
                     u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(entity, uuid) DO UPDATE SET "
                     u"version = excluded.version, json = excluded.json, "
                     u"complete = excluded.complete, generation = excluded.generation"_s,
                     {entityName(kind), uuid, copy.version, SqlValue::jsonText(copy.json),
                      copy.complete ? 1 : 0, *current},
                     u"save the server's copy"_s);
}

Status ServerCopies::saveAll(EntityKind kind, const QJsonArray& rows) {
    if (rows.isEmpty())
        return Done{};
    const Result<qint64> current = generation();
    if (!current)
        return current.error();
    return m_db.exec(u"INSERT INTO server_rows (entity, uuid, version, json, complete, generation) "
                     u"SELECT ?, value ->> 'uuid', value ->> 'version', value, 1, ? "
                     u"FROM json_each(?) WHERE true ON CONFLICT(entity, uuid) DO UPDATE SET "
                     u"version = excluded.version, json = excluded.json, complete = 1, "
                     u"generation = excluded.generation"_s,
                     {entityName(kind), *current, SqlValue::jsonText(rows)},
                     u"save the server's copies"_s);
}

Status ServerCopies::remove(EntityKind kind, const QString& uuid) {
    return m_db.exec(u"DELETE FROM server_rows WHERE entity = ? AND uuid = ?"_s,
                     {entityName(kind), uuid}, u"remove the server's copy"_s);
}

Result<qint64> ServerCopies::pullCursor() {
    const Result<QVariant> cursor = m_db.meta(u"pull_cursor"_s);
    if (!cursor)
        return cursor.error();
    return cursor->toString().toLongLong();
}

Status ServerCopies::setPullCursor(qint64 cursor) {
    return m_db.setMeta(u"pull_cursor"_s, QString::number(cursor));
}

Result<QString> ServerCopies::syncEpoch() {
    const Result<QVariant> value = m_db.meta(u"sync_epoch"_s);
    if (!value)
        return value.error();
    return value->toString();
}

Status ServerCopies::setSyncEpoch(const QString& epoch) {
    return m_db.setMeta(u"sync_epoch"_s, epoch);
}

Status ServerCopies::rememberDeleted(EntityKind kind, const QString& uuid) {
    return m_db.exec(u"INSERT OR IGNORE INTO known_deletes (entity, uuid) VALUES (?, ?)"_s,
                     {entityName(kind), uuid}, u"remember a deleted row"_s);
}

Status ServerCopies::rememberAcknowledged(EntityKind kind, const QString& uuid,
                                          const QJsonObject& fields) {
    return m_db.exec(u"INSERT INTO acknowledged_pushes (entity, uuid, fields) VALUES (?, ?, ?)"_s,
                     {entityName(kind), uuid, SqlValue::jsonText(fields)},
                     u"remember an acknowledged change"_s);
}

Status ServerCopies::forgetAcknowledged() {
    return m_db.exec(u"DELETE FROM acknowledged_pushes"_s, {}, u"save the sync state"_s);
}

Result<std::optional<QDateTime>> ServerCopies::lastSyncedAt() {
    const Result<QVariant> value = m_db.meta(u"last_synced_at"_s);
    if (!value)
        return value.error();
    return SqlValue::toTime(*value);
}

Status ServerCopies::setLastSyncedAt(const QDateTime& when) {
    return m_db.setMeta(u"last_synced_at"_s, SqlValue::from(when).toString());
}

Result<qint64> ServerCopies::generation() {
    const Result<QVariant> value = m_db.meta(u"reload_generation"_s);
    if (!value)
        return value.error();
    return value->toString().toLongLong();
}

Result<bool> ServerCopies::reloadInProgress() {
    const Result<QVariant> value = m_db.meta(u"reload_in_progress"_s);
    if (!value)
        return value.error();
    return value->toString() == u"1";
}

Status ServerCopies::beginReload() {
    const Result<qint64> current = generation();
    if (!current)
        return current.error();
    if (Status s = m_db.setMeta(u"reload_generation"_s, QString::number(*current + 1)); !s)
        return s;
    if (Status s = m_db.setMeta(u"reload_in_progress"_s, u"1"_s); !s)
        return s;
    return setPullCursor(0);
}

Status ServerCopies::endReload() {
    return m_db.setMeta(u"reload_in_progress"_s, u"0"_s);
}

Status ServerCopies::removeStale(EntityKind kind) {
    const Result<qint64> current = generation();
    if (!current)
        return current.error();
    const QString entity = entityName(kind);
    return m_db.exec(u"DELETE FROM server_rows WHERE entity = ? AND generation <> ? "
                     u"AND uuid NOT IN (SELECT uuid FROM outbox WHERE entity = ?)"_s,
                     {entity, *current, entity}, u"finish the reload"_s);
}

Result<bool> ServerCopies::hasOrphans() {
    const Result<QVariant> any =
        m_db.scalar(u"SELECT 1 FROM orphans LIMIT 1"_s, {}, u"read the waiting rows"_s);
    if (!any)
        return any.error();
    return !any->isNull();
}

Status ServerCopies::rememberOrphan(EntityKind kind, const QString& uuid,
                                    const QString& parentGoalUuid) {
    return m_db.exec(u"INSERT OR REPLACE INTO orphans (entity, uuid, parent_goal_uuid) "
                     u"VALUES (?, ?, ?)"_s,
                     {entityName(kind), uuid, parentGoalUuid},
                     u"remember a row waiting for its goal"_s);
}

Status ServerCopies::forgetOrphan(EntityKind kind, const QString& uuid) {
    return m_db.exec(u"DELETE FROM orphans WHERE entity = ? AND uuid = ?"_s,
                     {entityName(kind), uuid}, u"update the waiting rows"_s);
}

Status ServerCopies::forgetOrphansOf(const QString& parentGoalUuid) {
    return m_db.exec(u"DELETE FROM orphans WHERE parent_goal_uuid = ?"_s, {parentGoalUuid},
                     u"update the waiting rows"_s);
}

Result<QList<std::pair<EntityKind, QString>>> ServerCopies::adoptableOrphans() {
    bool ok = false;
    QSqlQuery& q = m_db.query(u"SELECT entity, uuid FROM orphans "
                              u"WHERE parent_goal_uuid IN (SELECT uuid FROM goals)"_s,
                              {}, &ok);
    if (!ok)
        return m_db.storageError(q, u"read the waiting rows"_s);
    QList<std::pair<EntityKind, QString>> ready;
    while (q.next())
        ready.append({entityKindFromName(q.value(0).toString()).value_or(EntityKind::Task),
                      q.value(1).toString()});
    q.finish();
    return ready;
}

} // namespace bizy
