// Analytics benchmark (issue 11): the four routes of docs/api.md section 7 for
// one user with 100,000 tasks and 2,000 goals (plus another user of the same
// size in the same tables), against the Release bizy-server on a throwaway
// PostgreSQL 15. Each route is asked `runs` times one after another with the
// `days` the web client sends (7, 30, 90); the figures are the client's wall
// time per request (median, p95), the CPU time per request of bizy-server and
// of its PostgreSQL backends (from /proc: steadier than wall time on a shared
// machine), and, from pg_stat_statements, each statement's mean planning and
// execution time.
// Usage: bench_analytics [runs=50] [tasks=100000] [goals=2000] [other users=1]
// BENCH_ANALYTICS_EXPLAIN=1 also logs EXPLAIN ANALYZE of every statement of
// one request per route and days=90 (auto_explain) and prints it;
// BENCH_ANALYTICS_PAUSE=1 waits for Enter before stopping (to query the
// seeded database with psql).
#include "AnalyticsSeeder.h"
#include "HttpClient.h"
#include "Percentile.h"
#include "PgCluster.h"
#include "ProcessCpu.h"
#include "ServerProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void die(const QString& message) {
    std::fprintf(stderr, "bench_analytics: %s\n", qPrintable(message));
    std::fflush(stderr);
    std::exit(1);
}

void sql(PgCluster& cluster, const QString& statement) {
    // Not PgCluster::exec(): QPSQL prepares, and ALTER SYSTEM cannot be prepared.
    QSqlQuery query(cluster.connection());
    if (!query.exec(statement))
        die(statement + u": "_s + query.lastError().text());
}

// The backends of the server's connections (one per worker thread in use).
QList<qint64> serverBackends(PgCluster& cluster) {
    QSqlQuery query(cluster.connection());
    QList<qint64> pids;
    if (query.exec(u"SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' "
                   u"AND pid <> pg_backend_pid()"_s)) {
        while (query.next())
            pids << query.value(0).toLongLong();
    }
    return pids;
}

struct Timing {
    double medianMs = 0;
    double p95Ms = 0;
    double serverCpuMs = 0;   // per request
    double postgresCpuMs = 0; // per request
    qsizetype bytes = 0;
};

Timing timeRequests(HttpClient& http, PgCluster& cluster, qint64 serverPid, const QString& path,
                    const QString& token, int runs) {
    for (int i = 0; i < 5; ++i) // warm-up: connections, plans, buffers
        http.get(path, token);
    const ProcessCpu server({serverPid});
    const ProcessCpu postgres(serverBackends(cluster));
    const double serverBefore = server.totalMs();
    const double postgresBefore = postgres.totalMs();
    QList<double> wallMs;
    Timing timing;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const HttpResponse response = http.get(path, token);
        wallMs << double(timer.nsecsElapsed()) / 1e6;
        if (response.status != 200)
            die(path + u": "_s + QString::fromUtf8(response.describe()));
        timing.bytes = response.body.size();
    }
    timing.serverCpuMs = (server.totalMs() - serverBefore) / runs;
    timing.postgresCpuMs = (postgres.totalMs() - postgresBefore) / runs;
    timing.medianMs = median(wallMs);
    timing.p95Ms = percentile(wallMs, 0.95);
    return timing;
}

// Mean planning and execution time per statement since the last reset, the
// most expensive first (the bench's own statements left out).
void printStatements(PgCluster& cluster, int requests) {
    QSqlQuery query(cluster.connection());
    if (!query.exec(u"SELECT calls, mean_plan_time, mean_exec_time, "
                    u"regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
                    u"WHERE query NOT ILIKE '%pg_stat_statements%' "
                    u"ORDER BY (mean_plan_time + mean_exec_time) * calls DESC"_s))
        die(u"pg_stat_statements: "_s + query.lastError().text());
    double perRequest = 0;
    while (query.next()) {
        const double calls = query.value(0).toDouble();
        const double planMs = query.value(1).toDouble();
        const double execMs = query.value(2).toDouble();
        perRequest += (planMs + execMs) * calls / requests;
        std::printf("      %5.2f x  plan %6.3f ms  exec %6.3f ms  %s\n", calls / requests, planMs,
                    execMs, qPrintable(query.value(3).toString().left(110)));
    }
    std::printf("      PostgreSQL per request (plan + exec): %.2f ms\n", perRequest);
}

