#pragma once

#include "TransferRecords.h"
#include "model/Result.h"
#include "model/Task.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace bizy {

// Tasks as CSV (RFC 4180) for spreadsheets: a header row, then one task a row,
// UTF-8 with a byte-order mark (so spreadsheet apps read accents right), CRLF.
// Columns are the contract's field names, title first; an empty cell is a
// field without a value; tags and dependency uuids are separated by ";".
// Reading takes the columns in any order (names case-insensitive, a space for
// "_"), commas or semicolons between cells, and refuses a column it does not
// know rather than drop its values.
class TaskCsvFormat {
public:
    // The columns written, in order.
    static const QStringList& columns();
    // The tasks, or an error naming the line at fault.
    static Result<TransferRecords> read(const QByteArray& bytes);
    static QByteArray write(const QList<Task>& tasks);
};

} // namespace bizy
