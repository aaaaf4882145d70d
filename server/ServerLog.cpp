#include "ServerLog.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace bizy::server {

Q_LOGGING_CATEGORY(lcServer, "bizy.server")

namespace {

std::shared_ptr<spdlog::logger> serverLogger() {
    static std::shared_ptr<spdlog::logger> logger = [] {
        auto created = spdlog::stderr_logger_mt("bizy-server");
        created->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
        created->flush_on(spdlog::level::info);
        return created;
    }();
    return logger;
}

void messageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const std::string text =
        std::string(context.category ? context.category : "default") + ": " + message.toStdString();
    auto logger = serverLogger();
    switch (type) {
    case QtDebugMsg:
        logger->debug(text);
        break;
    case QtInfoMsg:
        logger->info(text);
        break;
    case QtWarningMsg:
        logger->warn(text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        logger->error(text);
        break;
    }
}

} // namespace

void installServerLogging() {
    serverLogger();
    qInstallMessageHandler(messageHandler);
    QLoggingCategory::setFilterRules(QStringLiteral("bizy.*.debug=false\nqt.*.debug=false"));
}

void logAccess(const QString& method, const QString& path, int status, qint64 durationMs,
               qint64 userId) {
    // A decoded path may hold newlines or escapes: never let it forge log lines.
    QString safePath = path.left(200);
    for (QChar& character : safePath) {
        if (character.category() == QChar::Other_Control || character == u'\u2028' ||
            character == u'\u2029')
            character = u'?';
    }
    serverLogger()->info("access {} {} {} {}ms user={}", method.toStdString(),
                         safePath.toStdString(), status, durationMs, userId);
}

} // namespace bizy::server
