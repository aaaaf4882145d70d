#include "ApiDocsPage.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

const QStringList kMethodOrder{u"get"_s, u"post"_s, u"put"_s, u"patch"_s, u"delete"_s};

// Readable on screen and on paper, in light and dark mode; nothing from outside.
constexpr auto kStyle = R"css(
:root { color-scheme: light dark; --line: #8884; --soft: #8881; }
body { font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem 2rem; }
code { font: 0.92em ui-monospace, monospace; background: var(--soft); padding: 0 0.2em; border-radius: 3px; }
a { color: inherit; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 2px solid var(--line); padding-top: 1rem; }
nav ul { padding-left: 1.2rem; }
nav li { margin: 0.1rem 0; }
article { border: 1px solid var(--line); border-radius: 6px; padding: 0.2rem 1rem 0.6rem; margin: 1rem 0; }
article h3 code { background: none; font-size: 1.05em; }
.method { display: inline-block; min-width: 4.2em; text-align: center; font: bold 0.8em ui-monospace, monospace;
          border-radius: 4px; padding: 0.15em 0.4em; margin-right: 0.4em; color: #fff; background: #555; }
.get { background: #1f6fb2; } .post { background: #2e7d32; } .put { background: #8d6e00; }
.patch { background: #8d6e00; } .delete { background: #b3261e; }
.summary { font-weight: 600; margin: 0.2rem 0; }
.auth { font-size: 0.9em; opacity: 0.8; margin: 0.2rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; font-size: 0.94em; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td table { margin: 0.3rem 0 0; font-size: 1em; }
td p, article p { margin: 0.3rem 0; }
)css";

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

QString code(const QString& text) {
    return u"<code>"_s + escaped(text) + u"</code>"_s;
}

// A value as JSON writes it: "text" quoted, 5 rather than 5.0, containers compact.
QString jsonText(const QJsonValue& value) {
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1).chopped(1));
}

bool hasInlineProperties(const QJsonObject& schema) {
    return !schema.contains(u"$ref"_s) && schema.value(u"properties"_s).isObject();
}

} // namespace

ApiDocsPage::ApiDocsPage(QJsonObject document)
    : m_document(std::move(document)) {}

QByteArray ApiDocsPage::html() const {
    const QJsonObject info = m_document.value(u"info"_s).toObject();
    QString out;
    out.reserve(256 * 1024);
    out += u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"_s +
           escaped(info.value(u"title"_s).toString()) + u"</title>\n<style>"_s +
           QString::fromUtf8(kStyle) + u"</style>\n</head>\n<body>\n"_s;
    writeHeader(out);
    writeContents(out);
    out += u"<main>\n"_s;
    for (const QString& tag : tagNames()) {
        out += u"<section id=\""_s + anchor(u"tag"_s, tag) + u"\">\n<h2>"_s + escaped(tag) +
               u"</h2>\n"_s;
        for (const QJsonValue& declared : m_document.value(u"tags"_s).toArray())
            if (declared[u"name"_s].toString() == tag)
                out += prose(declared[u"description"_s].toString());
        for (const Operation& operation : operationsTagged(tag))
            writeOperation(out, operation);
        out += u"</section>\n"_s;
    }
    writeSchemas(out);
    out += u"</main>\n</body>\n</html>\n"_s;
    return out.toUtf8();
}

QStringList ApiDocsPage::tagNames() const {
    // The declared tags in their order, then any an operation names without declaring it.
    QStringList names;
    for (const QJsonValue& tag : m_document.value(u"tags"_s).toArray())
        names << tag[u"name"_s].toString();
    const QJsonObject paths = m_document.value(u"paths"_s).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto entry = item.begin(); entry != item.end(); ++entry) {
            const QJsonArray tags = entry.value()[u"tags"_s].toArray();
            const QString tag = tags.isEmpty() ? u"Other"_s : tags.first().toString();
            if (kMethodOrder.contains(entry.key()) && !names.contains(tag))
                names << tag;
        }
    }
    return names;
}

QList<ApiDocsPage::Operation> ApiDocsPage::operationsTagged(const QString& tag) const {
    QList<Operation> operations;
    const QJsonObject paths = m_document.value(u"paths"_s).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (const QString& method : kMethodOrder) {
            if (!item.contains(method))
                continue;
            const QJsonObject object = item.value(method).toObject();
            const QJsonArray tags = object.value(u"tags"_s).toArray();
            if ((tags.isEmpty() ? u"Other"_s : tags.first().toString()) == tag)
                operations.append({method, path.key(), object});
        }
    }
    return operations;
}

