#include "EpochRestore.h"

#include "ChangeSet.h"
#include "EntityTable.h"
#include "Outbox.h"
#include "ServerCopies.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "StoreLog.h"
#include "sync/Reconcile.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <tuple>

using namespace Qt::StringLiterals;

namespace bizy {

EpochRestore::EpochRestore(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox,
                           ServerCopies& copies)
    : m_db(db)
    , m_outbox(outbox)
    , m_copies(copies)
    , m_rows(db, tasks, goals, outbox, copies) {}

Status EpochRestore::begin(qint64 nextMid, ChangeSet& changes) {
    // OR IGNORE: a restore begun again (the last one was cut short) keeps the
    // copies from before the first, not those the restored server gave since.
    if (Status s = m_db.exec(u"INSERT OR IGNORE INTO restore_base (entity, uuid, json) "
                             u"SELECT entity, uuid, json FROM server_rows"_s,
                             {}, u"keep the server's copies"_s);
        !s)
        return s;
    // Changes acknowledged since the last round that ended in the old epoch
    // may have reached the restored server already: they are known too, or
    // the restore would send the older values over them.
    bool ok = false;
    QSqlQuery& acknowledged =
        m_db.query(u"SELECT entity, uuid, fields FROM acknowledged_pushes ORDER BY seq"_s, {}, &ok);
    if (!ok)
        return m_db.storageError(acknowledged, u"keep the server's copies"_s);
    QList<std::tuple<QString, QString, QJsonObject>> edits;
    while (acknowledged.next())
        edits.append({acknowledged.value(0).toString(), acknowledged.value(1).toString(),
                      SqlValue::jsonObject(acknowledged.value(2))});
    acknowledged.finish();
    for (const auto& [entity, uuid, fields] : std::as_const(edits)) {
        const Result<QVariant> base =
            m_db.scalar(u"SELECT json FROM restore_base WHERE entity = ? AND uuid = ?"_s,
                        {entity, uuid}, u"keep the server's copies"_s);
        if (!base)
            return base.error();
        QJsonObject known = SqlValue::jsonObject(*base);
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            known.insert(it.key(), it.value());
        if (Status s =
                m_db.exec(u"INSERT OR REPLACE INTO restore_base (entity, uuid, json) "
                          u"VALUES (?, ?, ?)"_s,
                          {entity, uuid, SqlValue::jsonText(known)}, u"keep the server's copies"_s);
            !s)
            return s;
    }
    if (Status s = m_copies.forgetAcknowledged(); !s)
        return s;
    if (Status s = m_outbox.restartMids(nextMid, changes); !s)
        return s;
    return m_copies.beginReload();
}

Status EpochRestore::finish(const QString& epoch, ChangeSet& changes) {
    Result<VisibleRows::Pass> started = m_rows.startPass(changes);
    if (!started)
        return started.error();
    const Result<qint64> generation = m_copies.generation();
    if (!generation)
        return generation.error();
    QList<OutboxMutation> planned;
    QList<Reconcile::RestoreRow> rows;
    for (const EntityKind kind : {EntityKind::Goal, EntityKind::Task}) {
        const QString entity = entityName(kind);
        // Every row that may have something to send: what this device knew,
        // what it queued, and what it saw deleted that the reload brought back.
        const Result<QStringList> uuids =
            m_db.strings(u"SELECT uuid FROM restore_base WHERE entity = ? "
                         u"UNION SELECT uuid FROM outbox WHERE entity = ? "
                         u"UNION SELECT uuid FROM known_deletes WHERE entity = ? AND uuid IN "
                         u"(SELECT uuid FROM server_rows WHERE entity = ? AND generation = ?)"_s,
                         {entity, entity, entity, entity, *generation}, u"plan the restore"_s);
        if (!uuids)
            return uuids.error();
        for (const QString& uuid : *uuids) {
            Reconcile::RestoreRow row;
            row.entity = kind;
            row.uuid = uuid;
            bool ok = false;
            QSqlQuery& q = m_db.query(
                u"SELECT (SELECT json FROM restore_base WHERE entity = ? AND uuid = ?), "
                u"(SELECT 1 FROM known_deletes WHERE entity = ? AND uuid = ?), "
                u"s.version, s.json, s.complete FROM (SELECT 1) "
                u"LEFT JOIN server_rows s ON s.entity = ? AND s.uuid = ? AND s.generation = ?"_s,
                {entity, uuid, entity, uuid, entity, uuid, *generation}, &ok);
            if (!ok || !q.next())
                return m_db.storageError(q, u"plan the restore"_s);
            if (!q.value(0).isNull())
                row.known = SqlValue::jsonObject(q.value(0));
            row.knownDeleted = !q.value(1).isNull();
            if (!q.value(2).isNull())
                row.restored = ServerCopy{q.value(2).toLongLong(), SqlValue::jsonObject(q.value(3)),
                                          q.value(4).toInt() != 0};
            q.finish();
            const Result<std::optional<VisibleRows::Visible>> visible = m_rows.find(kind, uuid);
            if (!visible)
                return visible.error();
            row.visible = visible->has_value();
            const Result<QList<OutboxMutation>> pending = m_outbox.pendingFor(kind, uuid);
            if (!pending)
                return pending.error();
            row.pending = *pending;
            if (std::optional<OutboxMutation> m = Reconcile::restoreMutation(row)) {
                planned << *m;
                rows << row;
            }
        }
    }
    if (Status s = m_outbox.replaceAll(Reconcile::restoreOrder(planned), changes); !s)
        return s;
    // The copies from before the epoch hold versions the server no longer
    // means: a row it lacks has none until its create is acknowledged.
    if (Status s = m_db.exec(u"DELETE FROM server_rows WHERE generation <> ?"_s, {*generation},
                             u"finish the restore"_s);
        !s)
        return s;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Reconcile::RestoreRow& row = rows.at(i);
        if (planned.at(i).op == OutboxMutation::Op::Delete) {
            if (row.visible) {
                if (Status s = m_rows.remove(*started, row.entity, row.uuid); !s)
                    return s;
            }
        } else if (row.restored) {
            if (Status s = m_rows.rebuildFromStore(*started, row.entity, row.uuid); !s)
                return s;
        } else {
            // Created again: later edits are based on nothing the server has yet.
            if (Status s =
                    m_db.exec(u"UPDATE %1 SET version = 0, server_id = NULL WHERE uuid = ?"_s.arg(
                                  entityTable(row.entity)),
                              {row.uuid}, u"finish the restore"_s);
                !s)
                return s;
            changes.touch(row.entity, row.uuid);
        }
    }
    if (Status s = m_db.exec(u"DELETE FROM restore_base"_s, {}, u"finish the restore"_s); !s)
        return s;
    qCInfo(lcStore) << "new sync epoch:" << planned.size()
                    << "rows queued again for the restored server";
    return m_copies.setSyncEpoch(epoch);
}

} // namespace bizy
