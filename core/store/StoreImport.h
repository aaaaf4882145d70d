#pragma once

#include "model/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <functional>

namespace bizy {

class GoalTree;
class StoreDatabase;
class TaskStore;
struct ChangeSet;

// How many rows an import created.
struct ImportCounts {
    qsizetype goals = 0;
    qsizetype tasks = 0;
};

// Called on the store's thread with the steps done so far and their total: a
// step per record checked, then the write of the tasks as half a step each.
using ImportProgress = std::function<void(qsizetype done, qsizetype total)>;

// Goals and tasks from a file (core/transfer), created in the caller's
// transaction with their outbox mutations: all of them or, at the first one
// that cannot be, none. Uuids and relations are kept (parent goals, the goal
// tree, dependencies), so a file exported from one store and imported into an
// empty one gives the same rows. A uuid that exists already is refused (the
// file was imported before); a record without one gets a new uuid.
class StoreImport {
public:
    StoreImport(StoreDatabase& db, TaskStore& tasks, GoalTree& goals);

    // Errors name the record: loc ["goals"|"tasks", index in the list, field...].
    Result<ImportCounts> run(const QList<QJsonObject>& goals, const QList<QJsonObject>& tasks,
                             const QDateTime& now, ChangeSet& changes,
                             const ImportProgress& progress);

private:
    // The goals' indexes, each parent (when the file has it) before its children.
    Result<QList<qsizetype>> parentsFirst(const QList<QJsonObject>& goals,
                                          const QStringList& uuids);
    Status createGoals(const QList<QJsonObject>& goals, const QDateTime& now, ChangeSet& changes,
                       QStringList* parents);
    // Every dependency names a task of the file or of the store.
    Status checkDependencies(const QStringList& taskUuids, const QList<QStringList>& dependencies);

    StoreDatabase& m_db;
    TaskStore& m_tasks;
    GoalTree& m_goals;
};

} // namespace bizy
