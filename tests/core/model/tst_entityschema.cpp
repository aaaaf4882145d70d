// EntitySchema: the one place field rules are checked, for the server's REST
// and sync endpoints and the client's store. These tests use a schema with one
// field of every kind, so each rule is seen in isolation.

#include "ModelTestSupport.h"
#include "model/EntitySchema.h"
#include "model/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;
using bizy::test::object;

namespace {

const EntitySchema& everyKind() {
    static const EntitySchema schema({
        {.name = u"name"_s,
         .requiredOnCreate = true,
         .nullable = false,
         .minLength = 1,
         .maxLength = 5},
        {.name = u"note"_s},
        {.name = u"code"_s, .pattern = u"[a-z]+"_s},
        {.name = u"email"_s, .kind = FieldKind::Email},
        {.name = u"count"_s,
         .kind = FieldKind::Integer,
         .nullable = false,
         .minimum = 1,
         .maximum = 5},
        {.name = u"amount"_s, .kind = FieldKind::Number, .minimum = 0},
        {.name = u"flag"_s, .kind = FieldKind::Boolean},
        {.name = u"when"_s, .kind = FieldKind::DateTime},
        {.name = u"colour"_s, .kind = FieldKind::Enum, .choices = {u"red"_s, u"green"_s}},
        {.name = u"ref"_s, .kind = FieldKind::Uuid},
        {.name = u"labels"_s, .kind = FieldKind::StringList, .maxLength = 3},
        {.name = u"ids"_s, .kind = FieldKind::IntegerList},
        {.name = u"refs"_s, .kind = FieldKind::UuidList},
        {.name = u"extra"_s, .kind = FieldKind::Object},
        {.name = u"rest_only"_s, .origins = FromRest},
        {.name = u"sync_only"_s, .origins = FromSync},
        {.name = u"server_only"_s, .origins = FromServer},
    });
    return schema;
}

} // namespace

class TestEntitySchema : public QObject {
    Q_OBJECT

private slots:
    void valuesOfEveryKindAreAcceptedAndNormalised();
    void wrongTypesAreReportedFastApiStyle_data();
    void wrongTypesAreReportedFastApiStyle();
    void numbersInStringsAreTakenLikeTheExistingBackendDoes();
    void explicitNullClearsOptionalFieldsButNotRequiredOnes();
    void createNeedsRequiredFieldsPatchDoesNot();
    void unknownFieldsAreIgnored();
    void originsDecideWhichFieldsAreRead();
    void everyBadFieldIsReportedAtOnce();
    void uuidsAreNormalised_data();
    void uuidsAreNormalised();
    void malformedUuidsAreRefused_data();
    void malformedUuidsAreRefused();
    void nulCharactersAreRefusedEverywhere_data();
    void nulCharactersAreRefusedEverywhere();
    void lengthsCountCharactersNotUtf16Units();
    void fieldErrorsRenderForHttpAndForPeople();
    void randomInputNeverCrashesAndErrorsNameTheirField();
};

