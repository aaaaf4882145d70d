#include "SyncPush.h"

#include "data/GoalColumns.h"
#include "data/TaskColumns.h"
#include "db/DbSession.h"
#include "db/PgSql.h"
#include "http/Reply.h"
#include "model/IsoDateTime.h"
#include "rest/VersionCounter.h"
#include "sync/SyncLog.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// A push names relations by uuid; they are stored, merged and stamped as ids.
QString columnOf(const QString& field) {
    if (field == u"parent_goal_uuid"_s)
        return u"parent_goal_id"_s;
    if (field == u"dependency_uuids"_s)
        return u"dependencies"_s;
    return field;
}

QJsonValue nullable(std::optional<qint64> value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject outcome(const PushRequest::Mutation& mutation, const QString& status,
                    std::optional<qint64> version, std::optional<qint64> id) {
    return {{u"mid"_s, mutation.mid},
            {u"status"_s, status},
            {u"version"_s, nullable(version)},
            {u"id"_s, nullable(id)}};
}

QJsonObject applied(const PushRequest::Mutation& mutation, std::optional<qint64> version,
                    std::optional<qint64> id) {
    return outcome(mutation, u"applied"_s, version, id);
}

QJsonObject rejected(const PushRequest::Mutation& mutation, const QString& code,
                     const QString& message) {
    QJsonObject result = outcome(mutation, u"rejected"_s, std::nullopt, std::nullopt);
    result.insert(u"code"_s, code);
    result.insert(u"message"_s, message);
    return result;
}

QString describe(const bizy::FieldErrors& errors) {
    QStringList messages;
    for (const bizy::FieldError& error : errors)
        messages << error.describe();
    return messages.join(u"; "_s);
}

// What one upsert does to a row, field by field.
struct FieldMerge {
    QStringList changedColumns;
    QJsonObject overwritten; // pushed field -> the value that lost

    // `columns` are the entity's merged fields (EntityColumns::mergedFields),
    // names of both the sync JSON and field_versions.
    // `before` is empty for a create. A pushed field overwrote a concurrent
    // change when its column was last written after base_version by someone
    // other than this device (REST counts as someone else).
    static FieldMerge plan(const QStringList& columns, const QJsonObject& before,
                           const QJsonObject& after, const QJsonObject& storedStamps,
                           qint64 storedVersion, const PushRequest::Mutation& mutation,
                           const QJsonObject& pushed, const QString& deviceId) {
        FieldMerge merge;
        const bool creating = before.isEmpty();
        for (const QString& column : columns) {
            if (creating || before.value(column) != after.value(column))
                merge.changedColumns << column;
        }
        if (creating)
            return merge;
        for (auto it = pushed.constBegin(); it != pushed.constEnd(); ++it) {
            const QString& field = it.key();
            if (!columns.contains(columnOf(field)) || before.value(field) == after.value(field))
                continue;
            const QJsonObject stamp = storedStamps.value(columnOf(field)).toObject();
            // Rows written before migration 0003 have no stamps: their version says it all.
            const qint64 lastVersion =
                stamp.isEmpty() ? storedVersion : stamp.value(u"v"_s).toInteger();
            const QString lastDevice = stamp.value(u"d"_s).toString();
            if (lastVersion > mutation.baseVersion && lastDevice != deviceId)
                merge.overwritten.insert(field, before.value(field));
        }
        return merge;
    }

    QJsonObject stamped(QJsonObject stamps, qint64 version, const QString& deviceId) const {
        const QJsonObject stamp{{u"v"_s, version}, {u"d"_s, deviceId}};
        for (const QString& column : changedColumns)
            stamps.insert(column, stamp);
        return stamps;
    }

    QJsonObject result(const PushRequest::Mutation& mutation, qint64 version, qint64 id) const {
        if (overwritten.isEmpty())
            return applied(mutation, version, id);
        QJsonObject answer = outcome(mutation, u"merged"_s, version, id);
        answer.insert(u"overwritten"_s, overwritten);
        return answer;
    }
};

} // namespace

SyncPush::SyncPush(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId)
    , m_rows(db, userId) {}

