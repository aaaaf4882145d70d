#include "model/IsoDateTime.h"
#include "store/LocalStore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bizy;

// The dashboard's numbers as the store reads them: completions on the user's
// calendar days (across a daylight saving change), the task summary with the
// completion rate, the goals of each horizon, and a new user's empty store.
class TestDashboardQuery : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    int m_opened = 0;
    const QTimeZone m_berlin{"Europe/Berlin"};

    static QDateTime utc(const QString& text) { return *IsoDateTime::parse(text); }

    Task add(const QJsonObject& fields) {
        const Result<Task> task = m_store->createTask(fields);
        if (!task)
            qFatal("cannot create a task: %s", qPrintable(task.error().message));
        return *task;
    }

    // A task completed at `when` (UTC), as a sync from another device writes it.
    void addCompleted(const QString& when) {
        const Task task = add({{u"title"_s, QString(u"done at "_s + when)}});
        QVERIFY(
            m_store
                ->updateTask(task.uuid, {{u"status"_s, u"completed"_s}, {u"completed_at"_s, when}})
                .ok());
    }

    Goal addGoal(const QString& horizon, const QJsonObject& fields) {
        QJsonObject all = fields;
        all.insert(u"title"_s, QString(horizon + u" goal"_s));
        all.insert(u"horizon"_s, horizon);
        return m_store->createGoal(all).value();
    }

    // The days that have completions, as "yyyy-MM-dd=n".
    static QStringList busyDays(const DashboardStats& stats) {
        QStringList days;
        for (const DashboardStats::Day& day : stats.completedPerDay) {
            if (day.completed > 0)
                days << u"%1=%2"_s.arg(day.date.toString(Qt::ISODate)).arg(day.completed);
        }
        return days;
    }

