#include "Router.h"

#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace bizy::server {

void Router::add(Method method, const QString& pattern, Handler handler) {
    m_routes.append({method, pattern, split(pattern), std::move(handler)});
}

QList<Router::RouteInfo> Router::routes() const {
    QList<RouteInfo> infos;
    infos.reserve(m_routes.size());
    for (const Route& route : m_routes)
        infos.append({route.method, route.pattern});
    return infos;
}

QString Router::methodName(Method method) {
    const char* key = QMetaEnum::fromType<Method>().valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : u"UNKNOWN"_s;
}

QStringList Router::split(const QString& path) {
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool Router::matches(const Route& route, const QStringList& segments,
                     QHash<QString, QString>* params) {
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> captured;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString& expected = route.segments.at(i);
        if (expected.startsWith(u'{') && expected.endsWith(u'}'))
            captured.insert(expected.mid(1, expected.size() - 2), segments.at(i));
        else if (expected != segments.at(i))
            return false;
    }
    *params = captured;
    return true;
}

Router::Match Router::match(Method method, const QString& path) const {
    const QStringList segments = split(path);
    Match result;
    // Literal routes win over captures ("/api/tasks/stats/summary" before "{id}").
    int bestCaptures = std::numeric_limits<int>::max();
    for (const Route& route : m_routes) {
        QHash<QString, QString> params;
        if (!matches(route, segments, &params))
            continue;
        if (route.method != method) {
            if (result.outcome == Outcome::NotFound)
                result.outcome = Outcome::WrongMethod;
            continue;
        }
        if (int(params.size()) < bestCaptures) {
            bestCaptures = int(params.size());
            result = {Outcome::Found, &route.handler, params};
        }
    }
    return result;
}

} // namespace bizy::server
