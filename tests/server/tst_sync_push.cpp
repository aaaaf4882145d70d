#include "tst_sync_helpers.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace synctest;

// POST /api/sync/push (docs/api.md section 6) against the real server and a real
// PostgreSQL: creates, edits and deletes that pull back, retries after a lost
// answer, gaps, the field-by-field merge between devices and REST, deletes
// against edits, and every rejection code.
class TestSyncPush : public QObject {
    Q_OBJECT

    ServerFixture m_fixture;
    User m_alice;
    User m_bob;

    HttpClient& http() { return m_fixture.http(); }
    PgCluster& db() { return m_fixture.database(); }

    qint64 count(const QString& sql, const QVariantList& values = {}) {
        return db().scalar(sql, values).toLongLong();
    }

    // One push that must answer 200; its results.
    QJsonArray pushOk(const User& user, const QString& device, const QJsonArray& mutations) {
        const HttpResponse response = push(http(), user, device, mutations);
        if (response.status != 200) {
            qWarning() << "push failed:" << response.describe();
            return {};
        }
        return response.object().value(u"results"_s).toArray();
    }

    // The caller's current row of that uuid, from a full pull.
    QJsonObject pulledRow(const User& user, const QString& entity, const QString& uuid) {
        Replica replica;
        replica.pullAll(http(), user);
        return (entity == u"task"_s ? replica.tasks : replica.goals).value(uuid);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        m_alice = makeUser(db(), u"alice"_s);
        m_bob = makeUser(db(), u"bob"_s);
        QVERIFY(m_alice.id > 0 && m_bob.id > 0);
    }