QHttpServerResponse SyncPush::run(const PushRequest& request) {
    m_deviceId = request.deviceId;
    std::optional<qint64> gapAt;
    QJsonArray results;
    qint64 lastMid = 0;
    qint64 cursor = 0;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        QSqlQuery device = PgSql::run(
            m_db, u"SELECT last_mid FROM sync_devices WHERE user_id = ? AND device_id = ?::uuid"_s,
            {m_userId, m_deviceId});
        const qint64 storedLastMid = device.next() ? device.value(0).toLongLong() : 0;

        // A gap refuses the whole batch before anything is written.
        qint64 expected = storedLastMid + 1;
        for (const Mutation& mutation : request.mutations) {
            if (mutation.mid < expected)
                continue;
            if (mutation.mid != expected) {
                gapAt = expected;
                return;
            }
            ++expected;
        }

        // The device acknowledged every mid below its batch's first one.
        const qint64 firstMid = request.mutations.isEmpty() ? 0 : request.mutations.first().mid;
        PgSql::run(m_db,
                   u"DELETE FROM sync_results WHERE user_id = ? AND device_id = ?::uuid "
                   u"AND mid < ?"_s,
                   {m_userId, m_deviceId, firstMid});
        const QHash<qint64, QJsonObject> earlier = earlierResults(firstMid, storedLastMid);

        lastMid = storedLastMid;
        QJsonArray fresh;
        for (const Mutation& mutation : request.mutations) {
            if (mutation.mid <= lastMid) {
                results.append(earlier.contains(mutation.mid) ? earlier.value(mutation.mid)
                                                              : replayed(mutation));
                continue;
            }
            const QJsonObject result = apply(mutation, counter);
            results.append(result);
            fresh.append(result);
            lastMid = mutation.mid;
        }
        if (!fresh.isEmpty())
            PgSql::run(m_db,
                       u"INSERT INTO sync_results (user_id, device_id, mid, result) "
                       u"SELECT ?, ?::uuid, (r->>'mid')::bigint, r "
                       u"FROM jsonb_array_elements(?::jsonb) AS r"_s,
                       {m_userId, m_deviceId,
                        QString::fromUtf8(QJsonDocument(fresh).toJson(QJsonDocument::Compact))});
        PgSql::run(m_db,
                   u"INSERT INTO sync_devices (user_id, device_id, last_mid, last_push_at) "
                   u"VALUES (?, ?::uuid, ?, now()) ON CONFLICT (user_id, device_id) DO UPDATE "
                   u"SET last_mid = EXCLUDED.last_mid, last_push_at = EXCLUDED.last_push_at"_s,
                   {m_userId, m_deviceId, lastMid});
        counter.store();
        cursor = counter.current();
    });
    if (gapAt)
        return Reply::detail(409, u"mutation gap: expected mid %1"_s.arg(*gapAt));

    qCDebug(lcSync) << "push by user" << m_userId << "device" << m_deviceId << ":" << results.size()
                    << "mutation(s), last_mid" << lastMid << "cursor" << cursor;
    return Reply::json(
        200, QJsonObject{{u"results"_s, results}, {u"last_mid"_s, lastMid}, {u"cursor"_s, cursor}});
}

QJsonObject SyncPush::apply(const Mutation& mutation, VersionCounter& counter) {
    if (mutation.isDelete)
        return remove(mutation, counter);
    if (mutation.entity == u"task"_s)
        return upsertTask(mutation, counter);
    return upsertGoal(mutation, counter);
}

std::optional<QJsonObject> SyncPush::refuseMissingRow(const Mutation& mutation) {
    const auto tombstone = m_rows.tombstoneByUuid(mutation.entity, mutation.uuid);
    if (!tombstone)
        return std::nullopt;
    if (tombstone->ownerId != m_userId)
        return rejected(mutation, u"forbidden"_s, u"This uuid belongs to another user"_s);
    return rejected(
        mutation, u"deleted"_s,
        u"The %1 was deleted (version %2)"_s.arg(mutation.entity).arg(tombstone->version));
}

