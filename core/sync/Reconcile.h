#pragma once

#include "model/Goal.h"
#include "model/Result.h"
#include "model/Task.h"
#include "sync/ConflictEntry.h"
#include "sync/OutboxMutation.h"
#include "sync/PushOutcome.h"
#include "sync/ServerCopy.h"
#include "sync/ServerRow.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace bizy {

// The rules of sync, as decisions over values: what a pulled row, a tombstone
// or the server's answer to a push does to the row the user sees, its server
// copy, the outbox and the conflict journal. The store (SyncApplier) carries
// the decisions out in SQLite; nothing here touches storage.
namespace Reconcile {

// --- pulled rows ---

enum class PulledRow {
    Skip,      // older than a state a push result already gave
    Tombstone, // the row was deleted on the server
    Direct,    // nothing to replay: the visible row is the server's copy as it is
    Rebuild    // unsent changes (or a missing parent goal): copy + replay
};
// `copyVersion`: the version of the copy held now, if any. While a reload
// runs, the server's versions may have gone back, so only what it sends counts.
PulledRow decidePulledRow(const ServerRow& row, std::optional<qint64> copyVersion, bool reloading,
                          bool hasPending, bool parentKnown);

// What a rebuild starts from.
enum class RebuildBase {
    RemoveRow,      // an unsent delete keeps the row absent
    Keep,           // a create the server has not confirmed yet stays as the user made it
    Copy,           // the server's copy
    CopyOverVisible // an incomplete copy over the visible row, which fills in what it lacks
};
RebuildBase rebuildBase(const QList<OutboxMutation>& pending, const std::optional<ServerCopy>& copy,
                        bool hasVisible);

// The row the user sees: `base` (a server copy in the sync shape, checked when
// it was stored) with the unsent `pending` changes replayed on top, at the
// copy's `version`. Replayed edits are stamped no earlier than the visible
// row's `visibleUpdatedAt`. An unreadable base is a storage error.
Result<Task> replayTask(const QString& uuid, const QJsonObject& base,
                        const QList<OutboxMutation>& pending,
                        const std::optional<QDateTime>& visibleUpdatedAt, qint64 version);
Result<Goal> replayGoal(const QString& uuid, const QJsonObject& base,
                        const QList<OutboxMutation>& pending,
                        const std::optional<QDateTime>& visibleUpdatedAt, qint64 version);

// A pulled tombstone over whatever is queued for the row.
struct TombstoneOutcome {
    bool dropUnsealed = false; // unsealed mutations leave the outbox
    bool journal = false;      // unsent edits are journaled as DeletedElsewhere
    QJsonObject lostFields;    // their fields, merged in queue order
};
TombstoneOutcome tombstone(const QList<OutboxMutation>& pending);

// The fields of the unsealed mutations, merged in queue order.
QJsonObject unsealedFields(const QList<OutboxMutation>& pending);

// --- push outcomes ---

struct PushDecision {
    enum class CopyAction {
        Keep,
        Remove,     // the row is gone on the server
        Acknowledge // the copy takes the fields sent, the version and the id
    };
    CopyAction copy = CopyAction::Keep;
    // The visible row is rebuilt from the copy once every result is recorded.
    bool rebuild = false;
    // The row has nothing on the server to fall back to: its unsealed edits,
    // copy and visible row go (into the journal entry).
    bool dropRow = false;
    std::optional<ConflictEntry::Kind> journal; // Overwritten or Rejected
    QString message;
};
// `copy`: the server copy held for the row, if any. A result the engine
// should never get (no version on a success) is an error.
Result<PushDecision> decidePushOutcome(const OutboxMutation& mutation, const PushOutcome& outcome,
                                       const std::optional<ServerCopy>& copy);

// The copy after an acknowledged mutation: the fields sent over the old copy
// (or over nothing, as an incomplete copy), at the result's version and id.
ServerCopy acknowledgedCopy(const std::optional<ServerCopy>& copy, const OutboxMutation& mutation,
                            qint64 version, qint64 id);

// --- a new epoch (the server was restored from a backup; docs/api.md 6.12) ---

// One row as this device stands after reloading from a restored server.
struct RestoreRow {
    EntityKind entity = EntityKind::Task;
    QString uuid;
    // The server's copy this device held before the new epoch: everything
    // acknowledged to it or pulled by it, in the sync shape.
    std::optional<QJsonObject> known;
    // The restored server's row, as the reload brought it (none: the server
    // lacks the row, or sent its tombstone).
    std::optional<ServerCopy> restored;
    bool visible = false;      // the row is here now
    bool knownDeleted = false; // this device saw it deleted (its own delete or a tombstone)
    // Every mutation queued for the row, oldest first; none is sealed.
    QList<OutboxMutation> pending;
};

// The one mutation that replaces the row's queue, so that the server holds
// again what this device knew and then what it has not sent yet; nullopt
// when nothing needs sending. A queued delete, or a delete this device saw
// of a row the restored server has, is a delete. A row here that the
// restored server lacks is created again with every field known. Otherwise
// the fields whose known value differs from the restored one are sent again,
// with the queued edits on top, at the restored row's version.
std::optional<OutboxMutation> restoreMutation(const RestoreRow& row);

// The mutations in an order the server accepts: goals before tasks, a goal
// after its parent and a task after the tasks it depends on (when those are
// sent too), deletes last.
QList<OutboxMutation> restoreOrder(const QList<OutboxMutation>& mutations);

} // namespace Reconcile

} // namespace bizy
