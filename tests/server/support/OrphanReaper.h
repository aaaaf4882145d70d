#pragma once

#include <QString>

// Cleans up after a test process that dies without running destructors (a
// crash, or ctest killing it on timeout): a detached shell waits for this
// process to end and then runs `shellCommand` (stop the cluster, kill the
// server, remove the directory). Its output goes to /dev/null, so ctest does
// not wait for it.
namespace OrphanReaper {

void runWhenThisProcessEnds(const QString& shellCommand);
QString quoted(const QString& text); // single-quoted for sh

} // namespace OrphanReaper
