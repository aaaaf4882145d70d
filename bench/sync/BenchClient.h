#pragma once

#include "JobResult.h"
#include "auth/Session.h"
#include "net/ApiClient.h"
#include "store/LocalSyncStore.h"
#include "store/StoreClient.h"
#include "sync/ApiSyncTransport.h"
#include "sync/SyncEngine.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

// One desktop installation as the app builds it (the store on its worker,
// ApiClient, Session, the transport and SyncEngine), on a fresh store file,
// talking to the server directly (no proxy). Nothing schedules rounds: only
// round() syncs.
class BenchClient {
public:
    BenchClient(QString baseUrl, QString username, QString password);
    ~BenchClient();
    BenchClient(const BenchClient&) = delete;
    BenchClient& operator=(const BenchClient&) = delete;

    // Opens the store and logs in; false and `error` on failure.
    bool open(QString* error);

    // One syncNow() round, waited for in an event loop (no polling, so short
    // rounds are timed exactly). False and `error` when it did not end ok.
    struct Round {
        double wallMs = 0;
        double cpuMs = 0;      // this process
        qint64 pulledRows = 0; // from pullProgress
        qint64 pullPages = 0;
        // When the outbox became empty (the last push answered), or -1.
        double pushedAtMs = -1;
    };
    bool round(Round* round, QString* error);

    // Runs `job(LocalStore&)` on the store's worker and waits for it in an
    // event loop.
    template <typename Job> auto local(Job job) { return resultOf(m_store->run(std::move(job))); }
    bizy::SyncEngine& engine() { return *m_engine; }
    // The store as the app's models bind to it (null before open()).
    bizy::StoreClient* storeClient() const { return m_store.get(); }

private:
    QString m_baseUrl;
    QString m_username;
    QString m_password;
    QTemporaryDir m_dir;
    std::unique_ptr<bizy::StoreClient> m_store;
    std::unique_ptr<bizy::ApiClient> m_api;
    std::unique_ptr<bizy::Session> m_session;
    std::unique_ptr<bizy::LocalSyncStore> m_syncStore;
    std::unique_ptr<bizy::ApiSyncTransport> m_transport;
    std::unique_ptr<bizy::SyncEngine> m_engine;
};
