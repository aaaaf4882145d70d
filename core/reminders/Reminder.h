#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace bizy {

// One reminder to give: a task coming due (or due while the computer slept,
// or back after a snooze).
struct Reminder {
    QString taskUuid;
    QString title;
    QDateTime due;        // UTC, the due time this reminder is about
    bool allDay = false;  // due at midnight (or at the end of the day): a date without a time
    bool snoozed = false; // back after a snooze

    bool operator==(const Reminder&) const = default;
};

// The open tasks whose due time has passed, said once at start and once a day.
struct OverdueSummary {
    qsizetype count = 0;
    QList<Reminder> first; // the most overdue few, oldest first

    static constexpr qsizetype kListed = 5;
};

} // namespace bizy

Q_DECLARE_METATYPE(bizy::Reminder)
Q_DECLARE_METATYPE(bizy::OverdueSummary)
