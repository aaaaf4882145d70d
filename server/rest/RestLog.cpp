#include "RestLog.h"

Q_LOGGING_CATEGORY(lcRest, "bizy.server.rest")
