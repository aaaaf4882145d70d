#pragma once

#include <QString>
#include <functional>

namespace bizy {

// What ApiClient needs from a login session, so core/net does not depend on
// core/auth: the current access token, and a way to get a fresh one after a 401.
class TokenProvider {
public:
    virtual ~TokenProvider() = default;

    // Empty when nobody is logged in.
    virtual QString accessToken() const = 0;
    // Called after `rejectedToken` got a 401. `done(true)` once a newer access
    // token is available (at once if one already replaced `rejectedToken`),
    // `done(false)` when the session cannot be refreshed. Concurrent callers
    // share one refresh.
    virtual void refreshAccessToken(const QString& rejectedToken,
                                    std::function<void(bool refreshed)> done) = 0;
};

} // namespace bizy