void TestEntitySchema::valuesOfEveryKindAreAcceptedAndNormalised() {
    // given a body with a valid value for every kind
    const QJsonObject input = object(R"({
        "name": "abc", "note": "free text", "code": "abc", "email": "  ada@example.com ",
        "count": 2.0, "amount": 0, "flag": false, "when": "2030-01-01T12:00:00+02:00",
        "colour": "green", "ref": "{6F1C2A4E-3B7D-4E8A-9C0F-1A2B3C4D5E6F}",
        "labels": ["a", "", "xyz"], "ids": [1, 2.0, -3],
        "refs": ["6F1C2A4E3B7D4E8A9C0F1A2B3C4D5E6F"], "extra": {"k": [1, {"n": null}]}
    })"_ba);

    // when it is validated for a create
    const ValidatedFields result =
        everyKind().validate(input, EntitySchema::Mode::Create, FromAnywhere);

    // then everything passes, in its canonical form
    QVERIFY2(result.ok(), qPrintable(test::describe(result.errors)));
    const QJsonObject& f = result.fields;
    QCOMPARE(f.value(u"email"_s).toString(), u"ada@example.com"_s);
    QVERIFY(f.value(u"count"_s).isDouble());
    QCOMPARE(f.value(u"count"_s).toInteger(), 2);
    QCOMPARE(f.value(u"amount"_s).toDouble(), 0.0);
    QCOMPARE(f.value(u"flag"_s), QJsonValue(false));
    QCOMPARE(f.value(u"when"_s).toString(), u"2030-01-01T10:00:00"_s);
    QCOMPARE(f.value(u"colour"_s).toString(), u"green"_s);
    QCOMPARE(f.value(u"ref"_s).toString(), u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"_s);
    QCOMPARE(f.value(u"labels"_s).toArray(), (QJsonArray{u"a"_s, u""_s, u"xyz"_s}));
    QCOMPARE(f.value(u"ids"_s).toArray(), (QJsonArray{1, 2, -3}));
    QCOMPARE(f.value(u"refs"_s).toArray(), QJsonArray{u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"_s});
    QCOMPARE(f.value(u"extra"_s).toObject(), input.value(u"extra"_s).toObject());
}

void TestEntitySchema::wrongTypesAreReportedFastApiStyle_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonArray>("loc");
    QTest::addColumn<QString>("msg");
    QTest::addColumn<QString>("type");

    const QString intMsg = u"Input should be a valid integer"_s;
    const QString strMsg = u"Input should be a valid string"_s;
    QTest::newRow("string as number")
        << R"({"name": 5})"_ba << QJsonArray{u"name"_s} << strMsg << u"string_type"_s;
    QTest::newRow("string as list")
        << R"({"name": ["a"]})"_ba << QJsonArray{u"name"_s} << strMsg << u"string_type"_s;
    QTest::newRow("integer text not a number")
        << R"({"count": "three"})"_ba << QJsonArray{u"count"_s}
        << u"Input should be a valid integer, unable to parse string as an integer"_s
        << u"int_parsing"_s;
    QTest::newRow("integer text with fraction")
        << R"({"count": "2.5"})"_ba << QJsonArray{u"count"_s}
        << u"Input should be a valid integer, unable to parse string as an integer"_s
        << u"int_parsing"_s;
    QTest::newRow("integer text above maximum")
        << R"({"count": "6"})"_ba << QJsonArray{u"count"_s}
        << u"Input should be less than or equal to 5"_s << u"less_than_equal"_s;
    QTest::newRow("integer as bool")
        << R"({"count": true})"_ba << QJsonArray{u"count"_s} << intMsg << u"int_type"_s;
    QTest::newRow("integer with fraction")
        << R"({"count": 2.5})"_ba << QJsonArray{u"count"_s}
        << u"Input should be a valid integer, got a number with a fractional part"_s
        << u"int_from_float"_s;
    QTest::newRow("integer too large to be exact")
        << R"({"count": 1e20})"_ba << QJsonArray{u"count"_s}
        << u"Input should be a valid integer, the number is too large"_s << u"int_parsing_size"_s;
    QTest::newRow("integer list item too large")
        << R"({"ids": [9007199254740993]})"_ba << QJsonArray{u"ids"_s, 0}
        << u"Input should be a valid integer, the number is too large"_s << u"int_parsing_size"_s;
    QTest::newRow("integer below minimum")
        << R"({"count": 0})"_ba << QJsonArray{u"count"_s}
        << u"Input should be greater than or equal to 1"_s << u"greater_than_equal"_s;
    QTest::newRow("integer above maximum")
        << R"({"count": 6})"_ba << QJsonArray{u"count"_s}
        << u"Input should be less than or equal to 5"_s << u"less_than_equal"_s;
    QTest::newRow("number text not a number")
        << R"({"amount": "1.5 hours"})"_ba << QJsonArray{u"amount"_s}
        << u"Input should be a valid number, unable to parse string as a number"_s
        << u"float_parsing"_s;
    QTest::newRow("number text infinite")
        << R"({"amount": "inf"})"_ba << QJsonArray{u"amount"_s}
        << u"Input should be a valid number, unable to parse string as a number"_s
        << u"float_parsing"_s;
    QTest::newRow("number as list") << R"({"amount": [1]})"_ba << QJsonArray{u"amount"_s}
                                    << u"Input should be a valid number"_s << u"float_type"_s;
    QTest::newRow("number as bool") << R"({"amount": false})"_ba << QJsonArray{u"amount"_s}
                                    << u"Input should be a valid number"_s << u"float_type"_s;
    QTest::newRow("number below minimum")
        << R"({"amount": -0.1})"_ba << QJsonArray{u"amount"_s}
        << u"Input should be greater than or equal to 0"_s << u"greater_than_equal"_s;
    QTest::newRow("bool as text") << R"({"flag": "true"})"_ba << QJsonArray{u"flag"_s}
                                  << u"Input should be a valid boolean"_s << u"bool_type"_s;
    QTest::newRow("datetime as number")
        << R"({"when": 1700000000})"_ba << QJsonArray{u"when"_s}
        << u"Input should be a valid datetime"_s << u"datetime_type"_s;
    QTest::newRow("datetime garbage")
        << R"({"when": "soon"})"_ba << QJsonArray{u"when"_s}
        << u"Input should be a valid datetime"_s << u"datetime_parsing"_s;
    QTest::newRow("enum unknown") << R"({"colour": "blue"})"_ba << QJsonArray{u"colour"_s}
                                  << u"Input should be 'red' or 'green'"_s << u"enum"_s;
    QTest::newRow("enum wrong case") << R"({"colour": "Red"})"_ba << QJsonArray{u"colour"_s}
                                     << u"Input should be 'red' or 'green'"_s << u"enum"_s;
    QTest::newRow("uuid as number") << R"({"ref": 12})"_ba << QJsonArray{u"ref"_s}
                                    << u"Input should be a valid UUID"_s << u"uuid_parsing"_s;
    QTest::newRow("list as text") << R"({"labels": "a,b"})"_ba << QJsonArray{u"labels"_s}
                                  << u"Input should be a valid list"_s << u"list_type"_s;
    QTest::newRow("list item wrong type")
        << R"({"labels": ["a", "b", 3]})"_ba << QJsonArray{u"labels"_s, 2} << strMsg
        << u"string_type"_s;
    QTest::newRow("list item too long")
        << R"({"labels": ["abcd"]})"_ba << QJsonArray{u"labels"_s, 0}
        << u"String should have at most 3 characters"_s << u"string_too_long"_s;
    QTest::newRow("integer list item bool")
        << R"({"ids": [1, true]})"_ba << QJsonArray{u"ids"_s, 1} << intMsg << u"int_type"_s;
    QTest::newRow("integer list item text")
        << R"({"ids": [1, "two"]})"_ba << QJsonArray{u"ids"_s, 1}
        << u"Input should be a valid integer, unable to parse string as an integer"_s
        << u"int_parsing"_s;
    QTest::newRow("integer list item fraction")
        << R"({"ids": [1, 2, 2.5]})"_ba << QJsonArray{u"ids"_s, 2}
        << u"Input should be a valid integer, got a number with a fractional part"_s
        << u"int_from_float"_s;
    QTest::newRow("uuid list item") << R"({"refs": [null]})"_ba << QJsonArray{u"refs"_s, 0}
                                    << u"Input should be a valid UUID"_s << u"uuid_parsing"_s;
    QTest::newRow("object as list") << R"({"extra": []})"_ba << QJsonArray{u"extra"_s}
                                    << u"Input should be a valid dictionary"_s << u"dict_type"_s;
    QTest::newRow("string too short")
        << R"({"name": ""})"_ba << QJsonArray{u"name"_s}
        << u"String should have at least 1 character"_s << u"string_too_short"_s;
    QTest::newRow("string too long")
        << R"({"name": "abcdef"})"_ba << QJsonArray{u"name"_s}
        << u"String should have at most 5 characters"_s << u"string_too_long"_s;
    QTest::newRow("pattern") << R"({"code": "ab1"})"_ba << QJsonArray{u"code"_s}
                             << u"String should match pattern '[a-z]+'"_s
                             << u"string_pattern_mismatch"_s;
    QTest::newRow("email") << R"({"email": "ada@"})"_ba << QJsonArray{u"email"_s}
                           << u"value is not a valid email address: An email address must have "
                              u"an @-sign followed by a valid domain."_s
                           << u"value_error"_s;
}

void TestEntitySchema::wrongTypesAreReportedFastApiStyle() {
    QFETCH(QByteArray, body);
    QFETCH(QJsonArray, loc);
    QFETCH(QString, msg);
    QFETCH(QString, type);

    // given a patch with one bad value
    const QJsonObject input = object(body);

    // when it is validated
    const ValidatedFields result =
        everyKind().validate(input, EntitySchema::Mode::Patch, FromAnywhere);

    // then exactly that field is reported, with FastAPI's loc, msg and type,
    // and nothing of it is kept
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().loc, loc);
    QCOMPARE(result.errors.first().msg, msg);
    QCOMPARE(result.errors.first().type, type);
    QVERIFY(!result.fields.contains(loc.first().toString()));
}