QJsonObject ApiDocsPage::resolved(const QJsonObject& object) const {
    QJsonObject current = object;
    // A bound on the hops, so a $ref loop cannot hang start-up.
    for (int hops = 0; hops < 16 && current.contains(u"$ref"_s); ++hops) {
        const QString pointer = current.value(u"$ref"_s).toString();
        if (!pointer.startsWith(u"#/"_s))
            return {};
        QJsonValue target = m_document;
        for (QString part : pointer.mid(2).split(u'/')) {
            part.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
            target = target.toObject().value(part);
        }
        current = target.toObject();
    }
    return current;
}

void ApiDocsPage::writeHeader(QString& out) const {
    const QJsonObject info = m_document.value(u"info"_s).toObject();
    out += u"<header>\n<h1>"_s + escaped(info.value(u"title"_s).toString()) + u"</h1>\n"_s;
    out += u"<p>Version "_s + escaped(info.value(u"version"_s).toString()) + u", OpenAPI "_s +
           escaped(m_document.value(u"openapi"_s).toString()) +
           u". The machine-readable document: <a href=\"#op-openApiDocument\">"_s +
           code(u"GET /api/openapi.json"_s) + u"</a>.</p>\n"_s;
    out += prose(info.value(u"description"_s).toString());
    const QJsonObject schemes = m_document.value(u"components"_s)[u"securitySchemes"_s].toObject();
    for (auto scheme = schemes.begin(); scheme != schemes.end(); ++scheme) {
        const QJsonObject object = scheme.value().toObject();
        out += u"<p><strong>Authentication ("_s + escaped(scheme.key()) + u"):</strong> "_s +
               escaped(object.value(u"scheme"_s).toString()) + u' ' +
               escaped(object.value(u"bearerFormat"_s).toString()) + u". "_s +
               inlineProse(object.value(u"description"_s).toString()) + u"</p>\n"_s;
    }
    out += u"</header>\n"_s;
}

void ApiDocsPage::writeContents(QString& out) const {
    out += u"<nav>\n<h2>Contents</h2>\n<ul>\n"_s;
    for (const QString& tag : tagNames()) {
        out += u"<li><a href=\"#"_s + anchor(u"tag"_s, tag) + u"\">"_s + escaped(tag) +
               u"</a>\n<ul>\n"_s;
        for (const Operation& operation : operationsTagged(tag))
            out += u"<li><a href=\"#"_s + operationAnchor(operation) +
                   u"\"><span class=\"method "_s + operation.method + u"\">"_s +
                   operation.method.toUpper() + u"</span>"_s + code(operation.path) + u"</a> "_s +
                   escaped(operation.object.value(u"summary"_s).toString()) + u"</li>\n"_s;
        out += u"</ul></li>\n"_s;
    }
    out += u"<li><a href=\"#schemas\">Schemas</a></li>\n</ul>\n</nav>\n"_s;
}

void ApiDocsPage::writeOperation(QString& out, const Operation& operation) const {
    const QJsonObject& object = operation.object;
    out += u"<article id=\""_s + operationAnchor(operation) + u"\">\n<h3><span class=\"method "_s +
           operation.method + u"\">"_s + operation.method.toUpper() + u"</span>"_s +
           code(operation.path) + u"</h3>\n<p class=\"summary\">"_s +
           escaped(object.value(u"summary"_s).toString()) + u"</p>\n"_s;

    const QJsonArray security = object.contains(u"security"_s)
                                    ? object.value(u"security"_s).toArray()
                                    : m_document.value(u"security"_s).toArray();
    bool optional = false;
    for (const QJsonValue& requirement : security)
        optional = optional || requirement.toObject().isEmpty();
    const QString who = security.isEmpty() ? u"Open: no token needed."_s
                        : optional         ? u"A bearer token is optional."_s
                                           : u"Needs a bearer token."_s;
    out += u"<p class=\"auth\">"_s + who + u"</p>\n"_s;
    out += prose(object.value(u"description"_s).toString());

    QJsonArray parameters = m_document.value(u"paths"_s)[operation.path][u"parameters"_s].toArray();
    for (const QJsonValue& parameter : object.value(u"parameters"_s).toArray())
        parameters.append(parameter);
    if (!parameters.isEmpty())
        writeParameters(out, parameters);
    if (object.contains(u"requestBody"_s))
        writeRequestBody(out, resolved(object.value(u"requestBody"_s).toObject()));
    writeResponses(out, object.value(u"responses"_s).toObject());
    out += u"</article>\n"_s;
}

