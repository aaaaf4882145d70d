#include "ApiDocument.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace bizy::server {

ApiDocument ApiDocument::load() {
    ApiDocument document;
    QFile file(u":/docs/openapi.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        document.m_error = u"the embedded document is missing"_s;
        return document;
    }
    document.m_text = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(document.m_text, &parseError);
    if (!parsed.isObject())
        document.m_error =
            parseError.error != QJsonParseError::NoError
                ? u"%1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset)
                : u"the document is not a JSON object"_s;
    else
        document.m_json = parsed.object();
    return document;
}

} // namespace bizy::server
