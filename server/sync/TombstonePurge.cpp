#include "TombstonePurge.h"

#include "db/DbSession.h"
#include "db/PgSql.h"
#include "rest/VersionCounter.h"
#include "sync/SyncLog.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace TombstonePurge {

qint64 purgeExpired(DbSession& db, qint64 userId, int windowDays) {
    const QString expired = u"user_id = ? AND deleted_at < now() - make_interval(days => ?)"_s;
    if (!PgSql::run(db, u"SELECT 1 FROM tombstones WHERE "_s + expired + u" LIMIT 1"_s,
                    {userId, windowDays})
             .next())
        return 0;
    qint64 purged = 0;
    db.transaction([&] {
        // The lock keeps purged_version in step with concurrent pushes.
        [[maybe_unused]] const VersionCounter counter = VersionCounter::lock(db, userId);
        QSqlQuery row = PgSql::run(db,
                                   u"WITH gone AS (DELETE FROM tombstones WHERE "_s + expired +
                                       u" RETURNING version) SELECT count(*), max(version) "
                                       u"FROM gone"_s,
                                   {userId, windowDays});
        row.next();
        purged = row.value(0).toLongLong();
        if (purged == 0)
            return;
        PgSql::run(db,
                   u"UPDATE user_sync_state SET purged_version = greatest(purged_version, ?) "
                   u"WHERE user_id = ?"_s,
                   {row.value(1).toLongLong(), userId});
    });
    if (purged > 0)
        qCInfo(lcSync) << "purged" << purged << "tombstone(s) older than" << windowDays
                       << "days of user" << userId;
    return purged;
}

} // namespace TombstonePurge

} // namespace bizy::server
