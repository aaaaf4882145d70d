#pragma once

#include "BlockingStore.h"
#include "FaultProxy.h"
#include "auth/Session.h"
#include "net/ApiClient.h"
#include "net/RetryPolicy.h"
#include "store/LocalSyncStore.h"
#include "store/StoreClient.h"
#include "sync/ApiSyncTransport.h"
#include "sync/SyncEngine.h"
#include "sync/SyncScheduler.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <memory>

// One simulated installation of Bizy in this test process: its own store file
// on its own worker thread (StoreClient), its own FaultProxy in front of the
// server (its "network"), and the real ApiClient, Session, transport and
// SyncEngine on top. The scheduler's triggers stay off unless a test starts
// them: a test syncs with sync(), which waits until the round it started ends.
//
// close() ends the "app" (engine, session, client, store) but keeps the store
// file and the proxy, so open() afterwards is a restart on the same data.
class SyncDevice : public QObject {
    Q_OBJECT
public:
    // `storePath` empty: a fresh file in a temporary directory owned by the device.
    SyncDevice(QString name, QString serverHost, quint16 serverPort, QString username,
               QString password, QString storePath = {}, QObject* parent = nullptr);
    ~SyncDevice() override;

    // Opens the store, builds the client stack and logs in (waits for LoggedIn).
    bool open(QString* error = nullptr);
    // Tears the app down, keeping the store file and the proxy.
    void close();
    bool isOpen() const { return m_client != nullptr; }
    // close() + open().
    bool reopen(QString* error = nullptr);

    QString name() const { return m_name; }
    QString username() const { return m_username; }
    QString storePath() const { return m_storePath; }
    QString deviceId() const;

    // The store, each call waited for on its worker.
    BlockingStore& store() { return m_store; }
    bizy::ApiClient& api() { return *m_api; }
    bizy::Session& session() { return *m_session; }
    bizy::SyncEngine& engine() { return *m_engine; }
    bizy::SyncScheduler& scheduler() { return *m_scheduler; }
    FaultProxy& proxy() { return *m_proxy; }

    // syncNow() and wait for the round it started (after a running one ends);
    // true when that round ended ok. lastSyncMessage() tells what happened.
    bool sync(int timeoutMs = 60000);
    // Syncs until a round ends ok, at most `rounds` times.
    bool syncUntilOk(int rounds = 3, int timeoutMs = 60000);
    bool lastSyncOk() const { return m_lastSyncOk; }
    // "<name>: state=<state> error=<lastError> pending=<n> conflicts=<n>".
    QString lastSyncMessage() const { return m_lastSyncMessage; }
    QString describe() const;

    // The network of this device, through its proxy.
    void goOffline() { m_proxy->setMode(FaultProxy::Mode::Offline); }
    void goOnline() { m_proxy->setMode(FaultProxy::Mode::PassThrough); }

    // The client policy tests use: few, quick retries and a short timeout.
    static bizy::RetryPolicy testRetryPolicy();
    // Applied to the ApiClient at every open() (and at once when open).
    void setRetryPolicy(const bizy::RetryPolicy& policy);
    void setTimeoutMs(int milliseconds);

private:
    bool login(QString* error);

    QString m_name;
    QString m_serverHost;
    quint16 m_serverPort = 0;
    QString m_username;
    QString m_password;
    std::unique_ptr<QTemporaryDir> m_dir; // only when the device made its own file
    QString m_storePath;
    bizy::RetryPolicy m_retryPolicy;
    int m_timeoutMs = 15000;

    std::unique_ptr<FaultProxy> m_proxy;
    // Built in this order by open(), destroyed in reverse by close().
    std::unique_ptr<bizy::StoreClient> m_client;
    BlockingStore m_store;
    std::unique_ptr<bizy::ApiClient> m_api;
    std::unique_ptr<bizy::Session> m_session;
    std::unique_ptr<bizy::LocalSyncStore> m_syncStore;
    std::unique_ptr<bizy::ApiSyncTransport> m_transport;
    std::unique_ptr<bizy::SyncEngine> m_engine;
    std::unique_ptr<bizy::SyncScheduler> m_scheduler;

    bool m_lastSyncOk = false;
    QString m_lastSyncMessage;
};
