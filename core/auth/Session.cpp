#include "Session.h"

#include "AuthLog.h"
#include "net/ApiClient.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

constexpr int kMinimumRefreshDelayMs = 5000;
constexpr int kRefreshRetryDelayMs = 30000;

const QString kNoKeychainMessage =
    u"No keychain is available on this computer, so your login is kept only while Bizy runs: "
    "you will have to log in again the next time you start Bizy."_s;
const QString kKeychainTimedOutMessage =
    u"The keychain on this computer did not answer, so your login is kept only while Bizy runs: "
    "you will have to log in again the next time you start Bizy."_s;
const QString kSessionEndedMessage =
    u"Your session has ended (you logged out elsewhere, your password changed, or it expired). "
    "Please log in again; your local changes are kept."_s;

// One spelling per server: no trailing slash, no empty path segments.
QUrl normalizedServer(const QUrl& server) {
    QUrl url = server.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments |
                               QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    if (url.path() == u"/"_s)
        url.setPath(QString());
    return url;
}

// No keychain to keep the tokens in: none at all, or one that never answered.
bool isKeychainMissing(KeychainStore::Outcome outcome) {
    return outcome == KeychainStore::Outcome::Unavailable ||
           outcome == KeychainStore::Outcome::TimedOut;
}

// A failure that may pass by itself: keep the session and try again later.
bool isTransient(const ApiError& error) {
    using Kind = ApiError::Kind;
    return error.kind == Kind::Network || error.kind == Kind::Timeout ||
           error.kind == Kind::Unavailable || error.kind == Kind::RateLimited ||
           (error.kind == Kind::Http && error.httpStatus >= 500);
}

} // namespace

Session::Session(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_keychain(QString::fromLatin1(kKeychainService)) {
    m_api->setTokenProvider(this);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &Session::refreshNow);
}

Session::~Session() {
    if (m_api)
        m_api->setTokenProvider(nullptr);
}

QString Session::serverName() const {
    return normalizedServer(m_api->baseUrl()).toString();
}

// Usernames are [A-Za-z0-9_], so neither key can take the other's shape.
QString Session::tokensKey(const QString& username) const {
    return serverName() + u" user "_s + username;
}

QString Session::lastUserKey() const {
    return serverName() + u" last-user"_s;
}

QString Session::accountKey() const {
    return m_claims.userId > 0 ? accountKey(m_api->baseUrl(), m_claims.userId) : QString();
}

QString Session::accountKey(const QUrl& server, qint64 userId) {
    static const QRegularExpression unsafe(u"[^A-Za-z0-9.-]"_s);
    const QUrl normalized = normalizedServer(server);
    QString host = normalized.host(QUrl::FullyEncoded).toLower();
    host.replace(unsafe, u"_"_s);
    const int port = normalized.port(normalized.scheme() == u"https"_s ? 443 : 80);
    // The hash tells apart servers that differ only in scheme or path.
    const QByteArray digest =
        QCryptographicHash::hash(normalized.toString().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(8);
    return host + u"-"_s + QString::number(port) + u"-user"_s + QString::number(userId) + u"-"_s +
           QString::fromLatin1(digest);
}

void Session::setRefreshLeadSeconds(int seconds) {
    m_refreshLeadSeconds = qMax(0, seconds);
    if (m_state == State::LoggedIn)
        scheduleRefresh();
}

void Session::setAutoRefresh(bool enabled) {
    m_autoRefresh = enabled;
    if (!enabled)
        m_refreshTimer.stop();
    else if (m_state == State::LoggedIn)
        scheduleRefresh();
}

void Session::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcAuth) << "Session state:" << state;
    emit stateChanged(state);
}

void Session::setPersistence(Persistence persistence) {
    if (m_persistence == persistence)
        return;
    m_persistence = persistence;
    emit persistenceChanged(persistence);
}

void Session::fail(const QString& message) {
    m_lastErrorMessage = message;
    emit errorOccurred(message);
}

