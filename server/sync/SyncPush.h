#pragma once

#include "sync/PushRequest.h"
#include "sync/SyncRows.h"

#include <QHash>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace bizy::server {

class DbSession;
class VersionCounter;

// POST /api/sync/push for one authenticated user (docs/api.md section 6). The
// whole batch is one transaction that first locks the user's version counter,
// so versions follow commit order; the device's last_mid is stored in the same
// transaction. Fields merge one by one: a pushed field overwrites whatever is
// stored, and the answer says `merged` (with the losing value) when that value
// came from another device or REST after the mutation's base_version.
class SyncPush {
public:
    SyncPush(DbSession& db, qint64 userId);

    QHttpServerResponse run(const PushRequest& request);

private:
    using Mutation = PushRequest::Mutation;

    QJsonObject apply(const Mutation& mutation, VersionCounter& counter);
    QJsonObject upsertTask(const Mutation& mutation, VersionCounter& counter);
    QJsonObject upsertGoal(const Mutation& mutation, VersionCounter& counter);
    QJsonObject remove(const Mutation& mutation, VersionCounter& counter);
    // A mutation applied by an earlier push: the row's current state.
    // The results first given to this device's mids in [fromMid, toMid].
    QHash<qint64, QJsonObject> earlierResults(qint64 fromMid, qint64 toMid);
    // For a replayed mid whose first result is no longer kept.
    QJsonObject replayed(const Mutation& mutation);
    // forbidden / deleted for a uuid without a live row of the caller's.
    std::optional<QJsonObject> refuseMissingRow(const Mutation& mutation);

    DbSession& m_db;
    qint64 m_userId;
    SyncRows m_rows;
    QString m_deviceId;
};

} // namespace bizy::server
