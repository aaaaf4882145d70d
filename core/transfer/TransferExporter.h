#pragma once

#include "TransferImporter.h"
#include "model/Result.h"

#include <QString>

namespace bizy {

class LocalStore;

// Exports a store to a file in the format of its extension: every goal and
// task to JSON, every task to CSV or iCalendar. The file is written whole or
// not at all (QSaveFile). Runs where the store lives, like TransferImporter.
class TransferExporter {
public:
    static Result<TransferSummary> exportFile(LocalStore& store, const QString& path);
};

} // namespace bizy
