#include "store/ServerCopies.h"
#include "store/StoreDatabase.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// What a device knows of the server, kept across restarts: copies of rows,
// the pull cursor, reload generations, the last sync time, rows waiting for
// their goal.
class TestServerCopies : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreDatabase> m_db;
    int m_opened = 0;

    QString path() const { return m_dir.filePath(u"c%1.sqlite"_s.arg(m_opened)); }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        ++m_opened;
        m_db = StoreDatabase::open(path()).value();
    }

    void cleanup() { m_db.reset(); }

    void copiesAreSavedFoundAndRemoved() {
        ServerCopies copies(*m_db);
        const QString uuid = u"0f8b1c5e-3a42-4c1e-9d2b-7e6f5a4b3c2d"_s;
        QVERIFY(!copies.find(EntityKind::Task, uuid)->has_value());
        const ServerCopy saved{4, {{u"uuid"_s, uuid}, {u"title"_s, u"T"_s}}, false};
        QVERIFY(copies.save(EntityKind::Task, uuid, saved).ok());
        const std::optional<ServerCopy> found = copies.find(EntityKind::Task, uuid).value();
        QVERIFY(found.has_value());
        QCOMPARE(found->version, 4);
        QCOMPARE(found->json, saved.json);
        QVERIFY(!found->complete);
        // the same uuid as a goal is another row
        QVERIFY(!copies.find(EntityKind::Goal, uuid)->has_value());
        QVERIFY(copies.remove(EntityKind::Task, uuid).ok());
        QVERIFY(!copies.find(EntityKind::Task, uuid)->has_value());
    }

    void pulledRowsAreSavedInOneStatement_withTheirVersions() {
        ServerCopies copies(*m_db);
        QJsonArray rows;
        for (int i = 1; i <= 3; ++i)
            rows.append(QJsonObject{{u"uuid"_s, u"00000000-0000-4000-8000-00000000000%1"_s.arg(i)},
                                    {u"version"_s, 10 * i}});
        QVERIFY(copies.saveAll(EntityKind::Goal, rows).ok());
        const QHash<QString, qint64> versions =
            copies
                .versions(EntityKind::Goal,
                          u"[\"00000000-0000-4000-8000-000000000002\",\"absent\"]"_s)
                .value();
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions.value(u"00000000-0000-4000-8000-000000000002"_s), 20);
    }

    void cursorReloadAndSyncTimeSurviveAReopen() {
        {
            ServerCopies copies(*m_db);
            QCOMPARE(copies.pullCursor().value(), 0);
            QVERIFY(copies.setPullCursor(42).ok());
            QVERIFY(!copies.reloadInProgress().value());
            QVERIFY(copies.beginReload().ok());
            QVERIFY(
                copies.setLastSyncedAt(QDateTime(QDate(2030, 1, 2), QTime(3, 4), Qt::UTC)).ok());
        }
        m_db.reset();
        m_db = StoreDatabase::open(path()).value();
        ServerCopies copies(*m_db);
        // a reload starts over from 0, in a new generation, until it ends
        QCOMPARE(copies.pullCursor().value(), 0);
        QVERIFY(copies.reloadInProgress().value());
        QCOMPARE(copies.generation().value(), 1);
        QCOMPARE(copies.lastSyncedAt().value(),
                 std::optional(QDateTime(QDate(2030, 1, 2), QTime(3, 4), Qt::UTC)));
        QVERIFY(copies.endReload().ok());
        QVERIFY(!copies.reloadInProgress().value());
    }

    void rowsWaitForTheirGoal_untilItArrives() {
        ServerCopies copies(*m_db);
        QVERIFY(!copies.hasOrphans().value());
        QVERIFY(copies.rememberOrphan(EntityKind::Task, u"t1"_s, u"g1"_s).ok());
        QVERIFY(copies.hasOrphans().value());
        // the goal is not there yet: nobody can be adopted
        QVERIFY(copies.adoptableOrphans()->isEmpty());
        QVERIFY(m_db->exec(u"INSERT INTO goals (uuid, title, horizon, status, created_at, "
                           u"updated_at) VALUES ('g1', 'G', 'yearly', 'active', '2030', '2030')"_s,
                           {}, u"insert a goal"_s)
                    .ok());
        const auto ready = copies.adoptableOrphans().value();
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.first().second, u"t1"_s);
        QVERIFY(copies.forgetOrphansOf(u"g1"_s).ok());
        QVERIFY(!copies.hasOrphans().value());
    }
};

QTEST_GUILESS_MAIN(TestServerCopies)
#include "tst_servercopies.moc"
