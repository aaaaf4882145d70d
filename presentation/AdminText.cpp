#include "AdminText.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

QString fieldName(const QString& field) {
    if (field == u"username"_s)
        return AdminText::tr("Username");
    if (field == u"email"_s)
        return AdminText::tr("Email");
    if (field == u"full_name"_s)
        return AdminText::tr("Full name");
    if (field == u"is_admin"_s)
        return AdminText::tr("Admin");
    if (field == u"is_active"_s)
        return AdminText::tr("Active");
    if (field == u"is_verified"_s)
        return AdminText::tr("Verified");
    if (field == u"password"_s || field == u"new_password"_s)
        return AdminText::tr("Password");
    return field;
}

QString valueText(const QJsonValue& value) {
    if (value.isBool())
        return value.toBool() ? AdminText::tr("yes") : AdminText::tr("no");
    if (value.isNull() || value.isUndefined())
        return AdminText::tr("(none)");
    if (value.isDouble())
        return QLocale().toString(value.toInteger());
    return u"\u201c"_s + value.toString() + u"\u201d"_s;
}

std::pair<QString, bool> lengthRule(const QString& text, qsizetype minimum, qsizetype maximum) {
    return {
        AdminText::tr("%1 to %2 characters (now %3)").arg(minimum).arg(maximum).arg(text.size()),
        text.size() >= minimum && text.size() <= maximum};
}

} // namespace

QString AdminText::refusal(const ApiError& error) {
    using Kind = ApiError::Kind;
    switch (error.kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Unavailable:
        return tr("Bizy cannot reach the server, so nothing was changed. Admin changes are not "
                  "queued: try again when you are online.");
    case Kind::Unauthorized:
        return tr("Your session has ended, so nothing was changed. Log in again.");
    case Kind::Forbidden:
        return tr("The server refused: this account is no longer an administrator.");
    case Kind::Validation: {
        QStringList problems;
        for (const FieldError& field : error.fields) {
            const QJsonArray loc = field.loc;
            const QString name = loc.isEmpty() ? QString() : loc.last().toString();
            problems << (name.isEmpty() ? field.msg : fieldName(name) + u": "_s + field.msg);
        }
        return tr("The server did not accept this: %1.").arg(problems.join(u"; "_s));
    }
    case Kind::Http:
    case Kind::Conflict:
    case Kind::NotFound:
        // The admin routes say exactly what is wrong ("Email already registered",
        // "The last active admin cannot be deleted", "User 7 not found").
        if (!error.detail.isEmpty())
            return tr("The server refused: %1.").arg(error.detail);
        break;
    case Kind::RateLimited:
    case Kind::Locked:
    case Kind::InvalidAnswer:
        break;
    }
    return error.userMessage();
}

QString AdminText::action(const QString& name) {
    if (name == u"create_user"_s)
        return tr("Created user");
    if (name == u"update_user"_s)
        return tr("Changed user");
    if (name == u"reset_password"_s)
        return tr("Reset password");
    if (name == u"unlock_user"_s)
        return tr("Unlocked user");
    if (name == u"delete_user"_s)
        return tr("Deleted user");
    if (name == u"delete_own_account"_s)
        return tr("Deleted own account");
    if (name == u"cli_create_admin"_s)
        return tr("Created admin (command line)");
    if (name == u"cli_promote_admin"_s)
        return tr("Promoted admin (command line)");
    return name;
}

QList<std::pair<QString, QString>> AdminText::actionChoices() {
    QList<std::pair<QString, QString>> choices{{QString(), tr("All actions")}};
    for (const QString& name :
         {u"create_user"_s, u"update_user"_s, u"reset_password"_s, u"unlock_user"_s,
          u"delete_user"_s, u"delete_own_account"_s, u"cli_create_admin"_s, u"cli_promote_admin"_s})
        choices.append({name, action(name)});
    return choices;
}

QString AdminText::changes(const AuditEntry& entry) {
    QStringList parts;
    const QJsonObject& fields = entry.changes;
    if (entry.action == u"update_user"_s) {
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (!it.value().isObject())
                continue;
            const QJsonObject change = it.value().toObject();
            parts << tr("%1: %2 \u2192 %3")
                         .arg(fieldName(it.key()), valueText(change.value(u"from"_s)),
                              valueText(change.value(u"to"_s)));
        }
    } else if (entry.action == u"unlock_user"_s) {
        parts << (fields.value(u"was_locked"_s).toBool() ? tr("was locked") : tr("was not locked"));
    } else {
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it.key() != u"sessions_revoked"_s && it.key() != u"id"_s &&
                it.key() != u"created_at"_s)
                parts << fieldName(it.key()) + u": "_s + valueText(it.value());
        }
    }
    if (fields.value(u"sessions_revoked"_s).toBool())
        parts << tr("sessions ended");
    return parts.join(u"; "_s);
}

QString AdminText::who(const std::optional<qint64>& id, const QString& username) {
    if (!username.isEmpty())
        return username;
    if (!id)
        return tr("command line");
    return tr("#%1 (deleted)").arg(*id);
}

QString AdminText::lock(const User& user, const QDateTime& now) {
    if (!user.lockedUntil || *user.lockedUntil <= now)
        return {};
    return tr("Locked until %1")
        .arg(QLocale().toString(user.lockedUntil->toLocalTime(), QLocale::ShortFormat));
}

QList<std::pair<QString, bool>> AdminText::passwordRules(const QString& password) {
    const FieldSpec& spec = User::passwordSpec();
    return {lengthRule(password, spec.minLength, spec.maxLength)};
}

QList<std::pair<QString, bool>> AdminText::usernameRules(const QString& username) {
    const FieldSpec* spec = User::registrationSchema().field(u"username");
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(spec->pattern));
    return {lengthRule(username, spec->minLength, spec->maxLength),
            {tr("only letters A\u2013Z, digits and _"),
             !username.isEmpty() && pattern.match(username).hasMatch()}};
}

} // namespace bizy
