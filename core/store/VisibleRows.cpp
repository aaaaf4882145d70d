#include "VisibleRows.h"

#include "ChangeSet.h"
#include "EntityTable.h"
#include "GoalTable.h"
#include "Outbox.h"
#include "ServerCopies.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "TaskTable.h"
#include "sync/Reconcile.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bizy {

VisibleRows::VisibleRows(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox,
                         ServerCopies& copies)
    : m_db(db)
    , m_tasks(tasks)
    , m_goals(goals)
    , m_outbox(outbox)
    , m_copies(copies) {}

namespace {

template <typename Row> QString directWriteSql(const ColumnTable<Row>& table) {
    return u"INSERT INTO %1 (%2, pushed) SELECT %3, 1 FROM json_each(?) f "
           u"JOIN server_rows s ON s.entity = ? AND s.uuid = f.value WHERE true ORDER BY f.key "_s
               .arg(table.table(), table.selectList(),
                    table.jsonProjection(
                        u"s.json", {{u"uuid"_s, u"s.uuid"_s}, {u"version"_s, u"s.version"_s}})) +
           table.upsertClause();
}

template <typename Row> QString rowsWriteSql(const ColumnTable<Row>& table) {
    return u"INSERT INTO %1 (%2, pushed) SELECT %3, 1 FROM json_each(?) WHERE true ORDER BY key "_s
               .arg(table.table(), table.selectList(), table.arrayProjection(u"value")) +
           table.upsertClause();
}

} // namespace

Result<VisibleRows::Pass> VisibleRows::startPass(ChangeSet& changes) {
    Pass pass;
    pass.changes = &changes;
    const Result<bool> orphans = m_copies.hasOrphans();
    if (!orphans)
        return orphans.error();
    pass.orphansMayExist = *orphans;
    return pass;
}

Result<bool> VisibleRows::goalKnown(Pass& pass, const QString& uuid) {
    if (pass.knownGoals.contains(uuid))
        return true;
    const Result<bool> exists = m_goals.exists(uuid);
    if (exists && *exists)
        pass.knownGoals.insert(uuid);
    return exists;
}

Result<std::optional<VisibleRows::Visible>> VisibleRows::find(EntityKind kind,
                                                              const QString& uuid) {
    Result<QHash<QString, Visible>> found = findAll(kind, SqlValue::jsonText(QJsonArray{uuid}));
    if (!found)
        return found.error();
    const auto it = found->constFind(uuid);
    return it == found->constEnd() ? std::optional<Visible>() : std::optional<Visible>(*it);
}

Result<QHash<QString, VisibleRows::Visible>> VisibleRows::findAll(EntityKind kind,
                                                                  const QString& uuidsJson) {
    bool ok = false;
    QSqlQuery& q =
        m_db.query(u"SELECT uuid, %1, updated_at FROM %2 "
                   u"WHERE uuid IN (SELECT value FROM json_each(?))"_s.arg(
                       kind == EntityKind::Task ? u"tags"_s : u"NULL"_s, entityTable(kind)),
                   {uuidsJson}, &ok);
    if (!ok)
        return m_db.storageError(q, u"read the rows of a pulled page"_s);
    QHash<QString, Visible> visible;
    while (q.next())
        visible.insert(q.value(0).toString(),
                       {SqlValue::toStringList(q.value(1)), SqlValue::toRequiredTime(q.value(2))});
    q.finish();
    return visible;
}

Result<QJsonObject> VisibleRows::snapshotOf(EntityKind kind, const QString& uuid) {
    if (kind == EntityKind::Task) {
        const Result<std::optional<Task>> task = m_tasks.find(uuid);
        if (!task)
            return task.error();
        return *task ? (*task)->toSyncJson() : QJsonObject();
    }
    const Result<std::optional<Goal>> goal = m_goals.find(uuid);
    if (!goal)
        return goal.error();
    return *goal ? (*goal)->toSyncJson() : QJsonObject();
}

Status VisibleRows::applyServerRow(Pass& pass, const ServerRow& row,
                                   const QList<OutboxMutation>& pending,
                                   const std::optional<Visible>& visible, bool parentKnown) {
    pass.batch->copies.append(row.json);
    if (!pending.isEmpty() || !parentKnown)
        return rebuild(pass, row.entity, row.uuid, ServerCopy{row.version, row.json, true}, pending,
                       visible);
    // Nothing to replay and the parent is here: the row is the server's,
    // written straight from its copy by flushBatch().
    pass.batch->direct.append(row.uuid);
    if (row.entity == EntityKind::Task) {
        const QJsonValue tags = row.json.value(u"tags"_s);
        const std::optional<QStringList> newTags =
            tags.isArray() ? std::optional<QStringList>(tags.toVariant().toStringList())
                           : std::nullopt;
        if (visible ? visible->tags != newTags : (newTags && !newTags->isEmpty()))
            pass.batch->retagged.append(row.uuid);
    } else {
        pass.knownGoals.insert(row.uuid);
    }
    if (pass.orphansMayExist) {
        if (Status s = m_copies.forgetOrphan(row.entity, row.uuid); !s)
            return s;
    }
    pass.changes->touch(row.entity, row.uuid);
    return Done{};
}

