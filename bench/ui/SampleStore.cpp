#include "SampleStore.h"

#include "SampleTasks.h"
#include "model/IsoDateTime.h"
#include "store/LocalStore.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using bizy::Goal;
using bizy::LocalStore;

namespace SampleStore {

QStringList addGoals(LocalStore& store) {
    QStringList uuids;
    const auto add = [&](const QJsonObject& fields) {
        const bizy::Result<Goal> goal = store.createGoal(fields);
        if (!goal)
            return QString();
        uuids << goal->uuid;
        return goal->uuid;
    };
    for (int y = 0; y < 5; ++y) {
        const QString yearly =
            add({{u"title"_s, u"Year goal %1"_s.arg(y)}, {u"horizon"_s, u"yearly"_s}});
        for (int q = 0; q < 4; ++q) {
            const QString quarterly = add({{u"title"_s, u"Quarter goal %1.%2"_s.arg(y).arg(q)},
                                           {u"horizon"_s, u"quarterly"_s},
                                           {u"parent_goal_uuid"_s, yearly}});
            for (int m = 0; m < 3; ++m)
                add({{u"title"_s, u"Month goal %1.%2.%3"_s.arg(y).arg(q).arg(m)},
                     {u"horizon"_s, u"monthly"_s},
                     {u"parent_goal_uuid"_s, quarterly}});
        }
    }
    return uuids.size() == 85 ? uuids : QStringList();
}

QList<QJsonObject> taskFields(int count, const QStringList& goalUuids, quint32 seed) {
    QRandomGenerator random(seed);
    const QDateTime base = *bizy::IsoDateTime::parse(u"2030-01-01T00:00:00Z"_s);
    QList<QJsonObject> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i)
        tasks << SampleTasks::fields(random, base, goalUuids);
    return tasks;
}

bool build(const QString& path, int count, quint32 seed, QString* error) {
    auto opened = LocalStore::open(path);
    if (!opened) {
        *error = opened.error().message;
        return false;
    }
    LocalStore& store = *opened.value();
    const QStringList goals = addGoals(store);
    if (goals.isEmpty()) {
        *error = u"a goal was refused"_s;
        return false;
    }
    const auto created = store.createTasks(taskFields(count, goals, seed));
    if (!created) {
        *error = created.error().message;
        return false;
    }
    return true;
}

} // namespace SampleStore
