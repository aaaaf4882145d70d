#pragma once

#include <QLoggingCategory>

namespace bizy {

// The logging category of the login session module: bizy.auth.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)

} // namespace bizy
