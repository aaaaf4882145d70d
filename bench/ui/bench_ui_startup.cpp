// Start-up of the desktop client to a painted window, as app/main.cpp builds
// it (translations, the log file, AccountManager on a pinned store,
// MainWindow), ending at the first paint of the task table's viewport after
// the TaskListModel loaded its first page. Run by `bench_ui startup`, one
// process per run; prints one RESULT line of JSON.
// Usage: bench_ui_startup <store> [<CLOCK_MONOTONIC ns when the parent spawned this process>]
#include "MainWindow.h"
#include "PaintProbe.h"
#include "TaskListModel.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "log/Logging.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

qint64 clockNs(clockid_t clock) {
    timespec now{};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// How long this process has existed, from the kernel's start time (field 22
// of /proc/self/stat, in clock ticks since boot: 10 ms steps).
double processAgeMs() {
    QFile file(u"/proc/self/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startedMs =
        1000.0 * double(fields.at(19).toLongLong()) / double(sysconf(_SC_CLK_TCK));
    return double(clockNs(CLOCK_BOOTTIME)) / 1e6 - startedMs;
}

qint64 statusKiB(const QByteArray& name) {
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(name + ':')))
            return line.mid(name.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

} // namespace

int main(int argc, char** argv) {
    const qint64 mainNs = clockNs(CLOCK_MONOTONIC);
    const double ageAtMainMs = processAgeMs();
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ui_startup <store> [<spawned-at-ns>]\n");
        return 1;
    }
    const qint64 spawnedNs = argc > 2 ? QByteArray(argv[2]).toLongLong() : mainNs;
    const auto sinceSpawnMs = [spawnedNs] {
        return double(clockNs(CLOCK_MONOTONIC) - spawnedNs) / 1e6;
    };
    QJsonObject marks{{u"main"_s, double(mainNs - spawnedNs) / 1e6}};

    // As app/main.cpp, without the command line parser.
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Bizy"_s);
    QApplication::setApplicationName(u"bizy"_s);
    QApplication::setApplicationDisplayName(u"Bizy"_s);
    QApplication::setDesktopFileName(u"bizy"_s);
    (void)bizy::Translations::install();
    (void)bizy::Logging::install(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/logs"_s, false);
    marks.insert(u"application"_s, sinceSpawnMs());

    bizy::AccountManager::Options options;
    options.pinnedStore = QString::fromLocal8Bit(argv[1]);
    bizy::AccountManager accounts(options);
    if (const bizy::Status started = accounts.start(); !started) {
        std::fprintf(stderr, "bench_ui_startup: %s\n", qPrintable(started.error().message));
        return 2;
    }
    marks.insert(u"store_open"_s, sinceSpawnMs());
    bizy::MainWindow window(&accounts);
    QApplication::setWindowIcon(window.windowIcon());
    window.show();
    marks.insert(u"window_shown"_s, sinceSpawnMs());

    auto* view = window.findChild<QTableView*>(u"taskTable"_s);
    auto* model = view ? qobject_cast<bizy::TaskListModel*>(view->model()) : nullptr;
    if (!model) {
        std::fprintf(stderr, "bench_ui_startup: no task table in the window\n");
        return 3;
    }
    PaintProbe probe(view->viewport());
    QObject::connect(model, &bizy::TaskListModel::loaded, &app, [&] {
        marks.insert(u"loaded"_s, sinceSpawnMs());
        if (model->rowCount() > 0)
            probe.arm();
    });
    QJsonObject result;
    QObject::connect(&probe, &PaintProbe::painted, &app, [&] {
        const double paintedMs = sinceSpawnMs();
        marks.insert(u"painted"_s, paintedMs);
        result = {{u"spawn_to_paint_ms"_s, paintedMs},
                  {u"main_to_paint_ms"_s, paintedMs - marks.value(u"main"_s).toDouble()},
                  {u"proc_age_at_paint_ms"_s, processAgeMs()},
                  {u"proc_age_at_main_ms"_s, ageAtMainMs},
                  {u"rows_shown"_s, model->rowCount()},
                  {u"total"_s, qint64(model->totalCount())},
                  {u"hwm_kib"_s, statusKiB("VmHWM")},
                  {u"rss_kib"_s, statusKiB("VmRSS")},
                  {u"marks"_s, marks}};
        // And a second later: what else start-up keeps in memory.
        QTimer::singleShot(1000, &app, [&] {
            result.insert(u"hwm_after_1s_kib"_s, statusKiB("VmHWM"));
            result.insert(u"loadavg"_s, loadAverage());
            std::printf("RESULT %s\n",
                        QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
            std::fflush(stdout);
            QApplication::quit();
        });
    });
    QTimer::singleShot(30000, &app, [] {
        std::fprintf(stderr, "bench_ui_startup: no painted page in 30 s\n");
        QApplication::exit(4);
    });
    const int code = QApplication::exec();
    bizy::Logging::shutdown();
    return code;
}
