#include "StoreLog.h"

namespace bizy {

Q_LOGGING_CATEGORY(lcStore, "bizy.store")

} // namespace bizy
