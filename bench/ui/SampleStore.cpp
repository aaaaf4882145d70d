#include "SampleStore.h"

#include "SampleTasks.h"
#include "model/IsoDateTime.h"
#include "store/LocalStore.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using bizy::Goal;
using bizy::LocalStore;

namespace SampleStore {

QStringList addGoals(LocalStore& store, int count, int weeksPerMonth) {
    QStringList uuids;
    const auto add = [&](const QString& title, const QString& horizon, const QString& parent) {
        QJsonObject fields{{u"title"_s, title}, {u"horizon"_s, horizon}};
        if (!parent.isEmpty())
            fields.insert(u"parent_goal_uuid"_s, parent);
        const bizy::Result<Goal> goal = store.createGoal(fields);
        if (!goal)
            return false;
        uuids << goal->uuid;
        return true;
    };
    const auto full = [&] { return uuids.size() >= count; };
    for (int y = 0; !full(); ++y) {
        if (!add(u"Year goal %1"_s.arg(y), u"yearly"_s, {}))
            return {};
        const QString yearly = uuids.last();
        for (int q = 0; q < 4 && !full(); ++q) {
            if (!add(u"Quarter goal %1.%2"_s.arg(y).arg(q), u"quarterly"_s, yearly))
                return {};
            const QString quarterly = uuids.last();
            for (int m = 0; m < 3 && !full(); ++m) {
                if (!add(u"Month goal %1.%2.%3"_s.arg(y).arg(q).arg(m), u"monthly"_s, quarterly))
                    return {};
                const QString monthly = uuids.last();
                for (int w = 0; w < weeksPerMonth && !full(); ++w) {
                    if (!add(u"Week goal %1.%2.%3.%4"_s.arg(y).arg(q).arg(m).arg(w), u"weekly"_s,
                             monthly))
                        return {};
                }
            }
        }
    }
    return uuids;
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

bool build(const QString& path, int count, int goalCount, quint32 seed, QString* error) {
    auto opened = LocalStore::open(path);
    if (!opened) {
        *error = opened.error().message;
        return false;
    }
    LocalStore& store = *opened.value();
    const QStringList goals = addGoals(store, goalCount, 4);
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
