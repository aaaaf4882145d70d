#pragma once

#include "IsoDateTime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

// What TaskDraft and GoalDraft share: a field's value in the contract's JSON
// (an absent value is the contract's null), and the field of a patch that
// carries only what changed.
namespace bizy::DraftJson {

inline QJsonValue json(const std::optional<QString>& value) {
    return value ? QJsonValue(*value) : QJsonValue::Null;
}

inline QJsonValue json(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue::Null;
}

inline QJsonValue json(const std::optional<QDateTime>& value) {
    return value ? QJsonValue(IsoDateTime::format(*value)) : QJsonValue::Null;
}

inline QJsonValue json(const std::optional<QJsonObject>& value) {
    return value ? QJsonValue(*value) : QJsonValue::Null;
}

// An empty list is no list: the contract's null.
inline QJsonValue json(const QStringList& list) {
    return list.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonArray::fromStringList(list);
}

template <typename T> void setIfChanged(std::optional<T>& field, const T& before, const T& after) {
    if (!(before == after))
        field = after;
}

} // namespace bizy::DraftJson
