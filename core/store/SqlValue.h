#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace bizy {

// Conversions between the model's optional values and what the local SQLite
// store keeps: times as IsoDateTime text, lists and objects as compact JSON
// text, a missing value as NULL.
namespace SqlValue {

QVariant from(const std::optional<QString>& value);
QVariant from(const std::optional<double>& value);
QVariant from(const std::optional<qint64>& value);
QVariant from(const QDateTime& time);
QVariant from(const std::optional<QDateTime>& time);
QVariant from(const std::optional<QStringList>& list);
QVariant from(const std::optional<QList<qint64>>& list);
QVariant from(const std::optional<QJsonObject>& object);

std::optional<QString> toString(const QVariant& value);
std::optional<double> toDouble(const QVariant& value);
std::optional<qint64> toInteger(const QVariant& value);
std::optional<QDateTime> toTime(const QVariant& value);
// A NOT NULL time column; an unreadable one is an invalid QDateTime.
QDateTime toRequiredTime(const QVariant& value);
std::optional<QStringList> toStringList(const QVariant& value);
std::optional<QList<qint64>> toIntegerList(const QVariant& value);
std::optional<QJsonObject> toObject(const QVariant& value);

// Compact JSON text, as the store writes it.
QString jsonText(const QJsonObject& object);
QString jsonText(const QJsonArray& array);
QJsonObject jsonObject(const QVariant& text);

} // namespace SqlValue

} // namespace bizy
