#pragma once

#include "model/Result.h"

#include <QObject>
#include <QString>
#include <memory>

namespace bizy {

class LocalSyncStore;
class Session;
class StoreClient;
class SyncConnection;
class SyncEngine;
class SyncScheduler;
class SyncTransport;

// Everything one account works with: its store (on its worker thread) and,
// for an account on a server, the connection (client and session), the sync
// engine and its scheduler. The local workspace (nobody logged in) has only
// the store. AccountManager replaces the workspace when the account changes;
// windows and the tray survive that and bind to the new one.
class Workspace : public QObject {
    Q_OBJECT
public:
    // Opens the store at `storePath`; with a connection, sync is set up too
    // (started by startSync()).
    static Result<std::unique_ptr<Workspace>> open(const QString& storePath,
                                                   std::unique_ptr<SyncConnection> connection,
                                                   const QString& accountKey);
    ~Workspace() override;

    // The account's key (Session::accountKey); empty for the local workspace.
    QString accountKey() const { return m_accountKey; }
    bool isLocal() const { return m_accountKey.isEmpty(); }
    QString storePath() const;

    StoreClient* store() const { return m_store.get(); }
    // Null for the local workspace.
    SyncConnection* connection() const { return m_connection.get(); }
    Session* session() const;
    SyncEngine* engine() const { return m_engine; }
    SyncScheduler* scheduler() const { return m_scheduler; }

    // Starts the scheduler (the first round runs at once); nothing without sync.
    void startSync();

private:
    Workspace(std::unique_ptr<StoreClient> store, std::unique_ptr<SyncConnection> connection,
              QString accountKey);

    std::unique_ptr<StoreClient> m_store;
    std::unique_ptr<SyncConnection> m_connection;
    QString m_accountKey;
    LocalSyncStore* m_syncStore = nullptr;
    SyncTransport* m_transport = nullptr;
    SyncEngine* m_engine = nullptr;
    SyncScheduler* m_scheduler = nullptr;
};

} // namespace bizy
