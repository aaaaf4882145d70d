#include "AuthLog.h"

namespace bizy {

Q_LOGGING_CATEGORY(lcAuth, "bizy.auth")

} // namespace bizy
