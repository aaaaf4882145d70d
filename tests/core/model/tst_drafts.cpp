// TaskDraft/TaskPatch and GoalDraft/GoalPatch: what an editor sends to the
// store, typed, in the sync shape the contract names.
#include "model/GoalDraft.h"
#include "model/IsoDateTime.h"
#include "model/TaskDraft.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

class TestDrafts : public QObject {
    Q_OBJECT

private slots:
    void aNewTaskSendsWhatIsSet_andNothingEmpty() {
        TaskDraft draft;
        draft.title = u"Buy milk"_s;
        draft.category = u"Errands"_s;
        draft.tags = {u"shop"_s};
        const QJsonObject json = draft.toSyncJson();
        QCOMPARE(json, (QJsonObject{{u"title"_s, u"Buy milk"_s},
                                    {u"priority"_s, 3},
                                    {u"status"_s, u"pending"_s},
                                    {u"category"_s, u"Errands"_s},
                                    {u"tags"_s, QJsonArray{u"shop"_s}}}));
        // whatever is set validates as a create from sync
        QVERIFY(Task::schema().validate(json, EntitySchema::Mode::Create, FromSync).ok());
    }

    void anEditSendsOnlyWhatChanged_clearingIncluded() {
        // given a task's draft
        Task task = Task::create(QDateTime::currentDateTimeUtc());
        task.title = u"Dentist"_s;
        task.dueDate = IsoDateTime::parse(u"2031-01-02T10:00:00Z"_s);
        task.tags = QStringList{u"health"_s};
        task.notes = u"bring the card"_s;
        const TaskDraft before = TaskDraft::of(task);
        // when the user clears the due date and the tags, and keeps the rest
        TaskDraft after = before;
        after.dueDate.reset();
        after.tags.clear();
        const TaskPatch patch = TaskPatch::between(before, after);
        // then only those two travel, as nulls
        QCOMPARE(patch.toSyncJson(), (QJsonObject{{u"due_date"_s, QJsonValue::Null},
                                                  {u"tags"_s, QJsonValue::Null}}));
        QVERIFY(!patch.isEmpty());
        QVERIFY(TaskPatch::between(before, before).isEmpty());
        QCOMPARE(TaskPatch::between(before, before).toSyncJson(), QJsonObject());
    }

    void aPatchCarriesEveryFieldByItsContractName() {
        TaskPatch patch;
        patch.title = u"T"_s;
        patch.description = std::optional<QString>(u"d"_s);
        patch.priority = 1;
        patch.status = TaskStatus::Blocked;
        patch.category = std::optional<QString>();
        patch.estimatedHours = std::optional<double>(1.5);
        patch.actualHours = std::optional<double>();
        patch.dueDate = IsoDateTime::parse(u"2030-01-01T09:00:00Z"_s);
        patch.parentGoalUuid = std::optional<QString>(u"1a2b3c4d-0000-4000-8000-000000000001"_s);
        patch.dependencyUuids = QStringList{};
        patch.notes = std::optional<QString>(u"n"_s);
        patch.tags = QStringList{u"a"_s, u"b"_s};
        const QJsonObject json = patch.toSyncJson();
        QCOMPARE(json.size(), 12);
        const ValidatedFields validated =
            Task::schema().validate(json, EntitySchema::Mode::Patch, FromSync);
        QVERIFY(validated.ok());
        // every key is a sync-writable field of the schema: none is dropped as unknown
        QCOMPARE(validated.fields.size(), json.size());
    }

    void goalDraftsAndPatches() {
        GoalDraft draft;
        draft.title = u"Run a marathon"_s;
        draft.horizon = GoalHorizon::Quarterly;
        QCOMPARE(draft.toSyncJson(), (QJsonObject{{u"title"_s, u"Run a marathon"_s},
                                                  {u"horizon"_s, u"quarterly"_s},
                                                  {u"status"_s, u"active"_s}}));
        GoalDraft moved = draft;
        moved.parentGoalUuid = u"1a2b3c4d-0000-4000-8000-000000000009"_s;
        moved.status = GoalStatus::OnHold;
        const GoalPatch patch = GoalPatch::between(draft, moved);
        QCOMPARE(patch.toSyncJson(),
                 (QJsonObject{{u"status"_s, u"on_hold"_s},
                              {u"parent_goal_uuid"_s, u"1a2b3c4d-0000-4000-8000-000000000009"_s}}));
        const ValidatedFields validated =
            Goal::schema().validate(patch.toSyncJson(), EntitySchema::Mode::Patch, FromSync);
        QVERIFY(validated.ok());
        QCOMPARE(validated.fields.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDrafts)
#include "tst_drafts.moc"
