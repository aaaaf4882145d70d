#include "LoginDialog.h"

#include "UiLog.h"
#include "account/RememberedLogin.h"
#include "account/SyncConnection.h"
#include "auth/Session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

LoginDialog::LoginDialog(const QUrl& server, const QString& username, QWidget* parent)
    : QDialog(parent) {
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("Log In to Bizy"));

    auto* intro = new QLabel(
        tr("Log in to keep your tasks and goals in step with your other devices."), this);
    intro->setWordWrap(true);

    m_server = new QLineEdit(server.toString(), this);
    m_server->setObjectName(u"server"_s);
    m_server->setPlaceholderText(RememberedLogin::defaultServer().toString());
    m_user = new QLineEdit(username, this);
    m_user->setObjectName(u"username"_s);
    m_user->setPlaceholderText(tr("name or name@example.com"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMinimumWidth(fontMetrics().averageCharWidth() * 40);

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Username or email:"), m_user);
    form->addRow(tr("&Password:"), m_password);

    m_error = new QLabel(this);
    m_error->setObjectName(u"loginError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_error->setPalette(errorPalette);
    m_error->hide();

    m_keychain = new QLabel(this);
    m_keychain->setObjectName(u"keychainNote"_s);
    m_keychain->setWordWrap(true);
    m_keychain->setTextFormat(Qt::PlainText);
    m_keychain->hide();

    m_progress = new QLabel(tr("Logging in\u2026"), this);
    m_progress->setObjectName(u"loginProgress"_s);
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    m_progress->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_loginButton = m_buttons->addButton(tr("&Log In"), QDialogButtonBox::AcceptRole);
    m_loginButton->setObjectName(u"loginButton"_s);
    m_loginButton->setDefault(true);
    // AcceptRole would close the dialog at once; the login decides that.
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::logIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    for (QLineEdit* field : {m_server, m_user, m_password})
        connect(field, &QLineEdit::textChanged, this, &LoginDialog::updateLoginButton);

    auto* layout = new QVBoxLayout(this);
    // The dialog grows when a message appears instead of squeezing the fields.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_keychain);
    layout->addWidget(m_progress);
    layout->addStretch();
    layout->addWidget(m_buttons);

    updateLoginButton();
    if (m_server->text().isEmpty())
        m_server->setFocus();
    else if (m_user->text().isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

LoginDialog::~LoginDialog() = default;

std::unique_ptr<SyncConnection> LoginDialog::takeConnection() {
    if (result() != QDialog::Accepted || !m_connection)
        return nullptr;
    SyncConnection* connection = std::exchange(m_connection, nullptr);
    connection->setParent(nullptr);
    return std::unique_ptr<SyncConnection>(connection);
}

void LoginDialog::updateLoginButton() {
    if (m_waitingForAcknowledge) {
        m_loginButton->setEnabled(true);
        return;
    }
    m_loginButton->setEnabled(!m_busy && !m_server->text().trimmed().isEmpty() &&
                              !m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void LoginDialog::setBusy(bool busy) {
    m_busy = busy;
    for (QLineEdit* field : {m_server, m_user, m_password})
        field->setReadOnly(busy);
    m_progress->setVisible(busy);
    updateLoginButton();
}

void LoginDialog::showError(const QString& message) {
    m_error->setText(message);
    m_error->show();
    adjustSize();
}

void LoginDialog::logIn() {
    if (m_waitingForAcknowledge) { // "Continue" after the keychain note
        accept();
        return;
    }
    if (m_busy)
        return;
    const QUrl server = SyncConnection::serverFromUserInput(m_server->text());
    if (!server.isValid() || server.isEmpty()) {
        showError(
            tr("\u201c%1\u201d is not a server address. Enter one like %2.")
                .arg(m_server->text().trimmed(), RememberedLogin::defaultServer().toString()));
        m_server->setFocus();
        m_server->selectAll();
        return;
    }
    m_error->hide();
    delete std::exchange(m_connection, new SyncConnection(server, this));
    Session* session = m_connection->session();
    connect(session, &Session::errorOccurred, this, [this](const QString& message) {
        if (m_waitingForAcknowledge || result() == QDialog::Accepted)
            return;
        setBusy(false);
        showError(message);
        m_password->setFocus();
        m_password->selectAll();
    });
    connect(session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::LoggedIn)
            onLoggedIn();
    });
    connect(session, &Session::persistenceChanged, this, [this](Session::Persistence persistence) {
        if (persistence == Session::Persistence::Keychain && !m_waitingForAcknowledge &&
            m_connection->session()->isLoggedIn())
            accept();
    });
    connect(session, &Session::keychainUnavailable, this, [this](const QString& message) {
        if (!m_connection->session()->isLoggedIn())
            return;
        setBusy(false);
        m_waitingForAcknowledge = true;
        for (QLineEdit* field : {m_server, m_user, m_password})
            field->setEnabled(false);
        m_keychain->setText(message);
        m_keychain->show();
        adjustSize();
        m_loginButton->setText(tr("&Continue"));
        m_buttons->button(QDialogButtonBox::Cancel)->hide();
        updateLoginButton();
        m_loginButton->setFocus();
    });
    setBusy(true);
    qCInfo(lcUi).noquote() << "logging in to" << server.toString();
    // The form keeps the address as it will be used.
    m_server->setText(server.toString());
    session->login(m_user->text().trimmed(), m_password->text());
}

void LoginDialog::onLoggedIn() {
    RememberedLogin::rememberServer(m_connection->server(),
                                    m_connection->session()->claims().username);
    m_progress->setText(tr("Logged in. Saving the login in the keychain\u2026"));
    // The keychain's answer (persistenceChanged or keychainUnavailable) closes or explains.
    if (m_connection->session()->persistence() == Session::Persistence::Keychain)
        accept();
}

void LoginDialog::reject() {
    if (m_waitingForAcknowledge) { // logged in already: closing keeps the login
        accept();
        return;
    }
    // Cancelling a login in flight drops its session; an answer that comes later is ignored.
    if (!m_waitingForAcknowledge && m_connection && !m_connection->session()->isLoggedIn())
        delete std::exchange(m_connection, nullptr);
    QDialog::reject();
}

} // namespace bizy
