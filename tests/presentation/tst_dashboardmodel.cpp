#include "BlockingStore.h"
#include "DashboardModel.h"
#include "store/StoreClient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bizy;

// The dashboard's numbers over a real store on its worker, at a pinned clock in
// Berlin: what a seeded store adds up to (completions back-dated as another
// device's sync writes them), numbers that follow changes and the day, one
// read at a time, none while the page is hidden.
class TestDashboardModel : public QObject {
    Q_OBJECT

private:
    using Count = DashboardModel::Count;
    QTemporaryDir m_dir;
    std::unique_ptr<StoreClient> m_client;
    BlockingStore m_store;
    std::unique_ptr<DashboardModel> m_model;
    const QTimeZone m_berlin{"Europe/Berlin"};
    QDateTime m_now;
    int m_reads = 0; // the model asks the clock once per read
    int m_opened = 0;

    QString addTask(const QJsonObject& fields) {
        const Result<Task> task = m_store.createTask(fields);
        if (!task)
            qFatal("cannot create a task: %s", qPrintable(task.error().message));
        return task->uuid;
    }

    void complete(const QString& uuid, const QString& when) {
        QVERIFY(m_store.updateTask(uuid, {{u"status"_s, u"completed"_s}, {u"completed_at"_s, when}})
                    .ok());
    }

    void bind() {
        m_model = std::make_unique<DashboardModel>();
        m_model->setClock([this] {
            ++m_reads;
            return m_now;
        });
        m_model->setStore(m_client.get());
        QTRY_VERIFY(m_model->isLoaded());
    }

    qint64 completedOn(const QDate& date) const {
        for (const DashboardStats::Day& day : m_model->stats().completedPerDay) {
            if (day.date == date)
                return day.completed;
        }
        return -1;
    }

    // Eight tasks, four of them completed: two today in Berlin (one at 00:30, which is
    // still yesterday in UTC), one on 10 June, one before the 30 days; one overdue.
    // Two active goals and one on hold.
    QStringList seed() {
        const QString report = addTask(
            {{u"title"_s, u"Write report"_s}, {u"priority"_s, 1}, {u"category"_s, u"work"_s}});
        const QString slides =
            addTask({{u"title"_s, u"Slides"_s}, {u"priority"_s, 2}, {u"category"_s, u"work"_s}});
        const QString windows =
            addTask({{u"title"_s, u"Windows"_s}, {u"priority"_s, 3}, {u"category"_s, u"home"_s}});
        const QString taxes =
            addTask({{u"title"_s, u"Taxes"_s}, {u"priority"_s, 3}, {u"category"_s, u"home"_s}});
        const QString invoice = addTask({{u"title"_s, u"Invoice"_s},
                                         {u"priority"_s, 1},
                                         {u"category"_s, u"work"_s},
                                         {u"due_date"_s, u"2030-06-14T12:00:00Z"_s}});
        addTask({{u"title"_s, u"Read"_s},
                 {u"priority"_s, 4},
                 {u"status"_s, u"in_progress"_s},
                 {u"due_date"_s, u"2030-06-16T12:00:00Z"_s}});
        addTask({{u"title"_s, u"Post office"_s},
                 {u"priority"_s, 5},
                 {u"category"_s, u"errands"_s},
                 {u"status"_s, u"blocked"_s}});
        const QString roses =
            addTask({{u"title"_s, u"Roses"_s}, {u"priority"_s, 2}, {u"category"_s, u"garden"_s}});
        complete(report, u"2030-06-15T06:00:00Z"_s);
        complete(slides, u"2030-06-14T22:30:00Z"_s);
        complete(windows, u"2030-06-10T12:00:00Z"_s);
        complete(taxes, u"2030-05-01T12:00:00Z"_s);
        for (const auto& [title, horizon, status, progress] :
             {std::tuple{u"Health"_s, u"yearly"_s, u"active"_s, 40.0},
              std::tuple{u"Launch"_s, u"quarterly"_s, u"active"_s, 70.0},
              std::tuple{u"Move"_s, u"quarterly"_s, u"on_hold"_s, 10.0}}) {
            if (!m_store
                     .createGoal({{u"title"_s, title},
                                  {u"horizon"_s, horizon},
                                  {u"status"_s, status},
                                  {u"progress_percentage"_s, progress}})
                     .ok())
                qFatal("cannot create a goal");
        }
        return {report, invoice, roses};
    }

private slots:
    void initTestCase() { QVERIFY2(m_berlin.isValid(), "needs the tzdata package"); }

