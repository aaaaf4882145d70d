#pragma once

#include "store/StoreClient.h"

#include <QEventLoop>
#include <QPointer>

// LocalStore's API over a StoreClient, each call run on the store's worker
// and waited for: tests read and write a store whose worker also serves the
// app under test (models, the sync engine) the way the app does, through jobs.
// The change events of a call arrive on the test's thread when it next
// processes events.
class BlockingStore {
public:
    explicit BlockingStore(bizy::StoreClient* client = nullptr)
        : m_client(client) {}

    bizy::StoreClient* client() const { return m_client; }
    bool isValid() const { return m_client != nullptr; }

    // Runs `job(LocalStore&)` on the worker and waits in an event loop (the
    // future finishes on this thread; change events arrive meanwhile).
    template <typename Job> auto call(Job job) const {
        auto future = m_client->run(std::move(job));
        QEventLoop loop;
        bool finished = false;
        future.then(&loop, [&](const auto&) {
            finished = true;
            loop.quit();
        });
        if (!finished)
            loop.exec();
        return future.result();
    }

    QString path() const { return m_client->path(); }
    QString deviceId() const { return m_client->deviceId(); }

    bizy::Result<bizy::Task> createTask(const QJsonObject& fields) const;
    bizy::Result<QList<bizy::Task>> createTasks(const QList<QJsonObject>& fieldsList) const;
    bizy::Result<bizy::Task> updateTask(const QString& uuid, const QJsonObject& fields) const;
    bizy::Status deleteTask(const QString& uuid) const;
    bizy::Result<bizy::Task> completeTask(const QString& uuid,
                                          std::optional<double> actualHours = std::nullopt) const;
    bizy::Result<bizy::Task> uncompleteTask(const QString& uuid) const;
    bizy::Result<bizy::Task> task(const QString& uuid) const;
    bizy::Result<QList<bizy::Task>> tasks(const bizy::TaskFilter& filter = {}) const;
    bizy::Result<qsizetype> taskCount(const bizy::TaskFilter& filter = {}) const;

    bizy::Result<bizy::Goal> createGoal(const QJsonObject& fields) const;
    bizy::Result<bizy::Goal> updateGoal(const QString& uuid, const QJsonObject& fields) const;
    bizy::Status deleteGoal(const QString& uuid) const;
    bizy::Result<bizy::Goal> moveGoal(const QString& uuid, const QString& newParentUuid) const;
    bizy::Result<bizy::Goal> goal(const QString& uuid) const;
    bizy::Result<QList<bizy::Goal>> goals() const;
    bizy::Result<QList<bizy::Goal>> childGoals(const QString& parentUuid) const;
    bizy::Result<QList<bizy::Goal>> ancestors(const QString& uuid) const;
    bizy::Result<QList<bizy::Goal>> subtree(const QString& uuid) const;

    bizy::Result<QList<bizy::OutboxMutation>> pendingMutations(int limit = 100) const;
    bizy::Result<qsizetype> pendingCount() const;
    bizy::Result<QList<bizy::OutboxMutation>> sealBatch(int max) const;
    bizy::Result<qint64> pullCursor() const;
    bizy::Result<bool> reloadInProgress() const;
    bizy::Result<std::optional<QDateTime>> lastSyncedAt() const;
    bizy::Result<QString> syncEpoch() const;

    bizy::Result<QList<bizy::ConflictEntry>> conflicts() const;
    bizy::Result<qsizetype> conflictCount() const;
    bizy::Status dismissConflict(qint64 id) const;
    bizy::Status restoreConflict(qint64 id) const;

private:
    QPointer<bizy::StoreClient> m_client;
};
