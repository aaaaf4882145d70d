#include "store/GoalTable.h"
#include "store/SqlValue.h"
#include "store/StoreDatabase.h"
#include "store/TaskTable.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

QDateTime at(int day, int hour, int msec = 0) {
    return QDateTime(QDate(2026, 11, day), QTime(hour, 15, 30, msec), Qt::UTC);
}

// A task with every field set to a value no other field has.
Task everyTaskField() {
    Task task = Task::create(at(1, 8, 123));
    task.id = 4711;
    task.userId = 7;
    task.version = 12;
    task.title = u"Every field"_s;
    task.description = u"description text"_s;
    task.priority = 2;
    task.status = TaskStatus::Completed;
    task.category = u"work"_s;
    task.estimatedHours = 2.5;
    task.actualHours = 3.25;
    task.dueDate = at(20, 17);
    task.parentGoalId = 99;
    task.parentGoalUuid = u"9a9a9a9a-0000-4000-8000-000000000009"_s;
    task.dependencies = QList<qint64>{3, 5};
    task.dependencyUuids = QStringList{u"5b5b5b5b-0000-4000-8000-000000000005"_s};
    task.notes = u"notes text"_s;
    task.tags = QStringList{u"alpha"_s, u"beta"_s};
    task.updatedAt = at(2, 9, 456);
    task.completedAt = at(3, 10);
    return task;
}

Goal everyGoalField() {
    Goal goal = Goal::create(at(4, 8));
    goal.id = 815;
    goal.userId = 7;
    goal.version = 3;
    goal.parentGoalUuid = u"7c7c7c7c-0000-4000-8000-000000000007"_s;
    goal.parentGoalId = 77;
    goal.title = u"A goal"_s;
    goal.description = u"why"_s;
    goal.horizon = GoalHorizon::Quarterly;
    goal.targetDate = at(30, 0);
    goal.status = GoalStatus::OnHold;
    goal.progressPercentage = 37.5;
    goal.successCriteria = u"done when done"_s;
    goal.metrics = QJsonObject{{u"target"_s, 10}, {u"unit"_s, u"km"_s}};
    goal.updatedAt = at(5, 9, 1);
    goal.completedAt = at(6, 10);
    return goal;
}

// Fields a schema has that are not columns of the client's table.
const QSet<QString> kGoalFieldsNotStored{
    u"task_count"_s,    // computed by the server on request (include_counts)
    u"subgoal_count"_s, // likewise
};

} // namespace

