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
    enum class RefreshOutcome {
        Refreshed,    // a newer access token is available: replay the request
        SessionEnded, // the server refused the session: the user must log in again
        TryLater      // the server could not be reached: the session is still valid
    };

    // Called after `rejectedToken` got a 401; `done` runs once (at once with
    // Refreshed if a newer token already replaced `rejectedToken`). Concurrent
    // callers share one refresh.
    virtual void refreshAccessToken(const QString& rejectedToken,
                                    std::function<void(RefreshOutcome)> done) = 0;
};

} // namespace bizy
