// Goal: the contract's goal rules (docs/api.md sections 4 and 6), its JSON shapes
// and what a status change does to completed_at and progress.

#include "ModelTestSupport.h"
#include "model/Goal.h"
#include "model/IsoDateTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bizy;
using bizy::test::object;

namespace {

const QString parentUuid = u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"_s;

QDateTime at(int hour, int minute = 0, int ms = 0) {
    return QDateTime(QDate(2030, 1, 1), QTime(hour, minute, 0, ms), QTimeZone::utc());
}

// A goal with every field of the sync shape set.
Goal everyFieldSet() {
    Goal goal = Goal::create(at(8, 0, 125));
    goal.id = 11;
    goal.userId = 7;
    goal.parentGoalId = 10;
    goal.parentGoalUuid = parentUuid;
    goal.title = u"Ship 1.0"_s;
    goal.description = u"Everything in the plan"_s;
    goal.horizon = GoalHorizon::Quarterly;
    goal.targetDate = at(23, 59);
    goal.status = GoalStatus::OnHold;
    goal.progressPercentage = 41.67;
    goal.successCriteria = u"users say yes"_s;
    goal.metrics = QJsonObject{{u"users"_s, 100}, {u"nested"_s, QJsonObject{{u"a"_s, 1}}}};
    goal.completedAt = at(9); // was completed once; an answer states it as it is
    goal.updatedAt = at(10);
    goal.version = 33;
    return goal;
}

ValidatedFields validateRest(const QJsonObject& body,
                             EntitySchema::Mode mode = EntitySchema::Mode::Create) {
    return Goal::schema().validate(body, mode, FromRest);
}

} // namespace

class TestGoal : public QObject {
    Q_OBJECT

private slots:
    void restBodiesFollowTheContract_data();
    void restBodiesFollowTheContract();
    void explicitNullForRequiredFieldsIsAnError_data();
    void explicitNullForRequiredFieldsIsAnError();
    void parentComesByIdFromRestAndByUuidFromSync();
    void readOnlyFieldsAreIgnoredOnInput();
    void syncJsonRoundTripsWithEveryFieldSet();
    void syncJsonRoundTripsWithNothingOptionalSet();
    void restJsonCarriesCountsOnlyWhenAsked();
    void roundTripSurvivesTheWire();
    void anAnswersProgressIsKeptAsSent();
    void wrongTypesAnywhereAreErrorsNotCrashes();
    void randomValuesNeverCrashAndWhatParsesRoundTrips();
    void becomingCompletedSetsCompletedAtAndProgress100();
    void leavingCompletedClearsCompletedAt();
    void otherStatusChangesLeaveCompletedAtAlone();
    void aDeviceCompletingOfflineKeepsItsTimeAndReaches100();
    void namesRoundTrip();
};

