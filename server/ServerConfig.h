#pragma once

#include "ai/AiSettings.h"
#include "db/DatabaseSettings.h"
#include "mail/MailSettings.h"
#include "model/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy::server {

// Everything bizy-server reads from its environment (and an optional env file),
// checked once at start so a bad value stops the server with a clear message.
struct ServerConfig {
    DatabaseSettings database;
    QByteArray jwtSecret;
    QString host = QStringLiteral("127.0.0.1");
    // Every port serves every route: the old web client calls the auth paths
    // on 4567 and the rest on 8000 (BIZY_PORT=8000,4567).
    QList<quint16> ports{8000};
    int workers = 4;        // thread pool size: database work and password hashing
    int authRateLimit = 10; // login/register/refresh/reset per minute per address; 0 = off
    qint64 accessTokenSeconds = 15 * 60;
    qint64 refreshTokenSeconds = 30LL * 24 * 3600;
    // A just-rotated refresh token presented again this soon answers the same
    // successor pair, so a lost answer does not end the session; 0 = off.
    qint64 refreshGraceSeconds = 30;
    // Access tokens issued through the old auth service's /login: its web
    // client cannot refresh, so they live as long as that service's did.
    qint64 legacyLoginTokenSeconds = 24 * 3600;
    qint64 maxBodyBytes = 1024 * 1024;
    int idleTimeoutSeconds = 120; // a connection silent this long is closed
    // Origins browsers may call from (BIZY_CORS_ORIGINS, comma-separated): "*"
    // by default, as the existing backend's web client may live elsewhere;
    // empty or "none" turns CORS off. Tokens travel in headers, never cookies.
    QStringList corsOrigins{QStringLiteral("*")};
    AiSettings ai;     // the optional AI provider (goal breakdown, briefings)
    MailSettings mail; // password reset mails; none without BIZY_SMTP_URL

    static constexpr qsizetype kMinJwtSecretLength = 32;

    // Reads DATABASE_URL (or PG*), JWT_SECRET, BIZY_HOST, BIZY_PORT (one port or a
    // comma-separated list), BIZY_WORKERS, BIZY_AUTH_RATE_LIMIT,
    // BIZY_ACCESS_TOKEN_MINUTES, BIZY_REFRESH_TOKEN_DAYS, BIZY_REFRESH_GRACE_SECONDS,
    // BIZY_LEGACY_LOGIN_TOKEN_HOURS, BIZY_CORS_ORIGINS, BIZY_IDLE_TIMEOUT_SECONDS,
    // BIZY_SMTP_URL, BIZY_MAIL_FROM and AiSettings' variables.
    static bizy::Result<ServerConfig> fromVariables(const QHash<QString, QString>& variables);
    // An integer variable within bounds, or the fallback when it is unset; on
    // a bad value nullopt, with the reason in `error`.
    static std::optional<qint64> readInteger(const QHash<QString, QString>& variables,
                                             const QString& name, qint64 fallback, qint64 minimum,
                                             qint64 maximum, QString* error);
    // The process environment, with an env file's KEY=VALUE lines filling what
    // the environment leaves unset.
    static bizy::Result<QHash<QString, QString>> collectVariables(const QString& envFile);
};

} // namespace bizy::server
