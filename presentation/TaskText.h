#pragma once

#include "model/Task.h"

#include <QDateTime>
#include <QString>

namespace bizy {

// How task values read on screen, translated. Shared by the table and the dialog
// so both say the same words.
class TaskText {
public:
    static QString status(TaskStatus status);
    // "1 - Highest" ... "5 - Lowest"
    static QString priority(int priority);
    // Local time in the user's short format, to the minute.
    static QString dateTime(const QDateTime& utc);
    // The local calendar day in the user's short format (goal target dates).
    static QString date(const QDateTime& utc);
    // The format dateTime() uses, for date editors.
    static QString dateTimeFormat();
    // Its time part: the locale's short time, without seconds.
    static QString timeFormat();
};

} // namespace bizy
