#pragma once

#include "DashboardStats.h"
#include "GoalStats.h"
#include "ReminderRecord.h"
#include "StoreChanges.h"
#include "StoreImport.h"
#include "TaskFilter.h"
#include "TaskStats.h"
#include "model/Goal.h"
#include "model/GoalDraft.h"
#include "model/Result.h"
#include "model/Task.h"
#include "model/TaskDraft.h"
#include "sync/ConflictEntry.h"
#include "sync/OutboxMutation.h"
#include "sync/PushOutcome.h"
#include "sync/ServerRow.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace bizy {

class StoreDatabase;
struct ChangeSet;

// The local SQLite store of one account: tasks and goals keyed by uuid, and the
// outbox of changes not yet acknowledged by the server. Every change and its
// outbox mutation are written in one transaction, and each committed change is
// published once (changed()) with the rows as they are now. A LocalStore
// belongs to the thread that opened it (StoreClient runs it on a worker
// thread of its own); its QSqlDatabase connection is never shared.
//
// Reads and writes answer with results: a storage failure is an Error with
// words that say what to do, never an empty list.
//
// Edits take fields in the sync shape of docs/api.md (relations as uuids:
// parent_goal_uuid, dependency_uuids), validated with Task::schema() /
// Goal::schema() and origin FromSync; the validated fields are what the outbox
// mutation carries. The parts behind this façade live in core/store (one
// class each: StoreDatabase, TaskTable, GoalTable, TaskStore, TaskQueries,
// GoalTree, Outbox, ServerCopies, SyncApplier, ConflictJournal).
class LocalStore : public QObject {
    Q_OBJECT

public:
    // Opens or creates the store at `path` and migrates it to the newest schema.
    // A file written by a newer Bizy is refused with Error::Code::Incompatible
    // and left untouched.
    static Result<std::unique_ptr<LocalStore>> open(const QString& path);
    // <AppDataLocation>/accounts/<account>.sqlite; "local" is the account of
    // someone who never logged in.
    static QString defaultPath(const QString& account = QStringLiteral("local"));
    static int latestSchemaVersion();
    // Creates a store file at an older schema `version` (1 ..
    // latestSchemaVersion()) without migrating further, so migration tests
    // can put rows in it and check that open() upgrades them intact.
    static Status createAtVersion(const QString& path, int version);
    // Moves a closed store file, with its SQLite side files, to `to` (copying
    // across file systems); false when a file could not be moved.
    static bool moveFiles(const QString& from, const QString& to);

    ~LocalStore() override;

    QString path() const;
    Result<int> schemaVersion() const;
    // This installation's device id for sync (made once, kept in the store).
    QString deviceId() const;

    // Tasks. The typed forms are the app's; the JSON forms take the sync
    // shape as it arrives from files and tests.
    Result<Task> createTask(const TaskDraft& draft);
    Result<Task> updateTask(const QString& uuid, const TaskPatch& patch);
    Result<Task> createTask(const QJsonObject& fields);
    Result<Task> updateTask(const QString& uuid, const QJsonObject& fields); // partial
    Status deleteTask(const QString& uuid);
    Result<Task> completeTask(const QString& uuid,
                              std::optional<double> actualHours = std::nullopt);
    Result<Task> uncompleteTask(const QString& uuid);
    // The task, or Error::Code::NotFound.
    Result<Task> task(const QString& uuid) const;
    // Creates many tasks in one transaction (import, benchmarks); each still
    // gets its outbox mutation. All or nothing: the first invalid one is
    // returned as the error, with its index in front of every loc.
    Result<QList<Task>> createTasks(const QList<QJsonObject>& fieldsList);
    // Goals and tasks read from a file (core/transfer), in one transaction,
    // keeping their uuids and relations (StoreImport has the rules). Errors
    // name the record: loc ["goals"|"tasks", index, field...].
    Result<ImportCounts> importRecords(const QList<QJsonObject>& goals,
                                       const QList<QJsonObject>& tasks,
                                       const ImportProgress& progress = {});
    // The task list's bulk actions, each in one transaction: all the tasks
    // change or, at the first one that cannot, none does (its error returned).
    // One change event names them all.
    Result<QList<Task>> updateTasks(const QStringList& uuids, const TaskPatch& patch);
    Result<QList<Task>> setTasksCompleted(const QStringList& uuids, bool completed);
    Status deleteTasks(const QStringList& uuids);
    // In the contract's order: priority asc, due_date asc nulls last, created_at desc.
    Result<QList<Task>> tasks(const TaskFilter& filter = {}) const;
    Result<qsizetype> taskCount(const TaskFilter& filter = {}) const;
    Result<TaskStats> taskStats(const QDateTime& now) const;
    // The categories and tags in use, alphabetical: what the filters offer.
    Result<QStringList> taskCategories() const;
    Result<QStringList> taskTags() const;
    // SQLite's EXPLAIN QUERY PLAN lines for tasks(filter), for tuning.
    Result<QStringList> taskQueryPlan(const TaskFilter& filter) const;

