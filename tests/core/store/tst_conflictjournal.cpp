#include "StoreChangeLog.h"
#include "store/LocalStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

PushOutcome applied(qint64 mid, qint64 version, qint64 id, const QJsonObject& overwritten = {}) {
    PushOutcome outcome;
    outcome.mid = mid;
    outcome.status =
        overwritten.isEmpty() ? PushOutcome::Status::Applied : PushOutcome::Status::Merged;
    outcome.version = version;
    outcome.id = id;
    outcome.overwritten = overwritten;
    return outcome;
}

PushOutcome rejected(qint64 mid, const QString& code) {
    PushOutcome outcome;
    outcome.mid = mid;
    outcome.status = PushOutcome::Status::Rejected;
    outcome.code = code;
    outcome.message = u"refused: "_s + code;
    return outcome;
}

} // namespace

// The conflict journal: what did not survive sync, listed newest first, and
// each entry dismissed or brought back as a new local change.
class TestConflictJournal : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    int m_opened = 0;

    // Seals everything and answers each mutation with `answer`.
    void push(const std::function<PushOutcome(const OutboxMutation&)>& answer) {
        const QList<OutboxMutation> batch = m_store->sealBatch(100).value();
        QList<PushOutcome> outcomes;
        for (const OutboxMutation& m : batch)
            outcomes << answer(m);
        QVERIFY(m_store->applyPushResults(batch, outcomes, *batch.last().mid).ok());
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_store = LocalStore::open(m_dir.filePath(u"j%1.sqlite"_s.arg(++m_opened))).value();
    }

    void cleanup() { m_store.reset(); }

    void anOverwrittenValue_comesBackAsANewChange() {
        // given a title of ours that replaced another device's
        const Task task = m_store->createTask(QJsonObject{{u"title"_s, u"Ours"_s}}).value();
        push([](const OutboxMutation& m) {
            return applied(*m.mid, 3, 77, {{u"title"_s, u"Theirs"_s}});
        });
        const QList<ConflictEntry> entries = m_store->conflicts().value();
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().kind == ConflictEntry::Kind::Overwritten);
        QCOMPARE(m_store->pendingCount().value(), 0);
        StoreChangeLog log(m_store.get());
        // when it is restored
        QVERIFY(m_store->restoreConflict(entries.first().id).ok());
        // then their title is back, waiting to sync, and the entry is gone
        QCOMPARE(m_store->task(task.uuid)->title, u"Theirs"_s);
        QCOMPARE(m_store->pendingCount().value(), 1);
        QCOMPARE(m_store->pendingMutations().value().first().fields.value(u"title"_s).toString(),
                 u"Theirs"_s);
        QCOMPARE(m_store->conflictCount().value(), 0);
        QCOMPARE(log.all().size(), 1);
        QCOMPARE(log.all().first().conflictCount, std::optional<qsizetype>(0));
    }

    void aRefusedCreate_isMadeAgainUnderANewUuid_withoutAGoneParent() {
        // given a goal that the server refused, and a task under it that it refused too
        const Goal goal = m_store
                              ->createGoal(QJsonObject{{u"title"_s, u"Doomed goal"_s},
                                                       {u"horizon"_s, u"weekly"_s}})
                              .value();
        const Task task = m_store
                              ->createTask(QJsonObject{{u"title"_s, u"Write it down"_s},
                                                       {u"parent_goal_uuid"_s, goal.uuid},
                                                       {u"priority"_s, 2}})
                              .value();
        push([](const OutboxMutation& m) { return rejected(*m.mid, u"validation"_s); });
        QVERIFY(!m_store->task(task.uuid).ok());
        QVERIFY(!m_store->goal(goal.uuid).ok());
        QCOMPARE(m_store->conflictCount().value(), 2);
        // when the task's entry is restored
        qint64 taskEntry = 0;
        for (const ConflictEntry& entry : m_store->conflicts().value())
            if (entry.entity == EntityKind::Task)
                taskEntry = entry.id;
        QVERIFY(m_store->restoreConflict(taskEntry).ok());
        // then a new task has its fields, without the goal that does not exist
        const QList<Task> tasks = m_store->tasks().value();
        QCOMPARE(tasks.size(), 1);
        QVERIFY(tasks.first().uuid != task.uuid);
        QCOMPARE(tasks.first().title, u"Write it down"_s);
        QCOMPARE(tasks.first().priority, 2);
        QVERIFY(!tasks.first().parentGoalUuid);
        QCOMPARE(m_store->conflictCount().value(), 1);
    }

    void dismissRemovesOneEntry_andAnUnknownOneIsNotFound() {
        m_store->createTask(QJsonObject{{u"title"_s, u"A"_s}}).value();
        push([](const OutboxMutation& m) { return rejected(*m.mid, u"validation"_s); });
        const qint64 id = m_store->conflicts().value().first().id;
        QVERIFY(m_store->dismissConflict(id).ok());
        QCOMPARE(m_store->conflictCount().value(), 0);
        const Status again = m_store->dismissConflict(id);
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::NotFound);
        QCOMPARE(m_store->restoreConflict(id).error().code, Error::Code::NotFound);
    }

    void entriesAreListedNewestFirst() {
        m_store->createTask(QJsonObject{{u"title"_s, u"First"_s}}).value();
        push([](const OutboxMutation& m) { return rejected(*m.mid, u"validation"_s); });
        m_store->createTask(QJsonObject{{u"title"_s, u"Second"_s}}).value();
        push([](const OutboxMutation& m) { return rejected(*m.mid, u"forbidden"_s); });
        const QList<ConflictEntry> entries = m_store->conflicts().value();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first().code, u"forbidden"_s);
        QCOMPARE(entries.last().code, u"validation"_s);
        QCOMPARE(entries.first().snapshot.value(u"title"_s).toString(), u"Second"_s);
    }
};

QTEST_GUILESS_MAIN(TestConflictJournal)
#include "tst_conflictjournal.moc"
