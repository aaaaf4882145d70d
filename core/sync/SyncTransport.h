#pragma once

#include "net/ApiReply.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

namespace bizy {

// How the sync engine reaches the server: the two calls of docs/api.md
// section 6 and whether someone is logged in. ApiSyncTransport is the real
// one over HTTP; tests put an in-memory server behind the same interface.
class SyncTransport : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiReply&)>;
    using QObject::QObject;

    virtual bool isLoggedIn() const = 0;
    // POST /api/sync/push with `body` ({device_id, mutations}); `done` runs
    // once on this object's thread unless `context` is gone by then.
    virtual void push(const QJsonObject& body, QObject* context, Callback done) = 0;
    // GET /api/sync/pull?cursor=&limit=[&reload=true]
    virtual void pull(qint64 cursor, int limit, bool reload, QObject* context, Callback done) = 0;

signals:
    // Someone logged in (true), or the session ended or was left (false).
    void loginChanged(bool loggedIn);
};

} // namespace bizy