void TestGoal::restBodiesFollowTheContract_data() {
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("badField"); // empty when the body is valid
    QTest::addColumn<QString>("type");

    const auto valid = [](QJsonObject body) {
        if (!body.contains(u"title"_s))
            body.insert(u"title"_s, u"g"_s);
        if (!body.contains(u"horizon"_s))
            body.insert(u"horizon"_s, u"yearly"_s);
        return body;
    };

    QTest::newRow("title 0") << valid({{u"title"_s, u""_s}}) << u"title"_s << u"string_too_short"_s;
    QTest::newRow("title 1") << valid({{u"title"_s, u"a"_s}}) << QString() << QString();
    QTest::newRow("title 500") << valid({{u"title"_s, test::characters(500)}}) << QString()
                               << QString();
    QTest::newRow("title 501") << valid({{u"title"_s, test::characters(501)}}) << u"title"_s
                               << u"string_too_long"_s;
    QTest::newRow("title missing")
        << QJsonObject{{u"horizon"_s, u"weekly"_s}} << u"title"_s << u"missing"_s;
    QTest::newRow("horizon missing")
        << QJsonObject{{u"title"_s, u"g"_s}} << u"horizon"_s << u"missing"_s;
    for (const QString& horizon : {u"yearly"_s, u"quarterly"_s, u"monthly"_s, u"weekly"_s})
        QTest::addRow("horizon %s", qPrintable(horizon))
            << valid({{u"horizon"_s, horizon}}) << QString() << QString();
    for (const QString& horizon : {u"daily"_s, u"Yearly"_s, u""_s})
        QTest::addRow("horizon '%s'", qPrintable(horizon))
            << valid({{u"horizon"_s, horizon}}) << u"horizon"_s << u"enum"_s;
    for (const QString& status : {u"active"_s, u"completed"_s, u"on_hold"_s, u"cancelled"_s})
        QTest::addRow("status %s", qPrintable(status))
            << valid({{u"status"_s, status}}) << QString() << QString();
    for (const QString& status : {u"pending"_s, u"canceled"_s, u"on hold"_s})
        QTest::addRow("status '%s'", qPrintable(status))
            << valid({{u"status"_s, status}}) << u"status"_s << u"enum"_s;
    QTest::newRow("progress -0.1") << valid({{u"progress_percentage"_s, -0.1}})
                                   << u"progress_percentage"_s << u"greater_than_equal"_s;
    QTest::newRow("progress 0") << valid({{u"progress_percentage"_s, 0}}) << QString() << QString();
    QTest::newRow("progress 100") << valid({{u"progress_percentage"_s, 100}}) << QString()
                                  << QString();
    QTest::newRow("progress 100.1") << valid({{u"progress_percentage"_s, 100.1}})
                                    << u"progress_percentage"_s << u"less_than_equal"_s;
    QTest::newRow("progress text") << valid({{u"progress_percentage"_s, u"half"_s}})
                                   << u"progress_percentage"_s << u"float_parsing"_s;
    QTest::newRow("progress bool")
        << valid({{u"progress_percentage"_s, true}}) << u"progress_percentage"_s << u"float_type"_s;
    QTest::newRow("metrics object")
        << valid({{u"metrics"_s, QJsonObject{{u"km"_s, 42}, {u"list"_s, QJsonArray{1, u"x"_s}}}}})
        << QString() << QString();
    QTest::newRow("metrics list") << valid({{u"metrics"_s, QJsonArray{1}}}) << u"metrics"_s
                                  << u"dict_type"_s;
    QTest::newRow("metrics NUL") << valid({{u"metrics"_s,
                                            QJsonObject{{u"k"_s, QString(QChar(u'\0'))}}}})
                                 << u"metrics"_s << u"string_nul"_s;
    QTest::newRow("target_date date only")
        << valid({{u"target_date"_s, u"2030-12-31"_s}}) << QString() << QString();
    QTest::newRow("target_date garbage")
        << valid({{u"target_date"_s, u"Q4"_s}}) << u"target_date"_s << u"datetime_parsing"_s;
    QTest::newRow("success_criteria NUL") << valid({{u"success_criteria"_s, QString(QChar(u'\0'))}})
                                          << u"success_criteria"_s << u"string_nul"_s;
    QTest::newRow("parent_goal_id 1.5")
        << valid({{u"parent_goal_id"_s, 1.5}}) << u"parent_goal_id"_s << u"int_from_float"_s;
    QTest::newRow("unknown fields ignored")
        << valid({{u"owner"_s, u"me"_s}}) << QString() << QString();
}

void TestGoal::restBodiesFollowTheContract() {
    QFETCH(QJsonObject, body);
    QFETCH(QString, badField);
    QFETCH(QString, type);

    // given a POST /api/goals/ body
    // when it is validated
    const ValidatedFields result = validateRest(body);

    // then it passes, or exactly the bad field is reported with FastAPI's type
    if (badField.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(test::describe(result.errors)));
        return;
    }
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().loc.first().toString(), badField);
    QCOMPARE(result.errors.first().type, type);
    QVERIFY(!result.fields.contains(badField));
}

void TestGoal::explicitNullForRequiredFieldsIsAnError_data() {
    QTest::addColumn<QString>("field");
    QTest::newRow("title") << u"title"_s;
    QTest::newRow("horizon") << u"horizon"_s;
    QTest::newRow("status") << u"status"_s;
}

