// Proof 4 (issue 4): pulls that overlap concurrent pushes from other devices
// never miss a change. Device A pulls in small, slowed-down pages, round after
// round, while devices B and C edit and push continuously in the same event
// loop. A change a pull skipped would never come back to A (its cursor is past
// it), so after the writers stop, one more ordinary sync must make A equal to
// the server, field by field.

#include "SyncWorld.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using bizy::SyncEngine;

namespace {

// One random edit by `device`; false only when the store refused something valid.
// Only a device that `mayDelete` deletes, so two devices never delete the same row
// (tst_sync_resolution covers that); the other one edits rows deleted under it.
// The pick and the edit run as one job on the store's worker: between two jobs a
// pull could delete the picked task under a device that never deletes, and that
// is no refusal of a valid edit. The dice are thrown on the test's thread.
bool randomEdit(SyncDevice& device, QRandomGenerator& random, int serial, bool mayDelete) {
    const int choice = int(random.bounded(10));
    const quint32 taskPick = random.generate();
    const quint32 goalPick = random.generate();
    const int priority = 1 + int(random.bounded(5));
    const QString tag = u"%1 #%2"_s.arg(device.name()).arg(serial);
    return device.store().call([=](bizy::LocalStore& store) -> bool {
        const bizy::Result<QList<bizy::Task>> tasks = store.tasks();
        const bizy::Result<QList<bizy::Goal>> goals = store.goals();
        if (!tasks || !goals)
            return false;
        if (tasks->isEmpty() || choice < 3)
            return bool(store.createTask(
                QJsonObject{{u"title"_s, QString(u"task "_s + tag)}, {u"priority"_s, priority}}));
        const bizy::Task& task = tasks->at(qsizetype(taskPick % quint32(tasks->size())));
        switch (choice) {
        case 3:
            return bool(store.updateTask(task.uuid,
                                         QJsonObject{{u"title"_s, QString(u"renamed "_s + tag)}}));
        case 4:
            return bool(
                store.updateTask(task.uuid, QJsonObject{{u"notes"_s, QString(u"notes "_s + tag)},
                                                        {u"priority"_s, priority}}));
        case 5:
            return task.isCompleted() ? bool(store.uncompleteTask(task.uuid))
                                      : bool(store.completeTask(task.uuid, 1.5));
        case 6:
            if (mayDelete)
                return bool(store.deleteTask(task.uuid));
            return bool(store.updateTask(task.uuid, QJsonObject{{u"description"_s, tag}}));
        case 7:
            return bool(store.createGoal(QJsonObject{{u"title"_s, QString(u"goal "_s + tag)},
                                                     {u"horizon"_s, u"monthly"_s}}));
        default:
            if (goals->isEmpty())
                return bool(store.updateTask(task.uuid, QJsonObject{{u"category"_s, tag}}));
            return bool(store.updateTask(
                task.uuid,
                QJsonObject{{u"parent_goal_uuid"_s,
                             goals->at(qsizetype(goalPick % quint32(goals->size()))).uuid}}));
        }
    });
}

} // namespace

