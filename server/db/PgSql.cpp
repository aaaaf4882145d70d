#include "PgSql.h"

#include "db/DbSession.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace PgSql {

QSqlQuery run(DbSession& db, const QString& sql, const QVariantList& values) {
    return db.exec(sql, values);
}

QVariant time(const std::optional<QDateTime>& value) {
    if (!value)
        return QVariant(QMetaType::fromType<QString>());
    return time(*value);
}

QVariant time(const QDateTime& value) {
    return QString(value.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"Z"_s);
}

QString millis(const QString& column) {
    return u"(date_part('epoch', "_s + column + u") * 1000)::bigint"_s;
}

std::optional<QDateTime> timeFromMillis(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::utc());
}

QString containsPattern(const QString& needle) {
    QString escaped = needle;
    escaped.replace(u"\\"_s, u"\\\\"_s);
    escaped.replace(u"%"_s, u"\\%"_s);
    escaped.replace(u"_"_s, u"\\_"_s);
    return u"%"_s + escaped + u"%"_s;
}

} // namespace PgSql

} // namespace bizy::server
