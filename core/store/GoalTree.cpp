#include "GoalTree.h"

#include "ChangeSet.h"
#include "GoalTable.h"
#include "Outbox.h"
#include "StoreDatabase.h"
#include "TaskStore.h"
#include "TaskTable.h"
#include "model/GoalProgress.h"

#include <QSqlQuery>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// Recursive walks stop here even if a damaged file holds a loop.
constexpr int kMaxDepth = 10000;

const QString kOrder = u" ORDER BY target_key, created_at DESC"_s;

QJsonObject syncFields(const Goal& goal) {
    return Goal::schema().writableFields(goal.toSyncJson(), FromSync);
}

QJsonObject changedFields(const QJsonObject& before, const QJsonObject& after) {
    QJsonObject changed;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    return changed;
}

Error cycleError(const QString& message) {
    return Error{
        Error::Code::Cycle, message, {FieldError::valueError(u"parent_goal_uuid"_s, message)}};
}

} // namespace

GoalTree::GoalTree(StoreDatabase& db, GoalTable& goals, TaskStore& tasks, Outbox& outbox)
    : m_db(db)
    , m_goals(goals)
    , m_tasks(tasks)
    , m_outbox(outbox) {}

Result<Goal> GoalTree::get(const QString& uuid) {
    Result<std::optional<Goal>> found = m_goals.find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::make(Error::Code::NotFound, u"Goal %1 not found"_s.arg(uuid));
    return std::move(**found);
}

Result<Goal> GoalTree::save(const Goal& before, const Goal& after, ChangeSet& changes) {
    const QJsonObject changed = changedFields(syncFields(before), syncFields(after));
    if (changed.isEmpty())
        return before;
    if (Status s = m_goals.update(after); !s)
        return s.error();
    if (Status s =
            m_outbox.recordEdit(EntityKind::Goal, after.uuid, changed, before.version, changes);
        !s)
        return s.error();
    changes.goals << after.uuid;
    return after;
}

Result<Goal> GoalTree::create(const QJsonObject& fields, const QDateTime& now, ChangeSet& changes,
                              const QString& uuid) {
    const ValidatedFields validated =
        Goal::schema().validate(fields, EntitySchema::Mode::Create, FromSync);
    if (!validated.ok())
        return Error::validation(validated.errors);
    Goal goal = Goal::create(now);
    if (!uuid.isEmpty())
        goal.uuid = uuid;
    goal.applyFields(validated.fields, now);
    if (goal.parentGoalUuid) {
        const Result<bool> exists = m_goals.exists(*goal.parentGoalUuid);
        if (!exists)
            return exists.error();
        if (!*exists)
            return Error::validation({FieldError::valueError(
                u"parent_goal_uuid"_s, u"Parent goal %1 not found"_s.arg(*goal.parentGoalUuid))});
    }
    if (Status s = m_goals.insert(goal); !s)
        return s.error();
    if (Status s = m_outbox.recordCreate(EntityKind::Goal, goal.uuid, syncFields(goal), changes);
        !s)
        return s.error();
    changes.goals << goal.uuid;
    return goal;
}

Status GoalTree::checkParent(const QString& uuid, const QString& parentUuid) {
    if (parentUuid == uuid)
        return cycleError(u"A goal cannot be its own parent"_s);
    const Result<bool> exists = m_goals.exists(parentUuid);
    if (!exists)
        return exists.error();
    if (!*exists)
        return Error::validation({FieldError::valueError(
            u"parent_goal_uuid"_s, u"Parent goal %1 not found"_s.arg(parentUuid))});
    const Result<QStringList> below = subtreeUuids(uuid);
    if (!below)
        return below.error();
    if (below->contains(parentUuid))
        return cycleError(
            u"Cannot create circular reference: parent goal is a descendant of this goal"_s);
    return Done{};
}

Result<Goal> GoalTree::update(const QString& uuid, const QJsonObject& fields, const QDateTime& now,
                              ChangeSet& changes) {
    const ValidatedFields validated =
        Goal::schema().validate(fields, EntitySchema::Mode::Patch, FromSync);
    if (!validated.ok())
        return Error::validation(validated.errors);
    Result<Goal> before = get(uuid);
    if (!before)
        return before;
    const QJsonValue parent = validated.fields.value(u"parent_goal_uuid"_s);
    if (parent.isString()) {
        if (Status s = checkParent(uuid, parent.toString()); !s)
            return s.error();
    }
    Goal after = *before;
    after.applyFields(validated.fields, now);
    // Leaving `completed` gives the goal back the progress its tree has.
    if (after.leftCompleted(before->status) &&
        !validated.fields.contains(u"progress_percentage"_s)) {
        const Result<double> progress = progressFromChildren(uuid);
        if (!progress)
            return progress.error();
        after.progressPercentage = *progress;
    }
    return save(*before, after, changes);
}

