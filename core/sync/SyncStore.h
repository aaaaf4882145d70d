#pragma once

#include "model/Result.h"
#include "sync/OutboxMutation.h"
#include "sync/PushOutcome.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace bizy {

// Where a device stands in the sync: its pull cursor, whether a full reload
// is under way, what waits to be sent, when it last synced and the server's
// epoch it synced with.
struct SyncPosition {
    qint64 cursor = 0;
    bool reloading = false;
    qsizetype pending = 0;
    std::optional<QDateTime> lastSyncedAt;
    QString epoch; // the server's sync epoch as last stored; empty before the first
};

// What the sync engine needs of a local store, asynchronously: every call
// runs off the caller's thread and answers with a future. The engine knows
// nothing else of the store (core/store implements this as LocalSyncStore).
class SyncStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString deviceId() const = 0;
    virtual QFuture<Result<SyncPosition>> position() = 0;
    // The sealed, unacknowledged mutations first, then newly sealed ones, up to `max`.
    virtual QFuture<Result<QList<OutboxMutation>>> sealBatch(int max) = 0;
    // Returns the number of journal entries added.
    virtual QFuture<Result<int>> applyPushResults(const QList<OutboxMutation>& sent,
                                                  const QList<PushOutcome>& outcomes,
                                                  qint64 lastMid) = 0;
    // Checks and applies one pulled page (the `goals` and `tasks` of a pull
    // answer) pulled from `fromCursor`; the cursor moves to `toCursor`. A page
    // that does not continue from the stored cursor is refused, so a page of
    // an abandoned round can never skip one that failed. A row the server
    // sent in a shape this version cannot read is an Error::Code::Server.
    // Returns the number of rows applied.
    virtual QFuture<Result<qsizetype>> applyPullPage(const QJsonArray& goals,
                                                     const QJsonArray& tasks, qint64 fromCursor,
                                                     qint64 toCursor) = 0;
    virtual QFuture<Status> resequenceSealed(qint64 firstMid) = 0;
    // The cursor goes back to 0; finishReload() after the last page removes
    // what the reload did not bring back (nothing when no reload runs).
    virtual QFuture<Status> beginReload() = 0;
    virtual QFuture<Status> finishReload() = 0;
    virtual QFuture<Status> setLastSyncedAt(const QDateTime& when) = 0;
    // A new epoch (docs/api.md section 6.12): beginEpochRestore() starts a
    // reload that keeps what this device knew and numbers mids from
    // `nextMid`; finishEpochRestore() after its last page queues what the
    // restored server lacks, finishes the reload and stores `epoch`.
    virtual QFuture<Status> beginEpochRestore(qint64 nextMid) = 0;
    virtual QFuture<Status> finishEpochRestore(const QString& epoch) = 0;
    // The first epoch seen, or the same one again: nothing to restore.
    virtual QFuture<Status> setEpoch(const QString& epoch) = 0;

signals:
    void pendingCountChanged(qsizetype pending);
    void conflictsAdded(int count);
};

} // namespace bizy
