#pragma once

#include "db/DbSession.h"

#include <QString>
#include <optional>

namespace bizy::server {

// Failed logins per login name, in the database (so every worker and a
// restarted server agree): 5 failures within 15 minutes lock the name for 15
// minutes. A known user is keyed by id (username and email count together),
// an unknown name by its lower-case text, so probing unknown names locks too.
namespace LoginLockout {

constexpr int kMaxFailures = 5;
constexpr int kWindowMinutes = 15;
constexpr int kLockMinutes = 15;

QString keyForUser(qint64 userId);
QString keyForName(const QString& loginName);

// Seconds left when the key is locked now.
std::optional<qint64> lockedFor(DbSession& db, const QString& key);
// Records a failure; returns the lock's seconds when this failure locked it.
std::optional<qint64> recordFailure(DbSession& db, const QString& key);
void clearFailures(DbSession& db, const QString& key);
// Removes a lock and its failures (admin unlock); true when there was a lock.
bool unlock(DbSession& db, const QString& key);

} // namespace LoginLockout

} // namespace bizy::server