// How fast PostgreSQL runs on this machine right now (a shared machine's
// load changes every figure): counting a million generated rows, median of 3.
double speedCheckMs(PgCluster& cluster) {
    QList<double> ms;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        cluster.scalar(u"SELECT count(*) FROM generate_series(1, 1000000)"_s);
        ms << double(timer.nsecsElapsed()) / 1e6;
    }
    return median(ms);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int runs = args.value(1, u"50"_s).toInt();
    const int taskCount = args.value(2, u"100000"_s).toInt();
    const int goalCount = args.value(3, u"2000"_s).toInt();
    const int otherUsers = args.value(4, u"1"_s).toInt();
    if (qEnvironmentVariableIsEmpty("BIZY_BUILD_DIR")) {
        // bench/analytics/bench_analytics -> the build directory
        const QString build = QDir(app.applicationDirPath() + u"/../.."_s).canonicalPath();
        qputenv("BIZY_BUILD_DIR", build.toLocal8Bit());
    }
    std::printf("bench_analytics: %d tasks and %d goals per user, %d other user(s), %d runs\n",
                taskCount, goalCount, otherUsers, runs);

    PgCluster cluster;
    QString error;
    if (!cluster.start(&error))
        die(u"PostgreSQL: "_s + error);
    // Statement statistics (and auto_explain, off until asked for) need a restart.
    sql(cluster, u"ALTER SYSTEM SET shared_preload_libraries = pg_stat_statements, auto_explain"_s);
    if (!cluster.stop(&error) || !cluster.start(&error))
        die(u"PostgreSQL restart: "_s + error);
    sql(cluster, u"ALTER SYSTEM SET pg_stat_statements.track_planning = on"_s);
    sql(cluster, u"SELECT pg_reload_conf()"_s);
    sql(cluster, u"CREATE EXTENSION pg_stat_statements"_s);

    ServerProcess server(cluster.databaseUrl(), {{u"BIZY_ACCESS_TOKEN_MINUTES"_s, u"240"_s}});
    if (!server.start(&error))
        die(u"bizy-server: "_s + error);
    HttpClient http(server.baseUrl());

    AnalyticsSeeder seeder(cluster);
    QElapsedTimer timer;
    timer.start();
    HttpClient::Session user;
    for (int i = 0; i <= otherUsers; ++i) {
        const HttpClient::Session session =
            http.registerAndLogin(i == 0 ? u"benchanalytics"_s : u"other%1"_s.arg(i));
        if (!session.ok())
            die(u"register/login failed"_s);
        if (!seeder.seed(session.userId, taskCount, goalCount, 0.1 + 0.1 * i, &error))
            die(u"seeding: "_s + error);
        if (i == 0)
            user = session;
    }
    if (!seeder.settle(&error))
        die(u"vacuum: "_s + error);
    std::printf("seeded %d user(s) in %.1f s\n", otherUsers + 1, double(timer.elapsed()) / 1000);
    for (const int days : {7, 30, 90}) {
        const QVariant completed =
            cluster.scalar(u"SELECT count(*) FROM tasks WHERE user_id = ? AND status = 'completed' "
                           u"AND completed_at >= now() - ? * interval '1 day'"_s,
                           {user.userId, days});
        std::printf("  the user's tasks completed in the last %d days: %lld\n", days,
                    completed.toLongLong());
    }

    struct Case {
        QString path;
        QString label;
    };
    QList<Case> cases{{u"/api/auth/verify-token"_s, u"baseline: token check only"_s}};
    for (const QString& route : {u"tasks"_s, u"velocity"_s, u"trends"_s})
        for (const int days : {7, 30, 90})
            cases.append({u"/api/analytics/%1?days=%2"_s.arg(route).arg(days),
                          u"%1, days=%2"_s.arg(route).arg(days)});
    cases.insert(2, {u"/api/analytics/goals"_s, u"goals"_s});

    const double speedBefore = speedCheckMs(cluster);
    QList<std::pair<QString, Timing>> results;
    for (const Case& c : cases) {
        sql(cluster, u"SELECT pg_stat_statements_reset()"_s);
        const Timing timing =
            timeRequests(http, cluster, server.processId(), c.path, user.token, runs);
        std::printf("\n%-28s median %6.2f ms  p95 %6.2f ms  CPU per request: server %.2f ms, "
                    "PostgreSQL %.2f ms  (%lld bytes)\n",
                    qPrintable(c.label), timing.medianMs, timing.p95Ms, timing.serverCpuMs,
                    timing.postgresCpuMs, qlonglong(timing.bytes));
        printStatements(cluster, runs + 5);
        results.append({c.label, timing});
    }

    std::printf(
        "\nspeed check (count of 1,000,000 generated rows): %.0f ms before, %.0f ms after\n",
        speedBefore, speedCheckMs(cluster));
    std::printf("\n| route | median | p95 | CPU server / PostgreSQL |\n|---|---|---|---|\n");
    for (const auto& [label, timing] : results)
        std::printf("| %s | %.2f ms | %.2f ms | %.2f / %.2f ms |\n", qPrintable(label),
                    timing.medianMs, timing.p95Ms, timing.serverCpuMs, timing.postgresCpuMs);

    if (qEnvironmentVariableIntValue("BENCH_ANALYTICS_EXPLAIN") == 1) {
        sql(cluster, u"ALTER SYSTEM SET auto_explain.log_min_duration = 0"_s);
        sql(cluster, u"ALTER SYSTEM SET auto_explain.log_analyze = on"_s);
        sql(cluster, u"ALTER SYSTEM SET auto_explain.log_buffers = on"_s);
        sql(cluster, u"SELECT pg_reload_conf()"_s);
        for (const QString& path :
             {u"/api/analytics/tasks?days=90"_s, u"/api/analytics/goals"_s,
              u"/api/analytics/velocity?days=90"_s, u"/api/analytics/trends?days=90"_s}) {
            std::printf("\n===== EXPLAIN ANALYZE of %s\n", qPrintable(path));
            const qsizetype before = cluster.logText().size();
            http.get(path, user.token);
            std::printf("%s", qPrintable(cluster.logText().mid(before)));
        }
        sql(cluster, u"ALTER SYSTEM RESET auto_explain.log_min_duration"_s);
        sql(cluster, u"SELECT pg_reload_conf()"_s);
    }

    if (qEnvironmentVariableIntValue("BENCH_ANALYTICS_PAUSE") == 1) {
        std::printf("\nPaused: psql -h 127.0.0.1 -p %u -U postgres %s (user id %lld). "
                    "Enter to stop.\n",
                    unsigned(cluster.port()), qPrintable(cluster.databaseName()),
                    qlonglong(user.userId));
        std::fflush(stdout);
        std::getchar();
    }
    return 0;
}
