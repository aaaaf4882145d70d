#include "AuthChecks.h"

#include "auth/RateLimiter.h"
#include "http/Reply.h"
#include "model/User.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace AuthChecks {

QString requiredString(const QJsonObject& body, const QString& name, bizy::FieldErrors* errors) {
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull()) {
        errors->append({QJsonArray{u"body"_s, name}, u"Field required"_s, u"missing"_s});
        return {};
    }
    if (!value.isString()) {
        errors->append(
            {QJsonArray{u"body"_s, name}, u"Input should be a valid string"_s, u"string_type"_s});
        return {};
    }
    return value.toString();
}

QString newPassword(const QJsonObject& body, bizy::FieldErrors* errors) {
    bizy::FieldSpec spec = bizy::User::passwordSpec();
    spec.name = u"new_password"_s;
    const bizy::ValidatedFields fields = bizy::EntitySchema({spec}).validate(
        body, bizy::EntitySchema::Mode::Create, bizy::FromAnywhere);
    for (const bizy::FieldError& error : fields.errors)
        errors->append(error.under(u"body"_s));
    return fields.fields.value(u"new_password"_s).toString();
}

std::optional<QHttpServerResponse> rateLimited(ServerContext& context, const QString& action,
                                               const QString& key) {
    const auto wait =
        context.rateLimiter.tryAcquire(action, key, QDateTime::currentMSecsSinceEpoch());
    if (!wait)
        return std::nullopt;
    return Reply::retryLater(429, u"Too many attempts; try again later"_s, *wait);
}

} // namespace AuthChecks

} // namespace bizy::server
