#include "AppController.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ServerFixture.h"
#include "SyncStatusWidget.h"
#include "Translations.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::AppController;
using bizy::LoginDialog;
using bizy::Session;
using bizy::SyncEngine;

namespace {
const QString kPassword = u"Password123!"_s;
} // namespace

// Bizy's starts and logins with a working keychain (a throwaway gnome-keyring,
// with-keyring.sh) against the real server: the login is kept, the next start
// opens the account's store logged in, and a session ended on the server asks
// for the password again without losing the store.
class AppControllerKeychainTest : public QObject {
    Q_OBJECT

private:
    ServerFixture m_fixture;
    QString m_accountKey;

    static void type(QLineEdit* field, const QString& text) {
        field->clear();
        QTest::keyClicks(field, text);
    }

    // Sync > Log In..., filled in and sent; true once the controller switched.
    bool logInThroughTheMenu(AppController& controller, const QString& user) {
        QSignalSpy switched(&controller, &AppController::accountChanged);
        controller.window()->findChild<QAction*>(u"logIn"_s)->trigger();
        auto* dialog = controller.window()->findChild<LoginDialog*>();
        if (!dialog)
            return false;
        type(dialog->serverField(), m_fixture.http().baseUrl());
        type(dialog->userField(), user);
        type(dialog->passwordField(), kPassword);
        QTest::mouseClick(dialog->loginButton(), Qt::LeftButton);
        // With a keychain the dialog closes by itself, without a note.
        return QTest::qWaitFor([&] { return switched.count() == 1; }, 30000);
    }

private slots:
    void initTestCase() {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/support/with-keyring.sh");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QFile::remove(bizy::LocalStore::defaultPath());
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        QCOMPARE(m_fixture.http().registerUser(u"ui_erin"_s, kPassword).status, 201);
    }

    void login_isKept_andTheNextStartOpensTheAccountLoggedIn() {
        // given erin logs in on a fresh Bizy and adds a task that syncs
        {
            AppController first({});
            QString error;
            QVERIFY2(first.start(&error), qPrintable(error));
            QVERIFY(logInThroughTheMenu(first, u"ui_erin"_s));
            QCOMPARE(first.session()->persistence(), Session::Persistence::Keychain);
            m_accountKey = first.accountKey();
            QVERIFY(!m_accountKey.isEmpty());
            QVERIFY(first.store()->createTask({{u"title"_s, u"Renew the passport"_s}}).ok());
            first.engine()->syncNow();
            QTRY_COMPARE_WITH_TIMEOUT(first.store()->pendingCount().value(), 0, 30000);
        }
        // when Bizy starts again
        AppController second({});
        QString error;
        QVERIFY2(second.start(&error), qPrintable(error));
        // then her account's store is open at once, and the saved login comes back
        QCOMPARE(second.accountKey(), m_accountKey);
        QCOMPARE(second.store()->path(), bizy::LocalStore::defaultPath(m_accountKey));
        QCOMPARE(second.store()->taskCount().value(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(second.session()->isLoggedIn(), 30000);
        QCOMPARE(second.session()->claims().username, u"ui_erin"_s);
        QTRY_COMPARE_WITH_TIMEOUT(second.engine()->state(), SyncEngine::State::Idle, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(second.window()->syncStatus()->text(), u"Synced just now"_s,
                                  30000);
    }

    void sessionEndedOnTheServer_asksToLogIn_andLoggingInAgainKeepsTheStore() {
        // given erin's Bizy, logged in from the keychain
        AppController controller({});
        QVERIFY(controller.start());
        QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isLoggedIn(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(controller.engine()->state(), SyncEngine::State::Idle, 30000);
        // when she logs out everywhere from another device, and Bizy syncs
        const HttpClient::Session other = m_fixture.http().sessionFrom(
            m_fixture.http().login(u"ui_erin"_s, kPassword), u"ui_erin"_s);
        QVERIFY(other.ok());
        QCOMPARE(
            m_fixture.http().post(u"/api/auth/logout"_s, {{u"all"_s, true}}, other.token).status,
            200);
        QVERIFY(controller.store()->createTask({{u"title"_s, u"Written meanwhile"_s}}).ok());
        controller.engine()->syncNow();
        // then the status bar asks her to log in, and her change waits
        QTRY_COMPARE_WITH_TIMEOUT(controller.engine()->state(), SyncEngine::State::NeedsLogin,
                                  30000);
        QCOMPARE(controller.window()->syncStatus()->text(), u"Log in to sync"_s);
        QVERIFY(controller.window()->findChild<QAction*>(u"logIn"_s)->isVisible());
        QCOMPARE(controller.store()->pendingCount().value(), 1);
        // when she logs in again as herself
        const QString storePath = controller.store()->path();
        QVERIFY(logInThroughTheMenu(controller, u"ui_erin"_s));
        // then the same store stays open and her change reaches the server
        QCOMPARE(controller.accountKey(), m_accountKey);
        QCOMPARE(controller.store()->path(), storePath);
        QTRY_COMPARE_WITH_TIMEOUT(controller.store()->pendingCount().value(), 0, 30000);
        QCOMPARE(controller.store()->taskCount().value(), 2);
    }
};

QTEST_MAIN(AppControllerKeychainTest)
#include "tst_appcontroller_keychain.moc"