void TestEntitySchema::numbersInStringsAreTakenLikeTheExistingBackendDoes() {
    // given numbers sent as strings, as a web form's <select> does
    const QJsonObject input =
        object(R"({"count": " 3 ", "amount": "2.5", "ids": ["1", -2, "+3"]})"_ba);

    // when validated
    const ValidatedFields result =
        everyKind().validate(input, EntitySchema::Mode::Patch, FromAnywhere);

    // then they are accepted, as pydantic's lax mode does, and stored as numbers
    QVERIFY2(result.ok(), qPrintable(test::describe(result.errors)));
    QCOMPARE(result.fields.value(u"count"_s), QJsonValue(3));
    QCOMPARE(result.fields.value(u"amount"_s), QJsonValue(2.5));
    QCOMPARE(result.fields.value(u"ids"_s).toArray(), (QJsonArray{1, -2, 3}));
}

void TestEntitySchema::explicitNullClearsOptionalFieldsButNotRequiredOnes() {
    // given nulls for an optional field and for two that may not be null
    const QJsonObject input = object(R"({"note": null, "name": null, "count": null})"_ba);

    // when validated as a patch
    const ValidatedFields result =
        everyKind().validate(input, EntitySchema::Mode::Patch, FromAnywhere);

    // then the optional one is kept as null (it clears), the others are errors
    QVERIFY(result.fields.contains(u"note"_s));
    QVERIFY(result.fields.value(u"note"_s).isNull());
    QCOMPARE(result.errors.size(), 2);
    QCOMPARE(result.errors.at(0).loc, QJsonArray{u"name"_s});
    QCOMPARE(result.errors.at(0).type, u"string_type"_s);
    QCOMPARE(result.errors.at(1).loc, QJsonArray{u"count"_s});
    QCOMPARE(result.errors.at(1).type, u"int_type"_s);
}