void ApiDocsPage::writeParameters(QString& out, const QJsonArray& parameters) const {
    out += u"<h4>Parameters</h4>\n<table>\n<tr><th>Name</th><th>In</th><th>Type</th>"
           u"<th>Required</th><th>Description</th></tr>\n"_s;
    for (const QJsonValue& value : parameters) {
        const QJsonObject parameter = resolved(value.toObject());
        out += u"<tr><td>"_s + code(parameter.value(u"name"_s).toString()) + u"</td><td>"_s +
               escaped(parameter.value(u"in"_s).toString()) + u"</td><td>"_s +
               schemaText(parameter.value(u"schema"_s).toObject()) + u"</td><td>"_s +
               (parameter.value(u"required"_s).toBool() ? u"yes"_s : u"no"_s) + u"</td><td>"_s +
               inlineProse(parameter.value(u"description"_s).toString()) + u"</td></tr>\n"_s;
    }
    out += u"</table>\n"_s;
}

void ApiDocsPage::writeRequestBody(QString& out, const QJsonObject& requestBody) const {
    out += u"<h4>Request body ("_s +
           (requestBody.value(u"required"_s).toBool() ? u"required"_s : u"optional"_s) +
           u")</h4>\n"_s;
    out += prose(requestBody.value(u"description"_s).toString());
    const QJsonObject content = requestBody.value(u"content"_s).toObject();
    for (auto type = content.begin(); type != content.end(); ++type)
        writeSchema(out, type.value()[u"schema"_s].toObject(), code(type.key()) + u": "_s);
}

void ApiDocsPage::writeResponses(QString& out, const QJsonObject& responses) const {
    out += u"<h4>Answers</h4>\n<table>\n<tr><th>Status</th><th>Meaning</th><th>Body</th></tr>\n"_s;
    for (auto status = responses.begin(); status != responses.end(); ++status) {
        const QJsonObject response = resolved(status.value().toObject());
        out += u"<tr><td>"_s + code(status.key()) + u"</td><td>"_s +
               inlineProse(response.value(u"description"_s).toString());
        const QJsonObject headers = response.value(u"headers"_s).toObject();
        for (auto header = headers.begin(); header != headers.end(); ++header)
            out +=
                u"<br>Header "_s + code(header.key()) + u": "_s +
                inlineProse(resolved(header.value().toObject()).value(u"description"_s).toString());
        out += u"</td><td>"_s;
        const QJsonObject content = response.value(u"content"_s).toObject();
        if (content.isEmpty())
            out += u"empty"_s;
        for (auto type = content.begin(); type != content.end(); ++type)
            writeSchema(out, type.value()[u"schema"_s].toObject(), code(type.key()) + u": "_s);
        out += u"</td></tr>\n"_s;
    }
    out += u"</table>\n"_s;
}

void ApiDocsPage::writeSchemas(QString& out) const {
    out += u"<section id=\"schemas\">\n<h2>Schemas</h2>\n"_s;
    const QJsonObject schemas = m_document.value(u"components"_s)[u"schemas"_s].toObject();
    for (auto schema = schemas.begin(); schema != schemas.end(); ++schema) {
        const QJsonObject object = schema.value().toObject();
        out += u"<article id=\""_s + anchor(u"schema"_s, schema.key()) + u"\">\n<h3>"_s +
               escaped(schema.key()) + u"</h3>\n"_s;
        out += prose(object.value(u"description"_s).toString());
        if (object.contains(u"allOf"_s)) {
            out += u"<p>All of:</p>\n"_s;
            for (const QJsonValue& part : object.value(u"allOf"_s).toArray())
                writeSchema(out, part.toObject());
        } else {
            writeSchema(out, object);
        }
        out += u"</article>\n"_s;
    }
    out += u"</section>\n"_s;
}

void ApiDocsPage::writeSchema(QString& out, const QJsonObject& schema, const QString& lead) const {
    out += u"<p>"_s + lead + schemaText(schema) + u"</p>\n"_s;
    if (hasInlineProperties(schema))
        writeProperties(out, schema);
    else if (const QJsonObject items = schema.value(u"items"_s).toObject();
             hasInlineProperties(items))
        writeProperties(out, items);
}

void ApiDocsPage::writeProperties(QString& out, const QJsonObject& schema) const {
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    if (properties.isEmpty())
        return;
    QStringList required;
    for (const QJsonValue& name : schema.value(u"required"_s).toArray())
        required << name.toString();
    out +=
        u"<table>\n<tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr>\n"_s;
    for (auto property = properties.begin(); property != properties.end(); ++property) {
        const QJsonObject value = property.value().toObject();
        out += u"<tr><td>"_s + code(property.key()) + u"</td><td>"_s;
        writeSchema(out, value);
        out += u"</td><td>"_s + (required.contains(property.key()) ? u"yes"_s : u"no"_s) +
               u"</td><td>"_s + inlineProse(value.value(u"description"_s).toString()) +
               u"</td></tr>\n"_s;
    }
    out += u"</table>\n"_s;
}

