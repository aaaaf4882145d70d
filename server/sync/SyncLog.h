#pragma once

#include <QLoggingCategory>

// bizy.server.sync: pushes and pulls of the delta sync.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
