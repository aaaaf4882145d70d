#include "data/GoalColumns.h"
#include "data/TaskColumns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using bizy::EntitySchema;
using bizy::FieldKind;
using bizy::FieldSpec;
using bizy::Goal;
using bizy::Task;
using bizy::server::ColumnKind;
using bizy::server::ColumnRole;
using bizy::server::EntityColumns;
using bizy::server::SqlColumn;
using bizy::server::UpdateBy;

namespace {

// Schema fields the server stores in no column of their own, and why. Every
// other field of Task::schema() and Goal::schema() must have a column in
// data/TaskColumns or data/GoalColumns.
const QMap<QString, QString> kTaskFieldsNotStored{
    {u"parent_goal_uuid"_s, u"the stored parent_goal_id, read through a join on goals"_s},
    {u"dependency_uuids"_s, u"the stored dependencies, read through a join on tasks"_s},
};
const QMap<QString, QString> kGoalFieldsNotStored{
    {u"parent_goal_uuid"_s, u"the stored parent_goal_id, read through a join on goals"_s},
    {u"task_count"_s, u"counted on read when a REST request asks for include_counts"_s},
    {u"subgoal_count"_s, u"counted on read when a REST request asks for include_counts"_s},
};

// The column kinds that can hold a value of each schema kind.
bool fits(FieldKind field, ColumnKind column) {
    switch (field) {
    case FieldKind::String:
        return column == ColumnKind::Text;
    case FieldKind::Enum:
        return column == ColumnKind::Enum;
    case FieldKind::Integer:
        return column == ColumnKind::Integer || column == ColumnKind::Reference;
    case FieldKind::Number:
        return column == ColumnKind::Double;
    case FieldKind::DateTime:
        return column == ColumnKind::Timestamp;
    case FieldKind::Uuid:
        return column == ColumnKind::Uuid;
    case FieldKind::StringList:
    case FieldKind::IntegerList:
    case FieldKind::UuidList:
        return column == ColumnKind::JsonArray;
    case FieldKind::Object:
        return column == ColumnKind::JsonObject;
    case FieldKind::Email:
    case FieldKind::Boolean:
        break;
    }
    return false;
}

// "tasks.title": the problem lists name table and field.
template <typename Entity>
QString qualified(const EntityColumns<Entity>& table, const QString& name) {
    return table.table() + u'.' + name;
}

template <typename Entity> QSet<QString> columnFields(const EntityColumns<Entity>& table) {
    QSet<QString> fields;
    for (const auto& column : table.columns())
        fields.insert(column.field);
    return fields;
}

// Each entry names a schema field that breaks the rule, and how.
template <typename Entity>
QStringList storedFieldsWithoutColumn(const EntityColumns<Entity>& table,
                                      const QMap<QString, QString>& notStored) {
    const QSet<QString> stored = columnFields(table);
    QStringList problems;
    for (const FieldSpec& spec : Entity::schema().fields()) {
        if (notStored.contains(spec.name) && stored.contains(spec.name))
            problems << qualified(table, spec.name) +
                            u": listed as not stored, yet it has a column"_s;
        else if (!notStored.contains(spec.name) && !stored.contains(spec.name))
            problems << qualified(table, spec.name) + u": a schema field without a column"_s;
    }
    for (auto it = notStored.constBegin(); it != notStored.constEnd(); ++it) {
        if (!Entity::schema().field(it.key()))
            problems << qualified(table, it.key()) +
                            u": listed as not stored, but no schema field"_s;
    }
    return problems;
}

template <typename Entity> QStringList columnsWithoutField(const EntityColumns<Entity>& table) {
    QStringList problems;
    QSet<QString> fields;
    QSet<QString> names;
    for (const auto& column : table.columns()) {
        if (!Entity::schema().field(column.field))
            problems << qualified(table, column.field) + u": a column of no schema field"_s;
        if (fields.contains(column.field))
            problems << qualified(table, column.field) + u": two columns for one field"_s;
        if (names.contains(column.sql.name))
            problems << qualified(table, column.sql.name) + u": the same column twice"_s;
        fields.insert(column.field);
        names.insert(column.sql.name);
    }
    return problems;
}

template <typename Entity> QStringList kindMismatches(const EntityColumns<Entity>& table) {
    QStringList problems;
    for (const auto& column : table.columns()) {
        const FieldSpec* spec = Entity::schema().field(column.field);
        if (spec && !fits(spec->kind, column.sql.kind))
            problems << qualified(table, column.field) +
                            u": its column kind cannot hold the schema's kind"_s;
    }
    return problems;
}

// What a client may write (REST or sync) is what the delta sync merges field
// by field; what only the server sets (identity, owner, revision) is not.
template <typename Entity> QStringList mergeMismatches(const EntityColumns<Entity>& table) {
    QStringList problems;
    for (const auto& column : table.columns()) {
        const FieldSpec* spec = Entity::schema().field(column.field);
        if (!spec)
            continue;
        const bool clientWritable = (spec->origins & (bizy::FromRest | bizy::FromSync)) != 0;
        const bool merged = table.mergedFields().contains(column.field);
        if (clientWritable && !merged)
            problems << qualified(table, column.field) +
                            u": a client writes it, the sync does not merge it"_s;
        if (!clientWritable && merged)
            problems << qualified(table, column.field) +
                            u": only the server writes it, the sync merges it"_s;
        // SyncPush reads the sync JSON and field_versions by one name.
        if (merged && column.sql.name != column.field)
            problems << qualified(table, column.field) + u": merged under another column name"_s;
    }
    return problems;
}

template <typename Entity> int countOf(const EntityColumns<Entity>& table, ColumnRole role) {
    int count = 0;
    for (const auto& column : table.columns())
        count += column.role == role ? 1 : 0;
    return count;
}

qsizetype placeholders(const QString& sql) {
    return sql.count(u'?');
}

} // namespace

