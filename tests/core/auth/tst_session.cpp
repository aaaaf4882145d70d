#include "DiskScan.h"
#include "FaultProxy.h"
#include "ServerFixture.h"
#include "auth/Session.h"
#include "net/ApiClient.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using bizy::ApiClient;
using bizy::ApiReply;
using bizy::ApiRequest;
using bizy::Session;

namespace {

const QString kPassword = u"Password123!"_s;

// Every log line of the run, to prove that no token or password is logged.
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    g_logLines << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// One "app start": a client and its session against one server.
struct App {
    explicit App(const QString& baseUrl)
        : api(QUrl(baseUrl))
        , session(&api) {}
    ApiClient api;
    Session session;
};

} // namespace

// Runs inside with-keyring.sh: a private D-Bus session with an unlocked,
// throwaway gnome-keyring. The server issues one-minute access tokens.
class TestSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/support/with-keyring.sh");
        QLoggingCategory::setFilterRules(u"bizy.*.debug=true"_s);
        g_previousHandler = qInstallMessageHandler(recordMessage);
        QString error;
        // A short refresh grace period, so a reuse after it is seen without a long wait.
        QVERIFY2(
            m_fixture.start({{u"BIZY_ACCESS_TOKEN_MINUTES"_s, u"1"_s},
                             {u"BIZY_REFRESH_GRACE_SECONDS"_s, QString::number(kGraceSeconds)}},
                            &error),
            qPrintable(error));
        for (const QString& name : {u"ses_alice"_s, u"ses_bob"_s, u"ses_carol"_s, u"ses_dave"_s,
                                    u"ses_erin"_s, u"ses_frank"_s})
            QCOMPARE(m_fixture.http().registerUser(name, kPassword).status, 201);
    }

    void login_byUsername_isLoggedInWithClaims() {
        // given a fresh app
        App app(baseUrl());
        QSignalSpy states(&app.session, &Session::stateChanged);
        // when alice logs in with her username
        app.session.login(u"ses_alice"_s, kPassword);
        // then she is logged in, and the claims and account key describe her
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedIn, 30000);
        QCOMPARE(states.first().first().value<Session::State>(), Session::State::LoggingIn);
        const bizy::AccessClaims claims = app.session.claims();
        QVERIFY(claims.userId > 0);
        QCOMPARE(claims.username, u"ses_alice"_s);
        QCOMPARE(claims.email, u"ses_alice@example.com"_s);
        QCOMPARE(claims.isAdmin, false);
        QVERIFY(claims.expiresAt > QDateTime::currentDateTimeUtc());
        const QString key = app.session.accountKey();
        QVERIFY2(QRegularExpression(u"^[A-Za-z0-9._-]+$"_s).match(key).hasMatch(), qPrintable(key));
        QVERIFY2(key.contains(QString::number(claims.userId)), qPrintable(key));
        // and her requests are authenticated
        const ApiReply profile = call(app.api, u"/api/auth/profile"_s);
        QVERIFY(profile.ok());
        QCOMPARE(profile.object().value(u"username"_s).toString(), u"ses_alice"_s);
    }

    void login_byEmail_isLoggedInAsTheSameUser() {
        // given a fresh app
        App app(baseUrl());
        // when bob logs in with his email
        app.session.login(u"ses_bob@example.com"_s, kPassword);
        // then he is logged in under his username
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedIn, 30000);
        QCOMPARE(app.session.claims().username, u"ses_bob"_s);
    }

    void login_wrongPassword_isAClearErrorAndLoggedOut() {
        // given a fresh app
        App app(baseUrl());
        QSignalSpy errors(&app.session, &Session::errorOccurred);
        QSignalSpy states(&app.session, &Session::stateChanged);
        // when alice types a wrong password
        app.session.login(u"ses_alice"_s, u"not her password"_s);
        // then she is told what to check, and nobody is logged in
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 30000);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(u"Wrong username, email or password"_s), qPrintable(message));
        QCOMPARE(app.session.state(), Session::State::LoggedOut);
        QCOMPARE(states.last().first().value<Session::State>(), Session::State::LoggedOut);
        QVERIFY(app.session.accessToken().isEmpty());
        QVERIFY(app.session.accountKey().isEmpty());
    }

    void tokens_areInTheKeychain_andRestoredAtTheNextStart() {
        // given carol logged in, her tokens saved in the keychain
        QString accessToken;
        QString accountKey;
        {
            App first(baseUrl());
            first.session.login(u"ses_carol"_s, kPassword);
            QTRY_COMPARE_WITH_TIMEOUT(first.session.persistence(), Session::Persistence::Keychain,
                                      30000);
            accessToken = first.session.accessToken();
            accountKey = first.session.accountKey();
        }
        // and no file anywhere under the home directory holds the token
        QVERIFY(!accessToken.isEmpty());
        const QStringList leaks =
            filesContaining(QDir::homePath(), {accessToken.toUtf8()}) +
            filesContaining(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                            {accessToken.toUtf8()});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));

        // when the app starts again and restores the last session
        App second(baseUrl());
        QSignalSpy restored(&second.session, &Session::restoreFinished);
        second.session.restore();
        // then carol is logged in again without a password, as the same account
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 30000);
        QCOMPARE(restored.first().first().toBool(), true);
        QCOMPARE(second.session.state(), Session::State::LoggedIn);
        QCOMPARE(second.session.claims().username, u"ses_carol"_s);
        QCOMPARE(second.session.accountKey(), accountKey);
        const ApiReply profile = call(second.api, u"/api/auth/profile"_s);
        QVERIFY(profile.ok());
        QCOMPARE(profile.object().value(u"username"_s).toString(), u"ses_carol"_s);
    }

    void accessToken_isRefreshedBeforeItExpires() {
        // given dave logged in with a one-minute token and a 50 s refresh lead
        App app(baseUrl());
        app.session.setRefreshLeadSeconds(50);
        QSignalSpy refreshed(&app.session, &Session::tokensRefreshed);
        app.session.login(u"ses_dave"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedIn, 30000);
        const QString firstToken = app.session.accessToken();
        const QDateTime firstExpiry = app.session.claims().expiresAt;
        // when time passes without any request
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 45000);
        // then the token was replaced before it expired, and the new one works
        QVERIFY(QDateTime::currentDateTimeUtc() < firstExpiry);
        QVERIFY(app.session.accessToken() != firstToken);
        QVERIFY(app.session.claims().expiresAt > firstExpiry);
        QCOMPARE(app.session.state(), Session::State::LoggedIn);
        QVERIFY(call(app.api, u"/api/auth/profile"_s).ok());
    }

    void expiredAccessToken_isRefreshedAfter401_andTheRequestsReplayed() {
        // given erin logged in without the refresh timer, and her access token expired
        App app(baseUrl());
        app.session.setAutoRefresh(false);
        QSignalSpy refreshed(&app.session, &Session::tokensRefreshed);
        app.session.login(u"ses_erin"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedIn, 30000);
        const QString expiredToken = app.session.accessToken();
        const QDateTime expiry = app.session.claims().expiresAt;
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > expiry.addSecs(2), 90000);
        QCOMPARE(refreshed.count(), 0);

        // when three requests leave at once with the expired token
        QList<std::optional<ApiReply>> replies(3);
        for (int i = 0; i < 3; ++i)
            app.api.send({.path = u"/api/auth/profile"_s}, this,
                         [&replies, i](const ApiReply& reply) { replies[i] = reply; });
        QTRY_VERIFY_WITH_TIMEOUT(replies[0] && replies[1] && replies[2], 30000);

        // then each got a 401, one refresh served them all, and each was replayed once
        for (const auto& reply : replies) {
            QVERIFY(reply->ok());
            QCOMPARE(reply->attempts, 2);
            QCOMPARE(reply->object().value(u"username"_s).toString(), u"ses_erin"_s);
        }
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(app.session.accessToken() != expiredToken);
        QCOMPARE(app.session.state(), Session::State::LoggedIn);
    }

    void reusedRefreshToken_endsTheSession_needsLogin() {
        // given frank's saved session restored by two app instances (one refresh token)
        {
            App login(baseUrl());
            login.session.login(u"ses_frank"_s, kPassword);
            QTRY_COMPARE_WITH_TIMEOUT(login.session.persistence(), Session::Persistence::Keychain,
                                      30000);
        }
        App first(baseUrl());
        App copy(baseUrl());
        for (Session* session : {&first.session, &copy.session}) {
            session->setAutoRefresh(false); // only the refreshes this test makes
            QSignalSpy restored(session, &Session::restoreFinished);
            session->restore(u"ses_frank"_s);
            QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 30000);
            QVERIFY(restored.first().first().toBool());
        }
        QSignalSpy firstRefreshed(&first.session, &Session::tokensRefreshed);
        first.session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(firstRefreshed.count(), 1, 30000);

        // when the copy refreshes with the refresh token that was already used,
        // after the grace period
        QTest::qWait(kGraceSeconds * 1000 + 500);
        QSignalSpy errors(&copy.session, &Session::errorOccurred);
        copy.session.refreshNow();
        // then the server ends the whole session family: the copy needs a login ...
        QTRY_COMPARE_WITH_TIMEOUT(copy.session.state(), Session::State::NeedsLogin, 30000);
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.first().first().toString().contains(u"log in again"_s),
                 qPrintable(errors.first().first().toString()));
        QVERIFY(copy.session.accessToken().isEmpty());
        // ... and so does the instance that refreshed first, at its next refresh
        first.session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(first.session.state(), Session::State::NeedsLogin, 30000);
    }

    void lostRefreshAnswer_retryGetsTheSamePair_staysLoggedIn() {
        // given bob logged in through a proxy
        FaultProxy proxy(u"127.0.0.1"_s, m_fixture.server().port());
        QVERIFY(proxy.start());
        App app(proxy.url().toString());
        app.session.setAutoRefresh(false);
        app.session.login(u"ses_bob"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedIn, 30000);
        const QString loginToken = app.session.accessToken();
        // when the answer to a refresh is lost on the way back
        proxy.resetCounters();
        proxy.dropAnswers(1);
        QSignalSpy errors(&app.session, &Session::errorOccurred);
        QSignalSpy refreshed(&app.session, &Session::tokensRefreshed);
        app.session.refreshNow();
        // then the retry, within the server's grace period, gets the pair the lost
        // answer held: bob stays logged in with a new access token that works
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 30000);
        QCOMPARE(proxy.droppedAnswerCount(), 1);
        QCOMPARE(proxy.requestCount(), 2);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(app.session.state(), Session::State::LoggedIn);
        QVERIFY(app.session.accessToken() != loginToken);
        QCOMPARE(call(app.api, u"/api/auth/profile"_s).object().value(u"username"_s).toString(),
                 u"ses_bob"_s);
        // and the refresh token it kept rotates on, long after the grace period
        QTest::qWait(kGraceSeconds * 1000 + 500);
        app.session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 2, 30000);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(app.session.state(), Session::State::LoggedIn);
    }

    void logout_removesTheTokensFromTheKeychain() {
        // given alice logged in and saved in the keychain
        App app(baseUrl());
        app.session.login(u"ses_alice"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(app.session.persistence(), Session::Persistence::Keychain, 30000);
        // when she logs out
        app.session.logout();
        // then she is logged out here ...
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedOut, 30000);
        QVERIFY(app.session.accessToken().isEmpty());
        // ... and the next start finds nothing to restore, by last user or by name
        App next(baseUrl());
        QSignalSpy restored(&next.session, &Session::restoreFinished);
        next.session.restore();
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 30000);
        QCOMPARE(restored.first().first().toBool(), false);
        next.session.restore(u"ses_alice"_s);
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 2, 30000);
        QCOMPARE(restored.last().first().toBool(), false);
        QCOMPARE(next.session.state(), Session::State::LoggedOut);
    }

    void logs_neverContainTokensOrPasswords() {
        // given everything logged so far, and a full session cycle with debug logging on
        App app(baseUrl());
        app.session.login(u"ses_bob"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedIn, 30000);
        const QString loginToken = app.session.accessToken();
        QVERIFY(call(app.api, u"/api/auth/profile"_s).ok());
        QSignalSpy refreshed(&app.session, &Session::tokensRefreshed);
        app.session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 30000);
        const QString refreshedToken = app.session.accessToken();
        app.session.logout();
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedOut, 30000);
        // when the log is searched for the secrets
        QStringList leaks;
        for (const QString& line : std::as_const(g_logLines)) {
            if (line.contains(loginToken) || line.contains(refreshedToken) ||
                line.contains(kPassword) || line.contains(u"Bearer "_s))
                leaks << line;
        }
        // then the log says what happened (requests, refresh) but never with a secret
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u"\n"_s)));
        QVERIFY(g_logLines.filter(u"/api/auth/refresh 200"_s).size() >= 1);
        QVERIFY(g_logLines.filter(u"Logging out user"_s).size() >= 1);
    }

private:
    static constexpr int kGraceSeconds = 2;

    QString baseUrl() { return m_fixture.server().baseUrl(); }

    ApiReply call(ApiClient& api, const QString& path) {
        std::optional<ApiReply> reply;
        api.send({.path = path}, this, [&reply](const ApiReply& answer) { reply = answer; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 30000); }();
        return reply.value_or(ApiReply{.error = bizy::ApiError::timeout()});
    }

    ServerFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
