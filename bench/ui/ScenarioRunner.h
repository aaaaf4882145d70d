#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// bench_ui's parent: runs each scenario's child processes in a private home
// (settings, logs, caches, the offscreen platform), gives the sync scenario
// its seeded server and the others their 100,000-task store, prints a line
// per run and hands the runs' results back for the medians.
class ScenarioRunner {
public:
    static constexpr int kSyncTasks = 50000;
    static constexpr int kSyncGoals = 2000;
    static constexpr int kStoreTasks = 100000;
    static constexpr int kStoreGoals = 1000;

    explicit ScenarioRunner(int runs);

    QList<QJsonObject> sync();
    QList<QJsonObject> import();
    QList<QJsonObject> search();
    QList<QJsonObject> startup();
    // How each start-up that did not paint ended.
    const QStringList& failedStartups() const { return m_failedStartups; }

private:
    // The child's RESULT. A child that crashed or printed nothing ends the
    // benchmark, unless `failure` is given: then it says what happened and the
    // result is empty.
    QJsonObject runChild(const QString& program, const QStringList& args,
                         qint64* spawnedNs = nullptr, QString* failure = nullptr);
    // The 100,000-task store (BENCH_UI_STORE, or built in the private home).
    QString store();
    // Evicts the store from the page cache (unless BENCH_UI_WARM=1); the share
    // of it still cached afterwards.
    double prepareCache();

    int m_runs;
    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
    QString m_store;
    QStringList m_failedStartups;
};
