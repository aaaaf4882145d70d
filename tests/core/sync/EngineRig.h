#pragma once

#include "BlockingStore.h"
#include "FakeSyncServer.h"
#include "store/LocalSyncStore.h"
#include "store/StoreClient.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QTemporaryDir>
#include <functional>
#include <memory>

// One installation of Bizy without a network: a real store on a temporary
// SQLite file with its worker (StoreClient, LocalSyncStore) and the real
// SyncEngine, talking to a FakeSyncServer. The tests of the engine and of the
// scheduler build on it; nothing starts a round unless a test does.
class EngineRig : public QObject {
    Q_OBJECT
public:
    EngineRig();
    ~EngineRig() override;

    // Opens the store and builds the engine; false (and why) when it cannot.
    bool open(QString* error);

    BlockingStore& store() { return m_store; }
    bizy::StoreClient& client() { return *m_client; }
    bizy::LocalSyncStore& syncStore() { return *m_syncStore; }
    FakeSyncServer& server() { return m_server; }
    bizy::SyncEngine& engine() { return *m_engine; }
    QString storePath() const { return m_path; }

    // syncNow() and wait for the round it started to end; true when it ended ok.
    bool sync(int timeoutMs = 10000);
    // Runs the event loop until `done()` holds (true) or `timeoutMs` passed
    // (false). Unlike QTest::qWaitFor it does not sleep between events, so
    // a round of a dozen store jobs and answers takes milliseconds.
    static bool waitFor(const std::function<bool()>& done, int timeoutMs = 10000);
    // How every round since open() ended, oldest first.
    const QList<bool>& rounds() const { return m_rounds; }
    int syncedCount() const { return m_synced; }

    // A task created here, through the store as the UI does; returns its uuid.
    QString createTask(const QString& title, const QJsonObject& more = {});
    // The titles of the tasks here, sorted.
    QStringList localTitles() const;
    qsizetype pending() const;
    // "state=… error='…' pending=… requests=…" for failure messages.
    QString describe() const;

private:
    QTemporaryDir m_dir;
    QString m_path;
    FakeSyncServer m_server;
    std::unique_ptr<bizy::StoreClient> m_client;
    BlockingStore m_store;
    std::unique_ptr<bizy::LocalSyncStore> m_syncStore;
    std::unique_ptr<bizy::SyncEngine> m_engine;
    QList<bool> m_rounds;
    int m_synced = 0;
};
