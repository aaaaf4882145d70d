#include "SqlColumn.h"

#include "db/PgSql.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

QString SqlColumn::placeholder() const {
    switch (kind) {
    case ColumnKind::Reference:
        return u"?::bigint"_s;
    case ColumnKind::Uuid:
        return u"?::uuid"_s;
    case ColumnKind::Double:
        return u"?::double precision"_s;
    case ColumnKind::Timestamp:
        return u"?::timestamptz"_s;
    case ColumnKind::JsonArray:
    case ColumnKind::JsonObject:
        return u"?::jsonb"_s;
    case ColumnKind::Integer:
    case ColumnKind::Text:
    case ColumnKind::Enum:
        break;
    }
    return u"?"_s;
}

QString SqlColumn::selectExpression(const QString& alias) const {
    const QString qualified = alias.isEmpty() ? name : alias + u'.' + name;
    switch (kind) {
    case ColumnKind::Uuid:
    case ColumnKind::JsonArray:
    case ColumnKind::JsonObject:
        return qualified + u"::text"_s;
    case ColumnKind::Timestamp:
        return PgSql::millis(qualified);
    case ColumnKind::Integer:
    case ColumnKind::Reference:
    case ColumnKind::Text:
    case ColumnKind::Enum:
    case ColumnKind::Double:
        break;
    }
    return qualified;
}

} // namespace bizy::server
