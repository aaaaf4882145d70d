#include "Outbox.h"

#include "ChangeSet.h"
#include "EntityTable.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "StoreLog.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

const QString kSelect = u"SELECT seq, mid, entity, uuid, op, base_version, fields FROM outbox "_s;

} // namespace

Outbox::Outbox(StoreDatabase& db)
    : m_db(db) {}

Result<QByteArray> Outbox::fieldsText(const QJsonObject& fields) {
    QByteArray text = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    const qsizetype size = text.size();
    if (size <= kMaxMutationBytes)
        return text;
    QString largest;
    qsizetype largestSize = -1;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const qsizetype fieldSize =
            SqlValue::jsonText(QJsonObject{{it.key(), it.value()}}).toUtf8().size();
        if (fieldSize > largestSize) {
            largest = it.key();
            largestSize = fieldSize;
        }
    }
    return Error::validation({FieldError::valueError(
        largest, u"Too long to sync: %1 kB in all, and a task or goal can be at most %2 kB. "
                 u"Shorten this text."_s.arg((size + 999) / 1000)
                     .arg(kMaxMutationBytes / 1000))});
}

Status Outbox::recordCreate(EntityKind kind, const QString& uuid, const QJsonObject& fields,
                            ChangeSet& changes) {
    const Result<QByteArray> text = fieldsText(fields);
    if (!text)
        return text.error();
    changes.outbox = true;
    return m_db.exec(u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
                     u"VALUES (?, ?, 'upsert', 0, ?)"_s,
                     {entityName(kind), uuid, QString::fromUtf8(*text)}, u"write the outbox"_s);
}

Status Outbox::recordTaskCreatesAfter(qint64 lastRowBefore, ChangeSet& changes) {
    changes.outbox = true;
    static const QString sql = [] {
        QStringList fields;
        for (const FieldSpec& spec : Task::schema().fields()) {
            if (spec.origins & FromSync)
                fields << spec.name;
        }
        return u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
               u"SELECT 'task', uuid, 'upsert', 0, %1 FROM tasks WHERE row_id > ? "
               u"ORDER BY row_id"_s.arg(TaskTable::columns().jsonObject(fields));
    }();
    return m_db.exec(sql, {lastRowBefore}, u"write the outbox"_s);
}

bool Outbox::mayBeTooLarge(qsizetype textLength) {
    // A UTF-16 unit becomes at most 6 bytes of JSON (\uXXXX); the fields
    // that are not text (numbers, times, uuids, the names) take less than 4 kB.
    return textLength * 6 + 4000 > kMaxMutationBytes;
}

Status Outbox::recordEdit(EntityKind kind, const QString& uuid, const QJsonObject& fields,
                          qint64 rowVersion, ChangeSet& changes) {
    changes.outbox = true;
    const QString entity = entityName(kind);
    bool ok = false;
    // Unsealed rows all have mid NULL, so the unique index on mid must not
    // be used to find them ("+mid"): the lookup goes through outbox_by_row.
    QSqlQuery& latest =
        m_db.query(u"SELECT seq, fields FROM outbox WHERE seq = (SELECT max(seq) FROM outbox "
                   u"WHERE entity = ? AND uuid = ? AND +mid IS NULL)"_s,
                   {entity, uuid}, &ok);
    if (!ok)
        return m_db.storageError(latest, u"read the outbox"_s);
    if (latest.next()) {
        const qint64 seq = latest.value(0).toLongLong();
        QJsonObject merged = SqlValue::jsonObject(latest.value(1));
        latest.finish();
        // Merging moves these fields back to an older place in the queue;
        // a row they point at must already be created by then.
        const Result<bool> canMerge = referencesAreOlderThan(fields, seq);
        if (!canMerge)
            return canMerge.error();
        if (*canMerge) {
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                merged.insert(it.key(), it.value());
            const Result<QByteArray> text = fieldsText(merged);
            if (!text)
                return text.error();
            return m_db.exec(u"UPDATE outbox SET fields = ? WHERE seq = ?"_s,
                             {QString::fromUtf8(*text), seq}, u"update the outbox"_s);
        }
    } else {
        latest.finish();
    }
    const Result<QByteArray> text = fieldsText(fields);
    if (!text)
        return text.error();
    return m_db.exec(u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
                     u"VALUES (?, ?, 'upsert', ?, ?)"_s,
                     {entity, uuid, rowVersion, QString::fromUtf8(*text)}, u"write the outbox"_s);
}

