#include "store/LocalStore.h"
#include "store/TaskFilter.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// TaskFilter::matches and listsBefore, which models use to place a changed
// task without asking the store, must agree with the store's own query.
class TestTaskFilter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    QDateTime m_now;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_store = LocalStore::open(m_dir.filePath(u"filter.sqlite"_s)).value();
        m_now = QDateTime(QDate(2030, 6, 15), QTime(12, 0), Qt::UTC);
        const QString goal =
            m_store->createGoal(QJsonObject{{u"title"_s, u"G"_s}, {u"horizon"_s, u"monthly"_s}})
                ->uuid;
        // Tasks over every criterion, due dates around "now", some without.
        QRandomGenerator random(7);
        const QStringList statuses{u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s};
        const QStringList categories{u"work"_s, u"home"_s};
        QList<QJsonObject> tasks;
        for (int i = 0; i < 300; ++i) {
            QJsonObject task{{u"title"_s, u"Task %1"_s.arg(i)},
                             {u"priority"_s, int(random.bounded(1, 6))},
                             {u"status"_s, statuses.at(int(random.bounded(4)))}};
            if (random.bounded(3) > 0)
                task.insert(u"category"_s, categories.at(int(random.bounded(2))));
            if (random.bounded(3) > 0)
                task.insert(u"due_date"_s,
                            m_now.addSecs(qint64(random.bounded(-10 * 86400, 10 * 86400)))
                                .toString(Qt::ISODate));
            if (random.bounded(2) == 0)
                task.insert(u"tags"_s, QJsonArray{u"t%1"_s.arg(random.bounded(3))});
            if (random.bounded(4) == 0)
                task.insert(u"parent_goal_uuid"_s, goal);
            tasks << task;
        }
        QVERIFY(m_store->createTasks(tasks).ok());
    }

    void cleanupTestCase() { m_store.reset(); }

    void matchesAndOrderAgreeWithTheStore_data() {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 14; ++i)
            QTest::newRow(qPrintable(u"filter %1"_s.arg(i))) << i;
    }

    void matchesAndOrderAgreeWithTheStore() {
        QFETCH(int, which);
        TaskFilter filter;
        filter.now = m_now;
        switch (which) {
        case 1:
            filter.status = TaskStatus::Blocked;
            break;
        case 2:
            filter.includeCompleted = false;
            break;
        case 3:
            filter.priority = 2;
            break;
        case 4:
            filter.category = u"home"_s;
            break;
        case 5:
            filter.tag = u"t1"_s;
            break;
        case 6:
            filter.goalUuid = QString();
            break;
        case 7:
            filter.goalUuid = m_store->goals()->first().uuid;
            break;
        case 8:
            filter.due = TaskFilter::Due::Today;
            break;
        case 9:
            filter.due = TaskFilter::Due::Upcoming;
            break;
        case 10:
            filter.due = TaskFilter::Due::Overdue;
            break;
        case 11:
            filter.due = TaskFilter::Due::Overdue;
            filter.priority = 1;
            break;
        case 12:
            filter.includeCompleted = false;
            filter.category = u"work"_s;
            break;
        case 13:
            filter.status = TaskStatus::Completed;
            filter.tag = u"t0"_s;
            break;
        default:
            break;
        }
        // given every task, and the store's answer for the filter
        const QList<Task> all = m_store->tasks().value();
        const QList<Task> stored = m_store->tasks(filter).value();
        // when the filter and the order are applied in C++
        QList<Task> computed;
        for (const Task& task : all) {
            if (filter.matches(task))
                computed << task;
        }
        std::stable_sort(computed.begin(), computed.end(), &TaskFilter::listsBefore);
        // then both hold the same tasks in the same order (rows equal in every key aside)
        QCOMPARE(computed.size(), stored.size());
        for (qsizetype i = 0; i < stored.size(); ++i) {
            const bool sameKeys = !TaskFilter::listsBefore(computed.at(i), stored.at(i)) &&
                                  !TaskFilter::listsBefore(stored.at(i), computed.at(i));
            QVERIFY2(sameKeys, qPrintable(u"row %1: %2 against %3"_s.arg(i).arg(
                                   computed.at(i).title, stored.at(i).title)));
        }
        QVERIFY(!filter.hasSearch());
    }

    void onlyWordsMakeASearch() {
        TaskFilter filter;
        filter.search = u"  *** "_s;
        QVERIFY(!filter.hasSearch());
        filter.search = u"report"_s;
        QVERIFY(filter.hasSearch());
    }
};

QTEST_GUILESS_MAIN(TestTaskFilter)
#include "tst_taskfilter.moc"
