#include "DatabaseSettings.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace bizy::server {

bizy::Result<DatabaseSettings> DatabaseSettings::fromUrl(const QString& text) {
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgresql"_s && url.scheme() != u"postgres"_s))
        return bizy::Error::make(bizy::Error::Code::Incompatible,
                                 u"DATABASE_URL must look like "
                                 "postgresql://user:password@host:5432/database"_s);
    DatabaseSettings settings;
    if (!url.host().isEmpty())
        settings.host = url.host();
    settings.port = url.port(5432);
    const QString path = url.path(QUrl::FullyDecoded);
    if (path.size() > 1)
        settings.name = path.mid(1);
    settings.user = url.userName(QUrl::FullyDecoded);
    settings.password = url.password(QUrl::FullyDecoded);
    const QUrlQuery query(url);
    QStringList options;
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"host"_s)
            settings.host = value; // a unix socket directory
        else if (key == u"port"_s)
            settings.port = value.toInt();
        else
            options << key + u'=' + value;
    }
    settings.connectOptions = options.join(u';');
    return settings;
}

bizy::Result<DatabaseSettings>
DatabaseSettings::fromVariables(const QHash<QString, QString>& variables) {
    const QString url = variables.value(u"DATABASE_URL"_s).trimmed();
    DatabaseSettings settings;
    if (!url.isEmpty()) {
        auto parsed = fromUrl(url);
        if (!parsed)
            return parsed;
        settings = parsed.value();
    } else {
        settings.host = variables.value(u"PGHOST"_s, settings.host);
        settings.port = variables.value(u"PGPORT"_s, u"5432"_s).toInt();
        settings.name = variables.value(u"PGDATABASE"_s, settings.name);
        settings.user = variables.value(u"PGUSER"_s);
        settings.password = variables.value(u"PGPASSWORD"_s);
    }
    if (settings.port <= 0 || settings.port > 65535)
        return bizy::Error::make(bizy::Error::Code::Incompatible,
                                 u"The database port must be between 1 and 65535"_s);
    if (!settings.connectOptions.contains(u"connect_timeout"_s)) {
        if (!settings.connectOptions.isEmpty())
            settings.connectOptions += u';';
        settings.connectOptions += u"connect_timeout=5"_s;
    }
    return settings;
}

QString DatabaseSettings::describe() const {
    return user + u'@' + host + u':' + QString::number(port) + u'/' + name;
}

} // namespace bizy::server
