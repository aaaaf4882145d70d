#pragma once

#include <QLoggingCategory>

namespace bizy {

// The logging category of the reminders module: bizy.reminders.
Q_DECLARE_LOGGING_CATEGORY(lcReminders)

} // namespace bizy
