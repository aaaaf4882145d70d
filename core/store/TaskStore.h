#pragma once

#include "model/Result.h"
#include "model/Task.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace bizy {

class GoalTable;
class Outbox;
class StoreDatabase;
class TaskTable;
struct ChangeSet;

// Creating, editing, completing and deleting tasks: each change validated with
// Task::schema() (sync shape, origin FromSync), written with its outbox
// mutation in the caller's transaction, and noted in its change set.
class TaskStore {
public:
    TaskStore(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox);

    Result<Task> create(const QJsonObject& fields, const QDateTime& now, ChangeSet& changes);
    // Many at once, set-based (imports): all or nothing; the first invalid one
    // is the error, with its index in front of every loc.
    Result<QList<Task>> createMany(const QList<QJsonObject>& fieldsList, const QDateTime& now,
                                   ChangeSet& changes);
    // A partial edit.
    Result<Task> update(const QString& uuid, const QJsonObject& fields, const QDateTime& now,
                        ChangeSet& changes);
    Result<Task> complete(const QString& uuid, std::optional<double> actualHours,
                          const QDateTime& now, ChangeSet& changes);
    Result<Task> uncomplete(const QString& uuid, const QDateTime& now, ChangeSet& changes);
    // Tasks that depended on it stop doing so, through the outbox too.
    Status remove(const QString& uuid, const QDateTime& now, ChangeSet& changes);

    // The task or Error::Code::NotFound.
    Result<Task> get(const QString& uuid);

private:
    // Writes `after` and queues what changed since `before`; nothing when nothing did.
    Result<Task> save(const Task& before, const Task& after, ChangeSet& changes);
    // A validated new task, not written yet. `knownGoals` remembers parents
    // already checked during a bulk create.
    Result<Task> prepare(const QJsonObject& fields, const QDateTime& now,
                         QSet<QString>* knownGoals);
    Status checkGoal(const QString& goalUuid);

    StoreDatabase& m_db;
    TaskTable& m_tasks;
    GoalTable& m_goals;
    Outbox& m_outbox;
};

} // namespace bizy