void TestEntitySchema::createNeedsRequiredFieldsPatchDoesNot() {
    // given a body without the required name
    const QJsonObject input = object(R"({"note": "x"})"_ba);

    // when validated for a create and for a patch
    const ValidatedFields create =
        everyKind().validate(input, EntitySchema::Mode::Create, FromAnywhere);
    const ValidatedFields patch =
        everyKind().validate(input, EntitySchema::Mode::Patch, FromAnywhere);

    // then only the create misses it
    QCOMPARE(create.errors.size(), 1);
    QCOMPARE(create.errors.first(),
             (FieldError{QJsonArray{u"name"_s}, u"Field required"_s, u"missing"_s}));
    QVERIFY(patch.ok());
    QCOMPARE(patch.fields, (QJsonObject{{u"note"_s, u"x"_s}}));
}

void TestEntitySchema::unknownFieldsAreIgnored() {
    // given fields the schema does not know, even of odd types
    const QJsonObject input = object(R"({"name": "ok", "nickname": 5, "admin": {"x": 1}})"_ba);

    // when validated
    const ValidatedFields result =
        everyKind().validate(input, EntitySchema::Mode::Create, FromAnywhere);

    // then they are neither errors nor kept
    QVERIFY(result.ok());
    QCOMPARE(result.fields, (QJsonObject{{u"name"_s, u"ok"_s}}));
}

void TestEntitySchema::originsDecideWhichFieldsAreRead() {
    // given a body that sets fields of every origin, one of them badly typed
    const QJsonObject input =
        object(R"({"rest_only": "r", "sync_only": "s", "server_only": 5})"_ba);

    // when it comes from REST, from sync, and from a server's answer
    const ValidatedFields rest = everyKind().validate(input, EntitySchema::Mode::Patch, FromRest);
    const ValidatedFields sync = everyKind().validate(input, EntitySchema::Mode::Patch, FromSync);
    const ValidatedFields server =
        everyKind().validate(input, EntitySchema::Mode::Patch, FromServer);

    // then each origin reads only its own fields; a field it may not write is
    // ignored, not reported
    QVERIFY(rest.ok());
    QCOMPARE(rest.fields, (QJsonObject{{u"rest_only"_s, u"r"_s}}));
    QVERIFY(sync.ok());
    QCOMPARE(sync.fields, (QJsonObject{{u"sync_only"_s, u"s"_s}}));
    QCOMPARE(server.errors.size(), 1);
    QCOMPARE(server.errors.first().loc, QJsonArray{u"server_only"_s});
}

