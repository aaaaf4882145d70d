#include "ConflictText.h"

#include "TaskText.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace bizy {

QString ConflictText::kind(const ConflictEntry& entry) {
    switch (entry.kind) {
    case ConflictEntry::Kind::Overwritten:
        return tr("Another device's change was replaced by yours");
    case ConflictEntry::Kind::Rejected:
        return entry.message.isEmpty()
                   ? tr("The server refused your change")
                   : tr("The server refused your change: %1").arg(entry.message);
    case ConflictEntry::Kind::DeletedElsewhere:
        return tr("Deleted on another device before your edits were sent");
    }
    return {};
}

QString ConflictText::fieldName(const QString& field) {
    static const QHash<QString, const char*> names{
        {u"title"_s, QT_TR_NOOP("Title")},
        {u"description"_s, QT_TR_NOOP("Description")},
        {u"priority"_s, QT_TR_NOOP("Priority")},
        {u"status"_s, QT_TR_NOOP("Status")},
        {u"category"_s, QT_TR_NOOP("Category")},
        {u"estimated_hours"_s, QT_TR_NOOP("Estimated hours")},
        {u"actual_hours"_s, QT_TR_NOOP("Actual hours")},
        {u"due_date"_s, QT_TR_NOOP("Due")},
        {u"parent_goal_uuid"_s, QT_TR_NOOP("Goal")},
        {u"dependency_uuids"_s, QT_TR_NOOP("Depends on")},
        {u"notes"_s, QT_TR_NOOP("Notes")},
        {u"tags"_s, QT_TR_NOOP("Tags")},
        {u"completed_at"_s, QT_TR_NOOP("Completed")},
        {u"horizon"_s, QT_TR_NOOP("Horizon")},
        {u"target_date"_s, QT_TR_NOOP("Target date")},
        {u"progress_percentage"_s, QT_TR_NOOP("Progress")},
        {u"success_criteria"_s, QT_TR_NOOP("Success criteria")},
        {u"metrics"_s, QT_TR_NOOP("Metrics")},
        {u"deleted"_s, QT_TR_NOOP("Deleted")},
    };
    const auto it = names.constFind(field);
    return it == names.cend() ? field : tr(it.value());
}

QString ConflictText::value(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble());
    case QJsonValue::String: {
        const QString text = value.toString();
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (time.isValid() && text.size() >= 19 && text.at(10) == u'T')
            return TaskText::dateTime(time.toUTC());
        return text.isEmpty() ? tr("(empty)") : text;
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue& item : value.toArray())
            items << ConflictText::value(item);
        return items.isEmpty() ? tr("(empty)") : items.join(u", "_s);
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString ConflictText::fieldValue(EntityKind entity, const QString& field, const QJsonValue& value) {
    // Task status and priority read as the table shows them; goals keep their own words.
    if (entity == EntityKind::Task && field == u"status"_s) {
        if (const std::optional<TaskStatus> status = taskStatusFromString(value.toString()))
            return TaskText::status(*status);
    }
    if (entity == EntityKind::Task && field == u"priority"_s && value.isDouble())
        return TaskText::priority(value.toInt());
    return ConflictText::value(value);
}

QString ConflictText::item(const ConflictEntry& entry, const QString& currentTitle) {
    const bool isTask = entry.entity == EntityKind::Task;
    QString title = currentTitle;
    if (title.isEmpty())
        title = entry.fields.value(u"title"_s).toString();
    if (title.isEmpty())
        title = entry.snapshot.value(u"title"_s).toString();
    if (title.isEmpty())
        return isTask ? tr("A task") : tr("A goal");
    return isTask ? tr("Task \u201c%1\u201d").arg(title) : tr("Goal \u201c%1\u201d").arg(title);
}

bool ConflictText::isBookkeeping(const QString& field) {
    static const QStringList names{u"uuid"_s,       u"id"_s,           u"user_id"_s,
                                   u"version"_s,    u"updated_at"_s,   u"created_at"_s,
                                   u"task_count"_s, u"subgoal_count"_s};
    return names.contains(field);
}

} // namespace bizy
