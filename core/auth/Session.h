#pragma once

#include "AccessClaims.h"
#include "KeychainStore.h"
#include "net/ApiError.h"
#include "net/TokenProvider.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <functional>

namespace bizy {

class ApiClient;
struct ApiReply;

// The login session with one server: logs in, keeps the access and refresh
// tokens, refreshes the access token shortly before it expires and after a
// 401, logs out, and keeps the tokens in the OS keychain (service "bizy") so
// the next start needs no password. Without a keychain, or with one that does
// not answer within KeychainStore::timeout(), the tokens stay in memory only
// and keychainUnavailable() says the user will have to log in again next time;
// restore() then finishes without a session and logout() still logs out.
class Session : public QObject, public TokenProvider {
    Q_OBJECT
public:
    enum class State {
        LoggedOut,
        LoggingIn,
        LoggedIn,
        NeedsLogin // the server no longer accepts the session: ask for the password again
    };
    Q_ENUM(State)

    enum class Persistence {
        Unknown,   // nothing written yet
        Keychain,  // the tokens are in the OS keychain
        MemoryOnly // no keychain: the tokens are lost when Bizy quits
    };
    Q_ENUM(Persistence)

    static constexpr const char* kKeychainService = "bizy";

    // Registers itself as `api`'s token provider.
    explicit Session(ApiClient* api, QObject* parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    Persistence persistence() const { return m_persistence; }
    bool isLoggedIn() const { return m_state == State::LoggedIn; }
    // Decoded from the access token; empty (userId 0) when logged out.
    AccessClaims claims() const { return m_claims; }
    // The last error, for a UI that shows it later than the signal.
    QString lastErrorMessage() const { return m_lastErrorMessage; }

    // A stable, filesystem-safe name for (server, user id), so each account on
    // this computer gets its own local database: LocalStore::defaultPath(accountKey()).
    // Empty when logged out.
    QString accountKey() const;
    static QString accountKey(const QUrl& server, qint64 userId);

    // POST /api/auth/login with a username or an email.
    void login(const QString& usernameOrEmail, const QString& password);
    // POST /api/auth/logout, then forgets the tokens here and in the keychain
    // (even when the server cannot be reached).
    void logout();
    // Reads the saved session of `username` on this server from the keychain
    // (the last user who logged in when empty); restoreFinished() tells.
    void restore(const QString& username = {});
    // Refreshes the access token now (the timer calls this before expiry).
    void refreshNow();

    // How long before expiry the timer refreshes (default 60 s; at most 3/4 of
    // the token's lifetime, so short-lived tokens are not refreshed in a loop).
    void setRefreshLeadSeconds(int seconds);
    // Off: no timer; the token is refreshed only after a 401.
    void setAutoRefresh(bool enabled);

    // TokenProvider
    QString accessToken() const override { return m_accessToken; }
    void refreshAccessToken(const QString& rejectedToken,
                            std::function<void(RefreshOutcome)> done) override;

signals:
    void stateChanged(bizy::Session::State state);
    // A user-facing sentence: a failed login, a session that ended.
    void errorOccurred(const QString& message);
    void restoreFinished(bool restored);
    void tokensRefreshed();
    void persistenceChanged(bizy::Session::Persistence persistence);
    // There is no usable keychain: the user will have to log in again next time.
    void keychainUnavailable(const QString& message);

private:
    bool applyTokens(const QJsonObject& answer);
    void handleRefreshReply(const ApiReply& reply);
    void finishRefresh(RefreshOutcome outcome);
    void scheduleRefresh();
    void saveTokens();
    void forgetTokens(std::function<void()> then);
    void setState(State state);
    void setPersistence(Persistence persistence);
    void fail(const QString& message);
    QString serverName() const;
    QString tokensKey(const QString& username) const;
    QString lastUserKey() const;

    QPointer<ApiClient> m_api;
    KeychainStore m_keychain;
    State m_state = State::LoggedOut;
    Persistence m_persistence = Persistence::Unknown;
    bool m_toldKeychainUnavailable = false; // keychainUnavailable() was emitted
    QString m_accessToken;
    QString m_refreshToken;
    AccessClaims m_claims;
    QString m_lastErrorMessage;
    bool m_refreshing = false;
    QList<std::function<void(RefreshOutcome)>> m_refreshWaiters;
    QTimer m_refreshTimer;
    int m_refreshLeadSeconds = 60;
    qint64 m_tokenLifetimeSeconds = 0; // as the server issued it
    bool m_autoRefresh = true;
    quint64 m_generation = 0; // bumps on login/logout so stale answers are ignored
};

} // namespace bizy
