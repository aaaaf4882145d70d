#pragma once

#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <optional>

namespace bizy::server {

class DbSession;

// How the server talks PostgreSQL through DbSession: running a statement with
// bound values, and the literal forms of times and search patterns. Shared by
// the REST endpoints (rest/) and the delta sync (sync/).
namespace PgSql {

// Runs `sql` with its `?` placeholders filled by `values` (DbSession::exec:
// one round trip, the driver's own literals). Statements are fixed text of
// this module; request values only ever travel as bound values. Failures throw
// SqlFailure.
QSqlQuery run(DbSession& db, const QString& sql, const QVariantList& values = {});

// A time for a `?::timestamptz` placeholder (ISO 8601 UTC with milliseconds),
// or a typed NULL.
QVariant time(const std::optional<QDateTime>& value);
QVariant time(const QDateTime& value);
// Time columns are read as unix milliseconds: millis(column) in the SELECT,
// timeFromMillis() on the value. date_part is a double (exact to the
// millisecond for any year we accept) and costs a third of extract(), which
// computes in numeric.
QString millis(const QString& column);
std::optional<QDateTime> timeFromMillis(const QVariant& value);

// A pattern for `ILIKE ? ESCAPE '\'` that finds `needle` verbatim anywhere.
QString containsPattern(const QString& needle);

} // namespace PgSql

} // namespace bizy::server