Result<bool> Outbox::referencesAreOlderThan(const QJsonObject& fields, qint64 seq) {
    QList<std::pair<EntityKind, QString>> references;
    if (fields.value(u"parent_goal_uuid"_s).isString())
        references.append({EntityKind::Goal, fields.value(u"parent_goal_uuid"_s).toString()});
    for (const QJsonValue& dependency : fields.value(u"dependency_uuids"_s).toArray())
        references.append({EntityKind::Task, dependency.toString()});
    for (const auto& [kind, uuid] : references) {
        const Result<QVariant> newest =
            m_db.scalar(u"SELECT max(seq) FROM outbox WHERE entity = ? AND uuid = ?"_s,
                        {entityName(kind), uuid}, u"read the outbox"_s);
        if (!newest)
            return newest.error();
        if (!newest->isNull() && newest->toLongLong() > seq)
            return false;
    }
    return true;
}

Status Outbox::recordDelete(EntityKind kind, const QString& uuid, qint64 rowVersion,
                            ChangeSet& changes) {
    changes.outbox = true;
    const QString entity = entityName(kind);
    // Called before the row is deleted, so its `pushed` mark is still there.
    const Result<QVariant> pushed =
        m_db.scalar(u"SELECT pushed FROM %1 WHERE uuid = ?"_s.arg(entityTable(kind)), {uuid},
                    u"read the outbox"_s);
    if (!pushed)
        return pushed.error();
    const bool serverMayKnowIt = rowVersion > 0 || pushed->toInt() != 0;
    const Result<QVariant> firstBase =
        m_db.scalar(u"SELECT base_version FROM outbox WHERE seq = (SELECT min(seq) FROM outbox "
                    u"WHERE entity = ? AND uuid = ? AND +mid IS NULL)"_s,
                    {entity, uuid}, u"read the outbox"_s);
    if (!firstBase)
        return firstBase.error();
    if (Status s = dropUnsealed(kind, uuid, changes); !s)
        return s;
    // Created and deleted before the server heard of it: nothing to send.
    if (!serverMayKnowIt)
        return Done{};
    const qint64 base = firstBase->isNull() ? rowVersion : firstBase->toLongLong();
    return m_db.exec(u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
                     u"VALUES (?, ?, 'delete', ?, '{}')"_s,
                     {entity, uuid, base}, u"write the outbox"_s);
}

Result<QList<OutboxMutation>> Outbox::load(const QString& where, const QVariantList& values) {
    bool ok = false;
    QSqlQuery& q = m_db.query(kSelect + where, values, &ok);
    if (!ok)
        return m_db.storageError(q, u"read the outbox"_s);
    QList<OutboxMutation> mutations;
    while (q.next()) {
        OutboxMutation m;
        m.seq = q.value(0).toLongLong();
        if (!q.value(1).isNull())
            m.mid = q.value(1).toLongLong();
        m.entity = entityKindFromName(q.value(2).toString()).value_or(EntityKind::Task);
        m.uuid = q.value(3).toString();
        m.op = q.value(4).toString() == u"delete"_s ? OutboxMutation::Op::Delete
                                                    : OutboxMutation::Op::Upsert;
        m.baseVersion = q.value(5).toLongLong();
        m.fields = SqlValue::jsonObject(q.value(6));
        mutations << m;
    }
    q.finish();
    return mutations;
}

Result<QList<OutboxMutation>> Outbox::pending(int limit) {
    return load(u"ORDER BY seq LIMIT ?"_s, {limit});
}

Result<qsizetype> Outbox::count() {
    const Result<QVariant> count =
        m_db.scalar(u"SELECT count(*) FROM outbox"_s, {}, u"count the unsent changes"_s);
    if (!count)
        return count.error();
    return qsizetype(count->toLongLong());
}

Result<bool> Outbox::isEmpty() {
    const Result<QVariant> any =
        m_db.scalar(u"SELECT 1 FROM outbox LIMIT 1"_s, {}, u"read the outbox"_s);
    if (!any)
        return any.error();
    return any->isNull();
}

Result<QList<OutboxMutation>> Outbox::pendingFor(EntityKind kind, const QString& uuid) {
    return load(u"WHERE entity = ? AND uuid = ? ORDER BY seq"_s, {entityName(kind), uuid});
}

Result<QList<OutboxMutation>> Outbox::pendingForAll(EntityKind kind, const QString& uuidsJson) {
    return load(u"WHERE entity = ? AND uuid IN (SELECT value FROM json_each(?)) ORDER BY seq"_s,
                {entityName(kind), uuidsJson});
}

