// UI responsiveness: how long the UI thread stops answering while the app
// does something big, and how long start-up takes to a painted window. A
// Heartbeat (a 5 ms timer on the UI thread) keeps every gap between its ticks
// during:
//   sync    a first sync of 50,000 tasks + 2,000 goals into an empty store
//           (bench/sync's seeding, throwaway PostgreSQL and bizy-server; the
//           client is BenchClient: StoreClient, LocalSyncStore,
//           ApiSyncTransport, SyncEngine), a TaskListModel bound and shown;
//   import  LocalStore::createTasks of 100,000 tasks as one StoreClient job,
//           a TaskListModel bound and shown;
//   search  typing "c", "ca", "caf", "cafe" into the TaskListModel's filter
//           over a 100,000-task store, each keystroke 150 ms after the last
//           and not before the last one's page loaded;
// and, without a heartbeat,
//   startup bench_ui_startup (the app's AccountManager and MainWindow) from
//           its spawn to the first paint of the task table with its first page.
// Every run is a child process on the offscreen platform (so its peak RSS and
// its start-up are its own) and prints one RESULT line; this parent prints
// the medians.
//
// Usage: bench_ui [sync] [import] [search] [startup] [--runs N]   (all, 5 runs)
// BENCH_UI_STORE=<file>  the 100,000-task store for search and startup, kept
//                        between invocations (built when missing);
// BENCH_UI_WARM=1        leave that file in the page cache between runs (by
//                        default each run starts with it evicted);
// BENCH_UI_JSON=<file>   append every run's raw figures;
// BENCH_UI_NO_LIST=1     the sync without a task list bound.
// The children: bench_ui --sync-client <url> <user> <password>
//               bench_ui --import-client <tasks>
//               bench_ui --search-client <store>
#include "BenchClient.h"
#include "BenchUi.h"
#include "Heartbeat.h"
#include "JobResult.h"
#include "Percentile.h"
#include "ProcessCpu.h"
#include "SampleStore.h"
#include "ScenarioRunner.h"
#include "ShownTaskList.h"
#include "store/StoreClient.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace BenchUi;
using bizy::LocalStore;
using bizy::StoreClient;

