#include "Workspace.h"

#include "SyncConnection.h"
#include "auth/Session.h"
#include "store/LocalSyncStore.h"
#include "store/StoreClient.h"
#include "sync/ApiSyncTransport.h"
#include "sync/SyncEngine.h"
#include "sync/SyncScheduler.h"

namespace bizy {

Workspace::Workspace(std::unique_ptr<StoreClient> store, std::unique_ptr<SyncConnection> connection,
                     QString accountKey)
    : m_store(std::move(store))
    , m_connection(std::move(connection))
    , m_accountKey(std::move(accountKey)) {
    if (!m_connection)
        return;
    m_syncStore = new LocalSyncStore(m_store.get(), this);
    m_transport = new ApiSyncTransport(m_connection->api(), m_connection->session(), this);
    m_engine = new SyncEngine(m_syncStore, m_transport, this);
    m_scheduler = new SyncScheduler(m_engine, this);
}

Workspace::~Workspace() {
    // Sync first: its callbacks point into the store and the connection.
    delete m_scheduler;
    delete m_engine;
    delete m_transport;
    delete m_syncStore;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString& storePath,
                                                   std::unique_ptr<SyncConnection> connection,
                                                   const QString& accountKey) {
    Result<std::unique_ptr<StoreClient>> store = StoreClient::open(storePath);
    if (!store)
        return store.error();
    return std::unique_ptr<Workspace>(
        new Workspace(std::move(store).value(), std::move(connection), accountKey));
}

QString Workspace::storePath() const {
    return m_store->path();
}

Session* Workspace::session() const {
    return m_connection ? m_connection->session() : nullptr;
}

void Workspace::startSync() {
    if (m_scheduler)
        m_scheduler->start();
}

} // namespace bizy
