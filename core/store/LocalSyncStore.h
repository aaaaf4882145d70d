#pragma once

#include "sync/SyncStore.h"

#include <QPointer>

namespace bizy {

class StoreClient;

// The SyncStore of a StoreClient: every call is a job on the store's worker,
// and pulled pages are checked (ServerRow::fromJson) there too, so none of a
// sync's storage work runs on the engine's thread.
class LocalSyncStore : public SyncStore {
    Q_OBJECT
public:
    explicit LocalSyncStore(StoreClient* client, QObject* parent = nullptr);

    QString deviceId() const override;
    QFuture<Result<SyncPosition>> position() override;
    QFuture<Result<QList<OutboxMutation>>> sealBatch(int max) override;
    QFuture<Result<int>> applyPushResults(const QList<OutboxMutation>& sent,
                                          const QList<PushOutcome>& outcomes,
                                          qint64 lastMid) override;
    QFuture<Result<qsizetype>> applyPullPage(const QJsonArray& goals, const QJsonArray& tasks,
                                             qint64 fromCursor, qint64 toCursor) override;
    QFuture<Status> resequenceSealed(qint64 firstMid) override;
    QFuture<Status> beginReload() override;
    QFuture<Status> finishReload() override;
    QFuture<Status> setLastSyncedAt(const QDateTime& when) override;
    QFuture<Status> beginEpochRestore(qint64 nextMid) override;
    QFuture<Status> finishEpochRestore(const QString& epoch) override;
    QFuture<Status> setEpoch(const QString& epoch) override;

private:
    QPointer<StoreClient> m_client;
};

} // namespace bizy
