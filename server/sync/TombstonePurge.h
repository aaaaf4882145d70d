#pragma once

#include <QtGlobal>

namespace bizy::server {

class DbSession;

// Tombstones are kept for at least kWindowDays (docs/api.md section 6). Older ones
// are deleted, and the highest deleted version is remembered per user
// (user_sync_state.purged_version): a pull from a cursor below it could have
// missed a delete, so it is told to reset.
namespace TombstonePurge {

constexpr int kWindowDays = 90;

// Purges the user's tombstones older than `windowDays`, under the user's
// version counter lock; returns how many went. Cheap when there are none.
qint64 purgeExpired(DbSession& db, qint64 userId, int windowDays = kWindowDays);

} // namespace TombstonePurge

} // namespace bizy::server
