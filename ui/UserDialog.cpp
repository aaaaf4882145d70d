#include "UserDialog.h"

#include "AdminText.h"
#include "AdminUsersModel.h"
#include "FieldErrorDisplay.h"
#include "RulesLabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

QLineEdit* lineEdit(QWidget* parent, const QString& field, const QString& accessibleName) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(field);
    edit->setAccessibleName(accessibleName);
    return edit;
}

QCheckBox* checkBox(QWidget* parent, const QString& field, const QString& text) {
    auto* box = new QCheckBox(text, parent);
    box->setObjectName(field);
    box->setAccessibleName(QString(text).remove(u'&'));
    return box;
}

} // namespace

UserDialog::UserDialog(AdminUsersModel* model, const std::optional<User>& user, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
    , m_user(user)
    , m_errors(new FieldErrorDisplay(this)) {
    setObjectName(u"userDialog"_s);
    setWindowTitle(user ? tr("Edit User %1").arg(user->username) : tr("New User"));
    auto* form = new QFormLayout;
    const auto addRow = [&](const QString& label, QWidget* editor, const QString& field) {
        auto* box = new QVBoxLayout;
        box->addWidget(editor);
        box->addWidget(m_errors->labelFor(field));
        form->addRow(label, box);
    };

    if (!user) {
        m_username = lineEdit(this, u"username"_s, tr("Username"));
        m_usernameRules = new RulesLabel(this);
        m_usernameRules->setObjectName(u"usernameRules"_s);
        auto* box = new QVBoxLayout;
        box->addWidget(m_username);
        box->addWidget(m_usernameRules);
        box->addWidget(m_errors->labelFor(u"username"_s));
        form->addRow(tr("&Username:"), box);
    } else {
        auto* name = new QLabel(user->username, this);
        name->setObjectName(u"usernameShown"_s);
        form->addRow(tr("Username:"), name);
    }
    m_email = lineEdit(this, u"email"_s, tr("Email"));
    addRow(tr("&Email:"), m_email, u"email"_s);
    m_fullName = lineEdit(this, u"full_name"_s, tr("Full name"));
    addRow(tr("&Full name:"), m_fullName, u"full_name"_s);
    if (!user) {
        m_password = lineEdit(this, u"password"_s, tr("Password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_passwordRules = new RulesLabel(this);
        m_passwordRules->setObjectName(u"passwordRules"_s);
        auto* box = new QVBoxLayout;
        box->addWidget(m_password);
        box->addWidget(m_passwordRules);
        box->addWidget(m_errors->labelFor(u"password"_s));
        form->addRow(tr("&Password:"), box);
    }
    m_admin = checkBox(this, u"is_admin"_s, tr("A&dministrator"));
    m_active = checkBox(this, u"is_active"_s, tr("A&ctive (may log in)"));
    m_verified = checkBox(this, u"is_verified"_s, tr("Email &verified"));
    form->addRow(QString(), m_admin);
    form->addRow(QString(), m_errors->labelFor(u"is_admin"_s));
    form->addRow(QString(), m_active);
    form->addRow(QString(), m_errors->labelFor(u"is_active"_s));
    form->addRow(QString(), m_verified);

    m_progress = new QLabel(tr("Sending to the server\u2026"), this);
    m_progress->setObjectName(u"saveProgress"_s);
    m_progress->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(user ? tr("&Save") : tr("C&reate"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setAccessibleName(user ? tr("Save") : tr("Create"));
    m_save->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &UserDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_errors->generalLabel());
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    if (user) {
        m_email->setText(user->email);
        m_fullName->setText(user->fullName.value_or(QString()));
        m_admin->setChecked(user->isAdmin);
        m_active->setChecked(user->isActive);
        m_verified->setChecked(user->isVerified);
        m_email->setFocus();
    } else {
        m_active->setChecked(true);
        connect(m_username, &QLineEdit::textChanged, this, &UserDialog::updateRules);
        connect(m_password, &QLineEdit::textChanged, this, &UserDialog::updateRules);
        updateRules();
        m_username->setFocus();
    }
}

void UserDialog::updateRules() {
    m_usernameRules->showRules(AdminText::usernameRules(m_username->text()));
    m_passwordRules->showRules(AdminText::passwordRules(m_password->text()));
}

QJsonObject UserDialog::changedFields() const {
    QJsonObject fields;
    const QString fullName = m_fullName->text().trimmed();
    if (!m_user) {
        fields.insert(u"username"_s, m_username->text().trimmed());
        fields.insert(u"email"_s, m_email->text().trimmed());
        fields.insert(u"password"_s, m_password->text());
        if (!fullName.isEmpty())
            fields.insert(u"full_name"_s, fullName);
        fields.insert(u"is_admin"_s, m_admin->isChecked());
        fields.insert(u"is_active"_s, m_active->isChecked());
        fields.insert(u"is_verified"_s, m_verified->isChecked());
        return fields;
    }
    // Only what changed travels, so the audit trail names exactly that.
    if (m_email->text().trimmed() != m_user->email)
        fields.insert(u"email"_s, m_email->text().trimmed());
    if (fullName != m_user->fullName.value_or(QString()))
        fields.insert(u"full_name"_s, fullName.isEmpty() ? QJsonValue() : QJsonValue(fullName));
    if (m_admin->isChecked() != m_user->isAdmin)
        fields.insert(u"is_admin"_s, m_admin->isChecked());
    if (m_active->isChecked() != m_user->isActive)
        fields.insert(u"is_active"_s, m_active->isChecked());
    if (m_verified->isChecked() != m_user->isVerified)
        fields.insert(u"is_verified"_s, m_verified->isChecked());
    return fields;
}

void UserDialog::save() {
    if (m_busy)
        return;
    m_errors->clear();
    const QJsonObject fields = changedFields();
    if (m_user && fields.isEmpty()) {
        accept(); // nothing changed: nothing to send
        return;
    }
    setBusy(true);
    const auto done = [this](const std::optional<ApiError>& refusal) {
        setBusy(false);
        if (!refusal) {
            accept();
            return;
        }
        m_errors->show(refusal->kind == ApiError::Kind::Validation ? refusal->fields
                                                                   : FieldErrors{},
                       AdminText::refusal(*refusal));
    };
    if (m_user)
        m_model->updateUser(m_user->id, fields, this, done);
    else
        m_model->createUser(fields, this, done);
}

void UserDialog::setBusy(bool busy) {
    m_busy = busy;
    m_progress->setVisible(busy);
    m_save->setEnabled(!busy);
    for (QLineEdit* edit : {m_username, m_email, m_fullName, m_password})
        if (edit)
            edit->setReadOnly(busy);
}

} // namespace bizy