QJsonObject SyncPush::upsertTask(const Mutation& mutation, VersionCounter& counter) {
    const std::optional<SyncRow<Task>> stored = m_rows.taskByUuid(mutation.uuid);
    if (stored && stored->ownerId != m_userId)
        return rejected(mutation, u"forbidden"_s, u"This uuid belongs to another user"_s);
    if (!stored) {
        if (auto refusal = refuseMissingRow(mutation))
            return *refusal;
    }
    const bizy::ValidatedFields fields = Task::schema().validate(
        mutation.fields,
        stored ? bizy::EntitySchema::Mode::Patch : bizy::EntitySchema::Mode::Create,
        bizy::FromSync);
    if (!fields.ok())
        return rejected(mutation, u"validation"_s, describe(fields.errors));

    const QDateTime now = bizy::IsoDateTime::nowUtc();
    Task task = stored ? stored->entity : Task::create(now);
    if (!stored) {
        task.uuid = mutation.uuid;
        task.userId = m_userId;
    }
    task.applyFields(fields.fields, now);

    if (fields.fields.contains(u"parent_goal_uuid"_s)) {
        task.parentGoalId.reset();
        if (task.parentGoalUuid) {
            task.parentGoalId = m_rows.goalId(*task.parentGoalUuid);
            if (!task.parentGoalId)
                return rejected(
                    mutation, u"validation"_s,
                    u"parent_goal_uuid: Goal %1 not found or doesn't belong to you"_s.arg(
                        *task.parentGoalUuid));
        }
    }
    if (fields.fields.contains(u"dependency_uuids"_s)) {
        task.dependencies.reset();
        if (task.dependencyUuids) {
            if (task.dependencyUuids->contains(task.uuid))
                return rejected(mutation, u"validation"_s,
                                u"dependency_uuids: A task cannot depend on itself"_s);
            const QHash<QString, qint64> ids = m_rows.taskIds(*task.dependencyUuids);
            QList<qint64> dependencies;
            for (const QString& uuid : *task.dependencyUuids) {
                if (!ids.contains(uuid))
                    return rejected(
                        mutation, u"validation"_s,
                        u"dependency_uuids: Dependency task %1 not found or doesn't belong to you"_s
                            .arg(uuid));
                dependencies << ids.value(uuid);
            }
            task.dependencies = dependencies;
        }
    }

    const QJsonObject before = stored ? stored->entity.toSyncJson() : QJsonObject();
    const FieldMerge merge =
        FieldMerge::plan(taskColumns().mergedFields(), before, task.toSyncJson(),
                         stored ? stored->fieldVersions : QJsonObject(),
                         stored ? stored->entity.version : 0, mutation, fields.fields, m_deviceId);
    if (stored && merge.changedColumns.isEmpty())
        return applied(mutation, stored->entity.version, stored->entity.id);

    task.version = counter.next();
    const QJsonObject stamps =
        merge.stamped(stored ? stored->fieldVersions : QJsonObject(), task.version, m_deviceId);
    if (stored)
        m_rows.updateTask(task, stamps);
    else
        m_rows.insertTask(task, stamps);
    return merge.result(mutation, task.version, *task.id);
}

QJsonObject SyncPush::upsertGoal(const Mutation& mutation, VersionCounter& counter) {
    const std::optional<SyncRow<Goal>> stored = m_rows.goalByUuid(mutation.uuid);
    if (stored && stored->ownerId != m_userId)
        return rejected(mutation, u"forbidden"_s, u"This uuid belongs to another user"_s);
    if (!stored) {
        if (auto refusal = refuseMissingRow(mutation))
            return *refusal;
    }
    const bizy::ValidatedFields fields = Goal::schema().validate(
        mutation.fields,
        stored ? bizy::EntitySchema::Mode::Patch : bizy::EntitySchema::Mode::Create,
        bizy::FromSync);
    if (!fields.ok())
        return rejected(mutation, u"validation"_s, describe(fields.errors));

    const QDateTime now = bizy::IsoDateTime::nowUtc();
    Goal goal = stored ? stored->entity : Goal::create(now);
    if (!stored) {
        goal.uuid = mutation.uuid;
        goal.userId = m_userId;
    }
    const bizy::GoalStatus statusBefore = goal.status;
    goal.applyFields(fields.fields, now);

    if (fields.fields.contains(u"parent_goal_uuid"_s)) {
        goal.parentGoalId.reset();
        if (goal.parentGoalUuid) {
            if (*goal.parentGoalUuid == goal.uuid)
                return rejected(mutation, u"cycle"_s, u"A goal cannot be its own parent"_s);
            goal.parentGoalId = m_rows.goalId(*goal.parentGoalUuid);
            if (!goal.parentGoalId)
                return rejected(
                    mutation, u"validation"_s,
                    u"parent_goal_uuid: Parent goal %1 not found or doesn't belong to you"_s.arg(
                        *goal.parentGoalUuid));
            // A new goal has no descendants yet.
            if (stored && m_rows.isWithin(*goal.parentGoalId, *goal.id))
                return rejected(mutation, u"cycle"_s,
                                u"Cannot create circular reference: parent goal is a descendant "
                                u"of this goal"_s);
        }
    }
    // Leaving `completed` gives the goal back the progress its tree earns.
    if (stored && goal.leftCompleted(statusBefore) &&
        !fields.fields.contains(u"progress_percentage"_s))
        goal.progressPercentage = m_rows.computeProgress(*goal.id);

    const QJsonObject before = stored ? stored->entity.toSyncJson() : QJsonObject();
    const FieldMerge merge =
        FieldMerge::plan(goalColumns().mergedFields(), before, goal.toSyncJson(),
                         stored ? stored->fieldVersions : QJsonObject(),
                         stored ? stored->entity.version : 0, mutation, fields.fields, m_deviceId);
    if (stored && merge.changedColumns.isEmpty())
        return applied(mutation, stored->entity.version, stored->entity.id);

    goal.version = counter.next();
    const QJsonObject stamps =
        merge.stamped(stored ? stored->fieldVersions : QJsonObject(), goal.version, m_deviceId);
    if (stored)
        m_rows.updateGoal(goal, stamps);
    else
        m_rows.insertGoal(goal, stamps);
    return merge.result(mutation, goal.version, *goal.id);
}

