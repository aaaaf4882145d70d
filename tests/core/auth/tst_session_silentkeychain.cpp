#include "ServerFixture.h"
#include "SilentKeyring.h"
#include "auth/KeychainStore.h"
#include "auth/Session.h"
#include "net/ApiClient.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using bizy::ApiClient;
using bizy::ApiReply;
using bizy::KeychainStore;
using bizy::Session;

namespace {

const QString kPassword = u"Password123!"_s;
constexpr auto kTestTimeout = 500ms;
constexpr int kGenerousMs = 30000;

// One "app start": a client and its session against one server.
struct App {
    explicit App(const QString& baseUrl)
        : api(QUrl(baseUrl))
        , session(&api) {}
    ApiClient api;
    Session session;
};

} // namespace

// Runs inside with-silent-keyring.sh: the Secret Service takes every call and
// never answers, as on a desktop with no unlocked keyring and no prompter.
// Keychain calls give up after half a second here instead of ten.
class TestSessionSilentKeychain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(SilentKeyring::isRunning(), "run through tests/support/with-silent-keyring.sh");
        KeychainStore::setTimeout(kTestTimeout);
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        for (const QString& name : {u"sk_alice"_s, u"sk_bob"_s, u"sk_carol"_s, u"sk_dave"_s})
            QCOMPARE(m_fixture.http().registerUser(name, kPassword).status, 201);
    }

    void init() {
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
    }

    void login_goesOnInMemory_andSaysOnceToLogInAgainNextTime() {
        // given a fresh app
        App app(baseUrl());
        QSignalSpy unavailable(&app.session, &Session::keychainUnavailable);
        QSignalSpy persistence(&app.session, &Session::persistenceChanged);
        const qsizetype receivedBefore = SilentKeyring::receivedCalls().size();
        // when alice logs in
        app.session.login(u"sk_alice"_s, kPassword);
        // then she is logged in, and once the keychain has had its time she is
        // told that she will have to log in again next time
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedIn, kGenerousMs);
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.count(), 1, kGenerousMs);
        const QString message = unavailable.first().first().toString();
        QVERIFY2(message.contains(u"did not answer"_s), qPrintable(message));
        QVERIFY2(message.contains(u"log in again"_s), qPrintable(message));
        QCOMPARE(app.session.persistence(), Session::Persistence::MemoryOnly);
        // and the tokens were offered to the keychain
        QVERIFY(SilentKeyring::receivedCalls().size() > receivedBefore);
        // and her token works
        QVERIFY(call(app.api, u"/api/auth/profile"_s).ok());
        // when the keychain answers after all
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
        // then nothing changes: told once, still in memory, still logged in
        QCOMPARE(unavailable.count(), 1);
        QCOMPARE(persistence.count(), 1);
        QCOMPARE(app.session.persistence(), Session::Persistence::MemoryOnly);
        QCOMPARE(app.session.state(), Session::State::LoggedIn);
    }

    void accountSwitch_afterATimeout_doesNotWaitForTheKeychainAgain() {
        // given alice's login, which waited for the keychain in vain
        App first(baseUrl());
        QSignalSpy firstUnavailable(&first.session, &Session::keychainUnavailable);
        first.session.login(u"sk_alice"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(firstUnavailable.count(), 1, kGenerousMs);
        const qsizetype receivedAfterTimeout = SilentKeyring::receivedCalls().size();
        // when bob logs in with a second session, and keychain calls would now
        // wait far beyond the test's bound
        KeychainStore::setTimeout(10min);
        const auto restoreTimeout = qScopeGuard([] { KeychainStore::setTimeout(kTestTimeout); });
        App second(baseUrl());
        QSignalSpy secondUnavailable(&second.session, &Session::keychainUnavailable);
        second.session.login(u"sk_bob"_s, kPassword);
        // then he is told at once that he will have to log in again next time
        QTRY_COMPARE_WITH_TIMEOUT(secondUnavailable.count(), 1, kGenerousMs);
        QVERIFY2(secondUnavailable.first().first().toString().contains(u"log in again"_s),
                 qPrintable(secondUnavailable.first().first().toString()));
        QCOMPARE(second.session.state(), Session::State::LoggedIn);
        QCOMPARE(second.session.persistence(), Session::Persistence::MemoryOnly);
        // and the keychain was not asked again
        QCOMPARE(SilentKeyring::receivedCalls().size(), receivedAfterTimeout);
    }

    void restore_finishesWithoutASession_andALoginGoesOn_data() {
        QTest::addColumn<QString>("username");
        QTest::newRow("last user") << QString();
        QTest::newRow("named user") << u"sk_carol"_s;
    }

    void restore_finishesWithoutASession_andALoginGoesOn() {
        QFETCH(QString, username);
        // given an app starting up
        App app(baseUrl());
        QSignalSpy restored(&app.session, &Session::restoreFinished);
        const qsizetype receivedBefore = SilentKeyring::receivedCalls().size();
        // when it looks for the saved login
        app.session.restore(username);
        // then it asks the keychain, and after its timeout starts without a session
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, kGenerousMs);
        QCOMPARE(restored.first().first().toBool(), false);
        QVERIFY(SilentKeyring::receivedCalls().size() > receivedBefore);
        QCOMPARE(app.session.state(), Session::State::LoggedOut);
        QCOMPARE(app.session.persistence(), Session::Persistence::MemoryOnly);
        // when carol then logs in to sync
        QSignalSpy unavailable(&app.session, &Session::keychainUnavailable);
        app.session.login(u"sk_carol"_s, kPassword);
        // then she is logged in, in memory, and told so once
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedIn, kGenerousMs);
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.count(), 1, kGenerousMs);
        QCOMPARE(app.session.persistence(), Session::Persistence::MemoryOnly);
    }

    void logout_whileTheKeychainHangs_stillLogsOut() {
        // given dave logged in (in memory: the keychain did not answer)
        App app(baseUrl());
        app.session.login(u"sk_dave"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(app.session.persistence(), Session::Persistence::MemoryOnly,
                                  kGenerousMs);
        // and a keychain that has not timed out yet in this run
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
        const qsizetype receivedBefore = SilentKeyring::receivedCalls().size();
        // when he logs out
        app.session.logout();
        // then the keychain is asked to forget him, and after its timeout he is logged out
        QTRY_COMPARE_WITH_TIMEOUT(app.session.state(), Session::State::LoggedOut, kGenerousMs);
        QVERIFY(SilentKeyring::receivedCalls().size() > receivedBefore);
        QVERIFY(KeychainStore::hasTimedOut());
        QVERIFY(app.session.accessToken().isEmpty());
        QVERIFY(app.session.accountKey().isEmpty());
    }

private:
    QString baseUrl() { return m_fixture.server().baseUrl(); }

    ApiReply call(ApiClient& api, const QString& path) {
        std::optional<ApiReply> reply;
        api.send({.path = path}, this, [&reply](const ApiReply& answer) { reply = answer; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), kGenerousMs); }();
        return reply.value_or(ApiReply{.error = bizy::ApiError::timeout()});
    }

    ServerFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestSessionSilentKeychain)
#include "tst_session_silentkeychain.moc"