    // Goals
    Result<Goal> createGoal(const GoalDraft& draft);
    Result<Goal> updateGoal(const QString& uuid, const GoalPatch& patch);
    Result<Goal> createGoal(const QJsonObject& fields);
    Result<Goal> updateGoal(const QString& uuid, const QJsonObject& fields); // partial
    // Tasks and sub-goals of a deleted goal stay, with no parent.
    Status deleteGoal(const QString& uuid);
    // The goal, or Error::Code::NotFound.
    Result<Goal> goal(const QString& uuid) const;
    // target_date asc nulls last, created_at desc.
    Result<QList<Goal>> goals() const;
    // Direct children; an empty parent means the roots.
    Result<QList<Goal>> childGoals(const QString& parentUuid) const;
    // From the parent up to the root.
    Result<QList<Goal>> ancestors(const QString& uuid) const;
    // The goal and everything below it, parents before children.
    Result<QList<Goal>> subtree(const QString& uuid) const;
    // Re-parents a goal (empty = root). Refuses with Error::Code::Cycle when the
    // new parent is the goal itself or one of its descendants.
    Result<Goal> moveGoal(const QString& uuid, const QString& newParentUuid);
    // The progress rule for one goal from its direct tasks and sub-goals as
    // stored; at 100 an active goal becomes completed.
    Result<Goal> calculateProgress(const QString& uuid);
    // Rolls progress up the whole tree, leaves first.
    Status recalculateAllProgress();
    Result<GoalStats> goalStats() const;

    // The dashboard's numbers (DashboardQuery): its days are the last 30
    // calendar days in now's time zone, today included.
    Result<DashboardStats> dashboardStats(const QDateTime& now) const;

    // Outbox
    // Unsent mutations, oldest first.
    Result<QList<OutboxMutation>> pendingMutations(int limit = 100) const;
    Result<qsizetype> pendingCount() const;
    // For the sync engine: returns the sealed, unacknowledged mutations first,
    // then seals the oldest unsealed ones by giving them consecutive mids, up
    // to `max` in all, in mid order. Sealed mutations never change again.
    Result<QList<OutboxMutation>> sealBatch(int max);
    // The server has applied every mutation up to `upToMid`: forget them.
    Status acknowledge(qint64 upToMid);
    // After a 409 "mutation gap: expected mid N" (a server restored from a
    // backup forgot mids it had acknowledged): renumbers the sealed mutations
    // consecutively from `firstMid`, keeping their order.
    Status resequenceSealed(qint64 firstMid);

    // Sync (for SyncEngine). The store keeps, beside each row as the user sees
    // it, the server's copy as last pulled or acknowledged; the visible row is
    // always that copy with the unsent outbox changes replayed on top.
    // Applying server data never writes to the outbox.

