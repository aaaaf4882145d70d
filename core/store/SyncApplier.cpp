#include "SyncApplier.h"

#include "ChangeSet.h"
#include "ConflictJournal.h"
#include "EntityTable.h"
#include "Outbox.h"
#include "ServerCopies.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "StoreLog.h"
#include "sync/Reconcile.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy {

// The state of one sync write. Nothing of it survives the write, so a
// rolled-back transaction leaves nothing stale behind.
struct SyncApplier::Pass {
    // Rows of one pulled page, written by a few set-based statements at the
    // end instead of one statement per row: every statement that touches the
    // full-text index flushes it, which made a large pull ten times slower.
    struct Batch {
        QJsonArray copies;   // the server rows as pulled
        QJsonArray direct;   // uuids of rows that are exactly their copy
        QJsonArray rows;     // ColumnTable::values() of each rebuilt visible row
        QJsonArray retagged; // uuids of tasks whose tags changed
    };

    ChangeSet* changes = nullptr;
    QSet<QString> knownGoals; // goals known to exist
    bool orphansMayExist = false;
    std::optional<Batch> batch;
};

SyncApplier::SyncApplier(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox,
                         ServerCopies& copies, ConflictJournal& journal)
    : m_db(db)
    , m_tasks(tasks)
    , m_goals(goals)
    , m_outbox(outbox)
    , m_copies(copies)
    , m_journal(journal) {}

Result<SyncApplier::Pass> SyncApplier::startPass(ChangeSet& changes) {
    Pass pass;
    pass.changes = &changes;
    const Result<bool> orphans = m_copies.hasOrphans();
    if (!orphans)
        return orphans.error();
    pass.orphansMayExist = *orphans;
    return pass;
}

Result<bool> SyncApplier::goalKnown(Pass& pass, const QString& uuid) {
    if (pass.knownGoals.contains(uuid))
        return true;
    const Result<bool> exists = m_goals.exists(uuid);
    if (exists && *exists)
        pass.knownGoals.insert(uuid);
    return exists;
}

Result<std::optional<SyncApplier::Visible>> SyncApplier::loadVisible(EntityKind kind,
                                                                     const QString& uuid) {
    Result<QHash<QString, Visible>> found =
        loadVisibleAll(kind, SqlValue::jsonText(QJsonArray{uuid}));
    if (!found)
        return found.error();
    const auto it = found->constFind(uuid);
    return it == found->constEnd() ? std::optional<Visible>() : std::optional<Visible>(*it);
}

Result<QHash<QString, SyncApplier::Visible>> SyncApplier::loadVisibleAll(EntityKind kind,
                                                                         const QString& uuidsJson) {
    bool ok = false;
    QSqlQuery& q =
        m_db.query(u"SELECT uuid, %1, updated_at FROM %2 "
                   u"WHERE uuid IN (SELECT value FROM json_each(?))"_s.arg(
                       kind == EntityKind::Task ? u"tags"_s : u"NULL"_s, entityTable(kind)),
                   {uuidsJson}, &ok);
    if (!ok)
        return m_db.storageError(q, u"read the rows of a pulled page"_s);
    QHash<QString, Visible> visible;
    while (q.next())
        visible.insert(q.value(0).toString(),
                       {SqlValue::toStringList(q.value(1)), SqlValue::toRequiredTime(q.value(2))});
    q.finish();
    return visible;
}

Result<QJsonObject> SyncApplier::snapshotOf(EntityKind kind, const QString& uuid) {
    if (kind == EntityKind::Task) {
        const Result<std::optional<Task>> task = m_tasks.find(uuid);
        if (!task)
            return task.error();
        return *task ? (*task)->toSyncJson() : QJsonObject();
    }
    const Result<std::optional<Goal>> goal = m_goals.find(uuid);
    if (!goal)
        return goal.error();
    return *goal ? (*goal)->toSyncJson() : QJsonObject();
}

// --- pull ---