void TestEntitySchema::everyBadFieldIsReportedAtOnce() {
    // given three bad fields and a good one
    const QJsonObject input = object(R"({"name": "", "count": 9, "flag": 1, "note": "ok"})"_ba);

    // when validated
    const ValidatedFields result =
        everyKind().validate(input, EntitySchema::Mode::Create, FromAnywhere);

    // then all three are reported, in the schema's order, so a form can mark
    // every bad field in one round
    QCOMPARE(result.errors.size(), 3);
    QCOMPARE(result.errors.at(0).loc, QJsonArray{u"name"_s});
    QCOMPARE(result.errors.at(1).loc, QJsonArray{u"count"_s});
    QCOMPARE(result.errors.at(2).loc, QJsonArray{u"flag"_s});
    QCOMPARE(result.fields.value(u"note"_s).toString(), u"ok"_s);
}

void TestEntitySchema::uuidsAreNormalised_data() {
    QTest::addColumn<QString>("input");
    const QString canonical = u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"_s;
    QTest::newRow("canonical") << canonical;
    QTest::newRow("upper case") << canonical.toUpper();
    QTest::newRow("braces") << u"{"_s + canonical + u"}"_s;
    QTest::newRow("no hyphens") << QString(canonical).remove(u'-');
}

void TestEntitySchema::uuidsAreNormalised() {
    QFETCH(QString, input);

    // given a uuid in one of the spellings clients send
    // when validated as a single uuid and as a list item
    const ValidatedFields result =
        everyKind().validate(QJsonObject{{u"ref"_s, input}, {u"refs"_s, QJsonArray{input}}},
                             EntitySchema::Mode::Patch, FromAnywhere);

    // then it is stored lower-case, hyphenated, without braces
    QVERIFY2(result.ok(), qPrintable(test::describe(result.errors)));
    QCOMPARE(result.fields.value(u"ref"_s).toString(), u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"_s);
    QCOMPARE(result.fields.value(u"refs"_s).toArray(),
             QJsonArray{u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"_s});
}

void TestEntitySchema::malformedUuidsAreRefused_data() {
    QTest::addColumn<QString>("input");
    const QString canonical = u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("trailing garbage") << canonical + u"xyz"_s;
    QTest::newRow("leading space") << u" "_s + canonical;
    QTest::newRow("unbalanced brace") << u"{"_s + canonical;
    QTest::newRow("too short") << canonical.chopped(1);
    QTest::newRow("not hex") << u"6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6g"_s;
    QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s;
    QTest::newRow("nul inside") << canonical + QChar(u'\0');
}

void TestEntitySchema::malformedUuidsAreRefused() {
    QFETCH(QString, input);

    // given a malformed uuid
    // when validated
    const ValidatedFields result = everyKind().validate(QJsonObject{{u"ref"_s, input}},
                                                        EntitySchema::Mode::Patch, FromAnywhere);

    // then it is refused: a uuid is an identity, a near miss would be another row
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().loc, QJsonArray{u"ref"_s});
    QCOMPARE(result.errors.first().type, u"uuid_parsing"_s);
}

void TestEntitySchema::nulCharactersAreRefusedEverywhere_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonArray>("loc");
    QTest::newRow("string") << R"({"note": "a\u0000b"})"_ba << QJsonArray{u"note"_s};
    QTest::newRow("list item") << R"({"labels": ["a", "\u0000"]})"_ba << QJsonArray{u"labels"_s, 1};
    QTest::newRow("object value") << R"({"extra": {"k": ["x", "y\u0000"]}})"_ba
                                  << QJsonArray{u"extra"_s, u"k"_s, 1};
    QTest::newRow("object key") << R"({"extra": {"a": {"b\u0000": 1}}})"_ba
                                << QJsonArray{u"extra"_s, u"a"_s, QString(u"b"_s + QChar(u'\0'))};
    QTest::newRow("email") << R"({"email": "a\u0000@example.com"})"_ba << QJsonArray{u"email"_s};
    QTest::newRow("enum") << R"({"colour": "red\u0000"})"_ba << QJsonArray{u"colour"_s};
    QTest::newRow("datetime") << R"({"when": "2030-01-01\u0000"})"_ba << QJsonArray{u"when"_s};
}

void TestEntitySchema::nulCharactersAreRefusedEverywhere() {
    QFETCH(QByteArray, body);
    QFETCH(QJsonArray, loc);

    // given a NUL character hidden somewhere (PostgreSQL refuses it in text)
    const QJsonObject input = object(body);

    // when validated
    const ValidatedFields result =
        everyKind().validate(input, EntitySchema::Mode::Patch, FromAnywhere);

    // then it is refused at the place it hides
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().loc, loc);
    QVERIFY(result.fields.isEmpty());
}