    // The pull cursor: the version of the newest server change applied here.
    Result<qint64> pullCursor() const;
    // Applies one pulled page in one transaction: each row becomes the
    // server's copy, the visible row is rebuilt from it with unsent changes
    // replayed on top (a task whose goal has not arrived yet is linked when it
    // does), tombstones remove the row (unsent edits of it go to the journal
    // as DeletedElsewhere and leave the outbox unless already sealed), and the
    // cursor moves to `cursor`. Returns the number of journal entries added.
    Result<int> applyPull(const QList<ServerRow>& rows, qint64 cursor);
    // Records the answer to a pushed batch in one transaction: applied and
    // merged mutations update the server's copy (version, id, the fields
    // sent); `overwritten` values go to the journal as Overwritten; rejected
    // mutations go to the journal as Rejected, leave the outbox, and their row
    // is rebuilt from the server's copy (removed if the server never had it);
    // then every mutation up to `lastMid` is acknowledged. Returns the number
    // of journal entries added.
    Result<int> applyPushResults(const QList<OutboxMutation>& sent,
                                 const QList<PushOutcome>& outcomes, qint64 lastMid);
    // The server answered `reset`: the cursor goes back to 0 and a reload
    // starts. finishReload() (after the last page) removes every row the reload
    // did not bring back, unless it has unsent changes.
    Status beginReload();
    Status finishReload();
    Result<bool> reloadInProgress() const;
    // A pull answered another epoch than the stored one: the server was
    // restored from a backup (docs/api.md section 6.12). beginEpochRestore()
    // keeps the server copies held now as the restore's base, unseals the
    // outbox so the next mid sealed is `nextMid`, and starts a reload.
    // finishEpochRestore() (after its last page) replaces the outbox with
    // what the restored server lacks (core/sync/Reconcile::restoreMutation),
    // finishes the reload and stores `epoch`.
    Status beginEpochRestore(qint64 nextMid);
    Status finishEpochRestore(const QString& epoch);
    // The server's sync epoch as last stored; empty before the first pull.
    Result<QString> syncEpoch() const;
    Status setSyncEpoch(const QString& epoch);
    // When a sync last completed (push and pull), kept across restarts.
    Result<std::optional<QDateTime>> lastSyncedAt() const;
    Status setLastSyncedAt(const QDateTime& when);

    // Reminders (core/reminders): the open tasks due up to `until` (overdue
    // ones too) with the reminders noted, and noting one given or snoozed.
    // These writes change no task and publish nothing.
    Result<ReminderCandidates> reminderCandidates(const QDateTime& until) const;
    Status markReminded(const QString& taskUuid, const QDateTime& due, const QDateTime& at);
    Status snoozeReminder(const QString& taskUuid, const QDateTime& due, const QDateTime& until);

    // The conflict journal, newest first.
    Result<QList<ConflictEntry>> conflicts() const;
    Result<qsizetype> conflictCount() const;
    Status dismissConflict(qint64 id);
    // Brings the lost data back as a new local change (so it syncs again) and
    // removes the entry: Overwritten values are written over the row;
    // Rejected or DeletedElsewhere rows that no longer exist are created anew
    // from the snapshot with the lost fields on top, under a new uuid.
    Status restoreConflict(qint64 id);

    // Changes carrying more rows than this are published as `bulk`.
    static constexpr qsizetype kMaxCarriedRows = 1000;

signals:
    // After every committed change, once.
    void changed(const bizy::StoreChanges& changes);

private:
    struct Parts;
    explicit LocalStore(std::unique_ptr<StoreDatabase> db);
    // Runs `body(changes)` in one transaction and publishes what it changed.
    template <typename Body> auto write(Body&& body) -> decltype(body(std::declval<ChangeSet&>()));
    void publish(const ChangeSet& changes);
    // write() for edits of the tasks `uuids` (none for creations): the goals
    // they belonged to and belong to afterwards roll their progress up.
    template <typename Edit>
    auto editTasks(const QStringList& uuids, Edit&& edit)
        -> decltype(edit(std::declval<const QDateTime&>(), std::declval<ChangeSet&>()));
    // write() for an edit of goal `uuid` (empty for a creation): its parents
    // before and after roll their progress up.
    template <typename Edit>
    auto editGoal(const QString& uuid, Edit&& edit)
        -> decltype(edit(std::declval<const QDateTime&>(), std::declval<ChangeSet&>()));
    QStringList goalsOf(const QStringList& taskUuids) const;
    static QStringList goalsOf(const QList<Task>& tasks);
    QStringList parentsOf(const QStringList& goalUuids) const;

    std::unique_ptr<StoreDatabase> m_db;
    std::unique_ptr<Parts> m_parts;
    QString m_deviceId;
};

} // namespace bizy
