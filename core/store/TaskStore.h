#pragma once

#include "model/Result.h"
#include "model/Task.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace bizy {

class GoalTable;
class Outbox;
class StoreDatabase;
class TaskTable;
struct ChangeSet;

// How TaskStore::createMany treats its input (core/transfer imports files with it).
struct ManyTaskOptions {
    // A `uuid` in the fields is kept (a file's relations point at it); it
    // must not exist already nor repeat. Without one a task gets a new uuid.
    bool keepUuids = false;
    // Called now and then with the number of tasks checked so far.
    std::function<void(qsizetype)> progress;
};

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
                                   ChangeSet& changes, const ManyTaskOptions& options = {});
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
    Result<Task> prepare(const QJsonObject& fields, const QDateTime& now, QSet<QString>* knownGoals,
                         bool keepUuid = false);
    // The position of the first of `uuids` that a task has already.
    Result<std::optional<qsizetype>> firstExisting(const QStringList& uuids);
    Status checkGoal(const QString& goalUuid);

    StoreDatabase& m_db;
    TaskTable& m_tasks;
    GoalTable& m_goals;
    Outbox& m_outbox;
};

} // namespace bizy