Result<QList<OutboxMutation>> Outbox::seal(int max) {
    Result<QList<OutboxMutation>> sealed =
        load(u"WHERE mid IS NOT NULL ORDER BY mid LIMIT ?"_s, {max});
    if (!sealed)
        return sealed;
    QList<OutboxMutation> batch = std::move(sealed).value();
    const int room = max - int(batch.size());
    if (room <= 0)
        return batch;
    Result<QList<OutboxMutation>> toSeal =
        load(u"WHERE +mid IS NULL ORDER BY seq LIMIT ?"_s, {room});
    if (!toSeal)
        return toSeal;
    if (toSeal->isEmpty())
        return batch;
    const Result<QVariant> next = m_db.meta(u"next_mid"_s);
    if (!next)
        return next.error();
    qint64 nextMid = next->toLongLong();
    for (OutboxMutation& mutation : toSeal.value()) {
        mutation.mid = nextMid++;
        if (Status s = m_db.exec(u"UPDATE outbox SET mid = ? WHERE seq = ?"_s,
                                 {*mutation.mid, mutation.seq}, u"seal the outbox"_s);
            !s)
            return s.error();
        // From now on the server may know the row: deleting it must be sent.
        if (Status s = m_db.exec(
                u"UPDATE %1 SET pushed = 1 WHERE uuid = ?"_s.arg(entityTable(mutation.entity)),
                {mutation.uuid}, u"seal the outbox"_s);
            !s)
            return s.error();
        batch << mutation;
    }
    if (Status s = m_db.setMeta(u"next_mid"_s, QString::number(nextMid)); !s)
        return s.error();
    qCDebug(lcStore) << "sealed" << toSeal->size() << "mutations up to mid" << nextMid - 1;
    return batch;
}

Status Outbox::acknowledge(qint64 upToMid, ChangeSet& changes) {
    changes.outbox = true;
    return m_db.exec(u"DELETE FROM outbox WHERE mid IS NOT NULL AND mid <= ?"_s, {upToMid},
                     u"update the outbox"_s);
}

Status Outbox::resequence(qint64 firstMid, ChangeSet& changes) {
    changes.outbox = true;
    const Result<QStringList> seqs = m_db.strings(
        u"SELECT seq FROM outbox WHERE mid IS NOT NULL ORDER BY mid"_s, {}, u"read the outbox"_s);
    if (!seqs)
        return seqs.error();
    // mid is UNIQUE: move them all out of the way first.
    if (Status s = m_db.exec(u"UPDATE outbox SET mid = -mid WHERE mid IS NOT NULL"_s, {},
                             u"renumber the outbox"_s);
        !s)
        return s;
    qint64 mid = firstMid;
    for (const QString& seq : *seqs) {
        if (Status s = m_db.exec(u"UPDATE outbox SET mid = ? WHERE seq = ?"_s,
                                 {mid++, seq.toLongLong()}, u"renumber the outbox"_s);
            !s)
            return s;
    }
    qCInfo(lcStore) << "renumbered" << seqs->size() << "sealed mutations from mid" << firstMid;
    return m_db.setMeta(u"next_mid"_s, QString::number(mid));
}

Status Outbox::dropUnsealed(EntityKind kind, const QString& uuid, ChangeSet& changes) {
    changes.outbox = true;
    return m_db.exec(u"DELETE FROM outbox WHERE entity = ? AND uuid = ? AND +mid IS NULL"_s,
                     {entityName(kind), uuid}, u"update the outbox"_s);
}

Status Outbox::restartMids(qint64 nextMid, ChangeSet& changes) {
    changes.outbox = true;
    if (Status s = m_db.exec(u"UPDATE outbox SET mid = NULL WHERE mid IS NOT NULL"_s, {},
                             u"unseal the outbox"_s);
        !s)
        return s;
    return m_db.setMeta(u"next_mid"_s, QString::number(nextMid));
}

Status Outbox::replaceAll(const QList<OutboxMutation>& mutations, ChangeSet& changes) {
    changes.outbox = true;
    if (Status s = m_db.exec(u"DELETE FROM outbox"_s, {}, u"write the outbox"_s); !s)
        return s;
    for (const OutboxMutation& m : mutations) {
        if (Status s = m_db.exec(u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
                                 u"VALUES (?, ?, ?, ?, ?)"_s,
                                 {entityName(m.entity), m.uuid,
                                  m.op == OutboxMutation::Op::Delete ? u"delete"_s : u"upsert"_s,
                                  m.baseVersion, SqlValue::jsonText(m.fields)},
                                 u"write the outbox"_s);
            !s)
            return s;
    }
    return Done{};
}

} // namespace bizy