void TestGoal::explicitNullForRequiredFieldsIsAnError() {
    QFETCH(QString, field);

    // given a create and a patch sending null for the field
    QJsonObject body{{u"title"_s, u"g"_s}, {u"horizon"_s, u"weekly"_s}};
    body.insert(field, QJsonValue::Null);

    // when validated
    const ValidatedFields create = validateRest(body);
    const ValidatedFields patch =
        validateRest(QJsonObject{{field, QJsonValue::Null}}, EntitySchema::Mode::Patch);

    // then each is an error for that field, never a stored null
    for (const ValidatedFields* result : {&create, &patch}) {
        QCOMPARE(result->errors.size(), 1);
        QCOMPARE(result->errors.first().loc, QJsonArray{field});
    }
}

void TestGoal::parentComesByIdFromRestAndByUuidFromSync() {
    // given a patch naming the parent both ways
    const QJsonObject body{{u"parent_goal_id"_s, 10}, {u"parent_goal_uuid"_s, parentUuid}};

    // when it comes through REST and through a sync push
    const ValidatedFields rest = validateRest(body, EntitySchema::Mode::Patch);
    const ValidatedFields sync = Goal::schema().validate(body, EntitySchema::Mode::Patch, FromSync);

    // then each reads its own relation only
    QCOMPARE(rest.fields, (QJsonObject{{u"parent_goal_id"_s, 10}}));
    QCOMPARE(sync.fields, (QJsonObject{{u"parent_goal_uuid"_s, parentUuid}}));
}

void TestGoal::readOnlyFieldsAreIgnoredOnInput() {
    // given a patch that tries to set what only the server decides
    const QJsonObject body = object(R"({"id": 1, "user_id": 2, "version": 9, "task_count": 3,
        "subgoal_count": 4, "uuid": "6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f",
        "updated_at": "2000-01-01", "completed_at": "2000-01-01", "created_at": "2000-01-01"})"_ba);

    // when it comes through REST
    const ValidatedFields rest = validateRest(body, EntitySchema::Mode::Patch);

    // then nothing of it is taken
    QVERIFY(rest.ok());
    QVERIFY(rest.fields.isEmpty());
}

void TestGoal::syncJsonRoundTripsWithEveryFieldSet() {
    // given a goal with every field set
    const Goal goal = everyFieldSet();

    // when it goes to the sync shape and back
    const QJsonObject json = goal.toSyncJson();
    const Result<Goal> back = Goal::fromJson(json);

    // then it is the same goal; the sync shape has no counts
    QVERIFY(!json.contains(u"task_count"_s));
    QVERIFY(!json.contains(u"subgoal_count"_s));
    QCOMPARE(json.value(u"parent_goal_uuid"_s).toString(), parentUuid);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QCOMPARE(back->toSyncJson(), json);
    QVERIFY(*back == goal);
}

