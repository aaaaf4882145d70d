#include "sync/Reconcile.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

const QString kUuid = u"0f8b1c5e-3a42-4c1e-9d2b-7e6f5a4b3c2d"_s;
const QString kGoalUuid = u"1a2b3c4d-0000-4000-8000-000000000001"_s;

OutboxMutation edit(QJsonObject fields, std::optional<qint64> mid = std::nullopt,
                    EntityKind kind = EntityKind::Task) {
    OutboxMutation m;
    m.entity = kind;
    m.uuid = kUuid;
    m.mid = mid;
    m.fields = std::move(fields);
    return m;
}

OutboxMutation removal(std::optional<qint64> mid = std::nullopt) {
    OutboxMutation m = edit({}, mid);
    m.op = OutboxMutation::Op::Delete;
    return m;
}

ServerRow pulled(qint64 version, bool deleted = false) {
    ServerRow row;
    row.uuid = kUuid;
    row.version = version;
    row.deleted = deleted;
    return row;
}

PushOutcome outcome(PushOutcome::Status status, std::optional<qint64> version,
                    std::optional<qint64> id = 42) {
    PushOutcome result;
    result.mid = 7;
    result.status = status;
    result.version = version;
    result.id = status == PushOutcome::Status::Rejected ? std::nullopt : id;
    return result;
}

PushOutcome rejection(const QString& code) {
    PushOutcome result = outcome(PushOutcome::Status::Rejected, std::nullopt);
    result.code = code;
    result.message = u"refused: "_s + code;
    return result;
}

