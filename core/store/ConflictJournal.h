#pragma once

#include "model/Result.h"
#include "sync/ConflictEntry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace bizy {

class GoalTable;
class GoalTree;
class StoreDatabase;
class TaskStore;
class TaskTable;
struct ChangeSet;

// The journal of what did not survive sync (the `conflicts` table), newest
// first, with the lost values and a snapshot of the row, so each entry can be
// dismissed or brought back as a new local change.
class ConflictJournal {
public:
    ConflictJournal(StoreDatabase& db, TaskStore& tasks, GoalTree& goals);

    Status add(ConflictEntry::Kind kind, EntityKind entity, const QString& uuid,
               const QString& code, const QString& message, const QJsonObject& fields,
               const QJsonObject& snapshot, ChangeSet& changes);
    Result<QList<ConflictEntry>> all();
    Result<qsizetype> count();
    Status dismiss(qint64 id, ChangeSet& changes);
    // Overwritten values are written over the row; a Rejected or
    // DeletedElsewhere row that no longer exists is created anew from the
    // snapshot with the lost fields on top, under a new uuid.
    Status restore(qint64 id, const QDateTime& now, ChangeSet& changes);

private:
    Result<QList<ConflictEntry>> select(const QString& tail, const QVariantList& values);

    StoreDatabase& m_db;
    TaskStore& m_tasks;
    GoalTree& m_goals;
};

} // namespace bizy