void TestGoal::syncJsonRoundTripsWithNothingOptionalSet() {
    // given a fresh weekly goal with only a title
    Goal goal = Goal::create(at(8));
    goal.title = u"g"_s;
    goal.horizon = GoalHorizon::Weekly;

    // when it goes to the sync shape and back
    const QJsonObject json = goal.toSyncJson();
    const Result<Goal> back = Goal::fromJson(json);

    // then never-set fields are null and it comes back equal
    for (const QString& field :
         {u"id"_s, u"user_id"_s, u"parent_goal_id"_s, u"parent_goal_uuid"_s, u"description"_s,
          u"target_date"_s, u"success_criteria"_s, u"metrics"_s, u"completed_at"_s}) {
        QVERIFY2(json.contains(field) && json.value(field).isNull(), qPrintable(field));
    }
    QCOMPARE(json.value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(json.value(u"progress_percentage"_s).toDouble(), 0.0);
    QVERIFY(back.ok());
    QVERIFY(*back == goal);
}

void TestGoal::restJsonCarriesCountsOnlyWhenAsked() {
    // given a goal without counts and one listed with include_counts=true
    Goal plain = everyFieldSet();
    plain.parentGoalUuid.reset();
    Goal counted = plain;
    counted.taskCount = 4;
    counted.subgoalCount = 0;

    // when both go to the REST shape and back
    const QJsonObject plainJson = plain.toRestJson();
    const QJsonObject countedJson = counted.toRestJson();

    // then counts are null unless asked for, 0 is not null, and both round trip
    QVERIFY(plainJson.value(u"task_count"_s).isNull());
    QVERIFY(plainJson.value(u"subgoal_count"_s).isNull());
    QCOMPARE(countedJson.value(u"task_count"_s).toInteger(), 4);
    QCOMPARE(countedJson.value(u"subgoal_count"_s), QJsonValue(0));
    QVERIFY(!plainJson.contains(u"parent_goal_uuid"_s));
    const Result<Goal> plainBack = Goal::fromJson(plainJson);
    const Result<Goal> countedBack = Goal::fromJson(countedJson);
    QVERIFY(plainBack.ok() && countedBack.ok());
    QVERIFY(*plainBack == plain);
    QVERIFY(*countedBack == counted);
}

void TestGoal::roundTripSurvivesTheWire() {
    // given a goal serialised to text
    const Goal goal = everyFieldSet();
    const QByteArray wire = QJsonDocument(goal.toSyncJson()).toJson();

    // when parsed from the text
    const Result<Goal> back = Goal::fromJson(QJsonDocument::fromJson(wire).object());

    // then nothing is lost
    QVERIFY(back.ok());
    QVERIFY(*back == goal);
}

void TestGoal::anAnswersProgressIsKeptAsSent() {
    // given answers for a completed goal at 100 and an active one at 33.33
    const QJsonObject completed = object(R"({"title": "a", "horizon": "monthly",
        "status": "completed", "progress_percentage": 100, "completed_at": "2030-01-01T09:00:00",
        "created_at": "2030-01-01T08:00:00", "updated_at": "2030-01-01T10:00:00"})"_ba);
    const QJsonObject active = object(R"({"title": "b", "horizon": "monthly",
        "status": "active", "progress_percentage": 33.33, "completed_at": null,
        "created_at": "2030-01-01T08:00:00", "updated_at": "2030-01-01T10:00:00"})"_ba);

    // when parsed
    const Result<Goal> a = Goal::fromJson(completed);
    const Result<Goal> b = Goal::fromJson(active);

    // then what the server said is what the client shows
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(toString(a->status), u"completed"_s);
    QCOMPARE(a->completedAt, std::optional<QDateTime>(at(9)));
    QCOMPARE(a->progressPercentage, 100.0);
    QCOMPARE(a->updatedAt, at(10));
    QCOMPARE(b->progressPercentage, 33.33);
    QVERIFY(!b->completedAt.has_value());
}

void TestGoal::wrongTypesAnywhereAreErrorsNotCrashes() {
    // given a valid full answer, and values no goal field accepts
    const QJsonObject valid = everyFieldSet().toRestJson();
    const QList<QJsonValue> neverValid{QJsonValue(true), QJsonArray{1}};
    for (auto it = valid.constBegin(); it != valid.constEnd(); ++it) {
        for (const QJsonValue& bad : neverValid) {
            QJsonObject broken = valid;
            broken.insert(it.key(), bad);

            // when one field at a time is replaced by such a value
            const Result<Goal> result = Goal::fromJson(broken);

            // then parsing fails and names exactly that field
            QVERIFY2(!result.ok(), qPrintable(it.key()));
            QCOMPARE(result.error().fields.size(), 1);
            QCOMPARE(result.error().fields.first().loc.first().toString(), it.key());
        }
    }
}

void TestGoal::randomValuesNeverCrashAndWhatParsesRoundTrips() {
    // given a seeded stream of valid answers with random values put into them
    test::RandomJson random(11);
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
        const Result<Goal> goal = Goal::fromJson(input);

        // then it is an error naming fields of the input, or a goal that
        // survives its own round trip
        if (!goal.ok()) {
            QVERIFY(!goal.error().fields.isEmpty());
            for (const FieldError& error : goal.error().fields)
                QVERIFY(input.contains(error.loc.first().toString()) || error.type == u"missing"_s);
            continue;
        }
        ++parsed;
        if (!input.contains(u"created_at"_s) || !input.contains(u"updated_at"_s))
            continue;
        const Result<Goal> again = Goal::fromJson(goal->toSyncJson());
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
        QVERIFY(*again == *goal);
    }
    QVERIFY2(parsed > 100, "the generator should also produce valid goals");
}

