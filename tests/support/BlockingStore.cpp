#include "BlockingStore.h"

using bizy::LocalStore;

bizy::Result<bizy::Task> BlockingStore::createTask(const QJsonObject& fields) const {
    return call([fields](LocalStore& store) { return store.createTask(fields); });
}

bizy::Result<QList<bizy::Task>>
BlockingStore::createTasks(const QList<QJsonObject>& fieldsList) const {
    return call([fieldsList](LocalStore& store) { return store.createTasks(fieldsList); });
}

bizy::Result<bizy::Task> BlockingStore::updateTask(const QString& uuid,
                                                   const QJsonObject& fields) const {
    return call([uuid, fields](LocalStore& store) { return store.updateTask(uuid, fields); });
}

bizy::Status BlockingStore::deleteTask(const QString& uuid) const {
    return call([uuid](LocalStore& store) { return store.deleteTask(uuid); });
}

bizy::Result<bizy::Task> BlockingStore::completeTask(const QString& uuid,
                                                     std::optional<double> actualHours) const {
    return call(
        [uuid, actualHours](LocalStore& store) { return store.completeTask(uuid, actualHours); });
}

bizy::Result<bizy::Task> BlockingStore::uncompleteTask(const QString& uuid) const {
    return call([uuid](LocalStore& store) { return store.uncompleteTask(uuid); });
}

bizy::Result<bizy::Task> BlockingStore::task(const QString& uuid) const {
    return call([uuid](LocalStore& store) { return store.task(uuid); });
}

bizy::Result<QList<bizy::Task>> BlockingStore::tasks(const bizy::TaskFilter& filter) const {
    return call([filter](LocalStore& store) { return store.tasks(filter); });
}

bizy::Result<qsizetype> BlockingStore::taskCount(const bizy::TaskFilter& filter) const {
    return call([filter](LocalStore& store) { return store.taskCount(filter); });
}

bizy::Result<bizy::Goal> BlockingStore::createGoal(const QJsonObject& fields) const {
    return call([fields](LocalStore& store) { return store.createGoal(fields); });
}

bizy::Result<bizy::Goal> BlockingStore::updateGoal(const QString& uuid,
                                                   const QJsonObject& fields) const {
    return call([uuid, fields](LocalStore& store) { return store.updateGoal(uuid, fields); });
}

bizy::Status BlockingStore::deleteGoal(const QString& uuid) const {
    return call([uuid](LocalStore& store) { return store.deleteGoal(uuid); });
}

bizy::Result<bizy::Goal> BlockingStore::moveGoal(const QString& uuid,
                                                 const QString& newParentUuid) const {
    return call(
        [uuid, newParentUuid](LocalStore& store) { return store.moveGoal(uuid, newParentUuid); });
}

bizy::Result<bizy::Goal> BlockingStore::goal(const QString& uuid) const {
    return call([uuid](LocalStore& store) { return store.goal(uuid); });
}

bizy::Result<QList<bizy::Goal>> BlockingStore::goals() const {
    return call([](LocalStore& store) { return store.goals(); });
}

bizy::Result<QList<bizy::Goal>> BlockingStore::childGoals(const QString& parentUuid) const {
    return call([parentUuid](LocalStore& store) { return store.childGoals(parentUuid); });
}

bizy::Result<QList<bizy::Goal>> BlockingStore::ancestors(const QString& uuid) const {
    return call([uuid](LocalStore& store) { return store.ancestors(uuid); });
}

bizy::Result<QList<bizy::Goal>> BlockingStore::subtree(const QString& uuid) const {
    return call([uuid](LocalStore& store) { return store.subtree(uuid); });
}

bizy::Result<QList<bizy::OutboxMutation>> BlockingStore::pendingMutations(int limit) const {
    return call([limit](LocalStore& store) { return store.pendingMutations(limit); });
}

bizy::Result<qsizetype> BlockingStore::pendingCount() const {
    return call([](LocalStore& store) { return store.pendingCount(); });
}

bizy::Result<QList<bizy::OutboxMutation>> BlockingStore::sealBatch(int max) const {
    return call([max](LocalStore& store) { return store.sealBatch(max); });
}

bizy::Result<qint64> BlockingStore::pullCursor() const {
    return call([](LocalStore& store) { return store.pullCursor(); });
}

bizy::Result<bool> BlockingStore::reloadInProgress() const {
    return call([](LocalStore& store) { return store.reloadInProgress(); });
}

bizy::Result<std::optional<QDateTime>> BlockingStore::lastSyncedAt() const {
    return call([](LocalStore& store) { return store.lastSyncedAt(); });
}

bizy::Result<QString> BlockingStore::syncEpoch() const {
    return call([](LocalStore& store) { return store.syncEpoch(); });
}

bizy::Result<QList<bizy::ConflictEntry>> BlockingStore::conflicts() const {
    return call([](LocalStore& store) { return store.conflicts(); });
}

bizy::Result<qsizetype> BlockingStore::conflictCount() const {
    return call([](LocalStore& store) { return store.conflictCount(); });
}

bizy::Status BlockingStore::dismissConflict(qint64 id) const {
    return call([id](LocalStore& store) { return store.dismissConflict(id); });
}

bizy::Status BlockingStore::restoreConflict(qint64 id) const {
    return call([id](LocalStore& store) { return store.restoreConflict(id); });
}
