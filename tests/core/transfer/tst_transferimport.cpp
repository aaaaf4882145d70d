#include "model/IsoDateTime.h"
#include "store/LocalStore.h"
#include "transfer/TransferExporter.h"
#include "transfer/TransferImporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// Import and export through real SQLite stores: round trips of each format
// into an empty store, bad files that change nothing, uuids that exist already.
class TestTransferImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_stores = 0;

    std::unique_ptr<LocalStore> newStore() {
        auto opened = LocalStore::open(m_dir.filePath(u"store%1.sqlite"_s.arg(++m_stores)));
        if (!opened)
            qFatal("cannot open a store: %s", qPrintable(opened.error().message));
        return std::move(opened).value();
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }

    void writeFile(const QString& name, const QByteArray& bytes) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    // A goal tree of three levels, tasks under them with a dependency between
    // two, one completed, one with every field and one with none.
    static void fill(LocalStore& store, bool withGoals) {
        QString monthly;
        if (withGoals) {
            const Result<Goal> yearly =
                store.createGoal(QJsonObject{{u"title"_s, u"Grow the shop"_s},
                                             {u"horizon"_s, u"yearly"_s},
                                             {u"target_date"_s, u"2026-12-31T00:00:00"_s},
                                             {u"success_criteria"_s, u"Twice the sales"_s},
                                             {u"metrics"_s, QJsonObject{{u"sales"_s, 200}}}});
            QVERIFY(yearly.ok());
            const Result<Goal> quarterly =
                store.createGoal(QJsonObject{{u"title"_s, u"Q4 campaign"_s},
                                             {u"horizon"_s, u"quarterly"_s},
                                             {u"parent_goal_uuid"_s, yearly->uuid}});
            QVERIFY(quarterly.ok());
            const Result<Goal> month =
                store.createGoal(QJsonObject{{u"title"_s, u"December mailing"_s},
                                             {u"horizon"_s, u"monthly"_s},
                                             {u"parent_goal_uuid"_s, quarterly->uuid}});
            QVERIFY(month.ok());
            monthly = month->uuid;
            // A goal of its own, with a progress someone set by hand.
            QVERIFY(store
                        .createGoal(QJsonObject{{u"title"_s, u"Learn Italian"_s},
                                                {u"horizon"_s, u"weekly"_s},
                                                {u"progress_percentage"_s, 40}})
                        .ok());
        }
        QJsonObject full{
            {u"title"_s, u"Write the \"newsletter\", part 1;\nsecond line \u2013 caf\u00e9"_s},
            {u"description"_s, u"Numbers, pictures; and a quote \""_s},
            {u"priority"_s, 1},
            {u"status"_s, u"in_progress"_s},
            {u"category"_s, u"marketing"_s},
            {u"estimated_hours"_s, 2.5},
            {u"actual_hours"_s, 0.75},
            {u"due_date"_s, u"2026-12-10T09:30:00"_s},
            {u"notes"_s, u"ask Ana"_s},
            {u"tags"_s, QJsonArray{u"q4"_s, u"mail"_s}}};
        if (withGoals)
            full.insert(u"parent_goal_uuid"_s, monthly);
        const Result<Task> first = store.createTask(full);
        QVERIFY(first.ok());
        QJsonObject second{{u"title"_s, u"Send it"_s},
                           {u"dependency_uuids"_s, QJsonArray{first->uuid}},
                           {u"priority"_s, 2}};
        if (withGoals)
            second.insert(u"parent_goal_uuid"_s, monthly);
        QVERIFY(store.createTask(second).ok());
        const Result<Task> done = store.createTask(QJsonObject{{u"title"_s, u"Order paper"_s}});
        QVERIFY(done.ok());
        QVERIFY(store.completeTask(done->uuid, 1.0).ok());
        QVERIFY(store
                    .createTask(QJsonObject{{u"title"_s, u"Blocked one"_s},
                                            {u"status"_s, u"blocked"_s},
                                            {u"priority"_s, 5}})
                    .ok());
    }

    // What a store holds, as the JSON export has it, without what belongs to
    // the store rather than the data (server ids, versions, the time of the
    // last local write).
    static QJsonObject data(LocalStore& store, const QStringList& dropped = {}) {
        QJsonObject all;
        for (const QString& list : {u"goals"_s, u"tasks"_s}) {
            QJsonArray rows;
            const QList<QJsonObject> objects = [&] {
                QList<QJsonObject> out;
                if (list == u"goals") {
                    for (const Goal& goal : store.goals().value())
                        out << goal.toSyncJson();
                } else {
                    for (const Task& task : store.tasks().value())
                        out << task.toSyncJson();
                }
                return out;
            }();
            // By uuid: goals created in the same millisecond have no other order.
            QList<QJsonObject> sorted = objects;
            std::sort(sorted.begin(), sorted.end(), [](const QJsonObject& a, const QJsonObject& b) {
                return a.value(u"uuid"_s).toString() < b.value(u"uuid"_s).toString();
            });
            for (QJsonObject row : sorted) {
                for (const QString& key :
                     QStringList{u"id"_s, u"user_id"_s, u"version"_s, u"updated_at"_s} + dropped)
                    row.remove(key);
                rows.append(row);
            }
            all.insert(list, rows);
        }
        return all;
    }

    static QByteArray pretty(const QJsonObject& object) {
        return QJsonDocument(object).toJson(QJsonDocument::Indented);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void jsonRoundTripGivesTheSameData() {
        // given a store with a goal tree, tasks under it and a dependency
        auto source = newStore();
        fill(*source, true);
        // when it is exported to JSON and imported into an empty store
        const Result<TransferSummary> exported =
            TransferExporter::exportFile(*source, path(u"all.json"_s));
        QVERIFY2(exported.ok(), qPrintable(exported.ok() ? QString() : exported.error().message));
        QCOMPARE(exported->goals, 4);
        QCOMPARE(exported->tasks, 4);
        auto target = newStore();
        QList<std::pair<qsizetype, qsizetype>> steps;
        const Result<TransferSummary> imported = TransferImporter::importFile(
            *target, path(u"all.json"_s),
            [&](qsizetype done, qsizetype total) { steps << std::pair(done, total); });
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
        QCOMPARE(imported->goals, 4);
        QCOMPARE(imported->tasks, 4);
        // then both hold the same goals, tree, tasks and relations, uuids included
        QCOMPARE(pretty(data(*target)), pretty(data(*source)));
        // and every new row waits in the outbox to be synced
        QCOMPARE(target->pendingCount().value(), 8);
        // and progress went from nothing to all of it (8 records checked, then
        // the 4 tasks written as half a step each), never backwards
        QVERIFY(steps.size() >= 3);
        QCOMPARE(steps.first(), std::pair(qsizetype(0), qsizetype(10)));
        QCOMPARE(steps.last(), std::pair(qsizetype(10), qsizetype(10)));
        QVERIFY(steps.at(steps.size() - 2).first < 10); // full only once written
        for (qsizetype i = 1; i < steps.size(); ++i)
            QVERIFY(steps.at(i).first >= steps.at(i - 1).first);
    }

    void csvRoundTripKeepsTheTasks() {
        auto source = newStore();
        fill(*source, false);
        QVERIFY(TransferExporter::exportFile(*source, path(u"tasks.csv"_s)).ok());
        auto target = newStore();
        const Result<TransferSummary> imported =
            TransferImporter::importFile(*target, path(u"tasks.csv"_s));
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
        QCOMPARE(imported->tasks, 4);
        QCOMPARE(pretty(data(*target)), pretty(data(*source)));
    }

    void icsRoundTripKeepsTheTasks() {
        auto source = newStore();
        fill(*source, false);
        QVERIFY(TransferExporter::exportFile(*source, path(u"tasks.ics"_s)).ok());
        auto target = newStore();
        const Result<TransferSummary> imported =
            TransferImporter::importFile(*target, path(u"tasks.ics"_s));
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
        QCOMPARE(imported->tasks, 4);
        // iCalendar times are whole seconds; created_at and completed_at carry
        // milliseconds here, so they are compared to the second.
        QJsonObject expected = data(*source, {u"created_at"_s, u"completed_at"_s});
        QCOMPARE(pretty(data(*target, {u"created_at"_s, u"completed_at"_s})), pretty(expected));
        for (const Task& task : source->tasks().value()) {
            const Task copy = target->task(task.uuid).value();
            QCOMPARE(copy.createdAt.toSecsSinceEpoch(), task.createdAt.toSecsSinceEpoch());
            QCOMPARE(copy.completedAt.has_value(), task.completedAt.has_value());
        }
    }

    void aBadRecordImportsNothingAndIsNamed_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("json priority")
            << u"bad.json"_s
            << QByteArray(
                   R"({"tasks": [{"title": "A"}, {"title": "B"}, {"title": "C", "priority": 9}]})")
            << u"Cannot import bad.json: tasks[2]: priority: Input should be less than or equal to 5"_s;
        QTest::newRow("json goal without horizon")
            << u"bad.json"_s
            << QByteArray(
                   R"({"goals": [{"title": "G", "uuid": "0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11"}], "tasks": [{"title": "A"}]})")
            << u"Cannot import bad.json: goals[0] (uuid 0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11): horizon: Field required"_s;
        QTest::newRow("json parent loop")
            << u"bad.json"_s << QByteArray(R"({"goals": [
                 {"title": "G1", "horizon": "yearly", "uuid": "0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11",
                  "parent_goal_uuid": "0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a22"},
                 {"title": "G2", "horizon": "yearly", "uuid": "0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a22",
                  "parent_goal_uuid": "0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11"}]})")
            << u"Cannot import bad.json: goals[0] (uuid 0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11): parent_goal_uuid: The goal is its own ancestor"_s;
        QTest::newRow("json unknown dependency")
            << u"bad.json"_s
            << QByteArray(
                   R"({"tasks": [{"title": "A"}, {"title": "B", "dependency_uuids": ["0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a99"]}]})")
            << u"Cannot import bad.json: tasks[1]: dependency_uuids.0: No task with the uuid 0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a99"_s;
        QTest::newRow("json duplicate uuid")
            << u"bad.json"_s
            << QByteArray(
                   R"({"tasks": [{"title": "A", "uuid": "0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11"}, {"title": "B", "uuid": "0B7C3C1E-8A48-4F0E-9D5C-5E0B2B8F1A11"}]})")
            << u"Cannot import bad.json: tasks[1] (uuid 0B7C3C1E-8A48-4F0E-9D5C-5E0B2B8F1A11): uuid: The uuid 0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11 is given to an earlier task too"_s;
        QTest::newRow("csv title") << u"bad.csv"_s << QByteArray("title,priority\nA,1\nB,2\n,3\n")
                                   << u"Cannot import bad.csv: line 4: title: Field required"_s;
        QTest::newRow("csv unknown goal")
            << u"bad.csv"_s
            << QByteArray("title,parent_goal_uuid\nA,\nB,0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11\n")
            << u"Cannot import bad.csv: line 3: parent_goal_uuid: Goal 0b7c3c1e-8a48-4f0e-9d5c-5e0b2b8f1a11 not found"_s;
        QTest::newRow("ics without summary")
            << u"bad.ics"_s
            << QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:A\r\nEND:VTODO\r\n"
                          "BEGIN:VTODO\r\nDUE:20261224T100000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")
            << u"Cannot import bad.ics: the VTODO at line 5: title: Field required"_s;
        QTest::newRow("not a format")
            << u"tasks.xlsx"_s << QByteArray("PK")
            << u"Cannot import tasks.xlsx: Bizy imports .json, .csv and .ics files"_s;
    }

    void aBadRecordImportsNothingAndIsNamed() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        auto store = newStore();
        QVERIFY(store->createTask(QJsonObject{{u"title"_s, u"Already here"_s}}).ok());
        writeFile(name, bytes);
        const Result<TransferSummary> imported = TransferImporter::importFile(*store, path(name));
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().message.startsWith(error), qPrintable(imported.error().message));
        // nothing of the file is in the store, nothing of it waits to sync
        QCOMPARE(store->taskCount().value(), 1);
        QCOMPARE(store->goals().value().size(), 0);
        QCOMPARE(store->pendingCount().value(), 1);
    }

    void aUuidThatExistsIsRefused() {
        // given a store that imported a file
        auto source = newStore();
        fill(*source, true);
        QVERIFY(TransferExporter::exportFile(*source, path(u"again.json"_s)).ok());
        auto target = newStore();
        QVERIFY(TransferImporter::importFile(*target, path(u"again.json"_s)).ok());
        const QJsonObject before = data(*target);
        // when the same file is imported again
        const Result<TransferSummary> again =
            TransferImporter::importFile(*target, path(u"again.json"_s));
        // then it is refused, naming the first record that exists already, and nothing changes
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(u"exists already in this store"_s),
                 qPrintable(again.error().message));
        QVERIFY2(again.error().message.startsWith(u"Cannot import again.json: goals["_s),
                 qPrintable(again.error().message));
        QCOMPARE(pretty(data(*target)), pretty(before));

        // and a task file with a known uuid names that task
        auto tasksOnly = newStore();
        fill(*tasksOnly, false);
        const QString known = tasksOnly->tasks().value().at(2).uuid;
        writeFile(u"known.csv"_s, "title,uuid\nNew,\nOld," + known.toUtf8() + "\n");
        const Result<TransferSummary> known2 =
            TransferImporter::importFile(*tasksOnly, path(u"known.csv"_s));
        QVERIFY(!known2.ok());
        QCOMPARE(known2.error().message,
                 u"Cannot import known.csv: line 3: uuid: A task with the uuid %1 exists already "
                 u"in this store"_s.arg(known));
        QCOMPARE(tasksOnly->taskCount().value(), 4);
    }

    void tasksWithoutUuidsGetNewOnes() {
        auto store = newStore();
        writeFile(u"plain.csv"_s, "title\nOne\nTwo\n");
        QVERIFY(TransferImporter::importFile(*store, path(u"plain.csv"_s)).ok());
        QVERIFY(TransferImporter::importFile(*store, path(u"plain.csv"_s)).ok());
        QCOMPARE(store->taskCount().value(), 4);
    }
};

QTEST_GUILESS_MAIN(TestTransferImport)
#include "tst_transferimport.moc"
