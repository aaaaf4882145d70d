#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace bizy {
class LocalStore;
}

// The benchmarks' realistic store: goals in yearly > quarterly > monthly
// (> weekly) trees, then tasks from SampleTasks (a goal on 60 %). 85 goals
// without weeks is bench_store's tree; the start-up and search store has 1,000.
// The same seed gives the same tasks.
namespace SampleStore {

// Creates `count` goals in `store`, year by year (4 quarters of 3 months of
// `weeksPerMonth` weeks); their uuids, or empty when one was refused.
QStringList addGoals(bizy::LocalStore& store, int count = 85, int weeksPerMonth = 0);
// The fields of `count` new tasks, due dates in 2030.
QList<QJsonObject> taskFields(int count, const QStringList& goalUuids, quint32 seed);
// A new store file at `path` with `goalCount` goals (four weeks under each
// month) and `count` tasks (one createTasks).
bool build(const QString& path, int count, int goalCount, quint32 seed, QString* error);

} // namespace SampleStore
