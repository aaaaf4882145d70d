#include "RememberedLogin.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace bizy::RememberedLogin {

namespace {
const QString kServerKey = u"Sync/server"_s;
const QString kUsernameKey = u"Sync/username"_s;
const QString kAccountKey = u"Sync/account"_s;
} // namespace

QUrl defaultServer() {
    return QUrl(u"http://localhost:8000"_s);
}

QUrl server() {
    const QUrl url = QSettings().value(kServerKey).toUrl();
    return url.isValid() && !url.isEmpty() ? url : defaultServer();
}

QString username() {
    return QSettings().value(kUsernameKey).toString();
}

QString account() {
    return QSettings().value(kAccountKey).toString();
}

void rememberServer(const QUrl& server, const QString& username) {
    QSettings settings;
    settings.setValue(kServerKey, server);
    settings.setValue(kUsernameKey, username);
}

void rememberAccount(const QString& accountKey, const QUrl& server) {
    QSettings settings;
    settings.setValue(kAccountKey, accountKey);
    settings.setValue(kServerKey, server);
}

void forgetAccount() {
    QSettings().remove(kAccountKey);
}

} // namespace bizy::RememberedLogin
