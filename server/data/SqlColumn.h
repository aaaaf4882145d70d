#pragma once

#include <QString>

namespace bizy::server {

// How a column is stored, which decides its placeholder and how a SELECT reads it.
enum class ColumnKind {
    Integer,    // integer or bigint, bound as is
    Reference,  // a nullable bigint id of another row (parent_goal_id): `?::bigint`
    Uuid,       // `?::uuid`, read as text
    Text,       // text
    Enum,       // text limited by a CHECK to the contract's names
    Double,     // double precision: `?::double precision`
    Timestamp,  // timestamptz: bound as PgSql::time, read as unix milliseconds
    JsonArray,  // jsonb holding an array: bound and read as JSON text
    JsonObject, // jsonb holding an object: bound and read as JSON text
};

// A table column as statements see it: its name and how it is stored.
struct SqlColumn {
    QString name;
    ColumnKind kind = ColumnKind::Text;

    // The placeholder of a value bound to it, e.g. `?::timestamptz`.
    QString placeholder() const;
    // The expression a SELECT reads it with, `alias.`-qualified when an alias
    // is given: uuids and JSON as text, times as unix milliseconds.
    QString selectExpression(const QString& alias = QString()) const;
};

} // namespace bizy::server
