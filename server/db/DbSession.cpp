#include "DbSession.h"

#include "ServerLog.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

SqlFailure::SqlFailure(QString statement, QString message, QString sqlState, bool connectionLost)
    : m_message(std::move(message))
    , m_sqlState(std::move(sqlState))
    , m_connectionLost(connectionLost)
    , m_what((m_message + u" ["_s + statement.left(120) + u"]"_s).toUtf8()) {}

DbSession::DbSession(QSqlDatabase database)
    : m_database(std::move(database)) {}

QSqlQuery DbSession::exec(const QString& sql, const QVariantList& bindings) {
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    bool ok = false;
    if (bindings.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (const QVariant& value : bindings)
                query.addBindValue(value);
            ok = query.exec();
        }
    }
    if (!ok)
        fail(sql, query.lastError());
    return query;
}

QVariant DbSession::scalar(const QString& sql, const QVariantList& bindings) {
    QSqlQuery query = exec(sql, bindings);
    return query.next() ? query.value(0) : QVariant();
}

void DbSession::transaction(const std::function<void()>& work) {
    if (m_transactionDepth > 0) { // nested: part of the outer transaction
        work();
        return;
    }
    exec(u"BEGIN"_s);
    ++m_transactionDepth;
    try {
        work();
    } catch (...) {
        --m_transactionDepth;
        QSqlQuery rollback(m_database);
        rollback.exec(u"ROLLBACK"_s); // best effort: a lost connection rolls back anyway
        throw;
    }
    --m_transactionDepth;
    m_commitAttempted = true;
    exec(u"COMMIT"_s);
}

bool DbSession::isAlive() {
    if (!m_database.isOpen())
        return false;
    QSqlQuery query(m_database);
    return query.exec(u"SELECT 1"_s) && query.next();
}

void DbSession::fail(const QString& sql, const QSqlError& error) {
    const QString state = error.nativeErrorCode();
    // Class 08 is "connection exception"; QPSQL reports a dropped server
    // without a state, so ask the connection itself.
    bool lost = state.startsWith(u"08"_s) || state.startsWith(u"57P"_s) ||
                error.type() == QSqlError::ConnectionError;
    if (!lost && state.isEmpty())
        lost = !isAlive();
    throw SqlFailure(sql, error.text(), state, lost);
}
