// Task: the contract's task rules (docs/api.md section 3 and 6), its JSON shapes and
// the completed_at bookkeeping.

#include "ModelTestSupport.h"
#include "model/IsoDateTime.h"
#include "model/Task.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bizy;
using bizy::test::object;

namespace {

const QString goalUuid = u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"_s;
const QString otherUuid = u"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"_s;

QDateTime at(int hour, int minute = 0, int ms = 0) {
    return QDateTime(QDate(2030, 1, 1), QTime(hour, minute, 0, ms), QTimeZone::utc());
}

// A task with every field set, the way a server's sync answer carries it.
Task everyFieldSet() {
    Task task = Task::create(at(9, 0, 250));
    task.id = 42;
    task.userId = 7;
    task.title = u"Write the report"_s;
    task.description = u"All of it"_s;
    task.priority = 1;
    task.category = u"work"_s;
    task.estimatedHours = 2.5;
    task.actualHours = 3.25;
    task.dueDate = at(17);
    task.parentGoalId = 5;
    task.parentGoalUuid = goalUuid;
    task.dependencies = QList<qint64>{1, 2};
    task.dependencyUuids = QStringList{otherUuid};
    task.notes = u"ask Ada"_s;
    task.tags = QStringList{u"q1"_s, QString::fromUtf8("f\xc3\xbcr")};
    task.complete(at(10, 30, 5), 3.25);
    task.updatedAt = at(11);
    task.version = 12;
    return task;
}

ValidatedFields validateRest(const QJsonObject& body,
                             EntitySchema::Mode mode = EntitySchema::Mode::Create) {
    return Task::schema().validate(body, mode, FromRest);
}

} // namespace

class TestTask : public QObject {
    Q_OBJECT

private slots:
    void restBodiesFollowTheContract_data();
    void restBodiesFollowTheContract();
    void explicitNullForRequiredFieldsIsAnError_data();
    void explicitNullForRequiredFieldsIsAnError();
    void optionalFieldsMayBeClearedWithNull();
    void relationsComeByIdFromRestAndByUuidFromSync();
    void readOnlyFieldsAreIgnoredOnInput();
    void syncJsonRoundTripsWithEveryFieldSet();
    void syncJsonRoundTripsWithNothingOptionalSet();
    void restJsonRoundTripsAndCarriesNoSyncRelations();
    void roundTripSurvivesTheWire();
    void emptyListsStayEmptyListsNotNull();
    void aServerAnswerWithoutUuidStillParses();
    void wrongTypesAnywhereAreErrorsNotCrashes();
    void randomValuesNeverCrashAndWhatParsesRoundTrips();
    void becomingCompletedSetsCompletedAt();
    void leavingCompletedClearsCompletedAt();
    void anExplicitCompletedAtWins();
    void completeAndUncomplete();
    void overdueMeansDueBeforeNowAndNotCompleted();
    void statusNamesRoundTrip();
};

