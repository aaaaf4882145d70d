#include "BlockingStore.h"
#include "ManualClock.h"
#include "model/IsoDateTime.h"
#include "reminders/ReminderScheduler.h"
#include "store/StoreClient.h"
#include "sync/ServerRow.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

const QTimeZone berlin("Europe/Berlin");
const QTimeZone newYork("America/New_York");

QDateTime at(const QString& local, const QTimeZone& zone = berlin) {
    QDateTime time = QDateTime::fromString(local, Qt::ISODate);
    time.setTimeZone(zone);
    return time.toUTC();
}

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A task as another device left it on the server, as a pull brings it.
ServerRow pulledTask(const QString& uuid, qint64 version, const QString& title,
                     const QJsonValue& due, const QString& status = u"pending"_s) {
    const QJsonObject json{
        {u"id"_s, 1000 + version},
        {u"user_id"_s, 7},
        {u"uuid"_s, uuid},
        {u"version"_s, version},
        {u"title"_s, title},
        {u"description"_s, QJsonValue::Null},
        {u"priority"_s, 3},
        {u"status"_s, status},
        {u"category"_s, QJsonValue::Null},
        {u"estimated_hours"_s, QJsonValue::Null},
        {u"actual_hours"_s, QJsonValue::Null},
        {u"due_date"_s, due},
        {u"parent_goal_id"_s, QJsonValue::Null},
        {u"parent_goal_uuid"_s, QJsonValue::Null},
        {u"dependencies"_s, QJsonValue::Null},
        {u"dependency_uuids"_s, QJsonValue::Null},
        {u"notes"_s, QJsonValue::Null},
        {u"tags"_s, QJsonValue::Null},
        {u"created_at"_s, u"2026-11-01T08:00:00"_s},
        {u"updated_at"_s, u"2026-11-02T10:00:00"_s},
        {u"completed_at"_s,
         status == u"completed"_s ? QJsonValue(u"2026-12-02T09:00:00"_s) : QJsonValue::Null},
    };
    Result<ServerRow> row = ServerRow::fromJson(EntityKind::Task, json);
    if (!row)
        qFatal("bad fabricated row: %s", qPrintable(row.error().message));
    return row.value();
}

ServerRow tombstone(const QString& uuid, qint64 version) {
    return ServerRow::fromJson(EntityKind::Task,
                               {{u"uuid"_s, uuid}, {u"deleted"_s, true}, {u"version"_s, version}})
        .value();
}

QStringList uuidsOf(const QSignalSpy& spy) {
    QStringList uuids;
    for (const QList<QVariant>& call : spy)
        uuids << call.at(0).value<Reminder>().taskUuid;
    return uuids;
}

} // namespace

