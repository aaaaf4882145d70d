#pragma once

#include "model/Result.h"

#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace bizy {

// A statement prepared straight on the store's SQLite connection, for the
// writes that run once per row over thousands of rows (bulk inserts of an
// import or a first pull). QSqlQuery costs about as much per execution as
// the insert itself (named bindings, result set bookkeeping); this binds and
// steps with nothing in between. It runs inside the transaction QtSql opened,
// since both share the connection. Prepared once and kept by StoreDatabase.
class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, const QString& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool isValid() const { return m_statement != nullptr; }

    // Binds by position (1-based), as QSqlQuery would: null, integer, real or
    // text. SQLite copies text, so the value may go before run().
    void bind(int index, const QVariant& value);

    // Runs a statement that returns no rows and resets it for the next one.
    // On false, errorMessage() says why (also when it could not be prepared).
    bool run();
    const QString& errorMessage() const { return m_error; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    QString m_error;
};

} // namespace bizy