void Session::login(const QString& usernameOrEmail, const QString& password) {
    const quint64 generation = ++m_generation;
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_claims = {};
    finishRefresh(RefreshOutcome::SessionEnded);
    setState(State::LoggingIn);
    qCInfo(lcAuth) << "Logging in to" << serverName();

    ApiRequest request;
    request.method = "POST"_ba;
    request.path = u"/api/auth/login"_s;
    request.body = QJsonObject{{u"username"_s, usernameOrEmail}, {u"password"_s, password}};
    request.authenticated = false;
    m_api->send(request, this, [this, generation](const ApiReply& reply) {
        if (generation != m_generation)
            return; // a newer login or a logout took over
        if (!reply.ok()) {
            const ApiError& error = *reply.error;
            const QString message =
                error.kind == ApiError::Kind::Unauthorized
                    ? u"Wrong username, email or password. Check them and try again."_s
                    : error.userMessage();
            qCInfo(lcAuth) << "Login failed:" << ApiError::kindName(error.kind) << error.httpStatus;
            setState(State::LoggedOut);
            fail(message);
            return;
        }
        if (!applyTokens(reply.object())) {
            setState(State::LoggedOut);
            fail(ApiError::invalidAnswer(reply.httpStatus, u"no usable token"_s).userMessage());
            return;
        }
        qCInfo(lcAuth) << "Logged in as user" << m_claims.userId;
        setState(State::LoggedIn);
        scheduleRefresh();
        saveTokens();
    });
}

bool Session::applyTokens(const QJsonObject& answer) {
    const QString access = answer.value(u"token"_s).toString();
    const QString refresh = answer.value(u"refresh_token"_s).toString();
    auto claims = AccessClaims::decode(access);
    if (!claims || refresh.isEmpty())
        return false;
    // The server's expires_in wins over the claim when both exist: it does not
    // depend on this computer's clock matching the server's.
    const QJsonValue expiresIn = answer.value(u"expires_in"_s);
    if (expiresIn.isDouble() && expiresIn.toInteger() > 0)
        claims->expiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresIn.toInteger());
    m_tokenLifetimeSeconds = expiresIn.isDouble() && expiresIn.toInteger() > 0
                                 ? expiresIn.toInteger()
                                 : QDateTime::currentDateTimeUtc().secsTo(claims->expiresAt);
    m_accessToken = access;
    m_refreshToken = refresh;
    m_claims = *claims;
    return true;
}

void Session::scheduleRefresh() {
    if (!m_autoRefresh || m_refreshToken.isEmpty() || !m_claims.expiresAt.isValid()) {
        m_refreshTimer.stop();
        return;
    }
    qint64 leadSeconds = m_refreshLeadSeconds;
    if (m_tokenLifetimeSeconds > 0)
        leadSeconds = qMin(leadSeconds, m_tokenLifetimeSeconds * 3 / 4);
    const qint64 untilRefreshMs =
        QDateTime::currentDateTimeUtc().msecsTo(m_claims.expiresAt) - leadSeconds * 1000;
    const qint64 delayMs =
        qBound<qint64>(kMinimumRefreshDelayMs, untilRefreshMs, 24LL * 3600 * 1000);
    qCDebug(lcAuth) << "Next token refresh in" << delayMs / 1000 << "s";
    m_refreshTimer.start(int(delayMs));
}

void Session::refreshAccessToken(const QString& rejectedToken,
                                 std::function<void(RefreshOutcome)> done) {
    if (m_state != State::LoggedIn || m_refreshToken.isEmpty()) {
        done(RefreshOutcome::SessionEnded);
        return;
    }
    if (!m_accessToken.isEmpty() && m_accessToken != rejectedToken && !m_refreshing) {
        done(RefreshOutcome::Refreshed); // someone else refreshed since that request left
        return;
    }
    m_refreshWaiters.append(std::move(done));
    refreshNow();
}