Result<int> SyncApplier::applyPull(const QList<ServerRow>& rows, qint64 cursor,
                                   ChangeSet& changes) {
    Result<Pass> started = startPass(changes);
    if (!started)
        return started.error();
    Pass& pass = *started;
    const Result<bool> outboxEmpty = m_outbox.isEmpty();
    if (!outboxEmpty)
        return outboxEmpty.error();
    // A reset means the server's versions may have gone back (a restored
    // backup): then only what it sends now counts.
    const Result<bool> reloading = m_copies.reloadInProgress();
    if (!reloading)
        return reloading.error();
    int added = 0;
    pass.batch.emplace();
    // Goals first, so that tasks of this page find the goals of this page.
    for (const EntityKind kind : {EntityKind::Goal, EntityKind::Task}) {
        // The last row of a uuid wins, should a page hold one twice.
        QHash<QString, qsizetype> last;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).entity == kind)
                last.insert(rows.at(i).uuid, i);
        }
        if (last.isEmpty())
            continue;
        QJsonArray uuidArray;
        QStringList parents;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const ServerRow& row = rows.at(i);
            if (row.entity != kind || last.value(row.uuid) != i)
                continue;
            uuidArray.append(row.uuid);
            const QJsonValue parent = row.json.value(u"parent_goal_uuid"_s);
            if (parent.isString())
                parents << parent.toString();
        }
        const QString uuids = SqlValue::jsonText(uuidArray);
        // What the page needs to know, one query each instead of one per row.
        QHash<QString, QList<OutboxMutation>> pending;
        if (!*outboxEmpty) {
            const Result<QList<OutboxMutation>> mutations = m_outbox.pendingForAll(kind, uuids);
            if (!mutations)
                return mutations.error();
            for (const OutboxMutation& m : *mutations)
                pending[m.uuid] << m;
        }
        const Result<QHash<QString, Visible>> visible = loadVisibleAll(kind, uuids);
        if (!visible)
            return visible.error();
        const Result<QHash<QString, qint64>> copyVersions = m_copies.versions(kind, uuids);
        if (!copyVersions)
            return copyVersions.error();
        if (!parents.isEmpty()) {
            parents.removeDuplicates();
            const Result<QStringList> present = m_db.strings(
                u"SELECT uuid FROM goals WHERE uuid IN (SELECT value FROM json_each(?))"_s,
                {SqlValue::jsonText(QJsonArray::fromStringList(parents))},
                u"read the rows of a pulled page"_s);
            if (!present)
                return present.error();
            for (const QString& goal : *present)
                pass.knownGoals.insert(goal);
        }
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const ServerRow& row = rows.at(i);
            if (row.entity != kind || last.value(row.uuid) != i)
                continue;
            const auto copy = copyVersions->constFind(row.uuid);
            const QList<OutboxMutation> mutations = pending.value(row.uuid);
            const QJsonValue parent = row.json.value(u"parent_goal_uuid"_s);
            bool parentKnown = true;
            if (parent.isString()) {
                const Result<bool> known = goalKnown(pass, parent.toString());
                if (!known)
                    return known.error();
                parentKnown = *known;
            }
            const auto seen = visible->constFind(row.uuid);
            const std::optional<Visible> current =
                seen == visible->constEnd() ? std::nullopt : std::optional<Visible>(*seen);
            switch (Reconcile::decidePulledRow(
                row, copy == copyVersions->constEnd() ? std::nullopt : std::optional(*copy),
                *reloading, !mutations.isEmpty(), parentKnown)) {
            case Reconcile::PulledRow::Skip:
                break;
            case Reconcile::PulledRow::Tombstone: {
                // Rows before it in the page are written first.
                if (Status s = flushBatch(pass, kind); !s)
                    return s.error();
                const Result<int> journaled =
                    applyTombstone(pass, kind, row.uuid, mutations, current.has_value());
                if (!journaled)
                    return journaled.error();
                added += *journaled;
                break;
            }
            case Reconcile::PulledRow::Direct:
            case Reconcile::PulledRow::Rebuild:
                if (Status s = applyPulledRow(pass, row, mutations, current, parentKnown); !s)
                    return s.error();
                break;
            }
        }
        if (Status s = flushBatch(pass, kind); !s)
            return s.error();
    }
    pass.batch.reset();
    // Rows that waited for a goal this page brought.
    if (pass.orphansMayExist) {
        const Result<QList<std::pair<EntityKind, QString>>> ready = m_copies.adoptableOrphans();
        if (!ready)
            return ready.error();
        for (const auto& [kind, uuid] : *ready) {
            if (Status s = rebuildFromStore(pass, kind, uuid); !s)
                return s.error();
        }
    }
    if (Status s = m_copies.setPullCursor(cursor); !s)
        return s.error();
    return added;
}

