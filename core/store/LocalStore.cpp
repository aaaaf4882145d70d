#include "LocalStore.h"

#include "ChangeSet.h"
#include "ConflictJournal.h"
#include "DashboardQuery.h"
#include "EpochRestore.h"
#include "GoalTable.h"
#include "GoalTree.h"
#include "Outbox.h"
#include "ReminderLog.h"
#include "ServerCopies.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "StoreImport.h"
#include "StoreLog.h"
#include "StoreSchema.h"
#include "SyncApplier.h"
#include "TaskQueries.h"
#include "TaskStore.h"
#include "TaskTable.h"
#include "model/IsoDateTime.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace bizy {

// The store's parts, each over the one database, wired once.
struct LocalStore::Parts {
    explicit Parts(StoreDatabase& db)
        : taskTable(db)
        , goalTable(db)
        , outbox(db)
        , copies(db)
        , tasks(db, taskTable, goalTable, outbox)
        , goals(db, goalTable, tasks, outbox)
        , queries(db, taskTable)
        , dashboard(db, queries)
        , journal(db, tasks, goals)
        , applier(db, taskTable, goalTable, outbox, copies, journal)
        , restore(db, taskTable, goalTable, outbox, copies)
        , reminders(db, taskTable)
        , importer(db, tasks, goals) {}

    TaskTable taskTable;
    GoalTable goalTable;
    Outbox outbox;
    ServerCopies copies;
    TaskStore tasks;
    GoalTree goals;
    TaskQueries queries;
    DashboardQuery dashboard;
    ConflictJournal journal;
    SyncApplier applier;
    EpochRestore restore;
    ReminderLog reminders;
    StoreImport importer;
};

namespace {

// Rows of `uuids` as stored now; the uuids without a row go to `removed`.
template <typename Row, typename Table>
Result<QList<Row>> loadNow(Table& table, const QStringList& uuids, QStringList* removed) {
    if (uuids.isEmpty())
        return QList<Row>();
    Result<QList<Row>> rows = table.select(u"WHERE uuid IN (SELECT value FROM json_each(?))"_s,
                                           {SqlValue::jsonText(QJsonArray::fromStringList(uuids))});
    if (!rows)
        return rows;
    QSet<QString> missing(uuids.cbegin(), uuids.cend());
    for (const Row& row : *rows)
        missing.remove(row.uuid);
    *removed = QStringList(missing.cbegin(), missing.cend());
    return rows;
}

} // namespace

LocalStore::LocalStore(std::unique_ptr<StoreDatabase> db)
    : m_db(std::move(db))
    , m_parts(std::make_unique<Parts>(*m_db)) {
    if (const Result<QVariant> deviceId = m_db->meta(u"device_id"_s))
        m_deviceId = deviceId->toString();
}

LocalStore::~LocalStore() = default;

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString& path) {
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<StoreDatabase>> db = StoreDatabase::open(path);
    if (!db)
        return db.error();
    std::unique_ptr<LocalStore> store(new LocalStore(std::move(db).value()));
    if (store->m_deviceId.isEmpty())
        return Error::make(
            Error::Code::Storage,
            u"The local database %1 has no device id; it may be damaged."_s.arg(path));
    qCInfo(lcStore) << "opened" << path << "in" << timer.elapsed() << "ms";
    return store;
}

QString LocalStore::defaultPath(const QString& account) {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/accounts/"_s +
           account + u".sqlite"_s;
}

int LocalStore::latestSchemaVersion() {
    return StoreSchema::latestVersion();
}

Status LocalStore::createAtVersion(const QString& path, int version) {
    return StoreDatabase::createAtVersion(path, version);
}

bool LocalStore::moveFiles(const QString& from, const QString& to) {
    return StoreDatabase::moveFiles(from, to);
}

QString LocalStore::path() const {
    return m_db->path();
}

Result<int> LocalStore::schemaVersion() const {
    return StoreSchema::version(m_db->connection());
}

QString LocalStore::deviceId() const {
    return m_deviceId;
}

template <typename Body>
auto LocalStore::write(Body&& body) -> decltype(body(std::declval<ChangeSet&>())) {
    ChangeSet changes;
    auto result = m_db->write([&] { return body(changes); });
    if (result)
        publish(changes);
    return result;
}

