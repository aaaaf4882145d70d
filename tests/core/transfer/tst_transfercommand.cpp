#include "store/LocalStore.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// `bizy --import FILE` and `bizy --export FILE`, run as a user runs them: the
// real program in a process of its own, without a display, on real store files.
class TestTransferCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run bizy(const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // The "current account" lives here, not in the home of whoever runs the tests.
        environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        environment.remove(u"QT_QPA_PLATFORM"_s); // no window, so no platform needed
        environment.insert(u"DISPLAY"_s, QString());
        environment.insert(u"WAYLAND_DISPLAY"_s, QString());
        process.setProcessEnvironment(environment);
        process.start(qEnvironmentVariable("BIZY_BUILD_DIR") + u"/app/bizy"_s, arguments);
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exportThenImportIntoAnotherStore() {
        // given a store with a goal and two tasks, one depending on the other
        {
            auto store = LocalStore::open(path(u"source.sqlite"_s)).value();
            const Goal goal =
                store->createGoal({{u"title"_s, u"Ship"_s}, {u"horizon"_s, u"monthly"_s}}).value();
            const Task first =
                store->createTask({{u"title"_s, u"Build"_s}, {u"parent_goal_uuid"_s, goal.uuid}})
                    .value();
            QVERIFY(store
                        ->createTask({{u"title"_s, u"Release"_s},
                                      {u"dependency_uuids"_s, QJsonArray{first.uuid}}})
                        .ok());
        }
        // when it is exported and the file imported into another store
        const Run exported =
            bizy({u"--store"_s, path(u"source.sqlite"_s), u"--export"_s, path(u"out.json"_s)});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY2(exported.out.startsWith(u"Exported 1 goal and 2 tasks from "_s),
                 qPrintable(exported.out + exported.err));
        const Run imported =
            bizy({u"--import"_s, path(u"out.json"_s), u"--store"_s, path(u"target.sqlite"_s)});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.startsWith(u"Imported 1 goal and 2 tasks from "_s),
                 qPrintable(imported.out + imported.err));
        // then the other store has them, relations included
        auto target = LocalStore::open(path(u"target.sqlite"_s)).value();
        QCOMPARE(target->taskCount().value(), 2);
        QCOMPARE(target->goals().value().size(), 1);
        int withGoal = 0;
        int withDependency = 0;
        for (const Task& task : target->tasks().value()) {
            withGoal += task.parentGoalUuid.has_value();
            withDependency += task.dependencyUuids.has_value();
        }
        QCOMPARE(withGoal, 1);
        QCOMPARE(withDependency, 1);
    }

    void withoutStoreTheCurrentAccountsStoreIsUsed() {
        QFile csv(path(u"plain.csv"_s));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("title\nOne\nTwo\nThree\n");
        csv.close();
        const Run imported = bizy({u"--import"_s, path(u"plain.csv"_s)});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.startsWith(u"Imported 3 tasks from "_s), qPrintable(imported.out));
        const QString local = path(u"data/Bizy/bizy/accounts/local.sqlite"_s);
        QVERIFY2(imported.out.trimmed().endsWith(local), qPrintable(imported.out));
        QCOMPARE(LocalStore::open(local).value()->taskCount().value(), 3);
    }

    void aBadFileFailsWithItsLineAndChangesNothing() {
        QFile csv(path(u"bad.csv"_s));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("title,status\nFine,pending\nOdd,finished\n");
        csv.close();
        const Run imported =
            bizy({u"--import"_s, path(u"bad.csv"_s), u"--store"_s, path(u"bad.sqlite"_s)});
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.startsWith(u"Cannot import bad.csv: line 3: status: Input should "
                                         u"be 'pending', 'in_progress', 'completed' or "
                                         u"'blocked'"_s),
                 qPrintable(imported.err));
        QCOMPARE(imported.out, QString());
        QCOMPARE(LocalStore::open(path(u"bad.sqlite"_s)).value()->taskCount().value(), 0);
    }

    void usageErrors() {
        const Run both = bizy({u"--import"_s, u"a.json"_s, u"--export"_s, u"b.json"_s});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(u"not both"_s), qPrintable(both.err));
        const Run missing =
            bizy({u"--import"_s, path(u"missing.json"_s), u"--store"_s, path(u"x.sqlite"_s)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.startsWith(u"Cannot import missing.json: "_s),
                 qPrintable(missing.err));
        const Run unknown =
            bizy({u"--export"_s, path(u"tasks.xlsx"_s), u"--store"_s, path(u"x.sqlite"_s)});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(u".json, .csv and .ics"_s), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(TestTransferCommand)
#include "tst_transfercommand.moc"
