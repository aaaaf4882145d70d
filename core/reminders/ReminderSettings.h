#pragma once

#include <QTime>

class QSettings;

namespace bizy {

// How reminders are given, kept with QSettings under "reminders/".
struct ReminderSettings {
    bool enabled = true;
    // A timed task is reminded this long before it is due.
    int leadMinutes = 15;
    // A task due at midnight (all day) is reminded on its day at this time;
    // the daily summary of overdue tasks comes at this time too.
    QTime morning = QTime(9, 0);

    static ReminderSettings load(const QSettings& settings);
    void save(QSettings& settings) const;

    bool operator==(const ReminderSettings&) const = default;
};

} // namespace bizy