// --- tasks ---

Result<Task> LocalStore::createTask(const TaskDraft& draft) {
    return createTask(draft.toSyncJson());
}

Result<Task> LocalStore::updateTask(const QString& uuid, const TaskPatch& patch) {
    return updateTask(uuid, patch.toSyncJson());
}

// Task edits keep the progress of the goals they touch true (the contract's
// rule, rolled up to the top), in the same transaction: the goals of the
// tasks before the edit and after it.
QStringList LocalStore::goalsOf(const QStringList& taskUuids) const {
    QStringList goals;
    for (const QString& uuid : taskUuids) {
        if (const Result<Task> task = m_parts->tasks.get(uuid); task && task->parentGoalUuid)
            goals << *task->parentGoalUuid;
    }
    return goals;
}

QStringList LocalStore::goalsOf(const QList<Task>& tasks) {
    QStringList goals;
    for (const Task& task : tasks)
        if (task.parentGoalUuid && !goals.contains(*task.parentGoalUuid))
            goals << *task.parentGoalUuid;
    return goals;
}

template <typename Edit>
auto LocalStore::editTasks(const QStringList& uuids, Edit&& edit)
    -> decltype(edit(std::declval<const QDateTime&>(), std::declval<ChangeSet&>())) {
    const QDateTime now = IsoDateTime::nowUtc();
    return write([&](ChangeSet& changes) -> decltype(edit(now, changes)) {
        const QStringList before = goalsOf(uuids);
        auto result = edit(now, changes);
        if (!result)
            return result;
        QStringList touched = before;
        if constexpr (std::is_same_v<decltype(result), Result<Task>>)
            touched << goalsOf(QList<Task>{*result});
        else if constexpr (std::is_same_v<decltype(result), Result<QList<Task>>>)
            touched << goalsOf(*result);
        if (Status rolled = m_parts->goals.rollUp(touched, now, changes); !rolled)
            return rolled.error();
        return result;
    });
}

Result<Task> LocalStore::createTask(const QJsonObject& fields) {
    return editTasks({}, [&](const QDateTime& now, ChangeSet& changes) {
        return m_parts->tasks.create(fields, now, changes);
    });
}

Result<QList<Task>> LocalStore::createTasks(const QList<QJsonObject>& fieldsList) {
    QElapsedTimer timer;
    timer.start();
    Result<QList<Task>> result = editTasks({}, [&](const QDateTime& now, ChangeSet& changes) {
        return m_parts->tasks.createMany(fieldsList, now, changes);
    });
    if (result)
        qCInfo(lcStore) << "created" << fieldsList.size() << "tasks in one transaction in"
                        << timer.elapsed() << "ms";
    return result;
}

Result<ImportCounts> LocalStore::importRecords(const QList<QJsonObject>& goals,
                                               const QList<QJsonObject>& tasks,
                                               const ImportProgress& progress) {
    QElapsedTimer timer;
    timer.start();
    const QDateTime now = IsoDateTime::nowUtc();
    Result<ImportCounts> result = write([&](ChangeSet& changes) {
        return m_parts->importer.run(goals, tasks, now, changes, progress);
    });
    if (result)
        qCInfo(lcStore) << "imported" << result->goals << "goals and" << result->tasks
                        << "tasks in one transaction in" << timer.elapsed() << "ms";
    return result;
}

Result<Task> LocalStore::updateTask(const QString& uuid, const QJsonObject& fields) {
    return editTasks({uuid}, [&](const QDateTime& now, ChangeSet& changes) {
        return m_parts->tasks.update(uuid, fields, now, changes);
    });
}

Status LocalStore::deleteTask(const QString& uuid) {
    return deleteTasks({uuid});
}

Result<Task> LocalStore::completeTask(const QString& uuid, std::optional<double> actualHours) {
    return editTasks({uuid}, [&](const QDateTime& now, ChangeSet& changes) {
        return m_parts->tasks.complete(uuid, actualHours, now, changes);
    });
}

Result<Task> LocalStore::uncompleteTask(const QString& uuid) {
    return editTasks({uuid}, [&](const QDateTime& now, ChangeSet& changes) {
        return m_parts->tasks.uncomplete(uuid, now, changes);
    });
}

