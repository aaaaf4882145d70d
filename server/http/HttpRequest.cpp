#include "HttpRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

void findNulStrings(const QJsonValue& value, QJsonArray loc, bizy::FieldErrors* errors) {
    if (value.isString()) {
        if (value.toString().contains(QChar(0)))
            errors->append(
                {loc, u"String must not contain NUL (\\u0000) characters"_s, u"string_nul"_s});
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonArray inner = loc;
            inner.append(i);
            findNulStrings(array.at(i), inner, errors);
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonArray inner = loc;
            inner.append(it.key());
            if (it.key().contains(QChar(0)))
                errors->append(
                    {inner, u"Keys must not contain NUL (\\u0000) characters"_s, u"string_nul"_s});
            findNulStrings(it.value(), inner, errors);
        }
    }
}

bizy::Error bodyError(const QString& message, const QString& type) {
    return bizy::Error::validation({{QJsonArray{u"body"_s}, message, type}});
}

} // namespace

HttpRequest HttpRequest::fromQt(const QHttpServerRequest& request) {
    HttpRequest copy;
    copy.method = request.method();
    copy.path = request.url().path(QUrl::FullyDecoded);
    copy.query = request.query();
    for (const auto& [name, value] : request.headers())
        copy.headers.insert(name.toLower(), value);
    copy.body = request.body();
    copy.remoteAddress = request.remoteAddress();
    return copy;
}

bizy::Result<qint64> HttpRequest::pathId(const QString& name) const {
    bool ok = false;
    const qint64 id = pathParam(name).toLongLong(&ok);
    if (!ok)
        return bizy::Error::validation(
            {{QJsonArray{u"path"_s, name},
              u"Input should be a valid integer, unable to parse string as an integer"_s,
              u"int_parsing"_s}});
    return id;
}

bizy::Result<QJsonDocument> HttpRequest::jsonDocument() const {
    if (body.trimmed().isEmpty())
        return bodyError(u"Field required"_s, u"missing"_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return bodyError(u"JSON decode error: "_s + parseError.errorString() + u" at offset "_s +
                             QString::number(parseError.offset),
                         u"json_invalid"_s);
    return document;
}

bizy::Result<QJsonObject> HttpRequest::jsonObject() const {
    const auto document = jsonDocument();
    if (!document)
        return document.error();
    if (!document->isObject())
        return bodyError(u"Input should be a valid dictionary"_s, u"dict_type"_s);
    bizy::FieldErrors errors;
    findNulStrings(document->object(), QJsonArray{u"body"_s}, &errors);
    if (!errors.isEmpty())
        return bizy::Error::validation(errors);
    return document->object();
}

bizy::Result<QJsonArray> HttpRequest::jsonArray() const {
    const auto document = jsonDocument();
    if (!document)
        return document.error();
    if (!document->isArray())
        return bodyError(u"Input should be a valid list"_s, u"list_type"_s);
    bizy::FieldErrors errors;
    findNulStrings(document->array(), QJsonArray{u"body"_s}, &errors);
    if (!errors.isEmpty())
        return bizy::Error::validation(errors);
    return document->array();
}

QString HttpRequest::bearerToken() const {
    const QByteArray value = header("authorization"_ba).trimmed();
    if (value.size() < 7 || value.left(7).toLower() != "bearer "_ba)
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

bool HttpRequest::isAuthServicePath() const {
    return path.startsWith(u"/api/auth/"_s) || path == u"/register"_s || path == u"/login"_s ||
           path == u"/profile"_s || path == u"/password-reset"_s ||
           path == u"/api/users/change-password"_s; // the Profile page shows its "error"
}

} // namespace bizy::server
