#include "RemindersLog.h"

namespace bizy {
Q_LOGGING_CATEGORY(lcReminders, "bizy.reminders", QtInfoMsg)
} // namespace bizy
