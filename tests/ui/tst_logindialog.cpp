#include "AppController.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ServerFixture.h"
#include "SyncConnection.h"
#include "SyncStatusWidget.h"
#include "Translations.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::AppController;
using bizy::LoginDialog;
using bizy::Session;

namespace {
const QString kPassword = u"Password123!"_s;
} // namespace

// The login dialog and the account switch against a real bizy-server on a
// real PostgreSQL. The test runs without a D-Bus session, as on a computer
// with no keychain: a good login says the user will have to log in again.
class LoginDialogTest : public QObject {
    Q_OBJECT

private:
    ServerFixture m_fixture;

    QUrl serverUrl() { return QUrl(m_fixture.http().baseUrl()); }

    static void type(QLineEdit* field, const QString& text) {
        field->clear();
        QTest::keyClicks(field, text);
    }

    // A dialog filled in and sent, as a user does it.
    static void logIn(LoginDialog& dialog, const QString& user, const QString& password) {
        type(dialog.userField(), user);
        type(dialog.passwordField(), password);
        QTest::mouseClick(dialog.loginButton(), Qt::LeftButton);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        for (const QString& name : {u"ui_alice"_s, u"ui_bob"_s, u"ui_carol"_s, u"ui_dave"_s})
            QCOMPARE(m_fixture.http().registerUser(name, kPassword).status, 201);
    }

