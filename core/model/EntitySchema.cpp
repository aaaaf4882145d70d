#include "EntitySchema.h"

#include "IsoDateTime.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

FieldError fieldError(const QString& name, QString msg, QString type) {
    return FieldError{QJsonArray{name}, std::move(msg), std::move(type)};
}

QString typeMessageFor(FieldKind kind, QString* type) {
    switch (kind) {
    case FieldKind::String:
    case FieldKind::Email:
    case FieldKind::Enum:
        *type = u"string_type"_s;
        return u"Input should be a valid string"_s;
    case FieldKind::Integer:
        *type = u"int_type"_s;
        return u"Input should be a valid integer"_s;
    case FieldKind::Number:
        *type = u"float_type"_s;
        return u"Input should be a valid number"_s;
    case FieldKind::Boolean:
        *type = u"bool_type"_s;
        return u"Input should be a valid boolean"_s;
    case FieldKind::DateTime:
        *type = u"datetime_type"_s;
        return u"Input should be a valid datetime"_s;
    case FieldKind::Uuid:
        *type = u"uuid_type"_s;
        return u"UUID input should be a string"_s;
    case FieldKind::StringList:
    case FieldKind::IntegerList:
    case FieldKind::UuidList:
        *type = u"list_type"_s;
        return u"Input should be a valid list"_s;
    case FieldKind::Object:
        *type = u"dict_type"_s;
        return u"Input should be a valid dictionary"_s;
    }
    *type = u"value_error"_s;
    return u"Invalid value"_s;
}

QString quotedChoices(const QStringList& choices) {
    QStringList quoted;
    for (const QString& choice : choices)
        quoted << u"'"_s + choice + u"'"_s;
    if (quoted.size() < 2)
        return quoted.join(QString());
    const QString last = quoted.takeLast();
    return quoted.join(u", "_s) + u" or "_s + last;
}

std::optional<QString> canonicalUuid(const QString& text) {
    // QUuid::fromString reads only the first 38 characters and forgives an
    // unbalanced brace, so the whole text is matched first: hyphenated, braced
    // or 32 bare hex digits, as the existing backend accepts.
    static const QRegularExpression shape(
        uR"(^(?:[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|)"
        uR"(\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}|)"
        uR"([0-9A-Fa-f]{32})$)"_s);
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    QString hex = text;
    hex.remove(u'{').remove(u'}').remove(u'-');
    const QUuid uuid = QUuid::fromString(QString(u'{' + hex.mid(0, 8) + u'-' + hex.mid(8, 4) +
                                                 u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) +
                                                 u'-' + hex.mid(20) + u'}'));
    if (uuid.isNull())
        return std::nullopt;
    return uuid.toString(QUuid::WithoutBraces);
}

// Lengths count characters as a person (and Python, and PostgreSQL) does:
// an emoji is one, not two UTF-16 units.
qsizetype characterCount(const QString& text) {
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

// The path to the first NUL character in a JSON value (keys included), if any.
// PostgreSQL refuses NUL in text and jsonb, so it is refused at the door.
std::optional<QJsonArray> nulPath(const QJsonValue& value, const QJsonArray& loc) {
    if (value.isString())
        return value.toString().contains(QChar(u'\0')) ? std::optional(loc) : std::nullopt;
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonArray itemLoc = loc;
            itemLoc.append(i);
            if (auto path = nulPath(items.at(i), itemLoc))
                return path;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            QJsonArray itemLoc = loc;
            itemLoc.append(it.key());
            if (it.key().contains(QChar(u'\0')))
                return itemLoc;
            if (auto path = nulPath(it.value(), itemLoc))
                return path;
        }
    }
    return std::nullopt;
}

// Why a finite JSON number is not an integer we can keep exactly, if it is not.
// Beyond 2^53 a double no longer holds every integer (and 1e20 would overflow
// PostgreSQL's bigint), so such numbers are refused rather than rounded.
std::optional<FieldError> integerError(double value, const QJsonArray& loc) {
    if (std::floor(value) != value)
        return FieldError{loc,
                          u"Input should be a valid integer, got a number with a fractional "
                          u"part"_s,
                          u"int_from_float"_s};
    if (std::fabs(value) > 9007199254740991.0)
        return FieldError{loc, u"Input should be a valid integer, the number is too large"_s,
                          u"int_parsing_size"_s};
    return std::nullopt;
}