void TestGoal::becomingCompletedSetsCompletedAtAndProgress100() {
    // given an active goal at 40 %
    Goal goal = Goal::create(at(8));
    goal.title = u"g"_s;
    goal.progressPercentage = 40;

    // when a patch sets it completed
    const ValidatedFields patch =
        validateRest(object(R"({"status": "completed"})"_ba), EntitySchema::Mode::Patch);
    goal.applyFields(patch.fields, at(12, 30));

    // then it was completed now, fully
    QCOMPARE(toString(goal.status), u"completed"_s);
    QCOMPARE(goal.completedAt, std::optional<QDateTime>(at(12, 30)));
    QCOMPARE(goal.progressPercentage, 100.0);
    QCOMPARE(goal.updatedAt, at(12, 30));
    QVERIFY(!goal.leftCompleted(GoalStatus::Active));
}

void TestGoal::leavingCompletedClearsCompletedAt() {
    // given a completed goal
    Goal goal = Goal::create(at(8));
    goal.title = u"g"_s;
    goal.applyFields(QJsonObject{{u"status"_s, u"completed"_s}}, at(9));
    const GoalStatus before = goal.status;

    // when it is set active again
    goal.applyFields(QJsonObject{{u"status"_s, u"active"_s}}, at(10));

    // then completed_at is gone and the caller is told to recompute progress
    QCOMPARE(toString(goal.status), u"active"_s);
    QVERIFY(!goal.completedAt.has_value());
    QVERIFY(goal.leftCompleted(before));
}

void TestGoal::otherStatusChangesLeaveCompletedAtAlone() {
    // given an active goal at 20 %
    Goal goal = Goal::create(at(8));
    goal.title = u"g"_s;
    goal.progressPercentage = 20;

    // when it goes on hold and then is cancelled
    goal.applyFields(QJsonObject{{u"status"_s, u"on_hold"_s}}, at(9));
    goal.applyFields(QJsonObject{{u"status"_s, u"cancelled"_s}}, at(10));

    // then it was never completed and its progress stands
    QVERIFY(!goal.completedAt.has_value());
    QCOMPARE(goal.progressPercentage, 20.0);
    QVERIFY(!goal.leftCompleted(GoalStatus::OnHold));
}

void TestGoal::aDeviceCompletingOfflineKeepsItsTimeAndReaches100() {
    // given an active goal at 40 % and a sync edit that completed it offline at 09:00
    Goal goal = Goal::create(at(8));
    goal.title = u"g"_s;
    goal.progressPercentage = 40;
    const ValidatedFields edit = Goal::schema().validate(
        object(R"({"status": "completed", "completed_at": "2030-01-01T09:00:00"})"_ba),
        EntitySchema::Mode::Patch, FromSync);
    QVERIFY(edit.ok());

    // when the server applies it at 12:00
    goal.applyFields(edit.fields, at(12));

    // then the device's time is kept and the goal is complete, at 100 %
    QCOMPARE(goal.completedAt, std::optional<QDateTime>(at(9)));
    QCOMPARE(goal.progressPercentage, 100.0);
}

void TestGoal::namesRoundTrip() {
    // given every horizon and status
    // when named and read back
    // then they are the same, and unknown names are not guessed
    for (GoalHorizon horizon :
         {GoalHorizon::Yearly, GoalHorizon::Quarterly, GoalHorizon::Monthly, GoalHorizon::Weekly})
        QVERIFY(goalHorizonFromString(toString(horizon)) == horizon);
    for (GoalStatus status :
         {GoalStatus::Active, GoalStatus::Completed, GoalStatus::OnHold, GoalStatus::Cancelled})
        QVERIFY(goalStatusFromString(toString(status)) == status);
    QCOMPARE(toString(GoalStatus::OnHold), u"on_hold"_s);
    QVERIFY(!goalHorizonFromString(u"daily"_s).has_value());
    QVERIFY(!goalStatusFromString(u"Active"_s).has_value());
}

QTEST_GUILESS_MAIN(TestGoal)
#include "tst_goal.moc"
