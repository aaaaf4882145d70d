#pragma once

#include "net/ApiError.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace bizy {

class AdminClient;
class Session;
class Workspace;

// Whether the logged-in account is an admin, according to the server. It asks
// GET /api/users/me on login, after each token refresh and when the workspace
// changes; any 403 of the admin API takes the rights away at once (a demoted
// admin loses the panel), a 401 or an ended session means "log in again", and
// a lost connection is said as such, nothing queued. It owns the AdminClient
// of the current account, which the admin panel's models use.
class AdminAccess : public QObject {
    Q_OBJECT
public:
    enum class State {
        NotAdmin,   // nobody logged in, a plain user, or the server said 403
        Checking,   // asked the server, no answer yet
        Admin,      // the server said is_admin, and nothing since contradicts it
        Offline,    // an admin whose last call did not reach the server
        NeedsLogin, // the session ended: log in again to administer users
    };
    Q_ENUM(State)

    explicit AdminAccess(QObject* parent = nullptr);

    void setWorkspace(Workspace* workspace);

    State state() const { return m_state; }
    // The admin panel is available (Admin, or Offline after being one).
    bool isAdmin() const { return m_state == State::Admin || m_state == State::Offline; }
    // What the panel says instead of, or above, its tables; empty when all is well.
    QString problemText() const;
    // Null without a logged-in account on a server.
    AdminClient* client() const { return m_client; }
    qint64 userId() const;

public slots:
    // Asks the server again (also after an offline spell).
    void recheck();

signals:
    void stateChanged(bizy::AdminAccess::State state);

private:
    void onAnswer(const std::optional<ApiError>& error);
    void setState(State state);

    QPointer<Session> m_session;
    AdminClient* m_client = nullptr;
    State m_state = State::NotAdmin;
    quint64 m_generation = 0; // answers to an older question are ignored
};

} // namespace bizy
