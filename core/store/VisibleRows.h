#pragma once

#include "model/EntityKind.h"
#include "model/Result.h"
#include "sync/OutboxMutation.h"
#include "sync/ServerCopy.h"
#include "sync/ServerRow.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy {

class GoalTable;
class Outbox;
class ServerCopies;
class StoreDatabase;
class TaskTable;
struct ChangeSet;

// The rows the user sees, as sync writes them: the server's copy with the
// unsent changes replayed on top (core/sync/Reconcile), a row whose goal has
// not arrived kept without it until it does, a removed goal's children left at
// the top, and a pulled page's rows written by a few set-based statements.
// A Pass is the state of one sync write; nothing of it outlives the write, so
// a rolled-back transaction leaves nothing stale behind.
class VisibleRows {
public:
    // What a rebuild needs to know about the row the user sees now.
    struct Visible {
        std::optional<QStringList> tags;
        QDateTime updatedAt;
    };
    struct Pass {
        // Rows of one pulled page, written at the end instead of one statement
        // per row: every statement that touches the full-text index flushes
        // it, which made a large pull ten times slower.
        struct Batch {
            QJsonArray copies;   // the server rows as pulled
            QJsonArray direct;   // uuids of rows that are exactly their copy
            QJsonArray rows;     // ColumnTable::values() of each rebuilt visible row
            QJsonArray retagged; // uuids of tasks whose tags changed
        };
        ChangeSet* changes = nullptr;
        QSet<QString> knownGoals; // goals known to exist
        bool orphansMayExist = false;
        std::optional<Batch> batch; // set while a page is applied
    };

    VisibleRows(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox,
                ServerCopies& copies);

    Result<Pass> startPass(ChangeSet& changes);
    Result<bool> goalKnown(Pass& pass, const QString& uuid);
    // Of these goal uuids, remembers those that exist (one query for a page).
    Status learnGoals(Pass& pass, QStringList uuids);

    Result<std::optional<Visible>> find(EntityKind kind, const QString& uuid);
    // The visible rows of a JSON array of uuids, by uuid.
    Result<QHash<QString, Visible>> findAll(EntityKind kind, const QString& uuidsJson);
    // The visible row in the sync shape, or {} when there is none.
    Result<QJsonObject> snapshotOf(EntityKind kind, const QString& uuid);

    // A pulled row that is not a tombstone: its copy is kept and the visible
    // row becomes it, with `pending` replayed on top when there is any.
    Status applyServerRow(Pass& pass, const ServerRow& row, const QList<OutboxMutation>& pending,
                          const std::optional<Visible>& visible, bool parentKnown);
    Status rebuild(Pass& pass, EntityKind kind, const QString& uuid,
                   const std::optional<ServerCopy>& copy, const QList<OutboxMutation>& pending,
                   const std::optional<Visible>& visible);
    // A rebuild that reads everything it needs itself.
    Status rebuildFromStore(Pass& pass, EntityKind kind, const QString& uuid);
    // Removes the visible row; the children of a goal stay, with no parent.
    Status remove(Pass& pass, EntityKind kind, const QString& uuid);
    // Writes the page's rows of `kind` gathered so far.
    Status flush(Pass& pass, EntityKind kind);

private:
    template <typename Row>
    Status saveRebuilt(Pass& pass, const Row& row, const std::optional<Visible>& visible);
    Status writeDirect(EntityKind kind, const QString& uuidsJson);
    Status writeRows(EntityKind kind, const QString& rowsJson);

    StoreDatabase& m_db;
    TaskTable& m_tasks;
    GoalTable& m_goals;
    Outbox& m_outbox;
    ServerCopies& m_copies;
};

} // namespace bizy
