#pragma once

#include "EntitySchema.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace bizy {

// An account as the server keeps it and the admin panel shows it.
struct User {
    qint64 id = 0;
    QString username;
    QString email;
    std::optional<QString> fullName;
    bool isAdmin = false;
    bool isActive = true;
    bool isVerified = false; // email_verified in the auth service's answers
    QDateTime createdAt;
    std::optional<QDateTime> lastLoginAt;
    std::optional<QDateTime> lockedUntil;

    // {username, email, password} of POST /api/auth/register and the admin's create.
    static const EntitySchema& registrationSchema();
    // {is_admin, is_active, is_verified, email, full_name} of PATCH /api/admin/users/{id}.
    static const EntitySchema& adminUpdateSchema();
    // A password alone (change-password, reset-password): 8-128 characters.
    static const FieldSpec& passwordSpec();

    // Parses any of the server's user shapes (profile, me, admin list item).
    static Result<User> fromJson(const QJsonObject& json);

    // {id, username, email, is_admin, email_verified} of the auth service.
    QJsonObject toProfileJson() const;
    // {id, username, email, full_name, is_active, is_verified, is_admin, created_at}
    // of /api/users/me (the web client's Profile page shows created_at).
    QJsonObject toMeJson() const;
    // The admin list item of docs/api.md section 5.
    QJsonObject toAdminJson() const;

    bool operator==(const User&) const = default;
};

} // namespace bizy