    void push_createUpdateDelete_pullBack() {
        // given a new device
        const QString device = newUuid();
        const QString uuid = newUuid();
        // when it creates a task
        QJsonArray results = pushOk(m_alice, device,
                                    {mutation(1, u"task"_s, uuid, u"upsert"_s, 0,
                                              {{u"title"_s, u"Write report"_s},
                                               {u"priority"_s, 2},
                                               {u"tags"_s, QJsonArray{u"work"_s}},
                                               {u"created_at"_s, u"2020-01-02T03:04:05"_s}})});
        // then it is applied with an id and a version, and a pull returns it
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0][u"status"_s].toString(), u"applied"_s);
        const qint64 created = results[0][u"version"_s].toInteger();
        QVERIFY(created > 0);
        QVERIFY(results[0][u"id"_s].toInteger() > 0);
        QJsonObject row = pulledRow(m_alice, u"task"_s, uuid);
        QCOMPARE(row.value(u"title"_s).toString(), u"Write report"_s);
        QCOMPARE(row.value(u"priority"_s).toInteger(), 2);
        QCOMPARE(row.value(u"tags"_s).toArray(), QJsonArray{u"work"_s});
        QCOMPARE(row.value(u"created_at"_s).toString(), u"2020-01-02T03:04:05"_s);
        QCOMPARE(row.value(u"version"_s).toInteger(), created);
        QCOMPARE(row.value(u"id"_s), results[0][u"id"_s]);
        QVERIFY(row.value(u"description"_s).isNull());
        QVERIFY(row.contains(u"parent_goal_uuid"_s) && row.contains(u"dependency_uuids"_s));

        // when it completes the task
        results = pushOk(
            m_alice, device,
            {mutation(2, u"task"_s, uuid, u"upsert"_s, created, {{u"status"_s, u"completed"_s}})});
        // then the new state pulls back with completed_at set by the server
        QCOMPARE(results[0][u"status"_s].toString(), u"applied"_s);
        QVERIFY(results[0][u"version"_s].toInteger() > created);
        row = pulledRow(m_alice, u"task"_s, uuid);
        QCOMPARE(row.value(u"status"_s).toString(), u"completed"_s);
        QVERIFY(!row.value(u"completed_at"_s).isNull());
        QCOMPARE(row.value(u"title"_s).toString(), u"Write report"_s);

        // when it deletes the task
        results = pushOk(m_alice, device, {mutation(3, u"task"_s, uuid, u"delete"_s, 0)});
        // then the row is gone and the pull carries a tombstone
        QCOMPARE(results[0][u"status"_s].toString(), u"applied"_s);
        const qint64 deletedAt = results[0][u"version"_s].toInteger();
        QCOMPARE(count(u"SELECT count(*) FROM tasks WHERE uuid = ?::uuid"_s, {uuid}), 0);
        const HttpResponse page = pull(http(), m_alice, created);
        bool sawTombstone = false;
        for (const QJsonValue& task : page.object().value(u"tasks"_s).toArray()) {
            if (task[u"uuid"_s].toString() == uuid) {
                QCOMPARE(task.toObject(),
                         (QJsonObject{
                             {u"uuid"_s, uuid}, {u"deleted"_s, true}, {u"version"_s, deletedAt}}));
                sawTombstone = true;
            }
        }
        QVERIFY(sawTombstone);
    }

    void push_answerShape_lastMidAndCursor() {
        // given a new device
        const QString device = newUuid();
        // when it pushes two creates
        const HttpResponse response =
            push(http(), m_alice, device,
                 {mutation(1, u"goal"_s, newUuid(), u"upsert"_s, 0,
                           {{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}}),
                  mutation(2, u"task"_s, newUuid(), u"upsert"_s, 0, {{u"title"_s, u"T"_s}})});
        // then the answer has one result per mutation, last_mid and the counter
        QCOMPARE(response.status, 200);
        const QJsonObject answer = response.object();
        QCOMPARE(answer.value(u"last_mid"_s).toInteger(), 2);
        QCOMPARE(answer.value(u"cursor"_s).toInteger(),
                 count(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id}));
        const QJsonArray results = answer.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0][u"mid"_s].toInteger(), 1);
        QCOMPARE(results[1][u"mid"_s].toInteger(), 2);
        QVERIFY(results[0][u"version"_s].toInteger() < results[1][u"version"_s].toInteger());
        QCOMPARE(answer.value(u"cursor"_s).toInteger(), results[1][u"version"_s].toInteger());
    }

    void push_resentBatchOrPrefix_changesNothing() {
        // given a batch that was applied but whose answer was lost
        const QString device = newUuid();
        const QString goal = newUuid();
        const QString task = newUuid();
        const QJsonArray batch{
            mutation(1, u"goal"_s, goal, u"upsert"_s, 0,
                     {{u"title"_s, u"Goal"_s}, {u"horizon"_s, u"monthly"_s}}),
            mutation(2, u"task"_s, task, u"upsert"_s, 0,
                     {{u"title"_s, u"Task"_s}, {u"parent_goal_uuid"_s, goal}}),
            mutation(3, u"task"_s, task, u"upsert"_s, 0, {{u"notes"_s, u"first note"_s}}),
            mutation(4, u"task"_s, newUuid(), u"upsert"_s, 0, {{u"title"_s, QString()}}),
        };
        const QJsonArray first = pushOk(m_alice, device, batch);
        QCOMPARE(first.size(), 4);
        QCOMPARE(first[3][u"status"_s].toString(), u"rejected"_s);
        const qint64 counter =
            count(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id});
        const QJsonObject taskBefore = pulledRow(m_alice, u"task"_s, task);

        // when the device sends the same batch again, then a prefix of it
        const HttpResponse again = push(http(), m_alice, device, batch);
        const HttpResponse prefix = push(http(), m_alice, device, {batch[0], batch[1]});

        // then both repeat the first answers, the rejection included
        QCOMPARE(again.status, 200);
        QCOMPARE(prefix.status, 200);
        QCOMPARE(again.object().value(u"results"_s).toArray(), first);
        QCOMPARE(prefix.object().value(u"results"_s).toArray(), (QJsonArray{first[0], first[1]}));
        QCOMPARE(again.object().value(u"last_mid"_s).toInteger(), 4);
        QCOMPARE(prefix.object().value(u"last_mid"_s).toInteger(), 4);
        // and nothing changed: no new rows, no new versions, the same task
        QCOMPARE(count(u"SELECT count(*) FROM tasks WHERE uuid = ?::uuid"_s, {task}), 1);
        QCOMPARE(count(u"SELECT count(*) FROM goals WHERE uuid = ?::uuid"_s, {goal}), 1);
        QCOMPARE(count(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id}),
                 counter);
        QCOMPARE(pulledRow(m_alice, u"task"_s, task), taskBefore);

        // when the device moves on to mid 5 (so it has the answers up to 4)
        pushOk(m_alice, device,
               {mutation(5, u"task"_s, task, u"upsert"_s, 0, {{u"notes"_s, u"second"_s}})});
        QCOMPARE(count(u"SELECT count(*) FROM sync_results WHERE device_id = ?::uuid "
                       u"AND mid < 5"_s,
                       {device}),
                 0);
        // then a stray resend of old mids answers applied with the rows' current state
        const QJsonArray stray =
            push(http(), m_alice, device, batch).object().value(u"results"_s).toArray();
        QCOMPARE(stray.size(), 4);
        for (const QJsonValue& result : stray)
            QCOMPARE(result[u"status"_s].toString(), u"applied"_s);
        QCOMPARE(stray[0][u"id"_s], first[0][u"id"_s]);
        QCOMPARE(stray[1][u"id"_s], first[2][u"id"_s]);
        QCOMPARE(stray[1][u"version"_s], pulledRow(m_alice, u"task"_s, task)[u"version"_s]);
        QVERIFY(stray[3][u"id"_s].isNull());
    }

    void push_resentMergedBatch_repeatsTheOverwrittenValue() {
        // given a task the phone overwrote, whose answer the phone never got
        const QString laptop = newUuid();
        const QString phone = newUuid();
        const QString uuid = newUuid();
        const qint64 base =
            pushOk(m_alice, laptop,
                   {mutation(1, u"task"_s, uuid, u"upsert"_s, 0,
                             {{u"title"_s, u"Plan"_s}, {u"notes"_s, u"A"_s}})})[0][u"version"_s]
                .toInteger();
        pushOk(m_alice, laptop,
               {mutation(2, u"task"_s, uuid, u"upsert"_s, base, {{u"notes"_s, u"laptop"_s}})});
        const QJsonArray lost =
            pushOk(m_alice, phone,
                   {mutation(1, u"task"_s, uuid, u"upsert"_s, base, {{u"notes"_s, u"phone"_s}})});
        QCOMPARE(lost[0][u"status"_s].toString(), u"merged"_s);

        // when the phone sends the batch again
        const QJsonArray retried =
            pushOk(m_alice, phone,
                   {mutation(1, u"task"_s, uuid, u"upsert"_s, base, {{u"notes"_s, u"phone"_s}})});

        // then it still learns which value its change replaced
        QCOMPARE(retried[0][u"status"_s].toString(), u"merged"_s);
        QCOMPARE(retried[0][u"overwritten"_s].toObject(), (QJsonObject{{u"notes"_s, u"laptop"_s}}));
    }

    void deletingATask_dropsItFromDependents_withNewVersions() {
        // given three tasks, the third depending on the first two
        const QString device = newUuid();
        const QString first = newUuid();
        const QString second = newUuid();
        const QString dependent = newUuid();
        const QJsonArray created =
            pushOk(m_alice, device,
                   {mutation(1, u"task"_s, first, u"upsert"_s, 0, {{u"title"_s, u"First"_s}}),
                    mutation(2, u"task"_s, second, u"upsert"_s, 0, {{u"title"_s, u"Second"_s}}),
                    mutation(3, u"task"_s, dependent, u"upsert"_s, 0,
                             {{u"title"_s, u"Dependent"_s},
                              {u"dependency_uuids"_s, QJsonArray{first, second}}})});
        const qint64 before = pulledRow(m_alice, u"task"_s, dependent)[u"version"_s].toInteger();

        // when the first is deleted through sync
        pushOk(m_alice, device, {mutation(4, u"task"_s, first, u"delete"_s, 0, {})});

        // then the dependent lists only the second, under a new version that
        // devices pull
        const QJsonObject afterSync = pulledRow(m_alice, u"task"_s, dependent);
        QCOMPARE(afterSync[u"dependency_uuids"_s].toArray(), (QJsonArray{second}));
        QCOMPARE(afterSync[u"dependencies"_s].toArray(), (QJsonArray{created[1][u"id"_s]}));
        QVERIFY(afterSync[u"version"_s].toInteger() > before);

        // when the second is deleted through REST
        QCOMPARE(http()
                     .del(u"/api/tasks/%1"_s.arg(created[1][u"id"_s].toInteger()), m_alice.token)
                     .status,
                 204);

        // then REST and sync both show no dependency left, again with a new version
        const QJsonObject afterRest = pulledRow(m_alice, u"task"_s, dependent);
        QCOMPARE(afterRest[u"dependency_uuids"_s].toArray(), QJsonArray());
        QVERIFY(afterRest[u"version"_s].toInteger() > afterSync[u"version"_s].toInteger());
        const QJsonObject rest =
            http()
                .get(u"/api/tasks/%1"_s.arg(created[2][u"id"_s].toInteger()), m_alice.token)
                .object();
        QCOMPARE(rest[u"dependencies"_s].toArray(), QJsonArray());
    }

    void push_gap_refusesWholeBatch() {
        // given a device whose last_mid is 2
        const QString device = newUuid();
        const QString uuid = newUuid();
        QCOMPARE(pushOk(m_alice, device,
                        {mutation(1, u"task"_s, uuid, u"upsert"_s, 0, {{u"title"_s, u"a"_s}}),
                         mutation(2, u"task"_s, uuid, u"upsert"_s, 0, {{u"notes"_s, u"n"_s}})})
                     .size(),
                 2);
        const qint64 counter =
            count(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id});
        const QString fresh = newUuid();

        // when it sends mid 4 first
        HttpResponse response =
            push(http(), m_alice, device,
                 {mutation(4, u"task"_s, fresh, u"upsert"_s, 0, {{u"title"_s, u"skipped 3"_s}})});
        // then 409 names the expected mid and nothing is applied
        QCOMPARE(response.status, 409);
        QCOMPARE(response.detail(), u"mutation gap: expected mid 3"_s);

        // when a batch skips a number inside
        response = push(http(), m_alice, device,
                        {mutation(3, u"task"_s, fresh, u"upsert"_s, 0, {{u"title"_s, u"three"_s}}),
                         mutation(5, u"task"_s, uuid, u"upsert"_s, 0, {{u"title"_s, u"five"_s}})});
        // then the whole batch is refused, its valid first mutation included
        QCOMPARE(response.status, 409);
        QCOMPARE(response.detail(), u"mutation gap: expected mid 4"_s);
        QCOMPARE(count(u"SELECT count(*) FROM tasks WHERE uuid = ?::uuid"_s, {fresh}), 0);
        QCOMPARE(count(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id}),
                 counter);
        QCOMPARE(count(u"SELECT last_mid FROM sync_devices WHERE device_id = ?::uuid"_s, {device}),
                 2);

        // and a new device must start at mid 1
        response = push(http(), m_alice, newUuid(),
                        {mutation(2, u"task"_s, fresh, u"upsert"_s, 0, {{u"title"_s, u"x"_s}})});
        QCOMPARE(response.status, 409);
        QCOMPARE(response.detail(), u"mutation gap: expected mid 1"_s);
    }

    void push_twoDevicesEditDifferentFields_bothSurvive() {
        // given a task both devices pulled at version v
        const QString laptop = newUuid();
        const QString phone = newUuid();
        const QString uuid = newUuid();
        const QJsonArray created =
            pushOk(m_alice, laptop,
                   {mutation(1, u"task"_s, uuid, u"upsert"_s, 0, {{u"title"_s, u"Plan trip"_s}})});
        const qint64 base = created[0][u"version"_s].toInteger();

        // when the laptop edits the title and the phone the notes, both from v
        const QJsonArray fromLaptop = pushOk(
            m_alice, laptop,
            {mutation(2, u"task"_s, uuid, u"upsert"_s, base, {{u"title"_s, u"Plan Rome"_s}})});
        const QJsonArray fromPhone = pushOk(
            m_alice, phone,
            {mutation(1, u"task"_s, uuid, u"upsert"_s, base, {{u"notes"_s, u"book hotel"_s}})});

        // then both are applied (no field lost) and both edits survive
        QCOMPARE(fromLaptop[0][u"status"_s].toString(), u"applied"_s);
        QCOMPARE(fromPhone[0][u"status"_s].toString(), u"applied"_s);
        QVERIFY(!fromPhone[0].toObject().contains(u"overwritten"_s));
        const QJsonObject row = pulledRow(m_alice, u"task"_s, uuid);
        QCOMPARE(row.value(u"title"_s).toString(), u"Plan Rome"_s);
        QCOMPARE(row.value(u"notes"_s).toString(), u"book hotel"_s);
        QCOMPARE(row.value(u"version"_s), fromPhone[0][u"version"_s]);
    }

    void push_twoDevicesEditSameField_laterWinsAndSaysMerged() {
        // given a task both devices pulled at version v
        const QString laptop = newUuid();
        const QString phone = newUuid();
        const QString uuid = newUuid();
        const qint64 base =
            pushOk(m_alice, laptop,
                   {mutation(1, u"task"_s, uuid, u"upsert"_s, 0,
                             {{u"title"_s, u"Call mom"_s}, {u"priority"_s, 3}})})[0][u"version"_s]
                .toInteger();

        // when the laptop sets priority 1, then the phone (still at v) sets 5
        const QJsonArray fromLaptop =
            pushOk(m_alice, laptop,
                   {mutation(2, u"task"_s, uuid, u"upsert"_s, base, {{u"priority"_s, 1}})});
        const QJsonArray fromPhone =
            pushOk(m_alice, phone,
                   {mutation(1, u"task"_s, uuid, u"upsert"_s, base, {{u"priority"_s, 5}})});

        // then the later push wins and says which value it overwrote
        QCOMPARE(fromLaptop[0][u"status"_s].toString(), u"applied"_s);
        QCOMPARE(fromPhone[0][u"status"_s].toString(), u"merged"_s);
        QCOMPARE(fromPhone[0][u"overwritten"_s].toObject(), (QJsonObject{{u"priority"_s, 1}}));
        QCOMPARE(pulledRow(m_alice, u"task"_s, uuid).value(u"priority"_s).toInteger(), 5);

        // when the laptop edits the same field again from its own latest version
        const qint64 laptopBase = fromLaptop[0][u"version"_s].toInteger();
        const QJsonArray again =
            pushOk(m_alice, laptop,
                   {mutation(3, u"task"_s, uuid, u"upsert"_s, laptopBase, {{u"priority"_s, 2}})});
        // then the phone's newer value is reported as overwritten
        QCOMPARE(again[0][u"status"_s].toString(), u"merged"_s);
        QCOMPARE(again[0][u"overwritten"_s].toObject(), (QJsonObject{{u"priority"_s, 5}}));
    }

    void push_ownEarlierEdits_areNotAConflict() {
        // given a device that edited a task twice without pulling in between
        const QString device = newUuid();
        const QString uuid = newUuid();
        const qint64 base = pushOk(m_alice, device,
                                   {mutation(1, u"task"_s, uuid, u"upsert"_s, 0,
                                             {{u"title"_s, u"v1"_s}})})[0][u"version"_s]
                                .toInteger();
        pushOk(m_alice, device,
               {mutation(2, u"task"_s, uuid, u"upsert"_s, base, {{u"title"_s, u"v2"_s}})});
        // when it edits the title a third time, still from the create's version
        const QJsonArray results =
            pushOk(m_alice, device,
                   {mutation(3, u"task"_s, uuid, u"upsert"_s, base, {{u"title"_s, u"v3"_s}})});
        // then that is applied: its own edits do not count as concurrent
        QCOMPARE(results[0][u"status"_s].toString(), u"applied"_s);
        QCOMPARE(pulledRow(m_alice, u"task"_s, uuid).value(u"title"_s).toString(), u"v3"_s);
    }

    void push_afterRestEditOfSameField_saysMerged() {
        // given a task created by a device, then renamed through REST
        const QString device = newUuid();
        const QString uuid = newUuid();
        const QJsonArray created =
            pushOk(m_alice, device,
                   {mutation(1, u"task"_s, uuid, u"upsert"_s, 0, {{u"title"_s, u"Draft"_s}})});
        const qint64 base = created[0][u"version"_s].toInteger();
        const HttpResponse patched = http().patch(
            u"/api/tasks/%1"_s.arg(created[0][u"id"_s].toInteger()),
            {{u"title"_s, u"Renamed on the web"_s}, {u"category"_s, u"web"_s}}, m_alice.token);
        QCOMPARE(patched.status, 200);

        // when the device pushes its own title from the old version
        const QJsonArray results =
            pushOk(m_alice, device,
                   {mutation(2, u"task"_s, uuid, u"upsert"_s, base, {{u"title"_s, u"Final"_s}})});

        // then its title wins, the REST title is reported, the REST category stays
        QCOMPARE(results[0][u"status"_s].toString(), u"merged"_s);
        QCOMPARE(results[0][u"overwritten"_s].toObject(),
                 (QJsonObject{{u"title"_s, u"Renamed on the web"_s}}));
        const QJsonObject row = pulledRow(m_alice, u"task"_s, uuid);
        QCOMPARE(row.value(u"title"_s).toString(), u"Final"_s);
        QCOMPARE(row.value(u"category"_s).toString(), u"web"_s);
    }

    void push_deleteThenEdit_editIsRejectedDeleted() {
        // given a task deleted by the phone
        const QString laptop = newUuid();
        const QString phone = newUuid();
        const QString uuid = newUuid();
        const qint64 base = pushOk(m_alice, laptop,
                                   {mutation(1, u"task"_s, uuid, u"upsert"_s, 0,
                                             {{u"title"_s, u"Old"_s}})})[0][u"version"_s]
                                .toInteger();
        QCOMPARE(pushOk(m_alice, phone,
                        {mutation(1, u"task"_s, uuid, u"delete"_s, base)})[0][u"status"_s]
                     .toString(),
                 u"applied"_s);

        // when the laptop pushes an edit made before it saw the delete
        const QJsonArray results =
            pushOk(m_alice, laptop,
                   {mutation(2, u"task"_s, uuid, u"upsert"_s, base, {{u"title"_s, u"Edited"_s}}),
                    mutation(3, u"task"_s, newUuid(), u"upsert"_s, 0, {{u"title"_s, u"Next"_s}})});

        // then the delete wins: the edit is rejected, nothing comes back, and
        // the mutation behind it still applies
        QCOMPARE(results[0][u"status"_s].toString(), u"rejected"_s);
        QCOMPARE(results[0][u"code"_s].toString(), u"deleted"_s);
        QVERIFY(results[0][u"version"_s].isNull());
        QVERIFY(results[0][u"id"_s].isNull());
        QCOMPARE(results[1][u"status"_s].toString(), u"applied"_s);
        QCOMPARE(count(u"SELECT count(*) FROM tasks WHERE uuid = ?::uuid"_s, {uuid}), 0);

        // when the phone deletes it once more
        const QJsonArray twice =
            pushOk(m_alice, phone, {mutation(2, u"task"_s, uuid, u"delete"_s, base)});
        // then that is applied too
        QCOMPARE(twice[0][u"status"_s].toString(), u"applied"_s);
    }

    void push_editThenDelete_deleteIsApplied() {
        // given a task the laptop edited after the phone last pulled it
        const QString laptop = newUuid();
        const QString phone = newUuid();
        const QString uuid = newUuid();
        const qint64 base = pushOk(m_alice, laptop,
                                   {mutation(1, u"task"_s, uuid, u"upsert"_s, 0,
                                             {{u"title"_s, u"Old"_s}})})[0][u"version"_s]
                                .toInteger();
        pushOk(m_alice, laptop,
               {mutation(2, u"task"_s, uuid, u"upsert"_s, base, {{u"title"_s, u"Edited"_s}})});

        // when the phone deletes it from the old version
        const QJsonArray results =
            pushOk(m_alice, phone, {mutation(1, u"task"_s, uuid, u"delete"_s, base)});

        // then the delete beats the edit
        QCOMPARE(results[0][u"status"_s].toString(), u"applied"_s);
        QCOMPARE(count(u"SELECT count(*) FROM tasks WHERE uuid = ?::uuid"_s, {uuid}), 0);
        QVERIFY(pulledRow(m_alice, u"task"_s, uuid).isEmpty());
    }

    void push_uuidOfAnotherUser_isForbidden() {
        // given bob's task and goal
        const QString task = newUuid();
        const QString goal = newUuid();
        pushOk(m_bob, newUuid(),
               {mutation(1, u"task"_s, task, u"upsert"_s, 0, {{u"title"_s, u"Bob's"_s}}),
                mutation(2, u"goal"_s, goal, u"upsert"_s, 0,
                         {{u"title"_s, u"Bob's goal"_s}, {u"horizon"_s, u"yearly"_s}})});

        // when alice pushes an edit, a delete and a goal edit with bob's uuids
        const QJsonArray results = pushOk(
            m_alice, newUuid(),
            {mutation(1, u"task"_s, task, u"upsert"_s, 0, {{u"title"_s, u"Mine now"_s}}),
             mutation(2, u"task"_s, task, u"delete"_s, 0),
             mutation(3, u"goal"_s, goal, u"upsert"_s, 0,
                      {{u"title"_s, u"Mine"_s}, {u"horizon"_s, u"weekly"_s}}),
             mutation(4, u"task"_s, newUuid(), u"upsert"_s, 0,
                      {{u"title"_s, u"under bob's goal"_s}, {u"parent_goal_uuid"_s, goal}})});

        // then each is rejected and bob's rows are untouched
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(results[i][u"status"_s].toString(), u"rejected"_s);
            QCOMPARE(results[i][u"code"_s].toString(), u"forbidden"_s);
            QVERIFY(results[i][u"id"_s].isNull() && results[i][u"version"_s].isNull());
        }
        QCOMPARE(results[3][u"code"_s].toString(), u"validation"_s);
        QCOMPARE(pulledRow(m_bob, u"task"_s, task).value(u"title"_s).toString(), u"Bob's"_s);
        QCOMPARE(pulledRow(m_bob, u"goal"_s, goal).value(u"title"_s).toString(), u"Bob's goal"_s);
        QVERIFY(pulledRow(m_alice, u"task"_s, task).isEmpty());
    }

    void push_validationAndCycleRejections_advanceLastMid() {
        // given two goals, the second under the first
        const QString device = newUuid();
        const QString top = newUuid();
        const QString below = newUuid();
        const QString good = newUuid();

        // when one batch holds a bad title, a loop, a missing parent and a
        // good task behind them
        const HttpResponse response = push(
            http(), m_alice, device,
            {mutation(1, u"goal"_s, top, u"upsert"_s, 0,
                      {{u"title"_s, u"Top"_s}, {u"horizon"_s, u"yearly"_s}}),
             mutation(2, u"goal"_s, below, u"upsert"_s, 0,
                      {{u"title"_s, u"Below"_s},
                       {u"horizon"_s, u"monthly"_s},
                       {u"parent_goal_uuid"_s, top}}),
             mutation(3, u"task"_s, newUuid(), u"upsert"_s, 0, {{u"title"_s, QString(501, u'x')}}),
             mutation(4, u"goal"_s, top, u"upsert"_s, 1, {{u"parent_goal_uuid"_s, below}}),
             mutation(5, u"goal"_s, top, u"upsert"_s, 1, {{u"parent_goal_uuid"_s, top}}),
             mutation(6, u"task"_s, newUuid(), u"upsert"_s, 0,
                      {{u"title"_s, u"Orphan"_s}, {u"parent_goal_uuid"_s, newUuid()}}),
             mutation(7, u"task"_s, good, u"upsert"_s, 0, {{u"title"_s, u"Good"_s}})});

        // then each bad one is rejected with its code and message, and the
        // batch goes on
        QCOMPARE(response.status, 200);
        const QJsonArray results = response.object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 7);
        QCOMPARE(results[2][u"code"_s].toString(), u"validation"_s);
        QVERIFY2(results[2][u"message"_s].toString().contains(u"title"_s),
                 qPrintable(results[2][u"message"_s].toString()));
        QCOMPARE(results[3][u"code"_s].toString(), u"cycle"_s);
        QCOMPARE(results[4][u"code"_s].toString(), u"cycle"_s);
        QCOMPARE(results[5][u"code"_s].toString(), u"validation"_s);
        QVERIFY(results[5][u"message"_s].toString().contains(u"parent_goal_uuid"_s));
        QCOMPARE(results[6][u"status"_s].toString(), u"applied"_s);
        QCOMPARE(response.object().value(u"last_mid"_s).toInteger(), 7);
        QVERIFY(pulledRow(m_alice, u"goal"_s, top).value(u"parent_goal_uuid"_s).isNull());
        // and the next push continues at mid 8
        QCOMPARE(push(http(), m_alice, device,
                      {mutation(8, u"task"_s, good, u"upsert"_s, 0, {{u"notes"_s, u"n"_s}})})
                     .status,
                 200);
    }

    void push_goalAndTasksInOneBatch_arriveLinked() {
        // when one batch creates a goal, a task under it and a task that
        // depends on the first
        const QString device = newUuid();
        const QString goal = newUuid();
        const QString first = newUuid();
        const QString second = newUuid();
        const QJsonArray results =
            pushOk(m_alice, device,
                   {mutation(1, u"goal"_s, goal, u"upsert"_s, 0,
                             {{u"title"_s, u"Ship 1.0"_s}, {u"horizon"_s, u"quarterly"_s}}),
                    mutation(2, u"task"_s, first, u"upsert"_s, 0,
                             {{u"title"_s, u"Code"_s}, {u"parent_goal_uuid"_s, goal}}),
                    mutation(3, u"task"_s, second, u"upsert"_s, 0,
                             {{u"title"_s, u"Release"_s},
                              {u"parent_goal_uuid"_s, goal},
                              {u"dependency_uuids"_s, QJsonArray{first}}})});
        for (const QJsonValue& result : results)
            QCOMPARE(result[u"status"_s].toString(), u"applied"_s);
        const qint64 goalId = results[0][u"id"_s].toInteger();
        const qint64 firstId = results[1][u"id"_s].toInteger();

        // then the pull links them by uuid, and REST by id
        const QJsonObject pulled = pulledRow(m_alice, u"task"_s, second);
        QCOMPARE(pulled.value(u"parent_goal_uuid"_s).toString(), goal);
        QCOMPARE(pulled.value(u"parent_goal_id"_s).toInteger(), goalId);
        QCOMPARE(pulled.value(u"dependency_uuids"_s).toArray(), QJsonArray{first});
        QCOMPARE(pulled.value(u"dependencies"_s).toArray(), QJsonArray{firstId});
        const HttpResponse rest =
            http().get(u"/api/tasks/%1"_s.arg(results[2][u"id"_s].toInteger()), m_alice.token);
        QCOMPARE(rest.object().value(u"parent_goal_id"_s).toInteger(), goalId);
        QCOMPARE(rest.object().value(u"dependencies"_s).toArray(), QJsonArray{firstId});
        const HttpResponse listed =
            http().get(u"/api/tasks/?goal_id=%1"_s.arg(goalId), m_alice.token);
        QCOMPARE(listed.json.toArray().size(), 2);

        // when the goal is deleted
        QCOMPARE(
            pushOk(m_alice, device, {mutation(4, u"goal"_s, goal, u"delete"_s, 0)})[0][u"status"_s]
                .toString(),
            u"applied"_s);
        // then its tasks live on at the top level
        QVERIFY(pulledRow(m_alice, u"task"_s, second).value(u"parent_goal_uuid"_s).isNull());
    }

    void push_completingGoal_setsProgress() {
        // given a goal
        const QString device = newUuid();
        const QString goal = newUuid();
        const qint64 base =
            pushOk(
                m_alice, device,
                {mutation(1, u"goal"_s, goal, u"upsert"_s, 0,
                          {{u"title"_s, u"Run"_s}, {u"horizon"_s, u"weekly"_s}})})[0][u"version"_s]
                .toInteger();
        // when a device completes it
        pushOk(m_alice, device,
               {mutation(2, u"goal"_s, goal, u"upsert"_s, base, {{u"status"_s, u"completed"_s}})});
        // then it is at 100 % with a completion time, as through REST
        const QJsonObject row = pulledRow(m_alice, u"goal"_s, goal);
        QCOMPARE(row.value(u"progress_percentage"_s).toDouble(), 100.0);
        QVERIFY(!row.value(u"completed_at"_s).isNull());
    }

    void push_limits_413() {
        // when a push carries 101 mutations
        QJsonArray mutations;
        for (int mid = 1; mid <= 101; ++mid)
            mutations.append(mutation(mid, u"task"_s, newUuid(), u"upsert"_s, 0,
                                      {{u"title"_s, u"t%1"_s.arg(mid)}}));
        const QString device = newUuid();
        const HttpResponse tooMany = push(http(), m_alice, device, mutations);
        // then 413 and nothing applied
        QCOMPARE(tooMany.status, 413);
        QCOMPARE(count(u"SELECT count(*) FROM sync_devices WHERE device_id = ?::uuid"_s, {device}),
                 0);
        // and 100 are fine
        mutations.removeLast();
        const HttpResponse hundred = push(http(), m_alice, device, mutations);
        QCOMPARE(hundred.status, 200);
        QCOMPARE(hundred.object().value(u"results"_s).toArray().size(), 100);

        // when the body is over 1 MiB
        const QJsonArray big{
            mutation(101, u"task"_s, newUuid(), u"upsert"_s, 0,
                     {{u"title"_s, u"big"_s}, {u"notes"_s, QString(1024 * 1024 + 10, u'n')}})};
        // then 413 as well
        QCOMPARE(push(http(), m_alice, device, big).status, 413);
    }

    void push_malformed_422InContractShape() {
        // when the body lacks device_id, has a bad entity and a mid of 0
        const HttpResponse response = http().post(
            u"/api/sync/push"_s,
            {{u"mutations"_s, QJsonArray{mutation(0, u"note"_s, newUuid(), u"upsert"_s, 0),
                                         QJsonObject{{u"mid"_s, 1}}}}},
            m_alice.token);
        // then 422 lists each place
        QCOMPARE(response.status, 422);
        QList<QJsonArray> locs;
        for (const QJsonValue& entry : response.object().value(u"detail"_s).toArray())
            locs << entry[u"loc"_s].toArray();
        QVERIFY(locs.contains(QJsonArray({u"body"_s, u"device_id"_s})));
        QVERIFY(locs.contains(QJsonArray({u"body"_s, u"mutations"_s, 0, u"mid"_s})));
        QVERIFY(locs.contains(QJsonArray({u"body"_s, u"mutations"_s, 0, u"entity"_s})));
        QVERIFY(locs.contains(QJsonArray({u"body"_s, u"mutations"_s, 1, u"uuid"_s})));
        // and malformed JSON too
        const HttpResponse broken =
            http().send("POST"_ba, u"/api/sync/push"_s, "{not json"_ba,
                        {{"Authorization"_ba, "Bearer "_ba + m_alice.token.toLatin1()},
                         {"Content-Type"_ba, "application/json"_ba}});
        QCOMPARE(broken.status, 422);
        QCOMPARE(broken.json[u"detail"_s][0][u"type"_s].toString(), u"json_invalid"_s);
    }

    void push_withoutToken_401() {
        // when nobody is logged in
        const HttpResponse response = http().post(
            u"/api/sync/push"_s, {{u"device_id"_s, newUuid()}, {u"mutations"_s, QJsonArray()}});
        // then 401 with the contract's words
        QCOMPARE(response.status, 401);
        QCOMPARE(response.detail(), u"Not authenticated"_s);
        QCOMPARE(http().get(u"/api/sync/pull?cursor=0"_s).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestSyncPush)
#include "tst_sync_push.moc"
