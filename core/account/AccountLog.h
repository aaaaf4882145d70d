#pragma once

#include <QLoggingCategory>

namespace bizy {
Q_DECLARE_LOGGING_CATEGORY(lcAccount)
} // namespace bizy
