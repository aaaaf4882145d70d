#include "NetLog.h"

namespace bizy {

Q_LOGGING_CATEGORY(lcNet, "bizy.net")

} // namespace bizy