Result<QList<Task>> LocalStore::updateTasks(const QStringList& uuids, const TaskPatch& patch) {
    const QJsonObject fields = patch.toSyncJson();
    return editTasks(uuids, [&](const QDateTime& now, ChangeSet& changes) -> Result<QList<Task>> {
        QList<Task> updated;
        for (const QString& uuid : uuids) {
            Result<Task> task = m_parts->tasks.update(uuid, fields, now, changes);
            if (!task)
                return task.error();
            updated << std::move(task).value();
        }
        return updated;
    });
}

Result<QList<Task>> LocalStore::setTasksCompleted(const QStringList& uuids, bool completed) {
    return editTasks(uuids, [&](const QDateTime& now, ChangeSet& changes) -> Result<QList<Task>> {
        QList<Task> changed;
        for (const QString& uuid : uuids) {
            Result<Task> task = completed
                                    ? m_parts->tasks.complete(uuid, std::nullopt, now, changes)
                                    : m_parts->tasks.uncomplete(uuid, now, changes);
            if (!task)
                return task.error();
            changed << std::move(task).value();
        }
        return changed;
    });
}

Status LocalStore::deleteTasks(const QStringList& uuids) {
    return editTasks(uuids, [&](const QDateTime& now, ChangeSet& changes) -> Status {
        for (const QString& uuid : uuids) {
            if (Status removed = m_parts->tasks.remove(uuid, now, changes); !removed)
                return removed;
        }
        return Done{};
    });
}

Result<Task> LocalStore::task(const QString& uuid) const {
    return m_parts->tasks.get(uuid);
}

Result<QList<Task>> LocalStore::tasks(const TaskFilter& filter) const {
    return m_parts->queries.list(filter);
}

Result<qsizetype> LocalStore::taskCount(const TaskFilter& filter) const {
    return m_parts->queries.count(filter);
}

Result<QStringList> LocalStore::taskQueryPlan(const TaskFilter& filter) const {
    return m_parts->queries.plan(filter);
}

Result<TaskStats> LocalStore::taskStats(const QDateTime& now) const {
    return m_parts->queries.stats(now);
}

Result<QStringList> LocalStore::taskCategories() const {
    return m_parts->queries.categories();
}

Result<QStringList> LocalStore::taskTags() const {
    return m_parts->queries.tags();
}

// --- goals ---

Result<Goal> LocalStore::createGoal(const GoalDraft& draft) {
    return createGoal(draft.toSyncJson());
}

Result<Goal> LocalStore::updateGoal(const QString& uuid, const GoalPatch& patch) {
    return updateGoal(uuid, patch.toSyncJson());
}

// A goal's own progress is what it was set to (or what its tasks make it);
// its parents, old and new, follow the rule after the edit.
QStringList LocalStore::parentsOf(const QStringList& goalUuids) const {
    QStringList parents;
    for (const QString& uuid : goalUuids) {
        if (const Result<Goal> goal = m_parts->goals.get(uuid); goal && goal->parentGoalUuid)
            parents << *goal->parentGoalUuid;
    }
    return parents;
}

template <typename Edit>
auto LocalStore::editGoal(const QString& uuid, Edit&& edit)
    -> decltype(edit(std::declval<const QDateTime&>(), std::declval<ChangeSet&>())) {
    const QDateTime now = IsoDateTime::nowUtc();
    return write([&](ChangeSet& changes) -> decltype(edit(now, changes)) {
        QStringList touched = uuid.isEmpty() ? QStringList() : parentsOf({uuid});
        auto result = edit(now, changes);
        if (!result)
            return result;
        if constexpr (std::is_same_v<decltype(result), Result<Goal>>) {
            if (result->parentGoalUuid)
                touched << *result->parentGoalUuid;
        }
        if (Status rolled = m_parts->goals.rollUp(touched, now, changes); !rolled)
            return rolled.error();
        return result;
    });
}

Result<Goal> LocalStore::createGoal(const QJsonObject& fields) {
    return editGoal({}, [&](const QDateTime& now, ChangeSet& changes) {
        return m_parts->goals.create(fields, now, changes);
    });
}

Result<Goal> LocalStore::updateGoal(const QString& uuid, const QJsonObject& fields) {
    return editGoal(uuid, [&](const QDateTime& now, ChangeSet& changes) {
        return m_parts->goals.update(uuid, fields, now, changes);
    });
}