Status GoalTree::remove(const QString& uuid, const QDateTime& now, ChangeSet& changes) {
    Result<Goal> goal = get(uuid);
    if (!goal)
        return goal.error();
    // Children live on at the root; each records that through the outbox so
    // no queued change still points at the deleted goal.
    const QJsonObject noParent{{u"parent_goal_uuid"_s, QJsonValue::Null}};
    const Result<QStringList> tasks = m_db.strings(
        u"SELECT uuid FROM tasks WHERE parent_goal_uuid = ?"_s, {uuid}, u"read the goal's tasks"_s);
    if (!tasks)
        return tasks.error();
    for (const QString& task : *tasks) {
        if (Result<Task> r = m_tasks.update(task, noParent, now, changes); !r)
            return r.error();
    }
    const Result<QStringList> subgoals =
        m_db.strings(u"SELECT uuid FROM goals WHERE parent_goal_uuid = ?"_s, {uuid},
                     u"read the goal's sub-goals"_s);
    if (!subgoals)
        return subgoals.error();
    for (const QString& subgoal : *subgoals) {
        if (Result<Goal> r = update(subgoal, noParent, now, changes); !r)
            return r.error();
    }
    if (Status s = m_outbox.recordDelete(EntityKind::Goal, uuid, goal->version, changes); !s)
        return s;
    changes.goals << uuid;
    return m_db.exec(u"DELETE FROM goals WHERE uuid = ?"_s, {uuid}, u"delete the goal"_s);
}

Result<QList<Goal>> GoalTree::all() {
    return m_goals.select(kOrder, {});
}

Result<QList<Goal>> GoalTree::children(const QString& parentUuid) {
    if (parentUuid.isEmpty())
        return m_goals.select(u"WHERE parent_goal_uuid IS NULL"_s + kOrder, {});
    return m_goals.select(u"WHERE parent_goal_uuid = ?"_s + kOrder, {parentUuid});
}

Result<QList<Goal>> GoalTree::ancestors(const QString& uuid) {
    static const QString sql =
        u"WITH RECURSIVE up(uuid, depth) AS (SELECT parent_goal_uuid, 1 FROM goals WHERE uuid = ? "
        u"UNION ALL SELECT g.parent_goal_uuid, up.depth + 1 FROM goals g JOIN up "
        u"ON g.uuid = up.uuid WHERE up.depth < ?) SELECT "_s +
        GoalTable::columns().selectList(u"g") +
        u" FROM up JOIN goals g ON g.uuid = up.uuid ORDER BY up.depth"_s;
    return m_goals.query(sql, {uuid, kMaxDepth});
}

Result<QList<Goal>> GoalTree::subtree(const QString& uuid) {
    static const QString sql =
        u"WITH RECURSIVE down(uuid, depth) AS (SELECT uuid, 0 FROM goals WHERE uuid = ? "
        u"UNION ALL SELECT g.uuid, down.depth + 1 FROM goals g JOIN down "
        u"ON g.parent_goal_uuid = down.uuid WHERE down.depth < ?) SELECT "_s +
        GoalTable::columns().selectList(u"g") +
        u" FROM down JOIN goals g ON g.uuid = down.uuid ORDER BY down.depth"_s;
    return m_goals.query(sql, {uuid, kMaxDepth});
}

Result<QStringList> GoalTree::subtreeUuids(const QString& uuid) {
    return m_db.strings(
        u"WITH RECURSIVE down(uuid, depth) AS (SELECT uuid, 0 FROM goals WHERE uuid = ? "
        u"UNION ALL SELECT g.uuid, down.depth + 1 FROM goals g JOIN down "
        u"ON g.parent_goal_uuid = down.uuid WHERE down.depth < ?) "
        u"SELECT uuid FROM down ORDER BY depth"_s,
        {uuid, kMaxDepth}, u"read the goal tree"_s);
}

Result<double> GoalTree::progressFromChildren(const QString& uuid) {
    bool ok = false;
    QSqlQuery& counts = m_db.query(u"SELECT count(*), coalesce(sum(status = 'completed'), 0) "
                                   u"FROM tasks WHERE parent_goal_uuid = ?"_s,
                                   {uuid}, &ok);
    if (!ok)
        return m_db.storageError(counts, u"read the goal's tasks"_s);
    qint64 total = 0;
    qint64 completed = 0;
    if (counts.next()) {
        total = counts.value(0).toLongLong();
        completed = counts.value(1).toLongLong();
    }
    counts.finish();
    QSqlQuery& children = m_db.query(
        u"SELECT progress_percentage FROM goals WHERE parent_goal_uuid = ?"_s, {uuid}, &ok);
    if (!ok)
        return m_db.storageError(children, u"read the goal's sub-goals"_s);
    QList<double> subgoals;
    while (children.next())
        subgoals << children.value(0).toDouble();
    children.finish();
    return GoalProgress::compute(total, completed, subgoals);
}

