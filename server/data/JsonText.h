#pragma once

#include "model/Goal.h"
#include "model/Task.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy::server {

// Entity fields written straight into compact JSON text, exactly as
// QJsonDocument would write the same values of toRestJson(): strings escaped
// the same way, times in IsoDateTime::format, doubles in their shortest form,
// a missing value as null. EntityColumns builds its JSON projection from these.
namespace JsonText {

void append(QByteArray& out, const QString& value);
void append(QByteArray& out, int value);
void append(QByteArray& out, qint64 value);
void append(QByteArray& out, double value);
void append(QByteArray& out, const QDateTime& value);
void append(QByteArray& out, const QList<qint64>& value);
void append(QByteArray& out, const QStringList& value);
void append(QByteArray& out, const QJsonObject& value);
void append(QByteArray& out, TaskStatus value);
void append(QByteArray& out, GoalHorizon value);
void append(QByteArray& out, GoalStatus value);

template <typename T> void append(QByteArray& out, const std::optional<T>& value) {
    if (value)
        append(out, *value);
    else
        out.append("null", 4);
}

} // namespace JsonText

} // namespace bizy::server
