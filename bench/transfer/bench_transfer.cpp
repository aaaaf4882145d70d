// Times import and export at 100,000 tasks (core/transfer): a store with 85
// goals and realistic tasks (SampleTasks) is exported to JSON, CSV and
// iCalendar, then each file is imported into a fresh, empty store (one
// transaction, as File > Import and `bizy --import` do). Prints the median of
// several runs, wall and CPU time, and the file sizes.
// Usage: bench_transfer [tasks=100000] [runs=3]
#include "SampleTasks.h"
#include "model/IsoDateTime.h"
#include "store/LocalStore.h"
#include "transfer/TaskJsonFormat.h"
#include "transfer/TransferExporter.h"
#include "transfer/TransferImporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

const QDateTime kBase = *IsoDateTime::parse(u"2030-01-01T00:00:00Z"_s);

struct Sample {
    QList<double> wallMs;
    QList<double> cpuMs;
};

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

void print(const char* what, const Sample& sample) {
    std::printf("%-28s median %9.1f ms wall, %9.1f ms cpu (%lld runs)\n", what,
                median(sample.wallMs), median(sample.cpuMs), qlonglong(sample.wallMs.size()));
}

template <typename F> void timed(Sample* sample, F&& work) {
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpu = std::clock();
    work();
    sample->cpuMs << 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC;
    sample->wallMs << double(timer.nsecsElapsed()) / 1e6;
}

std::unique_ptr<LocalStore> open(const QString& path) {
    auto store = LocalStore::open(path);
    if (!store)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(store.error().message));
    return std::move(store).value();
}

// yearly > quarterly > monthly goals, 85 in all; tasks on their leaves.
QStringList makeGoals(LocalStore& store) {
    QStringList uuids;
    for (int y = 0; y < 5; ++y) {
        const Goal yearly =
            store.createGoal({{u"title"_s, u"Year goal %1"_s.arg(y)}, {u"horizon"_s, u"yearly"_s}})
                .value();
        for (int q = 0; q < 4; ++q) {
            const Goal quarterly = store
                                       .createGoal({{u"title"_s, u"Quarter %1.%2"_s.arg(y).arg(q)},
                                                    {u"horizon"_s, u"quarterly"_s},
                                                    {u"parent_goal_uuid"_s, yearly.uuid}})
                                       .value();
            for (int m = 0; m < 3; ++m)
                uuids << store
                             .createGoal({{u"title"_s, u"Month %1.%2.%3"_s.arg(y).arg(q).arg(m)},
                                          {u"horizon"_s, u"monthly"_s},
                                          {u"parent_goal_uuid"_s, quarterly.uuid}})
                             .value()
                             .uuid;
        }
    }
    return uuids;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"bizy.*.info=false"_s);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int runs = args.size() > 2 ? args.at(2).toInt() : 3;
    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary directory");

    auto source = open(dir.filePath(u"source.sqlite"_s));
    const QStringList goals = makeGoals(*source);
    QRandomGenerator random(42);
    QList<QJsonObject> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i)
        tasks << SampleTasks::fields(random, kBase, goals);
    if (const auto created = source->createTasks(tasks); !created)
        qFatal("cannot create the tasks: %s", qPrintable(created.error().message));
    std::printf("%d tasks, %lld goals\n", count, qlonglong(source->goals().value().size()));

    // CSV and iCalendar hold tasks only; their goals go in first (untimed) from this file.
    const QString goalsFile = dir.filePath(u"goals.json"_s);
    {
        QFile file(goalsFile);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.write(TaskJsonFormat::write(source->goals().value(), {})))
            qFatal("cannot write %s", qPrintable(goalsFile));
    }
    int store = 0;
    for (const QString& suffix : {u"json"_s, u"csv"_s, u"ics"_s}) {
        const QString file = dir.filePath(u"tasks."_s + suffix);
        Sample exported;
        for (int run = 0; run < runs; ++run) {
            timed(&exported, [&] {
                if (const auto done = TransferExporter::exportFile(*source, file); !done)
                    qFatal("%s", qPrintable(done.error().message));
            });
        }
        print(qPrintable(u"export "_s + suffix), exported);
        // Tasks with goals need the goals: CSV and iCalendar go into a store that has them.
        Sample imported;
        for (int run = 0; run < runs; ++run) {
            auto target = open(dir.filePath(u"target%1.sqlite"_s.arg(++store)));
            if (suffix != u"json") {
                if (const auto done = TransferImporter::importFile(*target, goalsFile); !done)
                    qFatal("%s", qPrintable(done.error().message));
            }
            timed(&imported, [&] {
                if (const auto done = TransferImporter::importFile(*target, file); !done)
                    qFatal("%s", qPrintable(done.error().message));
            });
            if (target->taskCount().value() != count)
                qFatal("imported %lld tasks", qlonglong(target->taskCount().value()));
        }
        print(qPrintable(u"import "_s + suffix), imported);
        std::printf("%-28s %9.1f MB\n", qPrintable(u"file size "_s + suffix),
                    double(QFileInfo(file).size()) / 1e6);
    }
    return 0;
}