// Reads a JSON number, or a string holding one: the existing backend (pydantic
// in lax mode) takes "3" for an integer and "2.5" for a number, and web forms
// send such strings. Booleans stay refused: true is no priority.
std::optional<FieldError> readNumber(const QJsonValue& value, bool integer, const QJsonArray& loc,
                                     double* number) {
    if (value.isDouble()) {
        *number = value.toDouble();
        if (std::isfinite(*number))
            return std::nullopt;
    } else if (value.isString()) {
        static const QRegularExpression integerText(uR"(^[+-]?[0-9]+$)"_s);
        const QString text = value.toString().trimmed();
        bool ok = false;
        if (integer && integerText.match(text).hasMatch())
            *number = text.toDouble(&ok);
        else if (!integer && !text.contains(QChar(u'\0')))
            *number = text.toDouble(&ok);
        if (ok && std::isfinite(*number))
            return std::nullopt;
        if (integer)
            return FieldError{loc,
                              u"Input should be a valid integer, unable to parse string as an "
                              u"integer"_s,
                              u"int_parsing"_s};
        return FieldError{loc,
                          u"Input should be a valid number, unable to parse string as a number"_s,
                          u"float_parsing"_s};
    }
    if (integer)
        return FieldError{loc, u"Input should be a valid integer"_s, u"int_type"_s};
    return FieldError{loc, u"Input should be a valid number"_s, u"float_type"_s};
}

// Checks one string against the spec's length, pattern and NUL rules.
std::optional<FieldError> checkString(const FieldSpec& spec, const QString& text,
                                      const QJsonArray& loc) {
    if (text.contains(QChar(u'\0')))
        return FieldError{loc, u"String should not contain NUL characters"_s, u"string_nul"_s};
    const qsizetype length = characterCount(text);
    if (length < spec.minLength)
        return FieldError{loc,
                          u"String should have at least %1 character%2"_s.arg(spec.minLength)
                              .arg(spec.minLength == 1 ? QString() : u"s"_s),
                          u"string_too_short"_s};
    if (spec.maxLength >= 0 && length > spec.maxLength)
        return FieldError{loc,
                          u"String should have at most %1 character%2"_s.arg(spec.maxLength)
                              .arg(spec.maxLength == 1 ? QString() : u"s"_s),
                          u"string_too_long"_s};
    if (!spec.pattern.isEmpty()) {
        const QRegularExpression re(QRegularExpression::anchoredPattern(spec.pattern));
        if (!re.match(text).hasMatch())
            return FieldError{loc, u"String should match pattern '%1'"_s.arg(spec.pattern),
                              u"string_pattern_mismatch"_s};
    }
    return std::nullopt;
}

bool looksLikeEmail(const QString& text) {
    static const QRegularExpression re(
        uR"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$)"_s);
    return text.size() <= 254 && re.match(text).hasMatch() && !text.startsWith(u'.') &&
           !text.contains(u".."_s);
}

} // namespace

EntitySchema::EntitySchema(QList<FieldSpec> fields)
    : m_fields(std::move(fields)) {}

