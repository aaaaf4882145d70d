#include "QueryParams.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy::server {

QueryParams::QueryParams(QUrlQuery query)
    : m_query(std::move(query)) {}

std::optional<QString> QueryParams::raw(const QString& name) const {
    if (!m_query.hasQueryItem(name))
        return std::nullopt;
    const QString value = m_query.queryItemValue(name, QUrl::FullyDecoded);
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

void QueryParams::fail(const QString& name, const QString& message, const QString& type) {
    m_errors.append({QJsonArray{u"query"_s, name}, message, type});
}

std::optional<qint64> QueryParams::optionalInteger(const QString& name, qint64 minimum,
                                                   qint64 maximum) {
    const auto value = raw(name);
    if (!value)
        return std::nullopt;
    bool ok = false;
    const qint64 number = value->trimmed().toLongLong(&ok);
    if (!ok) {
        fail(name, u"Input should be a valid integer, unable to parse string as an integer"_s,
             u"int_parsing"_s);
        return std::nullopt;
    }
    if (number < minimum) {
        fail(name, u"Input should be greater than or equal to "_s + QString::number(minimum),
             u"greater_than_equal"_s);
        return std::nullopt;
    }
    if (number > maximum) {
        fail(name, u"Input should be less than or equal to "_s + QString::number(maximum),
             u"less_than_equal"_s);
        return std::nullopt;
    }
    return number;
}

qint64 QueryParams::integer(const QString& name, qint64 fallback, qint64 minimum, qint64 maximum) {
    return optionalInteger(name, minimum, maximum).value_or(fallback);
}

std::optional<QString> QueryParams::choice(const QString& name, const QStringList& allowed) {
    const auto value = raw(name);
    if (!value)
        return std::nullopt;
    if (allowed.contains(*value))
        return value;
    QStringList quoted;
    for (const QString& option : allowed)
        quoted << u"'"_s + option + u"'"_s;
    const QString last = quoted.isEmpty() ? QString() : quoted.takeLast();
    fail(name,
         u"Input should be "_s +
             (quoted.isEmpty() ? last : quoted.join(u", "_s) + u" or "_s + last),
         u"enum"_s);
    return std::nullopt;
}

std::optional<QString> QueryParams::text(const QString& name, qsizetype maxLength) {
    const auto value = raw(name);
    if (!value)
        return std::nullopt;
    if (value->size() > maxLength) {
        fail(name, u"String should have at most "_s + QString::number(maxLength) + u" characters"_s,
             u"string_too_long"_s);
        return std::nullopt;
    }
    if (value->contains(QChar(0))) {
        fail(name, u"String must not contain NUL (\\u0000) characters"_s, u"string_nul"_s);
        return std::nullopt;
    }
    return value;
}

std::optional<bool> QueryParams::optionalBoolean(const QString& name) {
    const auto value = raw(name);
    if (!value)
        return std::nullopt;
    const QString lower = value->toLower();
    if (lower == u"true"_s || lower == u"1"_s || lower == u"yes"_s || lower == u"on"_s)
        return true;
    if (lower == u"false"_s || lower == u"0"_s || lower == u"no"_s || lower == u"off"_s)
        return false;
    fail(name, u"Input should be a valid boolean, unable to interpret input"_s, u"bool_parsing"_s);
    return std::nullopt;
}

bool QueryParams::boolean(const QString& name, bool fallback) {
    return optionalBoolean(name).value_or(fallback);
}

} // namespace bizy::server