class TestSyncOverlap : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
    }

    void pullsOverlappingPushes_missNothing_data() {
        QTest::addColumn<int>("pullLimit");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("edits");
        QTest::addColumn<int>("tickMs"); // between two edits
        QTest::newRow("pages of 3, 10 ms delay") << 3 << 10 << 160 << 12;
        QTest::newRow("pages of 1, 2 ms delay") << 1 << 2 << 120 << 4;
        QTest::newRow("pages of 7, 25 ms delay") << 7 << 25 << 160 << 20;
    }

    void pullsOverlappingPushes_missNothing() {
        QFETCH(int, pullLimit);
        QFETCH(int, delayMs);
        QFETCH(int, edits);
        QFETCH(int, tickMs);
        // given three devices of one user: B has made some tasks, A has nothing yet
        const SyncWorld::User user =
            m_world.registerUser(u"overlap_%1_%2"_s.arg(pullLimit).arg(delayMs));
        QVERIFY(user.ok());
        QString error;
        auto a = m_world.makeDevice(user, u"A"_s, &error);
        QVERIFY2(a, qPrintable(error));
        auto b = m_world.makeDevice(user, u"B"_s, &error);
        QVERIFY2(b, qPrintable(error));
        auto c = m_world.makeDevice(user, u"C"_s, &error);
        QVERIFY2(c, qPrintable(error));
        for (int i = 0; i < 20; ++i)
            QVERIFY(b->store().createTask({{u"title"_s, u"seed %1"_s.arg(i)}}));
        QVERIFY(b->sync());
        QVERIFY(c->sync());
        // and A pulls in small pages through a slow network
        a->engine().setPullLimit(pullLimit);
        a->proxy().setMode(FaultProxy::Mode::Delay);
        a->proxy().setDelayMs(delayMs);

        // when B and C edit and push continuously while A syncs round after round
        QRandomGenerator random(quint32(pullLimit * 1000 + delayMs));
        int done = 0;
        int refused = 0;
        int pagesDuringWrites = 0;
        int roundsOfA = 0;
        int failedRounds = 0;
        bool writing = true;
        const auto pages = connect(&a->engine(), &SyncEngine::pullProgress, this,
                                   [&](qint64, qint64) { pagesDuringWrites += writing ? 1 : 0; });
        const auto again = connect(&a->engine(), &SyncEngine::roundFinished, this, [&](bool ok) {
            ++roundsOfA;
            failedRounds += ok ? 0 : 1;
            if (writing)
                QTimer::singleShot(0, &a->engine(), &SyncEngine::syncNow);
        });
        for (SyncDevice* writer : {b.get(), c.get()}) {
            connect(&writer->engine(), &SyncEngine::roundFinished, this,
                    [&failedRounds](bool ok) { failedRounds += ok ? 0 : 1; });
        }
        QTimer ticker;
        ticker.setInterval(tickMs);
        connect(&ticker, &QTimer::timeout, this, [&] {
            if (done >= edits) {
                ticker.stop();
                return;
            }
            SyncDevice& writer = done % 2 == 0 ? *b : *c;
            if (!randomEdit(writer, random, done, &writer == b.get()))
                ++refused;
            ++done;
            writer.engine().syncNow();
        });
        a->engine().syncNow();
        ticker.start();
        QVERIFY2(QTest::qWaitFor([&] { return done >= edits; }, 240000),
                 qPrintable(u"%1 of %2 edits"_s.arg(done).arg(edits)));
        writing = false;
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !a->engine().isRunning() && !b->engine().isRunning() &&
                       !c->engine().isRunning();
            },
            120000));
        disconnect(pages);
        disconnect(again);
        QCOMPARE(refused, 0);
        // then A really pulled while the others pushed
        QVERIFY2(pagesDuringWrites > 2,
                 qPrintable(u"%1 pages in %2 rounds"_s.arg(pagesDuringWrites).arg(roundsOfA)));
        qInfo("A: %d pulled pages in %d rounds while %d edits were pushed; %d failed rounds",
              pagesDuringWrites, roundsOfA, edits, failedRounds);

        // when the writers push what is left, and A syncs once more from its cursor
        QVERIFY2(b->syncUntilOk(), qPrintable(b->lastSyncMessage()));
        QVERIFY2(c->syncUntilOk(), qPrintable(c->lastSyncMessage()));
        QCOMPARE(b->store().pendingCount().value(), 0);
        QCOMPARE(c->store().pendingCount().value(), 0);
        const qint64 counter = m_world.serverCounter(user);
        QVERIFY2(a->sync(), qPrintable(a->lastSyncMessage()));
        // then A has everything, field by field, and is at the server's counter
        QCOMPARE(a->store().pullCursor().value(), counter);
        QString diff = m_world.differences(*a, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // and so do the writers after one more sync each
        QVERIFY2(b->sync(), qPrintable(b->lastSyncMessage()));
        QVERIFY2(c->sync(), qPrintable(c->lastSyncMessage()));
        diff = m_world.differences(*b, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = SyncWorld::differences(*c, *a);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void directPushesDuringAPagedPull_missNothing() {
        // given a device A with an empty store, and a second installation pushing
        // through the plain HTTP API (the web client's REST edits, version-stamped too)
        const SyncWorld::User user = m_world.registerUser(u"overlap_rest"_s);
        QVERIFY(user.ok());
        QString error;
        auto a = m_world.makeDevice(user, u"A"_s, &error);
        QVERIFY2(a, qPrintable(error));
        for (int i = 0; i < 15; ++i) {
            const HttpResponse created = m_world.http().post(
                u"/api/tasks/"_s, {{u"title"_s, u"web %1"_s.arg(i)}}, m_world.token(user));
            QVERIFY2(created.status == 201, created.describe().constData());
        }
        a->engine().setPullLimit(2);
        // when every page A pulls is followed by a REST create and a REST edit
        int page = 0;
        const auto connection =
            connect(&a->engine(), &SyncEngine::pullProgress, this, [&](qint64, qint64) {
                if (++page > 40)
                    return;
                const QString token = m_world.token(user);
                const HttpResponse created = m_world.http().post(
                    u"/api/tasks/"_s, {{u"title"_s, u"web during pull %1"_s.arg(page)}}, token);
                if (created.status != 201)
                    qWarning() << created.describe();
                const HttpResponse list = m_world.http().get(u"/api/tasks/?limit=500"_s, token);
                const QJsonArray rows = list.json.toArray();
                if (!rows.isEmpty()) {
                    const qint64 id =
                        rows.at(page % rows.size()).toObject().value(u"id"_s).toInteger();
                    m_world.http().patch(u"/api/tasks/%1"_s.arg(id),
                                         {{u"notes"_s, u"patched during pull %1"_s.arg(page)}},
                                         token);
                }
            });
        QVERIFY2(a->sync(120000), qPrintable(a->lastSyncMessage()));
        disconnect(connection);
        QVERIFY2(page > 10, qPrintable(QString::number(page)));
        // then one more sync brings A level with the server
        QVERIFY2(a->sync(), qPrintable(a->lastSyncMessage()));
        QCOMPARE(a->store().taskCount().value(), m_world.serverTaskCount(user));
        const QString diff = m_world.differences(*a, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

private:
    SyncWorld m_world;
};

QTEST_GUILESS_MAIN(TestSyncOverlap)
#include "tst_sync_overlap.moc"
