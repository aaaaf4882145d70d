#include "CreateAdminCommand.h"

#include "auth/PasswordHasher.h"
#include "auth/UserRecord.h"
#include "db/DbRunner.h"
#include "db/MigrationRunner.h"
#include "model/User.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace bizy::server {

QString CreateAdminCommand::readPassword() {
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved = {};
    if (terminal) {
        std::fputs("Password: ", stderr);
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream input(stdin);
    const QString password = input.readLine();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return password;
}

int CreateAdminCommand::run(const ServerConfig& config, const QString& username,
                            const QString& email) {
    QTextStream err(stderr);
    const QString password = readPassword();
    const QJsonObject input{
        {u"username"_s, username}, {u"email"_s, email}, {u"password"_s, password}};
    const bizy::ValidatedFields fields = bizy::User::registrationSchema().validate(
        input, bizy::EntitySchema::Mode::Create, bizy::FromAnywhere);
    if (!fields.ok()) {
        for (const bizy::FieldError& error : fields.errors)
            err << "create-admin: " << error.describe() << "\n";
        return 2;
    }

    auto migrated = MigrationRunner(config.database).migrate();
    if (!migrated) {
        err << "create-admin: " << migrated.error().message << "\n";
        return 1;
    }

    const QString hash = PasswordHasher::hash(password);
    DbRunner runner(config.database, 1);
    QString outcome;
    const QHttpServerResponse response = runner.runHere([&](DbSession& db) {
        db.transaction([&] {
            db.exec(u"SELECT pg_advisory_xact_lock(7301)"_s);
            QSqlQuery existing =
                db.exec(u"SELECT id FROM users WHERE lower(username) = lower(?)"_s, {username});
            qint64 id = 0;
            QString action;
            if (existing.next()) {
                id = existing.value(0).toLongLong();
                db.exec(u"UPDATE users SET is_admin = TRUE, is_active = TRUE, password_hash = ?,"
                        " updated_at = now(), "_s +
                            UserRecord::revokeAccessTokensSql() + u" WHERE id = ?"_s,
                        {hash, id});
                action = u"cli_promote_admin"_s;
                outcome = u"promoted user %1 (id %2) to admin"_s.arg(username).arg(id);
            } else {
                id = db.scalar(u"INSERT INTO users (username, email, password_hash, is_admin,"
                               " is_verified) VALUES (?, ?, ?, TRUE, TRUE) RETURNING id"_s,
                               {username, fields.fields.value(u"email"_s).toString(), hash})
                         .toLongLong();
                action = u"cli_create_admin"_s;
                outcome = u"created admin %1 (id %2)"_s.arg(username).arg(id);
            }
            const QJsonObject changes{{u"username"_s, username}, {u"is_admin"_s, true}};
            db.exec(u"INSERT INTO admin_audit (actor_id, action, target_id, changes)"
                    " VALUES (NULL, ?, ?, ?::jsonb)"_s,
                    {action, id,
                     QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact))});
        });
        return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
    });
    runner.shutdown();
    if (response.statusCode() != QHttpServerResponse::StatusCode::Ok) {
        err << "create-admin: failed: " << QString::fromUtf8(response.data()) << "\n";
        return 1;
    }
    QTextStream(stdout) << "create-admin: " << outcome << "\n";
    return 0;
}

} // namespace bizy::server