Status SyncApplier::applyPulledRow(Pass& pass, const ServerRow& row,
                                   const QList<OutboxMutation>& pending,
                                   const std::optional<Visible>& visible, bool parentKnown) {
    pass.batch->copies.append(row.json);
    if (!pending.isEmpty() || !parentKnown)
        return rebuild(pass, row.entity, row.uuid, ServerCopy{row.version, row.json, true}, pending,
                       visible);
    // Nothing to replay and the parent is here: the row is the server's,
    // written straight from its copy by flushBatch().
    pass.batch->direct.append(row.uuid);
    if (row.entity == EntityKind::Task) {
        const QJsonValue tags = row.json.value(u"tags"_s);
        const std::optional<QStringList> newTags =
            tags.isArray() ? std::optional<QStringList>(tags.toVariant().toStringList())
                           : std::nullopt;
        if (visible ? visible->tags != newTags : (newTags && !newTags->isEmpty()))
            pass.batch->retagged.append(row.uuid);
    } else {
        pass.knownGoals.insert(row.uuid);
    }
    if (pass.orphansMayExist) {
        if (Status s = m_copies.forgetOrphan(row.entity, row.uuid); !s)
            return s;
    }
    pass.changes->touch(row.entity, row.uuid);
    return Done{};
}

Result<int> SyncApplier::applyTombstone(Pass& pass, EntityKind kind, const QString& uuid,
                                        const QList<OutboxMutation>& pending, bool visible) {
    if (Status s = m_copies.remove(kind, uuid); !s)
        return s.error();
    const Reconcile::TombstoneOutcome outcome = Reconcile::tombstone(pending);
    QJsonObject snapshot;
    if (outcome.journal && visible) {
        const Result<QJsonObject> row = snapshotOf(kind, uuid);
        if (!row)
            return row.error();
        snapshot = *row;
    }
    if (outcome.dropUnsealed) {
        if (Status s = m_outbox.dropUnsealed(kind, uuid, *pass.changes); !s)
            return s.error();
    }
    if (outcome.journal) {
        if (Status s = m_journal.add(ConflictEntry::Kind::DeletedElsewhere, kind, uuid, {},
                                     u"Deleted on another device before your changes were "
                                     u"sent."_s,
                                     outcome.lostFields, snapshot, *pass.changes);
            !s)
            return s.error();
    }
    if (Status s = removeVisible(pass, kind, uuid); !s)
        return s.error();
    return outcome.journal ? 1 : 0;
}

Status SyncApplier::rebuild(Pass& pass, EntityKind kind, const QString& uuid,
                            const std::optional<ServerCopy>& copy,
                            const QList<OutboxMutation>& pending,
                            const std::optional<Visible>& visible) {
    QJsonObject base;
    switch (Reconcile::rebuildBase(pending, copy, visible.has_value())) {
    case Reconcile::RebuildBase::RemoveRow:
        return removeVisible(pass, kind, uuid);
    case Reconcile::RebuildBase::Keep:
        return Done{};
    case Reconcile::RebuildBase::Copy:
        base = copy->json;
        break;
    case Reconcile::RebuildBase::CopyOverVisible: {
        const Result<QJsonObject> snapshot = snapshotOf(kind, uuid);
        if (!snapshot)
            return snapshot.error();
        base = *snapshot;
        for (auto it = copy->json.constBegin(); it != copy->json.constEnd(); ++it)
            base.insert(it.key(), it.value());
        break;
    }
    }
    const std::optional<QDateTime> visibleUpdatedAt =
        visible ? std::optional(visible->updatedAt) : std::nullopt;
    const auto placed = [&](auto& row) -> Status {
        // Stored without its parent until the goal arrives.
        if (row.parentGoalUuid) {
            const Result<bool> known = goalKnown(pass, *row.parentGoalUuid);
            if (!known)
                return known.error();
            if (!*known) {
                pass.orphansMayExist = true;
                if (Status s = m_copies.rememberOrphan(kind, uuid, *row.parentGoalUuid); !s)
                    return s;
                row.parentGoalUuid.reset();
                return Done{};
            }
        }
        if (pass.orphansMayExist)
            return m_copies.forgetOrphan(kind, uuid);
        return Done{};
    };
    if (kind == EntityKind::Task) {
        Result<Task> task =
            Reconcile::replayTask(uuid, base, pending, visibleUpdatedAt, copy->version);
        if (!task)
            return task.error();
        if (Status s = placed(task.value()); !s)
            return s;
        if (Status s = saveRebuilt(pass, *task, visible); !s)
            return s;
    } else {
        Result<Goal> goal =
            Reconcile::replayGoal(uuid, base, pending, visibleUpdatedAt, copy->version);
        if (!goal)
            return goal.error();
        if (Status s = placed(goal.value()); !s)
            return s;
        if (Status s = saveRebuilt(pass, *goal, visible); !s)
            return s;
        pass.knownGoals.insert(uuid);
    }
    pass.changes->touch(kind, uuid);
    return Done{};
}

