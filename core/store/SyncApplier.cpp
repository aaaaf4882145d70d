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

SyncApplier::SyncApplier(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox,
                         ServerCopies& copies, ConflictJournal& journal)
    : m_db(db)
    , m_outbox(outbox)
    , m_copies(copies)
    , m_journal(journal)
    , m_rows(db, tasks, goals, outbox, copies) {}

// --- pull ---

Result<int> SyncApplier::applyPull(const QList<ServerRow>& rows, qint64 cursor,
                                   ChangeSet& changes) {
    Result<VisibleRows::Pass> started = m_rows.startPass(changes);
    if (!started)
        return started.error();
    VisibleRows::Pass& pass = *started;
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
        const Result<QHash<QString, VisibleRows::Visible>> visible = m_rows.findAll(kind, uuids);
        if (!visible)
            return visible.error();
        const Result<QHash<QString, qint64>> copyVersions = m_copies.versions(kind, uuids);
        if (!copyVersions)
            return copyVersions.error();
        if (Status s = m_rows.learnGoals(pass, parents); !s)
            return s.error();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const ServerRow& row = rows.at(i);
            if (row.entity != kind || last.value(row.uuid) != i)
                continue;
            const auto copy = copyVersions->constFind(row.uuid);
            const QList<OutboxMutation> mutations = pending.value(row.uuid);
            const QJsonValue parent = row.json.value(u"parent_goal_uuid"_s);
            bool parentKnown = true;
            if (parent.isString()) {
                const Result<bool> known = m_rows.goalKnown(pass, parent.toString());
                if (!known)
                    return known.error();
                parentKnown = *known;
            }
            const auto seen = visible->constFind(row.uuid);
            const std::optional<VisibleRows::Visible> current =
                seen == visible->constEnd() ? std::nullopt
                                            : std::optional<VisibleRows::Visible>(*seen);
            switch (Reconcile::decidePulledRow(
                row, copy == copyVersions->constEnd() ? std::nullopt : std::optional(*copy),
                *reloading, !mutations.isEmpty(), parentKnown)) {
            case Reconcile::PulledRow::Skip:
                break;
            case Reconcile::PulledRow::Tombstone: {
                // Rows before it in the page are written first.
                if (Status s = m_rows.flush(pass, kind); !s)
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
                if (Status s = m_rows.applyServerRow(pass, row, mutations, current, parentKnown);
                    !s)
                    return s.error();
                break;
            }
        }
        if (Status s = m_rows.flush(pass, kind); !s)
            return s.error();
    }
    pass.batch.reset();
    // Rows that waited for a goal this page brought.
    if (pass.orphansMayExist) {
        const Result<QList<std::pair<EntityKind, QString>>> ready = m_copies.adoptableOrphans();
        if (!ready)
            return ready.error();
        for (const auto& [kind, uuid] : *ready) {
            if (Status s = m_rows.rebuildFromStore(pass, kind, uuid); !s)
                return s.error();
        }
    }
    if (Status s = m_copies.setPullCursor(cursor); !s)
        return s.error();
    return added;
}

Result<int> SyncApplier::applyTombstone(VisibleRows::Pass& pass, EntityKind kind,
                                        const QString& uuid, const QList<OutboxMutation>& pending,
                                        bool visible) {
    if (Status s = m_copies.remove(kind, uuid); !s)
        return s.error();
    if (Status s = m_copies.rememberDeleted(kind, uuid); !s)
        return s.error();
    const Reconcile::TombstoneOutcome outcome = Reconcile::tombstone(pending);
    QJsonObject snapshot;
    if (outcome.journal && visible) {
        const Result<QJsonObject> row = m_rows.snapshotOf(kind, uuid);
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
    if (Status s = m_rows.remove(pass, kind, uuid); !s)
        return s.error();
    return outcome.journal ? 1 : 0;
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

    Result<VisibleRows::Pass> started = m_rows.startPass(changes);
    if (!started)
        return started.error();
    VisibleRows::Pass& pass = *started;
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
            if (Status s = m_copies.rememberDeleted(m.entity, m.uuid); !s)
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
        if (m.op == OutboxMutation::Op::Upsert && outcome.status != PushOutcome::Status::Rejected) {
            if (Status s = m_copies.rememberAcknowledged(m.entity, m.uuid, m.fields); !s)
                return s.error();
        }
        // The row as it is now: with the acknowledged version, before a dropped row goes.
        QJsonObject snapshot;
        if (decision.journal) {
            const Result<QJsonObject> row = m_rows.snapshotOf(m.entity, m.uuid);
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
            if (Status s = m_rows.remove(pass, m.entity, m.uuid); !s)
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
        if (Status s = m_rows.rebuildFromStore(pass, kind, uuid); !s)
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
    Result<VisibleRows::Pass> started = m_rows.startPass(changes);
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
            if (Status s = m_rows.remove(*started, kind, uuid); !s)
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
