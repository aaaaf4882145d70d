#include "tst_sync_helpers.h"

#include <QAtomicInt>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace synctest;

// GET /api/sync/pull (docs/api.md section 6) against the real server and a real
// PostgreSQL: version order, pages with has_more and cursors, tombstones,
// resets (restored server, purged tombstone window), query bounds, and pulls
// that run while other devices push.
class TestSyncPull : public QObject {
    Q_OBJECT

    ServerFixture m_fixture;

    HttpClient& http() { return m_fixture.http(); }
    PgCluster& db() { return m_fixture.database(); }

    qint64 counterOf(const User& user) {
        return db()
            .scalar(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {user.id})
            .toLongLong();
    }

    // Pushes one batch that must answer 200; returns its results.
    static QJsonArray pushOk(HttpClient& client, const User& user, const QString& device,
                             const QJsonArray& mutations, QString* failure) {
        const HttpResponse response = push(client, user, device, mutations);
        if (response.status != 200) {
            *failure = QString::fromUtf8(response.describe());
            return {};
        }
        return response.object().value(u"results"_s).toArray();
    }

    // uuid -> version of the user's live rows, read from the database.
    QMap<QString, qint64> storedVersions(const User& user, const QString& table) {
        QMap<QString, qint64> versions;
        QSqlQuery rows(db().connection());
        rows.exec(
            u"SELECT uuid::text, version FROM %1 WHERE user_id = %2"_s.arg(table).arg(user.id));
        while (rows.next())
            versions.insert(rows.value(0).toString(), rows.value(1).toLongLong());
        return versions;
    }

    static QMap<QString, qint64> versionsOf(const QMap<QString, QJsonObject>& rows) {
        QMap<QString, qint64> versions;
        for (auto it = rows.constBegin(); it != rows.constEnd(); ++it)
            versions.insert(it.key(), it.value().value(u"version"_s).toInteger());
        return versions;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
    }

    void pull_pages_coverEveryChangeOnceInVersionOrder() {
        // given 30 rows of carol's made by a device and by REST, and 3 deletes
        const User carol = makeUser(db(), u"carol"_s);
        const QString device = newUuid();
        QJsonArray batch;
        for (int i = 1; i <= 25; ++i)
            batch.append(mutation(i, u"task"_s, newUuid(), u"upsert"_s, 0,
                                  {{u"title"_s, u"task %1"_s.arg(i)}}));
        for (int i = 26; i <= 28; ++i)
            batch.append(
                mutation(i, u"goal"_s, newUuid(), u"upsert"_s, 0,
                         {{u"title"_s, u"goal %1"_s.arg(i)}, {u"horizon"_s, u"weekly"_s}}));
        QString failure;
        const QJsonArray results = pushOk(http(), carol, device, batch, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(http()
                         .post(u"/api/tasks/"_s, {{u"title"_s, u"rest %1"_s.arg(i)}}, carol.token)
                         .status,
                     201);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http()
                         .del(u"/api/tasks/%1"_s.arg(results[i][u"id"_s].toInteger()), carol.token)
                         .status,
                     204);

        // when a client pulls 7 at a time from 0
        QList<qint64> versions;
        QList<int> pageSizes;
        QList<bool> hasMore;
        qint64 cursor = 0;
        for (int page = 0; page < 20; ++page) {
            const HttpResponse response = pull(http(), carol, cursor, 7);
            QCOMPARE(response.status, 200);
            const QJsonObject body = response.object();
            QCOMPARE(body.value(u"reset"_s).toBool(), false);
            const qint64 next = body.value(u"cursor"_s).toInteger();
            int size = 0;
            for (const QString& kind : {u"tasks"_s, u"goals"_s}) {
                qint64 previous = cursor;
                for (const QJsonValue& row : body.value(kind).toArray()) {
                    const qint64 version = row[u"version"_s].toInteger();
                    // in version order, within (cursor, next]
                    QVERIFY(version > previous && version <= next);
                    previous = version;
                    versions << version;
                    ++size;
                }
            }
            pageSizes << size;
            hasMore << body.value(u"has_more"_s).toBool();
            if (size > 0)
                QVERIFY(body.value(u"cursor"_s).toInteger() > cursor);
            cursor = body.value(u"cursor"_s).toInteger();
            if (!hasMore.last())
                break;
        }

        // then 27 live rows and 3 tombstones come in pages of 7,7,7,7,2
        QCOMPARE(pageSizes, (QList<int>{7, 7, 7, 7, 2}));
        QCOMPARE(hasMore, (QList<bool>{true, true, true, true, false}));
        // each version once, the last cursor the user's counter
        QCOMPARE(QSet<qint64>(versions.begin(), versions.end()).size(), versions.size());
        QCOMPARE(cursor, counterOf(carol));
        QCOMPARE(cursor, *std::max_element(versions.begin(), versions.end()));
        // and paging gives what one big pull gives
        Replica paged;
        paged.pullAll(http(), carol, 7);
        Replica whole;
        whole.pullAll(http(), carol, 1000);
        QVERIFY2(paged.failure.isEmpty(), qPrintable(paged.failure));
        QCOMPARE(whole.pulls, 1);
        QCOMPARE(paged.tasks, whole.tasks);
        QCOMPARE(paged.goals, whole.goals);
        QCOMPARE(whole.tasks.size(), 24);
        QCOMPARE(whole.goals.size(), 3);
        QCOMPARE(versionsOf(whole.tasks), storedVersions(carol, u"tasks"_s));

        // when nothing changed since the last cursor
        const HttpResponse idle = pull(http(), carol, cursor);
        // then the answer is empty and keeps the cursor
        QCOMPARE(idle.object(), (QJsonObject{{u"tasks"_s, QJsonArray()},
                                             {u"goals"_s, QJsonArray()},
                                             {u"cursor"_s, cursor},
                                             {u"has_more"_s, false},
                                             {u"reset"_s, false},
                                             {u"epoch"_s, idle.object().value(u"epoch"_s)}}));
        QVERIFY(!idle.object().value(u"epoch"_s).toString().isEmpty());
    }

