#include "ScenarioRunner.h"

#include "BenchUi.h"
#include "FileCache.h"
#include "HttpClient.h"
#include "PgCluster.h"
#include "SampleStore.h"
#include "ServerProcess.h"
#include "SyncSeeder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;
using BenchUi::die;
using BenchUi::loadAverage;
using BenchUi::monotonicNs;

namespace {

const QString kUser = u"benchui"_s;
const QString kPassword = u"BenchPassword123!"_s;

} // namespace

ScenarioRunner::ScenarioRunner(int runs)
    : m_runs(runs) {
    if (!m_home.isValid())
        die(u"no temporary directory"_s);
    // Children keep their settings, logs and caches here, never the user's.
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    m_environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    m_environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    m_environment.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    QDir(m_home.path()).mkdir(u"runtime"_s);
    QFile::setPermissions(m_home.filePath(u"runtime"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_environment.insert(u"XDG_RUNTIME_DIR"_s, m_home.filePath(u"runtime"_s));
    m_environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s,
                         u"unix:path=/nonexistent/bizy-bench-no-session-bus"_s);
}

QJsonObject ScenarioRunner::runChild(const QString& program, const QStringList& args,
                                     qint64* spawnedNs, QString* failure) {
    QProcess child;
    child.setProcessEnvironment(m_environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const qint64 spawned = monotonicNs();
    QStringList arguments = args;
    if (spawnedNs) {
        *spawnedNs = spawned;
        arguments << QString::number(spawned);
    }
    child.start(program, arguments);
    // An event loop, not waitForFinished(): a server child must keep reading its pipe.
    QEventLoop loop;
    QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15 * 60 * 1000, &loop, &QEventLoop::quit);
    if (child.state() != QProcess::NotRunning)
        loop.exec();
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished();
        die(u"%1 %2 did not finish"_s.arg(program, args.join(u' ')));
    }
    QJsonObject result;
    for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
        if (line.startsWith("RESULT "))
            result = QJsonDocument::fromJson(line.mid(7)).object();
    }
    if (child.exitStatus() == QProcess::CrashExit || child.exitCode() != 0 || result.isEmpty()) {
        const QString what = child.exitStatus() == QProcess::CrashExit
                                 ? u"crashed"_s
                                 : u"failed (exit %1)"_s.arg(child.exitCode());
        if (!failure)
            die(u"%1 %2 %3"_s.arg(program, args.join(u' '), what));
        *failure = what;
        return {};
    }
    if (const QString path = qEnvironmentVariable("BENCH_UI_JSON"); !path.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::Append))
            file.write(QJsonDocument(
                           QJsonObject{{u"what"_s, args.value(0, program)}, {u"result"_s, result}})
                           .toJson(QJsonDocument::Compact) +
                       '\n');
    }
    return result;
}

QList<QJsonObject> ScenarioRunner::sync() {
    PgCluster cluster;
    QString error;
    if (!cluster.start(&error))
        die(u"PostgreSQL: "_s + error);
    ServerProcess server(cluster.databaseUrl(), {{u"BIZY_ACCESS_TOKEN_MINUTES"_s, u"240"_s}});
    if (!server.start(&error))
        die(u"bizy-server: "_s + error);
    HttpClient http(server.baseUrl());
    const HttpClient::Session session = http.registerAndLogin(kUser, kPassword);
    if (!session.ok())
        die(u"register/login failed"_s);
    SyncSeeder seeder(http, session.token);
    QElapsedTimer timer;
    timer.start();
    if (!seeder.seed(kSyncGoals, kSyncTasks, 6, &error))
        die(u"seeding: "_s + error);
    std::printf("sync: seeded %d goals + %d tasks in %.0f s\n", kSyncGoals, kSyncTasks,
                double(timer.elapsed()) / 1000);
    QList<QJsonObject> runs;
    for (int run = 0; run < m_runs; ++run) {
        const QJsonObject result =
            runChild(QCoreApplication::applicationFilePath(),
                     {u"--sync-client"_s, server.baseUrl(), kUser, kPassword});
        if (result.value(u"finished"_s).toBool() &&
            (result.value(u"tasks"_s).toInteger() != kSyncTasks ||
             result.value(u"goals"_s).toInteger() != kSyncGoals))
            die(u"the client pulled %1 tasks, %2 goals"_s.arg(result.value(u"tasks"_s).toInteger())
                    .arg(result.value(u"goals"_s).toInteger()));
        std::printf(
            "sync run %d%s: longest stall %.0f ms, p99 %.1f ms, %lld over 50 ms | "
            "pull %.0f ms%s (%lld rows), %.0f rows/s, VmHWM %.1f MiB, UI thread CPU "
            "%.0f ms, %lld rows in the list | load %s\n",
            run + 1, result[u"with_list"_s].toBool() ? "" : " (no list)",
            result[u"heartbeat"_s][u"max_ms"_s].toDouble(),
            result[u"heartbeat"_s][u"p99_ms"_s].toDouble(),
            result[u"heartbeat"_s][u"over50"_s].toInteger(), result[u"wall_ms"_s].toDouble(),
            result[u"finished"_s].toBool() ? "" : " and NOT FINISHED",
            result[u"rows"_s].toInteger(), result[u"rows_per_s"_s].toDouble(),
            result[u"hwm_kib"_s].toDouble() / 1024, result[u"ui_thread_cpu_ms"_s].toDouble(),
            result[u"rows_shown"_s].toInteger(), qPrintable(result[u"loadavg"_s].toString()));
        runs << result;
    }
    return runs;
}