template <typename Row>
Status SyncApplier::saveRebuilt(Pass& pass, const Row& row, const std::optional<Visible>& visible) {
    if constexpr (std::is_same_v<Row, Task>) {
        const bool tagsChanged =
            visible ? visible->tags != row.tags : (row.tags && !row.tags->isEmpty());
        if (!pass.batch)
            return visible ? m_tasks.update(row, tagsChanged, true) : m_tasks.insert(row, true);
        pass.batch->rows.append(QJsonArray::fromVariantList(TaskTable::columns().values(row)));
        if (tagsChanged)
            pass.batch->retagged.append(row.uuid);
    } else {
        if (!pass.batch)
            return visible ? m_goals.update(row, true) : m_goals.insert(row, true);
        pass.batch->rows.append(QJsonArray::fromVariantList(GoalTable::columns().values(row)));
    }
    return Done{};
}

Status SyncApplier::rebuildFromStore(Pass& pass, EntityKind kind, const QString& uuid) {
    const Result<std::optional<ServerCopy>> copy = m_copies.find(kind, uuid);
    if (!copy)
        return copy.error();
    const Result<QList<OutboxMutation>> pending = m_outbox.pendingFor(kind, uuid);
    if (!pending)
        return pending.error();
    const Result<std::optional<Visible>> visible = loadVisible(kind, uuid);
    if (!visible)
        return visible.error();
    return rebuild(pass, kind, uuid, *copy, *pending, *visible);
}

Status SyncApplier::removeVisible(Pass& pass, EntityKind kind, const QString& uuid) {
    if (kind == EntityKind::Goal) {
        for (const EntityKind childKind : {EntityKind::Task, EntityKind::Goal}) {
            const QString& table = entityTable(childKind);
            const Result<QStringList> children =
                m_db.strings(u"SELECT uuid FROM %1 WHERE parent_goal_uuid = ?"_s.arg(table), {uuid},
                             u"detach the goal's children"_s);
            if (!children)
                return children.error();
            if (children->isEmpty())
                continue;
            if (Status s = m_db.exec(u"UPDATE %1 SET parent_goal_uuid = NULL, parent_goal_id = "
                                     u"NULL WHERE parent_goal_uuid = ?"_s.arg(table),
                                     {uuid}, u"detach the goal's children"_s);
                !s)
                return s;
            pass.changes->touch(childKind, *children);
        }
        pass.knownGoals.remove(uuid);
        if (pass.orphansMayExist) {
            // The goal will not come back: nobody waits for it any more.
            if (Status s = m_copies.forgetOrphansOf(uuid); !s)
                return s;
        }
    }
    if (pass.orphansMayExist) {
        if (Status s = m_copies.forgetOrphan(kind, uuid); !s)
            return s;
    }
    QSqlQuery& q = m_db.prepared(u"DELETE FROM %1 WHERE uuid = ?"_s.arg(entityTable(kind)));
    if (!StoreDatabase::run(q, {uuid}))
        return m_db.storageError(q, u"remove a row"_s);
    const bool removed = q.numRowsAffected() > 0;
    q.finish();
    if (removed)
        pass.changes->touch(kind, uuid);
    return Done{};
}

Status SyncApplier::flushBatch(Pass& pass, EntityKind kind) {
    if (!pass.batch)
        return Done{};
    const Pass::Batch batch = std::exchange(*pass.batch, Pass::Batch{});
    if (Status s = m_copies.saveAll(kind, batch.copies); !s)
        return s;
    if (!batch.direct.isEmpty()) {
        if (Status s = writeDirect(kind, SqlValue::jsonText(batch.direct)); !s)
            return s;
    }
    if (!batch.rows.isEmpty()) {
        if (Status s = writeRows(kind, SqlValue::jsonText(batch.rows)); !s)
            return s;
    }
    if (batch.retagged.isEmpty())
        return Done{};
    const QString retagged = SqlValue::jsonText(batch.retagged);
    if (Status s = m_db.exec(u"DELETE FROM task_tags WHERE task_id IN (SELECT row_id FROM tasks "
                             u"WHERE uuid IN (SELECT value FROM json_each(?)))"_s,
                             {retagged}, u"save the pulled tasks' tags"_s);
        !s)
        return s;
    return m_db.exec(u"INSERT OR IGNORE INTO task_tags (tag, task_id) "
                     u"SELECT j.value, t.row_id FROM json_each(?) r "
                     u"JOIN tasks t ON t.uuid = r.value, json_each(t.tags) j "
                     u"WHERE t.tags IS NOT NULL"_s,
                     {retagged}, u"save the pulled tasks' tags"_s);
}

