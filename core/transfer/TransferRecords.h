#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace bizy {

// What a file holds, read by one of the formats (TaskJsonFormat, TaskCsvFormat,
// TaskICalendarFormat): goals and tasks in the sync shape of docs/api.md with
// their `uuid` when the file has one, not checked yet (LocalStore::importRecords
// does that). Beside each record, where it is in the file in words ("line 12",
// "tasks[3]"), so an error can name it.
struct TransferRecords {
    QList<QJsonObject> goals;
    QStringList goalPlaces;
    QList<QJsonObject> tasks;
    QStringList taskPlaces;
};

} // namespace bizy
