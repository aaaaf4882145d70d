#pragma once

#include "model/Goal.h"
#include "model/Task.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace bizy::server {

// One entity field as a bound value for a column's placeholder, and back from
// what the column's select expression gives (see EntityColumn). A missing
// value binds as a NULL of the field's type. Times bind as PgSql::time and
// read as unix milliseconds; lists and objects travel as compact JSON text;
// enums by their contract names.
namespace SqlValue {

QVariant bind(const QString& value);
QVariant bind(const std::optional<QString>& value);
QVariant bind(int value);
QVariant bind(qint64 value);
QVariant bind(const std::optional<qint64>& value);
QVariant bind(double value);
QVariant bind(const std::optional<double>& value);
QVariant bind(const QDateTime& value);
QVariant bind(const std::optional<QDateTime>& value);
QVariant bind(const std::optional<QList<qint64>>& value);
QVariant bind(const std::optional<QStringList>& value);
QVariant bind(const QJsonObject& value);
QVariant bind(const std::optional<QJsonObject>& value);
QVariant bind(TaskStatus value);
QVariant bind(GoalHorizon value);
QVariant bind(GoalStatus value);

void read(const QVariant& value, QString& out);
void read(const QVariant& value, std::optional<QString>& out);
void read(const QVariant& value, int& out);
void read(const QVariant& value, qint64& out);
void read(const QVariant& value, std::optional<qint64>& out);
void read(const QVariant& value, double& out);
void read(const QVariant& value, std::optional<double>& out);
void read(const QVariant& value, QDateTime& out);
void read(const QVariant& value, std::optional<QDateTime>& out);
void read(const QVariant& value, std::optional<QList<qint64>>& out);
void read(const QVariant& value, std::optional<QStringList>& out);
void read(const QVariant& value, QJsonObject& out);
void read(const QVariant& value, std::optional<QJsonObject>& out);
// A name the contract does not know leaves `out` as it was.
void read(const QVariant& value, TaskStatus& out);
void read(const QVariant& value, GoalHorizon& out);
void read(const QVariant& value, GoalStatus& out);

} // namespace SqlValue

} // namespace bizy::server
