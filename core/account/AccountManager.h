#pragma once

#include "model/Result.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

namespace bizy {

class SyncConnection;
class Workspace;

// Which account Bizy works with, and its workspace. Each account on a server
// has its own store file (LocalStore::defaultPath(accountKey)); before anyone
// logs in, the local one. The first login of an account on this computer
// takes the local tasks along (the file moves), so they sync up. Logging in
// or out replaces the workspace; whoever shows it follows workspaceChanged().
class AccountManager : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl server;         // --server; empty: the remembered one
        QString pinnedStore; // --store: always this file, whoever logs in
    };

    explicit AccountManager(Options options, QObject* parent = nullptr);
    ~AccountManager() override;

    // Opens the remembered account's store (or the local one) and restores
    // its saved login; sync starts once that is known.
    Status start();

    Workspace* workspace() const { return m_workspace.get(); }
    QString accountKey() const;
    // The server a login should go to: --server, or the last one.
    QUrl loginServer() const;

    // Takes over a logged-in connection (from the login dialog): opens its
    // account's store, moving the local tasks there on its first login here.
    // When that store cannot be opened, the previous one stays and the error
    // says why.
    Status useConnection(std::unique_ptr<SyncConnection> connection);
    // Ends the session (server and keychain) and goes back to the local store.
    void logOut();

signals:
    // The workspace was replaced; null while a store moves between files.
    void workspaceChanged(bizy::Workspace* workspace);
    // A login or logout finished switching (empty key: the local store).
    void accountChanged(const QString& accountKey);
    // Something the user should read (the local store cannot be reopened).
    void errorOccurred(const QString& message);

private:
    Status openWorkspace(const QString& path, std::unique_ptr<SyncConnection> connection,
                         const QString& accountKey);
    void closeWorkspace();
    QString storePathFor(const QString& accountKey) const;
    void finishLogout();

    Options m_options;
    std::unique_ptr<Workspace> m_workspace;
    bool m_loggingOut = false;
};

} // namespace bizy
