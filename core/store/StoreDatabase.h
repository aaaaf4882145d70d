#pragma once

#include "SqliteStatement.h"
#include "model/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <map>
#include <memory>

namespace bizy {

// The SQLite file of one store: its read-write connection (WAL, foreign keys,
// migrated to the newest schema), prepared statements kept for its life,
// IMMEDIATE transactions, and the `meta` key-value table. A StoreDatabase
// belongs to the thread that opened it; QtSql connections never cross threads.
// Everything else in core/store reads and writes through it.
class StoreDatabase {
public:
    // Opens or creates the file and migrates it. A file written by a newer
    // Bizy is refused with Error::Code::Incompatible and left untouched.
    static Result<std::unique_ptr<StoreDatabase>> open(const QString& path);
    // Creates a file at an older schema `version` without migrating further
    // (for migration tests).
    static Status createAtVersion(const QString& path, int version);
    // Moves a closed store file, with its SQLite side files, to `to` (copying
    // across file systems); false when a file could not be moved.
    static bool moveFiles(const QString& from, const QString& to);

    ~StoreDatabase();
    StoreDatabase(const StoreDatabase&) = delete;
    StoreDatabase& operator=(const StoreDatabase&) = delete;

    const QString& path() const { return m_path; }
    QSqlDatabase& connection() { return m_db; }

    // A prepared statement kept for the life of the store, keyed by its SQL.
    QSqlQuery& prepared(const QString& sql);
    // Binds `values` by position and executes; false on an SQL error.
    static bool run(QSqlQuery& query, const QVariantList& values);
    // A statement on the SQLite connection itself, kept for the life of the
    // store: for writes repeated over thousands of rows (SqliteStatement).
    SqliteStatement& direct(const QString& sql);
    // prepared() + run(); `ok` tells whether it ran. The caller finishes it.
    QSqlQuery& query(const QString& sql, const QVariantList& values, bool* ok);
    // A statement without rows; the error says what could not be done.
    Status exec(const QString& sql, const QVariantList& values, const QString& what);
    // The first value of the first row; an empty result is a null QVariant.
    Result<QVariant> scalar(const QString& sql, const QVariantList& values, const QString& what);
    // The first column of every row.
    Result<QStringList> strings(const QString& sql, const QVariantList& values,
                                const QString& what);

    // The storage error for a failed query, logged once, in words that say what to do.
    Error storageError(const QSqlQuery& query, const QString& what) const;
    Error storageError(const SqliteStatement& statement, const QString& what) const;

    // Runs `body` (returning a Result or Status) in one IMMEDIATE transaction:
    // all of it or none of it.
    template <typename Body> auto write(Body&& body) -> decltype(body()) {
        if (Status begun = begin(); !begun)
            return begun.error();
        auto result = body();
        if (!result.ok()) {
            rollback();
            return result;
        }
        if (Status committed = commit(); !committed)
            return committed.error();
        return result;
    }

    // A value of the `meta` table (null when missing).
    Result<QVariant> meta(const QString& key);
    Status setMeta(const QString& key, const QString& value);

private:
    StoreDatabase(QSqlDatabase db, QString path);
    Error storageError(const QString& what, const QString& reason) const;
    Status begin();
    Status commit();
    void rollback();

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    std::map<QString, std::unique_ptr<SqliteStatement>> m_directStatements;
};

} // namespace bizy
