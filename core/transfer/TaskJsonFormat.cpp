#include "TaskJsonFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

Error fileError(const QString& message) {
    return Error::make(Error::Code::Validation, message);
}

// Reads one of the top-level lists; `places` gets "tasks[3] (uuid ...)" for each.
Status readList(const QJsonObject& root, const QString& key, QList<QJsonObject>* records,
                QStringList* places) {
    const QJsonValue value = root.value(key);
    if (value.isUndefined() || value.isNull())
        return Done{};
    if (!value.isArray())
        return fileError(u"\"%1\" should be a list of objects"_s.arg(key));
    const QJsonArray items = value.toArray();
    records->reserve(items.size());
    places->reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        QString place = u"%1[%2]"_s.arg(key).arg(i);
        if (!items.at(i).isObject())
            return fileError(place + u": should be an object"_s);
        const QJsonObject record = items.at(i).toObject();
        if (const QJsonValue uuid = record.value(u"uuid"_s); uuid.isString())
            place += u" (uuid %1)"_s.arg(uuid.toString());
        *records << record;
        *places << place;
    }
    return Done{};
}

} // namespace

Result<TransferRecords> TaskJsonFormat::read(const QByteArray& bytes) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        return fileError(u"line %1, column %2: not valid JSON (%3)"_s.arg(line).arg(column).arg(
            parseError.errorString()));
    }
    if (!document.isObject())
        return fileError(u"The file should hold one object with \"tasks\" and \"goals\" lists"_s);
    const QJsonObject root = document.object();
    if (!root.contains(u"tasks"_s) && !root.contains(u"goals"_s))
        return fileError(u"The file has neither \"tasks\" nor \"goals\""_s);
    TransferRecords records;
    if (Status s = readList(root, u"goals"_s, &records.goals, &records.goalPlaces); !s)
        return s.error();
    if (Status s = readList(root, u"tasks"_s, &records.tasks, &records.taskPlaces); !s)
        return s.error();
    return records;
}

QByteArray TaskJsonFormat::write(const QList<Goal>& goals, const QList<Task>& tasks) {
    // Parents before children, so the file reads top-down like the tree.
    QJsonArray goalArray;
    QSet<QString> written;
    QList<const Goal*> left;
    for (const Goal& goal : goals)
        left << &goal;
    QSet<QString> all;
    for (const Goal& goal : goals)
        all.insert(goal.uuid);
    while (!left.isEmpty()) {
        QList<const Goal*> later;
        for (const Goal* goal : std::as_const(left)) {
            const bool ready = !goal->parentGoalUuid || written.contains(*goal->parentGoalUuid) ||
                               !all.contains(*goal->parentGoalUuid);
            if (ready) {
                goalArray.append(goal->toSyncJson());
                written.insert(goal->uuid);
            } else {
                later << goal;
            }
        }
        if (later.size() == left.size()) { // a loop in a damaged store: written as it is
            for (const Goal* goal : std::as_const(later))
                goalArray.append(goal->toSyncJson());
            break;
        }
        left = later;
    }
    QJsonArray taskArray;
    for (const Task& task : tasks)
        taskArray.append(task.toSyncJson());
    return QJsonDocument(QJsonObject{{u"goals"_s, goalArray}, {u"tasks"_s, taskArray}})
        .toJson(QJsonDocument::Indented);
}

} // namespace bizy
