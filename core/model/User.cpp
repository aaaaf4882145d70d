#include "User.h"

#include "IsoDateTime.h"

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
    FieldErrors errors;
    const auto require = [&](const QString& name, bool (QJsonValue::*isType)() const) {
        if (!(json.value(name).*isType)())
            errors << FieldError{QJsonArray{name}, u"Field required"_s, u"missing"_s};
    };
    require(u"id"_s, &QJsonValue::isDouble);
    require(u"username"_s, &QJsonValue::isString);
    if (!errors.isEmpty())
        return Error::validation(errors);

    User user;
    user.id = json.value(u"id"_s).toInteger();
    user.username = json.value(u"username"_s).toString();
    user.email = json.value(u"email"_s).toString();
    if (json.value(u"full_name"_s).isString())
        user.fullName = json.value(u"full_name"_s).toString();
    user.isAdmin = json.value(u"is_admin"_s).toBool();
    user.isActive = json.value(u"is_active"_s).toBool(true);
    user.isVerified = json.value(u"is_verified"_s).toBool(json.value(u"email_verified"_s).toBool());
    user.createdAt =
        IsoDateTime::parse(json.value(u"created_at"_s).toString()).value_or(QDateTime());
    user.lastLoginAt = IsoDateTime::parse(json.value(u"last_login_at"_s).toString());
    user.lockedUntil = IsoDateTime::parse(json.value(u"locked_until"_s).toString());
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
                       {u"is_admin"_s, isAdmin}};
}

QJsonObject User::toAdminJson() const {
    QJsonObject json = toMeJson();
    json.insert(u"created_at"_s, IsoDateTime::format(createdAt));
    json.insert(u"last_login_at"_s, nullable(lastLoginAt));
    json.insert(u"locked_until"_s, nullable(lockedUntil));
    return json;
}

} // namespace bizy
