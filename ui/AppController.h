#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>

namespace bizy {

class LocalStore;
class MainWindow;
class Session;
class SyncConnection;
class SyncEngine;

// Owns what one running Bizy works with: the account's local store, the
// connection to the server (client and session), the sync engine, and the
// window. Logging in or out may change the store (each account has its own
// database); then the window is rebuilt on the new store. The first login of
// an account on this computer takes over the tasks of the "local" store.
class AppController : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl server;         // --server; empty: the remembered one
        QString pinnedStore; // --store: always this file, whoever logs in
    };

    explicit AppController(Options options, QObject* parent = nullptr);
    ~AppController() override;

    // Opens the remembered account's store (or the local one), shows the
    // window and restores the saved login. False, with `error`, when no store opens.
    bool start(QString* error = nullptr);

    MainWindow* window() const;
    LocalStore* store() const { return m_store.get(); }
    SyncConnection* connection() const { return m_connection.get(); }
    Session* session() const;
    SyncEngine* engine() const;
    // The account whose store is open; empty for the local store.
    QString accountKey() const { return m_accountKey; }

    // Takes over a logged-in connection (from the login dialog): opens its
    // account's store, moving the local tasks there on its first login here.
    bool useConnection(std::unique_ptr<SyncConnection> connection, QString* error = nullptr);

public slots:
    void showLogin();
    void logOut();

signals:
    void windowChanged(bizy::MainWindow* window);
    // A login or logout finished switching (tests wait for it).
    void accountChanged(const QString& accountKey);

private:
    bool openStore(const QString& path, QString* error);
    void closeWindowAndStore();
    void buildWindow();
    void attachEngine();
    void finishLogout();

    Options m_options;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncConnection> m_connection;
    QPointer<SyncEngine> m_engine;
    QPointer<MainWindow> m_window;
    QString m_accountKey;
    bool m_loggingOut = false;
};

} // namespace bizy
