#include "ResetPasswordDialog.h"

#include "AdminText.h"
#include "AdminUsersModel.h"
#include "FieldErrorDisplay.h"
#include "RulesLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

ResetPasswordDialog::ResetPasswordDialog(AdminUsersModel* model, const User& user, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
    , m_user(user)
    , m_errors(new FieldErrorDisplay(this))
    , m_password(new QLineEdit(this))
    , m_rules(new RulesLabel(this))
    , m_progress(new QLabel(tr("Sending to the server\u2026"), this)) {
    setObjectName(u"resetPasswordDialog"_s);
    setWindowTitle(tr("Reset Password of %1").arg(user.username));
    auto* note = new QLabel(
        tr("%1 will have to log in with the new password on every device.").arg(user.username),
        this);
    note->setWordWrap(true);
    m_password->setObjectName(u"new_password"_s);
    m_password->setAccessibleName(tr("New password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_rules->setObjectName(u"passwordRules"_s);
    m_progress->setObjectName(u"resetProgress"_s);
    m_progress->hide();
    auto* form = new QFormLayout;
    auto* box = new QVBoxLayout;
    box->addWidget(m_password);
    box->addWidget(m_rules);
    box->addWidget(m_errors->labelFor(u"new_password"_s));
    form->addRow(tr("&New password:"), box);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_reset = buttons->addButton(tr("&Reset Password"), QDialogButtonBox::AcceptRole);
    m_reset->setObjectName(u"resetButton"_s);
    m_reset->setAccessibleName(tr("Reset password"));
    m_reset->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ResetPasswordDialog::reset);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_errors->generalLabel());
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    connect(m_password, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_rules->showRules(AdminText::passwordRules(text)); });
    m_rules->showRules(AdminText::passwordRules({}));
    m_password->setFocus();
}

void ResetPasswordDialog::reset() {
    if (m_busy)
        return;
    m_errors->clear();
    m_busy = true;
    m_progress->show();
    m_reset->setEnabled(false);
    m_model->resetPassword(
        m_user.id, m_password->text(), this, [this](const std::optional<ApiError>& refusal) {
            m_busy = false;
            m_progress->hide();
            m_reset->setEnabled(true);
            if (!refusal) {
                accept();
                return;
            }
            m_errors->show(refusal->kind == ApiError::Kind::Validation ? refusal->fields
                                                                       : FieldErrors{},
                           AdminText::refusal(*refusal));
        });
}

} // namespace bizy
