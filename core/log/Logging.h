#pragma once

#include "model/Result.h"

#include <QString>

namespace bizy {

// Routes every Qt message (qDebug, qCInfo, qWarning, ...) to spdlog: a rotating
// file in the given directory plus stderr. Install once, early in main(); the
// shutdown runs at exit on its own, or earlier when called.
class Logging {
public:
    static constexpr qint64 maxFileSize = 5 * 1024 * 1024;
    static constexpr int maxFiles = 3;

    // Info and up for every category; with `verbose`, debug for bizy.* too.
    // When the log file cannot be opened, messages still reach stderr and the
    // error says why. Installing again replaces the previous setup.
    static Status install(const QString& logDirectory, bool verbose);
    // The file being written, empty when there is none.
    static QString filePath();
    // Writes out buffered lines (warnings and worse are flushed at once anyway).
    static void flush();
    // Flushes, restores Qt's own message handler and closes the file.
    static void shutdown();
};

} // namespace bizy
