#include "TaskICalendarFormat.h"

#include "TransferText.h"
#include "model/IsoDateTime.h"

#include <QJsonArray>
#include <QLocale>
#include <QMultiHash>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// --- writing ---

QString escapeText(const QString& text) {
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' || c == u';' || c == u',') {
            out += u'\\';
            out += c;
        } else if (c == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            out += u"\\n"_s;
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else {
            out += c;
        }
    }
    return out;
}

QString utcStamp(const QDateTime& time) {
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
}

// Appends one content line, folded so no physical line exceeds 75 octets and no
// UTF-8 sequence is split.
void appendLine(QByteArray* out, const QString& line) {
    const QByteArray bytes = line.toUtf8();
    qsizetype start = 0;
    qsizetype limit = 75;
    while (bytes.size() - start > limit) {
        qsizetype end = start + limit;
        while (end > start && (uchar(bytes.at(end)) & 0xC0) == 0x80)
            --end;
        out->append(bytes.mid(start, end - start));
        out->append("\r\n ");
        start = end;
        limit = 74; // the leading space counts
    }
    out->append(bytes.mid(start));
    out->append("\r\n");
}

int icalPriority(int priority) {
    return 2 * priority - 1; // 1..5 -> 1, 3, 5, 7, 9
}

QString hours(double value) {
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// --- reading ---

struct ContentLine {
    QString name; // upper case
    QMultiHash<QString, QString> params;
    QString value;
    qsizetype line = 0;
};

QString unescapeText(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            out += (next == u'n' || next == u'N') ? QChar(u'\n') : next;
        } else {
            out += c;
        }
    }
    return out;
}

// A list value split at commas that are not escaped, each item unescaped.
QStringList splitTextList(const QString& text) {
    QStringList items;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
        } else if (c == u',') {
            items << unescapeText(current);
            current.clear();
        } else {
            current += c;
        }
    }
    items << unescapeText(current);
    return items;
}

Result<ContentLine> parseLine(const QString& text, qsizetype line) {
    ContentLine content;
    content.line = line;
    qsizetype i = 0;
    while (i < text.size() && text.at(i) != u';' && text.at(i) != u':')
        ++i;
    content.name = text.left(i).trimmed().toUpper();
    if (content.name.isEmpty() || i >= text.size())
        return transferLineError(line, u"not an iCalendar content line (NAME:value)"_s);
    while (i < text.size() && text.at(i) == u';') {
        ++i;
        const qsizetype nameStart = i;
        while (i < text.size() && text.at(i) != u'=' && text.at(i) != u':' && text.at(i) != u';')
            ++i;
        const QString paramName = text.mid(nameStart, i - nameStart).toUpper();
        QString paramValue;
        if (i < text.size() && text.at(i) == u'=') {
            ++i;
            if (i < text.size() && text.at(i) == u'"') {
                const qsizetype close = text.indexOf(u'"', i + 1);
                if (close < 0)
                    return transferLineError(line, u"a quoted parameter value is never closed"_s);
                paramValue = text.mid(i + 1, close - i - 1);
                i = close + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < text.size() && text.at(i) != u':' && text.at(i) != u';')
                    ++i;
                paramValue = text.mid(valueStart, i - valueStart);
            }
        }
        content.params.insert(paramName, paramValue);
    }
    if (i >= text.size() || text.at(i) != u':')
        return transferLineError(line, u"not an iCalendar content line (NAME:value)"_s);
    content.value = text.mid(i + 1);
    return content;
}

