#include "BlockingStore.h"
#include "store/StoreClient.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace bizy;

// The store on its worker thread: where jobs run, in which order, what their
// callers see, and what a change publishes.
class TestStoreClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<StoreClient> open(const QString& name = u"store.sqlite"_s) {
        auto client = StoreClient::open(m_dir.filePath(name));
        if (!client)
            qFatal("cannot open a store: %s", qPrintable(client.error().message));
        return std::move(client).value();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void jobsRunOnTheWorker_oneAfterAnother_inTheOrderPosted() {
        // given a store
        auto client = open(u"order.sqlite"_s);
        // when several jobs are posted at once
        QList<QFuture<int>> futures;
        QList<Qt::HANDLE> threads;
        QList<int> order;
        for (int i = 0; i < 20; ++i)
            futures << client->run([i, &threads, &order](LocalStore&) {
                threads << QThread::currentThreadId();
                order << i;
                return i;
            });
        QTRY_VERIFY(std::all_of(futures.cbegin(), futures.cend(),
                                [](const QFuture<int>& future) { return future.isFinished(); }));
        // then none ran on this thread, all on one, in order
        QCOMPARE(order.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(order.at(i), i);
        QVERIFY(threads.first() != QThread::currentThreadId());
        QCOMPARE(QSet<Qt::HANDLE>(threads.cbegin(), threads.cend()).size(), 1);
    }

    void aChangeIsPublishedWithItsRows_beforeTheJobsContinuationRuns() {
        // given a store and someone listening to its changes
        auto client = open(u"events.sqlite"_s);
        QList<StoreChanges> events;
        connect(client.get(), &StoreClient::changed, this,
                [&](const StoreChanges& changes) { events << changes; });
        // when a task is created and the caller continues on its own thread
        bool sawTheEventFirst = false;
        bool continued = false;
        client
            ->run([](LocalStore& store) {
                return store.createTask(QJsonObject{{u"title"_s, u"Water the plants"_s}});
            })
            .then(this, [&](const Result<Task>& task) {
                QVERIFY(task.ok());
                sawTheEventFirst = events.size() == 1;
                continued = true;
            });
        QTRY_VERIFY(continued);
        // then the event came first and carries the row as stored, and the outbox count
        QVERIFY(sawTheEventFirst);
        QCOMPARE(events.first().tasks.size(), 1);
        QCOMPARE(events.first().tasks.first().title, u"Water the plants"_s);
        QCOMPARE(events.first().pendingCount, std::optional<qsizetype>(1));
        QVERIFY(!events.first().bulk);
    }

    void aDeleteIsPublishedAsRemoved_andALargeImportAsBulk() {
        auto client = open(u"bulk.sqlite"_s);
        QList<StoreChanges> events;
        connect(client.get(), &StoreClient::changed, this,
                [&](const StoreChanges& changes) { events << changes; });
        // when a task is made and deleted
        const BlockingStore store(client.get());
        const QString uuid = store.createTask(QJsonObject{{u"title"_s, u"Gone"_s}})->uuid;
        QVERIFY(store.deleteTask(uuid).ok());
        QTRY_COMPARE(events.size(), 2);
        // then the delete names the task as removed, with no row
        QCOMPARE(events.last().removedTasks, QStringList{uuid});
        QVERIFY(events.last().tasks.isEmpty());
        // when more rows change at once than an event carries
        QList<QJsonObject> many;
        for (qsizetype i = 0; i <= LocalStore::kMaxCarriedRows; ++i)
            many << QJsonObject{{u"title"_s, u"Imported %1"_s.arg(i)}};
        QVERIFY(store.createTasks(many).ok());
        // then the event says only that much changed
        QTRY_COMPARE(events.size(), 3);
        QVERIFY(events.last().bulk);
        QVERIFY(events.last().tasks.isEmpty());
        QCOMPARE(events.last().pendingCount,
                 std::optional<qsizetype>(LocalStore::kMaxCarriedRows + 1));
    }

    void closingFinishesWhatWasPosted() {
        // given jobs posted just before the store closes
        const QString name = u"closing.sqlite"_s;
        {
            auto client = open(name);
            for (int i = 0; i < 50; ++i)
                (void)client->run([i](LocalStore& store) {
                    return store.createTask(QJsonObject{{u"title"_s, u"Late %1"_s.arg(i)}});
                });
        }
        // then every one of them is in the file
        auto reopened = open(name);
        QCOMPARE(BlockingStore(reopened.get()).taskCount().value(), 50);
    }

    void aFileThatCannotBeOpenedIsAnError() {
        // given a file that is not a store
        const QString path = m_dir.filePath(u"garbage.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        // when it is opened
        const Result<std::unique_ptr<StoreClient>> client = StoreClient::open(path);
        // then the error says so and names the file
        QVERIFY(!client);
        QCOMPARE(client.error().code, Error::Code::Storage);
        QVERIFY2(client.error().message.contains(path), qPrintable(client.error().message));
    }
};

QTEST_GUILESS_MAIN(TestStoreClient)
#include "tst_storeclient.moc"
