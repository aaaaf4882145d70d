#include "StoreChangeLog.h"
#include "store/LocalStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

using Entity = OutboxMutation::Entity;

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A task as GET /api/sync/pull sends it (server/sync/SyncRows.cpp): every
// contract field, relations as ids and as uuids.
QJsonObject serverTask(const QString& uuid, qint64 version, const QJsonObject& overrides = {}) {
    QJsonObject json{
        {u"id"_s, 1000 + version},
        {u"user_id"_s, 7},
        {u"uuid"_s, uuid},
        {u"version"_s, version},
        {u"title"_s, u"Server task %1"_s.arg(version)},
        {u"description"_s, u"from the server"_s},
        {u"priority"_s, 2},
        {u"status"_s, u"in_progress"_s},
        {u"category"_s, u"work"_s},
        {u"estimated_hours"_s, 2.5},
        {u"actual_hours"_s, 1.25},
        {u"due_date"_s, u"2026-12-01T09:30:00"_s},
        {u"parent_goal_id"_s, QJsonValue::Null},
        {u"parent_goal_uuid"_s, QJsonValue::Null},
        {u"dependencies"_s, QJsonArray{55}},
        {u"dependency_uuids"_s, QJsonArray{u"6a1f2c3d-0000-4000-8000-000000000055"_s}},
        {u"notes"_s, u"server notes"_s},
        {u"tags"_s, QJsonArray{u"alpha"_s, u"beta"_s}},
        {u"created_at"_s, u"2026-11-01T08:00:00.123"_s},
        {u"updated_at"_s, u"2026-11-02T10:15:30.456"_s},
        {u"completed_at"_s, QJsonValue::Null},
    };
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject serverGoal(const QString& uuid, qint64 version, const QJsonObject& overrides = {}) {
    QJsonObject json{
        {u"id"_s, 5000 + version},
        {u"user_id"_s, 7},
        {u"uuid"_s, uuid},
        {u"version"_s, version},
        {u"parent_goal_id"_s, QJsonValue::Null},
        {u"parent_goal_uuid"_s, QJsonValue::Null},
        {u"title"_s, u"Server goal %1"_s.arg(version)},
        {u"description"_s, u"a goal"_s},
        {u"horizon"_s, u"quarterly"_s},
        {u"target_date"_s, u"2027-03-31T00:00:00"_s},
        {u"status"_s, u"active"_s},
        {u"progress_percentage"_s, 37.5},
        {u"success_criteria"_s, u"done when done"_s},
        {u"metrics"_s, QJsonObject{{u"target"_s, 10}, {u"unit"_s, u"km"_s}}},
        {u"created_at"_s, u"2026-10-01T08:00:00"_s},
        {u"updated_at"_s, u"2026-11-03T12:00:00.789"_s},
        {u"completed_at"_s, QJsonValue::Null},
    };
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject tombstone(const QString& uuid, qint64 version) {
    return {{u"uuid"_s, uuid}, {u"deleted"_s, true}, {u"version"_s, version}};
}

ServerRow row(Entity entity, const QJsonObject& json) {
    Result<ServerRow> parsed = ServerRow::fromJson(entity, json);
    if (!parsed)
        qFatal("bad fabricated row: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

PushOutcome outcome(const QJsonObject& json) {
    Result<PushOutcome> parsed = PushOutcome::fromJson(json);
    if (!parsed)
        qFatal("bad fabricated outcome: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

PushOutcome applied(qint64 mid, qint64 version, qint64 id) {
    return outcome(
        {{u"mid"_s, mid}, {u"status"_s, u"applied"_s}, {u"version"_s, version}, {u"id"_s, id}});
}

PushOutcome rejected(qint64 mid, const QString& code) {
    return outcome({{u"mid"_s, mid},
                    {u"status"_s, u"rejected"_s},
                    {u"version"_s, QJsonValue()},
                    {u"id"_s, QJsonValue()},
                    {u"code"_s, code},
                    {u"message"_s, QString(u"refused: "_s + code)}});
}

} // namespace

// LocalStore's side of delta sync: server copies, pulled pages, push results,
// reloads and the conflict journal, on real SQLite files.
class TestSyncApplier : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    QString m_path;
    int m_opened = 0;

    void reopen() {
        m_store.reset();
        m_store = LocalStore::open(m_path).value();
    }

    void pull(const QList<ServerRow>& rows, qint64 cursor, int expectedJournal = 0) {
        const Result<int> added = m_store->applyPull(rows, cursor);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
        QCOMPARE(*added, expectedJournal);
        QCOMPARE(m_store->pullCursor().value(), cursor);
    }

    // Seals everything and answers each mutation with `answer(mid)`.
    Result<int> push(const std::function<PushOutcome(const OutboxMutation&)>& answer) {
        const QList<OutboxMutation> batch = m_store->sealBatch(100).value();
        QList<PushOutcome> outcomes;
        for (const OutboxMutation& m : batch)
            outcomes << answer(m);
        return m_store->applyPushResults(batch, outcomes, batch.isEmpty() ? 0 : *batch.last().mid);
    }

    static void compareFieldByField(const QJsonObject& visible, const QJsonObject& server) {
        QCOMPARE(QStringList(visible.keys()), QStringList(server.keys()));
        for (auto it = server.constBegin(); it != server.constEnd(); ++it)
            QVERIFY2(
                visible.value(it.key()) == it.value(),
                qPrintable(u"%1: local %2, server %3"_s.arg(
                    it.key(),
                    QString::fromUtf8(QJsonDocument(QJsonArray{visible.value(it.key())})
                                          .toJson(QJsonDocument::Compact)),
                    QString::fromUtf8(
                        QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)))));
    }

private slots:
    void init() {
        m_path = m_dir.filePath(u"s%1.sqlite"_s.arg(++m_opened));
        m_store = LocalStore::open(m_path).value();
    }

    void cleanup() { m_store.reset(); }

    // --- parsing ---

    void serverRow_parsesRowsAndTombstones_refusesBadOnes() {
        const QString uuid = newUuid();
        const Result<ServerRow> task = ServerRow::fromJson(Entity::Task, serverTask(uuid, 4));
        QVERIFY(task.ok());
        QCOMPARE(task->uuid, uuid);
        QCOMPARE(task->version, 4);
        QVERIFY(!task->deleted);
        QCOMPARE(task->json, serverTask(uuid, 4));

        const Result<ServerRow> gone = ServerRow::fromJson(Entity::Goal, tombstone(uuid, 9));
        QVERIFY(gone.ok());
        QVERIFY(gone->deleted);
        QVERIFY(gone->entity == Entity::Goal);
        QCOMPARE(gone->version, 9);
        QVERIFY(gone->json.isEmpty());

        QJsonObject noUuid = serverTask(uuid, 4);
        noUuid.remove(u"uuid"_s);
        const Result<ServerRow> e1 = ServerRow::fromJson(Entity::Task, noUuid);
        QVERIFY(!e1.ok());
        QVERIFY(e1.error().message.contains(u"uuid"_s));
        const Result<ServerRow> e2 =
            ServerRow::fromJson(Entity::Task, serverTask(uuid, 4, {{u"version"_s, u"x"_s}}));
        QVERIFY(!e2.ok());
        QVERIFY(e2.error().message.contains(u"version"_s));
        const Result<ServerRow> e3 =
            ServerRow::fromJson(Entity::Goal, serverGoal(uuid, 4, {{u"horizon"_s, u"daily"_s}}));
        QVERIFY(!e3.ok());
        QVERIFY2(e3.error().message.contains(u"horizon"_s), qPrintable(e3.error().message));
    }

    void pushOutcome_parsesEachStatus_refusesBadOnes() {
        const Result<PushOutcome> merged =
            PushOutcome::fromJson({{u"mid"_s, 3},
                                   {u"status"_s, u"merged"_s},
                                   {u"version"_s, 12},
                                   {u"id"_s, 40},
                                   {u"overwritten"_s, QJsonObject{{u"title"_s, u"theirs"_s}}}});
        QVERIFY(merged.ok());
        QCOMPARE(merged->mid, 3);
        QVERIFY(merged->status == PushOutcome::Status::Merged);
        QCOMPARE(*merged->version, 12);
        QCOMPARE(*merged->id, 40);
        QCOMPARE(merged->overwritten.value(u"title"_s).toString(), u"theirs"_s);

        const PushOutcome no = rejected(4, u"cycle"_s);
        QVERIFY(no.status == PushOutcome::Status::Rejected);
        QVERIFY(!no.version && !no.id);
        QCOMPARE(no.code, u"cycle"_s);

        QVERIFY(!PushOutcome::fromJson({{u"status"_s, u"applied"_s}}).ok());
        QVERIFY(!PushOutcome::fromJson({{u"mid"_s, 1}, {u"status"_s, u"maybe"_s}}).ok());
        const Result<PushOutcome> noVersion =
            PushOutcome::fromJson({{u"mid"_s, 1}, {u"status"_s, u"applied"_s}, {u"id"_s, 3}});
        QVERIFY(!noVersion.ok());
        QVERIFY(noVersion.error().message.contains(u"version"_s));
        QVERIFY(!PushOutcome::fromJson({{u"mid"_s, 1}, {u"status"_s, u"rejected"_s}}).ok());
    }

    // --- pull ---

    void pull_rowsWithNothingPending_equalTheServerFieldByField() {
        // given a goal and a task under it, as the server sends them
        const QString goalUuid = newUuid();
        const QString taskUuid = newUuid();
        const QJsonObject goal = serverGoal(goalUuid, 10);
        const QJsonObject task = serverTask(taskUuid, 11,
                                            {{u"parent_goal_uuid"_s, goalUuid},
                                             {u"parent_goal_id"_s, 5010},
                                             {u"status"_s, u"completed"_s},
                                             {u"completed_at"_s, u"2026-11-02T10:00:00"_s}});
        StoreChangeLog tasksChanged(m_store.get());
        StoreChangeLog outboxChanged(m_store.get());

        // when the page is applied
        pull({row(Entity::Task, task), row(Entity::Goal, goal)}, 11);

        // then both visible rows equal the server's, field by field, and nothing is queued
        compareFieldByField(m_store->task(taskUuid)->toSyncJson(), task);
        compareFieldByField(m_store->goal(goalUuid)->toSyncJson(), goal);
        QCOMPARE(m_store->pendingCount().value(), 0);
        QCOMPARE(outboxChanged.pendingCounts().count(), 0);
        QCOMPARE(tasksChanged.tasks().count(), 1);
        QCOMPARE(tasksChanged.tasks().first(), QStringList{taskUuid});
        // and the tag index follows
        TaskFilter byTag;
        byTag.tag = u"beta"_s;
        byTag.includeCompleted = true;
        QCOMPARE(m_store->taskCount(byTag).value(), 1);

        // when a later page changes it again
        const QJsonObject changed = serverTask(taskUuid, 12,
                                               {{u"title"_s, u"Renamed"_s},
                                                {u"tags"_s, QJsonArray{}},
                                                {u"parent_goal_uuid"_s, QJsonValue::Null},
                                                {u"dependencies"_s, QJsonValue::Null},
                                                {u"dependency_uuids"_s, QJsonValue::Null}});
        pull({row(Entity::Task, changed)}, 12);
        compareFieldByField(m_store->task(taskUuid)->toSyncJson(), changed);
        QCOMPARE(m_store->taskCount(byTag).value(), 0);
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

    void pull_goalProgressIsTakenAsSent_notRecalculated() {
        const QString goalUuid = newUuid();
        const QJsonObject goal = serverGoal(goalUuid, 3, {{u"progress_percentage"_s, 80.0}});
        // a completed task under it would make it 100 if progress were recalculated
        const QJsonObject task = serverTask(newUuid(), 4,
                                            {{u"parent_goal_uuid"_s, goalUuid},
                                             {u"status"_s, u"completed"_s},
                                             {u"completed_at"_s, u"2026-11-02T10:00:00"_s}});
        pull({row(Entity::Goal, goal), row(Entity::Task, task)}, 4);
        QCOMPARE(m_store->goal(goalUuid)->progressPercentage, 80.0);
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

    void pull_unsentEditIsReplayedOverChangeOfAnotherField() {
        // given a pulled task with an unsent local edit of its notes
        const QString uuid = newUuid();
        pull({row(Entity::Task, serverTask(uuid, 5))}, 5);
        QVERIFY(m_store->updateTask(uuid, {{u"notes"_s, u"mine"_s}}).ok());
        QCOMPARE(m_store->task(uuid)->version, 5);

        // when another device's title change arrives
        pull({row(Entity::Task, serverTask(uuid, 8, {{u"title"_s, u"Theirs"_s}}))}, 8);

        // then the row has both, the server's version, and the edit is still queued
        const Task task = *m_store->task(uuid);
        QCOMPARE(task.title, u"Theirs"_s);
        QCOMPARE(*task.notes, u"mine"_s);
        QCOMPARE(task.version, 8);
        QCOMPARE(*task.id, 1008);
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().fields, QJsonObject({{u"notes"_s, u"mine"_s}}));

        // when the server later sends the same field with another value, ours still shows
        pull({row(Entity::Task, serverTask(uuid, 9, {{u"notes"_s, u"theirs"_s}}))}, 9);
        QCOMPARE(*m_store->task(uuid)->notes, u"mine"_s);
        QCOMPARE(m_store->task(uuid)->title, u"Server task 9"_s);
    }

    void pull_taskBeforeItsGoal_isLinkedWhenTheGoalArrives() {
        // given a task whose goal comes in a later page, and a sub-goal before
        // its parent in one page
        const QString goalUuid = newUuid();
        const QString subUuid = newUuid();
        const QString taskUuid = newUuid();
        const QJsonObject task = serverTask(
            taskUuid, 20, {{u"parent_goal_uuid"_s, goalUuid}, {u"parent_goal_id"_s, 5022}});
        pull({row(Entity::Task, task)}, 20);

        // then it is stored without the parent for now
        QVERIFY(m_store->task(taskUuid).ok());
        QVERIFY(!m_store->task(taskUuid)->parentGoalUuid.has_value());

        // when the goal and a sub-goal (listed first) arrive in the next page
        const QJsonObject sub = serverGoal(subUuid, 21, {{u"parent_goal_uuid"_s, goalUuid}});
        const QJsonObject goal = serverGoal(goalUuid, 22);
        StoreChangeLog tasksChanged(m_store.get());
        pull({row(Entity::Goal, sub), row(Entity::Goal, goal)}, 22);

        // then both are linked and equal the server's rows
        compareFieldByField(m_store->task(taskUuid)->toSyncJson(), task);
        compareFieldByField(m_store->goal(subUuid)->toSyncJson(), sub);
        QCOMPARE(m_store->childGoals(goalUuid).value().size(), 1);
        TaskFilter underGoal;
        underGoal.goalUuid = goalUuid;
        QCOMPARE(m_store->taskCount(underGoal).value(), 1);
        QCOMPARE(tasksChanged.tasks().count(), 1);
        QVERIFY(tasksChanged.tasks().first().contains(taskUuid));
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

    void pull_tombstoneOverUnsentEdits_journalsThemAndCleansTheOutbox() {
        // given a pulled task with one sealed and one unsealed edit
        const QString uuid = newUuid();
        pull({row(Entity::Task, serverTask(uuid, 5))}, 5);
        QVERIFY(m_store->updateTask(uuid, {{u"title"_s, u"sealed"_s}}).ok());
        const QList<OutboxMutation> sealed = m_store->sealBatch(10).value();
        QCOMPARE(sealed.size(), 1);
        QVERIFY(m_store->updateTask(uuid, {{u"notes"_s, u"unsent"_s}}).ok());
        QVERIFY(m_store->updateTask(uuid, {{u"priority"_s, 5}}).ok());
        const QJsonObject before = m_store->task(uuid)->toSyncJson();
        StoreChangeLog conflictsAdded(m_store.get());
        StoreChangeLog outboxChanged(m_store.get());

        // when another device's delete arrives
        pull({row(Entity::Task, tombstone(uuid, 9))}, 9, 1);

        // then the row is gone, the unsealed edits are journaled and left the outbox,
        // and the sealed one stays to be sent
        QVERIFY(!m_store->task(uuid).ok());
        const QList<ConflictEntry> journal = m_store->conflicts().value();
        QCOMPARE(journal.size(), 1);
        QVERIFY(journal.first().kind == ConflictEntry::Kind::DeletedElsewhere);
        QCOMPARE(journal.first().uuid, uuid);
        QCOMPARE(journal.first().fields,
                 QJsonObject({{u"notes"_s, u"unsent"_s}, {u"priority"_s, 5}}));
        QCOMPARE(journal.first().snapshot, before);
        QCOMPARE(m_store->pendingCount().value(), 1);
        QCOMPARE(*m_store->pendingMutations().value().first().mid, *sealed.first().mid);
        QCOMPARE(conflictsAdded.conflictsAdded().count(), 1);
        QCOMPARE(conflictsAdded.conflictsAdded().first(), 1);
        QCOMPARE(outboxChanged.pendingCounts().count(), 1);
        QCOMPARE(m_store->conflictCount().value(), 1);
    }

    void pull_tombstoneOfGoal_leavesItsChildrenWithoutParent() {
        const QString goalUuid = newUuid();
        const QString taskUuid = newUuid();
        pull({row(Entity::Goal, serverGoal(goalUuid, 1)),
              row(Entity::Task, serverTask(taskUuid, 2, {{u"parent_goal_uuid"_s, goalUuid}}))},
             2);
        StoreChangeLog tasksChanged(m_store.get());
        pull({row(Entity::Goal, tombstone(goalUuid, 3))}, 3);
        QVERIFY(!m_store->goal(goalUuid).ok());
        QVERIFY(!m_store->task(taskUuid)->parentGoalUuid.has_value());
        QCOMPARE(tasksChanged.tasks().count(), 1);
        QCOMPARE(m_store->conflictCount().value(), 0);
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

    void pull_upsertOfRowWithPendingDelete_keepsItAbsent() {
        const QString uuid = newUuid();
        pull({row(Entity::Task, serverTask(uuid, 5))}, 5);
        QVERIFY(m_store->deleteTask(uuid).ok());
        pull({row(Entity::Task, serverTask(uuid, 6, {{u"title"_s, u"edited elsewhere"_s}}))}, 6);
        QVERIFY(!m_store->task(uuid).ok());
        QCOMPARE(m_store->pendingCount().value(), 1);
        QVERIFY(m_store->pendingMutations().value().first().op == OutboxMutation::Op::Delete);
        // and the delete is answered: the copy goes, nothing comes back
        QVERIFY(push([](const OutboxMutation& m) { return applied(*m.mid, 7, 1006); }).ok());
        pull({row(Entity::Task, tombstone(uuid, 7))}, 7);
        QVERIFY(!m_store->task(uuid).ok());
        QCOMPARE(m_store->pendingCount().value(), 0);
        QCOMPARE(m_store->conflictCount().value(), 0);
    }

    // --- push results ---

    void push_appliedCreate_givesVersionAndId_andLaterEditsCarryThem() {
        // given a local task, pushed and applied
        const Task task = m_store->createTask({{u"title"_s, u"Mine"_s}}).value();
        StoreChangeLog tasksChanged(m_store.get());
        const Result<int> added =
            push([](const OutboxMutation& m) { return applied(*m.mid, 14, 321); });
        QVERIFY(added.ok());
        QCOMPARE(*added, 0);

        // then the row has the server's version and id and nothing is pending
        QCOMPARE(m_store->task(task.uuid)->version, 14);
        QCOMPARE(*m_store->task(task.uuid)->id, 321);
        QCOMPARE(m_store->task(task.uuid)->title, u"Mine"_s);
        QCOMPARE(m_store->pendingCount().value(), 0);
        QCOMPARE(tasksChanged.tasks().count(), 1);

        // when edited again, the edit's base version is 14
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"Again"_s}}).ok());
        QCOMPARE(m_store->pendingMutations().value().first().baseVersion, 14);

        // and a pull of another device's change keeps our pending title over
        // the full server row
        pull(
            {row(Entity::Task,
                 serverTask(task.uuid, 15,
                            {{u"id"_s, 321}, {u"notes"_s, u"theirs"_s}, {u"title"_s, u"Mine"_s}}))},
            15);
        QCOMPARE(m_store->task(task.uuid)->title, u"Again"_s);
        QCOMPARE(*m_store->task(task.uuid)->notes, u"theirs"_s);
        QCOMPARE(*m_store->task(task.uuid)->userId, 7);
    }

    void push_appliedWithoutId_isAcknowledged_andTheTombstoneFinishesIt() {
        // given a pulled task edited here while another device deleted it
        const QString uuid = newUuid();
        pull({row(Entity::Task, serverTask(uuid, 5))}, 5);
        QVERIFY(m_store->updateTask(uuid, {{u"notes"_s, u"late"_s}}).ok());

        // when the server answers applied with id null (the row is gone there)
        const Result<int> added = push([](const OutboxMutation& m) {
            return outcome({{u"mid"_s, *m.mid},
                            {u"status"_s, u"applied"_s},
                            {u"version"_s, 9},
                            {u"id"_s, QJsonValue()}});
        });

        // then it is acknowledged without a journal entry, and the pulled
        // tombstone removes the row
        QVERIFY(added.ok());
        QCOMPARE(*added, 0);
        QCOMPARE(m_store->pendingCount().value(), 0);
        pull({row(Entity::Task, tombstone(uuid, 10))}, 10);
        QVERIFY(!m_store->task(uuid).ok());
        QCOMPARE(m_store->conflictCount().value(), 0);
    }

    void push_merged_journalsWhatWasOverwritten() {
        const QString uuid = newUuid();
        pull({row(Entity::Task, serverTask(uuid, 5))}, 5);
        QVERIFY(m_store->updateTask(uuid, {{u"title"_s, u"Mine"_s}}).ok());
        StoreChangeLog conflictsAdded(m_store.get());
        const Result<int> added = push([](const OutboxMutation& m) {
            return outcome({{u"mid"_s, *m.mid},
                            {u"status"_s, u"merged"_s},
                            {u"version"_s, 9},
                            {u"id"_s, 1005},
                            {u"overwritten"_s, QJsonObject{{u"title"_s, u"Theirs"_s}}}});
        });
        QVERIFY(added.ok());
        QCOMPARE(*added, 1);
        QCOMPARE(conflictsAdded.conflictsAdded().count(), 1);
        const ConflictEntry entry = m_store->conflicts().value().first();
        QVERIFY(entry.kind == ConflictEntry::Kind::Overwritten);
        QCOMPARE(entry.fields, QJsonObject({{u"title"_s, u"Theirs"_s}}));
        QCOMPARE(entry.snapshot.value(u"title"_s).toString(), u"Mine"_s);
        QCOMPARE(m_store->task(uuid)->title, u"Mine"_s);
        QCOMPARE(m_store->task(uuid)->version, 9);
        QCOMPARE(m_store->pendingCount().value(), 0);

        // when restored, the lost title comes back as a normal queued edit
        QVERIFY(m_store->restoreConflict(entry.id).ok());
        QCOMPARE(m_store->task(uuid)->title, u"Theirs"_s);
        QCOMPARE(m_store->pendingCount().value(), 1);
        QCOMPARE(m_store->pendingMutations().value().first().fields,
                 QJsonObject({{u"title"_s, u"Theirs"_s}}));
        QCOMPARE(m_store->pendingMutations().value().first().baseVersion, 9);
        QCOMPARE(m_store->conflictCount().value(), 0);
    }

    void push_rejectedEdit_isJournaledAndTheRowRebuilt_data() {
        QTest::addColumn<QString>("code");
        QTest::newRow("validation") << u"validation"_s;
        QTest::newRow("cycle") << u"cycle"_s;
        QTest::newRow("forbidden") << u"forbidden"_s;
    }

    void push_rejectedEdit_isJournaledAndTheRowRebuilt() {
        QFETCH(QString, code);
        // given a pulled task with a sealed edit and a later unsealed one
        const QString uuid = newUuid();
        const QJsonObject server = serverTask(uuid, 5);
        pull({row(Entity::Task, server)}, 5);
        QVERIFY(m_store->updateTask(uuid, {{u"title"_s, u"Refused"_s}}).ok());
        const QList<OutboxMutation> batch = m_store->sealBatch(10).value();
        QVERIFY(m_store->updateTask(uuid, {{u"notes"_s, u"kept"_s}}).ok());

        // when the server rejects the sealed one
        const Result<int> added = m_store->applyPushResults(
            batch, {rejected(*batch.first().mid, code)}, *batch.first().mid);
        QVERIFY(added.ok());
        QCOMPARE(*added, 1);

        // then it is journaled, the row is the server copy plus the remaining edit
        const ConflictEntry entry = m_store->conflicts().value().first();
        QVERIFY(entry.kind == ConflictEntry::Kind::Rejected);
        QCOMPARE(entry.code, code);
        QCOMPARE(entry.message, u"refused: "_s + code);
        QCOMPARE(entry.fields, QJsonObject({{u"title"_s, u"Refused"_s}}));
        QCOMPARE(entry.snapshot.value(u"title"_s).toString(), u"Refused"_s);
        const Task task = *m_store->task(uuid);
        QCOMPARE(task.title, server.value(u"title"_s).toString());
        QCOMPARE(*task.notes, u"kept"_s);
        QCOMPARE(m_store->pendingCount().value(), 1);
        QCOMPARE(m_store->pendingMutations().value().first().fields,
                 QJsonObject({{u"notes"_s, u"kept"_s}}));
    }

    void push_rejectedEditOfRowKnownOnlyFromItsCreate_fallsBackToWhatWasAcknowledged() {
        // given a local task whose create was applied (the copy lacks user_id
        // and updated_at: no pull has brought the full row yet)
        const Task task =
            m_store->createTask({{u"title"_s, u"Created"_s}, {u"priority"_s, 4}}).value();
        QVERIFY(push([](const OutboxMutation& m) { return applied(*m.mid, 3, 90); }).ok());

        // when an edit of it is rejected
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"Refused"_s}}).ok());
        const Result<int> added =
            push([](const OutboxMutation& m) { return rejected(*m.mid, u"validation"_s); });
        QVERIFY(added.ok());
        QCOMPARE(*added, 1);

        // then the row is back to what the server acknowledged, still there
        const Task after = *m_store->task(task.uuid);
        QCOMPARE(after.title, u"Created"_s);
        QCOMPARE(after.priority, 4);
        QCOMPARE(after.version, 3);
        QCOMPARE(*after.id, 90);
        QVERIFY(!after.userId.has_value());
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

    void push_rejectedCreate_removesTheRowAndItsUnsealedEdits() {
        // given a local task whose create is sealed, then edited again
        const Task task = m_store->createTask({{u"title"_s, u"Doomed"_s}}).value();
        const QList<OutboxMutation> batch = m_store->sealBatch(10).value();
        QVERIFY(m_store->updateTask(task.uuid, {{u"notes"_s, u"later"_s}}).ok());

        // when the server rejects the create
        const Result<int> added = m_store->applyPushResults(
            batch, {rejected(*batch.first().mid, u"forbidden"_s)}, *batch.first().mid);
        QVERIFY(added.ok());
        QCOMPARE(*added, 1);

        // then the row and everything queued for it are gone, kept in one entry
        QVERIFY(!m_store->task(task.uuid).ok());
        QCOMPARE(m_store->pendingCount().value(), 0);
        const ConflictEntry entry = m_store->conflicts().value().first();
        QCOMPARE(entry.fields.value(u"title"_s).toString(), u"Doomed"_s);
        QCOMPARE(entry.fields.value(u"notes"_s).toString(), u"later"_s);
        QCOMPARE(entry.snapshot.value(u"uuid"_s).toString(), task.uuid);

        // when restored, it comes back under a new uuid as a queued create
        QVERIFY(m_store->restoreConflict(entry.id).ok());
        const QList<Task> tasks = m_store->tasks().value();
        QCOMPARE(tasks.size(), 1);
        QVERIFY(tasks.first().uuid != task.uuid);
        QCOMPARE(tasks.first().title, u"Doomed"_s);
        QCOMPARE(*tasks.first().notes, u"later"_s);
        QCOMPARE(m_store->pendingCount().value(), 1);
        QCOMPARE(m_store->pendingMutations().value().first().baseVersion, 0);
        QCOMPARE(m_store->pendingMutations().value().first().uuid, tasks.first().uuid);
        QCOMPARE(m_store->conflictCount().value(), 0);
    }

    void push_rejectedAsDeleted_removesCopyAndRow() {
        const QString uuid = newUuid();
        pull({row(Entity::Task, serverTask(uuid, 5))}, 5);
        QVERIFY(m_store->updateTask(uuid, {{u"title"_s, u"Too late"_s}}).ok());
        const Result<int> added =
            push([](const OutboxMutation& m) { return rejected(*m.mid, u"deleted"_s); });
        QVERIFY(added.ok());
        QCOMPARE(*added, 1);
        QVERIFY(!m_store->task(uuid).ok());
        QCOMPARE(m_store->pendingCount().value(), 0);
        QCOMPARE(m_store->conflicts().value().first().code, u"deleted"_s);
        // a later pull of an unrelated page does not bring it back
        pull({}, 6);
        QVERIFY(!m_store->task(uuid).ok());

        // restoring it creates it anew from the snapshot with the lost title
        QVERIFY(m_store->restoreConflict(m_store->conflicts().value().first().id).ok());
        const QList<Task> tasks = m_store->tasks().value();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().title, u"Too late"_s);
        QCOMPARE(*tasks.first().notes, u"server notes"_s);
        QVERIFY(tasks.first().uuid != uuid);
        QCOMPARE(m_store->pendingMutations().value().first().baseVersion, 0);
    }

    void push_resultsAndAcknowledgeAreOneTransaction() {
        // given two sealed creates
        const Task a = m_store->createTask({{u"title"_s, u"A"_s}}).value();
        const Task b = m_store->createTask({{u"title"_s, u"B"_s}}).value();
        const QList<OutboxMutation> batch = m_store->sealBatch(10).value();
        QCOMPARE(batch.size(), 2);

        // when the first result is fine but the second is unusable (no result at all)
        const Result<int> failed =
            m_store->applyPushResults(batch, {applied(*batch.at(0).mid, 3, 30)}, *batch.last().mid);

        // then nothing was recorded: no version, no acknowledge
        QVERIFY(!failed.ok());
        QCOMPARE(m_store->task(a.uuid)->version, 0);
        QCOMPARE(m_store->pendingCount().value(), 2);

        // and the complete answer records both
        QVERIFY(m_store
                    ->applyPushResults(
                        batch, {applied(*batch.at(0).mid, 3, 30), applied(*batch.at(1).mid, 4, 31)},
                        *batch.last().mid)
                    .ok());
        QCOMPARE(m_store->task(a.uuid)->version, 3);
        QCOMPARE(*m_store->task(b.uuid)->id, 31);
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

    void push_acknowledgesOnlyUpToLastMid() {
        m_store->createTask({{u"title"_s, u"A"_s}}).value();
        m_store->createTask({{u"title"_s, u"B"_s}}).value();
        const QList<OutboxMutation> batch = m_store->sealBatch(10).value();
        QVERIFY(m_store
                    ->applyPushResults(
                        batch, {applied(*batch.at(0).mid, 3, 30), applied(*batch.at(1).mid, 4, 31)},
                        *batch.first().mid)
                    .ok());
        QCOMPARE(m_store->pendingCount().value(), 1);
        QCOMPARE(*m_store->pendingMutations().value().first().mid, *batch.last().mid);
    }

    // --- reload ---

    void reload_removesUnseenRows_keepsRowsWithUnsentChanges() {
        // given three pulled tasks, one edited locally, one local create, a goal
        const QString kept = newUuid();
        const QString gone = newUuid();
        const QString edited = newUuid();
        const QString goal = newUuid();
        pull({row(Entity::Goal, serverGoal(goal, 101)), row(Entity::Task, serverTask(kept, 102)),
              row(Entity::Task, serverTask(gone, 103)), row(Entity::Task, serverTask(edited, 104))},
             104);
        QVERIFY(m_store->updateTask(edited, {{u"notes"_s, u"unsent"_s}}).ok());
        const Task local = m_store->createTask({{u"title"_s, u"local"_s}}).value();

        // when the server answers reset and a reload brings back only `kept`
        QVERIFY(m_store->beginReload().ok());
        QVERIFY(m_store->reloadInProgress().value());
        QCOMPARE(m_store->pullCursor().value(), 0);
        reopen(); // survives a restart
        QVERIFY(m_store->reloadInProgress().value());
        // (a server restored from a backup: its versions went back)
        pull({row(Entity::Task, serverTask(kept, 7, {{u"title"_s, u"restored"_s}}))}, 7);
        StoreChangeLog tasksChanged(m_store.get());
        QVERIFY(m_store->finishReload().ok());

        // then the unseen rows without unsent changes are gone, the others stay
        QVERIFY(!m_store->reloadInProgress().value());
        QCOMPARE(m_store->task(kept)->title, u"restored"_s);
        QCOMPARE(m_store->task(kept)->version, 7);
        QVERIFY(!m_store->task(gone).ok());
        QVERIFY(!m_store->goal(goal).ok());
        QVERIFY(m_store->task(edited).ok());
        QCOMPARE(*m_store->task(edited)->notes, u"unsent"_s);
        QVERIFY(m_store->task(local.uuid).ok());
        QCOMPARE(m_store->pendingCount().value(), 2);
        QCOMPARE(tasksChanged.tasks().count(), 1);
        QVERIFY(tasksChanged.tasks().first().contains(gone));
        reopen();
        QVERIFY(!m_store->reloadInProgress().value());
        QCOMPARE(m_store->pullCursor().value(), 7);
    }

    // --- the rest ---

    void resequenceSealed_renumbersConsecutively_keepingOrder() {
        for (int i = 0; i < 4; ++i)
            m_store->createTask({{u"title"_s, u"t%1"_s.arg(i)}}).value();
        const QList<OutboxMutation> sealed = m_store->sealBatch(3).value();
        QCOMPARE(*sealed.first().mid, 1);
        QVERIFY(m_store->resequenceSealed(2).ok()); // overlaps the old numbers

        const QList<OutboxMutation> after = m_store->pendingMutations().value();
        QCOMPARE(after.size(), 4);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(after.at(i).seq, sealed.at(i).seq);
            QCOMPARE(*after.at(i).mid, 2 + i);
        }
        QVERIFY(!after.at(3).mid.has_value());
        // and the next sealed one follows on
        const QList<OutboxMutation> next = m_store->sealBatch(10).value();
        QCOMPARE(next.size(), 4);
        QCOMPARE(*next.last().mid, 5);
        QVERIFY(!m_store->resequenceSealed(0).ok());
    }

    void reopen_keepsCursorJournalAndSyncTime() {
        const QString uuid = newUuid();
        pull({row(Entity::Task, serverTask(uuid, 5))}, 5);
        QVERIFY(m_store->updateTask(uuid, {{u"title"_s, u"Mine"_s}}).ok());
        pull({row(Entity::Task, tombstone(uuid, 6))}, 6, 1);
        QVERIFY(!m_store->lastSyncedAt().value().has_value());
        const QDateTime when =
            QDateTime::fromString(u"2026-11-30T08:00:01.250Z"_s, Qt::ISODateWithMs);
        QVERIFY(m_store->setLastSyncedAt(when).ok());

        reopen();

        QCOMPARE(m_store->pullCursor().value(), 6);
        QCOMPARE(*m_store->lastSyncedAt().value(), when);
        QCOMPARE(m_store->conflictCount().value(), 1);
        const ConflictEntry entry = m_store->conflicts().value().first();
        QCOMPARE(entry.uuid, uuid);
        QCOMPARE(entry.fields, QJsonObject({{u"title"_s, u"Mine"_s}}));
        QVERIFY(entry.createdAt.isValid());
        QVERIFY(!m_store->reloadInProgress().value());
        QVERIFY(m_store->dismissConflict(entry.id).ok());
        QCOMPARE(m_store->conflictCount().value(), 0);
        QVERIFY(!m_store->dismissConflict(entry.id).ok());
    }

    void pull_initialLoad_50000Tasks2000Goals_inPagesOf1000() {
        QList<QJsonObject> all;
        QStringList goals;
        qint64 version = 0;
        for (int i = 0; i < 2000; ++i) {
            goals << newUuid();
            all << serverGoal(goals.last(), ++version);
        }
        for (int i = 0; i < 50000; ++i)
            all << serverTask(newUuid(), ++version,
                              {{u"parent_goal_uuid"_s, goals.at(i % goals.size())},
                               {u"title"_s, u"task %1"_s.arg(i)}});
        QList<QList<ServerRow>> pages;
        for (qsizetype start = 0; start < all.size(); start += 1000) {
            QList<ServerRow> page;
            for (qsizetype i = start; i < std::min(all.size(), start + 1000); ++i)
                page << row(i < 2000 ? Entity::Goal : Entity::Task, all.at(i));
            pages << page;
        }
        // CPU time too: the machine running the suite is often busy.
        auto cpuMs = [] {
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);
            return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
                   (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
        };
        const auto cpuBefore = cpuMs();
        QElapsedTimer timer;
        timer.start();
        qint64 cursor = 0;
        for (const QList<ServerRow>& page : std::as_const(pages)) {
            cursor = page.last().version;
            QVERIFY(m_store->applyPull(page, cursor).ok());
        }
        qDebug() << "applied 52,000 pulled rows in 52 pages in" << timer.elapsed() << "ms ("
                 << cpuMs() - cpuBefore << "ms of CPU)";
        QCOMPARE(m_store->taskCount(TaskFilter{}).value(), 50000);
        QCOMPARE(m_store->goals().value().size(), 2000);
        QCOMPARE(m_store->pendingCount().value(), 0);
        TaskFilter underGoal;
        underGoal.goalUuid = goals.first();
        QCOMPARE(m_store->taskCount(underGoal).value(), 25);
    }
};

QTEST_GUILESS_MAIN(TestSyncApplier)
#include "tst_syncapplier.moc"