namespace {

template <typename Row> QString directWriteSql(const ColumnTable<Row>& table) {
    return u"INSERT INTO %1 (%2, pushed) SELECT %3, 1 FROM json_each(?) f "
           u"JOIN server_rows s ON s.entity = ? AND s.uuid = f.value WHERE true ORDER BY f.key "_s
               .arg(table.table(), table.selectList(),
                    table.jsonProjection(
                        u"s.json", {{u"uuid"_s, u"s.uuid"_s}, {u"version"_s, u"s.version"_s}})) +
           table.upsertClause();
}

template <typename Row> QString rowsWriteSql(const ColumnTable<Row>& table) {
    return u"INSERT INTO %1 (%2, pushed) SELECT %3, 1 FROM json_each(?) WHERE true ORDER BY key "_s
               .arg(table.table(), table.selectList(), table.arrayProjection(u"value")) +
           table.upsertClause();
}

} // namespace

// Visible rows straight from their server copies (uuids in page order).
Status SyncApplier::writeDirect(EntityKind kind, const QString& uuidsJson) {
    static const QString tasks = directWriteSql(TaskTable::columns());
    static const QString goals = directWriteSql(GoalTable::columns());
    return m_db.exec(kind == EntityKind::Task ? tasks : goals, {uuidsJson, entityName(kind)},
                     kind == EntityKind::Task ? u"save the pulled tasks"_s
                                              : u"save the pulled goals"_s);
}

// Rebuilt visible rows: ColumnTable::values() of each, in order.
Status SyncApplier::writeRows(EntityKind kind, const QString& rowsJson) {
    static const QString tasks = rowsWriteSql(TaskTable::columns());
    static const QString goals = rowsWriteSql(GoalTable::columns());
    return m_db.exec(kind == EntityKind::Task ? tasks : goals, {rowsJson},
                     kind == EntityKind::Task ? u"save the pulled tasks"_s
                                              : u"save the pulled goals"_s);
}

// --- push results ---

