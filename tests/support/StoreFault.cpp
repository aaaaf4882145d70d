#include "StoreFault.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// Runs `statement` on a second connection to the store's file and says why
// not when it fails.
QString execOnFile(const QString& path, const QString& statement) {
    const QString name = u"bizy_test_support.store_fault"_s;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(statement))
                error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace

QString refuseWrites(const QString& path, const QString& table, const QString& event) {
    return execOnFile(path,
                      u"CREATE TRIGGER test_refuse_writes BEFORE %1 ON %2 BEGIN "
                      u"SELECT RAISE(ABORT, 'database or disk is full'); END"_s.arg(event, table));
}

QString allowWrites(const QString& path) {
    return execOnFile(path, u"DROP TRIGGER IF EXISTS test_refuse_writes"_s);
}