QJsonObject SyncPush::remove(const Mutation& mutation, VersionCounter& counter) {
    const bool isTask = mutation.entity == u"task"_s;
    std::optional<qint64> id;
    qint64 ownerId = 0;
    if (isTask) {
        if (const auto row = m_rows.taskByUuid(mutation.uuid)) {
            id = row->entity.id;
            ownerId = row->ownerId;
        }
    } else if (const auto row = m_rows.goalByUuid(mutation.uuid)) {
        id = row->entity.id;
        ownerId = row->ownerId;
    }
    if (id && ownerId != m_userId)
        return rejected(mutation, u"forbidden"_s, u"This uuid belongs to another user"_s);

    if (!id) {
        const auto tombstone = m_rows.tombstoneByUuid(mutation.entity, mutation.uuid);
        if (tombstone && tombstone->ownerId != m_userId)
            return rejected(mutation, u"forbidden"_s, u"This uuid belongs to another user"_s);
        // Deleting what is already deleted changes nothing.
        if (tombstone)
            return applied(mutation, tombstone->version, std::nullopt);
        // Never seen here (created and deleted before one push): the tombstone
        // still tells a late create of this uuid that it is gone.
    } else if (isTask) {
        m_rows.deleteTask(*id, counter);
    } else {
        m_rows.deleteGoal(*id, counter);
    }
    // A delete beats a concurrent edit: base_version does not matter.
    counter.writeTombstone(mutation.entity, mutation.uuid, bizy::IsoDateTime::nowUtc());
    return applied(mutation, counter.current(), id);
}

QHash<qint64, QJsonObject> SyncPush::earlierResults(qint64 fromMid, qint64 toMid) {
    QHash<qint64, QJsonObject> results;
    if (fromMid > toMid)
        return results;
    QSqlQuery rows = PgSql::run(m_db,
                                u"SELECT mid, result::text FROM sync_results WHERE user_id = ? "
                                u"AND device_id = ?::uuid AND mid BETWEEN ? AND ?"_s,
                                {m_userId, m_deviceId, fromMid, toMid});
    while (rows.next())
        results.insert(rows.value(0).toLongLong(),
                       QJsonDocument::fromJson(rows.value(1).toString().toUtf8()).object());
    return results;
}

QJsonObject SyncPush::replayed(const Mutation& mutation) {
    std::optional<qint64> version;
    std::optional<qint64> id;
    qint64 ownerId = 0;
    if (mutation.entity == u"task"_s) {
        if (const auto row = m_rows.taskByUuid(mutation.uuid)) {
            version = row->entity.version;
            id = row->entity.id;
            ownerId = row->ownerId;
        }
    } else if (const auto row = m_rows.goalByUuid(mutation.uuid)) {
        version = row->entity.version;
        id = row->entity.id;
        ownerId = row->ownerId;
    }
    if (id && ownerId == m_userId)
        return applied(mutation, version, id);
    const auto tombstone = m_rows.tombstoneByUuid(mutation.entity, mutation.uuid);
    if (!id && tombstone && tombstone->ownerId == m_userId)
        return applied(mutation, tombstone->version, std::nullopt);
    return applied(mutation, std::nullopt, std::nullopt);
}

} // namespace bizy::server