// A DATE or DATE-TIME value as the contract's UTC time.
std::optional<QString> readTime(const ContentLine& content) {
    static const QRegularExpression dateOnly(uR"(^(\d{4})(\d{2})(\d{2})$)"_s);
    static const QRegularExpression dateTime(uR"(^(\d{8})T(\d{6})(Z?)$)"_s);
    const QString value = content.value.trimmed();
    if (const auto match = dateOnly.match(value); match.hasMatch()) {
        const QDate date = QDate::fromString(value, u"yyyyMMdd"_s);
        if (!date.isValid())
            return std::nullopt;
        return IsoDateTime::format(QDateTime(date, QTime(0, 0), QTimeZone::utc()));
    }
    const auto match = dateTime.match(value);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(match.captured(1), u"yyyyMMdd"_s);
    const QTime time = QTime::fromString(match.captured(2), u"HHmmss"_s);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QDateTime at;
    if (!match.captured(3).isEmpty()) {
        at = QDateTime(date, time, QTimeZone::utc());
    } else if (const QString tzid = content.params.value(u"TZID"_s);
               !tzid.isEmpty() && QTimeZone(tzid.toUtf8()).isValid()) {
        at = QDateTime(date, time, QTimeZone(tzid.toUtf8()));
    } else {
        at = QDateTime(date, time); // floating: the time on this computer's clock
    }
    return IsoDateTime::format(at.toUTC());
}

// One VTODO's properties as a task in the sync shape.
Result<QJsonObject> taskFromTodo(const QList<ContentLine>& properties) {
    QJsonObject task;
    QStringList categories;
    std::optional<QString> bizyCategory;
    std::optional<QString> bizyStatus;
    QStringList notes;
    QJsonArray dependencies;
    bool completedGiven = false;
    for (const ContentLine& p : properties) {
        const auto timeField = [&](const QString& field) -> Status {
            const std::optional<QString> time = readTime(p);
            if (!time)
                return transferLineError(
                    p.line,
                    u"%1: \"%2\" is not an iCalendar date or date-time"_s.arg(p.name, p.value));
            task.insert(field, *time);
            return Done{};
        };
        Status read = Done{};
        if (p.name == u"UID") {
            QJsonValue uuid;
            const EntitySchema& schema = Task::schema();
            if (!schema.check(*schema.field(u"uuid"), p.value.trimmed(), &uuid))
                task.insert(u"uuid"_s, uuid);
        } else if (p.name == u"SUMMARY") {
            task.insert(u"title"_s, unescapeText(p.value));
        } else if (p.name == u"DESCRIPTION") {
            task.insert(u"description"_s, unescapeText(p.value));
        } else if (p.name == u"COMMENT") {
            notes << unescapeText(p.value);
        } else if (p.name == u"DUE") {
            read = timeField(u"due_date"_s);
        } else if (p.name == u"COMPLETED") {
            read = timeField(u"completed_at"_s);
            completedGiven = true;
        } else if (p.name == u"CREATED") {
            read = timeField(u"created_at"_s);
        } else if (p.name == u"PRIORITY") {
            bool ok = false;
            const int priority = p.value.trimmed().toInt(&ok);
            if (!ok || priority < 0 || priority > 9)
                return transferLineError(
                    p.line, u"PRIORITY: \"%1\" is not a number from 0 to 9"_s.arg(p.value));
            if (priority > 0)
                task.insert(u"priority"_s, (priority + 1) / 2); // 1-2 -> 1, ..., 9 -> 5
        } else if (p.name == u"STATUS") {
            const QString status = p.value.trimmed().toUpper();
            if (status == u"NEEDS-ACTION")
                task.insert(u"status"_s, u"pending"_s);
            else if (status == u"IN-PROCESS")
                task.insert(u"status"_s, u"in_progress"_s);
            else if (status == u"COMPLETED" || status == u"CANCELLED")
                task.insert(u"status"_s, u"completed"_s); // Bizy has no "cancelled" task
            else
                return transferLineError(p.line,
                                         u"STATUS: \"%1\" is not a to-do status (NEEDS-ACTION, "
                                         u"IN-PROCESS, COMPLETED or CANCELLED)"_s.arg(p.value));
        } else if (p.name == u"CATEGORIES") {
            for (const QString& item : splitTextList(p.value)) {
                if (!item.trimmed().isEmpty())
                    categories << item.trimmed();
            }
        } else if (p.name == u"RELATED-TO") {
            if (p.params.value(u"RELTYPE"_s).toUpper() == u"DEPENDS-ON")
                dependencies.append(p.value.trimmed());
        } else if (p.name == u"X-BIZY-CATEGORY") {
            bizyCategory = unescapeText(p.value);
        } else if (p.name == u"X-BIZY-STATUS") {
            bizyStatus = p.value.trimmed();
        } else if (p.name == u"X-BIZY-GOAL") {
            task.insert(u"parent_goal_uuid"_s, p.value.trimmed());
        } else if (p.name == u"X-BIZY-ESTIMATED-HOURS") {
            task.insert(u"estimated_hours"_s, p.value.trimmed());
        } else if (p.name == u"X-BIZY-ACTUAL-HOURS") {
            task.insert(u"actual_hours"_s, p.value.trimmed());
        }
        if (!read)
            return read.error();
    }
    if (bizyStatus)
        task.insert(u"status"_s, *bizyStatus);
    else if (completedGiven && !task.contains(u"status"_s))
        task.insert(u"status"_s, u"completed"_s);
    if (!notes.isEmpty())
        task.insert(u"notes"_s, notes.join(u'\n'));
    if (!dependencies.isEmpty())
        task.insert(u"dependency_uuids"_s, dependencies);
    // The category is the one X-BIZY-CATEGORY names, else the first; the rest are tags.
    if (bizyCategory) {
        if (!bizyCategory->isEmpty()) {
            task.insert(u"category"_s, *bizyCategory);
            categories.removeOne(*bizyCategory);
        }
    } else if (!categories.isEmpty()) {
        task.insert(u"category"_s, categories.takeFirst());
    }
    if (!categories.isEmpty())
        task.insert(u"tags"_s, QJsonArray::fromStringList(categories));
    return task;
}

} // namespace

