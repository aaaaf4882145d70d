#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace bizy {
class LocalStore;
}

// The benchmarks' realistic store, as bench_store fills it: 85 goals in a
// yearly > quarterly > monthly tree, then tasks from SampleTasks (a goal on
// 60 %). The same seed gives the same tasks.
namespace SampleStore {

// Creates the 85 goals in `store`; their uuids, or empty when one was refused.
QStringList addGoals(bizy::LocalStore& store);
// The fields of `count` new tasks, due dates in 2030.
QList<QJsonObject> taskFields(int count, const QStringList& goalUuids, quint32 seed);
// A new store file at `path` with the goals and `count` tasks (one createTasks).
bool build(const QString& path, int count, quint32 seed, QString* error);

} // namespace SampleStore
