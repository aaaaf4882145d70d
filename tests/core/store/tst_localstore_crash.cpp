#include "SqliteIntegrity.h"
#include "store/LocalStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// A writer process is killed with SIGKILL at random moments while it commits
// changes without pause; after every kill the file must be sound and every
// change must have its outbox mutation, and no mutation may lack its change.
class TestLocalStoreCrash : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QJsonObject writableFields(const QJsonObject& syncJson, const EntitySchema& schema) {
        QJsonObject fields;
        for (const FieldSpec& spec : schema.fields()) {
            if (spec.origins & FromSync)
                fields.insert(spec.name, syncJson.value(spec.name));
        }
        return fields;
    }

    // Replays the queued mutations of each row in order and compares the result
    // with the row. Returns the first violation, or an empty string.
    static QString checkOutboxInvariant(LocalStore& store) {
        QHash<QString, QJsonObject> replayed;
        QHash<QString, bool> lastIsDelete;
        const QList<OutboxMutation> mutations = store.pendingMutations(1000000).value();
        for (const OutboxMutation& m : mutations) {
            const QString key =
                (m.entity == OutboxMutation::Entity::Task ? u"task:"_s : u"goal:"_s) + m.uuid;
            lastIsDelete[key] = m.op == OutboxMutation::Op::Delete;
            if (m.op == OutboxMutation::Op::Delete) {
                replayed.remove(key);
                continue;
            }
            QJsonObject& state = replayed[key];
            for (auto it = m.fields.constBegin(); it != m.fields.constEnd(); ++it)
                state.insert(it.key(), it.value());
        }
        qsizetype rows = 0;
        for (const Task& task : store.tasks().value()) {
            ++rows;
            const QString key = u"task:"_s + task.uuid;
            if (!replayed.contains(key))
                return u"task %1 has no pending create"_s.arg(task.uuid);
            const QJsonObject expected = writableFields(task.toSyncJson(), Task::schema());
            if (replayed.take(key) != expected)
                return u"task %1: queued fields differ from the row"_s.arg(task.uuid);
        }
        for (const Goal& goal : store.goals().value()) {
            ++rows;
            const QString key = u"goal:"_s + goal.uuid;
            if (!replayed.contains(key))
                return u"goal %1 has no pending create"_s.arg(goal.uuid);
            const QJsonObject expected = writableFields(goal.toSyncJson(), Goal::schema());
            if (replayed.take(key) != expected)
                return u"goal %1: queued fields differ from the row"_s.arg(goal.uuid);
        }
        // What is left refers to rows that no longer exist: only deletes may do that.
        for (auto it = replayed.constBegin(); it != replayed.constEnd(); ++it) {
            if (!lastIsDelete.value(it.key()))
                return u"%1 is queued but the row is gone"_s.arg(it.key());
        }
        return {};
    }

private slots:
    void killedWriterLeavesASoundStoreWithMatchingOutbox() {
        // given a writer that changes one store without pause, and a seeded clock of kills
        const QString writer = QCoreApplication::applicationDirPath() + u"/store_crash_writer"_s;
        QVERIFY2(QFile::exists(writer), qPrintable(writer));
        const QString path = m_dir.filePath(u"crash.sqlite"_s);
        QRandomGenerator random(20261122);
        const int kills = 50;
        qsizetype lastRows = 0;

        for (int round = 0; round < kills; ++round) {
            // when it is killed with SIGKILL at a random moment
            QProcess process;
            process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process.start(writer, {path, QString::number(random.generate())});
            QVERIFY(process.waitForStarted());
            QVERIFY2(process.waitForReadyRead(20000), "the writer never started writing");
            QTest::qSleep(random.bounded(5, 120));
            process.kill();
            QVERIFY(process.waitForFinished(10000));
            QCOMPARE(process.exitStatus(), QProcess::CrashExit);

            // then the file is sound
            QCOMPARE(sqliteIntegrityCheck(path), u"ok"_s);
            // and it opens, with every change in the outbox and nothing else there
            auto opened = LocalStore::open(path);
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
            std::unique_ptr<LocalStore> store = std::move(opened).value();
            const QString violation = checkOutboxInvariant(*store);
            QVERIFY2(violation.isEmpty(), qPrintable(u"after kill %1: "_s.arg(round) + violation));
            lastRows = store->taskCount().value() + store->goals().value().size();
        }
        // and the writer really did work between the kills
        QVERIFY2(lastRows > 20, qPrintable(u"only %1 rows"_s.arg(lastRows)));
    }
};

QTEST_GUILESS_MAIN(TestLocalStoreCrash)
#include "tst_localstore_crash.moc"
