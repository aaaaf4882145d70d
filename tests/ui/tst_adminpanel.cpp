#include "AdminAccess.h"
#include "AdminAuditModel.h"
#include "AdminMenu.h"
#include "AdminPanel.h"
#include "AdminUsersModel.h"
#include "MainWindow.h"
#include "ResetPasswordDialog.h"
#include "ServerFixture.h"
#include "Translations.h"
#include "UserDialog.h"
#include "account/AccountManager.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "auth/Session.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::AdminAccess;
using bizy::AdminPanel;
using bizy::AdminUsersModel;

namespace {
const QString kPassword = u"Password123!"_s;
const QString kAdminPassword = u"AdminPass123!"_s;
constexpr int kMembers = 60; // more than one page of 50
constexpr int kWait = 30000;
} // namespace

// The admin panel of the window against the real bizy-server on a real
// PostgreSQL, as an admin uses it: the Admin menu shows only for admins, the
// user table searches and pages on the server, and create, edit, reset,
// unlock, delete and the audit log go through the server; its refusals are
// shown in words and the table shows only what the server accepted. A
// demoted admin loses the panel while the app runs; offline, it says so.
class AdminPanelTest : public QObject {
    Q_OBJECT

private:
    ServerFixture m_fixture;
    std::unique_ptr<bizy::AccountManager> m_accounts;
    std::unique_ptr<bizy::MainWindow> m_window;

    HttpClient& http() { return m_fixture.http(); }
    bizy::AdminMenu* adminMenu() { return m_window->findChild<bizy::AdminMenu*>(); }
    AdminAccess* access() { return adminMenu()->access(); }
    bool adminMenuShown() { return adminMenu()->menuAction()->isVisible(); }
    AdminPanel* panel() { return adminMenu()->panel(); }
    AdminUsersModel* users() { return panel()->usersModel(); }
    QTableView* userTable() { return panel()->findChild<QTableView*>(u"userTable"_s); }
    template <typename T> T* inPanel(const QString& name) { return panel()->findChild<T*>(name); }
    QString message() {
        auto* label = inPanel<QLabel>(u"adminMessage"_s);
        return label->isHidden() ? QString() : label->text();
    }
    QString cell(int row, int column) { return users()->index(row, column).data().toString(); }

    // Logs the app in as `username` (as the login dialog hands over a
    // connection) and waits until the server said whether it is an admin.
    void logInApp(const QString& username, const QString& password) {
        auto connection = std::make_unique<bizy::SyncConnection>(QUrl(http().baseUrl()));
        bizy::Session* session = connection->session();
        session->login(username, password);
        QTRY_VERIFY_WITH_TIMEOUT(session->isLoggedIn(), kWait);
        const bizy::Status switched = m_accounts->useConnection(std::move(connection));
        QVERIFY2(switched, switched ? "" : qPrintable(switched.error().message));
        QTRY_VERIFY_WITH_TIMEOUT(access()->state() != AdminAccess::State::Checking, kWait);
    }

    // Types into a line edit as a user does.
    static void type(QLineEdit* field, const QString& text) {
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClicks(field, text);
    }

    // Searches the panel's table for one user and selects it.
    void selectUser(const QString& username) {
        type(inPanel<QLineEdit>(u"userSearch"_s), username);
        QTest::keyClick(inPanel<QLineEdit>(u"userSearch"_s), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!users()->isLoading() && users()->rowOf(userId(username)) >= 0,
                                 kWait);
        userTable()->setFocus();
        userTable()->selectRow(users()->rowOf(userId(username)));
    }

    qint64 userId(const QString& username) {
        return m_fixture.database()
            .scalar(u"SELECT id FROM users WHERE username = ?"_s, {username})
            .toLongLong();
    }