Status VisibleRows::rebuild(Pass& pass, EntityKind kind, const QString& uuid,
                            const std::optional<ServerCopy>& copy,
                            const QList<OutboxMutation>& pending,
                            const std::optional<Visible>& visible) {
    QJsonObject base;
    switch (Reconcile::rebuildBase(pending, copy, visible.has_value())) {
    case Reconcile::RebuildBase::RemoveRow:
        return remove(pass, kind, uuid);
    case Reconcile::RebuildBase::Keep:
        return Done{};
    case Reconcile::RebuildBase::Copy:
        base = copy->json;
        break;
    case Reconcile::RebuildBase::CopyOverVisible: {
        const Result<QJsonObject> snapshot = snapshotOf(kind, uuid);
        if (!snapshot)
            return snapshot.error();
        base = *snapshot;
        for (auto it = copy->json.constBegin(); it != copy->json.constEnd(); ++it)
            base.insert(it.key(), it.value());
        break;
    }
    }
    const std::optional<QDateTime> visibleUpdatedAt =
        visible ? std::optional(visible->updatedAt) : std::nullopt;
    const auto placed = [&](auto& row) -> Status {
        // Stored without its parent until the goal arrives.
        if (row.parentGoalUuid) {
            const Result<bool> known = goalKnown(pass, *row.parentGoalUuid);
            if (!known)
                return known.error();
            if (!*known) {
                pass.orphansMayExist = true;
                if (Status s = m_copies.rememberOrphan(kind, uuid, *row.parentGoalUuid); !s)
                    return s;
                row.parentGoalUuid.reset();
                return Done{};
            }
        }
        if (pass.orphansMayExist)
            return m_copies.forgetOrphan(kind, uuid);
        return Done{};
    };
    if (kind == EntityKind::Task) {
        Result<Task> task =
            Reconcile::replayTask(uuid, base, pending, visibleUpdatedAt, copy->version);
        if (!task)
            return task.error();
        if (Status s = placed(task.value()); !s)
            return s;
        if (Status s = saveRebuilt(pass, *task, visible); !s)
            return s;
    } else {
        Result<Goal> goal =
            Reconcile::replayGoal(uuid, base, pending, visibleUpdatedAt, copy->version);
        if (!goal)
            return goal.error();
        if (Status s = placed(goal.value()); !s)
            return s;
        if (Status s = saveRebuilt(pass, *goal, visible); !s)
            return s;
        pass.knownGoals.insert(uuid);
    }
    pass.changes->touch(kind, uuid);
    return Done{};
}

template <typename Row>
Status VisibleRows::saveRebuilt(Pass& pass, const Row& row, const std::optional<Visible>& visible) {
    if constexpr (std::is_same_v<Row, Task>) {
        const bool tagsChanged =
            visible ? visible->tags != row.tags : (row.tags && !row.tags->isEmpty());
        if (!pass.batch)
            return visible ? m_tasks.update(row, tagsChanged, true) : m_tasks.insert(row, true);
        pass.batch->rows.append(QJsonArray::fromVariantList(TaskTable::columns().values(row)));
        if (tagsChanged)
            pass.batch->retagged.append(row.uuid);
    } else {
        if (!pass.batch)
            return visible ? m_goals.update(row, true) : m_goals.insert(row, true);
        pass.batch->rows.append(QJsonArray::fromVariantList(GoalTable::columns().values(row)));
    }
    return Done{};
}

Status VisibleRows::rebuildFromStore(Pass& pass, EntityKind kind, const QString& uuid) {
    const Result<std::optional<ServerCopy>> copy = m_copies.find(kind, uuid);
    if (!copy)
        return copy.error();
    const Result<QList<OutboxMutation>> pending = m_outbox.pendingFor(kind, uuid);
    if (!pending)
        return pending.error();
    const Result<std::optional<Visible>> visible = find(kind, uuid);
    if (!visible)
        return visible.error();
    return rebuild(pass, kind, uuid, *copy, *pending, *visible);
}

