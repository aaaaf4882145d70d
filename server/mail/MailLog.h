#pragma once

#include <QLoggingCategory>

namespace bizy::server {

// bizy.server.mail: mail handed to the SMTP server, and what went wrong.
Q_DECLARE_LOGGING_CATEGORY(lcMail)

} // namespace bizy::server
