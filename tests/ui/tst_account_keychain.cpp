#include "BlockingStore.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ServerFixture.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::AccountManager;
using bizy::LoginDialog;
using bizy::MainWindow;
using bizy::Session;
using bizy::SyncEngine;

namespace {
const QString kPassword = u"Password123!"_s;
} // namespace

// Bizy's starts and logins with a working keychain (a throwaway gnome-keyring,
// with-keyring.sh) against the real server: the login is kept, the next start
// opens the account's store logged in, and a session ended on the server asks
// for the password again without losing the store.
class AccountKeychainTest : public QObject {
    Q_OBJECT

private:
    ServerFixture m_fixture;
    QString m_accountKey;

    static void type(QLineEdit* field, const QString& text) {
        field->clear();
        QTest::keyClicks(field, text);
    }

    static QString stateText(const MainWindow& window) {
        return window.findChild<QLabel*>(u"syncState"_s)->text();
    }

    static BlockingStore storeOf(const AccountManager& accounts) {
        return BlockingStore(accounts.workspace()->store());
    }

    // Sync > Log In..., filled in and sent; true once the account switched.
    bool logInThroughTheMenu(MainWindow& window, AccountManager& accounts, const QString& user) {
        QSignalSpy switched(&accounts, &AccountManager::accountChanged);
        window.findChild<QAction*>(u"logIn"_s)->trigger();
        auto* dialog = window.findChild<LoginDialog*>();
        if (!dialog)
            return false;
        type(dialog->findChild<QLineEdit*>(u"server"_s), m_fixture.http().baseUrl());
        type(dialog->findChild<QLineEdit*>(u"username"_s), user);
        type(dialog->findChild<QLineEdit*>(u"password"_s), kPassword);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"loginButton"_s), Qt::LeftButton);
        // With a keychain the dialog closes by itself, without a note.
        return QTest::qWaitFor([&] { return switched.count() == 1; }, 30000);
    }

private slots:
    void initTestCase() {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/support/with-keyring.sh");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(bizy::LocalStore::defaultPath() + suffix);
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        QCOMPARE(m_fixture.http().registerUser(u"ui_erin"_s, kPassword).status, 201);
    }

    void login_isKept_andTheNextStartOpensTheAccountLoggedIn() {
        // given erin logs in on a fresh Bizy and adds a task that syncs
        {
            AccountManager first({});
            const bizy::Status started = first.start();
            QVERIFY2(started, started ? "" : qPrintable(started.error().message));
            MainWindow window(&first);
            window.show();
            QVERIFY(logInThroughTheMenu(window, first, u"ui_erin"_s));
            QCOMPARE(first.workspace()->session()->persistence(), Session::Persistence::Keychain);
            m_accountKey = first.accountKey();
            QVERIFY(!m_accountKey.isEmpty());
            QVERIFY(storeOf(first).createTask({{u"title"_s, u"Renew the passport"_s}}).ok());
            window.findChild<QAction*>(u"syncNow"_s)->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(storeOf(first).pendingCount().value(), 0, 30000);
        }

        // when Bizy starts again
        AccountManager second({});
        const bizy::Status started = second.start();
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        MainWindow window(&second);
        window.show();

        // then her account's store is open at once, and the saved login comes back
        QCOMPARE(second.accountKey(), m_accountKey);
        QCOMPARE(second.workspace()->storePath(), bizy::LocalStore::defaultPath(m_accountKey));
        QCOMPARE(storeOf(second).taskCount().value(), 1);
        QTRY_COMPARE(window.findChild<QTableView*>(u"taskTable"_s)->model()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(second.workspace()->session()->isLoggedIn(), 30000);
        QCOMPARE(second.workspace()->session()->claims().username, u"ui_erin"_s);
        QTRY_COMPARE_WITH_TIMEOUT(second.workspace()->engine()->state(), SyncEngine::State::Idle,
                                  30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateText(window), u"Synced just now"_s, 30000);
    }

    void sessionEndedOnTheServer_asksToLogIn_andLoggingInAgainKeepsTheStore() {
        // given erin's Bizy, logged in from the keychain
        AccountManager accounts({});
        QVERIFY(accounts.start());
        MainWindow window(&accounts);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(accounts.workspace()->session()->isLoggedIn(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(accounts.workspace()->engine()->state(), SyncEngine::State::Idle,
                                  30000);

        // when she logs out everywhere from another device, and Bizy syncs
        const HttpClient::Session other = m_fixture.http().sessionFrom(
            m_fixture.http().login(u"ui_erin"_s, kPassword), u"ui_erin"_s);
        QVERIFY(other.ok());
        QCOMPARE(
            m_fixture.http().post(u"/api/auth/logout"_s, {{u"all"_s, true}}, other.token).status,
            200);
        QVERIFY(storeOf(accounts).createTask({{u"title"_s, u"Written meanwhile"_s}}).ok());
        window.findChild<QAction*>(u"syncNow"_s)->trigger();

        // then the status bar asks her to log in, and her change waits
        QTRY_COMPARE_WITH_TIMEOUT(accounts.workspace()->engine()->state(),
                                  SyncEngine::State::NeedsLogin, 30000);
        QTRY_COMPARE(stateText(window), u"Log in to sync"_s);
        QTRY_VERIFY(window.findChild<QAction*>(u"logIn"_s)->isVisible());
        QCOMPARE(storeOf(accounts).pendingCount().value(), 1);

        // when she logs in again as herself
        const QString storePath = accounts.workspace()->storePath();
        QVERIFY(logInThroughTheMenu(window, accounts, u"ui_erin"_s));

        // then the same store stays open and her change reaches the server
        QCOMPARE(accounts.accountKey(), m_accountKey);
        QCOMPARE(accounts.workspace()->storePath(), storePath);
        QTRY_COMPARE_WITH_TIMEOUT(storeOf(accounts).pendingCount().value(), 0, 30000);
        QCOMPARE(storeOf(accounts).taskCount().value(), 2);
        QTRY_COMPARE(window.findChild<QTableView*>(u"taskTable"_s)->model()->rowCount(), 2);
    }
};

QTEST_MAIN(AccountKeychainTest)
#include "tst_account_keychain.moc"