void Session::refreshNow() {
    if (m_refreshing || m_refreshToken.isEmpty() || m_state != State::LoggedIn)
        return;
    m_refreshing = true;
    m_refreshTimer.stop();
    const quint64 generation = m_generation;
    qCInfo(lcAuth) << "Refreshing the access token of user" << m_claims.userId;

    ApiRequest request;
    request.method = "POST"_ba;
    request.path = u"/api/auth/refresh"_s;
    request.body = QJsonObject{{u"refresh_token"_s, m_refreshToken}};
    request.authenticated = false;
    m_api->send(request, this, [this, generation](const ApiReply& reply) {
        if (generation != m_generation)
            return;
        handleRefreshReply(reply);
    });
}

void Session::handleRefreshReply(const ApiReply& reply) {
    m_refreshing = false;
    if (reply.ok() && applyTokens(reply.object())) {
        qCInfo(lcAuth) << "Access token refreshed, valid until"
                       << m_claims.expiresAt.toString(Qt::ISODate);
        scheduleRefresh();
        saveTokens();
        emit tokensRefreshed();
        finishRefresh(RefreshOutcome::Refreshed);
        return;
    }
    if (!reply.ok() && isTransient(*reply.error)) {
        // Offline or a busy server: keep the session, the next request or the timer tries again.
        qCInfo(lcAuth) << "Token refresh postponed:" << ApiError::kindName(reply.error->kind);
        if (m_autoRefresh)
            m_refreshTimer.start(kRefreshRetryDelayMs);
        finishRefresh(RefreshOutcome::TryLater);
        return;
    }
    // The server refused the refresh token (reused, revoked, expired, user disabled).
    qCInfo(lcAuth) << "The server ended the session:"
                   << (reply.error ? ApiError::kindName(reply.error->kind) : u"no token"_s)
                   << reply.httpStatus;
    const QString username = m_claims.username;
    ++m_generation;
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_claims = {};
    setState(State::NeedsLogin);
    fail(kSessionEndedMessage);
    finishRefresh(RefreshOutcome::SessionEnded);
    // The dead tokens go; the last-user entry stays so the login dialog can offer the name.
    if (!username.isEmpty())
        m_keychain.remove(tokensKey(username), {});
}

void Session::finishRefresh(RefreshOutcome outcome) {
    const auto waiters = std::exchange(m_refreshWaiters, {});
    if (outcome != RefreshOutcome::Refreshed)
        m_refreshing = false;
    for (const auto& waiter : waiters)
        waiter(outcome);
}

void Session::saveTokens() {
    const QString username = m_claims.username;
    const quint64 generation = m_generation;
    const QByteArray data = QJsonDocument(QJsonObject{{u"access_token"_s, m_accessToken},
                                                      {u"refresh_token"_s, m_refreshToken},
                                                      {u"username"_s, username},
                                                      {u"user_id"_s, m_claims.userId}})
                                .toJson(QJsonDocument::Compact);
    m_keychain.write(tokensKey(username), data,
                     [this, username, generation](KeychainStore::Outcome outcome, const QByteArray&,
                                                  const QString&) {
                         if (generation != m_generation)
                             return;
                         if (outcome != KeychainStore::Outcome::Ok) {
                             setPersistence(Persistence::MemoryOnly);
                             // Once per session, also when restore() already found no keychain.
                             if (std::exchange(m_toldKeychainUnavailable, true))
                                 return;
                             // After a timeout every call answers Unavailable at once.
                             const bool timedOut = outcome == KeychainStore::Outcome::TimedOut ||
                                                   KeychainStore::hasTimedOut();
                             emit keychainUnavailable(timedOut ? kKeychainTimedOutMessage
                                                               : kNoKeychainMessage);
                             return;
                         }
                         m_keychain.write(lastUserKey(), username.toUtf8(), {});
                         setPersistence(Persistence::Keychain);
                     });
}

