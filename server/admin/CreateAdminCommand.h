#pragma once

#include "ServerConfig.h"

#include <QString>

namespace bizy::server {

// `bizy-server create-admin --username U --email E`: reads the password from
// stdin (no echo on a terminal), applies the migrations, and creates the
// admin or promotes (and re-passwords) an existing user of that name, so a
// fresh install can be managed. Returns the process exit code.
class CreateAdminCommand {
public:
    static int run(const ServerConfig& config, const QString& username, const QString& email);

private:
    static QString readPassword();
};

} // namespace bizy::server
