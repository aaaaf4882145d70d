// Sync benchmark (issue 4): a throwaway PostgreSQL and the Release bizy-server
// on loopback, one user seeded with 50,000 tasks and 2,000 goals through
// /api/sync/push, then, with a fresh client store each run (in a child
// process, so its peak RSS is the client's own):
//   1. the initial pull into the empty store (one SyncEngine round),
//   2. 10,000 offline edits in the store, then one round pushing them,
//   3. idle rounds with nothing to do.
// Usage: bench_sync [runs=3] [tasks=50000] [goals=2000] [edits=10000] [idle=200]
// BENCH_SYNC_PAUSE=1 waits for Enter after seeding (to attach perf to the
// server); BENCH_SYNC_CLIENT_PREFIX runs each client under a profiler;
// BENCH_SYNC_PG_SETTINGS changes PostgreSQL settings; BENCH_SYNC_JSON keeps
// every run's raw figures.
// The client side alone (used by the parent):
//   bench_sync --client <base-url> <user> <password> <edits> <idle> <server-pids> <pg-pids>
#include "BenchClient.h"
#include "HttpClient.h"
#include "Percentile.h"
#include "PgCluster.h"
#include "ProcessCpu.h"
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
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

const QString kUser = u"benchsync"_s;
const QString kPassword = u"BenchPassword123!"_s;

QList<qint64> parsePids(const QString& text) {
    QList<qint64> pids;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
        pids << part.toLongLong();
    return pids;
}

QString joinPids(const QList<qint64>& pids) {
    QStringList parts;
    for (const qint64 pid : pids)
        parts << QString::number(pid);
    return parts.isEmpty() ? u"-"_s : parts.join(u',');
}

[[noreturn]] void die(const QString& message) {
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(message));
    std::fflush(stderr);
    std::exit(1);
}

// ---- the client side: one fresh installation, three phases ----------------