Status LocalStore::deleteGoal(const QString& uuid) {
    return editGoal(uuid, [&](const QDateTime& now, ChangeSet& changes) {
        return m_parts->goals.remove(uuid, now, changes);
    });
}

Result<Goal> LocalStore::goal(const QString& uuid) const {
    return m_parts->goals.get(uuid);
}

Result<QList<Goal>> LocalStore::goals() const {
    return m_parts->goals.all();
}

Result<QList<Goal>> LocalStore::childGoals(const QString& parentUuid) const {
    return m_parts->goals.children(parentUuid);
}

Result<QList<Goal>> LocalStore::ancestors(const QString& uuid) const {
    return m_parts->goals.ancestors(uuid);
}

Result<QList<Goal>> LocalStore::subtree(const QString& uuid) const {
    return m_parts->goals.subtree(uuid);
}

Result<Goal> LocalStore::moveGoal(const QString& uuid, const QString& newParentUuid) {
    return updateGoal(
        uuid, {{u"parent_goal_uuid"_s, newParentUuid.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(newParentUuid)}});
}

Result<Goal> LocalStore::calculateProgress(const QString& uuid) {
    const QDateTime now = IsoDateTime::nowUtc();
    return write(
        [&](ChangeSet& changes) { return m_parts->goals.recalculate(uuid, now, changes); });
}

Status LocalStore::recalculateAllProgress() {
    QElapsedTimer timer;
    timer.start();
    const QDateTime now = IsoDateTime::nowUtc();
    const Result<qsizetype> count =
        write([&](ChangeSet& changes) { return m_parts->goals.recalculateAll(now, changes); });
    if (!count)
        return count.error();
    qCInfo(lcStore) << "recalculated the progress of" << *count << "goals in" << timer.elapsed()
                    << "ms";
    return Done{};
}

Result<GoalStats> LocalStore::goalStats() const {
    return m_parts->goals.stats();
}

Result<DashboardStats> LocalStore::dashboardStats(const QDateTime& now) const {
    return m_parts->dashboard.read(now);
}

// --- outbox ---

Result<QList<OutboxMutation>> LocalStore::pendingMutations(int limit) const {
    return m_parts->outbox.pending(limit);
}

Result<qsizetype> LocalStore::pendingCount() const {
    return m_parts->outbox.count();
}

Result<QList<OutboxMutation>> LocalStore::sealBatch(int max) {
    return m_db->write([&] { return m_parts->outbox.seal(max); });
}

Status LocalStore::acknowledge(qint64 upToMid) {
    return write([&](ChangeSet& changes) { return m_parts->outbox.acknowledge(upToMid, changes); });
}

Status LocalStore::resequenceSealed(qint64 firstMid) {
    if (firstMid < 1)
        return Error::make(Error::Code::Validation,
                           u"Mutation ids start at 1, not %1."_s.arg(firstMid));
    return write([&](ChangeSet& changes) { return m_parts->outbox.resequence(firstMid, changes); });
}

// --- sync ---

Result<qint64> LocalStore::pullCursor() const {
    return m_parts->copies.pullCursor();
}

Result<int> LocalStore::applyPull(const QList<ServerRow>& rows, qint64 cursor) {
    QElapsedTimer timer;
    timer.start();
    Result<int> result = write(
        [&](ChangeSet& changes) { return m_parts->applier.applyPull(rows, cursor, changes); });
    if (result)
        qCDebug(lcStore) << "applied a pulled page of" << rows.size() << "rows up to version"
                         << cursor << "in" << timer.elapsed() << "ms";
    return result;
}

Result<int> LocalStore::applyPushResults(const QList<OutboxMutation>& sent,
                                         const QList<PushOutcome>& outcomes, qint64 lastMid) {
    return write([&](ChangeSet& changes) {
        return m_parts->applier.applyPushResults(sent, outcomes, lastMid, changes);
    });
}

Status LocalStore::beginReload() {
    const Status result = m_db->write([&] { return m_parts->copies.beginReload(); });
    if (result)
        qCInfo(lcStore) << "reload started";
    return result;
}

Status LocalStore::finishReload() {
    return write([&](ChangeSet& changes) { return m_parts->applier.finishReload(changes); });
}

