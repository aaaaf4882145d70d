#include "ConflictJournal.h"

#include "ChangeSet.h"
#include "EntityTable.h"
#include "GoalTree.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "TaskStore.h"
#include "model/IsoDateTime.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

QString kindName(ConflictEntry::Kind kind) {
    switch (kind) {
    case ConflictEntry::Kind::Overwritten:
        return u"overwritten"_s;
    case ConflictEntry::Kind::Rejected:
        return u"rejected"_s;
    case ConflictEntry::Kind::DeletedElsewhere:
        return u"deleted_elsewhere"_s;
    }
    return u"rejected"_s;
}

ConflictEntry::Kind kindFromName(const QString& name) {
    if (name == u"overwritten")
        return ConflictEntry::Kind::Overwritten;
    if (name == u"deleted_elsewhere")
        return ConflictEntry::Kind::DeletedElsewhere;
    return ConflictEntry::Kind::Rejected;
}

} // namespace

ConflictJournal::ConflictJournal(StoreDatabase& db, TaskStore& tasks, GoalTree& goals)
    : m_db(db)
    , m_tasks(tasks)
    , m_goals(goals) {}

Status ConflictJournal::add(ConflictEntry::Kind kind, EntityKind entity, const QString& uuid,
                            const QString& code, const QString& message, const QJsonObject& fields,
                            const QJsonObject& snapshot, ChangeSet& changes) {
    ++changes.conflictsAdded;
    changes.journal = true;
    return m_db.exec(u"INSERT INTO conflicts (kind, entity, uuid, code, message, fields, "
                     u"snapshot, created_at) VALUES (?, ?, ?, coalesce(?, ''), coalesce(?, ''), "
                     u"?, ?, ?)"_s,
                     {kindName(kind), entityName(entity), uuid, code, message,
                      SqlValue::jsonText(fields), SqlValue::jsonText(snapshot),
                      SqlValue::from(IsoDateTime::nowUtc())},
                     u"write the conflict journal"_s);
}

Result<QList<ConflictEntry>> ConflictJournal::select(const QString& tail,
                                                     const QVariantList& values) {
    bool ok = false;
    QSqlQuery& q = m_db.query(u"SELECT id, kind, entity, uuid, code, message, fields, snapshot, "
                              u"created_at FROM conflicts "_s +
                                  tail,
                              values, &ok);
    if (!ok)
        return m_db.storageError(q, u"read the conflict journal"_s);
    QList<ConflictEntry> entries;
    while (q.next()) {
        ConflictEntry entry;
        entry.id = q.value(0).toLongLong();
        entry.kind = kindFromName(q.value(1).toString());
        entry.entity = entityKindFromName(q.value(2).toString()).value_or(EntityKind::Task);
        entry.uuid = q.value(3).toString();
        entry.code = q.value(4).toString();
        entry.message = q.value(5).toString();
        entry.fields = SqlValue::jsonObject(q.value(6));
        entry.snapshot = SqlValue::jsonObject(q.value(7));
        entry.createdAt = SqlValue::toRequiredTime(q.value(8));
        entries << entry;
    }
    q.finish();
    return entries;
}

Result<QList<ConflictEntry>> ConflictJournal::all() {
    return select(u"ORDER BY id DESC"_s, {});
}

Result<qsizetype> ConflictJournal::count() {
    const Result<QVariant> count =
        m_db.scalar(u"SELECT count(*) FROM conflicts"_s, {}, u"read the conflict journal"_s);
    if (!count)
        return count.error();
    return qsizetype(count->toLongLong());
}

Status ConflictJournal::dismiss(qint64 id, ChangeSet& changes) {
    changes.journal = true;
    QSqlQuery& q = m_db.prepared(u"DELETE FROM conflicts WHERE id = ?"_s);
    if (!StoreDatabase::run(q, {id}))
        return m_db.storageError(q, u"update the conflict journal"_s);
    const bool removed = q.numRowsAffected() > 0;
    q.finish();
    if (!removed)
        return Error::make(Error::Code::NotFound, u"Conflict %1 not found"_s.arg(id));
    return Done{};
}

Status ConflictJournal::restore(qint64 id, const QDateTime& now, ChangeSet& changes) {
    const Result<QList<ConflictEntry>> found = select(u"WHERE id = ?"_s, {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::make(Error::Code::NotFound, u"Conflict %1 not found"_s.arg(id));
    const ConflictEntry& entry = found->first();
    changes.journal = true;
    const bool isTask = entry.entity == EntityKind::Task;
    const EntitySchema& schema = isTask ? Task::schema() : Goal::schema();

    // A parent that no longer exists is dropped; the rest comes back.
    const auto withoutLostParent = [&](QJsonObject fields) -> Result<QJsonObject> {
        const QJsonValue parent = fields.value(u"parent_goal_uuid"_s);
        if (!parent.isString())
            return fields;
        const Result<Goal> goal = m_goals.get(parent.toString());
        if (!goal && goal.error().code != Error::Code::NotFound)
            return goal.error();
        if (!goal)
            fields.remove(u"parent_goal_uuid"_s);
        return fields;
    };
    const Result<QJsonObject> lost =
        withoutLostParent(schema.writableFields(entry.fields, FromSync));
    if (!lost)
        return lost.error();

    const Result<QVariant> exists =
        m_db.scalar(u"SELECT 1 FROM %1 WHERE uuid = ?"_s.arg(entityTable(entry.entity)),
                    {entry.uuid}, u"read the row of a conflict"_s);
    if (!exists)
        return exists.error();
    if (!exists->isNull()) {
        if (isTask) {
            if (Result<Task> r = m_tasks.update(entry.uuid, *lost, now, changes); !r)
                return r.error();
        } else if (Result<Goal> r = m_goals.update(entry.uuid, *lost, now, changes); !r) {
            return r.error();
        }
    } else {
        // Created anew: the old uuid is gone for good on the server.
        QJsonObject fields = schema.writableFields(entry.snapshot, FromSync);
        for (auto it = lost->constBegin(); it != lost->constEnd(); ++it)
            fields.insert(it.key(), it.value());
        const Result<QJsonObject> restorable = withoutLostParent(fields);
        if (!restorable)
            return restorable.error();
        if (isTask) {
            if (Result<Task> r = m_tasks.create(*restorable, now, changes); !r)
                return r.error();
        } else if (Result<Goal> r = m_goals.create(*restorable, now, changes); !r) {
            return r.error();
        }
    }
    return m_db.exec(u"DELETE FROM conflicts WHERE id = ?"_s, {id},
                     u"update the conflict journal"_s);
}

} // namespace bizy
