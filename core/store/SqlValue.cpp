#include "SqlValue.h"

#include "model/IsoDateTime.h"

#include <QJsonDocument>

namespace bizy::SqlValue {

QVariant from(const std::optional<QString>& value) {
    return value ? QVariant(*value) : QVariant();
}

QVariant from(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant();
}

QVariant from(const std::optional<qint64>& value) {
    return value ? QVariant(*value) : QVariant();
}

QVariant from(const QDateTime& time) {
    return IsoDateTime::format(time);
}

QVariant from(const std::optional<QDateTime>& time) {
    return time ? from(*time) : QVariant();
}

QVariant from(const std::optional<QStringList>& list) {
    return list ? QVariant(jsonText(QJsonArray::fromStringList(*list))) : QVariant();
}

QVariant from(const std::optional<QList<qint64>>& list) {
    if (!list)
        return QVariant();
    QJsonArray array;
    for (qint64 id : *list)
        array.append(id);
    return jsonText(array);
}

QVariant from(const std::optional<QJsonObject>& object) {
    return object ? QVariant(jsonText(*object)) : QVariant();
}

std::optional<QString> toString(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

std::optional<double> toDouble(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

std::optional<qint64> toInteger(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

std::optional<QDateTime> toTime(const QVariant& value) {
    return value.isNull() ? std::nullopt : IsoDateTime::parse(value.toString());
}

QDateTime toRequiredTime(const QVariant& value) {
    return IsoDateTime::parse(value.toString()).value_or(QDateTime());
}

std::optional<QStringList> toStringList(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue& item : array)
        list << item.toString();
    return list;
}

std::optional<QList<qint64>> toIntegerList(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    QList<qint64> list;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue& item : array)
        list << item.toInteger();
    return list;
}

std::optional<QJsonObject> toObject(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    return jsonObject(value);
}

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray& array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant& text) {
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace bizy::SqlValue
