#include "SyncLog.h"

namespace bizy {

Q_LOGGING_CATEGORY(lcSync, "bizy.sync")

} // namespace bizy
