#pragma once

#include <QJsonObject>

namespace bizy {

// The server's copy of one row as this device last pulled or acknowledged it
// (the store's `server_rows`). A copy made from our own create, before any
// pull brought the row, lacks what only the server sets (user_id, updated_at):
// it is not `complete`.
struct ServerCopy {
    qint64 version = 0;
    QJsonObject json; // sync shape
    bool complete = true;
};

} // namespace bizy