void TestTask::restBodiesFollowTheContract_data() {
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("badField"); // empty when the body is valid
    QTest::addColumn<QString>("type");

    const auto withTitle = [](QJsonObject body) {
        if (!body.contains(u"title"_s))
            body.insert(u"title"_s, u"t"_s);
        return body;
    };
    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80");

    QTest::newRow("title 0") << QJsonObject{{u"title"_s, u""_s}} << u"title"_s
                             << u"string_too_short"_s;
    QTest::newRow("title 1") << QJsonObject{{u"title"_s, u"a"_s}} << QString() << QString();
    QTest::newRow("title 500") << QJsonObject{{u"title"_s, test::characters(500)}} << QString()
                               << QString();
    QTest::newRow("title 501") << QJsonObject{{u"title"_s, test::characters(501)}} << u"title"_s
                               << u"string_too_long"_s;
    QTest::newRow("title 500 emoji")
        << QJsonObject{{u"title"_s, test::characters(500, emoji)}} << QString() << QString();
    QTest::newRow("title 501 emoji") << QJsonObject{{u"title"_s, test::characters(501, emoji)}}
                                     << u"title"_s << u"string_too_long"_s;
    QTest::newRow("title missing") << QJsonObject{{u"priority"_s, 2}} << u"title"_s << u"missing"_s;
    QTest::newRow("title number") << QJsonObject{{u"title"_s, 5}} << u"title"_s << u"string_type"_s;
    QTest::newRow("title NUL") << QJsonObject{{u"title"_s, QString(u"a"_s + QChar(u'\0'))}}
                               << u"title"_s << u"string_nul"_s;

    for (int priority : {0, 6, -1})
        QTest::addRow("priority %d", priority)
            << withTitle({{u"priority"_s, priority}}) << u"priority"_s
            << (priority < 1 ? u"greater_than_equal"_s : u"less_than_equal"_s);
    for (int priority : {1, 3, 5})
        QTest::addRow("priority %d", priority)
            << withTitle({{u"priority"_s, priority}}) << QString() << QString();
    QTest::newRow("priority 2.5") << withTitle({{u"priority"_s, 2.5}}) << u"priority"_s
                                  << u"int_from_float"_s;
    QTest::newRow("priority 2.0") << withTitle({{u"priority"_s, 2.0}}) << QString() << QString();
    // The existing backend (pydantic, lax) takes numbers in strings; web forms send them.
    QTest::newRow("priority \"3\"")
        << withTitle({{u"priority"_s, u"3"_s}}) << QString() << QString();
    QTest::newRow("priority \"6\"")
        << withTitle({{u"priority"_s, u"6"_s}}) << u"priority"_s << u"less_than_equal"_s;
    QTest::newRow("priority \"high\"")
        << withTitle({{u"priority"_s, u"high"_s}}) << u"priority"_s << u"int_parsing"_s;
    QTest::newRow("priority true")
        << withTitle({{u"priority"_s, true}}) << u"priority"_s << u"int_type"_s;

    for (const QString& status : {u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s})
        QTest::addRow("status %s", qPrintable(status))
            << withTitle({{u"status"_s, status}}) << QString() << QString();
    for (const QString& status : {u"done"_s, u"Pending"_s, u"in progress"_s, u""_s})
        QTest::addRow("status '%s'", qPrintable(status))
            << withTitle({{u"status"_s, status}}) << u"status"_s << u"enum"_s;
    QTest::newRow("status number") << withTitle({{u"status"_s, 1}}) << u"status"_s << u"enum"_s;

    QTest::newRow("category 100") << withTitle({{u"category"_s, test::characters(100)}})
                                  << QString() << QString();
    QTest::newRow("category 101") << withTitle({{u"category"_s, test::characters(101)}})
                                  << u"category"_s << u"string_too_long"_s;

    for (const QString& hours : {u"estimated_hours"_s, u"actual_hours"_s}) {
        QTest::addRow("%s -0.1", qPrintable(hours))
            << withTitle({{hours, -0.1}}) << hours << u"greater_than_equal"_s;
        QTest::addRow("%s 0", qPrintable(hours))
            << withTitle({{hours, 0}}) << QString() << QString();
        QTest::addRow("%s 1.5", qPrintable(hours))
            << withTitle({{hours, 1.5}}) << QString() << QString();
        QTest::addRow("%s \"2\"", qPrintable(hours))
            << withTitle({{hours, u"2"_s}}) << QString() << QString();
        QTest::addRow("%s \"-0.1\"", qPrintable(hours))
            << withTitle({{hours, u"-0.1"_s}}) << hours << u"greater_than_equal"_s;
        QTest::addRow("%s true", qPrintable(hours))
            << withTitle({{hours, true}}) << hours << u"float_type"_s;
    }

    QTest::newRow("due_date garbage")
        << withTitle({{u"due_date"_s, u"next week"_s}}) << u"due_date"_s << u"datetime_parsing"_s;
    QTest::newRow("due_date offset")
        << withTitle({{u"due_date"_s, u"2030-01-01T12:00:00+02:00"_s}}) << QString() << QString();
    QTest::newRow("parent_goal_id text")
        << withTitle({{u"parent_goal_id"_s, u"five"_s}}) << u"parent_goal_id"_s << u"int_parsing"_s;
    QTest::newRow("tags not a list")
        << withTitle({{u"tags"_s, u"a"_s}}) << u"tags"_s << u"list_type"_s;
    QTest::newRow("dependencies not a list")
        << withTitle({{u"dependencies"_s, 3}}) << u"dependencies"_s << u"list_type"_s;
    QTest::newRow("description NUL") << withTitle({{u"description"_s, QString(QChar(u'\0'))}})
                                     << u"description"_s << u"string_nul"_s;
    QTest::newRow("notes number") << withTitle({{u"notes"_s, 1}}) << u"notes"_s << u"string_type"_s;
    QTest::newRow("unknown fields ignored")
        << withTitle({{u"colour"_s, u"red"_s}, {u"is_admin"_s, true}}) << QString() << QString();
}

