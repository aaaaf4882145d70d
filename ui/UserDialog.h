#pragma once

#include "model/User.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bizy {

class AdminUsersModel;
class FieldErrorDisplay;
class RulesLabel;

// Creates a user, or edits one (email, full name, admin, active, verified),
// through the admin API. The username and password rules of the server are
// shown as they are typed; the dialog closes only once the server accepted,
// and a refusal (a taken username or email, a weak password, the last admin
// demoting itself) is shown beside its field or at the top, keeping every
// value. Editors are named by their contract field ("username", "email",
// "full_name", "password", "is_admin", "is_active", "is_verified"); the button
// is "saveButton".
class UserDialog : public QDialog {
    Q_OBJECT
public:
    // Without `user`: a new user.
    UserDialog(AdminUsersModel* model, const std::optional<User>& user, QWidget* parent = nullptr);

public slots:
    void save();

private:
    QJsonObject changedFields() const;
    void updateRules();
    void setBusy(bool busy);

    AdminUsersModel* m_model;
    std::optional<User> m_user;
    FieldErrorDisplay* m_errors;
    QLineEdit* m_username = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_fullName = nullptr;
    QLineEdit* m_password = nullptr;
    RulesLabel* m_usernameRules = nullptr;
    RulesLabel* m_passwordRules = nullptr;
    QCheckBox* m_admin = nullptr;
    QCheckBox* m_active = nullptr;
    QCheckBox* m_verified = nullptr;
    QLabel* m_progress = nullptr;
    QPushButton* m_save = nullptr;
    bool m_busy = false;
};

} // namespace bizy
