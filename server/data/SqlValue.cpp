#include "SqlValue.h"

#include "db/PgSql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bizy::server::SqlValue {
namespace {

template <typename T> QVariant nullOf() {
    return QVariant(QMetaType::fromType<T>());
}

QString compactJson(const QJsonDocument& document) {
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QJsonDocument parsed(const QVariant& value) {
    return QJsonDocument::fromJson(value.toString().toUtf8());
}

} // namespace

QVariant bind(const QString& value) {
    return value;
}

QVariant bind(const std::optional<QString>& value) {
    return value ? QVariant(*value) : nullOf<QString>();
}

QVariant bind(int value) {
    return value;
}

QVariant bind(qint64 value) {
    return value;
}

QVariant bind(const std::optional<qint64>& value) {
    return value ? QVariant(*value) : nullOf<qint64>();
}

QVariant bind(double value) {
    return value;
}

QVariant bind(const std::optional<double>& value) {
    return value ? QVariant(*value) : nullOf<double>();
}

QVariant bind(const QDateTime& value) {
    return PgSql::time(value);
}

QVariant bind(const std::optional<QDateTime>& value) {
    return PgSql::time(value);
}

QVariant bind(const std::optional<QList<qint64>>& value) {
    if (!value)
        return nullOf<QString>();
    QJsonArray array;
    for (qint64 id : *value)
        array.append(id);
    return compactJson(QJsonDocument(array));
}

QVariant bind(const std::optional<QStringList>& value) {
    if (!value)
        return nullOf<QString>();
    return compactJson(QJsonDocument(QJsonArray::fromStringList(*value)));
}

QVariant bind(const QJsonObject& value) {
    return compactJson(QJsonDocument(value));
}

QVariant bind(const std::optional<QJsonObject>& value) {
    return value ? bind(*value) : nullOf<QString>();
}

QVariant bind(TaskStatus value) {
    return toString(value);
}

QVariant bind(GoalHorizon value) {
    return toString(value);
}

QVariant bind(GoalStatus value) {
    return toString(value);
}

void read(const QVariant& value, QString& out) {
    out = value.toString();
}

void read(const QVariant& value, std::optional<QString>& out) {
    out = value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

void read(const QVariant& value, int& out) {
    out = value.toInt();
}

void read(const QVariant& value, qint64& out) {
    out = value.toLongLong();
}

void read(const QVariant& value, std::optional<qint64>& out) {
    out = value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

void read(const QVariant& value, double& out) {
    out = value.toDouble();
}

void read(const QVariant& value, std::optional<double>& out) {
    out = value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

void read(const QVariant& value, QDateTime& out) {
    out = PgSql::timeFromMillis(value).value_or(QDateTime());
}

void read(const QVariant& value, std::optional<QDateTime>& out) {
    out = PgSql::timeFromMillis(value);
}

void read(const QVariant& value, std::optional<QList<qint64>>& out) {
    if (value.isNull()) {
        out.reset();
        return;
    }
    QList<qint64> ids;
    for (const QJsonValue& id : parsed(value).array())
        ids << id.toInteger();
    out = ids;
}

void read(const QVariant& value, std::optional<QStringList>& out) {
    if (value.isNull()) {
        out.reset();
        return;
    }
    QStringList strings;
    for (const QJsonValue& item : parsed(value).array())
        strings << item.toString();
    out = strings;
}

void read(const QVariant& value, QJsonObject& out) {
    out = parsed(value).object();
}

void read(const QVariant& value, std::optional<QJsonObject>& out) {
    out = value.isNull() ? std::nullopt : std::optional<QJsonObject>(parsed(value).object());
}

void read(const QVariant& value, TaskStatus& out) {
    out = taskStatusFromString(value.toString()).value_or(out);
}

void read(const QVariant& value, GoalHorizon& out) {
    out = goalHorizonFromString(value.toString()).value_or(out);
}

void read(const QVariant& value, GoalStatus& out) {
    out = goalStatusFromString(value.toString()).value_or(out);
}

} // namespace bizy::server::SqlValue
