#include "BlockingStore.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ServerFixture.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/RememberedLogin.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::AccountManager;
using bizy::LoginDialog;
using bizy::Session;

namespace {
const QString kPassword = u"Password123!"_s;
} // namespace

// Busy as the user sees it: "Logging in…" shown and the fields locked.
bool isBusy(const bizy::LoginDialog& dialog) {
    const auto* progress = dialog.findChild<QLabel*>(QStringLiteral("loginProgress"));
    const auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
    return progress && !progress->isHidden() && password && password->isReadOnly();
}

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

    static QLineEdit* field(const LoginDialog& dialog, const QString& name) {
        return dialog.findChild<QLineEdit*>(name);
    }
    static QPushButton* loginButton(const LoginDialog& dialog) {
        return dialog.findChild<QPushButton*>(u"loginButton"_s);
    }
    // A message line of the dialog; empty while it is hidden.
    static QString message(const LoginDialog& dialog, const QString& name) {
        const auto* label = dialog.findChild<QLabel*>(name);
        return label && !label->isHidden() ? label->text() : QString();
    }
    static QString errorText(const LoginDialog& dialog) { return message(dialog, u"loginError"_s); }
    static QString keychainText(const LoginDialog& dialog) {
        return message(dialog, u"keychainNote"_s);
    }

    // A dialog filled in and sent, as a user does it.
    static void logIn(LoginDialog& dialog, const QString& user, const QString& password) {
        type(field(dialog, u"username"_s), user);
        type(field(dialog, u"password"_s), password);
        QTest::mouseClick(loginButton(dialog), Qt::LeftButton);
    }

    static QString stateText(const QWidget& window) {
        return window.findChild<QLabel*>(u"syncState"_s)->text();
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
        QVERIFY(isBusy(dialog));
        // then the dialog stays, says what is wrong, and keeps what she typed
        QTRY_VERIFY_WITH_TIMEOUT(!errorText(dialog).isEmpty(), 30000);
        QVERIFY2(errorText(dialog).contains(u"Wrong username, email or password"_s),
                 qPrintable(errorText(dialog)));
        QVERIFY(dialog.isVisible());
        QVERIFY(!isBusy(dialog));
        QCOMPARE(field(dialog, u"server"_s)->text(), serverUrl().toString());
        QCOMPARE(field(dialog, u"username"_s)->text(), u"ui_alice"_s);
        QCOMPARE(field(dialog, u"password"_s)->text(), u"not her password"_s);
        QVERIFY(loginButton(dialog)->isEnabled());
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
        QTRY_VERIFY_WITH_TIMEOUT(!errorText(dialog).isEmpty(), 30000);
        QVERIFY2(!errorText(dialog).contains(u"Wrong username"_s), qPrintable(errorText(dialog)));
        QVERIFY2(errorText(dialog).contains(u"lock"_s, Qt::CaseInsensitive) ||
                     errorText(dialog).contains(u"too many"_s, Qt::CaseInsensitive),
                 qPrintable(errorText(dialog)));
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
        QTRY_VERIFY_WITH_TIMEOUT(!errorText(dialog).isEmpty(), 60000);
        QVERIFY2(errorText(dialog).contains(u"cannot reach the server"_s),
                 qPrintable(errorText(dialog)));
        QVERIFY(loginButton(dialog)->isEnabled());
    }

    void notAnAddress_isRefusedAtOnce() {
        LoginDialog dialog(QUrl(), {});
        dialog.show();
        type(field(dialog, u"server"_s), u"ftp://files"_s);
        logIn(dialog, u"ui_bob"_s, kPassword);
        QVERIFY2(errorText(dialog).contains(u"is not a server address"_s),
                 qPrintable(errorText(dialog)));
        QVERIFY(!isBusy(dialog));
    }

    void goodLogin_withoutKeychain_warnsThenClosesLoggedIn() {
        // given the dialog, on a computer without a keychain
        LoginDialog dialog(serverUrl(), {});
        dialog.show();
        // when bob logs in with his email
        logIn(dialog, u"ui_bob@example.com"_s, kPassword);
        // then he is told he will have to log in again next time, before it closes
        QTRY_VERIFY_WITH_TIMEOUT(!keychainText(dialog).isEmpty(), 30000);
        QVERIFY2(keychainText(dialog).contains(u"log in again"_s),
                 qPrintable(keychainText(dialog)));
        QVERIFY(dialog.isVisible());
        QCOMPARE(loginButton(dialog)->text(), u"&Continue"_s);
        QTest::mouseClick(loginButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        // and the session is logged in as bob, with the server remembered
        std::unique_ptr<bizy::SyncConnection> connection = dialog.takeConnection();
        QVERIFY(connection);
        QVERIFY(connection->session()->isLoggedIn());
        QCOMPARE(connection->session()->claims().username, u"ui_bob"_s);
        QCOMPARE(bizy::RememberedLogin::server(), serverUrl());
        QCOMPARE(bizy::RememberedLogin::username(), u"ui_bob"_s);
    }

    void firstLogin_movesTheLocalTasksToTheAccount_andTheySync() {
        // given Bizy started by someone who never logged in, with one task
        for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(bizy::LocalStore::defaultPath() + suffix);
        QSettings().remove(u"Sync"_s);
        AccountManager accounts({});
        const bizy::Status started = accounts.start();
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        bizy::MainWindow window(&accounts);
        window.show();
        QCOMPARE(accounts.accountKey(), QString());
        QCOMPARE(accounts.workspace()->storePath(), bizy::LocalStore::defaultPath());
        QTRY_COMPARE(stateText(window), u"Not logged in \u2014 working offline"_s);
        QVERIFY(BlockingStore(accounts.workspace()->store())
                    .createTask({{u"title"_s, u"Written before login"_s}})
                    .ok());

        // when carol logs in through the dialog
        QSignalSpy switched(&accounts, &AccountManager::accountChanged);
        window.findChild<QAction*>(u"logIn"_s)->trigger();
        auto* dialog = window.findChild<LoginDialog*>();
        QVERIFY(dialog);
        type(field(*dialog, u"server"_s), serverUrl().toString());
        logIn(*dialog, u"ui_carol"_s, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!keychainText(*dialog).isEmpty(), 30000);
        QTest::mouseClick(loginButton(*dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(switched.count(), 1, 30000);

        // then her account's store holds the task, the local store is gone, and it syncs up
        bizy::Workspace* workspace = accounts.workspace();
        QVERIFY(workspace);
        const QString key = workspace->session()->accountKey();
        QVERIFY(!key.isEmpty());
        QCOMPARE(accounts.accountKey(), key);
        QCOMPARE(switched.at(0).at(0).toString(), key);
        QCOMPARE(workspace->storePath(), bizy::LocalStore::defaultPath(key));
        QVERIFY(!QFile::exists(bizy::LocalStore::defaultPath()));
        const BlockingStore store(workspace->store());
        QCOMPARE(store.taskCount().value(), 1);
        QTRY_COMPARE(window.findChild<QTableView*>(u"taskTable"_s)->model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(store.pendingCount().value(), 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(workspace->engine()->state(), bizy::SyncEngine::State::Idle,
                                  30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateText(window), u"Synced just now"_s, 30000);
        const HttpClient::Session carol = m_fixture.http().sessionFrom(
            m_fixture.http().login(u"ui_carol"_s, kPassword), u"ui_carol"_s);
        QVERIFY(carol.ok());
        const HttpResponse onServer = m_fixture.http().get(u"/api/tasks"_s, carol.token);
        QCOMPARE(onServer.status, 200);
        QVERIFY2(onServer.body.contains("Written before login"), onServer.body.constData());

        // when she logs out
        QAction* logOut = window.findChild<QAction*>(u"logOut"_s);
        QVERIFY(logOut->isVisible());
        logOut->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(switched.count(), 2, 30000);

        // then Bizy is back on an empty local store, her tasks kept in her account's file
        QCOMPARE(accounts.accountKey(), QString());
        QCOMPARE(accounts.workspace()->storePath(), bizy::LocalStore::defaultPath());
        QCOMPARE(BlockingStore(accounts.workspace()->store()).taskCount().value(), 0);
        QVERIFY(QFile::exists(bizy::LocalStore::defaultPath(key)));
        QTRY_COMPARE(stateText(window), u"Not logged in \u2014 working offline"_s);
        QTRY_COMPARE(window.findChild<QTableView*>(u"taskTable"_s)->model()->rowCount(), 0);
    }
};

QTEST_MAIN(LoginDialogTest)
#include "tst_logindialog.moc"