void TestTask::restBodiesFollowTheContract() {
    QFETCH(QJsonObject, body);
    QFETCH(QString, badField);
    QFETCH(QString, type);

    // given a POST /api/tasks/ body
    // when it is validated
    const ValidatedFields result = validateRest(body);

    // then it passes, or exactly the bad field is reported with FastAPI's type
    if (badField.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(test::describe(result.errors)));
        for (auto it = body.constBegin(); it != body.constEnd(); ++it)
            QCOMPARE(result.fields.contains(it.key()), Task::schema().field(it.key()) != nullptr);
        return;
    }
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().loc, QJsonArray{badField});
    QCOMPARE(result.errors.first().type, type);
    QVERIFY(!result.errors.first().msg.isEmpty());
    QVERIFY(!result.fields.contains(badField));
}

void TestTask::explicitNullForRequiredFieldsIsAnError_data() {
    QTest::addColumn<QString>("field");
    QTest::newRow("title") << u"title"_s;
    QTest::newRow("priority") << u"priority"_s;
    QTest::newRow("status") << u"status"_s;
}

void TestTask::explicitNullForRequiredFieldsIsAnError() {
    QFETCH(QString, field);

    // given a create, a REST patch and a sync edit that send null for the field
    QJsonObject body{{u"title"_s, u"t"_s}};
    body.insert(field, QJsonValue::Null);

    // when validated
    const ValidatedFields create = validateRest(body);
    const ValidatedFields patch =
        validateRest(QJsonObject{{field, QJsonValue::Null}}, EntitySchema::Mode::Patch);
    const ValidatedFields sync = Task::schema().validate(QJsonObject{{field, QJsonValue::Null}},
                                                         EntitySchema::Mode::Patch, FromSync);

    // then each is a 422 for that field, never a stored null
    for (const ValidatedFields* result : {&create, &patch, &sync}) {
        QCOMPARE(result->errors.size(), 1);
        QCOMPARE(result->errors.first().loc, QJsonArray{field});
        QVERIFY(!result->fields.contains(field));
    }
}

void TestTask::optionalFieldsMayBeClearedWithNull() {
    // given a task with a description, tags and a due date
    Task task = everyFieldSet();

    // when a patch sends null for them
    const ValidatedFields patch = validateRest(
        object(R"({"description": null, "tags": null, "due_date": null, "category": null})"_ba),
        EntitySchema::Mode::Patch);
    QVERIFY(patch.ok());
    task.applyFields(patch.fields, at(12));

    // then they are cleared, and the rest is untouched
    QVERIFY(!task.description && !task.tags && !task.dueDate && !task.category);
    QCOMPARE(task.title, u"Write the report"_s);
    QCOMPARE(task.notes, std::optional<QString>(u"ask Ada"_s));
    QCOMPARE(task.updatedAt, at(12));
}

void TestTask::relationsComeByIdFromRestAndByUuidFromSync() {
    // given a body naming the parent and dependencies both ways
    const QJsonObject body{{u"title"_s, u"t"_s},
                           {u"parent_goal_id"_s, 5},
                           {u"parent_goal_uuid"_s, goalUuid.toUpper()},
                           {u"dependencies"_s, QJsonArray{1, 2}},
                           {u"dependency_uuids"_s, QJsonArray{otherUuid}}};

    // when it comes through REST and through a sync push
    const ValidatedFields rest = validateRest(body);
    const ValidatedFields sync =
        Task::schema().validate(body, EntitySchema::Mode::Create, FromSync);

    // then REST reads the ids only, sync the uuids only (normalised)
    QVERIFY(rest.ok() && sync.ok());
    QCOMPARE(rest.fields.value(u"parent_goal_id"_s).toInteger(), 5);
    QCOMPARE(rest.fields.value(u"dependencies"_s).toArray(), (QJsonArray{1, 2}));
    QVERIFY(!rest.fields.contains(u"parent_goal_uuid"_s));
    QVERIFY(!rest.fields.contains(u"dependency_uuids"_s));
    QCOMPARE(sync.fields.value(u"parent_goal_uuid"_s).toString(), goalUuid);
    QCOMPARE(sync.fields.value(u"dependency_uuids"_s).toArray(), QJsonArray{otherUuid});
    QVERIFY(!sync.fields.contains(u"parent_goal_id"_s));
    QVERIFY(!sync.fields.contains(u"dependencies"_s));
}

