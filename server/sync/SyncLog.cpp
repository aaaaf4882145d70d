#include "SyncLog.h"

namespace bizy::server {

Q_LOGGING_CATEGORY(lcSync, "bizy.server.sync")

} // namespace bizy::server
