#include "AdminValues.h"

#include "model/IsoDateTime.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy::AdminJson {

namespace {

Error wrongShape(const QString& what) {
    return Error::validation(
        {FieldError{QJsonArray{what}, u"Unexpected answer shape"_s, u"invalid_answer"_s}});
}

std::optional<qint64> optionalId(const QJsonValue& value) {
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

} // namespace

Result<AdminUserPage> userPage(const QJsonObject& json) {
    if (!json.value(u"items"_s).isArray() || !json.value(u"total"_s).isDouble())
        return wrongShape(u"items"_s);
    AdminUserPage page;
    page.total = json.value(u"total"_s).toInteger();
    page.page = json.value(u"page"_s).toInteger(1);
    for (const QJsonValue& item : json.value(u"items"_s).toArray()) {
        Result<User> user = User::fromJson(item.toObject());
        if (!user)
            return user.error();
        page.users.append(std::move(user).value());
    }
    return page;
}

Result<AdminUserDetails> userDetails(const QJsonObject& json) {
    Result<User> user = User::fromJson(json);
    if (!user)
        return user.error();
    if (!json.value(u"task_count"_s).isDouble() || !json.value(u"goal_count"_s).isDouble())
        return wrongShape(u"task_count"_s);
    return AdminUserDetails{std::move(user).value(), json.value(u"task_count"_s).toInteger(),
                            json.value(u"goal_count"_s).toInteger()};
}

Result<AuditPage> auditPage(const QJsonObject& json) {
    if (!json.value(u"items"_s).isArray() || !json.value(u"total"_s).isDouble())
        return wrongShape(u"items"_s);
    AuditPage page;
    page.total = json.value(u"total"_s).toInteger();
    for (const QJsonValue& value : json.value(u"items"_s).toArray()) {
        const QJsonObject item = value.toObject();
        if (!item.value(u"id"_s).isDouble() || !item.value(u"action"_s).isString())
            return wrongShape(u"id"_s);
        AuditEntry entry;
        entry.id = item.value(u"id"_s).toInteger();
        entry.at = IsoDateTime::parse(item.value(u"at"_s).toString()).value_or(QDateTime());
        entry.actorId = optionalId(item.value(u"actor_id"_s));
        entry.actorUsername = item.value(u"actor_username"_s).toString();
        entry.action = item.value(u"action"_s).toString();
        entry.targetId = optionalId(item.value(u"target_id"_s));
        entry.targetUsername = item.value(u"target_username"_s).toString();
        entry.changes = item.value(u"changes"_s).toObject();
        page.entries.append(entry);
    }
    return page;
}

} // namespace bizy::AdminJson