Status VisibleRows::remove(Pass& pass, EntityKind kind, const QString& uuid) {
    if (kind == EntityKind::Goal) {
        for (const EntityKind childKind : {EntityKind::Task, EntityKind::Goal}) {
            const QString& table = entityTable(childKind);
            const Result<QStringList> children =
                m_db.strings(u"SELECT uuid FROM %1 WHERE parent_goal_uuid = ?"_s.arg(table), {uuid},
                             u"detach the goal's children"_s);
            if (!children)
                return children.error();
            if (children->isEmpty())
                continue;
            if (Status s = m_db.exec(u"UPDATE %1 SET parent_goal_uuid = NULL, parent_goal_id = "
                                     u"NULL WHERE parent_goal_uuid = ?"_s.arg(table),
                                     {uuid}, u"detach the goal's children"_s);
                !s)
                return s;
            pass.changes->touch(childKind, *children);
        }
        pass.knownGoals.remove(uuid);
        if (pass.orphansMayExist) {
            // The goal will not come back: nobody waits for it any more.
            if (Status s = m_copies.forgetOrphansOf(uuid); !s)
                return s;
        }
    }
    if (pass.orphansMayExist) {
        if (Status s = m_copies.forgetOrphan(kind, uuid); !s)
            return s;
    }
    QSqlQuery& q = m_db.prepared(u"DELETE FROM %1 WHERE uuid = ?"_s.arg(entityTable(kind)));
    if (!StoreDatabase::run(q, {uuid}))
        return m_db.storageError(q, u"remove a row"_s);
    const bool removed = q.numRowsAffected() > 0;
    q.finish();
    if (removed)
        pass.changes->touch(kind, uuid);
    return Done{};
}

Status VisibleRows::flush(Pass& pass, EntityKind kind) {
    if (!pass.batch)
        return Done{};
    const Pass::Batch batch = std::exchange(*pass.batch, Pass::Batch{});
    if (Status s = m_copies.saveAll(kind, batch.copies); !s)
        return s;
    if (!batch.direct.isEmpty()) {
        if (Status s = writeDirect(kind, SqlValue::jsonText(batch.direct)); !s)
            return s;
    }
    if (!batch.rows.isEmpty()) {
        if (Status s = writeRows(kind, SqlValue::jsonText(batch.rows)); !s)
            return s;
    }
    if (batch.retagged.isEmpty())
        return Done{};
    const QString retagged = SqlValue::jsonText(batch.retagged);
    if (Status s = m_db.exec(u"DELETE FROM task_tags WHERE task_id IN (SELECT row_id FROM tasks "
                             u"WHERE uuid IN (SELECT value FROM json_each(?)))"_s,
                             {retagged}, u"save the pulled tasks' tags"_s);
        !s)
        return s;
    return m_db.exec(u"INSERT OR IGNORE INTO task_tags (tag, task_id) "
                     u"SELECT j.value, t.row_id FROM json_each(?) r "
                     u"JOIN tasks t ON t.uuid = r.value, json_each(t.tags) j "
                     u"WHERE t.tags IS NOT NULL"_s,
                     {retagged}, u"save the pulled tasks' tags"_s);
}
// Visible rows straight from their server copies (uuids in page order).
Status VisibleRows::writeDirect(EntityKind kind, const QString& uuidsJson) {
    static const QString tasks = directWriteSql(TaskTable::columns());
    static const QString goals = directWriteSql(GoalTable::columns());
    return m_db.exec(kind == EntityKind::Task ? tasks : goals, {uuidsJson, entityName(kind)},
                     kind == EntityKind::Task ? u"save the pulled tasks"_s
                                              : u"save the pulled goals"_s);
}
// Rebuilt visible rows: ColumnTable::values() of each, in order.
Status VisibleRows::writeRows(EntityKind kind, const QString& rowsJson) {
    static const QString tasks = rowsWriteSql(TaskTable::columns());
    static const QString goals = rowsWriteSql(GoalTable::columns());
    return m_db.exec(kind == EntityKind::Task ? tasks : goals, {rowsJson},
                     kind == EntityKind::Task ? u"save the pulled tasks"_s
                                              : u"save the pulled goals"_s);
}

Status VisibleRows::learnGoals(Pass& pass, QStringList uuids) {
    if (uuids.isEmpty())
        return Done{};
    uuids.removeDuplicates();
    const Result<QStringList> present =
        m_db.strings(u"SELECT uuid FROM goals WHERE uuid IN (SELECT value FROM json_each(?))"_s,
                     {SqlValue::jsonText(QJsonArray::fromStringList(uuids))},
                     u"read the rows of a pulled page"_s);
    if (!present)
        return present.error();
    for (const QString& goal : *present)
        pass.knownGoals.insert(goal);
    return Done{};
}

} // namespace bizy
