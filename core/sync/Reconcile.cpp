#include "Reconcile.h"

#include "model/IsoDateTime.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace bizy::Reconcile {

namespace {

std::optional<QDateTime> timeOf(const QJsonValue& value) {
    return value.isString() ? IsoDateTime::parse(value.toString()) : std::nullopt;
}

// A task or goal from fields that were validated when they were stored (a
// server copy): Task::fromJson / Goal::fromJson without checking them again,
// which would be most of the cost of applying a large pull.
template <typename T> T fromCheckedJson(const QJsonObject& json) {
    T row;
    row.applyFields(json, timeOf(json.value(u"updated_at"_s)).value_or(QDateTime()));
    // applyFields derives completed_at (and a goal's progress) from status;
    // the server states them exactly.
    if (json.contains(u"completed_at"_s))
        row.completedAt = timeOf(json.value(u"completed_at"_s));
    if constexpr (std::is_same_v<T, Goal>) {
        if (json.contains(u"progress_percentage"_s))
            row.progressPercentage = json.value(u"progress_percentage"_s).toDouble();
    }
    return row;
}

template <typename T>
Result<T> replay(EntityKind kind, const QString& uuid, const QJsonObject& base,
                 const QList<OutboxMutation>& pending,
                 const std::optional<QDateTime>& visibleUpdatedAt, qint64 version) {
    T row = fromCheckedJson<T>(base);
    if (row.uuid != uuid || row.createdAt.isNull())
        return Error::make(
            Error::Code::Storage,
            u"The server's copy of %1 %2 could not be read."_s.arg(entityName(kind), uuid));
    if (!pending.isEmpty()) {
        const QDateTime stamp =
            visibleUpdatedAt ? std::max(*visibleUpdatedAt, row.updatedAt) : row.updatedAt;
        for (const OutboxMutation& m : pending)
            row.applyFields(m.fields, stamp);
    }
    row.version = version;
    return row;
}

} // namespace

PulledRow decidePulledRow(const ServerRow& row, std::optional<qint64> copyVersion, bool reloading,
                          bool hasPending, bool parentKnown) {
    // Never back to an older state than one a push result already gave.
    if (!reloading && copyVersion && *copyVersion > row.version)
        return PulledRow::Skip;
    if (row.deleted)
        return PulledRow::Tombstone;
    if (!hasPending && parentKnown)
        return PulledRow::Direct;
    return PulledRow::Rebuild;
}

RebuildBase rebuildBase(const QList<OutboxMutation>& pending, const std::optional<ServerCopy>& copy,
                        bool hasVisible) {
    for (const OutboxMutation& m : pending) {
        if (m.op == OutboxMutation::Op::Delete)
            return hasVisible ? RebuildBase::RemoveRow : RebuildBase::Keep;
    }
    if (!copy)
        return RebuildBase::Keep;
    if (copy->complete)
        return RebuildBase::Copy;
    return hasVisible ? RebuildBase::CopyOverVisible : RebuildBase::Keep;
}

Result<Task> replayTask(const QString& uuid, const QJsonObject& base,
                        const QList<OutboxMutation>& pending,
                        const std::optional<QDateTime>& visibleUpdatedAt, qint64 version) {
    return replay<Task>(EntityKind::Task, uuid, base, pending, visibleUpdatedAt, version);
}

Result<Goal> replayGoal(const QString& uuid, const QJsonObject& base,
                        const QList<OutboxMutation>& pending,
                        const std::optional<QDateTime>& visibleUpdatedAt, qint64 version) {
    return replay<Goal>(EntityKind::Goal, uuid, base, pending, visibleUpdatedAt, version);
}

QJsonObject unsealedFields(const QList<OutboxMutation>& pending) {
    QJsonObject merged;
    for (const OutboxMutation& m : pending) {
        if (m.mid)
            continue;
        for (auto it = m.fields.constBegin(); it != m.fields.constEnd(); ++it)
            merged.insert(it.key(), it.value());
    }
    return merged;
}

TombstoneOutcome tombstone(const QList<OutboxMutation>& pending) {
    TombstoneOutcome outcome;
    for (const OutboxMutation& m : pending) {
        if (m.mid)
            continue;
        // Sealed mutations stay: the server answers them (deleted) itself.
        outcome.dropUnsealed = true;
        outcome.journal |= m.op == OutboxMutation::Op::Upsert;
    }
    if (outcome.journal)
        outcome.lostFields = unsealedFields(pending);
    return outcome;
}

Result<PushDecision> decidePushOutcome(const OutboxMutation& mutation, const PushOutcome& outcome,
                                       const std::optional<ServerCopy>& copy) {
    PushDecision decision;
    if (outcome.status != PushOutcome::Status::Rejected) {
        if (!outcome.version)
            return Error::make(
                Error::Code::Server,
                u"The server's result for change %1 has no version."_s.arg(outcome.mid));
        if (mutation.op == OutboxMutation::Op::Delete) {
            decision.copy = PushDecision::CopyAction::Remove;
            return decision;
        }
        // No id: the row is gone on the server (an edit replayed after another
        // device deleted it); the pull brings its tombstone.
        if (!outcome.id)
            return decision;
        // The server already held every value sent (a change undone before it
        // was pushed): its row is our copy, so fields only the server sets,
        // like updated_at, come back from it.
        decision.rebuild = copy && copy->complete && copy->version == *outcome.version;
        // A pull already brought a newer state: it includes this one.
        if (!copy || copy->version <= *outcome.version)
            decision.copy = PushDecision::CopyAction::Acknowledge;
        if (outcome.status == PushOutcome::Status::Merged && !outcome.overwritten.isEmpty()) {
            decision.journal = ConflictEntry::Kind::Overwritten;
            decision.message = outcome.message.isEmpty()
                                   ? u"Your change replaced one made on another device."_s
                                   : outcome.message;
        }
        return decision;
    }
    // Rejected. A delete of a row already gone elsewhere reached its aim.
    const bool gone = outcome.code == u"deleted";
    if (mutation.op == OutboxMutation::Op::Delete && gone) {
        decision.copy = PushDecision::CopyAction::Remove;
        return decision;
    }
    decision.journal = ConflictEntry::Kind::Rejected;
    decision.message = outcome.message;
    // Nothing on the server to fall back to: the row goes.
    if (gone || !copy)
        decision.dropRow = true;
    else
        decision.rebuild = true;
    return decision;
}

