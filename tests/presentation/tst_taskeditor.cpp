#include "BlockingStore.h"
#include "GoalEditor.h"
#include "TaskEditor.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

Q_DECLARE_METATYPE(bizy::Error)

// Editing through typed drafts, saved on the store's worker: what reaches the
// store (and its outbox), and what a refusal gives back.
class TestTaskEditor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreClient> m_client;
    BlockingStore m_store;
    int m_opened = 0;

private slots:
    void initTestCase() { qRegisterMetaType<bizy::Error>(); }

    void init() {
        QVERIFY(m_dir.isValid());
        m_client = StoreClient::open(m_dir.filePath(u"e%1.sqlite"_s.arg(++m_opened))).value();
        m_store = BlockingStore(m_client.get());
    }

    void cleanup() {
        m_store = BlockingStore();
        m_client.reset();
    }

    void aNewTaskIsCreatedFromTheDraft() {
        TaskEditor editor(m_client.get());
        TaskDraft draft = editor.draft();
        draft.title = u"Call the bank"_s;
        draft.priority = 1;
        draft.tags = {u"money"_s};
        editor.setDraft(draft);
        QSignalSpy saved(&editor, &TaskEditor::saved);
        editor.save();
        QVERIFY(saved.wait(5000));
        const Task task = saved.first().first().value<Task>();
        QCOMPARE(m_store.task(task.uuid)->title, u"Call the bank"_s);
        QCOMPARE(m_store.task(task.uuid)->priority, 1);
        QCOMPARE(m_store.task(task.uuid)->tags,
                 std::optional<QStringList>(QStringList{u"money"_s}));
    }

    void anEditSendsOnlyWhatChanged() {
        // given a synced task (its create acknowledged)
        const Task task =
            m_store.createTask({{u"title"_s, u"Report"_s}, {u"category"_s, u"Work"_s}}).value();
        m_store.call([](LocalStore& store) {
            const QList<OutboxMutation> batch = store.sealBatch(100).value();
            PushOutcome outcome;
            outcome.mid = *batch.first().mid;
            outcome.version = 1;
            outcome.id = 10;
            return store.applyPushResults(batch, {outcome}, outcome.mid).ok();
        });
        // when only the title is changed in an editor
        TaskEditor editor(m_client.get());
        editor.edit(m_store.task(task.uuid).value());
        TaskDraft draft = editor.draft();
        draft.title = u"Quarterly report"_s;
        editor.setDraft(draft);
        QSignalSpy saved(&editor, &TaskEditor::saved);
        editor.save();
        QVERIFY(saved.wait(5000));
        // then the outbox carries the title alone
        const QList<OutboxMutation> pending = m_store.pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().fields, (QJsonObject{{u"title"_s, u"Quarterly report"_s}}));
        QCOMPARE(m_store.task(task.uuid)->category, u"Work"_s);
    }

    void aRefusalNamesTheFields_andKeepsTheDraft() {
        TaskEditor editor(m_client.get());
        TaskDraft draft = editor.draft();
        draft.title = QString(501, u'x');
        draft.estimatedHours = -2;
        editor.setDraft(draft);
        QSignalSpy failed(&editor, &TaskEditor::failed);
        editor.save();
        QVERIFY(failed.wait(5000));
        const Error error = failed.first().first().value<Error>();
        QStringList fields;
        for (const FieldError& field : error.fields)
            fields << field.loc.first().toString();
        fields.sort();
        QCOMPARE(fields, (QStringList{u"estimated_hours"_s, u"title"_s}));
        QCOMPARE(editor.draft().title.size(), 501);
        QCOMPARE(m_store.taskCount().value(), 0);
    }

    void aGoalMovedUnderItsOwnChildIsRefused() {
        const Goal year =
            m_store.createGoal({{u"title"_s, u"Year"_s}, {u"horizon"_s, u"yearly"_s}}).value();
        const Goal quarter = m_store
                                 .createGoal({{u"title"_s, u"Q1"_s},
                                              {u"horizon"_s, u"quarterly"_s},
                                              {u"parent_goal_uuid"_s, year.uuid}})
                                 .value();
        GoalEditor editor(m_client.get());
        editor.edit(year);
        GoalDraft draft = editor.draft();
        draft.parentGoalUuid = quarter.uuid;
        editor.setDraft(draft);
        QSignalSpy failed(&editor, &GoalEditor::failed);
        editor.save();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<Error>().code, Error::Code::Cycle);
        QVERIFY(!m_store.goal(year.uuid)->parentGoalUuid);
    }
};

QTEST_GUILESS_MAIN(TestTaskEditor)
#include "tst_taskeditor.moc"
