#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace bizy::server {

// The readable page of GET /api/docs, generated from the OpenAPI document:
// a table of contents by tag, then each operation (method, path, summary,
// who may call it, parameters, request body, answers) and the schemas they
// name. One self-contained HTML file: its CSS is inline, it has no script and
// links only within itself, so it loads nothing from anywhere.
class ApiDocsPage {
public:
    explicit ApiDocsPage(QJsonObject document);

    QByteArray html() const;

private:
    struct Operation {
        QString method; // lower case, as in the document
        QString path;
        QJsonObject object;
    };

    // The operations of a tag, by path and then method (GET, POST, PUT, PATCH, DELETE).
    QList<Operation> operationsTagged(const QString& tag) const;
    QStringList tagNames() const;
    // Follows "$ref" (local JSON pointers only) until an object without one.
    QJsonObject resolved(const QJsonObject& object) const;

    void writeHeader(QString& out) const;
    void writeContents(QString& out) const;
    void writeOperation(QString& out, const Operation& operation) const;
    void writeParameters(QString& out, const QJsonArray& parameters) const;
    void writeRequestBody(QString& out, const QJsonObject& requestBody) const;
    void writeResponses(QString& out, const QJsonObject& responses) const;
    void writeSchemas(QString& out) const;
    // A schema as one line of text (type, limits, links to named schemas; after
    // `lead`, such as its media type) and, for an inline object, the table of
    // its properties below it.
    void writeSchema(QString& out, const QJsonObject& schema, const QString& lead = {}) const;
    void writeProperties(QString& out, const QJsonObject& schema) const;
    QString schemaText(const QJsonObject& schema) const;

    static QString anchor(const QString& prefix, const QString& name);
    static QString operationAnchor(const Operation& operation);
    // HTML-escaped text with the document's bit of Markdown: `code`, **strong**, paragraphs.
    static QString prose(const QString& text);
    static QString inlineProse(const QString& text);

    QJsonObject m_document;
};

} // namespace bizy::server
