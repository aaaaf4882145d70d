#include "BizyServer.h"
#include "ServerConfig.h"
#include "ServerLog.h"
#include "SignalWatcher.h"
#include "admin/CreateAdminCommand.h"
#include "admin/NewEpochCommand.h"
#include "db/MigrationRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QThread>
#include <optional>

using namespace Qt::StringLiterals;
using namespace bizy::server;

namespace {

// Start-up may race PostgreSQL's own start (systemd, containers): retry a
// while, unless told to stop meanwhile.
bizy::Status migrateWithPatience(const DatabaseSettings& settings, int seconds) {
    for (int attempt = 0;; ++attempt) {
        auto applied = MigrationRunner(settings).migrate();
        if (applied)
            return bizy::Done{};
        if (attempt >= seconds || SignalWatcher::requested())
            return applied.error();
        if (attempt == 0)
            qCWarning(lcServer) << applied.error().message << "- retrying for" << seconds << "s";
        for (int slice = 0; slice < 10 && !SignalWatcher::requested(); ++slice)
            QThread::msleep(100);
    }
}

// SIGTERM before the event loop runs is an ordinary stop, not a failure.
int stoppedDuringStartUp() {
    qCInfo(lcServer) << "Received a termination signal during start-up";
    qCInfo(lcServer) << "Stopped";
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bizy-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BIZY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Bizy server: tasks, goals, sync and accounts over HTTP and PostgreSQL.\n"
        "Configured from the environment: DATABASE_URL (or PG*), JWT_SECRET (>= 32 chars),\n"
        "BIZY_HOST, BIZY_PORT (8000; a comma-separated list serves every route on each,\n"
        "e.g. 8000,4567), BIZY_WORKERS, BIZY_AUTH_RATE_LIMIT (per minute, 0 = off),\n"
        "BIZY_ACCESS_TOKEN_MINUTES (15), BIZY_REFRESH_TOKEN_DAYS (30),\n"
        "BIZY_REFRESH_GRACE_SECONDS (30: a retried refresh answers the same pair),\n"
        "BIZY_LEGACY_LOGIN_TOKEN_HOURS (24: access tokens issued through /login),\n"
        "BIZY_CORS_ORIGINS (* by default; comma-separated origins, or none),\n"
        "BIZY_IDLE_TIMEOUT_SECONDS (120: silent connections are closed),\n"
        "BIZY_SMTP_URL (smtp://host:port for password reset mails) and BIZY_MAIL_FROM.\n"
        "AI provider (off unless set): ANTHROPIC_API_KEY (+ BIZY_ANTHROPIC_BASE_URL), or\n"
        "BIZY_AI_BASE_URL + BIZY_AI_MODEL (+ BIZY_AI_API_KEY) for an OpenAI-compatible\n"
        "server; BIZY_AI_TIMEOUT_SECONDS (60), BIZY_AI_RATE_LIMIT (10 per user per minute).\n\n"
        "Commands:\n"
        "  (none)         run the server\n"
        "  create-admin   create or promote an admin; the password is read from stdin\n"
        "  new-epoch      after restoring the database from a backup: every user gets a new\n"
        "                 sync epoch, so devices reload and send again what it lacks"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption envFile(
        u"env-file"_s, u"Read KEY=VALUE lines from <file> (BIZY_ENV_FILE)."_s, u"file"_s);
    const QCommandLineOption host(u"host"_s, u"Address to listen on (BIZY_HOST)."_s, u"address"_s);
    const QCommandLineOption port(
        u"port"_s, u"Port, or comma-separated ports, to listen on (BIZY_PORT)."_s, u"port"_s);
    const QCommandLineOption username(u"username"_s, u"create-admin: the user name."_s, u"name"_s);
    const QCommandLineOption email(u"email"_s, u"create-admin: the email address."_s, u"address"_s);
    parser.addOptions({envFile, host, port, username, email});
    parser.addPositionalArgument(u"command"_s, u"create-admin, new-epoch, or nothing to serve."_s,
                                 u"[command]"_s);
    parser.process(app);
    // From here on SIGTERM is handled: a supervisor or test may stop the server
    // at any moment of its start-up, and that must end as cleanly as later.
    std::optional<SignalWatcher> signalWatcher(std::in_place);

    installServerLogging();
    QTextStream err(stderr);

    const QString envPath =
        parser.isSet(envFile) ? parser.value(envFile) : qEnvironmentVariable("BIZY_ENV_FILE");
    auto variables = ServerConfig::collectVariables(envPath);
    if (!variables) {
        err << "bizy-server: " << variables.error().message << "\n";
        return 2;
    }
    if (parser.isSet(host))
        variables.value().insert(u"BIZY_HOST"_s, parser.value(host));
    if (parser.isSet(port))
        variables.value().insert(u"BIZY_PORT"_s, parser.value(port));
    auto config = ServerConfig::fromVariables(variables.value());
    if (!config) {
        err << "bizy-server: " << config.error().message << "\n";
        return 2;
    }

    const QStringList commands = parser.positionalArguments();
    if (!commands.isEmpty()) {
        const QString command = commands.first();
        if ((command != u"create-admin"_s && command != u"new-epoch"_s) || commands.size() > 1) {
            err << "bizy-server: unknown command \"" << commands.join(u' ') << "\" (see --help)\n";
            return 2;
        }
        if (command == u"new-epoch"_s) {
            signalWatcher.reset(); // a one-shot command: the default SIGTERM is right
            return NewEpochCommand::run(config.value());
        }
        if (!parser.isSet(username) || !parser.isSet(email)) {
            err << "bizy-server: create-admin needs --username and --email\n";
            return 2;
        }
        signalWatcher.reset(); // a one-shot command: the default SIGTERM is right
        return CreateAdminCommand::run(config.value(), parser.value(username), parser.value(email));
    }

    qCInfo(lcServer) << "Starting: database" << config->database.describe();
    if (auto migrated = migrateWithPatience(config->database, 30); !migrated) {
        if (SignalWatcher::requested())
            return stoppedDuringStartUp();
        err << "bizy-server: " << migrated.error().message << "\n";
        return 1;
    }
    if (SignalWatcher::requested())
        return stoppedDuringStartUp();

    // Declared after the watcher, so destroyed before it: a second signal while
    // the server is torn down still only writes to the pipe.
    BizyServer server(config.value());
    if (!server.listen())
        return 1;
    QObject::connect(&*signalWatcher, &SignalWatcher::terminationRequested, &server,
                     [&server](int signalNumber) {
                         qCInfo(lcServer) << "Received signal" << signalNumber;
                         server.shutdown();
                     });
    QObject::connect(&server, &BizyServer::stopped, &app, [] { QCoreApplication::exit(0); });
    return app.exec();
}
