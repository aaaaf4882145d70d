#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <exception>
#include <functional>

namespace bizy::server {

// Thrown by DbSession when a statement fails. It never leaves the server's
// db layer: DbRunner catches it and answers 503 (or retries once after a lost
// connection), and a route may catch it to map a constraint violation.
class SqlFailure : public std::exception {
public:
    SqlFailure(QString statement, QString message, QString sqlState, bool connectionLost);
    const char* what() const noexcept override { return m_what.constData(); }

    const QString& message() const { return m_message; }
    // SQLSTATE, e.g. "23505" unique_violation, "23503" foreign_key_violation.
    const QString& sqlState() const { return m_sqlState; }
    bool isUniqueViolation() const { return m_sqlState == QLatin1String("23505"); }
    bool connectionLost() const { return m_connectionLost; }

private:
    QString m_message;
    QString m_sqlState;
    bool m_connectionLost = false;
    QByteArray m_what;
};

// One request's use of its worker thread's PostgreSQL connection.
//
//     QSqlQuery row = db.exec(u"SELECT id, title FROM tasks WHERE id = ? AND user_id = ?"_s,
//                             {taskId, user.id});
//     if (!row.next()) return Reply::detail(404, ...);
//     db.transaction([&] { db.exec(...); db.exec(...); });   // commit, or rollback on throw
//
// Placeholders are positional `?` (so avoid the jsonb `?` operator; use
// jsonb_exists()). Every failure throws SqlFailure.
class DbSession {
public:
    explicit DbSession(QSqlDatabase database);

    QSqlQuery exec(const QString& sql, const QVariantList& bindings = {});
    // The first column of the first row, or an invalid QVariant without rows.
    QVariant scalar(const QString& sql, const QVariantList& bindings = {});
    // Runs `work` in BEGIN ... COMMIT; rolls back and rethrows when it throws.
    void transaction(const std::function<void()>& work);

    // True once a COMMIT was sent: after that a lost connection must not be
    // retried (the change may have landed).
    bool commitAttempted() const { return m_commitAttempted; }
    // A cheap SELECT 1: false when the connection is gone.
    bool isAlive();
    QSqlDatabase& database() { return m_database; }

private:
    [[noreturn]] void fail(const QString& sql, const QSqlError& error);

    QSqlDatabase m_database;
    bool m_commitAttempted = false;
    int m_transactionDepth = 0;
};

} // namespace bizy::server
