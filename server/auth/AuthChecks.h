#pragma once

#include "ServerContext.h"
#include "model/Error.h"

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace bizy::server {

// Checks the auth routes share (AuthRoutes, PasswordResetRoutes).
namespace AuthChecks {

// A required string field of a JSON body; a 422 entry in `errors` when it is
// missing, null or not a string.
QString requiredString(const QJsonObject& body, const QString& name, bizy::FieldErrors* errors);
// `new_password` by the password rule (8-128 characters), or 422 entries.
QString newPassword(const QJsonObject& body, bizy::FieldErrors* errors);
// 429 with Retry-After when `key` (a client address, an email) made too many
// `action` attempts in the last minute; the attempt is counted otherwise.
std::optional<QHttpServerResponse> rateLimited(ServerContext& context, const QString& action,
                                               const QString& key);

} // namespace AuthChecks

} // namespace bizy::server
