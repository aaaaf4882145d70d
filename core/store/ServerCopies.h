#pragma once

#include "model/EntityKind.h"
#include "model/Result.h"
#include "sync/ServerCopy.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <optional>

namespace bizy {

class StoreDatabase;

// What this device knows of the server: the server's copy of each row
// (`server_rows`), rows pulled before their parent goal (`orphans`), the pull
// cursor, the reload generation, the sync epoch, the rows seen deleted and the
// last sync time. Every method runs
// inside the caller's transaction.
class ServerCopies {
public:
    explicit ServerCopies(StoreDatabase& db);

    Result<std::optional<ServerCopy>> find(EntityKind kind, const QString& uuid);
    // The versions of the copies held for a JSON array of uuids.
    Result<QHash<QString, qint64>> versions(EntityKind kind, const QString& uuidsJson);
    Status save(EntityKind kind, const QString& uuid, const ServerCopy& copy);
    // Pulled rows (sync shape, each with uuid and version) as complete copies
    // of the current generation, in one statement.
    Status saveAll(EntityKind kind, const QJsonArray& rows);
    Status remove(EntityKind kind, const QString& uuid);

    Result<qint64> pullCursor();
    Status setPullCursor(qint64 cursor);
    // The server's sync epoch as last pulled; empty before the first.
    Result<QString> syncEpoch();
    Status setSyncEpoch(const QString& epoch);
    // This device saw the row deleted (its own delete acknowledged, or a
    // pulled tombstone): a restored server that has it again gets the delete again.
    Status rememberDeleted(EntityKind kind, const QString& uuid);
    // The fields of an acknowledged upsert, kept until a round ends in the
    // stored epoch: a restored server may have acknowledged them before its
    // new epoch was seen, and then they are known (core/store/EpochRestore).
    Status rememberAcknowledged(EntityKind kind, const QString& uuid, const QJsonObject& fields);
    Status forgetAcknowledged();
    Result<std::optional<QDateTime>> lastSyncedAt();
    Status setLastSyncedAt(const QDateTime& when);

    // A reload counts generations: a copy the reload brought back is of the
    // current one.
    Result<qint64> generation();
    Result<bool> reloadInProgress();
    // The cursor goes back to 0 and a new generation starts.
    Status beginReload();
    Status endReload();
    // Drops the copies of older generations, except rows with unsent changes.
    Status removeStale(EntityKind kind);

    Result<bool> hasOrphans();
    Status rememberOrphan(EntityKind kind, const QString& uuid, const QString& parentGoalUuid);
    Status forgetOrphan(EntityKind kind, const QString& uuid);
    // Nobody waits for a deleted goal any more.
    Status forgetOrphansOf(const QString& parentGoalUuid);
    // Rows whose goal has arrived.
    Result<QList<std::pair<EntityKind, QString>>> adoptableOrphans();

private:
    StoreDatabase& m_db;
};

} // namespace bizy