    void wrongPassword_showsTheErrorAndKeepsTheValues() {
        // given the dialog on the real server
        LoginDialog dialog(serverUrl(), {});
        dialog.show();
        // when alice types a wrong password
        logIn(dialog, u"ui_alice"_s, u"not her password"_s);
        QVERIFY(dialog.isBusy());
        // then the dialog stays, says what is wrong, and keeps what she typed
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 30000);
        QVERIFY2(dialog.errorText().contains(u"Wrong username, email or password"_s),
                 qPrintable(dialog.errorText()));
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.isBusy());
        QCOMPARE(dialog.serverField()->text(), serverUrl().toString());
        QCOMPARE(dialog.userField()->text(), u"ui_alice"_s);
        QCOMPARE(dialog.passwordField()->text(), u"not her password"_s);
        QVERIFY(dialog.loginButton()->isEnabled());
        QVERIFY(!dialog.takeConnection());
    }

    void lockedName_showsTheServersMessage() {
        // given five wrong passwords for dave's name
        for (int attempt = 0; attempt < 5; ++attempt)
            m_fixture.http().login(u"ui_dave"_s, u"wrong password"_s);
        LoginDialog dialog(serverUrl(), {});
        dialog.show();
        // when he tries again, with the right password
        logIn(dialog, u"ui_dave"_s, kPassword);
        // then the dialog passes on that the name is locked, not "wrong password"
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 30000);
        QVERIFY2(!dialog.errorText().contains(u"Wrong username"_s), qPrintable(dialog.errorText()));
        QVERIFY2(dialog.errorText().contains(u"lock"_s, Qt::CaseInsensitive) ||
                     dialog.errorText().contains(u"too many"_s, Qt::CaseInsensitive),
                 qPrintable(dialog.errorText()));
    }

    void unreachableServer_saysSo() {
        // given an address where nothing listens
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        LoginDialog dialog(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), {});
        dialog.show();
        // when bob logs in
        logIn(dialog, u"ui_bob"_s, kPassword);
        // then he learns the server cannot be reached, and may try again
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 60000);
        QVERIFY2(dialog.errorText().contains(u"cannot reach the server"_s),
                 qPrintable(dialog.errorText()));
        QVERIFY(dialog.loginButton()->isEnabled());
    }

    void notAnAddress_isRefusedAtOnce() {
        LoginDialog dialog(QUrl(), {});
        dialog.show();
        type(dialog.serverField(), u"ftp://files"_s);
        logIn(dialog, u"ui_bob"_s, kPassword);
        QVERIFY2(dialog.errorText().contains(u"is not a server address"_s),
                 qPrintable(dialog.errorText()));
        QVERIFY(!dialog.isBusy());
    }

    void goodLogin_withoutKeychain_warnsThenClosesLoggedIn() {
        // given the dialog, on a computer without a keychain
        LoginDialog dialog(serverUrl(), {});
        dialog.show();
        // when bob logs in with his email
        logIn(dialog, u"ui_bob@example.com"_s, kPassword);
        // then he is told he will have to log in again next time, before it closes
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.keychainText().isEmpty(), 30000);
        QVERIFY2(dialog.keychainText().contains(u"log in again"_s),
                 qPrintable(dialog.keychainText()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.loginButton()->text(), u"&Continue"_s);
        QTest::mouseClick(dialog.loginButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        // and the session is logged in as bob, with the server remembered
        std::unique_ptr<bizy::SyncConnection> connection = dialog.takeConnection();
        QVERIFY(connection);
        QVERIFY(connection->session()->isLoggedIn());
        QCOMPARE(connection->session()->claims().username, u"ui_bob"_s);
        QCOMPARE(LoginDialog::rememberedServer(), serverUrl());
        QCOMPARE(LoginDialog::rememberedUsername(), u"ui_bob"_s);
    }

    void firstLogin_movesTheLocalTasksToTheAccount_andTheySync() {
        // given Bizy started by someone who never logged in, with one task
        QFile::remove(bizy::LocalStore::defaultPath());
        QSettings().remove(u"Sync"_s);
        AppController controller({});
        QString error;
        QVERIFY2(controller.start(&error), qPrintable(error));
        QCOMPARE(controller.accountKey(), QString());
        QCOMPARE(controller.store()->path(), bizy::LocalStore::defaultPath());
        QCOMPARE(controller.window()->syncStatus()->text(),
                 u"Not logged in \u2014 working offline"_s);
        QVERIFY(controller.store()->createTask({{u"title"_s, u"Written before login"_s}}).ok());

        // when carol logs in through the dialog
        QSignalSpy switched(&controller, &AppController::accountChanged);
        controller.window()->findChild<QAction*>(u"logIn"_s)->trigger();
        auto* dialog = controller.window()->findChild<LoginDialog*>();
        QVERIFY(dialog);
        type(dialog->serverField(), serverUrl().toString());
        logIn(*dialog, u"ui_carol"_s, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->keychainText().isEmpty(), 30000);
        QTest::mouseClick(dialog->loginButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(switched.count(), 1, 30000);

        // then her account's store holds the task, the local store is gone, and it syncs up
        const QString key = controller.session()->accountKey();
        QVERIFY(!key.isEmpty());
        QCOMPARE(controller.accountKey(), key);
        QCOMPARE(controller.store()->path(), bizy::LocalStore::defaultPath(key));
        QVERIFY(!QFile::exists(bizy::LocalStore::defaultPath()));
        QCOMPARE(controller.store()->taskCount().value(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(controller.store()->pendingCount().value(), 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(controller.engine()->state(), bizy::SyncEngine::State::Idle,
                                  30000);
        QTRY_COMPARE_WITH_TIMEOUT(controller.window()->syncStatus()->text(), u"Synced just now"_s,
                                  30000);
        const HttpClient::Session carol = m_fixture.http().sessionFrom(
            m_fixture.http().login(u"ui_carol"_s, kPassword), u"ui_carol"_s);
        QVERIFY(carol.ok());
        const HttpResponse onServer = m_fixture.http().get(u"/api/tasks"_s, carol.token);
        QCOMPARE(onServer.status, 200);
        QVERIFY2(onServer.body.contains("Written before login"), onServer.body.constData());

        // when she logs out
        QAction* logOut = controller.window()->findChild<QAction*>(u"logOut"_s);
        QVERIFY(logOut->isVisible());
        logOut->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(switched.count(), 2, 30000);
        // then Bizy is back on an empty local store, her tasks kept in her account's file
        QCOMPARE(controller.accountKey(), QString());
        QCOMPARE(controller.store()->path(), bizy::LocalStore::defaultPath());
        QCOMPARE(controller.store()->taskCount().value(), 0);
        QVERIFY(QFile::exists(bizy::LocalStore::defaultPath(key)));
        QCOMPARE(controller.window()->syncStatus()->text(),
                 u"Not logged in \u2014 working offline"_s);
    }
};

QTEST_MAIN(LoginDialogTest)
#include "tst_logindialog.moc"
