#pragma once

#include "ServerConfig.h"

namespace bizy::server {

// `bizy-server new-epoch`, run after the database was restored from a backup:
// applies the migrations and gives every user a new sync epoch (docs/api.md
// section 6.12). A client that sees the new epoch in a pull reloads from 0
// and sends again what the restored database lacks (core/sync/SyncEngine).
// Returns the process exit code.
class NewEpochCommand {
public:
    static int run(const ServerConfig& config);
};

} // namespace bizy::server
