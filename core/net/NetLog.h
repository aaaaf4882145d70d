#pragma once

#include <QLoggingCategory>

namespace bizy {

// The logging category of the network module: bizy.net.
Q_DECLARE_LOGGING_CATEGORY(lcNet)

} // namespace bizy
