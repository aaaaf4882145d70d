#include "AccountLog.h"

namespace bizy {
Q_LOGGING_CATEGORY(lcAccount, "bizy.account", QtInfoMsg)
} // namespace bizy