    void init() {
        QVERIFY(m_dir.isValid());
        m_client = StoreClient::open(m_dir.filePath(u"m%1.sqlite"_s.arg(++m_opened))).value();
        m_store = BlockingStore(m_client.get());
        m_now = QDateTime(QDate(2030, 6, 15), QTime(10, 0), m_berlin);
        m_reads = 0;
    }

    void cleanup() {
        m_model.reset();
        m_store = BlockingStore();
        m_client.reset();
    }

    void addsUpASeededStore() {
        // given the seeded store; when the dashboard reads it on 15 June 2030, 10:00 in Berlin
        seed();
        bind();
        const DashboardStats& stats = m_model->stats();

        // then the tiles' numbers: 4 of 8 completed, 1 overdue, 3 in the last 30 days
        QCOMPARE(stats.tasks.total, 8);
        QCOMPARE(stats.openTasks(), 4);
        QCOMPARE(stats.tasks.overdue, 1);
        QCOMPARE(stats.completionRate(), 50.0);
        QCOMPARE(stats.completedInPeriod(), 3);
        // and the bars: 17 May to 15 June, two today, one on 10 June
        QCOMPARE(stats.completedPerDay.size(), 30);
        QCOMPARE(stats.completedPerDay.first().date, QDate(2030, 5, 17));
        QCOMPARE(completedOn(QDate(2030, 6, 15)), 2);
        QCOMPARE(completedOn(QDate(2030, 6, 14)), 0);
        QCOMPARE(completedOn(QDate(2030, 6, 10)), 1);
        // and the charts' counts in words
        QCOMPARE(
            m_model->byStatus(),
            (QList<Count>{
                {u"Pending"_s, 2}, {u"In progress"_s, 1}, {u"Blocked"_s, 1}, {u"Completed"_s, 4}}));
        QCOMPARE(m_model->byPriority(), (QList<Count>{{u"1 - Highest"_s, 2},
                                                      {u"2 - High"_s, 2},
                                                      {u"3 - Normal"_s, 2},
                                                      {u"4 - Low"_s, 1},
                                                      {u"5 - Lowest"_s, 1}}));
        QCOMPARE(
            m_model->byCategory(3),
            (QList<Count>{{u"work"_s, 3}, {u"home"_s, 2}, {u"errands"_s, 1}, {u"Other"_s, 2}}));
        QCOMPARE(m_model->byCategory(), (QList<Count>{{u"work"_s, 3},
                                                      {u"home"_s, 2},
                                                      {u"errands"_s, 1},
                                                      {u"garden"_s, 1},
                                                      {u"No category"_s, 1}}));
        // and the goals of each horizon with the average progress of the active ones
        using H = DashboardStats::Horizon;
        QCOMPARE(stats.goalsByHorizon, (QList<H>{{GoalHorizon::Yearly, 1, 1, 40},
                                                 {GoalHorizon::Quarterly, 2, 1, 70},
                                                 {GoalHorizon::Monthly, 0, 0, 0},
                                                 {GoalHorizon::Weekly, 0, 0, 0}}));
    }

    void followsChangesOfTasks() {
        // given the seeded store on the dashboard
        const QStringList uuids = seed();
        bind();
        QSignalSpy changed(m_model.get(), &DashboardModel::changed);

        // when the roses are done this morning
        complete(uuids.at(2), u"2030-06-15T07:00:00Z"_s);

        // then today has three, five of eight are completed
        QVERIFY(changed.wait(5000));
        QCOMPARE(completedOn(QDate(2030, 6, 15)), 3);
        QCOMPARE(m_model->stats().completedInPeriod(), 4);
        QCOMPARE(m_model->stats().completionRate(), 62.5);
        QCOMPARE(m_model->byStatus().first(), (Count{u"Pending"_s, 1}));

        // when the overdue invoice is deleted
        QVERIFY(m_store.deleteTask(uuids.at(1)).ok());

        // then nothing is overdue, and 5 of 7 are completed
        QTRY_COMPARE(m_model->stats().tasks.overdue, 0);
        QCOMPARE(m_model->stats().completionRate(), 71.43);
    }

