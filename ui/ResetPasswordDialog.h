#pragma once

#include "model/User.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bizy {

class AdminUsersModel;
class FieldErrorDisplay;
class RulesLabel;

// Sets a new password for a user through the admin API (which also ends all
// of their sessions). The server's rules are shown as the password is typed;
// the dialog closes only once the server accepted. Editor "new_password",
// button "resetButton".
class ResetPasswordDialog : public QDialog {
    Q_OBJECT
public:
    ResetPasswordDialog(AdminUsersModel* model, const User& user, QWidget* parent = nullptr);

public slots:
    void reset();

private:
    AdminUsersModel* m_model;
    User m_user;
    FieldErrorDisplay* m_errors;
    QLineEdit* m_password;
    RulesLabel* m_rules;
    QLabel* m_progress;
    QPushButton* m_reset = nullptr;
    bool m_busy = false;
};

} // namespace bizy
