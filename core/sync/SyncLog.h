#pragma once

#include <QLoggingCategory>

namespace bizy {

// The logging category of the sync engine: bizy.sync.
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace bizy
