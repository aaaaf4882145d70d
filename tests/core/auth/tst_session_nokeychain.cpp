#include "DiskScan.h"
#include "ServerFixture.h"
#include "auth/Session.h"
#include "net/ApiClient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::ApiClient;
using bizy::Session;

// A machine without a secret service: DBUS_SESSION_BUS_ADDRESS points nowhere
// (set by CMake), and HOME plus the XDG directories are a fresh temporary
// directory, so anything written to disk can be found.
class TestSessionNoKeychain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        for (const char* name :
             {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
            qputenv(name, QFile::encodeName(m_home.path() + u"/"_s + QString::fromLatin1(name)));
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        QCOMPARE(m_fixture.http().registerUser(u"nokey_alice"_s, u"Password123!"_s).status, 201);
    }

    void login_withoutKeychain_worksInMemory_andSaysLoginAgainNextTime() {
        // given an app on a machine without a keychain
        ApiClient api(QUrl(m_fixture.server().baseUrl()));
        Session session(&api);
        QSignalSpy unavailable(&session, &Session::keychainUnavailable);
        // when alice logs in
        session.login(u"nokey_alice"_s, u"Password123!"_s);
        // then she is logged in, and told she will have to log in again next time
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::LoggedIn, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.count(), 1, 30000);
        const QString message = unavailable.first().first().toString();
        QVERIFY2(message.contains(u"log in again"_s), qPrintable(message));
        QCOMPARE(session.persistence(), Session::Persistence::MemoryOnly);
        // and her token works
        std::optional<bizy::ApiReply> profile;
        api.get(u"/api/auth/profile"_s, this,
                [&profile](const bizy::ApiReply& reply) { profile = reply; });
        QTRY_VERIFY_WITH_TIMEOUT(profile.has_value(), 30000);
        QVERIFY(profile->ok());
        // and the token was written nowhere under the home directory
        const QStringList leaks =
            filesContaining(m_home.path(), {session.accessToken().toUtf8(), "refresh_token"_ba});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
        m_lastToken = session.accessToken().toUtf8();
    }

    void nextStart_withoutKeychain_hasNothingToRestore() {
        // given the previous login (kept in memory only)
        QVERIFY(!m_lastToken.isEmpty());
        // when the app starts again
        ApiClient api(QUrl(m_fixture.server().baseUrl()));
        Session session(&api);
        QSignalSpy restored(&session, &Session::restoreFinished);
        session.restore();
        // then there is no session: the user logs in again
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 30000);
        QCOMPARE(restored.first().first().toBool(), false);
        QCOMPARE(session.state(), Session::State::LoggedOut);
        QCOMPARE(session.persistence(), Session::Persistence::MemoryOnly);
    }

private:
    QTemporaryDir m_home;
    ServerFixture m_fixture;
    QByteArray m_lastToken;
};

QTEST_GUILESS_MAIN(TestSessionNoKeychain)
#include "tst_session_nokeychain.moc"