ServerCopy acknowledgedCopy(const std::optional<ServerCopy>& copy, const OutboxMutation& mutation,
                            qint64 version, qint64 id) {
    ServerCopy next = copy.value_or(ServerCopy{0, {}, false});
    for (auto it = mutation.fields.constBegin(); it != mutation.fields.constEnd(); ++it)
        next.json.insert(it.key(), it.value());
    next.json.insert(u"uuid"_s, mutation.uuid);
    next.json.insert(u"version"_s, version);
    next.json.insert(u"id"_s, id);
    next.version = version;
    return next;
}

namespace {

// The fields a push may carry (docs/api.md section 6.3).
const QStringList& pushedFields(EntityKind kind) {
    static const QStringList task{u"title"_s,
                                  u"description"_s,
                                  u"priority"_s,
                                  u"status"_s,
                                  u"category"_s,
                                  u"estimated_hours"_s,
                                  u"actual_hours"_s,
                                  u"due_date"_s,
                                  u"parent_goal_uuid"_s,
                                  u"dependency_uuids"_s,
                                  u"notes"_s,
                                  u"tags"_s,
                                  u"created_at"_s,
                                  u"completed_at"_s};
    static const QStringList goal{u"title"_s,
                                  u"description"_s,
                                  u"horizon"_s,
                                  u"target_date"_s,
                                  u"status"_s,
                                  u"progress_percentage"_s,
                                  u"success_criteria"_s,
                                  u"metrics"_s,
                                  u"parent_goal_uuid"_s,
                                  u"created_at"_s,
                                  u"completed_at"_s};
    return kind == EntityKind::Goal ? goal : task;
}

} // namespace

std::optional<OutboxMutation> restoreMutation(const RestoreRow& row) {
    OutboxMutation next;
    next.entity = row.entity;
    next.uuid = row.uuid;
    next.baseVersion = row.restored ? row.restored->version : 0;
    const bool queuedDelete =
        std::any_of(row.pending.begin(), row.pending.end(),
                    [](const auto& m) { return m.op == OutboxMutation::Op::Delete; });
    // A delete this device made or saw beats whatever the backup held (6.8).
    if (queuedDelete || (row.knownDeleted && row.restored)) {
        next.op = OutboxMutation::Op::Delete;
        return next;
    }
    // Gone here: a tombstone the reload brought, nothing to send.
    if (!row.visible)
        return std::nullopt;
    if (row.known) {
        for (const QString& field : pushedFields(row.entity)) {
            const auto value = row.known->constFind(field);
            if (value == row.known->constEnd())
                continue;
            // What the restored server holds already is not sent again.
            if (row.restored && row.restored->json.value(field) == *value)
                continue;
            next.fields.insert(field, *value);
        }
    }
    for (const OutboxMutation& m : row.pending) {
        for (auto it = m.fields.constBegin(); it != m.fields.constEnd(); ++it)
            next.fields.insert(it.key(), it.value());
    }
    if (next.fields.isEmpty())
        return std::nullopt;
    return next;
}

QList<OutboxMutation> restoreOrder(const QList<OutboxMutation>& mutations) {
    QHash<QString, qsizetype> byUuid;
    for (qsizetype i = 0; i < mutations.size(); ++i)
        byUuid.insert(mutations.at(i).uuid, i);
    QList<OutboxMutation> ordered;
    QList<bool> placed(mutations.size(), false);
    // Depth first: what a mutation points at goes before it; a cycle is cut
    // where it closes (the server rejects one of its mutations).
    std::function<void(qsizetype)> place = [&](qsizetype i) {
        if (placed[i])
            return;
        placed[i] = true;
        const OutboxMutation& m = mutations.at(i);
        QStringList references;
        if (const QJsonValue parent = m.fields.value(u"parent_goal_uuid"_s); parent.isString())
            references << parent.toString();
        if (m.entity == EntityKind::Task) {
            for (const QJsonValue& dependency : m.fields.value(u"dependency_uuids"_s).toArray())
                references << dependency.toString();
        }
        for (const QString& uuid : std::as_const(references)) {
            const auto found = byUuid.constFind(uuid);
            if (found != byUuid.constEnd() && mutations.at(*found).op == OutboxMutation::Op::Upsert)
                place(*found);
        }
        ordered.append(m);
    };
    const auto pass = [&](EntityKind kind, OutboxMutation::Op op) {
        for (qsizetype i = 0; i < mutations.size(); ++i) {
            if (mutations.at(i).entity == kind && mutations.at(i).op == op)
                place(i);
        }
    };
    pass(EntityKind::Goal, OutboxMutation::Op::Upsert);
    pass(EntityKind::Task, OutboxMutation::Op::Upsert);
    pass(EntityKind::Task, OutboxMutation::Op::Delete);
    pass(EntityKind::Goal, OutboxMutation::Op::Delete);
    return ordered;
}

} // namespace bizy::Reconcile