QByteArray TaskICalendarFormat::write(const QList<Task>& tasks, const QDateTime& now) {
    QByteArray out;
    out.reserve(tasks.size() * 400 + 200);
    appendLine(&out, u"BEGIN:VCALENDAR"_s);
    appendLine(&out, u"VERSION:2.0"_s);
    appendLine(&out, u"PRODID:-//Bizy//Bizy Desktop " BIZY_VERSION "//EN"_s);
    appendLine(&out, u"CALSCALE:GREGORIAN"_s);
    for (const Task& task : tasks) {
        appendLine(&out, u"BEGIN:VTODO"_s);
        appendLine(&out, u"UID:"_s + task.uuid);
        appendLine(&out, u"DTSTAMP:"_s + utcStamp(now));
        appendLine(&out, u"CREATED:"_s + utcStamp(task.createdAt));
        appendLine(&out, u"LAST-MODIFIED:"_s + utcStamp(task.updatedAt));
        appendLine(&out, u"SUMMARY:"_s + escapeText(task.title));
        if (task.description)
            appendLine(&out, u"DESCRIPTION:"_s + escapeText(*task.description));
        if (task.notes)
            appendLine(&out, u"COMMENT:"_s + escapeText(*task.notes));
        if (task.dueDate)
            appendLine(&out, u"DUE:"_s + utcStamp(*task.dueDate));
        appendLine(&out, u"PRIORITY:"_s + QString::number(icalPriority(task.priority)));
        switch (task.status) {
        case TaskStatus::Pending:
            appendLine(&out, u"STATUS:NEEDS-ACTION"_s);
            break;
        case TaskStatus::InProgress:
            appendLine(&out, u"STATUS:IN-PROCESS"_s);
            break;
        case TaskStatus::Completed:
            appendLine(&out, u"STATUS:COMPLETED"_s);
            break;
        case TaskStatus::Blocked:
            appendLine(&out, u"STATUS:NEEDS-ACTION"_s);
            appendLine(&out, u"X-BIZY-STATUS:blocked"_s);
            break;
        }
        if (task.completedAt)
            appendLine(&out, u"COMPLETED:"_s + utcStamp(*task.completedAt));
        QStringList categories;
        if (task.category)
            categories << escapeText(*task.category);
        for (const QString& tag : task.tags.value_or(QStringList()))
            categories << escapeText(tag);
        if (!categories.isEmpty()) {
            appendLine(&out, u"CATEGORIES:"_s + categories.join(u','));
            appendLine(&out, u"X-BIZY-CATEGORY:"_s + escapeText(task.category.value_or(QString())));
        }
        for (const QString& dependency : task.dependencyUuids.value_or(QStringList()))
            appendLine(&out, u"RELATED-TO;RELTYPE=DEPENDS-ON:"_s + dependency);
        if (task.parentGoalUuid)
            appendLine(&out, u"X-BIZY-GOAL:"_s + *task.parentGoalUuid);
        if (task.estimatedHours)
            appendLine(&out, u"X-BIZY-ESTIMATED-HOURS:"_s + hours(*task.estimatedHours));
        if (task.actualHours)
            appendLine(&out, u"X-BIZY-ACTUAL-HOURS:"_s + hours(*task.actualHours));
        appendLine(&out, u"END:VTODO"_s);
    }
    appendLine(&out, u"END:VCALENDAR"_s);
    return out;
}

