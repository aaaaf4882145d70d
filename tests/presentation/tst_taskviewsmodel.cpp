#include "BlockingStore.h"
#include "TaskViewsModel.h"
#include "model/IsoDateTime.h"
#include "store/StoreClient.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// The sidebar's task views over a real store on its worker: what each view
// holds, and counts that follow every change.
class TestTaskViewsModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreClient> m_client;
    BlockingStore m_store;
    std::unique_ptr<TaskViewsModel> m_model;
    int m_opened = 0;

    QString addTask(const QString& title, const std::optional<QDateTime>& due = std::nullopt) {
        QJsonObject fields{{u"title"_s, title}};
        if (due)
            fields.insert(u"due_date"_s, IsoDateTime::format(due->toUTC()));
        const Result<Task> task = m_store.createTask(fields);
        if (!task)
            qFatal("cannot create a task: %s", qPrintable(task.error().message));
        return task->uuid;
    }

    QList<qsizetype> counts() const {
        QList<qsizetype> counts;
        for (int view = 0; view < TaskViewsModel::ViewCount; ++view)
            counts << m_model->index(view).data(TaskViewsModel::CountRole).toLongLong();
        return counts;
    }

    void bind() {
        m_model = std::make_unique<TaskViewsModel>();
        new QAbstractItemModelTester(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
        QSignalSpy counted(m_model.get(), &TaskViewsModel::countsChanged);
        m_model->setStore(m_client.get());
        QVERIFY(counted.wait(5000));
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_client = StoreClient::open(m_dir.filePath(u"v%1.sqlite"_s.arg(++m_opened))).value();
        m_store = BlockingStore(m_client.get());
    }

    void cleanup() {
        m_model.reset();
        m_store = BlockingStore();
        m_client.reset();
    }

    void eachViewCountsWhatItShows() {
        // given tasks due early today, tomorrow, yesterday, in 40 days, without a date, and a
        // completed one that was due yesterday
        const QDate today = QDate::currentDate();
        const QString earlyToday = addTask(u"Early today"_s, QDateTime(today, QTime(0, 0, 30)));
        addTask(u"Tomorrow"_s, QDateTime(today.addDays(1), QTime(12, 0)));
        addTask(u"Yesterday"_s, QDateTime(today.addDays(-1), QTime(12, 0)));
        addTask(u"Later"_s, QDateTime(today.addDays(40), QTime(12, 0)));
        addTask(u"Someday"_s);
        const QString done = addTask(u"Done"_s, QDateTime(today.addDays(-1), QTime(9, 0)));
        QVERIFY(m_store.completeTask(done).ok());

        // when the views are counted
        bind();

        // then Today has the task due today, Upcoming tomorrow's, Overdue today's and
        // yesterday's open ones, All every task and Completed the done one
        QCOMPARE(counts(), (QList<qsizetype>{1, 1, 2, 6, 1}));
        QCOMPARE(m_model->index(TaskViewsModel::Today).data().toString(), u"Today"_s);
        QCOMPARE(m_model->index(TaskViewsModel::Overdue).data(Qt::AccessibleTextRole).toString(),
                 u"Overdue, 2"_s);

        // and each view's filter lists exactly the tasks it counts
        const QDateTime now = QDateTime::currentDateTime();
        const auto titlesIn = [&](TaskViewsModel::View view) {
            QStringList titles;
            for (const Task& task : m_store.tasks(TaskViewsModel::filterFor(view, now)).value())
                titles << task.title;
            titles.sort();
            return titles;
        };
        QCOMPARE(titlesIn(TaskViewsModel::Today), QStringList{u"Early today"_s});
        QCOMPARE(titlesIn(TaskViewsModel::Upcoming), QStringList{u"Tomorrow"_s});
        QCOMPARE(titlesIn(TaskViewsModel::Overdue),
                 (QStringList{u"Early today"_s, u"Yesterday"_s}));
        QCOMPARE(titlesIn(TaskViewsModel::Completed), QStringList{u"Done"_s});

        // when today's task is completed
        QVERIFY(m_store.completeTask(earlyToday).ok());

        // then it leaves Today and Overdue and joins Completed
        QTRY_COMPARE(counts(), (QList<qsizetype>{0, 1, 1, 6, 2}));
    }

    void countsFollowChangesThatArriveWhileCounting() {
        // given an empty store
        bind();
        QCOMPARE(counts(), (QList<qsizetype>{0, 0, 0, 0, 0}));

        // when tasks are added one after another without waiting, and then many at once
        for (int i = 0; i < 5; ++i)
            m_client->run([i](LocalStore& store) {
                return store.createTask(QJsonObject{{u"title"_s, u"Task %1"_s.arg(i)}});
            });
        QList<QJsonObject> many;
        for (int i = 0; i < 2000; ++i)
            many << QJsonObject{{u"title"_s, u"Imported %1"_s.arg(i)}};
        QVERIFY(m_store.createTasks(many).ok());

        // then the counts settle on what the store holds
        QTRY_COMPARE(counts(), (QList<qsizetype>{0, 0, 0, 2005, 0}));

        // when a task is deleted
        const QList<Task> some = m_store.tasks().value();
        QVERIFY(m_store.deleteTask(some.first().uuid).ok());

        // then All counts one fewer
        QTRY_COMPARE(counts().at(TaskViewsModel::All), qsizetype(2004));
    }

    void anotherStoreStartsAfresh() {
        // given a store with a task, counted
        addTask(u"One"_s);
        bind();
        QCOMPARE(counts().at(TaskViewsModel::All), qsizetype(1));

        // when the model follows an empty store (another account)
        auto other = StoreClient::open(m_dir.filePath(u"other.sqlite"_s)).value();
        QSignalSpy counted(m_model.get(), &TaskViewsModel::countsChanged);
        m_model->setStore(other.get());

        // then the counts are unknown until the new store answers, then zero
        QCOMPARE(counts().at(TaskViewsModel::All), qsizetype(-1));
        QVERIFY(counted.wait(5000));
        QCOMPARE(counts(), (QList<qsizetype>{0, 0, 0, 0, 0}));
        m_model->setStore(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestTaskViewsModel)
#include "tst_taskviewsmodel.moc"
