#pragma once

#include <QDialog>
#include <QPointer>
#include <QUrl>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bizy {

class SyncConnection;

// Logs in to a Bizy server: address (remembered), username or email, and
// password. The login runs in the background; a failure shows the server's
// words and keeps what was typed. When the OS has no keychain the dialog says
// so before it closes, since the user will have to log in again next time.
// After accept(), takeConnection() hands over the logged-in session. Fields:
// "server", "username", "password", "loginButton"; messages: "loginError",
// "keychainNote", "loginProgress".
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(const QUrl& server, const QString& username, QWidget* parent = nullptr);
    ~LoginDialog() override;

    // The logged-in connection, once accepted; null otherwise.
    std::unique_ptr<SyncConnection> takeConnection();

public slots:
    void logIn();
    void reject() override;

private:
    void setBusy(bool busy);
    void showError(const QString& message);
    void onLoggedIn();
    void updateLoginButton();

    QLineEdit* m_server = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_keychain = nullptr;
    QLabel* m_progress = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_loginButton = nullptr;
    SyncConnection* m_connection = nullptr; // owned until taken
    bool m_busy = false;
    bool m_waitingForAcknowledge = false; // logged in, the keychain note is shown
};

} // namespace bizy