QList<QJsonObject> ScenarioRunner::import() {
    QList<QJsonObject> runs;
    for (int run = 0; run < m_runs; ++run) {
        const QJsonObject result = runChild(QCoreApplication::applicationFilePath(),
                                            {u"--import-client"_s, QString::number(kStoreTasks)});
        std::printf("import run %d: longest stall %.0f ms, p99 %.1f ms, %lld over 50 ms | "
                    "imported %.0f ms, shown %.0f ms | load %s\n",
                    run + 1, result[u"heartbeat"_s][u"max_ms"_s].toDouble(),
                    result[u"heartbeat"_s][u"p99_ms"_s].toDouble(),
                    result[u"heartbeat"_s][u"over50"_s].toInteger(),
                    result[u"import_ms"_s].toDouble(), result[u"shown_ms"_s].toDouble(),
                    qPrintable(result[u"loadavg"_s].toString()));
        runs << result;
    }
    return runs;
}

QString ScenarioRunner::store() {
    if (!m_store.isEmpty())
        return m_store;
    m_store = qEnvironmentVariable("BENCH_UI_STORE");
    if (m_store.isEmpty())
        m_store = m_home.filePath(u"tasks100k.sqlite"_s);
    if (!QFile::exists(m_store)) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (!SampleStore::build(m_store, kStoreTasks, kStoreGoals, 42, &error))
            die(u"building the store: "_s + error);
        std::printf("built %s (%d tasks, %d goals) in %.1f s\n", qPrintable(m_store), kStoreTasks,
                    kStoreGoals, double(timer.elapsed()) / 1000);
    }
    std::printf("store %s: %.1f MB\n", qPrintable(m_store),
                double(QFileInfo(m_store).size()) / 1e6);
    return m_store;
}

double ScenarioRunner::prepareCache() {
    if (qEnvironmentVariableIntValue("BENCH_UI_WARM") != 1) {
        QString error;
        if (!FileCache::evictStore(store(), &error))
            die(error);
    }
    return FileCache::residentShare(store());
}

QList<QJsonObject> ScenarioRunner::search() {
    QList<QJsonObject> runs;
    for (int run = 0; run < m_runs; ++run) {
        const double cached = prepareCache();
        QJsonObject result =
            runChild(QCoreApplication::applicationFilePath(), {u"--search-client"_s, store()});
        result.insert(u"cached_share"_s, cached);
        const QJsonObject& r = result;
        QStringList keys;
        for (const QJsonValue& key : r[u"keys"_s].toArray())
            keys << u"%1 %2/%3 ms (%4)"_s.arg(key[u"text"_s].toString())
                        .arg(key[u"loaded_ms"_s].toDouble(), 0, 'f', 0)
                        .arg(key[u"shown_ms"_s].toDouble(), 0, 'f', 0)
                        .arg(key[u"matches"_s].toInteger());
        std::printf("search run %d: longest stall %.0f ms, p99 %.1f ms, %lld over 50 ms | "
                    "last key to page %.0f ms | loaded/shown: %s | cached %.0f%% | load %s\n",
                    run + 1, r[u"heartbeat"_s][u"max_ms"_s].toDouble(),
                    r[u"heartbeat"_s][u"p99_ms"_s].toDouble(),
                    r[u"heartbeat"_s][u"over50"_s].toInteger(),
                    r[u"last_key_to_shown_ms"_s].toDouble(), qPrintable(keys.join(u", "_s)),
                    100 * cached, qPrintable(r[u"loadavg"_s].toString()));
        runs << result;
    }
    return runs;
}

QList<QJsonObject> ScenarioRunner::startup() {
    const QString program = QCoreApplication::applicationDirPath() + u"/bench_ui_startup"_s;
    QList<QJsonObject> runs;
    for (int run = 0; run < m_runs; ++run) {
        const double cached = prepareCache();
        qint64 spawned = 0;
        QString failure;
        QJsonObject result = runChild(program, {store()}, &spawned, &failure);
        // A start-up that crashes or never paints is counted, not timed.
        if (result.isEmpty()) {
            if (failure == u"failed (exit 4)"_s)
                failure = u"no painted page in 30 s"_s;
            std::printf("startup run %d: %s | cached %.0f%% | load %s\n", run + 1,
                        qPrintable(failure), 100 * cached, qPrintable(loadAverage()));
            m_failedStartups << failure;
            continue;
        }
        result.insert(u"cached_share"_s, cached);
        const QJsonObject& r = result;
        const QJsonObject marks = r[u"marks"_s].toObject();
        std::printf("startup run %d: %.0f ms to the painted page (from main() %.0f; kernel "
                    "start time says %.0f) | %lld rows of %lld | VmHWM %.1f MiB (%.1f after "
                    "1 s) | main %.0f, app %.0f, store %.0f, shown %.0f, loaded %.0f ms | "
                    "cached %.0f%% | load %s\n",
                    run + 1, r[u"spawn_to_paint_ms"_s].toDouble(),
                    r[u"main_to_paint_ms"_s].toDouble(), r[u"proc_age_at_paint_ms"_s].toDouble(),
                    r[u"rows_shown"_s].toInteger(), r[u"total"_s].toInteger(),
                    r[u"hwm_kib"_s].toDouble() / 1024, r[u"hwm_after_1s_kib"_s].toDouble() / 1024,
                    marks[u"main"_s].toDouble(), marks[u"application"_s].toDouble(),
                    marks[u"store_open"_s].toDouble(), marks[u"window_shown"_s].toDouble(),
                    marks[u"loaded"_s].toDouble(), 100 * cached,
                    qPrintable(r[u"loadavg"_s].toString()));
        runs << result;
    }
    return runs;
}
