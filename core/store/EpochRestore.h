#pragma once

#include "VisibleRows.h"
#include "model/Result.h"

#include <QString>

namespace bizy {

class GoalTable;
class Outbox;
class ServerCopies;
class StoreDatabase;
class TaskTable;
struct ChangeSet;

// A new sync epoch: the server was restored from a backup (docs/api.md
// section 6.12). begin() keeps the server copies this device holds as the
// base of the restore, unseals the outbox (the server's mids went back) and
// starts a reload; after its last page, finish() queues what the restored
// server lacks (core/sync/Reconcile: restoreMutation, restoreOrder) in place
// of the outbox, rebuilds those rows and stores the new epoch. Every method
// runs inside the caller's transaction.
class EpochRestore {
public:
    EpochRestore(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox,
                 ServerCopies& copies);

    // `nextMid`: the server's last_mid for this device, plus one.
    Status begin(qint64 nextMid, ChangeSet& changes);
    // Before SyncApplier::finishReload, in the same transaction.
    Status finish(const QString& epoch, ChangeSet& changes);

private:
    StoreDatabase& m_db;
    Outbox& m_outbox;
    ServerCopies& m_copies;
    VisibleRows m_rows;
};

} // namespace bizy
