#pragma once

#include "http/HttpRequest.h"

#include <QHttpServerResponse>

namespace bizy::server {

class DbSession;

// GET /api/sync/pull for one authenticated user (docs/api.md section 6): rows and
// tombstones with a version above the cursor, in version order, read in one
// REPEATABLE READ snapshot. Writers stamp versions under the per-user counter
// lock held until they commit, so a snapshot always holds every version up to
// the highest it sees: a pull never skips a change that commits later.
class SyncPull {
public:
    static constexpr qint64 kDefaultLimit = 500;
    static constexpr qint64 kMaxLimit = 1000;

    SyncPull(DbSession& db, qint64 userId);

    QHttpServerResponse run(const HttpRequest& request);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