namespace {

constexpr int kKeystrokeMs = 150;
constexpr int kSyncTasks = ScenarioRunner::kSyncTasks;
constexpr int kSyncGoals = ScenarioRunner::kSyncGoals;
constexpr int kStoreTasks = ScenarioRunner::kStoreTasks;

// ---- the children ------------------------------------------------------------

// BENCH_UI_NO_LIST=1: the sync without a task list bound, to tell the
// engine's own share of the UI thread from the list's.
bool withList() {
    return qEnvironmentVariableIntValue("BENCH_UI_NO_LIST") != 1;
}

int runSyncClient(const QStringList& args) {
    if (args.size() < 4)
        die(u"--sync-client needs <base-url> <user> <password>"_s);
    BenchClient client(args.at(1), args.at(2), args.at(3));
    QString error;
    if (!client.open(&error))
        die(error);
    std::unique_ptr<ShownTaskList> list;
    if (withList()) {
        list = std::make_unique<ShownTaskList>(client.storeClient());
        if (!list->waitShown(0, 30000))
            die(u"the empty list was not shown"_s);
    }
    pause(200);

    Heartbeat heartbeat;
    heartbeat.start();
    const double mainCpu = threadCpuMs();
    const double cpu = processCpuMs();
    BenchClient::Round round;
    // A round that does not end in BenchClient's 600 s is a result too.
    const bool finished = client.round(&round, &error);
    const double roundMainCpu = threadCpuMs() - mainCpu;
    const double roundCpu = processCpuMs() - cpu;
    const qint64 hwm = ProcessCpu::peakRssKiB();
    // What the round leaves to the UI thread after it (the list's last refresh).
    pause(500);
    heartbeat.stop();

    const qint64 tasks = client.local([](LocalStore& store) { return store.taskCount(); }).value();
    const qint64 goals =
        client.local([](LocalStore& store) { return store.goals(); }).value().size();
    printResult({{u"heartbeat"_s, Heartbeat::toJson(heartbeat.summary())},
                 {u"finished"_s, finished},
                 {u"error"_s, error},
                 {u"with_list"_s, list != nullptr},
                 {u"wall_ms"_s, round.wallMs},
                 {u"rows"_s, round.pulledRows},
                 {u"pages"_s, round.pullPages},
                 {u"rows_per_s"_s, double(round.pulledRows) * 1000 / round.wallMs},
                 {u"hwm_kib"_s, hwm},
                 {u"rss_kib"_s, ProcessCpu::rssKiB()},
                 {u"ui_thread_cpu_ms"_s, roundMainCpu},
                 {u"process_cpu_ms"_s, roundCpu},
                 {u"tasks"_s, tasks},
                 {u"goals"_s, goals},
                 {u"rows_shown"_s, list ? list->model().rowCount() : -1},
                 {u"total_shown"_s, list ? qint64(list->model().totalCount()) : -1},
                 {u"loadavg"_s, loadAverage()}});
    if (!finished) {
        // The UI thread is still far behind with queued work: skip the
        // teardown, but not the store's files.
        QFileInfo(client.storeClient()->path()).dir().removeRecursively();
        std::_Exit(0);
    }
    return 0;
}

int runImportClient(const QStringList& args) {
    const int count = args.value(1, QString::number(kStoreTasks)).toInt();
    QTemporaryDir dir;
    auto opened = StoreClient::open(dir.filePath(u"import.sqlite"_s));
    if (!opened)
        die(opened.error().message);
    std::unique_ptr<StoreClient> store = std::move(opened).value();
    const QStringList goals =
        resultOf(store->run([](LocalStore& local) { return SampleStore::addGoals(local); }));
    if (goals.isEmpty())
        die(u"goals refused"_s);
    // Made before the clock starts: an import reads them from a file first.
    const QList<QJsonObject> fields = SampleStore::taskFields(count, goals, 42);

    ShownTaskList list(store.get());
    if (!list.waitShown(0, 30000))
        die(u"the empty list was not shown"_s);
    pause(200);

    Heartbeat heartbeat;
    heartbeat.start();
    const double postedMs = nowMs();
    const double mainCpu = threadCpuMs();
    // The job hands back only how many were created, as an import would: the
    // 100,000 Task values stay on the worker.
    QFuture<qsizetype> imported = store->run([fields](LocalStore& local) -> qsizetype {
        const auto created = local.createTasks(fields);
        return created ? created->size() : -1;
    });
    double importedMs = -1;
    {
        QEventLoop loop;
        imported.then(&loop, [&](qsizetype) {
            importedMs = nowMs();
            loop.quit();
        });
        loop.exec();
    }
    if (imported.result() != count)
        die(u"the import created %1 tasks"_s.arg(imported.result()));
    if (!list.waitShown(importedMs, 120000))
        die(u"the imported tasks were not shown"_s);
    const double shownMs = list.paintedMs() - postedMs;
    importedMs -= postedMs;
    const double importMainCpu = threadCpuMs() - mainCpu;
    pause(300);
    heartbeat.stop();
    printResult({{u"heartbeat"_s, Heartbeat::toJson(heartbeat.summary())},
                 {u"import_ms"_s, importedMs},
                 {u"shown_ms"_s, shownMs},
                 {u"created"_s, imported.result()},
                 {u"rows_shown"_s, list.model().rowCount()},
                 {u"total_shown"_s, qint64(list.model().totalCount())},
                 {u"ui_thread_cpu_ms"_s, importMainCpu},
                 {u"hwm_kib"_s, ProcessCpu::peakRssKiB()},
                 {u"loadavg"_s, loadAverage()}});
    return 0;
}

int runSearchClient(const QStringList& args) {
    if (args.size() < 2)
        die(u"--search-client needs <store>"_s);
    const double startMs = nowMs();
    auto opened = StoreClient::open(args.at(1));
    if (!opened)
        die(opened.error().message);
    std::unique_ptr<StoreClient> store = std::move(opened).value();
    ShownTaskList list(store.get());
    if (!list.waitShown(0, 30000))
        die(u"the first page was not shown"_s);
    const double openedShownMs = list.paintedMs() - startMs;
    pause(200);

    Heartbeat heartbeat;
    heartbeat.start();
    pause(kKeystrokeMs);
    QJsonArray keys;
    double lastTypedMs = 0;
    for (const QString& text : {u"c"_s, u"ca"_s, u"caf"_s, u"cafe"_s}) {
        const double typedMs = nowMs();
        lastTypedMs = typedMs;
        bizy::TaskFilter filter;
        filter.search = text;
        list.model().setFilter(filter);
        if (!list.waitShown(typedMs, 60000))
            die(u"no page shown for \"%1\""_s.arg(text));
        keys.append(QJsonObject{{u"text"_s, text},
                                {u"loaded_ms"_s, list.loadedMs() - typedMs},
                                {u"shown_ms"_s, list.paintedMs() - typedMs},
                                {u"matches"_s, qint64(list.model().totalCount())},
                                {u"rows"_s, list.model().rowCount()}});
        // Like a person: the next key about 150 ms after this one.
        if (const double wait = typedMs + kKeystrokeMs - nowMs(); wait > 0)
            pause(int(wait));
    }
    const double lastShownMs = list.paintedMs() - lastTypedMs;
    pause(300);
    heartbeat.stop();
    printResult({{u"heartbeat"_s, Heartbeat::toJson(heartbeat.summary())},
                 {u"keys"_s, keys},
                 {u"last_key_to_shown_ms"_s, lastShownMs},
                 {u"open_to_shown_ms"_s, openedShownMs},
                 {u"hwm_kib"_s, ProcessCpu::peakRssKiB()},
                 {u"loadavg"_s, loadAverage()}});
    return 0;
}

// ---- the parent ----------------------------------------------------------------

// A value by path ("heartbeat/max_ms", "keys/3/shown_ms") from each run.
QList<double> values(const QList<QJsonObject>& runs, const QString& path) {
    QList<double> list;
    for (const QJsonObject& run : runs) {
        QJsonValue value = run;
        for (const QString& part : path.split(u'/')) {
            bool isIndex = false;
            const int index = part.toInt(&isIndex);
            value = isIndex ? value.toArray().at(index) : value.toObject().value(part);
        }
        list << (value.isBool() ? double(value.toBool()) : value.toDouble());
    }
    return list;
}

QList<double> percent(QList<double> shares) {
    for (double& share : shares)
        share *= 100;
    return shares;
}

void row(const char* what, const QList<double>& each, const char* unit, double target = -1) {
    QStringList parts;
    for (const double value : each)
        parts << QString::number(value, 'f', value < 100 ? 1 : 0);
    const double m = median(each);
    const QString verdict = target < 0   ? QString()
                            : m < target ? u"target < %1: met"_s.arg(target)
                                         : u"target < %1: MISSED"_s.arg(target);
    std::printf("  %-40s %9.1f %-4s runs: %-40s %s\n", what, m, unit,
                qPrintable(parts.join(u" / "_s)), qPrintable(verdict));
}

void heartbeatRows(const QList<QJsonObject>& runs) {
    row("longest UI stall", values(runs, u"heartbeat/max_ms"_s), "ms", Heartbeat::kStallMs);
    row("  p99 gap", values(runs, u"heartbeat/p99_ms"_s), "ms");
    row("  gaps over 50 ms", values(runs, u"heartbeat/over50"_s), "");
    row("  time in gaps over 50 ms", values(runs, u"heartbeat/over50_total_ms"_s), "ms");
}

int runParent(const QStringList& args) {
    int runs = 5;
    QStringList scenarios;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--runs"_s && i + 1 < args.size())
            runs = args.at(++i).toInt();
        else
            scenarios << args.at(i);
    }
    const QStringList known{u"sync"_s, u"import"_s, u"search"_s, u"startup"_s};
    if (scenarios.isEmpty())
        scenarios = known;
    for (const QString& scenario : scenarios) {
        if (!known.contains(scenario))
            die(u"unknown scenario %1 (sync, import, search, startup)"_s.arg(scenario));
    }
    if (qEnvironmentVariableIsEmpty("BIZY_BUILD_DIR")) {
        // bench/ui/bench_ui -> the build directory, where the server binary is
        const QString build =
            QDir(QCoreApplication::applicationDirPath() + u"/../.."_s).canonicalPath();
        qputenv("BIZY_BUILD_DIR", build.toLocal8Bit());
    }
    std::printf("bench_ui: %s, %d runs each, load average %s\n",
                qPrintable(scenarios.join(u", "_s)), runs, qPrintable(loadAverage()));
    ScenarioRunner parent(runs);
    QHash<QString, QList<QJsonObject>> results;
    for (const QString& scenario : known) {
        if (!scenarios.contains(scenario))
            continue;
        if (scenario == u"sync"_s)
            results[scenario] = parent.sync();
        else if (scenario == u"import"_s)
            results[scenario] = parent.import();
        else if (scenario == u"search"_s)
            results[scenario] = parent.search();
        else
            results[scenario] = parent.startup();
    }