QString ApiDocsPage::schemaText(const QJsonObject& schema) const {
    if (schema.contains(u"$ref"_s)) {
        const QString name = schema.value(u"$ref"_s).toString().section(u'/', -1);
        return u"<a href=\"#"_s + anchor(u"schema"_s, name) + u"\">"_s + escaped(name) + u"</a>"_s;
    }
    for (const QString& combiner : {u"oneOf"_s, u"anyOf"_s, u"allOf"_s}) {
        if (!schema.contains(combiner))
            continue;
        QStringList parts;
        for (const QJsonValue& part : schema.value(combiner).toArray())
            parts << schemaText(part.toObject());
        return parts.join(combiner == u"allOf"_s ? u" and "_s : u" or "_s);
    }
    if (schema.contains(u"const"_s))
        return code(jsonText(schema.value(u"const"_s)));

    QStringList types;
    const QJsonValue type = schema.value(u"type"_s);
    for (const QJsonValue& name : type.isArray() ? type.toArray() : QJsonArray{type}) {
        const QString text = name.toString();
        if (text == u"array"_s) {
            const QJsonObject items = schema.value(u"items"_s).toObject();
            types << (hasInlineProperties(items) ? u"array of objects (below)"_s
                                                 : u"array of "_s + schemaText(items));
        } else if (text == u"object"_s && schema.value(u"additionalProperties"_s).isObject()) {
            types << u"map of "_s + schemaText(schema.value(u"additionalProperties"_s).toObject());
        } else if (!text.isEmpty()) {
            types << text;
        }
    }
    QString text = types.isEmpty() ? u"any"_s : types.join(u" or "_s);
    if (schema.contains(u"format"_s))
        text += u" ("_s + escaped(schema.value(u"format"_s).toString()) + u')';

    QStringList notes;
    if (schema.contains(u"enum"_s)) {
        QStringList values;
        for (const QJsonValue& value : schema.value(u"enum"_s).toArray())
            values << code(jsonText(value));
        notes << u"one of "_s + values.join(u", "_s);
    }
    const auto range = [&](const QString& low, const QString& high, const QString& unit) {
        const bool hasLow = schema.contains(low), hasHigh = schema.contains(high);
        if (hasLow && hasHigh)
            notes << jsonText(schema.value(low)) + u'-' + jsonText(schema.value(high)) + unit;
        else if (hasLow)
            notes << u"at least "_s + jsonText(schema.value(low)) + unit;
        else if (hasHigh)
            notes << u"at most "_s + jsonText(schema.value(high)) + unit;
    };
    range(u"minimum"_s, u"maximum"_s, QString());
    range(u"minLength"_s, u"maxLength"_s, u" characters"_s);
    range(u"minItems"_s, u"maxItems"_s, u" items"_s);
    if (schema.contains(u"pattern"_s))
        notes << u"matching "_s + code(schema.value(u"pattern"_s).toString());
    if (schema.contains(u"default"_s))
        notes << u"default "_s + code(jsonText(schema.value(u"default"_s)));
    if (!notes.isEmpty())
        text += u", "_s + notes.join(u", "_s);
    return text;
}

QString ApiDocsPage::anchor(const QString& prefix, const QString& name) {
    static const QRegularExpression unsafe(u"[^A-Za-z0-9_-]+"_s);
    return prefix + u'-' + QString(name).replace(unsafe, u"-"_s);
}

QString ApiDocsPage::operationAnchor(const Operation& operation) {
    const QString id = operation.object.value(u"operationId"_s).toString();
    return id.isEmpty() ? anchor(u"op"_s, operation.method + operation.path) : anchor(u"op"_s, id);
}

QString ApiDocsPage::inlineProse(const QString& text) {
    static const QRegularExpression codeSpan(u"`([^`]*)`"_s);
    static const QRegularExpression strong(u"\\*\\*([^*]+)\\*\\*"_s);
    QString html = escaped(text);
    html.replace(codeSpan, u"<code>\\1</code>"_s);
    html.replace(strong, u"<strong>\\1</strong>"_s);
    return html;
}

QString ApiDocsPage::prose(const QString& text) {
    QString html;
    for (const QString& paragraph : text.split(u"\n\n"_s, Qt::SkipEmptyParts))
        html += u"<p>"_s + inlineProse(paragraph) + u"</p>\n"_s;
    return html;
}

} // namespace bizy::server
