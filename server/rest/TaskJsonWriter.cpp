#include "TaskJsonWriter.h"

#include <QDateTime>
#include <cstdio>

namespace bizy::server {

namespace TaskJsonWriter {
namespace {

void appendString(QByteArray& out, const QString& text) {
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (byte) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default:
            if (byte < 0x20) {
                const char escape[] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 0xf]};
                out.append(escape, sizeof escape);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

// IsoDateTime::format without going through QDateTime::toString: UTC, no
// zone suffix, milliseconds only when there are some.
void appendTime(QByteArray& out, const QDateTime& time) {
    const QDateTime utc = time.toUTC();
    int year = 0;
    int month = 0;
    int day = 0;
    utc.date().getDate(&year, &month, &day);
    const QTime clock = utc.time();
    char buffer[40];
    int length = std::snprintf(buffer, sizeof buffer, "\"%04d-%02d-%02dT%02d:%02d:%02d", year,
                               month, day, clock.hour(), clock.minute(), clock.second());
    if (clock.msec() != 0)
        length +=
            std::snprintf(buffer + length, sizeof buffer - size_t(length), ".%03d", clock.msec());
    buffer[length++] = '"';
    out.append(buffer, length);
}

void appendNumber(QByteArray& out, double value) {
    // The shortest text that reads back as the same double, like QJsonDocument.
    out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void key(QByteArray& out, const char* name, bool first = false) {
    if (!first)
        out.append(',');
    out.append('"');
    out.append(name);
    out.append("\":", 2);
}

template <typename T, typename Write>
void optional(QByteArray& out, const std::optional<T>& value, Write write) {
    if (value)
        write(*value);
    else
        out.append("null", 4);
}

} // namespace

void append(QByteArray& out, const bizy::Task& task) {
    const auto string = [&out](const QString& text) { appendString(out, text); };
    const auto time = [&out](const QDateTime& value) { appendTime(out, value); };
    const auto integer = [&out](qint64 value) { out.append(QByteArray::number(value)); };
    const auto number = [&out](double value) { appendNumber(out, value); };

    out.append('{');
    key(out, "actual_hours", true);
    optional(out, task.actualHours, number);
    key(out, "category");
    optional(out, task.category, string);
    key(out, "completed_at");
    optional(out, task.completedAt, time);
    key(out, "created_at");
    time(task.createdAt);
    key(out, "dependencies");
    optional(out, task.dependencies, [&out](const QList<qint64>& ids) {
        out.append('[');
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (i > 0)
                out.append(',');
            out.append(QByteArray::number(ids[i]));
        }
        out.append(']');
    });
    key(out, "description");
    optional(out, task.description, string);
    key(out, "due_date");
    optional(out, task.dueDate, time);
    key(out, "estimated_hours");
    optional(out, task.estimatedHours, number);
    key(out, "id");
    optional(out, task.id, integer);
    key(out, "notes");
    optional(out, task.notes, string);
    key(out, "parent_goal_id");
    optional(out, task.parentGoalId, integer);
    key(out, "priority");
    integer(task.priority);
    key(out, "status");
    string(bizy::toString(task.status));
    key(out, "tags");
    optional(out, task.tags, [&out](const QStringList& tags) {
        out.append('[');
        for (qsizetype i = 0; i < tags.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendString(out, tags[i]);
        }
        out.append(']');
    });
    key(out, "title");
    string(task.title);
    key(out, "updated_at");
    time(task.updatedAt);
    key(out, "user_id");
    optional(out, task.userId, integer);
    key(out, "uuid");
    string(task.uuid);
    key(out, "version");
    integer(task.version);
    out.append('}');
}

QByteArray object(const bizy::Task& task) {
    QByteArray out;
    out.reserve(512);
    append(out, task);
    return out;
}

QByteArray array(const QList<bizy::Task>& tasks) {
    QByteArray out;
    out.reserve(64 + 520 * tasks.size());
    out.append('[');
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (i > 0)
            out.append(',');
        append(out, tasks[i]);
    }
    out.append(']');
    return out;
}

} // namespace TaskJsonWriter

} // namespace bizy::server
