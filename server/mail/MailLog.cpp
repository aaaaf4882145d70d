#include "MailLog.h"

namespace bizy::server {

Q_LOGGING_CATEGORY(lcMail, "bizy.server.mail")

} // namespace bizy::server