int runClient(const QStringList& args) {
    if (args.size() < 8)
        die(u"--client needs <base-url> <user> <password> <edits> <idle> <server-pids> <pg-pids>"_s);
    const int edits = args.at(4).toInt();
    const int idleRounds = args.at(5).toInt();
    const ProcessCpu server(parsePids(args.at(6)));
    const ProcessCpu postgres(parsePids(args.at(7)));

    BenchClient client(args.at(1), args.at(2), args.at(3));
    QString error;
    if (!client.open(&error))
        die(error);
    QJsonObject result;

    // 1. Initial pull into the empty store.
    BenchClient::Round round;
    double serverBefore = server.totalMs();
    double pgBefore = postgres.totalMs();
    if (!client.round(&round, &error))
        die(u"initial pull: "_s + error);
    const qint64 tasks =
        client.local([&](bizy::LocalStore& store) { return store.taskCount(); }).value();
    const qint64 goals =
        client.local([&](bizy::LocalStore& store) { return store.goals(); }).value().size();
    result.insert(u"pull"_s, QJsonObject{{u"wall_ms"_s, round.wallMs},
                                         {u"cpu_ms"_s, round.cpuMs},
                                         {u"server_cpu_ms"_s, server.totalMs() - serverBefore},
                                         {u"pg_cpu_ms"_s, postgres.totalMs() - pgBefore},
                                         {u"rows"_s, round.pulledRows},
                                         {u"pages"_s, round.pullPages},
                                         {u"tasks"_s, tasks},
                                         {u"goals"_s, goals},
                                         {u"hwm_kib"_s, ProcessCpu::peakRssKiB()},
                                         {u"rss_kib"_s, ProcessCpu::rssKiB()}});

    // 2. Offline edits (distinct tasks, a mix of fields), then one round.
    if (edits > 0) {
        QStringList uuids;
        for (const bizy::Task& task :
             client.local([&](bizy::LocalStore& store) { return store.tasks(); }).value())
            uuids << task.uuid;
        QRandomGenerator random(11);
        std::shuffle(uuids.begin(), uuids.end(), random);
        uuids.resize(std::min<qsizetype>(edits, uuids.size()));
        const std::clock_t cpu = std::clock();
        QElapsedTimer wall;
        wall.start();
        for (qsizetype i = 0; i < uuids.size(); ++i) {
            QJsonObject fields;
            switch (i % 5) {
            case 0:
            case 1:
                fields = {{u"title"_s, u"Edited offline %1"_s.arg(i)},
                          {u"priority"_s, int(i % 5) + 1}};
                break;
            case 2:
                fields = {{u"status"_s, u"in_progress"_s}};
                break;
            case 3:
                fields = {{u"notes"_s, u"offline note %1"_s.arg(i)},
                          {u"tags"_s, QJsonArray{u"offline"_s, u"edited"_s}}};
                break;
            default:
                fields = {{u"due_date"_s,
                           u"2028-03-%1T09:00:00Z"_s.arg(1 + i % 28, 2, 10, QLatin1Char('0'))}};
            }
            if (auto updated = client.local(
                    [&](bizy::LocalStore& store) { return store.updateTask(uuids.at(i), fields); });
                !updated)
                die(u"edit %1: %2"_s.arg(i).arg(updated.error().message));
        }
        const double editWall = double(wall.nsecsElapsed()) / 1e6;
        const double editCpu = 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC;
        const qint64 pending =
            client.local([&](bizy::LocalStore& store) { return store.pendingCount(); }).value();

        serverBefore = server.totalMs();
        pgBefore = postgres.totalMs();
        if (!client.round(&round, &error))
            die(u"push: "_s + error);
        result.insert(u"edits"_s, QJsonObject{{u"count"_s, qint64(uuids.size())},
                                              {u"wall_ms"_s, editWall},
                                              {u"cpu_ms"_s, editCpu},
                                              {u"pending"_s, pending}});
        result.insert(
            u"push"_s,
            QJsonObject{
                {u"wall_ms"_s, round.wallMs},
                {u"cpu_ms"_s, round.cpuMs},
                {u"server_cpu_ms"_s, server.totalMs() - serverBefore},
                {u"pg_cpu_ms"_s, postgres.totalMs() - pgBefore},
                {u"pushed_at_ms"_s, round.pushedAtMs},
                {u"pulled_rows"_s, round.pulledRows},
                {u"pending_after"_s,
                 qint64(client.local([&](bizy::LocalStore& store) { return store.pendingCount(); })
                            .value())},
                {u"conflicts"_s,
                 qint64(client.local([&](bizy::LocalStore& store) { return store.conflictCount(); })
                            .value())}});
    }

    // 3. Idle rounds: nothing to push, nothing to pull.
    QJsonArray idle;
    serverBefore = server.totalMs();
    pgBefore = postgres.totalMs();
    double idleCpu = 0;
    for (int i = 0; i < idleRounds; ++i) {
        if (!client.round(&round, &error))
            die(u"idle round %1: "_s.arg(i) + error);
        idle.append(round.wallMs);
        idleCpu += round.cpuMs;
    }
    if (idleRounds > 0)
        result.insert(
            u"idle"_s,
            QJsonObject{{u"wall_ms"_s, idle},
                        {u"cpu_ms"_s, idleCpu / idleRounds},
                        {u"server_cpu_ms"_s, (server.totalMs() - serverBefore) / idleRounds},
                        {u"pg_cpu_ms"_s, (postgres.totalMs() - pgBefore) / idleRounds}});

    std::printf("RESULT %s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}

// ---- the parent: cluster, server, seed, runs, table -----------------------

// The server's pid: the bizy-server process whose environment has our port.
QList<qint64> serverPids(quint16 port) {
    const QString binary = QFileInfo(ServerProcess::binaryPath()).canonicalFilePath();
    const QByteArray marker = "BIZY_PORT=" + QByteArray::number(port);
    QList<qint64> pids;
    for (const QString& entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || QFileInfo(u"/proc/%1/exe"_s.arg(pid)).canonicalFilePath() != binary)
            continue;
        QFile environ(u"/proc/%1/environ"_s.arg(pid));
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(marker))
            pids << pid;
    }
    return pids;
}

QList<qint64> postgresPids(PgCluster& cluster) {
    QSqlQuery query(cluster.connection());
    QList<qint64> pids;
    if (query.exec(u"SELECT pid FROM pg_stat_activity"_s)) {
        while (query.next())
            pids << query.value(0).toLongLong();
    }
    return pids;
}

struct Runs {
    QList<QJsonObject> results;
    QList<double> values(const QString& phase, const QString& key) const {
        QList<double> list;
        for (const QJsonObject& result : results)
            list << result.value(phase)[key].toDouble();
        return list;
    }
};

void row(const char* what, const QList<double>& values, const char* unit, const QString& note) {
    QStringList each;
    for (const double value : values)
        each << QString::number(value, 'f', value < 100 ? 1 : 0);
    std::printf("  %-34s %10.1f %-4s  runs: %-26s %s\n", what, median(values), unit,
                qPrintable(each.join(u" / "_s)), qPrintable(note));
}

