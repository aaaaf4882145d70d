#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// Checks a JSON value against a schema of an OpenAPI 3.1 document, so a test can
// hold the server's real answers to what its /api/openapi.json promises. The
// keywords the document uses: $ref (local), allOf, oneOf, anyOf, const, enum,
// type (one or a list), properties, required, additionalProperties, items,
// minimum, maximum, minLength, maxLength, minItems, maxItems. Formats are not
// checked. Stricter than JSON Schema on purpose: an object field that its schema
// does not name (no properties entry, no additionalProperties) is a problem too,
// so an answer cannot carry a field the document forgot.
class JsonSchemaCheck {
public:
    explicit JsonSchemaCheck(QJsonObject document);

    // Every way `value` breaks `schema`, each as "<where>: <what>"; empty when it fits.
    QStringList problems(const QJsonValue& value, const QJsonObject& schema,
                         const QString& where = QStringLiteral("$")) const {
        return check(value, schema, where, true);
    }

    // The value a local "$ref" ("#/components/schemas/Task") points at; undefined when none.
    QJsonValue pointee(const QString& pointer) const;

private:
    // `strict` off for the parts of an allOf, each of which names only some fields.
    QStringList check(const QJsonValue& value, const QJsonObject& schema, const QString& where,
                      bool strict) const;
    static bool hasType(const QJsonValue& value, const QString& type);

    QJsonObject m_document;
};
