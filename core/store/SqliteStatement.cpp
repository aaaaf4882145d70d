#include "SqliteStatement.h"

#include "StoreLog.h"

#include <sqlite3.h>

namespace bizy {

SqliteStatement::SqliteStatement(sqlite3* db, const QString& sql)
    : m_db(db) {
    if (!m_db) {
        m_error = QStringLiteral("no SQLite connection to prepare on");
        return;
    }
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_statement, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        qCWarning(lcStore) << "cannot prepare" << sql << m_error;
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        sqlite3_bind_null(m_statement, index);
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Bool:
        if (value.isNull())
            sqlite3_bind_null(m_statement, index);
        else
            sqlite3_bind_int64(m_statement, index, value.toLongLong());
        return;
    case QMetaType::Double:
        if (value.isNull())
            sqlite3_bind_null(m_statement, index);
        else
            sqlite3_bind_double(m_statement, index, value.toDouble());
        return;
    default:
        if (value.isNull()) {
            sqlite3_bind_null(m_statement, index);
            return;
        }
        const QString text = value.typeId() == QMetaType::QString
                                 ? *static_cast<const QString*>(value.constData())
                                 : value.toString();
        sqlite3_bind_text16(m_statement, index, text.utf16(), int(text.size() * sizeof(char16_t)),
                            SQLITE_TRANSIENT);
        return;
    }
}

bool SqliteStatement::run() {
    if (!m_statement)
        return false;
    const int result = sqlite3_step(m_statement);
    const bool ok = result == SQLITE_DONE || result == SQLITE_ROW;
    if (!ok)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return ok;
}

} // namespace bizy
