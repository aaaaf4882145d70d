#include "ReplyReader.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace bizy::server {

ReplyReader::ReplyReader(QJsonObject reply)
    : ReplyReader(std::move(reply), QString(), std::make_shared<QString>()) {}

ReplyReader::ReplyReader(QJsonObject object, QString path, std::shared_ptr<QString> problem)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_problem(std::move(problem)) {}

void ReplyReader::fail(const QString& place, const QString& what) {
    if (!ok())
        return;
    const QString where = m_path.isEmpty() ? place : m_path + u'.' + place;
    *m_problem = (where.isEmpty() ? QString() : where + u": "_s) + what;
}

QString ReplyReader::text(const QString& key) {
    const QJsonValue value = m_object.value(key);
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        fail(key, u"expected a non-empty string"_s);
        return {};
    }
    return value.toString();
}

std::optional<QString> ReplyReader::optionalText(const QString& key) {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        fail(key, u"expected a string"_s);
        return std::nullopt;
    }
    return value.toString();
}

QJsonArray ReplyReader::list(const QString& key) {
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, u"expected a list"_s);
        return {};
    }
    return value.toArray();
}

QJsonArray ReplyReader::texts(const QString& key) {
    const QJsonArray items = list(key);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString() || items.at(i).toString().trimmed().isEmpty()) {
            fail(key + u'.' + QString::number(i), u"expected a non-empty string"_s);
            return {};
        }
    }
    return items;
}

qint64 ReplyReader::integer(const QString& key, qint64 minimum, qint64 maximum) {
    const QJsonValue value = m_object.value(key);
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number || number < double(minimum) ||
        number > double(maximum)) {
        fail(key, u"expected an integer from %1 to %2"_s.arg(minimum).arg(maximum));
        return minimum;
    }
    return qint64(number);
}

ReplyReader ReplyReader::item(const QString& key, const QJsonArray& list, qsizetype index) {
    const QString place = key + u'.' + QString::number(index);
    const QJsonValue value = list.at(index);
    if (!value.isObject())
        fail(place, u"expected an object"_s);
    return ReplyReader(value.toObject(), m_path.isEmpty() ? place : m_path + u'.' + place,
                       m_problem);
}

} // namespace bizy::server