void Session::restore(const QString& username) {
    const quint64 generation = ++m_generation;
    auto readTokens = [this, generation](const QString& name) {
        m_keychain.read(tokensKey(name), [this, generation](KeychainStore::Outcome outcome,
                                                            const QByteArray& data,
                                                            const QString&) {
            if (generation != m_generation)
                return;
            const QJsonObject saved = QJsonDocument::fromJson(data).object();
            const auto claims = AccessClaims::decode(saved.value(u"access_token"_s).toString());
            const QString refresh = saved.value(u"refresh_token"_s).toString();
            if (outcome != KeychainStore::Outcome::Ok || !claims || refresh.isEmpty()) {
                if (isKeychainMissing(outcome))
                    setPersistence(Persistence::MemoryOnly);
                qCInfo(lcAuth) << "No saved session to restore";
                emit restoreFinished(false);
                return;
            }
            m_accessToken = saved.value(u"access_token"_s).toString();
            m_refreshToken = refresh;
            m_claims = *claims;
            m_tokenLifetimeSeconds =
                claims->issuedAt.isValid() ? claims->issuedAt.secsTo(claims->expiresAt) : 0;
            setPersistence(Persistence::Keychain);
            qCInfo(lcAuth) << "Restored the session of user" << m_claims.userId;
            setState(State::LoggedIn);
            const qint64 leftSeconds = QDateTime::currentDateTimeUtc().secsTo(m_claims.expiresAt);
            if (m_autoRefresh && leftSeconds <= 0)
                refreshNow(); // expired while Bizy was closed
            else
                scheduleRefresh();
            emit restoreFinished(true);
        });
    };
    if (!username.isEmpty()) {
        readTokens(username);
        return;
    }
    m_keychain.read(lastUserKey(),
                    [this, generation, readTokens](KeychainStore::Outcome outcome,
                                                   const QByteArray& data, const QString&) {
                        if (generation != m_generation)
                            return;
                        if (outcome == KeychainStore::Outcome::Ok && !data.isEmpty()) {
                            readTokens(QString::fromUtf8(data));
                            return;
                        }
                        if (isKeychainMissing(outcome))
                            setPersistence(Persistence::MemoryOnly);
                        qCInfo(lcAuth) << "No saved session to restore";
                        emit restoreFinished(false);
                    });
}

void Session::logout() {
    const quint64 generation = ++m_generation;
    m_refreshTimer.stop();
    const QString refresh = m_refreshToken;
    const QString username = m_claims.username;
    auto forget = [this, generation, username] {
        if (generation != m_generation)
            return;
        m_accessToken.clear();
        m_refreshToken.clear();
        m_claims = {};
        finishRefresh(RefreshOutcome::SessionEnded);
        // LoggedOut only once the keychain forgot too, so a quick restart cannot restore it.
        auto forgetLastUser = [this, generation] {
            m_keychain.remove(lastUserKey(), [this, generation](KeychainStore::Outcome,
                                                                const QByteArray&, const QString&) {
                if (generation == m_generation)
                    setState(State::LoggedOut);
            });
        };
        if (username.isEmpty()) { // after NeedsLogin the tokens are gone already
            forgetLastUser();
            return;
        }
        m_keychain.remove(tokensKey(username),
                          [forgetLastUser](KeychainStore::Outcome, const QByteArray&,
                                           const QString&) { forgetLastUser(); });
    };
    if (refresh.isEmpty()) {
        forget();
        return;
    }
    qCInfo(lcAuth) << "Logging out user" << m_claims.userId;
    ApiRequest request;
    request.method = "POST"_ba;
    request.path = u"/api/auth/logout"_s;
    request.body = QJsonObject{{u"refresh_token"_s, refresh}};
    request.authenticated = false; // the refresh token names the session; no 401 dance
    request.retry = false;
    request.timeoutMs = 10000;
    m_api->send(request, this, [forget](const ApiReply& reply) {
        if (!reply.ok())
            qCInfo(lcAuth) << "The server did not confirm the logout:"
                           << ApiError::kindName(reply.error->kind)
                           << "; forgetting the tokens here anyway";
        forget();
    });
}

} // namespace bizy