Result<int> SyncApplier::applyPushResults(const QList<OutboxMutation>& sent,
                                          const QList<PushOutcome>& outcomes, qint64 lastMid,
                                          ChangeSet& changes) {
    QList<OutboxMutation> ordered = sent;
    std::sort(ordered.begin(), ordered.end(),
              [](const OutboxMutation& a, const OutboxMutation& b) { return a.mid < b.mid; });
    qint64 highest = 0;
    for (const OutboxMutation& m : std::as_const(ordered))
        highest = std::max(highest, m.mid.value_or(0));
    const qint64 upTo = std::min(lastMid, highest);
    QHash<qint64, PushOutcome> byMid;
    for (const PushOutcome& outcome : outcomes)
        byMid.insert(outcome.mid, outcome);

    Result<Pass> started = startPass(changes);
    if (!started)
        return started.error();
    Pass& pass = *started;
    // Acknowledged first, so that rebuilds below replay only what is still unsent.
    if (Status s = m_outbox.acknowledge(upTo, changes); !s)
        return s.error();
    int added = 0;
    QList<std::pair<EntityKind, QString>> toRebuild;
    for (const OutboxMutation& m : std::as_const(ordered)) {
        if (!m.mid || *m.mid > upTo)
            continue;
        const auto found = byMid.constFind(*m.mid);
        if (found == byMid.constEnd())
            return Error::make(
                Error::Code::Server,
                u"The server acknowledged change %1 without a result for it."_s.arg(*m.mid));
        const PushOutcome& outcome = *found;
        const Result<std::optional<ServerCopy>> copy = m_copies.find(m.entity, m.uuid);
        if (!copy)
            return copy.error();
        const Result<Reconcile::PushDecision> decided =
            Reconcile::decidePushOutcome(m, outcome, *copy);
        if (!decided)
            return decided.error();
        const Reconcile::PushDecision& decision = *decided;
        switch (decision.copy) {
        case Reconcile::PushDecision::CopyAction::Keep:
            break;
        case Reconcile::PushDecision::CopyAction::Remove:
            if (Status s = m_copies.remove(m.entity, m.uuid); !s)
                return s.error();
            break;
        case Reconcile::PushDecision::CopyAction::Acknowledge: {
            if (Status s = m_copies.save(
                    m.entity, m.uuid,
                    Reconcile::acknowledgedCopy(*copy, m, *outcome.version, *outcome.id));
                !s)
                return s.error();
            // Later edits must carry the new base version.
            QSqlQuery& q = m_db.prepared(u"UPDATE %1 SET version = ?, server_id = ?, pushed = 1 "
                                         u"WHERE uuid = ?"_s.arg(entityTable(m.entity)));
            if (!StoreDatabase::run(q, {*outcome.version, *outcome.id, m.uuid}))
                return m_db.storageError(q, u"save a push result"_s);
            if (q.numRowsAffected() > 0)
                changes.touch(m.entity, m.uuid);
            q.finish();
            break;
        }
        }
        // The row as it is now: with the acknowledged version, before a dropped row goes.
        QJsonObject snapshot;
        if (decision.journal) {
            const Result<QJsonObject> row = snapshotOf(m.entity, m.uuid);
            if (!row)
                return row.error();
            snapshot = *row;
        }
        const bool rejected = decision.journal == ConflictEntry::Kind::Rejected;
        QJsonObject lost = rejected ? m.fields : outcome.overwritten;
        if (decision.dropRow) {
            // Nothing on the server to fall back to: the row and its unsealed
            // edits go, into this one journal entry.
            const Result<QList<OutboxMutation>> pending = m_outbox.pendingFor(m.entity, m.uuid);
            if (!pending)
                return pending.error();
            const QJsonObject unsent = Reconcile::unsealedFields(*pending);
            for (auto it = unsent.constBegin(); it != unsent.constEnd(); ++it)
                lost.insert(it.key(), it.value());
            if (Status s = m_outbox.dropUnsealed(m.entity, m.uuid, changes); !s)
                return s.error();
            if (Status s = m_copies.remove(m.entity, m.uuid); !s)
                return s.error();
            if (Status s = removeVisible(pass, m.entity, m.uuid); !s)
                return s.error();
        }
        if (decision.rebuild)
            toRebuild.append({m.entity, m.uuid});
        if (decision.journal) {
            if (Status s = m_journal.add(*decision.journal, m.entity, m.uuid,
                                         rejected ? outcome.code : QString(), decision.message,
                                         lost, snapshot, changes);
                !s)
                return s.error();
            ++added;
        }
    }
    // After every result, so that later applied edits of the row count.
    for (const auto& [kind, uuid] : std::as_const(toRebuild)) {
        if (Status s = rebuildFromStore(pass, kind, uuid); !s)
            return s.error();
    }
    qCDebug(lcStore) << "recorded" << outcomes.size() << "push results, acknowledged up to" << upTo
                     << "," << added << "journal entries";
    return added;
}

// --- reload ---

Status SyncApplier::finishReload(ChangeSet& changes) {
    // Without a reload every copy is of this generation: nothing to do.
    const Result<bool> reloading = m_copies.reloadInProgress();
    if (!reloading)
        return reloading.error();
    if (!*reloading)
        return Done{};
    Result<Pass> started = startPass(changes);
    if (!started)
        return started.error();
    const Result<qint64> generation = m_copies.generation();
    if (!generation)
        return generation.error();
    qsizetype removed = 0;
    // Goals last: their tasks are gone by then and need no detaching.
    for (const EntityKind kind : {EntityKind::Task, EntityKind::Goal}) {
        const QString entity = entityName(kind);
        const Result<QStringList> unseen = m_db.strings(
            u"SELECT uuid FROM %1 WHERE uuid NOT IN (SELECT uuid FROM server_rows "
            u"WHERE entity = ? AND generation = ?) "
            u"AND uuid NOT IN (SELECT uuid FROM outbox WHERE entity = ?)"_s.arg(entityTable(kind)),
            {entity, *generation, entity}, u"finish the reload"_s);
        if (!unseen)
            return unseen.error();
        for (const QString& uuid : *unseen) {
            if (Status s = removeVisible(*started, kind, uuid); !s)
                return s;
        }
        removed += unseen->size();
        if (Status s = m_copies.removeStale(kind); !s)
            return s;
    }
    qCInfo(lcStore) << "reload" << *generation << "finished;" << removed
                    << "rows the server no longer has were removed";
    return m_copies.endReload();
}

} // namespace bizy
