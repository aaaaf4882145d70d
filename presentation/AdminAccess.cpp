#include "AdminAccess.h"

#include "PresentationLog.h"
#include "account/AdminClient.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "auth/Session.h"

namespace bizy {

namespace {

bool unreachable(const ApiError& error) {
    using Kind = ApiError::Kind;
    return error.kind == Kind::Network || error.kind == Kind::Timeout ||
           error.kind == Kind::Unavailable;
}

} // namespace

AdminAccess::AdminAccess(QObject* parent)
    : QObject(parent) {}

void AdminAccess::setWorkspace(Workspace* workspace) {
    if (m_session)
        m_session->disconnect(this);
    delete m_client;
    m_client = nullptr;
    m_session = workspace ? workspace->session() : nullptr;
    if (m_session && workspace->connection()) {
        m_client = new AdminClient(workspace->connection()->api(), this);
        connect(m_client, &AdminClient::answered, this, &AdminAccess::onAnswer);
        connect(m_session, &Session::stateChanged, this, &AdminAccess::recheck);
        connect(m_session, &Session::tokensRefreshed, this, &AdminAccess::recheck);
        // Another account (or the same one logged in anew): nothing is assumed.
        if (m_session->isLoggedIn())
            setState(State::Checking);
    }
    if (!workspace) {
        // Between two workspaces (a login switching stores): nothing known yet,
        // and nothing to close either.
        ++m_generation;
        setState(State::Checking);
        return;
    }
    recheck();
}

qint64 AdminAccess::userId() const {
    return m_session ? m_session->claims().userId : 0;
}

QString AdminAccess::problemText() const {
    switch (m_state) {
    case State::Offline:
        return tr("Bizy cannot reach the server. Admin changes are not queued: nothing is "
                  "changed until you are back online.");
    case State::NeedsLogin:
        return tr("Your session has ended. Log in again to administer users.");
    case State::NotAdmin:
        return tr("This account is not an administrator.");
    case State::Checking:
        return tr("Asking the server about your rights\u2026");
    case State::Admin:
        break;
    }
    return {};
}

void AdminAccess::recheck() {
    const quint64 generation = ++m_generation;
    if (!m_session || !m_client || !m_session->isLoggedIn()) {
        setState(m_session && m_session->state() == Session::State::NeedsLogin ? State::NeedsLogin
                                                                               : State::NotAdmin);
        return;
    }
    if (!isAdmin())
        setState(State::Checking);
    m_client->me(this, [this, generation](const AdminResult<User>& me) {
        if (generation != m_generation)
            return;
        if (me.ok())
            setState(me.value->isAdmin ? State::Admin : State::NotAdmin);
        // Errors have been handled by onAnswer already.
    });
}

void AdminAccess::onAnswer(const std::optional<ApiError>& error) {
    if (!error) {
        if (m_state == State::Offline)
            setState(State::Admin);
        return;
    }
    if (error->kind == ApiError::Kind::Forbidden) {
        qCInfo(lcPresentation) << "The server refused admin rights; the admin panel closes";
        ++m_generation;
        setState(State::NotAdmin);
    } else if (error->kind == ApiError::Kind::Unauthorized) {
        ++m_generation;
        setState(State::NeedsLogin);
    } else if (unreachable(*error)) {
        if (m_state == State::Admin)
            setState(State::Offline);
        else if (m_state == State::Checking)
            setState(State::NotAdmin); // never confirmed: no panel offline
    }
}

void AdminAccess::setState(State state) {
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace bizy
