#include "SyncPull.h"

#include "db/DbSession.h"
#include "db/PgSql.h"
#include "http/QueryParams.h"
#include "http/Reply.h"
#include "sync/SyncRows.h"
#include "sync/TombstonePurge.h"

#include <QJsonArray>
#include <limits>

using namespace Qt::StringLiterals;

namespace bizy::server {

SyncPull::SyncPull(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

QHttpServerResponse SyncPull::run(const HttpRequest& request) {
    QueryParams params(request.query);
    const qint64 cursor = params.integer(u"cursor"_s, 0, 0, std::numeric_limits<qint64>::max());
    const qint64 limit = params.integer(u"limit"_s, kDefaultLimit, 1, kMaxLimit);
    // A client reloading from 0 drops every row its reload does not bring
    // back, so tombstones it missed do not matter to it.
    const bool reloading = params.boolean(u"reload"_s, false);
    if (!params.ok())
        return Reply::validation(params.errors());

    TombstonePurge::purgeExpired(m_db, m_userId);

    QJsonObject answer;
    m_db.transaction([&] {
        m_db.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
        QSqlQuery state = PgSql::run(
            m_db, u"SELECT counter, purged_version FROM user_sync_state WHERE user_id = ?"_s,
            {m_userId});
        const bool known = state.next();
        const qint64 counter = known ? state.value(0).toLongLong() : 0;
        const qint64 purgedVersion = known ? state.value(1).toLongLong() : 0;
        // Changed only by `new-epoch` after a restore: then the client's
        // cursor and mids may name versions this database never had.
        const QString epoch =
            m_db.scalar(u"SELECT sync_epoch FROM users WHERE id = ?"_s, {m_userId}).toString();
        // A cursor from a restored server, or one older than the kept
        // tombstones, may hide deletes: the client reloads from 0.
        if (cursor > counter || (!reloading && cursor > 0 && cursor < purgedVersion)) {
            answer = {{u"tasks"_s, QJsonArray()}, {u"goals"_s, QJsonArray()}, {u"cursor"_s, cursor},
                      {u"has_more"_s, false},     {u"reset"_s, true},         {u"epoch"_s, epoch}};
            return;
        }

        struct Change {
            QString kind; // task, goal, tombstone
            qint64 ref = 0;
            qint64 version = 0;
        };
        QList<Change> changes;
        QSqlQuery rows = PgSql::run(
            m_db,
            // Each branch stops at the page size on its version index, so a
            // page does not sort everything above the cursor.
            u"SELECT kind, ref, version FROM ("
            u"(SELECT 'task' AS kind, id AS ref, version FROM tasks WHERE user_id = ? "
            u"AND version > ? ORDER BY version LIMIT ?) "
            u"UNION ALL (SELECT 'goal', id, version FROM goals WHERE user_id = ? AND version > ? "
            u"ORDER BY version LIMIT ?) "
            u"UNION ALL (SELECT 'tombstone', id, version FROM tombstones WHERE user_id = ? "
            u"AND version > ? ORDER BY version LIMIT ?)) changes "
            u"ORDER BY version, kind, ref LIMIT ?"_s,
            {m_userId, cursor, limit + 1, m_userId, cursor, limit + 1, m_userId, cursor, limit + 1,
             limit + 1});
        while (rows.next())
            changes.append(
                {rows.value(0).toString(), rows.value(1).toLongLong(), rows.value(2).toLongLong()});
        const bool hasMore = changes.size() > limit;
        if (hasMore)
            changes.resize(limit);

        QList<qint64> taskIds;
        QList<qint64> goalIds;
        QList<qint64> tombstoneIds;
        for (const Change& change : changes) {
            if (change.kind == u"task"_s)
                taskIds << change.ref;
            else if (change.kind == u"goal"_s)
                goalIds << change.ref;
            else
                tombstoneIds << change.ref;
        }
        SyncRows store(m_db, m_userId);
        const auto tasks = store.tasksByIds(taskIds);
        const auto goals = store.goalsByIds(goalIds);
        const auto tombstones = store.tombstonesByIds(tombstoneIds);

        QJsonArray taskJson;
        QJsonArray goalJson;
        for (const Change& change : changes) {
            if (change.kind == u"task"_s) {
                taskJson.append(tasks.value(change.ref).toSyncJson());
            } else if (change.kind == u"goal"_s) {
                goalJson.append(goals.value(change.ref).toSyncJson());
            } else {
                const SyncTombstone& tombstone = tombstones[change.ref];
                (tombstone.entity == u"task"_s ? taskJson : goalJson).append(tombstone.toJson());
            }
        }
        answer = {{u"tasks"_s, taskJson},
                  {u"goals"_s, goalJson},
                  {u"cursor"_s, changes.isEmpty() ? cursor : changes.last().version},
                  {u"has_more"_s, hasMore},
                  {u"reset"_s, false},
                  {u"epoch"_s, epoch}};
    });
    return Reply::json(200, answer);
}

} // namespace bizy::server