    // The panel's open dialog of type T, or null.
    template <typename T> T* openDialog() {
        for (T* found : panel()->findChildren<T*>())
            if (found->isVisible())
                return found;
        return nullptr;
    }
    // Gives the table the keyboard, in the active panel, and presses `key` there.
    void pressInTable(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        panel()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(panel()));
        userTable()->setFocus();
        QTest::keyClick(userTable(), Qt::Key(key), modifiers);
    }
    static QString shownText(QWidget* parent, const QString& name) {
        auto* label = parent->findChild<QLabel*>(name);
        return label && !label->isHidden() ? label->text() : QString();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        QVERIFY(m_fixture.makeAdmin(u"root"_s, kAdminPassword).ok());
        QCOMPARE(http().registerUser(u"plain"_s, kPassword).status, 201);
        for (int i = 0; i < kMembers; ++i)
            QCOMPARE(
                http().registerUser(u"member_%1"_s.arg(i, 2, 10, QChar(u'0')), kPassword).status,
                201);
        m_accounts = std::make_unique<bizy::AccountManager>(bizy::AccountManager::Options{});
        QVERIFY(m_accounts->start());
        m_window = std::make_unique<bizy::MainWindow>(m_accounts.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() {
        m_window.reset();
        m_accounts.reset();
    }

    void nonAdmin_neverSeesTheAdminMenu() {
        // given nobody logged in: no Admin menu
        QVERIFY(!adminMenuShown());
        // when a plain user logs in
        logInApp(u"plain"_s, kPassword);
        // then the server said "not an admin", the menu stays hidden and its shortcut opens nothing
        QCOMPARE(access()->state(), AdminAccess::State::NotAdmin);
        QVERIFY(!adminMenuShown());
        adminMenu()->openAction()->trigger();
        QVERIFY(!panel());
        QVERIFY(!m_window->findChild<AdminPanel*>());
    }

    void admin_seesTheMenu_andTheTablePagesAndSearchesOnTheServer() {
        // when root logs in
        logInApp(u"root"_s, kAdminPassword);
        QCOMPARE(access()->state(), AdminAccess::State::Admin);
        QVERIFY(adminMenuShown());
        // and opens the panel with its shortcut
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(panel() && panel()->isVisible());
        // then the first page of users is shown, and the server's total
        const qint64 everyone = kMembers + 2;
        QTRY_VERIFY2_WITH_TIMEOUT(users()->rowCount() == AdminUsersModel::kPerPage,
                                  qPrintable(users()->statusText()), kWait);
        QCOMPARE(users()->total(), everyone);
        QCOMPARE(shownText(panel(), u"userStatus"_s), u"50 of 62 shown"_s);
        QVERIFY(inPanel<QPushButton>(u"loadMoreUsers"_s)->isVisible());
        // when the table scrolls to its end, the next page loads
        userTable()->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(users()->rowCount(), everyone, kWait);
        QCOMPARE(shownText(panel(), u"userStatus"_s), u"62 of 62 shown"_s);
        QVERIFY(!inPanel<QPushButton>(u"loadMoreUsers"_s)->isVisible());
        QCOMPARE(cell(everyone - 1, AdminUsersModel::Username), u"member_59"_s);
        // when "member_1" is typed, the server searches (member_1, member_10..19)
        auto* search = inPanel<QLineEdit>(u"userSearch"_s);
        search->setFocus();
        QTest::keyClicks(search, u"MEMBER_1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(users()->total(), 10, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(users()->rowCount(), 10, kWait);
        for (int row = 0; row < users()->rowCount(); ++row)
            QVERIFY(cell(row, AdminUsersModel::Username).startsWith(u"member_1"_s));
        // and by email
        type(search, u"member_42@example"_s);
        QTRY_COMPARE_WITH_TIMEOUT(users()->total(), 1, kWait);
        QTRY_COMPARE(cell(0, AdminUsersModel::Email), u"member_42@example.com"_s);
    }

    void create_showsTheRulesAsTyped_andTheServersRefusals() {
        // when New User is asked for with the keyboard
        userTable()->setFocus();
        pressInTable(Qt::Key_N, Qt::ControlModifier);
        bizy::UserDialog* form = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((form = openDialog<bizy::UserDialog>()), kWait);
        auto* username = form->findChild<QLineEdit*>(u"username"_s);
        auto* password = form->findChild<QLineEdit*>(u"password"_s);
        // then the rules are shown, and follow what is typed
        QTest::keyClicks(username, u"ab"_s);
        QVERIFY(shownText(form, u"usernameRules"_s)
                    .contains(u"3 to 50 characters (now 2) (not yet)"_s));
        QTest::keyClicks(password, u"short"_s);
        QVERIFY2(shownText(form, u"passwordRules"_s)
                     .contains(u"8 to 128 characters (now 5) (not yet)"_s),
                 qPrintable(shownText(form, u"passwordRules"_s)));
        QTest::keyClicks(password, u"-enough"_s);
        QVERIFY(shownText(form, u"passwordRules"_s).startsWith(u"\u2713 8 to 128 characters"_s));
        // when a weak password is sent anyway, the server's refusal is shown beside it
        type(username, u"newbie"_s);
        type(form->findChild<QLineEdit*>(u"email"_s), u"newbie@example.com"_s);
        type(password, u"short"_s);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!shownText(form, u"error_password"_s).isEmpty(), kWait);
        QVERIFY2(shownText(form, u"error_password"_s).contains(u"at least 8"_s),
                 qPrintable(shownText(form, u"error_password"_s)));
        QVERIFY(form->isVisible());
        // when the username is taken, the server's words say so and the values stay
        type(username, u"member_01"_s);
        type(password, kPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            shownText(form, u"generalError"_s).contains(u"Username already registered"_s), kWait);
        QCOMPARE(username->text(), u"member_01"_s);
        QVERIFY(form->isVisible());
        // when it is free, the user is created and the dialog closes
        type(username, u"newbie"_s);
        type(form->findChild<QLineEdit*>(u"full_name"_s), u"New Bie"_s);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!openDialog<bizy::UserDialog>(), kWait);
        QCOMPARE(message(), u"The user was created."_s);
        QVERIFY(userId(u"newbie"_s) > 0);
        QCOMPARE(http().login(u"newbie"_s, kPassword).status, 200);
        selectUser(u"newbie"_s);
        QCOMPARE(cell(users()->rowOf(userId(u"newbie"_s)), AdminUsersModel::FullName),
                 u"New Bie"_s);
    }

    void edit_savesWhatTheServerAccepted_andRefusesATakenEmail() {
        selectUser(u"newbie"_s);
        const int row = users()->rowOf(userId(u"newbie"_s));
        // when F2 opens the edit and a taken email is sent
        pressInTable(Qt::Key_F2);
        bizy::UserDialog* form = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((form = openDialog<bizy::UserDialog>()), kWait);
        auto* email = form->findChild<QLineEdit*>(u"email"_s);
        type(email, u"member_02@example.com"_s);
        QTest::keyClick(email, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            shownText(form, u"generalError"_s).contains(u"Email already registered"_s), kWait);
        // then the table still shows the old email
        QCOMPARE(cell(row, AdminUsersModel::Email), u"newbie@example.com"_s);
        // when a free email, a name and "verified" are saved
        type(email, u"newbie2@example.com"_s);
        form->findChild<QCheckBox*>(u"is_verified"_s)->setChecked(true);
        QTest::keyClick(email, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!openDialog<bizy::UserDialog>(), kWait);
        // then the row shows the server's answer
        QCOMPARE(cell(row, AdminUsersModel::Email), u"newbie2@example.com"_s);
        QCOMPARE(cell(row, AdminUsersModel::Verified), u"Yes"_s);
        QCOMPARE(m_fixture.database()
                     .scalar(u"SELECT email FROM users WHERE username = 'newbie'"_s)
                     .toString(),
                 u"newbie2@example.com"_s);
    }

    void lastAdmin_cannotDemoteItself_andTheTableKeepsTheAdmin() {
        selectUser(u"root"_s);
        const int row = users()->rowOf(userId(u"root"_s));
        QCOMPARE(cell(row, AdminUsersModel::Admin), u"Yes"_s);
        pressInTable(Qt::Key_F2);
        bizy::UserDialog* form = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((form = openDialog<bizy::UserDialog>()), kWait);
        QTest::keyClick(form->findChild<QCheckBox*>(u"is_admin"_s), Qt::Key_Space);
        QTest::keyClick(form->findChild<QLineEdit*>(u"email"_s), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            shownText(form, u"generalError"_s)
                .contains(u"The last active admin cannot be demoted or disabled"_s),
            kWait);
        form->reject();
        QCOMPARE(cell(row, AdminUsersModel::Admin), u"Yes"_s);
        QCOMPARE(access()->state(), AdminAccess::State::Admin);
    }

    void resetPassword_setsTheNewOne() {
        selectUser(u"newbie"_s);
        pressInTable(Qt::Key_P, Qt::ControlModifier);
        bizy::ResetPasswordDialog* form = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((form = openDialog<bizy::ResetPasswordDialog>()), kWait);
        auto* password = form->findChild<QLineEdit*>(u"new_password"_s);
        QTest::keyClicks(password, u"Brand-new-1"_s);
        QVERIFY(shownText(form, u"passwordRules"_s).startsWith(u"\u2713"_s));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!openDialog<bizy::ResetPasswordDialog>(), kWait);
        QVERIFY(message().contains(u"password of newbie was reset"_s));
        QCOMPARE(http().login(u"newbie"_s, kPassword).status, 401);
        QCOMPARE(http().login(u"newbie"_s, u"Brand-new-1"_s).status, 200);
    }

    void unlock_showsWhoIsLockedUntilWhen_andUnlocks() {
        // given member_03 locked by wrong passwords
        for (int i = 0; i < 5; ++i)
            http().login(u"member_03"_s, u"wrong password"_s);
        QCOMPARE(http().login(u"member_03"_s, kPassword).status, 423);
        // then the table says so after a search
        selectUser(u"member_03"_s);
        const int row = users()->rowOf(userId(u"member_03"_s));
        QVERIFY2(cell(row, AdminUsersModel::Locked).startsWith(u"Locked until "_s),
                 qPrintable(cell(row, AdminUsersModel::Locked)));
        // when unlocked with the keyboard
        pressInTable(Qt::Key_U, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(message(), u"member_03 can log in again."_s, kWait);
        QCOMPARE(cell(row, AdminUsersModel::Locked), QString());
        QCOMPARE(http().login(u"member_03"_s, kPassword).status, 200);
    }

    void delete_namesTheTasksAndGoals_andRemovesTheRowAfterTheServer() {
        // given member_04 with two tasks and a goal
        const HttpClient::Session owner =
            http().sessionFrom(http().login(u"member_04"_s, kPassword), u"member_04"_s);
        QVERIFY(owner.ok());
        for (const QString& title : {u"one"_s, u"two"_s})
            QCOMPARE(http().post(u"/api/tasks/"_s, {{u"title"_s, title}}, owner.token).status, 201);
        QCOMPARE(http()
                     .post(u"/api/goals/"_s, {{u"title"_s, u"g"_s}, {u"horizon"_s, u"yearly"_s}},
                           owner.token)
                     .status,
                 201);
        selectUser(u"member_04"_s);
        // when Delete is pressed, the confirmation names what goes with them
        pressInTable(Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = panel()->findChild<QMessageBox*>(u"confirmDelete"_s)),
                                 kWait);
        QVERIFY2(box->informativeText().startsWith(u"2 tasks, 1 goal and every session"_s),
                 qPrintable(box->informativeText()));
        QVERIFY(box->text().contains(u"member_04 (member_04@example.com)"_s));
        // when cancelled (Escape), nothing happens
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!panel()->findChild<QMessageBox*>(u"confirmDelete"_s));
        QVERIFY(userId(u"member_04"_s) > 0);
        QVERIFY(users()->rowOf(userId(u"member_04"_s)) >= 0);
        // when confirmed
        const qint64 id = userId(u"member_04"_s);
        pressInTable(Qt::Key_Delete);
        QTRY_VERIFY_WITH_TIMEOUT((box = panel()->findChild<QMessageBox*>(u"confirmDelete"_s)),
                                 kWait);
        box->findChild<QPushButton*>(u"confirmDeleteButton"_s)->click();
        // then the row goes once the server deleted them
        QTRY_COMPARE_WITH_TIMEOUT(message(), u"member_04 was deleted."_s, kWait);
        QCOMPARE(users()->rowOf(id), -1);
        QCOMPARE(userId(u"member_04"_s), 0);
        QCOMPARE(http().login(u"member_04"_s, kPassword).status, 401);
    }

    void deleteOnTheFirstPage_thenTheNextPage_leavesNobodyOut() {
        // given everyone listed, the first of two pages loaded
        auto* search = inPanel<QLineEdit>(u"userSearch"_s);
        type(search, QString());
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!users()->isLoading() && users()->total() > 0, kWait);
        QCOMPARE(users()->rowCount(), AdminUsersModel::kPerPage);
        // when a user of the first page is deleted
        const qint64 id = userId(u"member_05"_s);
        userTable()->selectRow(users()->rowOf(id));
        pressInTable(Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = panel()->findChild<QMessageBox*>(u"confirmDelete"_s)),
                                 kWait);
        box->findChild<QPushButton*>(u"confirmDeleteButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(message(), u"member_05 was deleted."_s, kWait);
        const qint64 everyone =
            m_fixture.database().scalar(u"SELECT count(*) FROM users"_s).toLongLong();
        QCOMPARE(users()->total(), everyone);
        // then the next page, shifted by the delete, still brings every other user
        userTable()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(!users()->isLoading() && users()->rowCount() == everyone, kWait);
        QSet<qint64> ids;
        for (int row = 0; row < users()->rowCount(); ++row)
            ids.insert(users()->userAt(row)->id);
        QCOMPARE(ids.size(), everyone);
        QVERIFY(!ids.contains(id));
    }

    void auditLog_newestFirst_filteredByUserAndAction() {
        // when the audit log of newbie is asked for
        selectUser(u"newbie"_s);
        pressInTable(Qt::Key_L, Qt::ControlModifier);
        bizy::AdminAuditModel* audit = panel()->auditModel();
        QCOMPARE(inPanel<QTabWidget>(u"adminTabs"_s)->currentIndex(), 1);
        QCOMPARE(shownText(panel(), u"auditUserFilter"_s), u"User: newbie"_s);
        // then its rows come newest first: reset, edit, create
        QTRY_COMPARE_WITH_TIMEOUT(audit->rowCount(), 3, kWait);
        const auto text = [&](int row, int column) {
            return audit->index(row, column).data().toString();
        };
        QCOMPARE(text(0, bizy::AdminAuditModel::Action), u"Reset password"_s);
        QCOMPARE(text(1, bizy::AdminAuditModel::Action), u"Changed user"_s);
        QCOMPARE(text(2, bizy::AdminAuditModel::Action), u"Created user"_s);
        QCOMPARE(text(1, bizy::AdminAuditModel::Actor), u"root"_s);
        QCOMPARE(text(1, bizy::AdminAuditModel::Target), u"newbie"_s);
        QVERIFY2(text(1, bizy::AdminAuditModel::Changes)
                     .contains(u"Email: \u201cnewbie@example.com\u201d \u2192 "
                               "\u201cnewbie2@example.com\u201d"_s),
                 qPrintable(text(1, bizy::AdminAuditModel::Changes)));
        QVERIFY(text(1, bizy::AdminAuditModel::Changes).contains(u"Verified: no \u2192 yes"_s));
        // when every user is shown, only deletions: member_05, then member_04
        inPanel<QPushButton>(u"clearAuditUser"_s)->click();
        auto* action = inPanel<QComboBox>(u"auditAction"_s);
        action->setCurrentIndex(action->findData(u"delete_user"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isLoading() && audit->rowCount() == 2, kWait);
        QCOMPARE(audit->total(), 2);
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(text(row, bizy::AdminAuditModel::Action), u"Deleted user"_s);
            QCOMPARE(text(row, bizy::AdminAuditModel::Target),
                     u"#%1 (deleted)"_s.arg(audit->entryAt(row)->targetId.value()));
        }
        QVERIFY(text(0, bizy::AdminAuditModel::Changes).contains(u"\u201cmember_05\u201d"_s));
        QVERIFY(text(1, bizy::AdminAuditModel::Changes).contains(u"\u201cmember_04\u201d"_s));
        action->setCurrentIndex(0);
        inPanel<QTabWidget>(u"adminTabs"_s)->setCurrentIndex(0);
    }

    void demotedAdmin_losesThePanelWhileTheAppRuns() {
        // given a second admin logged in to the app with the panel open
        QVERIFY(m_fixture.makeAdmin(u"second"_s, kAdminPassword).ok());
        logInApp(u"second"_s, kAdminPassword);
        QCOMPARE(access()->state(), AdminAccess::State::Admin);
        adminMenu()->openAction()->trigger();
        QTRY_VERIFY(panel() && panel()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(users()->rowCount() > 0, kWait);
        // when root demotes them on the server
        const HttpClient::Session root =
            http().sessionFrom(http().login(u"root"_s, kAdminPassword), u"root"_s);
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(userId(u"second"_s)),
                            {{u"is_admin"_s, false}}, root.token)
                     .status,
                 200);
        // and the app next talks to the server (F5 in the panel)
        pressInTable(Qt::Key_F5);
        // then the menu goes, the table is empty, and the panel offers to log in
        QTRY_COMPARE_WITH_TIMEOUT(access()->state(), AdminAccess::State::NeedsLogin, kWait);
        QVERIFY(!adminMenuShown());
        QCOMPARE(users()->rowCount(), 0);
        QVERIFY(shownText(panel(), u"adminProblem"_s).contains(u"session has ended"_s));
        QVERIFY(inPanel<QPushButton>(u"adminLogIn"_s)->isVisible());
        // when they log in again, the server says "not an admin": the panel closes
        QPointer<AdminPanel> open = panel();
        logInApp(u"second"_s, kAdminPassword);
        QCOMPARE(access()->state(), AdminAccess::State::NotAdmin);
        QTRY_VERIFY(!open || !open->isVisible());
        QVERIFY(!adminMenuShown());
    }

    void forbidden_closesThePanelAtOnce() {
        // given a third admin in the panel
        QVERIFY(m_fixture.makeAdmin(u"third"_s, kAdminPassword).ok());
        logInApp(u"third"_s, kAdminPassword);
        QCOMPARE(access()->state(), AdminAccess::State::Admin);
        adminMenu()->openAction()->trigger();
        QTRY_VERIFY(panel() && panel()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(users()->rowCount() > 0 && !users()->isLoading(), kWait);
        // when the rights go in the database behind the server's back (the token stays valid)
        QVERIFY(m_fixture.database().exec(
            u"UPDATE users SET is_admin = false WHERE username = 'third'"_s));
        QPointer<AdminPanel> open = panel();
        pressInTable(Qt::Key_F5);
        // then the server's 403 closes the panel and the menu goes, without a new login
        QTRY_COMPARE_WITH_TIMEOUT(access()->state(), AdminAccess::State::NotAdmin, kWait);
        QTRY_VERIFY(!open || !open->isVisible());
        QVERIFY(!adminMenuShown());
        QVERIFY(m_accounts->workspace()->session()->isLoggedIn());
    }

    void offline_thePanelSaysSo_andQueuesNothing() {
        // given root in the panel
        logInApp(u"root"_s, kAdminPassword);
        adminMenu()->openAction()->trigger();
        QTRY_VERIFY(panel() && panel()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(users()->rowCount() > 0 && !users()->isLoading(), kWait);
        // when the server goes away and an edit is saved
        const int exitCode = m_fixture.server().terminate();
        QVERIFY2(exitCode == 0, qPrintable(u"the server exited with %1:\n"_s.arg(exitCode) +
                                           m_fixture.server().output().right(4000)));
        userTable()->selectRow(0);
        const bizy::User before = users()->userAt(0).value();
        pressInTable(Qt::Key_F2);
        bizy::UserDialog* form = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((form = openDialog<bizy::UserDialog>()), kWait);
        type(form->findChild<QLineEdit*>(u"full_name"_s), u"Written Offline"_s);
        QTest::keyClick(form->findChild<QLineEdit*>(u"full_name"_s), Qt::Key_Return);
        // then the dialog says it was not sent and nothing is queued: the row and the database
        // keep the old name
        QTRY_VERIFY_WITH_TIMEOUT(
            shownText(form, u"generalError"_s).contains(u"Admin changes are not queued"_s), kWait);
        QVERIFY(form->isVisible());
        form->reject();
        QCOMPARE(users()->userAt(0)->fullName, before.fullName);
        QCOMPARE(m_fixture.database()
                     .scalar(u"SELECT count(*) FROM users WHERE full_name = 'Written Offline'"_s)
                     .toInt(),
                 0);
        // and the panel says it cannot reach the server and offers to try again
        QTRY_COMPARE_WITH_TIMEOUT(access()->state(), AdminAccess::State::Offline, kWait);
        QVERIFY(shownText(panel(), u"adminProblem"_s).contains(u"cannot reach the server"_s));
        QVERIFY(inPanel<QPushButton>(u"adminRetry"_s)->isVisible());
        // when the table is refreshed
        pressInTable(Qt::Key_F5);
        // then the table, once its own retries are over, says why it is empty
        QTRY_VERIFY_WITH_TIMEOUT(
            shownText(panel(), u"userStatus"_s).contains(u"cannot reach the server"_s), 120000);
        QCOMPARE(users()->rowCount(), 0);
        QVERIFY(inPanel<QPushButton>(u"loadMoreUsers"_s)->isVisible());
        QCOMPARE(access()->state(), AdminAccess::State::Offline);
    }
};

QTEST_MAIN(AdminPanelTest)
#include "tst_adminpanel.moc"
