#pragma once

#include <QLoggingCategory>

// The desktop UI's log category: what the user did and what it changed.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