    void followsTheClock() {
        // given the seeded store on the dashboard on 15 June
        seed();
        bind();

        // when it is read again the next morning (what the minute's tick does)
        m_now = QDateTime(QDate(2030, 6, 16), QTime(9, 0), m_berlin);
        m_model->refresh();

        // then the 30 days end on 16 June and 10 June's completion is still among them
        QTRY_COMPARE(m_model->stats().completedPerDay.last().date, QDate(2030, 6, 16));
        QCOMPARE(m_model->stats().completedPerDay.first().date, QDate(2030, 5, 18));
        QCOMPARE(completedOn(QDate(2030, 6, 16)), 0);
        QCOMPARE(completedOn(QDate(2030, 6, 15)), 2);
        QCOMPARE(m_model->stats().tasks.overdue, 1);

        // when the reading's due time (16 June, 14:00 in Berlin) has passed
        m_now = QDateTime(QDate(2030, 6, 16), QTime(14, 1), m_berlin);
        m_model->refresh();

        // then it is overdue too
        QTRY_COMPARE(m_model->stats().tasks.overdue, 2);
    }

    void changesDuringAReadAreFoldedIntoOneMore() {
        // given an empty store on the dashboard, read once
        bind();
        QCOMPARE(m_reads, 1);
        QVERIFY(m_model->stats().isEmpty());

        // when five tasks are added one after another without waiting
        for (int i = 0; i < 5; ++i)
            m_client->run([i](LocalStore& store) {
                return store.createTask(QJsonObject{{u"title"_s, u"Task %1"_s.arg(i)}});
            });

        // then the numbers settle on five tasks after two more reads: the first change's,
        // and one for the four that came while it ran
        QTRY_COMPARE(m_model->stats().tasks.total, 5);
        QTest::qWait(50);
        QCOMPARE(m_reads, 3);
    }

    void readsNothingWhileInactive() {
        // given the dashboard, read, then hidden
        const QStringList uuids = seed();
        bind();
        const int reads = m_reads;
        m_model->setActive(false);
        QSignalSpy changed(m_model.get(), &DashboardModel::changed);

        // when a task is completed and the clock moves
        complete(uuids.at(2), u"2030-06-15T07:00:00Z"_s);
        m_model->refresh();
        QTest::qWait(50);

        // then nothing was read, and the old numbers stay
        QCOMPARE(m_reads, reads);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(completedOn(QDate(2030, 6, 15)), 2);

        // when it is shown again
        m_model->setActive(true);

        // then it reads once and catches up
        QVERIFY(changed.wait(5000));
        QCOMPARE(m_reads, reads + 1);
        QCOMPARE(completedOn(QDate(2030, 6, 15)), 3);
    }

    void anotherStoreStartsAfresh() {
        // given the seeded store on the dashboard
        seed();
        bind();
        QVERIFY(!m_model->stats().isEmpty());

        // when the model follows a new user's store (another account)
        auto other = StoreClient::open(m_dir.filePath(u"other.sqlite"_s)).value();
        m_model->setStore(other.get());

        // then nothing is known until the store answers, and then it is empty
        QVERIFY(!m_model->isLoaded());
        QCOMPARE(m_model->stats().tasks.total, 0);
        QTRY_VERIFY(m_model->isLoaded());
        QVERIFY(m_model->stats().isEmpty());
        QCOMPARE(m_model->byPriority().size(), 5);
        QCOMPARE(m_model->byCategory(), QList<Count>{});
        m_model->setStore(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestDashboardModel)
#include "tst_dashboardmodel.moc"
