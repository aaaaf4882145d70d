#include "ServerConfig.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QThread>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

bizy::Error configError(const QString& message) {
    return bizy::Error::make(bizy::Error::Code::Incompatible, message);
}

} // namespace

std::optional<qint64> ServerConfig::readInteger(const QHash<QString, QString>& variables,
                                                const QString& name, qint64 fallback,
                                                qint64 minimum, qint64 maximum, QString* error) {
    const QString text = variables.value(name).trimmed();
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        *error = name + u" must be an integer between "_s + QString::number(minimum) + u" and "_s +
                 QString::number(maximum) + u", got \""_s + text + u"\""_s;
        return std::nullopt;
    }
    return value;
}

namespace {
// BIZY_PORT: one port or a comma-separated list of distinct ports.
std::optional<QList<quint16>> readPorts(const QHash<QString, QString>& variables, QString* error) {
    const QString text = variables.value(u"BIZY_PORT"_s).trimmed();
    if (text.isEmpty())
        return QList<quint16>{8000};
    QList<quint16> ports;
    for (const QString& item : text.split(u',')) {
        bool ok = false;
        const int port = item.trimmed().toInt(&ok);
        if (!ok || port < 1 || port > 65535 || ports.contains(quint16(port))) {
            *error = u"BIZY_PORT must be a port between 1 and 65535, or a comma-separated list of "
                     "different ones (such as 8000,4567), got \""_s +
                     text + u"\""_s;
            return std::nullopt;
        }
        ports << quint16(port);
    }
    return ports;
}

QString unquote(QString value) {
    value = value.trimmed();
    if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\'')) &&
        value.endsWith(value.front()))
        return value.mid(1, value.size() - 2);
    return value;
}

} // namespace

bizy::Result<QHash<QString, QString>> ServerConfig::collectVariables(const QString& envFile) {
    QHash<QString, QString> variables;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& key : environment.keys())
        variables.insert(key, environment.value(key));
    if (envFile.isEmpty())
        return variables;

    QFile file(envFile);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return configError(u"Cannot read the env file "_s + envFile + u": "_s + file.errorString());
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u"export "_s))
            line = line.mid(7).trimmed();
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            return configError(envFile + u":"_s + QString::number(lineNumber) +
                               u": expected KEY=VALUE"_s);
        const QString key = line.left(equals).trimmed();
        if (!variables.contains(key)) // the real environment wins
            variables.insert(key, unquote(line.mid(equals + 1)));
    }
    return variables;
}

bizy::Result<ServerConfig> ServerConfig::fromVariables(const QHash<QString, QString>& variables) {
    ServerConfig config;

    auto database = DatabaseSettings::fromVariables(variables);
    if (!database)
        return database.error();
    config.database = database.value();

    config.jwtSecret = variables.value(u"JWT_SECRET"_s).toUtf8();
    if (config.jwtSecret.size() < kMinJwtSecretLength)
        return configError(u"JWT_SECRET must be set to at least "_s +
                           QString::number(kMinJwtSecretLength) +
                           u" characters (it signs every token); generate one with "
                           "`openssl rand -hex 32`"_s);

    if (const QString host = variables.value(u"BIZY_HOST"_s).trimmed(); !host.isEmpty())
        config.host = host;

    QString error;
    const int defaultWorkers = qMax(4, QThread::idealThreadCount());
    const auto ports = readPorts(variables, &error);
    const auto workers = readInteger(variables, u"BIZY_WORKERS"_s, defaultWorkers, 1, 256, &error);
    const auto rate = readInteger(variables, u"BIZY_AUTH_RATE_LIMIT"_s, 10, 0, 1000000, &error);
    const auto accessMinutes =
        readInteger(variables, u"BIZY_ACCESS_TOKEN_MINUTES"_s, 15, 1, 24 * 60, &error);
    const auto refreshDays =
        readInteger(variables, u"BIZY_REFRESH_TOKEN_DAYS"_s, 30, 1, 3650, &error);
    const auto refreshGrace =
        readInteger(variables, u"BIZY_REFRESH_GRACE_SECONDS"_s, 30, 0, 300, &error);
    const auto legacyLoginHours =
        readInteger(variables, u"BIZY_LEGACY_LOGIN_TOKEN_HOURS"_s, 24, 1, 30 * 24, &error);
    const auto idleSeconds =
        readInteger(variables, u"BIZY_IDLE_TIMEOUT_SECONDS"_s, 120, 1, 24 * 3600, &error);
    if (!error.isEmpty())
        return configError(error);
    config.ports = *ports;
    config.workers = int(*workers);
    config.authRateLimit = int(*rate);
    config.accessTokenSeconds = *accessMinutes * 60;
    config.refreshTokenSeconds = *refreshDays * 24 * 3600;
    config.refreshGraceSeconds = *refreshGrace;
    config.legacyLoginTokenSeconds = *legacyLoginHours * 3600;
    config.idleTimeoutSeconds = int(*idleSeconds);
    auto ai = AiSettings::fromVariables(variables);
    if (!ai)
        return ai.error();
    config.ai = ai.value();
    // A connection silent for the idle timeout is closed: the AI call must end first.
    if (config.ai.configured() && config.ai.timeoutSeconds >= config.idleTimeoutSeconds)
        return configError(u"BIZY_AI_TIMEOUT_SECONDS must be below BIZY_IDLE_TIMEOUT_SECONDS"_s);
    if (variables.contains(u"BIZY_CORS_ORIGINS"_s)) {
        const QString origins = variables.value(u"BIZY_CORS_ORIGINS"_s).trimmed();
        config.corsOrigins.clear();
        if (origins.toLower() != u"none"_s) {
            for (const QString& origin : origins.split(u',', Qt::SkipEmptyParts))
                config.corsOrigins << origin.trimmed();
        }
    }
    auto mail = MailSettings::fromVariables(variables);
    if (!mail)
        return mail.error();
    config.mail = mail.value();
    return config;
}

} // namespace bizy::server
