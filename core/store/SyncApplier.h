#pragma once

#include "model/EntityKind.h"
#include "model/Result.h"
#include "sync/OutboxMutation.h"
#include "sync/PushOutcome.h"
#include "sync/ServerCopy.h"
#include "sync/ServerRow.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy {

class ConflictJournal;
class GoalTable;
class Outbox;
class ServerCopies;
class StoreDatabase;
class TaskTable;
struct ChangeSet;

// Carries out the sync rules (core/sync/Reconcile) in SQLite: applies pulled
// pages and the answers to pushed batches to the server copies, the visible
// rows, the outbox and the conflict journal. The visible row is always the
// server's copy with the unsent outbox changes replayed on top; applying
// server data never writes to the outbox. Every method runs inside the
// caller's transaction.
class SyncApplier {
public:
    SyncApplier(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox,
                ServerCopies& copies, ConflictJournal& journal);

    // One pulled page; the cursor moves to `cursor`. Returns the number of
    // journal entries added.
    Result<int> applyPull(const QList<ServerRow>& rows, qint64 cursor, ChangeSet& changes);
    // The answer to a pushed batch, then every mutation up to `lastMid` is
    // acknowledged. Returns the number of journal entries added.
    Result<int> applyPushResults(const QList<OutboxMutation>& sent,
                                 const QList<PushOutcome>& outcomes, qint64 lastMid,
                                 ChangeSet& changes);
    // After the last page of a reload: removes every row the reload did not
    // bring back, unless it has unsent changes.
    Status finishReload(ChangeSet& changes);

private:
    // What a rebuild needs to know about the row the user sees now.
    struct Visible {
        std::optional<QStringList> tags;
        QDateTime updatedAt;
    };
    struct Pass;

    Result<Pass> startPass(ChangeSet& changes);
    Result<bool> goalKnown(Pass& pass, const QString& uuid);
    Result<std::optional<Visible>> loadVisible(EntityKind kind, const QString& uuid);
    // The visible rows of a JSON array of uuids, by uuid.
    Result<QHash<QString, Visible>> loadVisibleAll(EntityKind kind, const QString& uuidsJson);
    // The visible row in the sync shape, or {} when there is none.
    Result<QJsonObject> snapshotOf(EntityKind kind, const QString& uuid);

    Status applyPulledRow(Pass& pass, const ServerRow& row, const QList<OutboxMutation>& pending,
                          const std::optional<Visible>& visible, bool parentKnown);
    Result<int> applyTombstone(Pass& pass, EntityKind kind, const QString& uuid,
                               const QList<OutboxMutation>& pending, bool visible);
    Status rebuild(Pass& pass, EntityKind kind, const QString& uuid,
                   const std::optional<ServerCopy>& copy, const QList<OutboxMutation>& pending,
                   const std::optional<Visible>& visible);
    // A rebuild that reads everything it needs itself.
    Status rebuildFromStore(Pass& pass, EntityKind kind, const QString& uuid);
    template <typename Row>
    Status saveRebuilt(Pass& pass, const Row& row, const std::optional<Visible>& visible);
    // Removes the visible row; the children of a goal stay, with no parent.
    Status removeVisible(Pass& pass, EntityKind kind, const QString& uuid);

    // The page's rows, written by a few set-based statements.
    Status flushBatch(Pass& pass, EntityKind kind);
    Status writeDirect(EntityKind kind, const QString& uuidsJson);
    Status writeRows(EntityKind kind, const QString& rowsJson);

    StoreDatabase& m_db;
    TaskTable& m_tasks;
    GoalTable& m_goals;
    Outbox& m_outbox;
    ServerCopies& m_copies;
    ConflictJournal& m_journal;
};

} // namespace bizy
