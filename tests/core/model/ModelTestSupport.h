#pragma once

// Small helpers shared by the model suites: JSON from text, error lookups and
// a seeded generator of arbitrary JSON values for the robustness loops.

#include "model/FieldError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QTest>

namespace bizy::test {

// Parses a JSON object written in a test; a typo in the test fails loudly.
inline QJsonObject object(const QByteArray& text) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad JSON in a test: %s", qPrintable(error.errorString()));
    return document.object();
}

// `count` copies of a text, e.g. characters(500, u"😀") for 500 emoji.
inline QString characters(qsizetype count, const QString& one = QStringLiteral("a")) {
    return one.repeated(count);
}

inline QString describe(const FieldErrors& errors) {
    QStringList lines;
    for (const FieldError& error : errors)
        lines << QString::fromUtf8(QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact));
    return lines.join(QLatin1Char('\n'));
}

// A generator of arbitrary JSON: every type, odd numbers, odd strings, nesting.
class RandomJson {
public:
    explicit RandomJson(quint32 seed)
        : m_random(seed) {}

    QJsonValue value(int depth = 0) {
        switch (m_random.bounded(depth >= 3 ? 5 : 7)) {
        case 0:
            return QJsonValue::Null;
        case 1:
            return m_random.bounded(2) == 1;
        case 2:
            return number();
        case 3:
        case 4:
            return string();
        case 5: {
            QJsonArray array;
            for (int i = m_random.bounded(4); i > 0; --i)
                array.append(value(depth + 1));
            return array;
        }
        default: {
            QJsonObject object;
            for (int i = m_random.bounded(4); i > 0; --i)
                object.insert(string(), value(depth + 1));
            return object;
        }
        }
    }

    double number() {
        static const double specials[] = {0,   -0.0, 1,     -1,   2.5,  3,     5,     6,
                                          100, 101,  -0.1,  1e15, 9e15, 1e16,  1e300, -1e300,
                                          0.1, 33.3, 99.99, 4e9,  -4e9, 2e-308};
        if (m_random.bounded(3) == 0)
            return m_random.generateDouble() * 2000 - 1000;
        return specials[m_random.bounded(int(std::size(specials)))];
    }

    QString string() {
        static const QString specials[] = {
            QString(),
            QStringLiteral("pending"),
            QStringLiteral("completed"),
            QStringLiteral("active"),
            QStringLiteral("weekly"),
            QStringLiteral("2030-01-01T10:00:00"),
            QStringLiteral("2030-01-01"),
            QStringLiteral("2030-02-30T10:00:00"),
            QStringLiteral("6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f"),
            QStringLiteral("a@example.com"),
            QStringLiteral("3"),
            QString(QChar(u'\0')),
            QString::fromUtf8("\xf0\x9f\x98\x80"),
        };
        if (m_random.bounded(2) == 0)
            return specials[m_random.bounded(int(std::size(specials)))];
        QString text;
        for (int i = m_random.bounded(12); i > 0; --i)
            text += QChar(char16_t(m_random.bounded(2) == 0 ? m_random.bounded(32, 127)
                                                            : m_random.bounded(0x20, 0xd7ff)));
        return text;
    }

    QRandomGenerator& generator() { return m_random; }

private:
    QRandomGenerator m_random;
};

} // namespace bizy::test