    std::printf("\nResults, medians of %d runs (load average now %s):\n", runs,
                qPrintable(loadAverage()));
    if (const auto& r = results.value(u"sync"_s); !r.isEmpty()) {
        std::printf("(a) first sync, %d tasks + %d goals%s\n", kSyncTasks, kSyncGoals,
                    r.first()[u"with_list"_s].toBool() ? "" : ", no task list bound");
        row("  rounds finished (in BenchClient's 600 s)", values(r, u"finished"_s), "of 1");
        heartbeatRows(r);
        row("pull, wall", values(r, u"wall_ms"_s), "ms");
        row("  rows/s", values(r, u"rows_per_s"_s), "");
        QList<double> hwm;
        for (const double kib : values(r, u"hwm_kib"_s))
            hwm << kib / 1024;
        row("  peak RSS (VmHWM)", hwm, "MiB");
        row("  UI thread CPU", values(r, u"ui_thread_cpu_ms"_s), "ms");
        row("  process CPU", values(r, u"process_cpu_ms"_s), "ms");
    }
    if (const auto& r = results.value(u"import"_s); !r.isEmpty()) {
        std::printf("(b) import of %d tasks (one createTasks job)\n", kStoreTasks);
        heartbeatRows(r);
        row("job posted to result on the UI thread", values(r, u"import_ms"_s), "ms");
        row("job posted to the first page painted", values(r, u"shown_ms"_s), "ms");
        row("  UI thread CPU until then", values(r, u"ui_thread_cpu_ms"_s), "ms");
    }
    if (const auto& r = results.value(u"search"_s); !r.isEmpty()) {
        std::printf("(c) typing \"cafe\" over %d tasks\n", kStoreTasks);
        heartbeatRows(r);
        row("last key to its first page painted", values(r, u"last_key_to_shown_ms"_s), "ms");
        for (int key = 0; key < 4; ++key)
            row(qPrintable(u"  \"%1\": key to its page painted"_s.arg(u"cafe"_s.left(key + 1))),
                values(r, u"keys/%1/shown_ms"_s.arg(key)), "ms");
        row("store opened to first page painted", values(r, u"open_to_shown_ms"_s), "ms");
        row("  share of the store cached at the start", percent(values(r, u"cached_share"_s)), "%");
    }
    if (const auto& r = results.value(u"startup"_s);
        !r.isEmpty() || !parent.failedStartups().isEmpty()) {
        std::printf("start-up to a painted window, %d tasks (%lld runs painted, %lld did not: "
                    "%s)\n",
                    kStoreTasks, qlonglong(r.size()), qlonglong(parent.failedStartups().size()),
                    qPrintable(parent.failedStartups().join(u", "_s)));
        row("spawn to first page painted", values(r, u"spawn_to_paint_ms"_s), "ms", 400);
        row("  main() to first page painted", values(r, u"main_to_paint_ms"_s), "ms");
        QList<double> hwm;
        for (const double kib : values(r, u"hwm_kib"_s))
            hwm << kib / 1024;
        row("  peak RSS (VmHWM) at the paint", hwm, "MiB", 120);
        QList<double> later;
        for (const double kib : values(r, u"hwm_after_1s_kib"_s))
            later << kib / 1024;
        row("  peak RSS 1 s later", later, "MiB");
        row("  share of the store cached at the start", percent(values(r, u"cached_share"_s)), "%");
    }
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress lines show up while it runs
    const QByteArray mode = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    const bool child =
        mode == "--sync-client" || mode == "--import-client" || mode == "--search-client";
    if (child)
        qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty()
                                       ? QByteArray("offscreen")
                                       : qgetenv("QT_QPA_PLATFORM"));
    // The parent needs no window system; the children show their tables offscreen.
    std::unique_ptr<QCoreApplication> app;
    if (child)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QLoggingCategory::setFilterRules(
        u"bizy.*.debug=false\nbizy.*.info=false\nbizy.auth.warning=false"_s);
    const QStringList args = app->arguments();
    if (args.value(1) == u"--sync-client"_s)
        return runSyncClient(args.mid(1));
    if (args.value(1) == u"--import-client"_s)
        return runImportClient(args.mid(1));
    if (args.value(1) == u"--search-client"_s)
        return runSearchClient(args.mid(1));
    return runParent(args);
}
