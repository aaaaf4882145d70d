#pragma once

#include <QString>

// The kernel's page cache for one store file (and its -wal and -shm), so runs
// that open the store can start cold without dropping every cache on a shared
// machine (which needs root and slows everyone else down).
namespace FileCache {

// Writes back and evicts the cached pages (posix_fadvise POSIX_FADV_DONTNEED);
// false and `error` when a file could not be handled.
bool evictStore(const QString& path, QString* error);
// The share of the file's pages that are in memory now (mincore), 0..1; -1 on error.
double residentShare(const QString& path);

} // namespace FileCache
