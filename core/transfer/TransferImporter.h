#pragma once

#include "TransferFormat.h"
#include "TransferRecords.h"
#include "model/Result.h"
#include "store/StoreImport.h"

#include <QString>

namespace bizy {

class LocalStore;

// What an import or export did.
struct TransferSummary {
    TransferFormat format = TransferFormat::Json;
    qsizetype goals = 0;
    qsizetype tasks = 0;
};

// Imports a file into a store: reads it, reads its format (by extension) and
// creates its goals and tasks in one transaction (LocalStore::importRecords),
// so a bad file changes nothing. Runs where the store lives: in a store job
// (StoreClient::run) or on a thread that owns its LocalStore (TransferCommand).
class TransferImporter {
public:
    // `progress` is called on the calling thread. Errors say which file, and
    // which line or record, and why.
    static Result<TransferSummary> importFile(LocalStore& store, const QString& path,
                                              const ImportProgress& progress = {});
    // The records of `bytes` in `format`, with no store involved.
    static Result<TransferRecords> read(TransferFormat format, const QByteArray& bytes);
    // A store's refusal of a record, in words that name it from `records`.
    static Error describe(const Error& error, const TransferRecords& records);
};

} // namespace bizy
