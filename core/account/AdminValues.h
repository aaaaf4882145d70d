#pragma once

#include "model/User.h"
#include "net/ApiError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace bizy {

// An answer of the admin API (docs/api.md section 5): the value, or why not.
template <typename T> struct AdminResult {
    std::optional<T> value;
    std::optional<ApiError> error;

    bool ok() const { return value.has_value(); }
};

// One page of GET /api/admin/users.
struct AdminUserPage {
    QList<User> users;
    qint64 total = 0;
    qint64 page = 1;
};

// GET /api/admin/users/{id}: the user and what a delete takes along.
struct AdminUserDetails {
    User user;
    qint64 taskCount = 0;
    qint64 goalCount = 0;
};

// One row of GET /api/admin/audit; the names are empty when that user is gone.
struct AuditEntry {
    qint64 id = 0;
    QDateTime at;
    std::optional<qint64> actorId;
    QString actorUsername;
    QString action;
    std::optional<qint64> targetId;
    QString targetUsername;
    QJsonObject changes;
};

// One page of GET /api/admin/audit.
struct AuditPage {
    QList<AuditEntry> entries;
    qint64 total = 0;
};

// The filters of GET /api/admin/audit (both optional).
struct AuditFilter {
    std::optional<qint64> userId;
    QString action; // empty: every action

    bool operator==(const AuditFilter&) const = default;
};

// Parsers of the answers above; an answer of the wrong shape is an error.
namespace AdminJson {
Result<AdminUserPage> userPage(const QJsonObject& json);
Result<AdminUserDetails> userDetails(const QJsonObject& json);
Result<AuditPage> auditPage(const QJsonObject& json);
} // namespace AdminJson

} // namespace bizy
