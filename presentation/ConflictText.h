#pragma once

#include "sync/ConflictEntry.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace bizy {

// How a conflict journal entry reads on screen, translated: what happened,
// the fields by their names on screen, and lost values as the task table shows
// them. Shared by the conflict list and, later, notifications.
class ConflictText {
    Q_DECLARE_TR_FUNCTIONS(ConflictText)
public:
    static QString kind(const ConflictEntry& entry);
    static QString fieldName(const QString& field);
    static QString value(const QJsonValue& value);
    static QString fieldValue(EntityKind entity, const QString& field, const QJsonValue& value);
    // "Task “Call mom”", from the row's title now or the one in the entry.
    static QString item(const ConflictEntry& entry, const QString& currentTitle);
    // Fields the user never typed, not worth a line.
    static bool isBookkeeping(const QString& field);
};

} // namespace bizy