Status LocalStore::beginEpochRestore(qint64 nextMid) {
    if (nextMid < 1)
        return Error::make(Error::Code::Validation,
                           u"Mutation ids start at 1, not %1."_s.arg(nextMid));
    const Status result =
        write([&](ChangeSet& changes) { return m_parts->restore.begin(nextMid, changes); });
    if (result)
        qCInfo(lcStore) << "new sync epoch: reload started, mids from" << nextMid;
    return result;
}

Status LocalStore::finishEpochRestore(const QString& epoch) {
    return write([&](ChangeSet& changes) -> Status {
        if (Status s = m_parts->restore.finish(epoch, changes); !s)
            return s;
        return m_parts->applier.finishReload(changes);
    });
}

Result<QString> LocalStore::syncEpoch() const {
    return m_parts->copies.syncEpoch();
}

Status LocalStore::setSyncEpoch(const QString& epoch) {
    return m_db->write([&] { return m_parts->copies.setSyncEpoch(epoch); });
}

Result<bool> LocalStore::reloadInProgress() const {
    return m_parts->copies.reloadInProgress();
}

Result<std::optional<QDateTime>> LocalStore::lastSyncedAt() const {
    return m_parts->copies.lastSyncedAt();
}

Status LocalStore::setLastSyncedAt(const QDateTime& when) {
    return m_db->write([&] {
        // A round ended in the stored epoch: what it pushed is in the copies.
        if (Status s = m_parts->copies.forgetAcknowledged(); !s)
            return s;
        return m_parts->copies.setLastSyncedAt(when);
    });
}

// --- reminders ---

Result<ReminderCandidates> LocalStore::reminderCandidates(const QDateTime& until) const {
    return m_parts->reminders.candidates(until);
}

Status LocalStore::markReminded(const QString& taskUuid, const QDateTime& due,
                                const QDateTime& at) {
    return m_db->write([&] { return m_parts->reminders.markGiven(taskUuid, due, at); });
}

Status LocalStore::snoozeReminder(const QString& taskUuid, const QDateTime& due,
                                  const QDateTime& until) {
    return m_db->write([&] { return m_parts->reminders.snooze(taskUuid, due, until); });
}

// --- conflict journal ---

Result<QList<ConflictEntry>> LocalStore::conflicts() const {
    return m_parts->journal.all();
}

Result<qsizetype> LocalStore::conflictCount() const {
    return m_parts->journal.count();
}

Status LocalStore::dismissConflict(qint64 id) {
    return write([&](ChangeSet& changes) { return m_parts->journal.dismiss(id, changes); });
}

Status LocalStore::restoreConflict(qint64 id) {
    const QDateTime now = IsoDateTime::nowUtc();
    return write([&](ChangeSet& changes) { return m_parts->journal.restore(id, now, changes); });
}

void LocalStore::publish(const ChangeSet& changes) {
    if (changes.isEmpty())
        return;
    StoreChanges published;
    QStringList tasks = changes.tasks;
    QStringList goals = changes.goals;
    tasks.removeDuplicates();
    goals.removeDuplicates();
    published.bulk = tasks.size() + goals.size() > kMaxCarriedRows;
    if (!published.bulk) {
        // Read after the commit on this thread, the only writer: exactly what was written.
        Result<QList<Task>> taskRows =
            loadNow<Task>(m_parts->taskTable, tasks, &published.removedTasks);
        Result<QList<Goal>> goalRows =
            loadNow<Goal>(m_parts->goalTable, goals, &published.removedGoals);
        if (taskRows && goalRows) {
            published.tasks = std::move(taskRows).value();
            published.goals = std::move(goalRows).value();
        } else {
            // Whoever shows the rows reads them again, and meets the error there.
            published.bulk = true;
            published.removedTasks.clear();
            published.removedGoals.clear();
        }
    }
    if (changes.outbox) {
        if (const Result<qsizetype> pending = m_parts->outbox.count())
            published.pendingCount = *pending;
    }
    if (changes.journal) {
        if (const Result<qsizetype> count = m_parts->journal.count())
            published.conflictCount = *count;
    }
    published.conflictsAdded = changes.conflictsAdded;
    emit changed(published);
}

} // namespace bizy