private slots:
    void initTestCase() { QVERIFY2(m_berlin.isValid(), "needs the tzdata package"); }

    void init() {
        QVERIFY(m_dir.isValid());
        m_store = LocalStore::open(m_dir.filePath(u"d%1.sqlite"_s.arg(++m_opened))).value();
    }

    void cleanup() { m_store.reset(); }

    void completionsCountOnTheUsersCalendarDays() {
        // given tasks completed around Berlin's midnights, the 23-hour day of 31 March 2030
        // (clocks go from 02:00 to 03:00) among them, and the first day of the window
        addCompleted(u"2030-04-01T22:30:00Z"_s); // 2 April 00:30 in Berlin
        addCompleted(u"2030-04-01T21:59:59Z"_s); // 1 April 23:59:59
        addCompleted(u"2030-03-31T22:30:00Z"_s); // 1 April 00:30: 24 hours after 31 March began
        addCompleted(u"2030-03-31T21:30:00Z"_s); // 31 March 23:30
        addCompleted(u"2030-03-30T23:00:00Z"_s); // 31 March 00:00
        addCompleted(u"2030-03-04T00:00:00Z"_s); // 4 March 01:00, the first of the 30 days
        addCompleted(u"2030-03-03T22:59:59Z"_s); // 3 March 23:59:59, one day too early
        // and a task completed and reopened, and one completed by the app just now
        const Task reopened = add({{u"title"_s, u"reopened"_s}});
        QVERIFY(m_store->completeTask(reopened.uuid).ok());
        QVERIFY(m_store->uncompleteTask(reopened.uuid).ok());

        // when the dashboard is read on 2 April 2030 at 09:00 in Berlin
        const QDateTime now(QDate(2030, 4, 2), QTime(9, 0), m_berlin);
        const DashboardStats stats = m_store->dashboardStats(now).value();

        // then there are 30 days, 4 March to 2 April, with the completions on Berlin's days
        QCOMPARE(stats.completedPerDay.size(), 30);
        QCOMPARE(stats.completedPerDay.first().date, QDate(2030, 3, 4));
        QCOMPARE(stats.completedPerDay.last().date, QDate(2030, 4, 2));
        QCOMPARE(busyDays(stats), (QStringList{u"2030-03-04=1"_s, u"2030-03-31=2"_s,
                                               u"2030-04-01=2"_s, u"2030-04-02=1"_s}));
        QCOMPARE(stats.completedInPeriod(), 6);
        // and the reopened task is not completed, the one before the window still is
        QCOMPARE(stats.completedTasks(), 7);

        // when the same instant is read in UTC
        const DashboardStats inUtc = m_store->dashboardStats(now.toUTC()).value();

        // then the completions fall on UTC's days: the one at 22:30 on 1 April is no longer
        // today's, the one at 23:00 on 30 March no longer 31 March's
        QCOMPARE(busyDays(inUtc), (QStringList{u"2030-03-04=1"_s, u"2030-03-30=1"_s,
                                               u"2030-03-31=2"_s, u"2030-04-01=2"_s}));

        // when the next day has come in Berlin
        const DashboardStats tomorrow = m_store->dashboardStats(now.addDays(1)).value();

        // then the window moves on by a day: 4 March leaves it, 3 April (empty) joins
        QCOMPARE(tomorrow.completedPerDay.first().date, QDate(2030, 3, 5));
        QCOMPARE(tomorrow.completedPerDay.last().date, QDate(2030, 4, 3));
        QCOMPARE(busyDays(tomorrow),
                 (QStringList{u"2030-03-31=2"_s, u"2030-04-01=2"_s, u"2030-04-02=1"_s}));
    }

    void taskSummaryAndCompletionRate() {
        // given four tasks: two completed (one of them due in the past), a pending one due in
        // the past, a blocked one without a category
        const QDateTime now = utc(u"2030-06-15T12:00:00Z"_s);
        add({{u"title"_s, u"late"_s},
             {u"priority"_s, 1},
             {u"category"_s, u"work"_s},
             {u"due_date"_s, u"2030-06-01T00:00:00Z"_s}});
        add({{u"title"_s, u"done late"_s},
             {u"priority"_s, 1},
             {u"category"_s, u"work"_s},
             {u"due_date"_s, u"2030-06-01T00:00:00Z"_s},
             {u"status"_s, u"completed"_s}});
        add({{u"title"_s, u"done"_s},
             {u"priority"_s, 2},
             {u"category"_s, u"home"_s},
             {u"status"_s, u"completed"_s}});
        add({{u"title"_s, u"stuck"_s}, {u"priority"_s, 5}, {u"status"_s, u"blocked"_s}});

        // when the dashboard is read
        const DashboardStats stats = m_store->dashboardStats(now).value();

        // then it counts by status, priority and category, one overdue, half of them completed
        QCOMPARE(stats.tasks.total, 4);
        QCOMPARE(
            stats.tasks.byStatus,
            (QMap<QString, qint64>{{u"pending"_s, 1}, {u"completed"_s, 2}, {u"blocked"_s, 1}}));
        QCOMPARE(stats.tasks.byPriority,
                 (QMap<QString, qint64>{{u"1"_s, 2}, {u"2"_s, 1}, {u"5"_s, 1}}));
        QCOMPARE(stats.tasks.byCategory,
                 (QMap<QString, qint64>{{u"work"_s, 2}, {u"home"_s, 1}, {u"uncategorized"_s, 1}}));
        QCOMPARE(stats.tasks.overdue, 1);
        QCOMPARE(stats.openTasks(), 2);
        QCOMPARE(stats.completionRate(), 50.0);
        QVERIFY(!stats.isEmpty());

        // when one more open task comes: 2 of 5, and then 2 of 3 after two are deleted
        const Task extra = add({{u"title"_s, u"extra"_s}});
        QCOMPARE(m_store->dashboardStats(now).value().completionRate(), 40.0);
        QVERIFY(m_store->deleteTask(extra.uuid).ok());
        const QList<Task> stuck = m_store->tasks({.status = TaskStatus::Blocked}).value();
        QVERIFY(m_store->deleteTask(stuck.first().uuid).ok());

        // then the rate has two places
        QCOMPARE(m_store->dashboardStats(now).value().completionRate(), 66.67);
    }

    void goalsByHorizonAverageTheActiveGoals() {
        // given two active yearly goals, three monthly in different states, a cancelled weekly
        addGoal(u"yearly"_s, {{u"progress_percentage"_s, 90}});
        addGoal(u"yearly"_s, {{u"progress_percentage"_s, 20.5}});
        addGoal(u"monthly"_s, {{u"status"_s, u"on_hold"_s}, {u"progress_percentage"_s, 10}});
        addGoal(u"monthly"_s, {{u"status"_s, u"completed"_s}});
        addGoal(u"monthly"_s, {{u"progress_percentage"_s, 100.0 / 3}});
        addGoal(u"weekly"_s, {{u"status"_s, u"cancelled"_s}});

        // when the dashboard is read
        const DashboardStats stats =
            m_store->dashboardStats(utc(u"2030-06-15T12:00:00Z"_s)).value();

        // then each horizon has its goals, its active ones and their average progress
        using H = DashboardStats::Horizon;
        QCOMPARE(stats.goalsByHorizon, (QList<H>{{GoalHorizon::Yearly, 2, 2, 55.25},
                                                 {GoalHorizon::Quarterly, 0, 0, 0},
                                                 {GoalHorizon::Monthly, 3, 1, 33.33},
                                                 {GoalHorizon::Weekly, 1, 0, 0}}));
        QCOMPARE(stats.goalCount(), 6);
        QVERIFY(!stats.isEmpty());
    }

    void aNewUsersStoreIsEmpty() {
        // given a new store; when the dashboard is read
        const DashboardStats stats =
            m_store->dashboardStats(QDateTime(QDate(2030, 6, 15), QTime(8, 0), m_berlin)).value();

        // then everything is zero, with the 30 days and four horizons still there
        QVERIFY(stats.isEmpty());
        QCOMPARE(stats.tasks.total, 0);
        QCOMPARE(stats.completionRate(), 0.0);
        QCOMPARE(stats.completedPerDay.size(), 30);
        QCOMPARE(stats.completedInPeriod(), 0);
        QCOMPARE(stats.goalsByHorizon.size(), 4);
        QCOMPARE(stats.goalCount(), 0);

        // and one goal is enough to have something to show
        addGoal(u"weekly"_s, {});
        QVERIFY(!m_store->dashboardStats(QDateTime::currentDateTime()).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDashboardQuery)
#include "tst_dashboardquery.moc"
