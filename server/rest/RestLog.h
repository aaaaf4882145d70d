#pragma once

#include <QLoggingCategory>

// The task and goal endpoints log under bizy.server.rest.
Q_DECLARE_LOGGING_CATEGORY(lcRest)
