#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QString>

namespace bizy {

// What the line-based formats (CSV, iCalendar) share when they read a file.

// A refusal naming the line at fault: "line 3: ...".
Error transferLineError(qsizetype line, const QString& message);

// The file as text: UTF-8, a byte-order mark dropped. A file that is not
// UTF-8 is refused at its first bad line, "not UTF-8 text" followed by
// `advice` when there is one.
Result<QString> readUtf8Text(const QByteArray& bytes, const QString& advice = {});

} // namespace bizy