void TestTask::readOnlyFieldsAreIgnoredOnInput() {
    // given a body that tries to set what only the server decides
    const QJsonObject body = object(R"({"title": "t", "id": 99, "user_id": 1, "version": 1000,
        "uuid": "6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f", "updated_at": "2000-01-01T00:00:00",
        "created_at": "2000-01-01T00:00:00", "completed_at": "2000-01-01T00:00:00"})"_ba);

    // when it comes through REST and through sync
    const ValidatedFields rest = validateRest(body);
    const ValidatedFields sync =
        Task::schema().validate(body, EntitySchema::Mode::Create, FromSync);

    // then REST keeps the title only; sync keeps what a device may know
    // (when it created or completed the task offline) but never ids or versions
    QVERIFY(rest.ok());
    QCOMPARE(rest.fields, (QJsonObject{{u"title"_s, u"t"_s}}));
    QVERIFY(sync.ok());
    for (const QString& serverOnly :
         {u"id"_s, u"user_id"_s, u"version"_s, u"uuid"_s, u"updated_at"_s})
        QVERIFY2(!sync.fields.contains(serverOnly), qPrintable(serverOnly));
}

void TestTask::syncJsonRoundTripsWithEveryFieldSet() {
    // given a task with every field set
    const Task task = everyFieldSet();

    // when it goes to the sync shape and back
    const Result<Task> back = Task::fromJson(task.toSyncJson());

    // then it is the same task
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QCOMPARE(back->toSyncJson(), task.toSyncJson());
    QVERIFY(*back == task);
}

void TestTask::syncJsonRoundTripsWithNothingOptionalSet() {
    // given a fresh task with only a title
    Task task = Task::create(at(9));
    task.title = u"t"_s;

    // when it goes to the sync shape
    const QJsonObject json = task.toSyncJson();

    // then every never-set field is null (lists too, not []) and it comes back equal
    for (const QString& field :
         {u"id"_s, u"user_id"_s, u"description"_s, u"category"_s, u"estimated_hours"_s,
          u"actual_hours"_s, u"due_date"_s, u"parent_goal_id"_s, u"parent_goal_uuid"_s,
          u"dependencies"_s, u"dependency_uuids"_s, u"notes"_s, u"tags"_s, u"completed_at"_s}) {
        QVERIFY2(json.contains(field), qPrintable(field));
        QVERIFY2(json.value(field).isNull(), qPrintable(field));
    }
    QCOMPARE(json.value(u"priority"_s).toInt(), 3);
    QCOMPARE(json.value(u"status"_s).toString(), u"pending"_s);
    QCOMPARE(json.value(u"created_at"_s).toString(), u"2030-01-01T09:00:00"_s);
    const Result<Task> back = Task::fromJson(json);
    QVERIFY(back.ok());
    QVERIFY(*back == task);
}

void TestTask::restJsonRoundTripsAndCarriesNoSyncRelations() {
    // given a task with every field set except the sync-only relations
    Task task = everyFieldSet();
    task.parentGoalUuid.reset();
    task.dependencyUuids.reset();

    // when it goes to the REST shape and back
    const QJsonObject json = task.toRestJson();
    const Result<Task> back = Task::fromJson(json);

    // then the REST shape has the contract's fields and it comes back equal
    QVERIFY(!json.contains(u"parent_goal_uuid"_s));
    QVERIFY(!json.contains(u"dependency_uuids"_s));
    QCOMPARE(json.value(u"dependencies"_s).toArray(), (QJsonArray{1, 2}));
    QCOMPARE(json.value(u"completed_at"_s).toString(), u"2030-01-01T10:30:00.005"_s);
    QVERIFY(back.ok());
    QVERIFY(*back == task);
}

void TestTask::roundTripSurvivesTheWire() {
    // given a task serialised to text as the server sends it
    const Task task = everyFieldSet();
    const QByteArray wire = QJsonDocument(task.toSyncJson()).toJson(QJsonDocument::Compact);

    // when the client parses the text
    const Result<Task> back = Task::fromJson(QJsonDocument::fromJson(wire).object());

    // then nothing is lost
    QVERIFY(back.ok());
    QVERIFY(*back == task);
}