Result<Goal> GoalTree::recalculate(const QString& uuid, const QDateTime& now, ChangeSet& changes) {
    Result<Goal> before = get(uuid);
    if (!before)
        return before;
    return recompute(*before, Completion::AtHundred, now, changes);
}

Result<Goal> GoalTree::recompute(const Goal& before, Completion completion, const QDateTime& now,
                                 ChangeSet& changes) {
    const Result<double> progress = progressFromChildren(before.uuid);
    if (!progress)
        return progress.error();
    QJsonObject fields{{u"progress_percentage"_s, *progress}};
    if (completion == Completion::AtHundred && *progress >= 100 &&
        before.status == GoalStatus::Active)
        fields.insert(u"status"_s, u"completed"_s);
    Goal after = before;
    after.applyFields(fields, now);
    return save(before, after, changes);
}

Status GoalTree::rollUp(const QStringList& goalUuids, const QDateTime& now, ChangeSet& changes) {
    QStringList done;
    for (const QString& start : goalUuids) {
        if (start.isEmpty() || done.contains(start))
            continue;
        // A goal that is gone (deleted with the edit) has nothing to roll up.
        Result<Goal> goal = get(start);
        if (!goal) {
            if (goal.error().code == Error::Code::NotFound)
                continue;
            return goal.error();
        }
        for (int depth = 0; depth <= kMaxDepth; ++depth) {
            // A completed goal keeps its 100 until it is reopened (then the
            // rule applies again); the rest show what their tasks say, and
            // reaching 100 this way completes nothing: that stays a person's
            // call (or calculate-progress's, as the contract has it).
            Result<Goal> updated = goal->status == GoalStatus::Completed
                                       ? goal
                                       : recompute(*goal, Completion::Never, now, changes);
            if (!updated)
                return updated.error();
            done << updated->uuid;
            if (!updated->parentGoalUuid)
                break;
            goal = get(*updated->parentGoalUuid);
            if (!goal)
                return goal.error().code == Error::Code::NotFound ? Status(Done{}) : goal.error();
        }
    }
    return Done{};
}

Result<qsizetype> GoalTree::recalculateAll(const QDateTime& now, ChangeSet& changes) {
    const Result<QStringList> leavesFirst = m_db.strings(
        u"WITH RECURSIVE tree(uuid, depth) AS (SELECT uuid, 0 FROM goals "
        u"WHERE parent_goal_uuid IS NULL UNION ALL SELECT g.uuid, tree.depth + 1 "
        u"FROM goals g JOIN tree ON g.parent_goal_uuid = tree.uuid WHERE tree.depth < ?) "
        u"SELECT uuid FROM tree ORDER BY depth DESC"_s,
        {kMaxDepth}, u"read the goal tree"_s);
    if (!leavesFirst)
        return leavesFirst.error();
    for (const QString& uuid : *leavesFirst) {
        if (Result<Goal> r = recalculate(uuid, now, changes); !r)
            return r.error();
    }
    return leavesFirst->size();
}

Result<GoalStats> GoalTree::stats() {
    GoalStats stats;
    const auto countBy = [&](const QString& column, QMap<QString, qint64>* counts) -> Status {
        bool ok = false;
        QSqlQuery& q =
            m_db.query(u"SELECT %1, count(*) FROM goals GROUP BY %1"_s.arg(column), {}, &ok);
        if (!ok)
            return m_db.storageError(q, u"count the goals"_s);
        while (q.next())
            counts->insert(q.value(0).toString(), q.value(1).toLongLong());
        q.finish();
        return Done{};
    };
    if (Status s = countBy(u"status"_s, &stats.byStatus); !s)
        return s.error();
    if (Status s = countBy(u"horizon"_s, &stats.byHorizon); !s)
        return s.error();
    for (qint64 count : std::as_const(stats.byStatus))
        stats.total += count;
    bool ok = false;
    QSqlQuery& q = m_db.query(u"SELECT avg(progress_percentage), "
                              u"coalesce(sum(progress_percentage >= 80), 0) FROM goals "
                              u"WHERE status = 'active'"_s,
                              {}, &ok);
    if (!ok)
        return m_db.storageError(q, u"count the goals"_s);
    if (q.next()) {
        stats.averageProgress = std::round(q.value(0).toDouble() * 100) / 100;
        stats.nearCompletion = q.value(1).toLongLong();
    }
    q.finish();
    return stats;
}

} // namespace bizy
