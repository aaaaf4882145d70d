#pragma once

#include "model/EntityKind.h"
#include "model/Result.h"
#include "sync/OutboxMutation.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace bizy {

class StoreDatabase;
struct ChangeSet;

// The queue of changes not yet acknowledged by the server, in the push shape.
// Unsent edits of one row coalesce (the later value wins) until the sync
// engine seals them; sealing gives consecutive mids, and sealed mutations
// never change again. Every method runs inside the caller's transaction.
class Outbox {
public:
    explicit Outbox(StoreDatabase& db);

    // One mutation must fit in a push (the server takes at most 1 MiB a
    // request): a change whose fields are larger could never be sent and
    // would hold back every change after it.
    static constexpr qsizetype kMaxMutationBytes = 900 * 1000;
    // The fields as a mutation keeps them (compact JSON, UTF-8); fields too
    // large to sync are refused, naming the largest field.
    static Result<QByteArray> fieldsText(const QJsonObject& fields);

    // A new row's create: nothing can be queued for its uuid yet.
    Status recordCreate(EntityKind kind, const QString& uuid, const QJsonObject& fields,
                        ChangeSet& changes);
    // The creates of the tasks after row `lastRowBefore` (a bulk insert's),
    // set-based: SQLite writes each row's fields in the sync shape. The caller
    // has made sure each fits (mayBeTooLarge()).
    Status recordTaskCreatesAfter(qint64 lastRowBefore, ChangeSet& changes);
    // Whether fields whose texts are `textLength` UTF-16 units in all might
    // not fit in a mutation once JSON escapes them; when false they surely fit.
    static bool mayBeTooLarge(qsizetype textLength);
    // An edit of `fields`; `rowVersion` is the row's server version before it.
    Status recordEdit(EntityKind kind, const QString& uuid, const QJsonObject& fields,
                      qint64 rowVersion, ChangeSet& changes);
    // A delete, called before the row goes: unsent edits are dropped, and a
    // row the server never heard of leaves nothing to send.
    Status recordDelete(EntityKind kind, const QString& uuid, qint64 rowVersion,
                        ChangeSet& changes);

    // Unsent mutations, oldest first.
    Result<QList<OutboxMutation>> pending(int limit);
    Result<qsizetype> count();
    Result<bool> isEmpty();
    // Every mutation queued for one row, oldest first.
    Result<QList<OutboxMutation>> pendingFor(EntityKind kind, const QString& uuid);
    // Every mutation queued for the rows of a JSON array of uuids, oldest first.
    Result<QList<OutboxMutation>> pendingForAll(EntityKind kind, const QString& uuidsJson);

    // The sealed, unacknowledged mutations first, then the oldest unsealed
    // ones sealed with the next mids, up to `max` in all, in mid order.
    Result<QList<OutboxMutation>> seal(int max);
    // Forgets every sealed mutation up to `upToMid`.
    Status acknowledge(qint64 upToMid, ChangeSet& changes);
    // Renumbers the sealed mutations consecutively from `firstMid`, in order.
    Status resequence(qint64 firstMid, ChangeSet& changes);
    // Drops the unsealed mutations of one row (their changes will not be sent).
    Status dropUnsealed(EntityKind kind, const QString& uuid, ChangeSet& changes);

    // A new epoch (core/store/EpochRestore): the server's mids went back, so
    // every sealed mutation is unsealed and the next one sealed gets `nextMid`.
    Status restartMids(qint64 nextMid, ChangeSet& changes);
    // Replaces the whole queue with `mutations`, unsealed, in this order.
    Status replaceAll(const QList<OutboxMutation>& mutations, ChangeSet& changes);

private:
    Result<QList<OutboxMutation>> load(const QString& where, const QVariantList& values);
    // Whether the rows `fields` point at were queued no later than `seq`.
    Result<bool> referencesAreOlderThan(const QJsonObject& fields, qint64 seq);

    StoreDatabase& m_db;
};

} // namespace bizy
