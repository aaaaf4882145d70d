#include "User.h"

#include "IsoDateTime.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

QJsonValue nullable(const std::optional<QString>& value) {
    return value ? QJsonValue(*value) : QJsonValue::Null;
}

QJsonValue nullable(const std::optional<QDateTime>& value) {
    return value ? QJsonValue(IsoDateTime::format(*value)) : QJsonValue::Null;
}

FieldSpec usernameSpec() {
    return {.name = u"username"_s,
            .requiredOnCreate = true,
            .nullable = false,
            .minLength = 3,
            .maxLength = 50,
            .pattern = u"[A-Za-z0-9_]+"_s};
}

FieldSpec emailSpec(bool required) {
    return {.name = u"email"_s,
            .kind = FieldKind::Email,
            .requiredOnCreate = required,
            .nullable = false,
            .maxLength = 254};
}

} // namespace

const FieldSpec& User::passwordSpec() {
    static const FieldSpec spec{.name = u"password"_s,
                                .requiredOnCreate = true,
                                .nullable = false,
                                .minLength = 8,
                                .maxLength = 128};
    return spec;
}

const EntitySchema& User::registrationSchema() {
    static const EntitySchema schema({usernameSpec(), emailSpec(true), passwordSpec()});
    return schema;
}

const EntitySchema& User::adminUpdateSchema() {
    static const EntitySchema schema({
        {.name = u"is_admin"_s, .kind = FieldKind::Boolean, .nullable = false},
        {.name = u"is_active"_s, .kind = FieldKind::Boolean, .nullable = false},
        {.name = u"is_verified"_s, .kind = FieldKind::Boolean, .nullable = false},
        emailSpec(false),
        {.name = u"full_name"_s, .maxLength = 200},
    });
    return schema;
}

Result<User> User::fromJson(const QJsonObject& json) {
    // A wrong type anywhere is an error, never a silent default: a user shown
    // as "not an admin" because the answer said "true" would be a lie.
    FieldErrors errors;
    const auto wrong = [&](const QString& name, const QString& msg, const QString& type) {
        errors << FieldError{QJsonArray{name}, msg, type};
    };
    const QJsonValue id = json.value(u"id"_s);
    if (id.isUndefined())
        wrong(u"id"_s, u"Field required"_s, u"missing"_s);
    else if (!id.isDouble() || double(id.toInteger()) != id.toDouble())
        wrong(u"id"_s, u"Input should be a valid integer"_s, u"int_type"_s);
    const QJsonValue username = json.value(u"username"_s);
    if (username.isUndefined())
        wrong(u"username"_s, u"Field required"_s, u"missing"_s);
    else if (!username.isString())
        wrong(u"username"_s, u"Input should be a valid string"_s, u"string_type"_s);
    for (const QString& name : {u"email"_s, u"full_name"_s}) {
        const QJsonValue value = json.value(name);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            wrong(name, u"Input should be a valid string"_s, u"string_type"_s);
    }
    for (const QString& name :
         {u"is_admin"_s, u"is_active"_s, u"is_verified"_s, u"email_verified"_s}) {
        const QJsonValue value = json.value(name);
        if (!value.isUndefined() && !value.isNull() && !value.isBool())
            wrong(name, u"Input should be a valid boolean"_s, u"bool_type"_s);
    }
    std::optional<QDateTime> times[3];
    const QString timeNames[3] = {u"created_at"_s, u"last_login_at"_s, u"locked_until"_s};
    for (int i = 0; i < 3; ++i) {
        const QJsonValue value = json.value(timeNames[i]);
        if (value.isUndefined() || value.isNull())
            continue;
        times[i] = value.isString() ? IsoDateTime::parse(value.toString()) : std::nullopt;
        if (!times[i])
            wrong(timeNames[i], u"Input should be a valid datetime"_s, u"datetime_parsing"_s);
    }
    if (!errors.isEmpty())
        return Error::validation(errors);

    User user;
    user.id = id.toInteger();
    user.username = username.toString();
    user.email = json.value(u"email"_s).toString();
    if (json.value(u"full_name"_s).isString())
        user.fullName = json.value(u"full_name"_s).toString();
    user.isAdmin = json.value(u"is_admin"_s).toBool();
    user.isActive = json.value(u"is_active"_s).toBool(true);
    user.isVerified = json.value(u"is_verified"_s).toBool(json.value(u"email_verified"_s).toBool());
    user.createdAt = times[0].value_or(QDateTime());
    user.lastLoginAt = times[1];
    user.lockedUntil = times[2];
    return user;
}

QJsonObject User::toProfileJson() const {
    return QJsonObject{{u"id"_s, id},
                       {u"username"_s, username},
                       {u"email"_s, email},
                       {u"is_admin"_s, isAdmin},
                       {u"email_verified"_s, isVerified}};
}

QJsonObject User::toMeJson() const {
    return QJsonObject{{u"id"_s, id},
                       {u"username"_s, username},
                       {u"email"_s, email},
                       {u"full_name"_s, nullable(fullName)},
                       {u"is_active"_s, isActive},
                       {u"is_verified"_s, isVerified},
                       {u"is_admin"_s, isAdmin},
                       // An answer without created_at parses; showing it again must not invent "".
                       {u"created_at"_s, createdAt.isValid()
                                             ? QJsonValue(IsoDateTime::format(createdAt))
                                             : QJsonValue()}};
}

QJsonObject User::toAdminJson() const {
    QJsonObject json = toMeJson();
    json.insert(u"last_login_at"_s, nullable(lastLoginAt));
    json.insert(u"locked_until"_s, nullable(lockedUntil));
    return json;
}

} // namespace bizy