class TestReminderScheduler : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_opened = 0;
    QString m_path;
    std::unique_ptr<StoreClient> m_client;
    BlockingStore m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ReminderScheduler> m_scheduler;
    std::unique_ptr<QSignalSpy> m_reminded;
    std::unique_ptr<QSignalSpy> m_summaries;
    std::unique_ptr<QSignalSpy> m_withdrawn;

    void openStore() {
        m_client = StoreClient::open(m_path).value();
        m_store = BlockingStore(m_client.get());
    }

    // A scheduler (the app starting) at the clock's time, on the store, its first plan made.
    void startScheduler(const ReminderSettings& settings = {}) {
        m_scheduler = std::make_unique<ReminderScheduler>(*m_clock);
        m_scheduler->setSettings(settings);
        m_reminded = std::make_unique<QSignalSpy>(m_scheduler.get(), &ReminderScheduler::remind);
        m_summaries =
            std::make_unique<QSignalSpy>(m_scheduler.get(), &ReminderScheduler::overdueSummary);
        m_withdrawn =
            std::make_unique<QSignalSpy>(m_scheduler.get(), &ReminderScheduler::withdrawn);
        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        m_scheduler->setStore(m_client.get());
        QVERIFY(planned.wait());
    }

    // Waits for a plan from what the store holds now.
    void settle() {
        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        m_scheduler->replan();
        QVERIFY(planned.wait());
    }

    // Time passes up to `when` and the timer (set for nextWake()) fires.
    void passUntil(const QDateTime& when) {
        m_clock->advance(m_clock->now().secsTo(when));
        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        m_scheduler->wake();
        QVERIFY(planned.wait());
    }

    QString createTask(const QString& title, const QDateTime& due) {
        const Result<Task> task =
            m_store.createTask({{u"title"_s, title}, {u"due_date"_s, IsoDateTime::format(due)}});
        if (!task)
            qFatal("task not created: %s", qPrintable(task.error().message));
        return task->uuid;
    }

    void restart() {
        m_scheduler.reset();
        m_client.reset();
        openStore();
        startScheduler();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(berlin.isValid() && newYork.isValid());
    }

    void init() {
        m_path = m_dir.filePath(u"r%1.sqlite"_s.arg(++m_opened));
        openStore();
        m_clock = std::make_unique<ManualClock>(at(u"2026-12-02T08:00:00"_s), berlin);
    }

    void cleanup() {
        m_reminded.reset();
        m_summaries.reset();
        m_withdrawn.reset();
        m_scheduler.reset();
        m_store = BlockingStore();
        m_client.reset();
    }

    void aTimedTaskIsRemindedItsLeadTimeBefore() {
        const QString uuid = createTask(u"Call the bank"_s, at(u"2026-12-02T10:00:00"_s));
        startScheduler();
        QCOMPARE(m_reminded->count(), 0);
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T09:45:00"_s));

        passUntil(at(u"2026-12-02T09:44:59"_s));
        QCOMPARE(m_reminded->count(), 0);
        passUntil(at(u"2026-12-02T09:45:00"_s));
        QCOMPARE(uuidsOf(*m_reminded), QStringList{uuid});
        const Reminder reminder = m_reminded->at(0).at(0).value<Reminder>();
        QCOMPARE(reminder.title, u"Call the bank"_s);
        QCOMPARE(reminder.due, at(u"2026-12-02T10:00:00"_s));
        QVERIFY(!reminder.allDay);

        // a lead time of an hour, set later, plans anew (the given one stays given)
        ReminderSettings hour;
        hour.leadMinutes = 60;
        const QString later = createTask(u"Meeting"_s, at(u"2026-12-02T12:00:00"_s));
        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        m_scheduler->setSettings(hour);
        QVERIFY(planned.wait());
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T11:00:00"_s));
        passUntil(at(u"2026-12-02T11:00:00"_s));
        QCOMPARE(uuidsOf(*m_reminded), (QStringList{uuid, later}));
    }

    void anAllDayTaskIsRemindedAtTheMorningHourOfItsDay() {
        const QString midnight = createTask(u"Birthday"_s, at(u"2026-12-03T00:00:00"_s));
        // a date typed on the quick-add line without a time: the end of that day
        const QString endOfDay = createTask(u"Report"_s, at(u"2026-12-04T23:59:00"_s));
        ReminderSettings settings;
        settings.morning = QTime(7, 30);
        startScheduler(settings);
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-03T07:30:00"_s));
        passUntil(at(u"2026-12-03T07:30:00"_s));
        QCOMPARE(uuidsOf(*m_reminded), QStringList{midnight});
        QVERIFY(m_reminded->at(0).at(0).value<Reminder>().allDay);
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-04T07:30:00"_s));
        passUntil(at(u"2026-12-04T07:30:00"_s));
        QCOMPARE(uuidsOf(*m_reminded), (QStringList{midnight, endOfDay}));
    }

    void aReminderIsGivenOnceAcrossARestart() {
        const QString uuid = createTask(u"Pay rent"_s, at(u"2026-12-02T08:10:00"_s));
        startScheduler(); // 08:00, lead 15: due now
        QCOMPARE(uuidsOf(*m_reminded), QStringList{uuid});

        m_clock->advance(60);
        restart();
        QCOMPARE(m_reminded->count(), 0);
        QCOMPARE(m_summaries->count(), 0); // not overdue yet
        // nor once it is past due and the app starts again: the summary names it
        m_clock->advance(3600);
        restart();
        QCOMPARE(m_reminded->count(), 0);
        QCOMPARE(m_summaries->count(), 1);

        // re-dated, it is a new due time: reminded again
        QVERIFY(m_store
                    .updateTask(
                        uuid, {{u"due_date"_s, IsoDateTime::format(at(u"2026-12-02T09:10:00"_s))}})
                    .ok());
        settle();
        QCOMPARE(uuidsOf(*m_reminded), QStringList{uuid});
    }

    void aSnoozedReminderComesBackAfterTheSnooze() {
        const QString uuid = createTask(u"Water plants"_s, at(u"2026-12-02T08:05:00"_s));
        startScheduler();
        QCOMPARE(m_reminded->count(), 1);
        const Reminder given = m_reminded->at(0).at(0).value<Reminder>();

        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        m_scheduler->snooze(given, ReminderRules::Snooze::TenMinutes);
        QVERIFY(planned.wait());
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T08:10:00"_s));
        passUntil(at(u"2026-12-02T08:10:00"_s));
        QCOMPARE(m_reminded->count(), 2);
        QVERIFY(m_reminded->at(1).at(0).value<Reminder>().snoozed);

        // snoozed until tomorrow: the morning hour, kept across a restart
        m_scheduler->snooze(given, ReminderRules::Snooze::Tomorrow);
        QVERIFY(planned.wait());
        restart();
        QCOMPARE(m_reminded->count(), 0);
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-03T09:00:00"_s));
        passUntil(at(u"2026-12-03T09:00:00"_s));
        QCOMPARE(uuidsOf(*m_reminded), QStringList{uuid});
        passUntil(at(u"2026-12-03T10:00:00"_s));
        QCOMPARE(m_reminded->count(), 1); // once
    }

    void overdueTasksAreSummedUpAtStartAndOnceADay() {
        const QString oldest = createTask(u"Tax return"_s, at(u"2026-11-20T12:00:00"_s));
        const QString yesterday = createTask(u"Groceries"_s, at(u"2026-12-01T00:00:00"_s));
        createTask(u"Today all day"_s, at(u"2026-12-02T00:00:00"_s)); // not overdue today
        createTask(u"Later"_s, at(u"2026-12-09T12:00:00"_s));
        const QString done = createTask(u"Done"_s, at(u"2026-11-25T12:00:00"_s));
        QVERIFY(m_store.completeTask(done).ok());

        startScheduler();
        QCOMPARE(m_summaries->count(), 1);
        OverdueSummary summary = m_summaries->at(0).at(0).value<OverdueSummary>();
        QCOMPARE(summary.count, 2);
        QCOMPARE(summary.first.size(), 2);
        QCOMPARE(summary.first.at(0).taskUuid, oldest);
        QCOMPARE(summary.first.at(1).taskUuid, yesterday);
        // the tasks overdue at start get no reminders of their own; today's all-day one does
        QCOMPARE(m_reminded->count(), 0);
        passUntil(at(u"2026-12-02T09:00:00"_s));
        QCOMPARE(m_reminded->count(), 1);
        QCOMPARE(m_summaries->count(), 1); // not twice on one day

        passUntil(at(u"2026-12-03T09:00:00"_s));
        QCOMPARE(m_summaries->count(), 2);
        summary = m_summaries->at(1).at(0).value<OverdueSummary>();
        QCOMPARE(summary.count, 3); // today's all-day task joined them
    }

    void changesArrivingBySyncUpdateRemindersAtOnce() {
        const QString completed = newUuid();
        const QString redated = newUuid();
        const QString deleted = newUuid();
        const QString moved = newUuid();
        QVERIFY(
            m_store
                .call([&](LocalStore& store) {
                    return store.applyPull(
                        {pulledTask(completed, 1, u"Shown, then done elsewhere"_s,
                                    u"2026-12-02T07:10:00"_s),
                         pulledTask(redated, 2, u"Shown, then re-dated elsewhere"_s,
                                    u"2026-12-02T07:12:00"_s),
                         pulledTask(deleted, 3, u"Deleted elsewhere"_s, u"2026-12-02T11:00:00"_s),
                         pulledTask(moved, 4, u"Moved earlier elsewhere"_s,
                                    u"2026-12-02T15:00:00"_s)},
                        4);
                })
                .ok());
        startScheduler();
        QCOMPARE(uuidsOf(*m_reminded), (QStringList{completed, redated}));
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T11:45:00"_s)); // `deleted` at 12:00

        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        QVERIFY(m_store
                    .call([&](LocalStore& store) {
                        return store.applyPull(
                            {pulledTask(completed, 5, u"Shown, then done elsewhere"_s,
                                        u"2026-12-02T07:10:00"_s, u"completed"_s),
                             pulledTask(redated, 6, u"Shown, then re-dated elsewhere"_s,
                                        u"2026-12-03T07:12:00"_s),
                             tombstone(deleted, 7),
                             pulledTask(moved, 8, u"Moved earlier elsewhere"_s,
                                        u"2026-12-02T07:20:00"_s)},
                            8);
                    })
                    .ok());
        // the shown reminders of the completed and re-dated tasks are taken down
        QTRY_COMPARE(m_withdrawn->count(), 2);
        QCOMPARE(QSet<QString>(
                     {m_withdrawn->at(0).at(0).toString(), m_withdrawn->at(1).at(0).toString()}),
                 QSet<QString>({completed, redated}));
        settle();
        // the moved task is due in 20 minutes: at 08:05 it is reminded
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T08:05:00"_s));
        passUntil(at(u"2026-12-02T08:05:00"_s));
        QCOMPARE(uuidsOf(*m_reminded), (QStringList{completed, redated, moved}));
        // the deleted one never comes; the re-dated one comes for its new time
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-03T07:57:00"_s));
    }

    void aCompletedOrDeletedTaskHereIsWithdrawn() {
        const QString a = createTask(u"A"_s, at(u"2026-12-02T08:01:00"_s));
        const QString b = createTask(u"B"_s, at(u"2026-12-02T08:02:00"_s));
        startScheduler();
        QCOMPARE(m_reminded->count(), 2);
        QVERIFY(m_store.completeTask(a).ok());
        QTRY_COMPARE(m_withdrawn->count(), 1);
        QCOMPARE(m_withdrawn->at(0).at(0).toString(), a);
        QVERIFY(m_store.deleteTask(b).ok());
        QTRY_COMPARE(m_withdrawn->count(), 2);
        QCOMPARE(m_withdrawn->at(1).at(0).toString(), b);
    }

    void daylightSavingChangesKeepLeadTimesAndMorningHours() {
        // Berlin springs forward on 29 March 2026 at 02:00 and falls back on 25 October at 03:00.
        m_clock = std::make_unique<ManualClock>(at(u"2026-03-28T20:00:00"_s), berlin);
        const QString timed = createTask(u"Early train"_s, at(u"2026-03-29T03:10:00"_s));
        const QString allDay = createTask(u"Spring day"_s, at(u"2026-03-29T00:00:00"_s));
        const QString autumn = createTask(u"Autumn day"_s, at(u"2026-10-25T00:00:00"_s));
        startScheduler();
        // 15 real minutes before: 01:55 by the clock of winter
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-03-29T03:10:00"_s).addSecs(-15 * 60));
        QCOMPARE(m_scheduler->nextWake()->toTimeZone(berlin).time(), QTime(1, 55));
        passUntil(*m_scheduler->nextWake());
        QCOMPARE(uuidsOf(*m_reminded), QStringList{timed});
        // 09:00 summer time is 07:00 UTC
        QCOMPARE(m_scheduler->nextWake(),
                 QDateTime(QDate(2026, 3, 29), QTime(7, 0), QTimeZone::utc()));
        passUntil(*m_scheduler->nextWake());
        QCOMPARE(uuidsOf(*m_reminded), (QStringList{timed, allDay}));

        m_clock->advance(m_clock->now().secsTo(at(u"2026-10-24T20:00:00"_s)));
        settle();
        // 09:00 winter time again is 08:00 UTC
        QCOMPARE(m_scheduler->nextWake(),
                 QDateTime(QDate(2026, 10, 25), QTime(8, 0), QTimeZone::utc()));
        passUntil(*m_scheduler->nextWake());
        QCOMPARE(uuidsOf(*m_reminded), (QStringList{timed, allDay, autumn}));
    }

    void aTimeZoneChangePlansInTheNewZone() {
        // midnight in New York is 06:00 in Berlin: a timed task there, all day in New York
        const QString uuid = createTask(u"Conference day"_s, at(u"2026-12-03T00:00:00"_s, newYork));
        startScheduler();
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-03T05:45:00"_s));
        QVERIFY(!m_scheduler->checkClock()); // nothing moved

        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        m_clock->setZone(newYork);
        QVERIFY(m_scheduler->checkClock());
        QVERIFY(planned.wait());
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-03T09:00:00"_s, newYork));
        passUntil(*m_scheduler->nextWake());
        QCOMPARE(uuidsOf(*m_reminded), QStringList{uuid});
        QVERIFY(m_reminded->at(0).at(0).value<Reminder>().allDay);
    }

    void sleepAndResumeGivesWhatCameDueOnceAndAJumpBackNothingAgain() {
        const QString uuid = createTask(u"Dentist"_s, at(u"2026-12-02T08:30:00"_s));
        const QString tonight = createTask(u"Call mum"_s, at(u"2026-12-02T20:00:00"_s));
        startScheduler();
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T08:15:00"_s));

        // asleep for two hours: the wall clock moved, the monotonic one did not
        m_clock->jump(2 * 3600);
        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        QVERIFY(m_scheduler->checkClock());
        QVERIFY(planned.wait());
        QCOMPARE(uuidsOf(*m_reminded), QStringList{uuid}); // came due while asleep
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T19:45:00"_s));
        QVERIFY(!m_scheduler->checkClock());

        // the clock set back an hour: nothing given comes again
        m_clock->jump(-3600);
        QVERIFY(m_scheduler->checkClock());
        QVERIFY(planned.wait());
        QCOMPARE(m_reminded->count(), 1);
        passUntil(at(u"2026-12-02T19:45:00"_s));
        QCOMPARE(uuidsOf(*m_reminded), (QStringList{uuid, tonight}));
    }

    void pausedRemindersWaitForThePauseToEnd() {
        const QString uuid = createTask(u"Stand-up"_s, at(u"2026-12-02T08:20:00"_s));
        startScheduler();
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T08:05:00"_s));
        QSignalSpy planned(m_scheduler.get(), &ReminderScheduler::planned);
        m_scheduler->pauseUntil(at(u"2026-12-02T09:00:00"_s));
        QVERIFY(planned.wait());
        QVERIFY(m_scheduler->isPaused());
        QCOMPARE(m_scheduler->nextWake(), at(u"2026-12-02T09:00:00"_s));
        passUntil(at(u"2026-12-02T08:30:00"_s));
        QCOMPARE(m_reminded->count(), 0);
        passUntil(at(u"2026-12-02T09:00:00"_s));
        QVERIFY(!m_scheduler->isPaused());
        QCOMPARE(uuidsOf(*m_reminded), QStringList{uuid});
    }

    void turnedOffNothingIsReminded() {
        createTask(u"Quiet"_s, at(u"2026-12-02T08:05:00"_s));
        ReminderSettings off;
        off.enabled = false;
        startScheduler(off);
        QCOMPARE(m_reminded->count(), 0);
        QCOMPARE(m_scheduler->nextWake(), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestReminderScheduler)
#include "tst_reminderscheduler.moc"
