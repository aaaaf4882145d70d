#pragma once

#include "TransferRecords.h"
#include "model/Result.h"
#include "model/Task.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace bizy {

// Tasks as iCalendar VTODOs (RFC 5545), for calendar and to-do apps: UID (the
// task's uuid), SUMMARY, DESCRIPTION, COMMENT (notes), DUE, PRIORITY (Bizy's
// 1..5 as 1, 3, 5, 7, 9), STATUS (NEEDS-ACTION, IN-PROCESS, COMPLETED; blocked
// also as X-BIZY-STATUS), COMPLETED, CREATED, LAST-MODIFIED, CATEGORIES (the
// category, then the tags; X-BIZY-CATEGORY says which is the category),
// dependencies as RELATED-TO;RELTYPE=DEPENDS-ON (RFC 9253), and X-BIZY-
// properties for the rest (goal, hours). Lines are folded at 75 octets and
// text is escaped. Reading unfolds and unescapes, takes DATE, UTC, floating
// (local time) and TZID times, skips other components (VEVENT, VALARM,
// VTIMEZONE), and keeps a UID only when it is a uuid.
class TaskICalendarFormat {
public:
    // The tasks, or an error naming the line at fault.
    static Result<TransferRecords> read(const QByteArray& bytes);
    static QByteArray write(const QList<Task>& tasks, const QDateTime& now);
};

} // namespace bizy