Result<TransferRecords> TaskICalendarFormat::read(const QByteArray& bytes) {
    const Result<QString> decoded = readUtf8Text(bytes);
    if (!decoded)
        return decoded.error();
    const QString& text = *decoded;

    // Unfolds: a physical line starting with a space or tab continues the one before.
    struct Logical {
        QString text;
        qsizetype line;
    };
    QList<Logical> logical;
    const QStringList physical = text.split(u'\n');
    for (qsizetype i = 0; i < physical.size(); ++i) {
        QString line = physical.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!line.isEmpty() && (line.front() == u' ' || line.front() == u'\t') &&
            !logical.isEmpty()) {
            logical.last().text += QStringView(line).sliced(1);
            continue;
        }
        if (line.trimmed().isEmpty())
            continue;
        logical << Logical{line, i + 1};
    }
    if (logical.isEmpty())
        return Error::make(Error::Code::Validation, u"The file is empty"_s);

    TransferRecords records;
    QStringList open; // the components we are in, outermost first
    QList<ContentLine> todo;
    qsizetype todoLine = 0;
    for (const Logical& l : std::as_const(logical)) {
        Result<ContentLine> parsed = parseLine(l.text, l.line);
        if (!parsed)
            return parsed.error();
        const ContentLine& p = *parsed;
        if (open.isEmpty() && !(p.name == u"BEGIN" && p.value.trimmed().toUpper() == u"VCALENDAR"))
            return transferLineError(p.line, u"an iCalendar file starts with BEGIN:VCALENDAR"_s);
        if (p.name == u"BEGIN") {
            const QString component = p.value.trimmed().toUpper();
            if (component == u"VTODO" && open.size() == 1) {
                todo.clear();
                todoLine = p.line;
            }
            open << component;
        } else if (p.name == u"END") {
            const QString component = p.value.trimmed().toUpper();
            if (open.isEmpty() || open.last() != component)
                return transferLineError(p.line,
                                         u"END:%1 where END:%2 was expected"_s.arg(
                                             component, open.isEmpty() ? u"-"_s : open.last()));
            open.removeLast();
            if (component == u"VTODO" && open.size() == 1) {
                Result<QJsonObject> task = taskFromTodo(todo);
                if (!task)
                    return task.error();
                records.tasks << *task;
                records.taskPlaces << u"the VTODO at line %1"_s.arg(todoLine);
            }
            if (open.isEmpty())
                break; // the end of the calendar; anything after it is not ours
        } else if (open.size() == 2 && open.last() == u"VTODO") {
            todo << p; // properties of nested components (VALARM) are not the task's
        }
    }
    if (!open.isEmpty())
        return transferLineError(logical.last().line,
                                 u"the file ends inside %1 (no END:%1)"_s.arg(open.last()));
    return records;
}

} // namespace bizy