int runParent(const QStringList& args) {
    const int runs = args.value(1, u"3"_s).toInt();
    const int taskCount = args.value(2, u"50000"_s).toInt();
    const int goalCount = args.value(3, u"2000"_s).toInt();
    const int edits = args.value(4, u"10000"_s).toInt();
    const int idleRounds = args.value(5, u"200"_s).toInt();
    if (qEnvironmentVariableIsEmpty("BIZY_BUILD_DIR")) {
        // bench/sync/bench_sync -> the build directory
        const QString build =
            QDir(QCoreApplication::applicationDirPath() + u"/../.."_s).canonicalPath();
        qputenv("BIZY_BUILD_DIR", build.toLocal8Bit());
    }
    std::printf("bench_sync: %d tasks, %d goals, %d edits, %d idle rounds, %d runs\n", taskCount,
                goalCount, edits, idleRounds, runs);

    PgCluster cluster;
    QString error;
    if (!cluster.start(&error))
        die(u"PostgreSQL: "_s + error);
    // BENCH_SYNC_PG_SETTINGS="jit=off,work_mem=64MB": what-if runs with other
    // PostgreSQL settings, applied before the server connects.
    for (const QString& setting :
         qEnvironmentVariable("BENCH_SYNC_PG_SETTINGS").split(u',', Qt::SkipEmptyParts)) {
        const QString name = setting.section(u'=', 0, 0).trimmed();
        const QString value = setting.section(u'=', 1).trimmed();
        // Not PgCluster::exec(): QPSQL prepares, and ALTER SYSTEM cannot be prepared.
        QSqlQuery query(cluster.connection());
        if (!query.exec(u"ALTER SYSTEM SET %1 = '%2'"_s.arg(name, value)) ||
            !query.exec(u"SELECT pg_reload_conf()"_s))
            die(u"cannot set %1"_s.arg(setting));
        std::printf("PostgreSQL setting %s = %s\n", qPrintable(name), qPrintable(value));
    }
    ServerProcess server(cluster.databaseUrl(), {{u"BIZY_ACCESS_TOKEN_MINUTES"_s, u"240"_s}});
    if (!server.start(&error))
        die(u"bizy-server: "_s + error);
    HttpClient http(server.baseUrl());
    const HttpClient::Session session = http.registerAndLogin(kUser, kPassword);
    if (!session.ok())
        die(u"register/login failed"_s);
    std::printf("server %s (pids %s), PostgreSQL port %u\n", qPrintable(server.baseUrl()),
                qPrintable(joinPids(serverPids(server.port()))), unsigned(cluster.port()));

    SyncSeeder seeder(http, session.token);
    QElapsedTimer timer;
    timer.start();
    if (!seeder.seed(goalCount, taskCount, 6, &error))
        die(u"seeding: "_s + error);
    std::printf("seeded %d goals + %d tasks through /api/sync/push in %.1f s\n", goalCount,
                taskCount, double(timer.elapsed()) / 1000);

    // The server alone: every page over HTTP, parsed, no client store.
    SyncSeeder::PullCount count;
    timer.restart();
    if (!seeder.countByPull(&count, &error))
        die(error);
    const double rawPullMs = double(timer.elapsed());
    std::printf("raw pull check: %lld tasks, %lld goals, %lld tombstones in %lld pages "
                "(%.1f MB) in %.0f ms, cursor %lld\n",
                qlonglong(count.tasks), qlonglong(count.goals), qlonglong(count.tombstones),
                qlonglong(count.pages), double(count.bytes) / 1e6, rawPullMs,
                qlonglong(count.cursor));
    if (count.tasks != taskCount || count.goals != goalCount || count.tombstones != 0)
        die(u"the server does not return what was seeded"_s);
    std::fflush(stdout);

    const QString serverPidList = joinPids(serverPids(server.port()));
    if (qEnvironmentVariableIntValue("BENCH_SYNC_PAUSE") == 1) {
        std::printf("paused; server pid %s; press Enter\n", qPrintable(serverPidList));
        std::fflush(stdout);
        std::getchar();
    }
    Runs measured;
    for (int run = 0; run < runs; ++run) {
        const QString pgPidList = joinPids(postgresPids(cluster));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList command{QCoreApplication::applicationFilePath(),
                            u"--client"_s,
                            server.baseUrl(),
                            kUser,
                            kPassword,
                            QString::number(edits),
                            QString::number(idleRounds),
                            serverPidList,
                            pgPidList};
        // BENCH_SYNC_CLIENT_PREFIX="perf record -g -o /tmp/client.data --" profiles the client.
        const QString prefix = qEnvironmentVariable("BENCH_SYNC_CLIENT_PREFIX");
        command = prefix.split(u' ', Qt::SkipEmptyParts) + command;
        child.start(command.first(), command.mid(1));
        // An event loop, not waitForFinished(): the server's QProcess must keep
        // reading its log, or the pipe fills and the server blocks writing to it.
        {
            QEventLoop loop;
            QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(30 * 60 * 1000, &loop, &QEventLoop::quit);
            if (child.state() != QProcess::NotRunning)
                loop.exec();
        }
        if (child.state() != QProcess::NotRunning || child.exitCode() != 0) {
            if (child.state() != QProcess::NotRunning) {
                child.kill();
                child.waitForFinished();
            }
            // What the server and the database were doing when the client gave up.
            std::fprintf(stderr, "--- bizy-server output (last 4000 characters):\n%s\n",
                         qPrintable(server.output().right(4000)));
            QSqlQuery activity(cluster.connection());
            if (activity.exec(u"SELECT pid, state, wait_event_type, wait_event, "
                              u"now() - query_start, left(query, 200) FROM pg_stat_activity"_s)) {
                std::fprintf(stderr, "--- pg_stat_activity:\n");
                while (activity.next()) {
                    QStringList columns;
                    for (int i = 0; i < 6; ++i)
                        columns << activity.value(i).toString();
                    std::fprintf(stderr, "%s\n", qPrintable(columns.join(u" | "_s)));
                }
            }
            die(u"client run %1 failed (exit %2)"_s.arg(run + 1).arg(child.exitCode()));
        }
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        QJsonObject result;
        for (const QByteArray& line : lines) {
            if (line.startsWith("RESULT "))
                result = QJsonDocument::fromJson(line.mid(7)).object();
        }
        if (result.isEmpty())
            die(u"client run %1 printed no result"_s.arg(run + 1));
        const QJsonObject pull = result.value(u"pull"_s).toObject();
        if (pull.value(u"tasks"_s).toInteger() != taskCount ||
            pull.value(u"goals"_s).toInteger() != goalCount)
            die(u"client run %1 pulled %2 tasks, %3 goals"_s.arg(run + 1)
                    .arg(pull.value(u"tasks"_s).toInteger())
                    .arg(pull.value(u"goals"_s).toInteger()));
        const QJsonObject push = result.value(u"push"_s).toObject();
        if (edits > 0 && (push.value(u"pending_after"_s).toInteger() != 0 ||
                          push.value(u"conflicts"_s).toInteger() != 0))
            die(u"client run %1: %2 pending, %3 conflicts after the push"_s.arg(run + 1)
                    .arg(push.value(u"pending_after"_s).toInteger())
                    .arg(push.value(u"conflicts"_s).toInteger()));
        const QJsonObject edited = result.value(u"edits"_s).toObject();
        const QJsonArray idleMs = result.value(u"idle"_s)[u"wall_ms"_s].toArray();
        QList<double> idleList;
        for (const QJsonValue& ms : idleMs)
            idleList << ms.toDouble();
        std::printf(
            "run %d: pull %.0f ms (%lld rows, %lld pages; CPU client %.0f, server %.0f, "
            "PostgreSQL %.0f ms; VmHWM %.1f MiB) | %lld edits %.0f ms (CPU %.0f) | push "
            "%.0f ms (CPU client %.0f, server %.0f, PostgreSQL %.0f ms; %lld rows pulled "
            "back) | idle median %.2f ms, p95 %.2f ms\n",
            run + 1, pull.value(u"wall_ms"_s).toDouble(), pull.value(u"rows"_s).toInteger(),
            pull.value(u"pages"_s).toInteger(), pull.value(u"cpu_ms"_s).toDouble(),
            pull.value(u"server_cpu_ms"_s).toDouble(), pull.value(u"pg_cpu_ms"_s).toDouble(),
            pull.value(u"hwm_kib"_s).toDouble() / 1024, edited.value(u"count"_s).toInteger(),
            edited.value(u"wall_ms"_s).toDouble(), edited.value(u"cpu_ms"_s).toDouble(),
            push.value(u"wall_ms"_s).toDouble(), push.value(u"cpu_ms"_s).toDouble(),
            push.value(u"server_cpu_ms"_s).toDouble(), push.value(u"pg_cpu_ms"_s).toDouble(),
            push.value(u"pulled_rows"_s).toInteger(), median(idleList), percentile(idleList, 0.95));
        // BENCH_SYNC_JSON=<file> keeps every run's raw figures.
        if (const QString path = qEnvironmentVariable("BENCH_SYNC_JSON"); !path.isEmpty()) {
            QFile file(path);
            if (file.open(QIODevice::Append))
                file.write(QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n');
        }
        std::fflush(stdout);
        measured.results << result;
    }

    const QList<double> pullMs = measured.values(u"pull"_s, u"wall_ms"_s);
    QList<double> rowsPerSecond;
    for (const QJsonObject& result : measured.results) {
        const QJsonObject pull = result.value(u"pull"_s).toObject();
        rowsPerSecond << pull.value(u"rows"_s).toDouble() * 1000 /
                             pull.value(u"wall_ms"_s).toDouble();
    }
    QList<double> hwm;
    for (const double kib : measured.values(u"pull"_s, u"hwm_kib"_s))
        hwm << kib / 1024;
    QList<double> idle;
    for (const QJsonObject& result : measured.results) {
        for (const QJsonValue& ms : result.value(u"idle"_s)[u"wall_ms"_s].toArray())
            idle << ms.toDouble();
    }

    std::printf("\nResults (medians of %d runs; each run a fresh client store):\n", runs);
    std::printf("  %-34s %10s %-4s  %s\n", "what", "median", "", "each run");
    const auto verdict = [](double value, double target) {
        return value < target ? u"target < %1: met"_s.arg(target)
                              : u"target < %1: MISSED"_s.arg(target);
    };
    row("initial pull, wall", pullMs, "ms", verdict(median(pullMs), 10000));
    row("  rows/s", rowsPerSecond, "", {});
    row("  client CPU", measured.values(u"pull"_s, u"cpu_ms"_s), "ms", {});
    row("  bizy-server CPU", measured.values(u"pull"_s, u"server_cpu_ms"_s), "ms", {});
    row("  PostgreSQL CPU", measured.values(u"pull"_s, u"pg_cpu_ms"_s), "ms", {});
    row("  peak RSS (VmHWM)", hwm, "MiB", u"client process"_s);
    if (edits > 0) {
        row("offline edits in the store, wall", measured.values(u"edits"_s, u"wall_ms"_s), "ms",
            u"%1 updateTask calls"_s.arg(edits));
        row("  client CPU", measured.values(u"edits"_s, u"cpu_ms"_s), "ms", {});
        row("push round, wall", measured.values(u"push"_s, u"wall_ms"_s), "ms",
            verdict(median(measured.values(u"push"_s, u"wall_ms"_s)), 5000));
        row("  of which the push (outbox empty)", measured.values(u"push"_s, u"pushed_at_ms"_s),
            "ms", u"the rest pulls the pushed rows back"_s);
        row("  client CPU", measured.values(u"push"_s, u"cpu_ms"_s), "ms", {});
        row("  bizy-server CPU", measured.values(u"push"_s, u"server_cpu_ms"_s), "ms", {});
        row("  PostgreSQL CPU", measured.values(u"push"_s, u"pg_cpu_ms"_s), "ms", {});
        row("  rows pulled back in the round", measured.values(u"push"_s, u"pulled_rows"_s), "",
            {});
    }
    if (idleRounds > 0) {
        std::printf("  %-34s %10.2f ms    p95 %.2f ms, min %.2f, max %.2f (%lld rounds)  %s\n",
                    "idle round, wall (median)", median(idle), percentile(idle, 0.95),
                    *std::min_element(idle.begin(), idle.end()),
                    *std::max_element(idle.begin(), idle.end()), qlonglong(idle.size()),
                    qPrintable(verdict(median(idle), 15)));
        row("  client CPU per round", measured.values(u"idle"_s, u"cpu_ms"_s), "ms", {});
        row("  bizy-server CPU per round", measured.values(u"idle"_s, u"server_cpu_ms"_s), "ms",
            {});
        row("  PostgreSQL CPU per round", measured.values(u"idle"_s, u"pg_cpu_ms"_s), "ms", {});
    }
    std::printf("  %-34s %10.0f ms    %lld pages, %.1f MB, HTTP + JSON parse only\n",
                "raw pull (no client store)", rawPullMs, qlonglong(count.pages),
                double(count.bytes) / 1e6);
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    // Tokens stay in memory: the benchmark never touches a real keyring.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bizy-bench-no-session-bus");
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress lines show up while it runs
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        u"bizy.*.debug=false\nbizy.*.info=false\nbizy.auth.warning=false"_s);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--client"_s)
        return runClient(args.mid(1));
    return runParent(args);
}
