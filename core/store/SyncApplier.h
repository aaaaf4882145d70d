#pragma once

#include "VisibleRows.h"
#include "model/EntityKind.h"
#include "model/Result.h"
#include "sync/OutboxMutation.h"
#include "sync/PushOutcome.h"
#include "sync/ServerRow.h"

#include <QList>
#include <QString>

namespace bizy {

class ConflictJournal;
class GoalTable;
class Outbox;
class ServerCopies;
class StoreDatabase;
class TaskTable;
struct ChangeSet;

// Carries out the sync rules (core/sync/Reconcile) in SQLite: applies pulled
// pages and the answers to pushed batches to the server copies, the outbox,
// the conflict journal and (through VisibleRows) the rows the user sees.
// Applying server data never writes to the outbox. Every method runs inside
// the caller's transaction.
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
    Result<int> applyTombstone(VisibleRows::Pass& pass, EntityKind kind, const QString& uuid,
                               const QList<OutboxMutation>& pending, bool visible);

    StoreDatabase& m_db;
    Outbox& m_outbox;
    ServerCopies& m_copies;
    ConflictJournal& m_journal;
    VisibleRows m_rows;
};

} // namespace bizy
