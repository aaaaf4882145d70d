#include "SyncLog.h"

Q_LOGGING_CATEGORY(lcSync, "bizy.server.sync")