QJsonObject serverTask(qint64 version, const QJsonObject& overrides = {}) {
    QJsonObject json{
        {u"uuid"_s, kUuid},
        {u"id"_s, 42},
        {u"user_id"_s, 7},
        {u"version"_s, version},
        {u"title"_s, u"From the server"_s},
        {u"priority"_s, 2},
        {u"status"_s, u"pending"_s},
        {u"tags"_s, QJsonArray{u"a"_s}},
        {u"created_at"_s, u"2026-11-01T08:00:00"_s},
        {u"updated_at"_s, u"2026-11-02T10:00:00"_s},
        {u"completed_at"_s, QJsonValue::Null},
    };
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace

Q_DECLARE_METATYPE(bizy::Reconcile::PulledRow)

// The sync rules as pure decisions: no SQLite, no server.
class TestReconcile : public QObject {
    Q_OBJECT

private slots:
    void pulledRow_decision_data() {
        QTest::addColumn<qint64>("rowVersion");
        QTest::addColumn<bool>("deleted");
        QTest::addColumn<qint64>("copyVersion"); // 0: no copy
        QTest::addColumn<bool>("reloading");
        QTest::addColumn<bool>("hasPending");
        QTest::addColumn<bool>("parentKnown");
        QTest::addColumn<Reconcile::PulledRow>("expected");
        using P = Reconcile::PulledRow;
        QTest::newRow("new row, nothing pending")
            << 5LL << false << 0LL << false << false << true << P::Direct;
        QTest::newRow("newer than the copy")
            << 9LL << false << 5LL << false << false << true << P::Direct;
        QTest::newRow("same version as the copy")
            << 5LL << false << 5LL << false << false << true << P::Direct;
        QTest::newRow("older than a push result gave")
            << 4LL << false << 5LL << false << false << true << P::Skip;
        QTest::newRow("older, but a reload counts only what it sends")
            << 4LL << false << 5LL << true << false << true << P::Direct;
        QTest::newRow("older tombstone is skipped too")
            << 4LL << true << 5LL << false << false << true << P::Skip;
        QTest::newRow("tombstone") << 9LL << true << 5LL << false << true << true << P::Tombstone;
        QTest::newRow("unsent changes are replayed")
            << 9LL << false << 5LL << false << true << true << P::Rebuild;
        QTest::newRow("parent goal not here yet")
            << 9LL << false << 0LL << false << false << false << P::Rebuild;
    }

    void pulledRow_decision() {
        QFETCH(qint64, rowVersion);
        QFETCH(bool, deleted);
        QFETCH(qint64, copyVersion);
        QFETCH(bool, reloading);
        QFETCH(bool, hasPending);
        QFETCH(bool, parentKnown);
        QFETCH(Reconcile::PulledRow, expected);
        const std::optional<qint64> copy =
            copyVersion > 0 ? std::optional(copyVersion) : std::nullopt;
        QCOMPARE(Reconcile::decidePulledRow(pulled(rowVersion, deleted), copy, reloading,
                                            hasPending, parentKnown),
                 expected);
    }

    void rebuildBase_followsPendingDeleteCopyAndVisibleRow() {
        using B = Reconcile::RebuildBase;
        const ServerCopy complete{5, serverTask(5), true};
        const ServerCopy fromOurCreate{5, {{u"title"_s, u"mine"_s}}, false};
        // an unsent delete keeps the row absent
        QCOMPARE(Reconcile::rebuildBase({edit({}), removal()}, complete, true), B::RemoveRow);
        QCOMPARE(Reconcile::rebuildBase({removal()}, complete, false), B::Keep);
        // an unconfirmed create stays as the user made it
        QCOMPARE(Reconcile::rebuildBase({edit({})}, std::nullopt, true), B::Keep);
        QCOMPARE(Reconcile::rebuildBase({}, complete, true), B::Copy);
        QCOMPARE(Reconcile::rebuildBase({}, fromOurCreate, true), B::CopyOverVisible);
        QCOMPARE(Reconcile::rebuildBase({}, fromOurCreate, false), B::Keep);
    }

    void replay_putsUnsentEditsOverTheCopy_inQueueOrder() {
        // given the server's copy and two unsent edits of the title and one of the priority
        const QList<OutboxMutation> pending{edit({{u"title"_s, u"first"_s}}, 3),
                                            edit({{u"title"_s, u"second"_s}, {u"priority"_s, 5}})};
        // when the row is replayed
        const Result<Task> task =
            Reconcile::replayTask(kUuid, serverTask(8), pending, std::nullopt, 8);
        // then the later edit wins, the server's other fields stay, and the version is the copy's
        QVERIFY(task.ok());
        QCOMPARE(task->title, u"second"_s);
        QCOMPARE(task->priority, 5);
        QCOMPARE(task->id, std::optional<qint64>(42));
        QCOMPARE(task->tags, std::optional<QStringList>(QStringList{u"a"_s}));
        QCOMPARE(task->version, 8);
    }

    void replay_stampsEditsNoEarlierThanTheVisibleRow() {
        const QDateTime visible(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
        const Result<Task> task = Reconcile::replayTask(
            kUuid, serverTask(8), {edit({{u"title"_s, u"mine"_s}})}, visible, 8);
        QVERIFY(task.ok());
        QCOMPARE(task->updatedAt, visible);
        // without edits the server's updated_at is kept as sent
        const Result<Task> untouched = Reconcile::replayTask(kUuid, serverTask(8), {}, visible, 8);
        QCOMPARE(untouched->updatedAt, QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC));
    }

    void replay_takesCompletedAtAndProgressAsTheServerStatesThem() {
        // a completed task whose completed_at the server set earlier than updated_at
        const Result<Task> task =
            Reconcile::replayTask(kUuid,
                                  serverTask(3, {{u"status"_s, u"completed"_s},
                                                 {u"completed_at"_s, u"2026-11-01T09:00:00"_s}}),
                                  {}, std::nullopt, 3);
        QCOMPARE(task->completedAt, QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC));
        // a goal's progress is the server's, not derived from its status
        const QJsonObject goal{{u"uuid"_s, kGoalUuid},
                               {u"title"_s, u"Goal"_s},
                               {u"horizon"_s, u"monthly"_s},
                               {u"status"_s, u"completed"_s},
                               {u"progress_percentage"_s, 62.5},
                               {u"created_at"_s, u"2026-10-01T00:00:00"_s},
                               {u"updated_at"_s, u"2026-10-02T00:00:00"_s}};
        const Result<Goal> replayed = Reconcile::replayGoal(kGoalUuid, goal, {}, std::nullopt, 4);
        QVERIFY(replayed.ok());
        QCOMPARE(replayed->progressPercentage, 62.5);
        QCOMPARE(replayed->version, 4);
    }

    void replay_refusesACopyThatIsNotOfThisRow() {
        const Result<Task> wrongRow =
            Reconcile::replayTask(kGoalUuid, serverTask(2), {}, std::nullopt, 2);
        QVERIFY(!wrongRow);
        QCOMPARE(wrongRow.error().code, Error::Code::Storage);
        QJsonObject noCreatedAt = serverTask(2);
        noCreatedAt.remove(u"created_at"_s);
        QVERIFY(!Reconcile::replayTask(kUuid, noCreatedAt, {}, std::nullopt, 2));
    }

    void tombstone_journalsOnlyUnsentEdits() {
        // nothing queued: the row simply goes
        Reconcile::TombstoneOutcome quiet = Reconcile::tombstone({});
        QVERIFY(!quiet.journal);
        QVERIFY(!quiet.dropUnsealed);
        // sealed edits stay for the server to answer; nothing is journaled
        Reconcile::TombstoneOutcome sealed =
            Reconcile::tombstone({edit({{u"title"_s, u"x"_s}}, 4)});
        QVERIFY(!sealed.journal);
        QVERIFY(!sealed.dropUnsealed);
        // unsent edits leave the outbox and their merged fields are journaled
        Reconcile::TombstoneOutcome lost = Reconcile::tombstone(
            {edit({{u"title"_s, u"sealed"_s}}, 4),
             edit({{u"title"_s, u"a"_s}, {u"notes"_s, u"n"_s}}), edit({{u"title"_s, u"b"_s}})});
        QVERIFY(lost.journal);
        QVERIFY(lost.dropUnsealed);
        QCOMPARE(lost.lostFields, (QJsonObject{{u"title"_s, u"b"_s}, {u"notes"_s, u"n"_s}}));
        // an unsent delete leaves the outbox but loses nothing
        Reconcile::TombstoneOutcome deleted = Reconcile::tombstone({removal()});
        QVERIFY(deleted.dropUnsealed);
        QVERIFY(!deleted.journal);
    }

    void push_appliedEdit_acknowledgesTheCopy() {
        const ServerCopy copy{5, serverTask(5), true};
        const Result<Reconcile::PushDecision> decision = Reconcile::decidePushOutcome(
            edit({{u"title"_s, u"new"_s}}, 7), outcome(PushOutcome::Status::Applied, 6), copy);
        QVERIFY(decision.ok());
        QCOMPARE(decision->copy, Reconcile::PushDecision::CopyAction::Acknowledge);
        QVERIFY(!decision->rebuild);
        QVERIFY(!decision->journal);
        QVERIFY(!decision->dropRow);

        const ServerCopy next =
            Reconcile::acknowledgedCopy(copy, edit({{u"title"_s, u"new"_s}}, 7), 6, 42);
        QCOMPARE(next.version, 6);
        QVERIFY(next.complete);
        QCOMPARE(next.json.value(u"title"_s).toString(), u"new"_s);
        QCOMPARE(next.json.value(u"version"_s).toInteger(), 6);
        QCOMPARE(next.json.value(u"priority"_s).toInt(), 2); // the rest of the copy stays
    }

    void push_appliedCreate_makesAnIncompleteCopy() {
        const ServerCopy next = Reconcile::acknowledgedCopy(
            std::nullopt, edit({{u"title"_s, u"made here"_s}}, 1), 3, 99);
        QVERIFY(!next.complete);
        QCOMPARE(next.json, (QJsonObject{{u"title"_s, u"made here"_s},
                                         {u"uuid"_s, kUuid},
                                         {u"version"_s, 3},
                                         {u"id"_s, 99}}));
    }

    void push_noOpAtTheCopysVersion_rebuildsFromTheServersRow() {
        // the server already held every value: it answered with the version we have
        const ServerCopy copy{6, serverTask(6), true};
        const Result<Reconcile::PushDecision> decision =
            Reconcile::decidePushOutcome(edit({{u"title"_s, u"From the server"_s}}, 7),
                                         outcome(PushOutcome::Status::Applied, 6), copy);
        QVERIFY(decision->rebuild);
        QCOMPARE(decision->copy, Reconcile::PushDecision::CopyAction::Acknowledge);
    }

    void push_olderThanAPulledCopy_keepsTheCopy() {
        const ServerCopy pulledLater{9, serverTask(9), true};
        const Result<Reconcile::PushDecision> decision = Reconcile::decidePushOutcome(
            edit({{u"title"_s, u"x"_s}}, 7), outcome(PushOutcome::Status::Applied, 6), pulledLater);
        QCOMPARE(decision->copy, Reconcile::PushDecision::CopyAction::Keep);
        QVERIFY(!decision->rebuild);
    }

    void push_appliedDeleteOrGoneRow() {
        const ServerCopy copy{5, serverTask(5), true};
        QCOMPARE(
            Reconcile::decidePushOutcome(removal(7), outcome(PushOutcome::Status::Applied, 6), copy)
                ->copy,
            Reconcile::PushDecision::CopyAction::Remove);
        // an edit replayed after another device deleted the row: no id, nothing to do here
        const Result<Reconcile::PushDecision> gone = Reconcile::decidePushOutcome(
            edit({{u"title"_s, u"x"_s}}, 7), outcome(PushOutcome::Status::Applied, 6, std::nullopt),
            copy);
        QCOMPARE(gone->copy, Reconcile::PushDecision::CopyAction::Keep);
        QVERIFY(!gone->journal);
    }

    void push_mergedWithOverwrittenValues_isJournaled() {
        PushOutcome merged = outcome(PushOutcome::Status::Merged, 6);
        merged.overwritten = {{u"title"_s, u"theirs"_s}};
        const Result<Reconcile::PushDecision> decision = Reconcile::decidePushOutcome(
            edit({{u"title"_s, u"mine"_s}}, 7), merged, ServerCopy{5, serverTask(5), true});
        QCOMPARE(decision->journal, std::optional(ConflictEntry::Kind::Overwritten));
        QCOMPARE(decision->message, u"Your change replaced one made on another device."_s);
        // merged without overwriting anything is no conflict
        PushOutcome clean = outcome(PushOutcome::Status::Merged, 6);
        QVERIFY(!Reconcile::decidePushOutcome(edit({}, 7), clean, std::nullopt)->journal);
    }

    void push_rejections() {
        const ServerCopy copy{5, serverTask(5), true};
        // refused edit of a row the server has: journaled, the row rebuilt from the copy
        const Result<Reconcile::PushDecision> refused = Reconcile::decidePushOutcome(
            edit({{u"title"_s, u""_s}}, 7), rejection(u"validation"_s), copy);
        QCOMPARE(refused->journal, std::optional(ConflictEntry::Kind::Rejected));
        QCOMPARE(refused->message, u"refused: validation"_s);
        QVERIFY(refused->rebuild);
        QVERIFY(!refused->dropRow);
        // refused create: nothing on the server to fall back to
        const Result<Reconcile::PushDecision> create = Reconcile::decidePushOutcome(
            edit({{u"title"_s, u"x"_s}}, 7), rejection(u"cycle"_s), std::nullopt);
        QVERIFY(create->dropRow);
        QVERIFY(!create->rebuild);
        // an edit of a row deleted elsewhere goes, journaled
        const Result<Reconcile::PushDecision> deleted = Reconcile::decidePushOutcome(
            edit({{u"title"_s, u"x"_s}}, 7), rejection(u"deleted"_s), copy);
        QVERIFY(deleted->dropRow);
        QCOMPARE(deleted->journal, std::optional(ConflictEntry::Kind::Rejected));
        // a delete of a row already gone reached its aim: no journal
        const Result<Reconcile::PushDecision> both =
            Reconcile::decidePushOutcome(removal(7), rejection(u"deleted"_s), copy);
        QCOMPARE(both->copy, Reconcile::PushDecision::CopyAction::Remove);
        QVERIFY(!both->journal);
    }

    void push_successWithoutVersion_isAnError() {
        const Result<Reconcile::PushDecision> decision = Reconcile::decidePushOutcome(
            edit({}, 7), outcome(PushOutcome::Status::Applied, std::nullopt), std::nullopt);
        QVERIFY(!decision);
        QCOMPARE(decision.error().code, Error::Code::Server);
    }

    // --- a new epoch ---

    void restore_rowTheServerLacks_isCreatedAgainWithTheQueuedEditsOnTop() {
        // given a task acknowledged after the backup, edited since, that the
        // restored server does not have
        Reconcile::RestoreRow row;
        row.uuid = kUuid;
        row.known = serverTask(57, {{u"notes"_s, u"acknowledged"_s}});
        row.visible = true;
        row.pending = {edit({{u"title"_s, u"Edited later"_s}}, std::nullopt)};
        // when the restore is planned
        const std::optional<OutboxMutation> m = Reconcile::restoreMutation(row);
        // then it is a create (base 0) with every pushable field known, the
        // queued edit winning, and nothing only the server sets
        QVERIFY(m);
        QCOMPARE(m->op, OutboxMutation::Op::Upsert);
        QCOMPARE(m->baseVersion, 0);
        QCOMPARE(m->fields.value(u"title"_s).toString(), u"Edited later"_s);
        QCOMPARE(m->fields.value(u"notes"_s).toString(), u"acknowledged"_s);
        QCOMPARE(m->fields.value(u"tags"_s).toArray(), QJsonArray{u"a"_s});
        QCOMPARE(m->fields.value(u"created_at"_s).toString(), u"2026-11-01T08:00:00"_s);
        QVERIFY(m->fields.contains(u"completed_at"_s));
        for (const QString& serverOnly :
             {u"id"_s, u"user_id"_s, u"version"_s, u"updated_at"_s, u"uuid"_s})
            QVERIFY2(!m->fields.contains(serverOnly), qPrintable(serverOnly));
        QVERIFY(!m->mid);
    }

    void restore_rowTheServerHas_sendsOnlyWhatDiffers_atTheRestoredVersion() {
        // given a row the backup holds in an older state
        Reconcile::RestoreRow row;
        row.uuid = kUuid;
        row.known =
            serverTask(57, {{u"title"_s, u"Renamed after the backup"_s}, {u"priority"_s, 1}});
        row.restored = ServerCopy{12, serverTask(12), true};
        row.visible = true;
        // when the restore is planned
        std::optional<OutboxMutation> m = Reconcile::restoreMutation(row);
        // then the two changed fields go again, on the restored version
        QVERIFY(m);
        QCOMPARE(m->baseVersion, 12);
        QCOMPARE(m->fields,
                 (QJsonObject{{u"title"_s, u"Renamed after the backup"_s}, {u"priority"_s, 1}}));
        // and with a queued edit of one of them, the queued value goes
        row.pending = {edit({{u"priority"_s, 4}}, std::nullopt)};
        m = Reconcile::restoreMutation(row);
        QCOMPARE(m->fields.value(u"priority"_s).toInt(), 4);
        QCOMPARE(m->fields.size(), 2);
        // and a row the backup holds as this device knew it sends nothing
        row.known = serverTask(12);
        row.pending.clear();
        QVERIFY(!Reconcile::restoreMutation(row));
        // nor does a row this device never knew (another device's, after the restore)
        row.known.reset();
        QVERIFY(!Reconcile::restoreMutation(row));
    }

    void restore_deletesWinAndTombstonesStay() {
        Reconcile::RestoreRow row;
        row.uuid = kUuid;
        row.known = serverTask(57);
        row.restored = ServerCopy{12, serverTask(12), true};
        row.visible = true;
        // a queued delete stays one delete, whatever was queued before it
        row.pending = {edit({{u"title"_s, u"x"_s}}), removal()};
        std::optional<OutboxMutation> m = Reconcile::restoreMutation(row);
        QCOMPARE(m->op, OutboxMutation::Op::Delete);
        QCOMPARE(m->baseVersion, 12);
        QVERIFY(m->fields.isEmpty());
        // a delete this device saw after the backup is sent again
        row.pending.clear();
        row.known.reset();
        row.knownDeleted = true;
        m = Reconcile::restoreMutation(row);
        QCOMPARE(m->op, OutboxMutation::Op::Delete);
        // but not when the restored server lacks the row too
        row.restored.reset();
        row.visible = false;
        QVERIFY(!Reconcile::restoreMutation(row));
        // and a row the reload removed (its tombstone came) is not created again
        row.knownDeleted = false;
        row.known = serverTask(57);
        QVERIFY(!Reconcile::restoreMutation(row));
    }

    void restoreOrder_parentsAndDependenciesFirst_deletesLast() {
        auto upsert = [](EntityKind kind, const QString& uuid, QJsonObject fields) {
            OutboxMutation m;
            m.entity = kind;
            m.uuid = uuid;
            m.fields = std::move(fields);
            return m;
        };
        OutboxMutation goneGoal = upsert(EntityKind::Goal, u"g-gone"_s, {});
        goneGoal.op = OutboxMutation::Op::Delete;
        OutboxMutation goneTask = upsert(EntityKind::Task, u"t-gone"_s, {});
        goneTask.op = OutboxMutation::Op::Delete;
        const QList<OutboxMutation> planned{
            goneGoal,
            upsert(EntityKind::Task, u"t-late"_s,
                   {{u"parent_goal_uuid"_s, u"g-child"_s},
                    {u"dependency_uuids"_s, QJsonArray{u"t-early"_s}}}),
            goneTask,
            upsert(EntityKind::Goal, u"g-child"_s, {{u"parent_goal_uuid"_s, u"g-root"_s}}),
            upsert(EntityKind::Task, u"t-early"_s, {}),
            upsert(EntityKind::Goal, u"g-root"_s, {}),
        };
        QStringList order;
        for (const OutboxMutation& m : Reconcile::restoreOrder(planned))
            order << m.uuid;
        QCOMPARE(order, (QStringList{u"g-root"_s, u"g-child"_s, u"t-early"_s, u"t-late"_s,
                                     u"t-gone"_s, u"g-gone"_s}));
        // a cycle still places every mutation once
        const QList<OutboxMutation> cycle{
            upsert(EntityKind::Task, u"a"_s, {{u"dependency_uuids"_s, QJsonArray{u"b"_s}}}),
            upsert(EntityKind::Task, u"b"_s, {{u"dependency_uuids"_s, QJsonArray{u"a"_s}}})};
        QCOMPARE(Reconcile::restoreOrder(cycle).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
