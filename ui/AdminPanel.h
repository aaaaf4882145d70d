#pragma once

#include <QDialog>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace bizy {

class AdminAccess;
class AdminAuditModel;
class AdminUsersModel;

// The admin panel: the server's users (search as you type, pages loaded as
// the table scrolls, "Load more"; new, edit, reset password, unlock, delete
// with a confirmation naming the tasks and goals that go too) and the audit
// log (newest first, filtered by user and action). It shows only what the
// server answered and says every refusal in words ("adminMessage", or in the
// dialog that sent it). Offline or with the session ended it says so above
// the tables ("adminProblem") and offers to log in again ("adminLogIn") or to
// try again ("adminRetry"); nothing is queued. Everything has a shortcut or a
// tab stop, so it works with the keyboard alone.
class AdminPanel : public QDialog {
    Q_OBJECT
public:
    explicit AdminPanel(AdminAccess* access, QWidget* parent = nullptr);

    AdminUsersModel* usersModel() const { return m_users; }
    AdminAuditModel* auditModel() const { return m_audit; }

public slots:
    void newUser();
    void editUser();
    void resetPassword();
    void unlockUser();
    void deleteUser();
    // The audit log of the selected user.
    void showUserAudit();
    void refresh();

signals:
    void loginRequested();

private:
    QWidget* createUsersPage();
    QWidget* createAuditPage();
    QAction* addPanelAction(const QString& name, const QString& text, const QKeySequence& key);
    QPushButton* buttonFor(QAction* action, QWidget* parent);
    void followAccess();
    void updateActions();
    void updateAuditFilterLabel();
    void say(const QString& message, bool refusal);
    int selectedRow() const;

    QPointer<AdminAccess> m_access;
    AdminUsersModel* m_users;
    AdminAuditModel* m_audit;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_logIn = nullptr;
    QPushButton* m_retry = nullptr;
    QLabel* m_message = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchDelay = nullptr;
    QTableView* m_userTable = nullptr;
    QLabel* m_userStatus = nullptr;
    QTableView* m_auditTable = nullptr;
    QLabel* m_auditStatus = nullptr;
    QLabel* m_auditUser = nullptr;
    QPushButton* m_clearAuditUser = nullptr;
    QComboBox* m_auditAction = nullptr;
    QString m_auditUsername;

    QAction* m_newAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_unlockAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_userAuditAction = nullptr;
    QAction* m_refreshAction = nullptr;
};

} // namespace bizy
