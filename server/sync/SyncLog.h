#pragma once

#include <QLoggingCategory>

namespace bizy::server {

// bizy.server.sync: pushes and pulls of the delta sync.
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace bizy::server
