#pragma once

#include "store/LocalStore.h"

#include <QList>
#include <QObject>
#include <QStringList>

// Records every change event a LocalStore publishes, and reads them back by
// what they touched: the task uuids of each change that touched tasks, the
// outbox count of each change of the outbox, and so on.
class StoreChangeLog : public QObject {
public:
    explicit StoreChangeLog(bizy::LocalStore* store) {
        connect(store, &bizy::LocalStore::changed, this,
                [this](const bizy::StoreChanges& changes) { m_changes << changes; });
    }

    const QList<bizy::StoreChanges>& all() const { return m_changes; }

    QList<QStringList> tasks() const {
        QList<QStringList> touched;
        for (const bizy::StoreChanges& change : m_changes) {
            if (change.touchesTasks())
                touched << change.taskUuids();
        }
        return touched;
    }

    QList<QStringList> goals() const {
        QList<QStringList> touched;
        for (const bizy::StoreChanges& change : m_changes) {
            if (change.touchesGoals())
                touched << change.goalUuids();
        }
        return touched;
    }

    QList<qsizetype> pendingCounts() const {
        QList<qsizetype> counts;
        for (const bizy::StoreChanges& change : m_changes) {
            if (change.pendingCount)
                counts << *change.pendingCount;
        }
        return counts;
    }

    QList<int> conflictsAdded() const {
        QList<int> added;
        for (const bizy::StoreChanges& change : m_changes) {
            if (change.conflictsAdded > 0)
                added << change.conflictsAdded;
        }
        return added;
    }

private:
    QList<bizy::StoreChanges> m_changes;
};
