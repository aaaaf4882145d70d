#include "LoginDialog.h"
#include "ServerFixture.h"
#include "SilentKeyring.h"
#include "account/SyncConnection.h"
#include "auth/KeychainStore.h"
#include "auth/Session.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using bizy::KeychainStore;
using bizy::LoginDialog;
using bizy::Session;

namespace {
const QString kPassword = u"Password123!"_s;
constexpr auto kTestTimeout = 500ms;
constexpr int kGenerousMs = 30000;
} // namespace

// Busy as the user sees it: "Logging in…" shown and the fields locked.
bool isBusy(const bizy::LoginDialog& dialog) {
    const auto* progress = dialog.findChild<QLabel*>(QStringLiteral("loginProgress"));
    const auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
    return progress && !progress->isHidden() && password && password->isReadOnly();
}

// The login dialog against a real bizy-server, inside with-silent-keyring.sh:
// the Secret Service takes every call and never answers, as on a desktop with
// no unlocked keyring and no prompter. Keychain calls give up after half a
// second here instead of ten.
class LoginDialogSilentKeychainTest : public QObject {
    Q_OBJECT

private:
    ServerFixture m_fixture;

    QUrl serverUrl() { return QUrl(m_fixture.http().baseUrl()); }

    static QPushButton* loginButton(const LoginDialog& dialog) {
        return dialog.findChild<QPushButton*>(u"loginButton"_s);
    }

    // A dialog filled in and sent, as a user does it.
    static void logIn(LoginDialog& dialog, const QString& user, const QString& password) {
        for (auto [name, text] :
             {std::pair{u"username"_s, user}, std::pair{u"password"_s, password}}) {
            auto* field = dialog.findChild<QLineEdit*>(name);
            field->clear();
            QTest::keyClicks(field, text);
        }
        QTest::mouseClick(loginButton(dialog), Qt::LeftButton);
    }

    // A message line of the dialog; empty while it is hidden.
    static QString message(const LoginDialog& dialog, const QString& name) {
        const auto* label = dialog.findChild<QLabel*>(name);
        return label && !label->isHidden() ? label->text() : QString();
    }
    static QString keychainText(const LoginDialog& dialog) {
        return message(dialog, u"keychainNote"_s);
    }
    // The line under the fields that says what the dialog is busy with.
    static QString progressText(const LoginDialog& dialog) {
        return message(dialog, u"loginProgress"_s);
    }

private slots:
    void initTestCase() {
        QVERIFY2(SilentKeyring::isRunning(), "run through tests/support/with-silent-keyring.sh");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        KeychainStore::setTimeout(kTestTimeout);
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        for (const QString& name : {u"lk_alice"_s, u"lk_bob"_s})
            QCOMPARE(m_fixture.http().registerUser(name, kPassword).status, 201);
    }

    void init() {
        QString error;
        QVERIFY2(SilentKeyring::startAfresh(&error), qPrintable(error));
    }

    void goodLogin_whenTheKeychainNeverAnswers_explainsAndContinuesLoggedIn() {
        // given the dialog
        LoginDialog dialog(serverUrl(), {});
        dialog.show();
        const qsizetype receivedBefore = SilentKeyring::receivedCalls().size();
        // when alice logs in
        logIn(dialog, u"lk_alice"_s, kPassword);
        // then, once the keychain has had its time, the dialog stops saying it
        // saves the login and tells her she will have to log in again next time
        QTRY_VERIFY_WITH_TIMEOUT(!keychainText(dialog).isEmpty(), kGenerousMs);
        QVERIFY2(keychainText(dialog).contains(u"did not answer"_s),
                 qPrintable(keychainText(dialog)));
        QVERIFY2(keychainText(dialog).contains(u"log in again"_s),
                 qPrintable(keychainText(dialog)));
        QVERIFY2(!progressText(dialog).contains(u"Saving"_s), qPrintable(progressText(dialog)));
        QVERIFY(!isBusy(dialog));
        QVERIFY(SilentKeyring::receivedCalls().size() > receivedBefore);
        // when she continues
        QCOMPARE(loginButton(dialog)->text(), u"&Continue"_s);
        QVERIFY(loginButton(dialog)->isEnabled());
        QTest::mouseClick(loginButton(dialog), Qt::LeftButton);
        // then the dialog closes with her logged in, the tokens in memory only
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        std::unique_ptr<bizy::SyncConnection> connection = dialog.takeConnection();
        QVERIFY(connection);
        QVERIFY(connection->session()->isLoggedIn());
        QCOMPARE(connection->session()->claims().username, u"lk_alice"_s);
        QCOMPARE(connection->session()->persistence(), Session::Persistence::MemoryOnly);
    }

    void laterLogin_inTheSameRun_explainsWithoutWaitingAgain() {
        // given alice's login, which waited for the keychain in vain
        {
            LoginDialog dialog(serverUrl(), {});
            dialog.show();
            logIn(dialog, u"lk_alice"_s, kPassword);
            QTRY_VERIFY_WITH_TIMEOUT(!keychainText(dialog).isEmpty(), kGenerousMs);
            QTest::mouseClick(loginButton(dialog), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        const qsizetype receivedAfterTimeout = SilentKeyring::receivedCalls().size();
        // when bob logs in later in the same run, and keychain calls would now
        // wait far beyond the test's bound
        KeychainStore::setTimeout(10min);
        const auto restoreTimeout = qScopeGuard([] { KeychainStore::setTimeout(kTestTimeout); });
        LoginDialog dialog(serverUrl(), {});
        dialog.show();
        logIn(dialog, u"lk_bob"_s, kPassword);
        // then he is told at once, without the keychain being asked again
        QTRY_VERIFY_WITH_TIMEOUT(!keychainText(dialog).isEmpty(), kGenerousMs);
        QVERIFY2(keychainText(dialog).contains(u"log in again"_s),
                 qPrintable(keychainText(dialog)));
        QCOMPARE(SilentKeyring::receivedCalls().size(), receivedAfterTimeout);
        QTest::mouseClick(loginButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        std::unique_ptr<bizy::SyncConnection> connection = dialog.takeConnection();
        QVERIFY(connection);
        QCOMPARE(connection->session()->claims().username, u"lk_bob"_s);
    }
};

QTEST_MAIN(LoginDialogSilentKeychainTest)
#include "tst_logindialog_silentkeychain.moc"
