#include "DocsRoutes.h"

#include "ApiDocsPage.h"
#include "ApiDocument.h"
#include "ServerLog.h"
#include "http/Reply.h"
#include "http/Router.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

void registerDocsRoutes(Router& router) {
    const ApiDocument document = ApiDocument::load();
    if (!document.isValid())
        qCCritical(lcServer) << "The API documentation cannot be served:" << document.error();
    // Both answers are built now; each request only copies shared bytes.
    const QByteArray json = document.text();
    const QByteArray html = document.isValid() ? ApiDocsPage(document.json()).html() : QByteArray();
    const bool valid = document.isValid();

    router.add(Router::Method::Get, u"/api/openapi.json"_s, [json, valid](const HttpRequest&) {
        if (!valid)
            return Reply::ready(Reply::detail(503, u"Service temporarily unavailable"_s));
        return Reply::ready(Reply::json(200, json));
    });
    router.add(Router::Method::Get, u"/api/docs"_s, [html, valid](const HttpRequest&) {
        if (!valid)
            return Reply::ready(Reply::detail(503, u"Service temporarily unavailable"_s));
        return Reply::ready(QHttpServerResponse("text/html; charset=utf-8"_ba, html));
    });
}

} // namespace bizy::server