void TestTask::emptyListsStayEmptyListsNotNull() {
    // given a task whose tags were emptied on purpose
    Task task = Task::create(at(9));
    task.title = u"t"_s;
    task.tags = QStringList{};
    task.dependencies = QList<qint64>{};

    // when it round trips
    const QJsonObject json = task.toSyncJson();
    const Result<Task> back = Task::fromJson(json);

    // then "emptied" is not confused with "never set"
    QCOMPARE(json.value(u"tags"_s), QJsonValue(QJsonArray{}));
    QVERIFY(back.ok());
    QVERIFY(back->tags.has_value() && back->tags->isEmpty());
    QVERIFY(back->dependencies.has_value() && back->dependencies->isEmpty());
}

void TestTask::aServerAnswerWithoutUuidStillParses() {
    // given an answer of the existing backend (no uuid, no version)
    const QJsonObject answer = object(R"({"id": 3, "user_id": 1, "title": "Old", "description":
        null, "priority": 2, "status": "completed", "category": null, "estimated_hours": null,
        "actual_hours": 1.5, "due_date": "2030-01-01T10:00:00", "parent_goal_id": null,
        "dependencies": null, "notes": null, "tags": ["a"], "created_at": "2029-12-01T08:00:00",
        "updated_at": "2029-12-02T08:00:00", "completed_at": "2029-12-02T08:00:00.5"})"_ba);

    // when parsed
    const Result<Task> task = Task::fromJson(answer);

    // then every field is read as sent
    QVERIFY(task.ok());
    QCOMPARE(task->id, std::optional<qint64>(3));
    QCOMPARE(toString(task->status), toString(TaskStatus::Completed));
    QCOMPARE(task->completedAt, IsoDateTime::parse(u"2029-12-02T08:00:00.500"_s));
    QCOMPARE(task->updatedAt, *IsoDateTime::parse(u"2029-12-02T08:00:00"_s));
    QCOMPARE(task->tags, std::optional<QStringList>(QStringList{u"a"_s}));
    QVERIFY(!task->dependencies.has_value());
    QCOMPARE(task->version, 0);
}

void TestTask::wrongTypesAnywhereAreErrorsNotCrashes() {
    // given a valid full answer, and values no task field accepts
    const QJsonObject valid = everyFieldSet().toSyncJson();
    const QList<QJsonValue> neverValid{QJsonValue(true), QJsonObject{{u"x"_s, 1}}};
    for (auto it = valid.constBegin(); it != valid.constEnd(); ++it) {
        for (const QJsonValue& bad : neverValid) {
            QJsonObject broken = valid;
            broken.insert(it.key(), bad);

            // when one field at a time is replaced by such a value
            const Result<Task> result = Task::fromJson(broken);

            // then parsing fails and names exactly that field
            QVERIFY2(!result.ok(), qPrintable(it.key()));
            QCOMPARE(result.error().code, Error::Code::Validation);
            QCOMPARE(result.error().fields.size(), 1);
            QCOMPARE(result.error().fields.first().loc.first().toString(), it.key());
        }
    }
}

void TestTask::randomValuesNeverCrashAndWhatParsesRoundTrips() {
    // given a seeded stream of valid answers with random values put into them
    test::RandomJson random(7);
    const QJsonObject valid = everyFieldSet().toSyncJson();
    const QStringList keys = valid.keys();
    int parsed = 0;
    for (int round = 0; round < 5000; ++round) {
        QJsonObject input = valid;
        for (int i = 1 + random.generator().bounded(3); i > 0; --i)
            input.insert(keys.at(random.generator().bounded(int(keys.size()))), random.value());
        if (round % 10 == 0)
            input = random.value().toObject();

        // when parsed
        const Result<Task> task = Task::fromJson(input);

        // then it is an error naming fields of the input, or a task that
        // survives its own round trip
        if (!task.ok()) {
            QVERIFY(!task.error().fields.isEmpty());
            for (const FieldError& error : task.error().fields)
                QVERIFY(input.contains(error.loc.first().toString()) || error.type == u"missing"_s);
            continue;
        }
        ++parsed;
        if (!input.contains(u"created_at"_s) || !input.contains(u"updated_at"_s))
            continue; // not a full answer: its timestamps are unknown
        const Result<Task> again = Task::fromJson(task->toSyncJson());
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
        QVERIFY(*again == *task);
    }
    QVERIFY2(parsed > 100, "the generator should also produce valid tasks");
}