    void pull_rowsCarryEveryFieldAndTombstonesTheirShape() {
        // given a goal with a task under it, both made through REST
        const User erin = makeUser(db(), u"erin"_s);
        const HttpResponse goal = http().post(u"/api/goals/"_s,
                                              {{u"title"_s, u"Learn Go"_s},
                                               {u"horizon"_s, u"monthly"_s},
                                               {u"metrics"_s, QJsonObject{{u"h"_s, 1}}}},
                                              erin.token);
        QCOMPARE(goal.status, 201);
        const qint64 goalId = goal.object().value(u"id"_s).toInteger();
        const HttpResponse task = http().post(
            u"/api/tasks/"_s, {{u"title"_s, u"Tour"_s}, {u"parent_goal_id"_s, goalId}}, erin.token);
        QCOMPARE(task.status, 201);
        const qint64 before = counterOf(erin);

        // when the goal is deleted and erin pulls from before the delete
        QCOMPARE(http().del(u"/api/goals/%1"_s.arg(goalId), erin.token).status, 204);
        const QJsonObject page = pull(http(), erin, before).object();

        // then the orphaned task comes first, then the goal's tombstone
        const QJsonArray tasks = page.value(u"tasks"_s).toArray();
        const QJsonArray goals = page.value(u"goals"_s).toArray();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(goals.size(), 1);
        QVERIFY(tasks[0][u"parent_goal_uuid"_s].isNull());
        QVERIFY(tasks[0][u"parent_goal_id"_s].isNull());
        QCOMPARE(goals[0].toObject(), (QJsonObject{{u"uuid"_s, goal.object().value(u"uuid"_s)},
                                                   {u"deleted"_s, true},
                                                   {u"version"_s, counterOf(erin)}}));
        QVERIFY(tasks[0][u"version"_s].toInteger() < goals[0][u"version"_s].toInteger());
        // and a full row has every REST field plus uuid, version and the uuids
        const QJsonObject row = tasks[0].toObject();
        const QJsonObject rest = task.object();
        for (auto it = rest.constBegin(); it != rest.constEnd(); ++it)
            QVERIFY2(row.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(row.value(u"title"_s).toString(), u"Tour"_s);
        QVERIFY(row.contains(u"dependency_uuids"_s));
    }

    void pull_cursorBeyondCounter_resets() {
        // given a user with a few changes
        const User frank = makeUser(db(), u"frank"_s);
        QCOMPARE(http().post(u"/api/tasks/"_s, {{u"title"_s, u"a"_s}}, frank.token).status, 201);
        const qint64 counter = counterOf(frank);
        // when a client pulls from a cursor the server never handed out
        // (the server was restored from an older backup)
        const HttpResponse ahead = pull(http(), frank, counter + 5);
        // then it is told to reset
        QCOMPARE(ahead.status, 200);
        QCOMPARE(ahead.object().value(u"reset"_s).toBool(), true);
        QCOMPARE(ahead.object().value(u"tasks"_s).toArray().size(), 0);
        // and the counter itself is fine
        QCOMPARE(pull(http(), frank, counter).object().value(u"reset"_s).toBool(), false);
        // and a user who never wrote anything resets on any cursor above 0
        const User ghost = makeUser(db(), u"ghost"_s);
        QCOMPARE(pull(http(), ghost, 0).object().value(u"reset"_s).toBool(), false);
        QCOMPARE(pull(http(), ghost, 1).object().value(u"reset"_s).toBool(), true);
    }

    void pull_epoch_changesOnlyWithNewEpoch() {
        // given two users, one with a change
        const User hana = makeUser(db(), u"hana"_s);
        const User ivan = makeUser(db(), u"ivan"_s);
        QCOMPARE(http().post(u"/api/tasks/"_s, {{u"title"_s, u"a"_s}}, hana.token).status, 201);
        auto epochOf = [&](const User& user, qint64 cursor) {
            return pull(http(), user, cursor).object().value(u"epoch"_s).toString();
        };
        // then every pull answer carries the user's epoch, the same each time,
        // a reset answer too, and each user has an epoch of its own
        const QString hanaBefore = epochOf(hana, 0);
        const QString ivanBefore = epochOf(ivan, 0);
        QVERIFY(!hanaBefore.isEmpty());
        QVERIFY(!ivanBefore.isEmpty());
        QVERIFY(hanaBefore != ivanBefore);
        QCOMPARE(http().post(u"/api/tasks/"_s, {{u"title"_s, u"b"_s}}, hana.token).status, 201);
        QCOMPARE(epochOf(hana, 1), hanaBefore);
        QCOMPARE(pull(http(), hana, 1000).object().value(u"reset"_s).toBool(), true);
        QCOMPARE(epochOf(hana, 1000), hanaBefore);

        // when an operator runs new-epoch
        QString output;
        QCOMPARE(m_fixture.server().runCommand({u"new-epoch"_s}, &output), 0);
        // then it says what it did, and every user has a new epoch
        const qint64 users = db().scalar(u"SELECT count(*) FROM users"_s).toLongLong();
        QVERIFY2(output.contains(u"new-epoch: gave %1 users a new sync epoch"_s.arg(users)),
                 qPrintable(output));
        const QString hanaAfter = epochOf(hana, 0);
        const QString ivanAfter = epochOf(ivan, 0);
        QVERIFY(!hanaAfter.isEmpty() && hanaAfter != hanaBefore);
        QVERIFY(!ivanAfter.isEmpty() && ivanAfter != ivanBefore && ivanAfter != hanaAfter);
        // and the rows and versions are as they were
        QCOMPARE(pull(http(), hana, 0).object().value(u"tasks"_s).toArray().size(), 2);
    }

    void newEpoch_databaseUnreachable_failsWithAMessage() {
        // given a database address where nothing listens
        QString output;
        const QString nowhere =
            u"postgresql://postgres@127.0.0.1:%1/bizy"_s.arg(PgCluster::freePort());
        // when new-epoch runs against it
        const int code = ServerProcess::runBinary(
            {u"new-epoch"_s},
            {{u"JWT_SECRET"_s, QString::fromLatin1(ServerProcess::kJwtSecret)},
             {u"DATABASE_URL"_s, nowhere}},
            &output);
        // then it fails and says so
        QCOMPARE(code, 1);
        QVERIFY2(output.contains(u"new-epoch: "_s), qPrintable(output));
        // and a command with extra words is refused as before
        QCOMPARE(m_fixture.server().runCommand({u"new-epoch"_s, u"now"_s}, &output), 2);
        QVERIFY2(output.contains(u"unknown command"_s), qPrintable(output));
    }

    void pull_cursorOlderThanPurgedTombstones_resets() {
        // given three deleted tasks, one deleted 91 days ago, one 89 days ago
        const User gina = makeUser(db(), u"gina"_s);
        QList<qint64> ids;
        QStringList uuids;
        for (int i = 0; i < 4; ++i) {
            const HttpResponse created =
                http().post(u"/api/tasks/"_s, {{u"title"_s, u"t%1"_s.arg(i)}}, gina.token);
            ids << created.object().value(u"id"_s).toInteger();
            uuids << created.object().value(u"uuid"_s).toString();
        }
        const qint64 beforeDeletes = counterOf(gina);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http().del(u"/api/tasks/%1"_s.arg(ids[i]), gina.token).status, 204);
        QVERIFY(db().exec(u"UPDATE tombstones SET deleted_at = now() - interval '91 days' "
                          u"WHERE uuid IN (?::uuid, ?::uuid)"_s,
                          {uuids[0], uuids[1]}));
        QVERIFY(db().exec(u"UPDATE tombstones SET deleted_at = now() - interval '89 days' "
                          u"WHERE uuid = ?::uuid"_s,
                          {uuids[2]}));
        const qint64 purgedVersion =
            db().scalar(u"SELECT max(version) FROM tombstones WHERE uuid IN (?::uuid, ?::uuid)"_s,
                        {uuids[0], uuids[1]})
                .toLongLong();

        // when a client pulls from a cursor before those deletes
        const HttpResponse stale = pull(http(), gina, beforeDeletes);

        // then it must reset: deletes it never saw are forgotten
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.object().value(u"reset"_s).toBool(), true);
        QCOMPARE(db().scalar(u"SELECT count(*) FROM tombstones WHERE user_id = ?"_s, {gina.id})
                     .toLongLong(),
                 1);
        QCOMPARE(db().scalar(u"SELECT purged_version FROM user_sync_state WHERE user_id = ?"_s,
                             {gina.id})
                     .toLongLong(),
                 purgedVersion);
        // and the reload from 0 has the live task and the kept tombstone only
        const QJsonObject reload = pull(http(), gina, 0).object();
        QCOMPARE(reload.value(u"reset"_s).toBool(), false);
        const QJsonArray tasks = reload.value(u"tasks"_s).toArray();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks[0][u"uuid"_s].toString(), uuids[3]);
        QCOMPARE(tasks[1][u"uuid"_s].toString(), uuids[2]);
        QCOMPARE(tasks[1][u"deleted"_s].toBool(), true);
        // and a cursor at the purged version is still good
        QCOMPARE(pull(http(), gina, purgedVersion).object().value(u"reset"_s).toBool(), false);

        // and the second page of a reload (its cursor still below the purged
        // tombstones) is served when the client says it is reloading
        const qint64 firstPageCursor =
            pull(http(), gina, 0, 1).object().value(u"cursor"_s).toInteger();
        QVERIFY(firstPageCursor < purgedVersion);
        QCOMPARE(pull(http(), gina, firstPageCursor).object().value(u"reset"_s).toBool(), true);
        const HttpResponse secondPage = http().get(
            u"/api/sync/pull?cursor=%1&limit=1&reload=true"_s.arg(firstPageCursor), gina.token);
        QCOMPARE(secondPage.status, 200);
        QCOMPARE(secondPage.object().value(u"reset"_s).toBool(), false);
        QCOMPARE(secondPage.object().value(u"tasks"_s).toArray().first()[u"uuid"_s].toString(),
                 uuids[2]);
        // while a cursor above the counter still resets a reload
        QCOMPARE(
            http()
                .get(u"/api/sync/pull?cursor=%1&reload=true"_s.arg(counterOf(gina) + 1), gina.token)
                .object()
                .value(u"reset"_s)
                .toBool(),
            true);
    }

    void pull_badQuery_422() {
        const User user = makeUser(db(), u"harry"_s);
        struct Case {
            QString query;
            QString param;
        };
        const QList<Case> cases{{u"cursor=0&limit=0"_s, u"limit"_s},
                                {u"cursor=0&limit=1001"_s, u"limit"_s},
                                {u"cursor=0&limit=ten"_s, u"limit"_s},
                                {u"cursor=-1"_s, u"cursor"_s},
                                {u"cursor=1.5"_s, u"cursor"_s}};
        for (const Case& bad : cases) {
            // when the query is out of bounds
            const HttpResponse response = http().get(u"/api/sync/pull?"_s + bad.query, user.token);
            // then 422 names the parameter
            QVERIFY2(response.status == 422, qPrintable(bad.query));
            QCOMPARE(response.json[u"detail"_s][0][u"loc"_s].toArray(),
                     QJsonArray({u"query"_s, bad.param}));
        }
        // and the bounds themselves are fine, as is no query at all
        QCOMPARE(http().get(u"/api/sync/pull?cursor=0&limit=1000"_s, user.token).status, 200);
        QCOMPARE(http().get(u"/api/sync/pull?limit=1"_s, user.token).status, 200);
        QCOMPARE(http().get(u"/api/sync/pull"_s, user.token).status, 200);
    }

    void pull_whileOthersWrite_neverMissesAChange() {
        // given two devices pushing creates, edits and deletes for a while, and
        // the web client writing through REST (goal deletes orphan tasks)
        const User ivy = makeUser(db(), u"ivy"_s);
        const QString baseUrl = http().baseUrl();
        QAtomicInt running = 3;
        QStringList failures(3);
        QList<QThread*> pushers;
        for (int d = 0; d < 2; ++d) {
            pushers << QThread::create([&, d] {
                HttpClient client(baseUrl);
                const QString device = newUuid();
                QRandomGenerator random(quint32(1000 + d));
                QStringList live;
                qint64 mid = 0;
                for (int round = 0; round < 120 && failures[d].isEmpty(); ++round) {
                    QJsonArray batch;
                    const int size = 1 + int(random.bounded(4));
                    for (int i = 0; i < size; ++i) {
                        const int pick = int(random.bounded(10));
                        if (live.isEmpty() || pick < 4) {
                            live << newUuid();
                            batch.append(mutation(++mid, u"task"_s, live.last(), u"upsert"_s, 0,
                                                  {{u"title"_s, u"d%1 r%2"_s.arg(d).arg(round)}}));
                        } else if (pick < 8) {
                            batch.append(mutation(
                                ++mid, u"task"_s, live.at(int(random.bounded(int(live.size())))),
                                u"upsert"_s, 0, {{u"notes"_s, u"edit %1"_s.arg(round)}}));
                        } else {
                            batch.append(
                                mutation(++mid, u"task"_s,
                                         live.takeAt(int(random.bounded(int(live.size())))),
                                         u"delete"_s, 0));
                        }
                    }
                    pushOk(client, ivy, device, batch, &failures[d]);
                }
                running.fetchAndSubAcquire(1);
            });
            pushers.last()->start();
        }
        pushers << QThread::create([&] {
            HttpClient client(baseUrl);
            QString& failure = failures[2];
            const auto expect = [&](const HttpResponse& response, int status) {
                if (response.status != status && failure.isEmpty())
                    failure = QString::fromUtf8(response.describe());
                return response.object().value(u"id"_s).toInteger();
            };
            for (int round = 0; round < 60 && failure.isEmpty(); ++round) {
                const qint64 goal = expect(client.post(u"/api/goals/"_s,
                                                       {{u"title"_s, u"web goal %1"_s.arg(round)},
                                                        {u"horizon"_s, u"weekly"_s}},
                                                       ivy.token),
                                           201);
                const qint64 task = expect(client.post(u"/api/tasks/"_s,
                                                       {{u"title"_s, u"web task %1"_s.arg(round)},
                                                        {u"parent_goal_id"_s, goal}},
                                                       ivy.token),
                                           201);
                expect(client.patch(u"/api/tasks/%1"_s.arg(task), {{u"priority"_s, 1}}, ivy.token),
                       200);
                if (round % 2 == 0)
                    expect(client.del(u"/api/goals/%1"_s.arg(goal), ivy.token), 204);
            }
            running.fetchAndSubAcquire(1);
        });
        pushers.last()->start();

        // when a third device keeps pulling small pages meanwhile
        Replica replica;
        int rounds = 0;
        while (running.loadAcquire() > 0 && replica.failure.isEmpty()) {
            replica.pullAll(http(), ivy, 5);
            ++rounds;
        }
        for (QThread* pusher : pushers) {
            QVERIFY(pusher->wait(300000));
            delete pusher;
        }
        QVERIFY2(failures[0].isEmpty(), qPrintable(failures[0]));
        QVERIFY2(failures[1].isEmpty(), qPrintable(failures[1]));
        QVERIFY2(failures[2].isEmpty(), qPrintable(failures[2]));
        replica.pullAll(http(), ivy, 5);
        QVERIFY2(replica.failure.isEmpty(), qPrintable(replica.failure));

        // then what it pulled equals the server's state, row for row
        QVERIFY2(rounds > 3, "the pulls did not overlap the pushes");
        QCOMPARE(versionsOf(replica.tasks), storedVersions(ivy, u"tasks"_s));
        QCOMPARE(versionsOf(replica.goals), storedVersions(ivy, u"goals"_s));
        Replica fresh;
        fresh.pullAll(http(), ivy, 1000);
        QCOMPARE(replica.tasks, fresh.tasks);
        QCOMPARE(replica.goals, fresh.goals);
        QCOMPARE(replica.cursor, counterOf(ivy));
        qInfo() << "pull rounds during pushes:" << rounds << "pulls:" << replica.pulls
                << "live tasks:" << replica.tasks.size() << "goals:" << replica.goals.size()
                << "counter:" << replica.cursor;
    }
};

QTEST_GUILESS_MAIN(TestSyncPull)
#include "tst_sync_pull.moc"