// The column tables of core/store: complete against the schemas, and every
// generated statement writes and reads each field where it belongs.
class TestColumnTables : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreDatabase> m_db;

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        const QString path =
            m_dir.filePath(QString::number(QRandomGenerator::global()->generate()));
        auto opened = StoreDatabase::open(path + u".sqlite"_s);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        m_db = std::move(opened).value();
        // The rows below point at goals that do not exist; foreign keys are not what this tests.
        QSqlQuery(m_db->connection()).exec(u"PRAGMA foreign_keys = OFF"_s);
    }

    void cleanup() { m_db.reset(); }

    void everySchemaFieldHasAColumn_andEveryColumnAField() {
        for (const FieldSpec& spec : Task::schema().fields())
            QVERIFY2(TaskTable::columns().byField(spec.name),
                     qPrintable(u"task field %1 has no column in TaskTable"_s.arg(spec.name)));
        for (const Column<Task>& column : TaskTable::columns().columns())
            QVERIFY2(Task::schema().field(column.field),
                     qPrintable(u"TaskTable column %1 is no task field"_s.arg(column.name)));
        for (const FieldSpec& spec : Goal::schema().fields()) {
            if (kGoalFieldsNotStored.contains(spec.name))
                continue;
            QVERIFY2(GoalTable::columns().byField(spec.name),
                     qPrintable(u"goal field %1 has no column in GoalTable"_s.arg(spec.name)));
        }
        for (const Column<Goal>& column : GoalTable::columns().columns())
            QVERIFY2(Goal::schema().field(column.field),
                     qPrintable(u"GoalTable column %1 is no goal field"_s.arg(column.name)));
        // the key comes first: the generated UPDATE and upsert rely on it
        QCOMPARE(TaskTable::columns().columns().first().field, u"uuid"_s);
        QCOMPARE(GoalTable::columns().columns().first().field, u"uuid"_s);
    }

    void everyColumnIsATableColumn() {
        for (const auto& [table, names] :
             {std::pair{u"tasks"_s, TaskTable::columns().selectList()},
              std::pair{u"goals"_s, GoalTable::columns().selectList()}}) {
            QSqlQuery info(m_db->connection());
            QVERIFY(info.exec(u"SELECT name FROM pragma_table_info('%1')"_s.arg(table)));
            QStringList existing;
            while (info.next())
                existing << info.value(0).toString();
            for (const QString& name : names.split(u", "_s))
                QVERIFY2(existing.contains(name),
                         qPrintable(u"%1 has no column %2"_s.arg(table, name)));
        }
    }

    void insertUpdateAndFind_keepEveryTaskField() {
        TaskTable tasks(*m_db);
        Task task = everyTaskField();
        QVERIFY(tasks.insert(task).ok());
        QCOMPARE(tasks.find(task.uuid)->value(), task);

        task.title = u"Changed"_s;
        task.tags = QStringList{u"gamma"_s};
        task.dueDate.reset();
        task.version = 13;
        QVERIFY(tasks.update(task, true).ok());
        QCOMPARE(tasks.find(task.uuid)->value(), task);
        // the tag rows follow the tags column
        const Result<QStringList> tags =
            m_db->strings(u"SELECT tag FROM task_tags ORDER BY tag"_s, {}, u"read tags"_s);
        QCOMPARE(*tags, QStringList{u"gamma"_s});
    }

    void insertUpdateAndFind_keepEveryGoalField() {
        GoalTable goals(*m_db);
        Goal goal = everyGoalField();
        QVERIFY(goals.insert(goal).ok());
        QCOMPARE(goals.find(goal.uuid)->value(), goal);
        goal.metrics.reset();
        goal.status = GoalStatus::Active;
        QVERIFY(goals.update(goal).ok());
        QCOMPARE(goals.find(goal.uuid)->value(), goal);
        QVERIFY(*goals.exists(goal.uuid));
        QVERIFY(!*goals.exists(u"00000000-0000-4000-8000-000000000000"_s));
    }

    void jsonProjection_readsTheSyncShapeIntoTheColumns() {
        // given a task in the sync shape, as a server copy holds it
        const Task task = everyTaskField();
        const QString json = SqlValue::jsonText(QJsonArray{task.toSyncJson()});
        // when it is inserted by the generated projection
        const ColumnTable<Task>& table = TaskTable::columns();
        QVERIFY(m_db->exec(u"INSERT INTO tasks (%1) SELECT %2 FROM json_each(?)"_s.arg(
                               table.selectList(), table.jsonProjection(u"value")),
                           {json}, u"insert"_s)
                    .ok());
        // then the row reads back as the same task
        QCOMPARE(TaskTable(*m_db).find(task.uuid)->value(), task);
    }

    void jsonProjection_fallsBackForMissingRequiredValues() {
        const QJsonObject bare{{u"uuid"_s, u"3c3c3c3c-0000-4000-8000-000000000003"_s},
                               {u"version"_s, 1},
                               {u"title"_s, u"Bare"_s},
                               {u"horizon"_s, QJsonValue::Null}};
        const ColumnTable<Goal>& table = GoalTable::columns();
        QVERIFY(m_db->exec(u"INSERT INTO goals (%1) SELECT %2 FROM json_each(?)"_s.arg(
                               table.selectList(), table.jsonProjection(u"value")),
                           {SqlValue::jsonText(QJsonArray{bare})}, u"insert"_s)
                    .ok());
        const Goal goal = GoalTable(*m_db).find(bare.value(u"uuid"_s).toString())->value();
        QCOMPARE(toString(goal.horizon), u"yearly"_s);
        QCOMPARE(toString(goal.status), u"active"_s);
        QCOMPARE(goal.progressPercentage, 0.0);
        QVERIFY(!goal.metrics);
    }

    void arrayProjectionAndUpsert_replaceEveryField() {
        // given a stored goal
        GoalTable goals(*m_db);
        Goal goal = everyGoalField();
        QVERIFY(goals.insert(goal).ok());
        // when a changed copy of it is written as an array of values through the upsert
        goal.title = u"Renamed"_s;
        goal.progressPercentage = 80;
        goal.parentGoalUuid.reset();
        const ColumnTable<Goal>& table = GoalTable::columns();
        const QString rows =
            SqlValue::jsonText(QJsonArray{QJsonArray::fromVariantList(table.values(goal))});
        QVERIFY(
            m_db->exec(u"INSERT INTO goals (%1, pushed) SELECT %2, 1 FROM json_each(?) "
                       u"WHERE true %3"_s.arg(table.selectList(), table.arrayProjection(u"value"),
                                              table.upsertClause()),
                       {rows}, u"upsert"_s)
                .ok());
        // then the row is the new one, marked as known to the server
        QCOMPARE(goals.find(goal.uuid)->value(), goal);
        QCOMPARE(m_db->scalar(u"SELECT pushed FROM goals"_s, {}, u"read"_s)->toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestColumnTables)
#include "tst_columntables.moc"
