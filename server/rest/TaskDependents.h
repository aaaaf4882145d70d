#pragma once

#include <QtGlobal>

namespace bizy::server {

class DbSession;
class VersionCounter;

// Tasks that depend on a task being deleted stop doing so, each with a new
// version, so every client pulls the shortened list (the REST and the sync
// delete both call this, inside their transaction).
class TaskDependents {
public:
    static void forget(DbSession& db, qint64 userId, qint64 deletedTaskId, VersionCounter& counter);
};

} // namespace bizy::server
