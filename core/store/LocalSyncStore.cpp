#include "LocalSyncStore.h"

#include "StoreClient.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// The rows of a pulled page, checked, oldest version first.
Result<QList<ServerRow>> pulledRows(const QJsonArray& goals, const QJsonArray& tasks) {
    QList<ServerRow> rows;
    rows.reserve(goals.size() + tasks.size());
    for (const auto& [kind, array] :
         {std::pair{EntityKind::Goal, &goals}, std::pair{EntityKind::Task, &tasks}}) {
        for (const QJsonValue& value : *array) {
            Result<ServerRow> row = ServerRow::fromJson(kind, value.toObject());
            if (!row)
                return row.error();
            rows.append(std::move(row).value());
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ServerRow& a, const ServerRow& b) { return a.version < b.version; });
    return rows;
}

} // namespace

LocalSyncStore::LocalSyncStore(StoreClient* client, QObject* parent)
    : SyncStore(parent)
    , m_client(client) {
    connect(client, &StoreClient::changed, this, [this](const StoreChanges& changes) {
        if (changes.pendingCount)
            emit pendingCountChanged(*changes.pendingCount);
        if (changes.conflictsAdded > 0)
            emit conflictsAdded(changes.conflictsAdded);
    });
}

QString LocalSyncStore::deviceId() const {
    return m_client ? m_client->deviceId() : QString();
}

QFuture<Result<SyncPosition>> LocalSyncStore::position() {
    return m_client->run([](LocalStore& store) -> Result<SyncPosition> {
        SyncPosition position;
        const Result<qint64> cursor = store.pullCursor();
        if (!cursor)
            return cursor.error();
        const Result<bool> reloading = store.reloadInProgress();
        if (!reloading)
            return reloading.error();
        const Result<qsizetype> pending = store.pendingCount();
        if (!pending)
            return pending.error();
        const Result<std::optional<QDateTime>> synced = store.lastSyncedAt();
        if (!synced)
            return synced.error();
        const Result<QString> epoch = store.syncEpoch();
        if (!epoch)
            return epoch.error();
        return SyncPosition{*cursor, *reloading, *pending, *synced, *epoch};
    });
}

QFuture<Result<QList<OutboxMutation>>> LocalSyncStore::sealBatch(int max) {
    return m_client->run([max](LocalStore& store) { return store.sealBatch(max); });
}

QFuture<Result<int>> LocalSyncStore::applyPushResults(const QList<OutboxMutation>& sent,
                                                      const QList<PushOutcome>& outcomes,
                                                      qint64 lastMid) {
    return m_client->run([sent, outcomes, lastMid](LocalStore& store) {
        return store.applyPushResults(sent, outcomes, lastMid);
    });
}

QFuture<Result<qsizetype>> LocalSyncStore::applyPullPage(const QJsonArray& goals,
                                                         const QJsonArray& tasks, qint64 fromCursor,
                                                         qint64 toCursor) {
    return m_client->run([goals, tasks, fromCursor,
                          toCursor](LocalStore& store) -> Result<qsizetype> {
        const Result<qint64> cursor = store.pullCursor();
        if (!cursor)
            return cursor.error();
        if (*cursor != fromCursor)
            return Error::make(Error::Code::Conflict,
                               u"A pulled page from version %1 does not continue the local "
                               u"copy, which stands at %2; it was not applied."_s.arg(fromCursor)
                                   .arg(*cursor));
        const Result<QList<ServerRow>> rows = pulledRows(goals, tasks);
        if (!rows)
            return rows.error();
        const Result<int> applied = store.applyPull(*rows, toCursor);
        if (!applied)
            return applied.error();
        return rows->size();
    });
}

QFuture<Status> LocalSyncStore::resequenceSealed(qint64 firstMid) {
    return m_client->run(
        [firstMid](LocalStore& store) { return store.resequenceSealed(firstMid); });
}

QFuture<Status> LocalSyncStore::beginReload() {
    return m_client->run([](LocalStore& store) { return store.beginReload(); });
}

QFuture<Status> LocalSyncStore::finishReload() {
    return m_client->run([](LocalStore& store) { return store.finishReload(); });
}

QFuture<Status> LocalSyncStore::setLastSyncedAt(const QDateTime& when) {
    return m_client->run([when](LocalStore& store) { return store.setLastSyncedAt(when); });
}

QFuture<Status> LocalSyncStore::beginEpochRestore(qint64 nextMid) {
    return m_client->run([nextMid](LocalStore& store) { return store.beginEpochRestore(nextMid); });
}

QFuture<Status> LocalSyncStore::finishEpochRestore(const QString& epoch) {
    return m_client->run([epoch](LocalStore& store) { return store.finishEpochRestore(epoch); });
}

QFuture<Status> LocalSyncStore::setEpoch(const QString& epoch) {
    return m_client->run([epoch](LocalStore& store) { return store.setSyncEpoch(epoch); });
}

} // namespace bizy