void TestTask::becomingCompletedSetsCompletedAt() {
    // given a pending task
    Task task = Task::create(at(9));
    task.title = u"t"_s;

    // when a patch sets it completed
    const ValidatedFields patch =
        validateRest(object(R"({"status": "completed"})"_ba), EntitySchema::Mode::Patch);
    task.applyFields(patch.fields, at(10, 15));

    // then it was completed now
    QCOMPARE(toString(task.status), toString(TaskStatus::Completed));
    QCOMPARE(task.completedAt, std::optional<QDateTime>(at(10, 15)));
    QCOMPARE(task.updatedAt, at(10, 15));

    // and an edit that does not touch the status keeps that moment
    task.applyFields(QJsonObject{{u"title"_s, u"t2"_s}, {u"status"_s, u"completed"_s}}, at(11));
    QCOMPARE(task.completedAt, std::optional<QDateTime>(at(10, 15)));
}

void TestTask::leavingCompletedClearsCompletedAt() {
    // given a completed task
    Task task = everyFieldSet();
    QVERIFY(task.completedAt.has_value());

    // when it moves back to in progress
    task.applyFields(QJsonObject{{u"status"_s, u"in_progress"_s}}, at(12));

    // then it has no completion time any more
    QCOMPARE(toString(task.status), toString(TaskStatus::InProgress));
    QVERIFY(!task.completedAt.has_value());
}

void TestTask::anExplicitCompletedAtWins() {
    // given a pending task and a sync edit completed offline at 08:00
    Task task = Task::create(at(7));
    task.title = u"t"_s;
    const ValidatedFields edit = Task::schema().validate(
        object(R"({"status": "completed", "completed_at": "2030-01-01T08:00:00Z"})"_ba),
        EntitySchema::Mode::Patch, FromSync);
    QVERIFY(edit.ok());

    // when it is applied at 12:00
    task.applyFields(edit.fields, at(12));

    // then the device's completion time is kept
    QCOMPARE(task.completedAt, std::optional<QDateTime>(at(8)));
}

void TestTask::completeAndUncomplete() {
    // given a pending task
    Task task = Task::create(at(9));
    task.title = u"t"_s;

    // when completed with hours, then uncompleted
    task.complete(at(10), 1.5);
    const Task completed = task;
    task.uncomplete(at(11));

    // then completion set status, time and hours; uncompletion undid the first two
    QCOMPARE(toString(completed.status), toString(TaskStatus::Completed));
    QCOMPARE(completed.completedAt, std::optional<QDateTime>(at(10)));
    QCOMPARE(completed.actualHours, std::optional<double>(1.5));
    QCOMPARE(toString(task.status), toString(TaskStatus::Pending));
    QVERIFY(!task.completedAt.has_value());
    QCOMPARE(task.actualHours, std::optional<double>(1.5));
    QCOMPARE(task.updatedAt, at(11));
}

void TestTask::overdueMeansDueBeforeNowAndNotCompleted() {
    // given a task due at 10:00
    Task task = Task::create(at(9));
    task.dueDate = at(10);

    // when looked at before, after, and after completion
    // then only an open task past its due time is overdue
    QVERIFY(!task.isOverdue(at(9, 59)));
    QVERIFY(task.isOverdue(at(10, 1)));
    task.complete(at(10, 30));
    QVERIFY(!task.isOverdue(at(11)));
    Task undated = Task::create(at(9));
    QVERIFY(!undated.isOverdue(at(23)));
}

void TestTask::statusNamesRoundTrip() {
    // given every status
    for (TaskStatus status : {TaskStatus::Pending, TaskStatus::InProgress, TaskStatus::Completed,
                              TaskStatus::Blocked}) {
        // when named and read back
        // then it is the same status
        QCOMPARE(taskStatusFromString(toString(status)), std::optional<TaskStatus>(status));
    }
    QCOMPARE(toString(TaskStatus::InProgress), u"in_progress"_s);
    QVERIFY(!taskStatusFromString(u"done"_s).has_value());
}

QTEST_GUILESS_MAIN(TestTask)
#include "tst_task.moc"
