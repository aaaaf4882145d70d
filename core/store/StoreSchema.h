#pragma once

#include "model/Result.h"

#include <QSqlDatabase>

namespace bizy {

// The numbered schema of a local store file, kept in PRAGMA user_version.
// Every step runs in its own transaction together with its version bump, so a
// crash leaves the file at one version or the next, never in between.
class StoreSchema {
public:
    static int latestVersion();
    // The version written in the file (0 for an empty file).
    static Result<int> version(const QSqlDatabase& db);
    // Runs the steps after the file's version up to `target`.
    static Status migrate(const QSqlDatabase& db, int target);
};

} // namespace bizy
