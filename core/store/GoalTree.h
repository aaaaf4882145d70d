#pragma once

#include "GoalStats.h"
#include "model/Goal.h"
#include "model/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace bizy {

class GoalTable;
class Outbox;
class StoreDatabase;
class TaskStore;
struct ChangeSet;

// The goal hierarchy: creating, editing and deleting goals (validated with
// Goal::schema(), sync shape), the parent rules (it exists, no cycles), walks
// up and down the tree, and the progress rule rolled up from tasks and
// sub-goals. Writes run in the caller's transaction with their outbox mutations.
class GoalTree {
public:
    GoalTree(StoreDatabase& db, GoalTable& goals, TaskStore& tasks, Outbox& outbox);

    // `uuid` (canonical, checked by the caller) keeps a file's uuid on import;
    // empty: a new one.
    Result<Goal> create(const QJsonObject& fields, const QDateTime& now, ChangeSet& changes,
                        const QString& uuid = {});
    // A partial edit; a new parent is refused with Error::Code::Cycle when it
    // is the goal itself or one of its descendants.
    Result<Goal> update(const QString& uuid, const QJsonObject& fields, const QDateTime& now,
                        ChangeSet& changes);
    // Tasks and sub-goals of a deleted goal stay, with no parent.
    Status remove(const QString& uuid, const QDateTime& now, ChangeSet& changes);

    // The goal or Error::Code::NotFound.
    Result<Goal> get(const QString& uuid);
    // target_date asc nulls last, created_at desc.
    Result<QList<Goal>> all();
    // Direct children; an empty parent means the roots.
    Result<QList<Goal>> children(const QString& parentUuid);
    // From the parent up to the root.
    Result<QList<Goal>> ancestors(const QString& uuid);
    // The goal and everything below it, parents before children.
    Result<QList<Goal>> subtree(const QString& uuid);

    // The progress rule for one goal from its direct tasks and sub-goals as
    // stored; at 100 an active goal becomes completed.
    Result<Goal> recalculate(const QString& uuid, const QDateTime& now, ChangeSet& changes);
    // After a local edit of tasks or goals: the named goals and every goal
    // above them, each after the ones below it, so progress stays what the
    // rule says all the way up (empty uuids are skipped).
    Status rollUp(const QStringList& goalUuids, const QDateTime& now, ChangeSet& changes);
    // The whole tree, leaves first; returns how many goals it recalculated.
    Result<qsizetype> recalculateAll(const QDateTime& now, ChangeSet& changes);
    Result<GoalStats> stats();

private:
    enum class Completion { AtHundred, Never };
    Result<Goal> recompute(const Goal& before, Completion completion, const QDateTime& now,
                           ChangeSet& changes);
    Result<Goal> save(const Goal& before, const Goal& after, ChangeSet& changes);
    Result<double> progressFromChildren(const QString& uuid);
    Result<QStringList> subtreeUuids(const QString& uuid);
    Status checkParent(const QString& uuid, const QString& parentUuid);

    StoreDatabase& m_db;
    GoalTable& m_goals;
    TaskStore& m_tasks;
    Outbox& m_outbox;
};

} // namespace bizy