const FieldSpec* EntitySchema::field(QStringView name) const {
    for (const FieldSpec& spec : m_fields) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QJsonObject EntitySchema::writableFields(const QJsonObject& json, unsigned origin) const {
    QJsonObject fields;
    for (const FieldSpec& spec : m_fields) {
        if (spec.origins & origin) {
            const auto it = json.constFind(spec.name);
            if (it != json.constEnd())
                fields.insert(spec.name, it.value());
        }
    }
    return fields;
}

ValidatedFields EntitySchema::validate(const QJsonObject& input, Mode mode, unsigned origin) const {
    ValidatedFields result;
    for (const FieldSpec& spec : m_fields) {
        if ((spec.origins & origin) == 0)
            continue;
        const auto it = input.constFind(spec.name);
        if (it == input.constEnd()) {
            if (mode == Mode::Create && spec.requiredOnCreate)
                result.errors << fieldError(spec.name, u"Field required"_s, u"missing"_s);
            continue;
        }
        QJsonValue normalised;
        if (auto error = check(spec, it.value(), &normalised))
            result.errors << *error;
        else
            result.fields.insert(spec.name, normalised);
    }
    return result;
}

std::optional<FieldError> EntitySchema::check(const FieldSpec& spec, const QJsonValue& value,
                                              QJsonValue* normalised) const {
    const QJsonArray loc{spec.name};
    QString type;
    const QString typeMessage = typeMessageFor(spec.kind, &type);

    if (value.isNull() || value.isUndefined()) {
        if (!spec.nullable)
            return FieldError{loc, typeMessage, type};
        *normalised = QJsonValue::Null;
        return std::nullopt;
    }

    switch (spec.kind) {
    case FieldKind::String:
    case FieldKind::Email: {
        if (!value.isString())
            return FieldError{loc, typeMessage, type};
        QString text = value.toString();
        if (spec.kind == FieldKind::Email) {
            text = text.trimmed();
            if (!looksLikeEmail(text))
                return FieldError{loc,
                                  u"value is not a valid email address: An email address must "
                                  u"have an @-sign followed by a valid domain."_s,
                                  u"value_error"_s};
        }
        if (auto error = checkString(spec, text, loc))
            return error;
        *normalised = text;
        return std::nullopt;
    }
    case FieldKind::Enum: {
        if (!value.isString() || !spec.choices.contains(value.toString()))
            return FieldError{loc, u"Input should be "_s + quotedChoices(spec.choices), u"enum"_s};
        *normalised = value.toString();
        return std::nullopt;
    }
    case FieldKind::Integer:
    case FieldKind::Number: {
        double number = 0;
        if (auto error = readNumber(value, spec.kind == FieldKind::Integer, loc, &number))
            return error;
        if (spec.kind == FieldKind::Integer) {
            if (auto error = integerError(number, loc))
                return error;
        }
        if (spec.minimum && number < *spec.minimum)
            return FieldError{loc,
                              u"Input should be greater than or equal to %1"_s.arg(*spec.minimum),
                              u"greater_than_equal"_s};
        if (spec.maximum && number > *spec.maximum)
            return FieldError{loc, u"Input should be less than or equal to %1"_s.arg(*spec.maximum),
                              u"less_than_equal"_s};
        *normalised =
            spec.kind == FieldKind::Integer ? QJsonValue(qint64(number)) : QJsonValue(number);
        return std::nullopt;
    }
    case FieldKind::Boolean:
        if (!value.isBool())
            return FieldError{loc, typeMessage, type};
        *normalised = value;
        return std::nullopt;
    case FieldKind::DateTime: {
        if (!value.isString())
            return FieldError{loc, typeMessage, type};
        const auto parsed = IsoDateTime::parse(value.toString());
        if (!parsed)
            return FieldError{loc, u"Input should be a valid datetime"_s, u"datetime_parsing"_s};
        *normalised = IsoDateTime::format(*parsed);
        return std::nullopt;
    }
    case FieldKind::Uuid: {
        const auto uuid = value.isString() ? canonicalUuid(value.toString()) : std::nullopt;
        if (!uuid)
            return FieldError{loc, u"Input should be a valid UUID"_s, u"uuid_parsing"_s};
        *normalised = *uuid;
        return std::nullopt;
    }
    case FieldKind::StringList:
    case FieldKind::IntegerList:
    case FieldKind::UuidList: {
        if (!value.isArray())
            return FieldError{loc, typeMessage, type};
        QJsonArray out;
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonValue item = items.at(i);
            const QJsonArray itemLoc{spec.name, i};
            if (spec.kind == FieldKind::StringList) {
                if (!item.isString())
                    return FieldError{itemLoc, u"Input should be a valid string"_s,
                                      u"string_type"_s};
                FieldSpec itemSpec = spec;
                itemSpec.minLength = 0;
                if (auto error = checkString(itemSpec, item.toString(), itemLoc))
                    return error;
                out.append(item);
            } else if (spec.kind == FieldKind::IntegerList) {
                double number = 0;
                if (auto error = readNumber(item, true, itemLoc, &number))
                    return error;
                if (auto error = integerError(number, itemLoc))
                    return error;
                out.append(qint64(number));
            } else {
                const auto uuid = item.isString() ? canonicalUuid(item.toString()) : std::nullopt;
                if (!uuid)
                    return FieldError{itemLoc, u"Input should be a valid UUID"_s,
                                      u"uuid_parsing"_s};
                out.append(*uuid);
            }
        }
        *normalised = out;
        return std::nullopt;
    }
    case FieldKind::Object:
        if (!value.isObject())
            return FieldError{loc, typeMessage, type};
        if (auto path = nulPath(value, loc))
            return FieldError{*path, u"String should not contain NUL characters"_s,
                              u"string_nul"_s};
        *normalised = value;
        return std::nullopt;
    }
    return FieldError{loc, typeMessage, type};
}

} // namespace bizy
