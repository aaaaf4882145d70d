#pragma once

#include <QString>
#include <QUrl>

namespace bizy {

// What Bizy remembers between runs about who logs in where (QSettings, group
// "Sync"): the server last logged in to, the name used there, and the account
// whose store opens at start (empty: nobody is logged in). The tokens
// themselves live in the OS keychain (Session).
namespace RememberedLogin {

QUrl defaultServer();
// The last server, or defaultServer().
QUrl server();
QString username();
QString account();

void rememberServer(const QUrl& server, const QString& username);
void rememberAccount(const QString& accountKey, const QUrl& server);
void forgetAccount();

} // namespace RememberedLogin

} // namespace bizy
