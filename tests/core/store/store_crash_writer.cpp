// Opens a store and changes it without pause until it is killed; the crash
// test kills it with SIGKILL at random moments. Usage: store_crash_writer <path> <seed>
#include "store/LocalStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

const QStringList kWords{u"plan"_s,   u"write"_s, u"call"_s,   u"review"_s, u"budget"_s,
                         u"garden"_s, u"c++"_s,   u"report"_s, u"travel"_s, u"café"_s};

QString words(QRandomGenerator& random, int count) {
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts << kWords.at(random.bounded(int(kWords.size())));
    return parts.join(u' ');
}

template <typename T> const T* pick(QRandomGenerator& random, const QList<T>& items) {
    return items.isEmpty() ? nullptr : &items.at(random.bounded(int(items.size())));
}

QJsonObject randomTaskFields(QRandomGenerator& random, const QList<Goal>& goals) {
    QJsonObject fields{{u"title"_s, words(random, 3)},
                       {u"priority"_s, random.bounded(1, 6)},
                       {u"description"_s, words(random, 8)},
                       {u"tags"_s, QJsonArray{words(random, 1), words(random, 1)}}};
    if (random.bounded(2))
        fields.insert(
            u"due_date"_s,
            u"2030-0%1-1%2T10:00:00Z"_s.arg(random.bounded(1, 10)).arg(random.bounded(10)));
    if (const Goal* goal = pick(random, goals); goal && random.bounded(2))
        fields.insert(u"parent_goal_uuid"_s, goal->uuid);
    return fields;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"bizy.store.info=false\nbizy.store.debug=false"_s);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: store_crash_writer <path> <seed>\n");
        return 2;
    }
    auto opened = LocalStore::open(args.at(1));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<LocalStore> store = std::move(opened).value();
    QRandomGenerator random(args.at(2).toUInt());
    bool announced = false;
    for (;;) {
        const QList<Task> tasks = store->tasks({.limit = 50}).value();
        const QList<Goal> goals = store->goals().value();
        const Task* task = pick(random, tasks);
        const Goal* goal = pick(random, goals);
        switch (random.bounded(12)) {
        case 0:
        case 1:
            (void)store->createTask(randomTaskFields(random, goals));
            break;
        case 2:
            if (task)
                (void)store->updateTask(
                    task->uuid, {{u"title"_s, words(random, 2)}, {u"notes"_s, words(random, 5)}});
            break;
        case 3:
            if (task)
                (void)(task->isCompleted() ? store->uncompleteTask(task->uuid)
                                           : store->completeTask(task->uuid, 1.5));
            break;
        case 4:
            if (task)
                (void)store->deleteTask(task->uuid);
            break;
        case 5:
            (void)store->createGoal({{u"title"_s, words(random, 2)},
                                     {u"horizon"_s, u"monthly"_s},
                                     {u"parent_goal_uuid"_s, goal ? QJsonValue(goal->uuid)
                                                                  : QJsonValue(QJsonValue::Null)}});
            break;
        case 6:
            if (goal && goals.size() > 1)
                (void)store->moveGoal(goal->uuid, pick(random, goals)->uuid); // cycles refused
            break;
        case 7:
            if (goal && random.bounded(3) == 0)
                (void)store->deleteGoal(goal->uuid);
            break;
        case 8:
            if (goal)
                (void)store->calculateProgress(goal->uuid);
            break;
        case 9: {
            QList<QJsonObject> batch;
            for (int i = 0; i < 20; ++i)
                batch << randomTaskFields(random, goals);
            (void)store->createTasks(batch);
            break;
        }
        case 10:
            (void)store->sealBatch(random.bounded(1, 10)).value();
            break;
        case 11:
            if (task)
                (void)store->updateTask(
                    task->uuid, {{u"parent_goal_uuid"_s,
                                  goal ? QJsonValue(goal->uuid) : QJsonValue(QJsonValue::Null)},
                                 {u"tags"_s, QJsonArray{words(random, 1)}}});
            break;
        }
        if (!announced) {
            std::printf("writing\n");
            std::fflush(stdout);
            announced = true;
        }
    }
}