// The server's column tables against the contract's schemas: a stored field
// without a column, or a column of no field, fails here before any SQL runs.
class TestServerColumns : public QObject {
    Q_OBJECT

private slots:
    void everyStoredTaskFieldHasAColumn() {
        const QStringList problems =
            storedFieldsWithoutColumn(bizy::server::taskColumns(), kTaskFieldsNotStored);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void everyStoredGoalFieldHasAColumn() {
        const QStringList problems =
            storedFieldsWithoutColumn(bizy::server::goalColumns(), kGoalFieldsNotStored);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void everyColumnIsOneSchemaField() {
        const QStringList problems = columnsWithoutField(bizy::server::taskColumns()) +
                                     columnsWithoutField(bizy::server::goalColumns());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void columnKindsHoldTheSchemaKinds() {
        const QStringList problems = kindMismatches(bizy::server::taskColumns()) +
                                     kindMismatches(bizy::server::goalColumns());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void clientWritableFieldsAreExactlyTheMergedOnes() {
        const QStringList problems = mergeMismatches(bizy::server::taskColumns()) +
                                     mergeMismatches(bizy::server::goalColumns());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void eachTableHasOneKeyOneOwnerOneIdentity() {
        // Every UPDATE chooses its row by key and owner; the uuid is the sync identity.
        for (ColumnRole role : {ColumnRole::Key, ColumnRole::Owner, ColumnRole::Identity}) {
            QCOMPARE(countOf(bizy::server::taskColumns(), role), 1);
            QCOMPARE(countOf(bizy::server::goalColumns(), role), 1);
        }
    }

    void statementsTakeAsManyValuesAsTheyBind() {
        const auto& tasks = bizy::server::taskColumns();
        const SqlColumn stamps{u"field_versions"_s, ColumnKind::JsonObject};
        const Task task = Task::create(QDateTime::currentDateTimeUtc());
        QCOMPARE(placeholders(tasks.insertSql()), tasks.insertValues(task).size());
        QCOMPARE(placeholders(tasks.insertSql({stamps})), tasks.insertValues(task).size() + 1);
        for (UpdateBy writer : {UpdateBy::Rest, UpdateBy::Sync}) {
            // then the key and the owner
            QCOMPARE(placeholders(tasks.updateSql(writer)),
                     tasks.updateValues(task, writer).size() + 2);
            QCOMPARE(placeholders(tasks.updateSql(writer, {stamps})),
                     tasks.updateValues(task, writer).size() + 3);
        }
        // REST never writes a creation time; the sync may correct it.
        QVERIFY(!tasks.updateSql(UpdateBy::Rest).contains(u"created_at"_s));
        QVERIFY(tasks.updateSql(UpdateBy::Sync).contains(u"created_at = ?::timestamptz"_s));

        const auto& goals = bizy::server::goalColumns();
        const Goal goal = Goal::create(QDateTime::currentDateTimeUtc());
        QCOMPARE(placeholders(goals.insertSql({stamps})), goals.insertValues(goal).size() + 1);
        QCOMPARE(placeholders(goals.updateSql(UpdateBy::Sync, {stamps})),
                 goals.updateValues(goal, UpdateBy::Sync).size() + 3);
    }

    void goalJsonProjectionIsTheRestJsonWithoutCounts() {
        // given a goal with every stored field set
        Goal goal;
        goal.uuid = u"0b5c8f1e-3d2a-4c1b-9e8f-7a6b5c4d3e2f"_s;
        goal.id = 42;
        goal.userId = 7;
        goal.parentGoalId = 9;
        goal.title = u"Quote \" and ünïcödé"_s;
        goal.description = u"line1\nline2"_s;
        goal.horizon = bizy::GoalHorizon::Monthly;
        goal.targetDate = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 6), QTimeZone::utc());
        goal.status = bizy::GoalStatus::OnHold;
        goal.progressPercentage = 0.1 + 0.2;
        goal.successCriteria = u"done"_s;
        goal.metrics = QJsonObject{{u"b"_s, 1.5}, {u"a"_s, QJsonArray{1, u"x"_s}}};
        goal.createdAt = QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59), QTimeZone::utc());
        goal.updatedAt = QDateTime(QDate(2026, 11, 22), QTime(5, 0, 0, 999), QTimeZone::utc());
        goal.version = 123456789012LL;
        // when the columns write it as JSON text
        QByteArray written;
        bizy::server::goalColumns().appendJson(written, goal);
        // then a JSON reader sees toRestJson() without the fields counted on read
        QJsonObject expected = goal.toRestJson();
        expected.remove(u"task_count"_s);
        expected.remove(u"subgoal_count"_s);
        QCOMPARE(QJsonDocument::fromJson(written).object(), expected);
        QCOMPARE(written, QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }
};

QTEST_GUILESS_MAIN(TestServerColumns)
#include "tst_servercolumns.moc"
