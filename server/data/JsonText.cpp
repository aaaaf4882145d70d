#include "JsonText.h"

#include <QJsonDocument>
#include <QLocale>
#include <cstdio>

namespace bizy::server::JsonText {

void append(QByteArray& out, const QString& value) {
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = value.toUtf8();
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

void append(QByteArray& out, int value) {
    out.append(QByteArray::number(value));
}

void append(QByteArray& out, qint64 value) {
    out.append(QByteArray::number(value));
}

void append(QByteArray& out, double value) {
    // The shortest text that reads back as the same double, like QJsonDocument.
    out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

// IsoDateTime::format without going through QDateTime::toString: UTC, no
// zone suffix, milliseconds only when there are some.
void append(QByteArray& out, const QDateTime& value) {
    const QDateTime utc = value.toUTC();
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

void append(QByteArray& out, const QList<qint64>& value) {
    out.append('[');
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i > 0)
            out.append(',');
        append(out, value[i]);
    }
    out.append(']');
}

void append(QByteArray& out, const QStringList& value) {
    out.append('[');
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i > 0)
            out.append(',');
        append(out, value[i]);
    }
    out.append(']');
}

void append(QByteArray& out, const QJsonObject& value) {
    out.append(QJsonDocument(value).toJson(QJsonDocument::Compact));
}

void append(QByteArray& out, TaskStatus value) {
    append(out, toString(value));
}

void append(QByteArray& out, GoalHorizon value) {
    append(out, toString(value));
}

void append(QByteArray& out, GoalStatus value) {
    append(out, toString(value));
}

} // namespace bizy::server::JsonText
