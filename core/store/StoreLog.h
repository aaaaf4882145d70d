#pragma once

#include <QLoggingCategory>

namespace bizy {

// The logging category of the local store module: bizy.store.
Q_DECLARE_LOGGING_CATEGORY(lcStore)

} // namespace bizy
