#pragma once

#include "account/AdminValues.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <utility>

namespace bizy {

// The admin panel's words for the admin API's values and refusals.
class AdminText {
    Q_DECLARE_TR_FUNCTIONS(AdminText)
public:
    // A refusal in words: the server's own sentence for its rules (the last
    // admin, a taken username or email), the fields at fault for a 422, and
    // what to do when offline or logged out. Nothing was changed.
    static QString refusal(const ApiError& error);
    // "Changed user", "Reset password", ... for an audit action.
    static QString action(const QString& name);
    // The audit options: {action, its words}, "" first for every action.
    static QList<std::pair<QString, QString>> actionChoices();
    // What an audit row changed: "Full name: “A” → “B”; sessions ended".
    static QString changes(const AuditEntry& entry);
    // Who an audit row names: the username, "#12 (deleted)", or "command line".
    static QString who(const std::optional<qint64>& id, const QString& username);
    // "Locked until 14:05" (in the local zone), empty when not locked at `now`.
    static QString lock(const User& user, const QDateTime& now);
    // The password rules of the server (User::passwordSpec), each with whether `password` meets it.
    static QList<std::pair<QString, bool>> passwordRules(const QString& password);
    // The same for a username (letters, digits, _; its length).
    static QList<std::pair<QString, bool>> usernameRules(const QString& username);
};

} // namespace bizy
