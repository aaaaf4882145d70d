#pragma once

#include <QLoggingCategory>

namespace bizy {
Q_DECLARE_LOGGING_CATEGORY(lcPresentation)
} // namespace bizy
