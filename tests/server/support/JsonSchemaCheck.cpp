#include "JsonSchemaCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

using namespace Qt::StringLiterals;

JsonSchemaCheck::JsonSchemaCheck(QJsonObject document)
    : m_document(std::move(document)) {}

QJsonValue JsonSchemaCheck::pointee(const QString& pointer) const {
    if (!pointer.startsWith(u"#/"_s))
        return QJsonValue::Undefined;
    QJsonValue target = m_document;
    for (QString part : pointer.mid(2).split(u'/')) {
        part.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (!target.isObject() || !target.toObject().contains(part))
            return QJsonValue::Undefined;
        target = target.toObject().value(part);
    }
    return target;
}

bool JsonSchemaCheck::hasType(const QJsonValue& value, const QString& type) {
    if (type == u"integer"_s)
        return value.isDouble() && std::trunc(value.toDouble()) == value.toDouble();
    if (type == u"number"_s)
        return value.isDouble();
    if (type == u"string"_s)
        return value.isString();
    if (type == u"boolean"_s)
        return value.isBool();
    if (type == u"null"_s)
        return value.isNull();
    if (type == u"array"_s)
        return value.isArray();
    if (type == u"object"_s)
        return value.isObject();
    return false;
}

QStringList JsonSchemaCheck::check(const QJsonValue& value, const QJsonObject& schema,
                                   const QString& where, bool strict) const {
    if (schema.contains(u"$ref"_s)) {
        const QString pointer = schema.value(u"$ref"_s).toString();
        const QJsonValue target = pointee(pointer);
        if (!target.isObject())
            return {where + u": unresolved $ref "_s + pointer};
        return check(value, target.toObject(), where, strict);
    }
    QStringList found;
    const auto text = [](const QJsonValue& v) {
        const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(wrapped.mid(1).chopped(1));
    };
    for (const QJsonValue& part : schema.value(u"allOf"_s).toArray())
        found << check(value, part.toObject(), where, false);
    for (const QString& combiner : {u"oneOf"_s, u"anyOf"_s}) {
        if (!schema.contains(combiner))
            continue;
        int fitting = 0;
        for (const QJsonValue& part : schema.value(combiner).toArray())
            fitting += check(value, part.toObject(), where, strict).isEmpty() ? 1 : 0;
        if (fitting == 0 || (combiner == u"oneOf"_s && fitting > 1))
            found << where + u": fits %1 of the %2 alternatives"_s.arg(fitting).arg(combiner);
    }
    if (schema.contains(u"const"_s) && value != schema.value(u"const"_s))
        found << where + u": is "_s + text(value) + u", not "_s + text(schema.value(u"const"_s));
    if (schema.contains(u"enum"_s) && !schema.value(u"enum"_s).toArray().contains(value))
        found << where + u": "_s + text(value) + u" is not one of the enum"_s;
    if (schema.contains(u"type"_s)) {
        const QJsonValue type = schema.value(u"type"_s);
        bool fits = false;
        for (const QJsonValue& name : type.isArray() ? type.toArray() : QJsonArray{type})
            fits = fits || hasType(value, name.toString());
        if (!fits)
            return found << where + u": "_s + text(value) + u" is not of type "_s + text(type);
    }
    const auto bound = [&](const char* keyword, double actual, bool atLeast) {
        const QJsonValue limit = schema.value(QLatin1StringView(keyword));
        if (limit.isDouble() && (atLeast ? actual < limit.toDouble() : actual > limit.toDouble()))
            found << where + u": "_s + QString::number(actual) + u" breaks "_s +
                         QLatin1StringView(keyword) + u' ' + QString::number(limit.toDouble());
    };
    if (value.isDouble()) {
        bound("minimum", value.toDouble(), true);
        bound("maximum", value.toDouble(), false);
    } else if (value.isString()) {
        const double length = double(value.toString().toUcs4().size());
        bound("minLength", length, true);
        bound("maxLength", length, false);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bound("minItems", double(array.size()), true);
        bound("maxItems", double(array.size()), false);
        const QJsonObject items = schema.value(u"items"_s).toObject();
        for (qsizetype i = 0; i < array.size(); ++i)
            found << check(array.at(i), items, where + u'[' + QString::number(i) + u']', true);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue& name : schema.value(u"required"_s).toArray())
            if (!object.contains(name.toString()))
                found << where + u": lacks required "_s + name.toString();
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        const QJsonValue additional = schema.value(u"additionalProperties"_s);
        for (auto entry = object.begin(); entry != object.end(); ++entry) {
            const QString path = where + u'.' + entry.key();
            if (properties.contains(entry.key()))
                found << check(entry.value(), properties.value(entry.key()).toObject(), path, true);
            else if (additional.isObject())
                found << check(entry.value(), additional.toObject(), path, true);
            else if ((strict && additional.isUndefined() && schema.contains(u"properties"_s)) ||
                     additional == QJsonValue(false))
                found << path + u": a field the schema does not name"_s;
        }
    }
    return found;
}