void TestEntitySchema::lengthsCountCharactersNotUtf16Units() {
    // given five emoji (ten UTF-16 units) and six emoji, for a field of at most five
    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80");
    const QJsonObject five{{u"name"_s, emoji.repeated(5)}};
    const QJsonObject six{{u"name"_s, emoji.repeated(6)}};

    // when validated
    const ValidatedFields fiveResult =
        everyKind().validate(five, EntitySchema::Mode::Create, FromAnywhere);
    const ValidatedFields sixResult =
        everyKind().validate(six, EntitySchema::Mode::Create, FromAnywhere);

    // then five characters fit, as they do for the existing backend and PostgreSQL
    QVERIFY2(fiveResult.ok(), qPrintable(test::describe(fiveResult.errors)));
    QCOMPARE(sixResult.errors.size(), 1);
    QCOMPARE(sixResult.errors.first().type, u"string_too_long"_s);
}

void TestEntitySchema::fieldErrorsRenderForHttpAndForPeople() {
    // given a list item error
    const FieldError error{QJsonArray{u"tags"_s, 2}, u"Input should be a valid string"_s,
                           u"string_type"_s};

    // when it is put under "body" for a 422 and described for a dialog
    const FieldError inBody = error.under(u"body"_s);
    const Error asError = Error::validation(
        {inBody, FieldError{QJsonArray{u"body"_s, u"title"_s}, u"Field required"_s, u"missing"_s}});

    // then the HTTP shape is FastAPI's and the sentence names the field
    QCOMPARE(toJson({inBody}),
             (QJsonArray{QJsonObject{{u"loc"_s, QJsonArray{u"body"_s, u"tags"_s, 2}},
                                     {u"msg"_s, u"Input should be a valid string"_s},
                                     {u"type"_s, u"string_type"_s}}}));
    QCOMPARE(inBody.describe(), u"tags.2: Input should be a valid string"_s);
    QCOMPARE(asError.code, Error::Code::Validation);
    QCOMPARE(asError.fields.size(), 2);
    QCOMPARE(asError.message, u"tags.2: Input should be a valid string; title: Field required"_s);
}

void TestEntitySchema::randomInputNeverCrashesAndErrorsNameTheirField() {
    // given a seeded stream of arbitrary JSON objects, some using known names
    test::RandomJson random(20261122);
    const QStringList names{u"name"_s,      u"note"_s,       u"code"_s, u"email"_s,  u"count"_s,
                            u"amount"_s,    u"flag"_s,       u"when"_s, u"colour"_s, u"ref"_s,
                            u"labels"_s,    u"ids"_s,        u"refs"_s, u"extra"_s,  u"rest_only"_s,
                            u"sync_only"_s, u"server_only"_s};
    for (int round = 0; round < 3000; ++round) {
        QJsonObject input;
        for (int i = random.generator().bounded(6); i > 0; --i)
            input.insert(names.at(random.generator().bounded(int(names.size()))), random.value());

        // when validated in every mode from every origin
        for (const auto mode : {EntitySchema::Mode::Create, EntitySchema::Mode::Patch}) {
            for (const unsigned origin : {unsigned(FromRest), unsigned(FromSync),
                                          unsigned(FromServer), unsigned(FromAnywhere)}) {
                const ValidatedFields result = everyKind().validate(input, mode, origin);

                // then every error names a field, and what passed is valid again
                for (const FieldError& error : result.errors) {
                    QVERIFY(!error.loc.isEmpty());
                    const QString field = error.loc.first().toString();
                    QVERIFY2(input.contains(field) || error.type == u"missing"_s,
                             qPrintable(field));
                    QVERIFY(!result.fields.contains(field));
                }
                const ValidatedFields again =
                    everyKind().validate(result.fields, EntitySchema::Mode::Patch, origin);
                QVERIFY2(again.ok(), qPrintable(test::describe(again.errors)));
                QCOMPARE(again.fields, result.fields);
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestEntitySchema)
#include "tst_entityschema.moc"
