#include "log/Logging.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <spdlog/logger.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// The handler runs on whatever thread logs; the mutex keeps install and
// shutdown from pulling the logger away underneath it.
constexpr const char* loggerName = "bizy";

QMutex loggerMutex;
std::shared_ptr<spdlog::logger> activeLogger;
QString activeFilePath;
QtMessageHandler previousHandler = nullptr;
bool handlerInstalled = false;
bool exitHookRegistered = false;

spdlog::level::level_enum levelFor(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return spdlog::level::debug;
    case QtInfoMsg:
        return spdlog::level::info;
    case QtWarningMsg:
        return spdlog::level::warn;
    case QtCriticalMsg:
        return spdlog::level::err;
    case QtFatalMsg:
        return spdlog::level::critical;
    }
    return spdlog::level::info;
}

std::shared_ptr<spdlog::logger> currentLogger() {
    QMutexLocker lock(&loggerMutex);
    return activeLogger;
}

// "bizy.store: opened /x.sqlite (LocalStore.cpp:42)"
void routeToSpdlog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const std::shared_ptr<spdlog::logger> logger = currentLogger();
    if (!logger) {
        if (previousHandler)
            previousHandler(type, context, message);
        return;
    }
    QByteArray line;
    line.reserve(message.size() + 64);
    if (context.category && qstrcmp(context.category, "default") != 0)
        line += QByteArray(context.category) + ": "_ba;
    line += message.toUtf8();
    if (context.file) {
        // Only the file name: full build paths say nothing to a reader.
        QByteArrayView file(context.file);
        const qsizetype slash = file.lastIndexOf('/');
        if (slash >= 0)
            file = file.sliced(slash + 1);
        line += " ("_ba + file.toByteArray() + ':' + QByteArray::number(context.line) + ')';
    }
    logger->log(levelFor(type), std::string_view(line.constData(), size_t(line.size())));
    if (type == QtFatalMsg)
        logger->flush(); // Qt aborts right after the handler returns
}

} // namespace

Status Logging::install(const QString& logDirectory, bool verbose) {
    shutdown();

    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());

    std::optional<Error> fileError;
    QString filePath;
    if (!QDir().mkpath(logDirectory)) {
        fileError = Error::make(Error::Code::Storage,
                                u"Cannot create the log folder %1; logging to stderr only."_s.arg(
                                    QDir::toNativeSeparators(logDirectory)));
    } else {
        filePath = QDir(logDirectory).filePath(u"bizy.log"_s);
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QFile::encodeName(filePath).toStdString(), size_t(maxFileSize), size_t(maxFiles)));
        } catch (const spdlog::spdlog_ex& error) {
            fileError = Error::make(
                Error::Code::Storage,
                u"Cannot write the log file %1 (%2); logging to stderr only."_s.arg(
                    QDir::toNativeSeparators(filePath), QString::fromLocal8Bit(error.what())));
            filePath.clear();
        }
    }

    auto logger = std::make_shared<spdlog::logger>(loggerName, sinks.begin(), sinks.end());
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %-5l [%t] %v");
    // Qt's category rules decide what is logged; spdlog passes it all on.
    logger->set_level(spdlog::level::trace);
    logger->flush_on(spdlog::level::warn);
    // Info lines reach the disk within a second even if the process is killed.
    spdlog::drop(loggerName);
    spdlog::register_logger(logger);
    spdlog::flush_every(std::chrono::seconds(1));

    {
        QMutexLocker lock(&loggerMutex);
        activeLogger = logger;
        activeFilePath = filePath;
    }
    QLoggingCategory::setFilterRules(verbose ? u"*.debug=false\nbizy.*.debug=true"_s
                                             : u"*.debug=false"_s);
    previousHandler = qInstallMessageHandler(routeToSpdlog);
    handlerInstalled = true;
    if (!exitHookRegistered) {
        std::atexit([] { Logging::shutdown(); });
        exitHookRegistered = true;
    }

    if (fileError) {
        logger->warn(std::string_view(fileError->message.toStdString()));
        return *fileError;
    }
    return Done{};
}

QString Logging::filePath() {
    QMutexLocker lock(&loggerMutex);
    return activeFilePath;
}

void Logging::flush() {
    if (const std::shared_ptr<spdlog::logger> logger = currentLogger())
        logger->flush();
}

void Logging::shutdown() {
    if (handlerInstalled) {
        qInstallMessageHandler(previousHandler);
        previousHandler = nullptr;
        handlerInstalled = false;
    }
    std::shared_ptr<spdlog::logger> logger;
    {
        QMutexLocker lock(&loggerMutex);
        logger.swap(activeLogger);
        activeFilePath.clear();
    }
    if (logger) {
        logger->flush();
        spdlog::drop(loggerName);
    }
}

} // namespace bizy
