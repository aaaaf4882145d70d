#include "log/Logging.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTestLog, "bizy.logtest")
Q_LOGGING_CATEGORY(lcForeign, "other.lib")

namespace {

QString readLog(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class LoggingTest : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { bizy::Logging::shutdown(); }

    void infoLineLandsInFileWithCategory() {
        // given a logging setup in an empty folder
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString logDirectory = dir.filePath(u"logs"_s);
        QVERIFY(bizy::Logging::install(logDirectory, false).ok());

        // when a module logs an info line
        qCInfo(lcTestLog) << "opened store with" << 3 << "tasks {not a format}";
        bizy::Logging::flush();

        // then the file bizy.log holds it with its category and level
        QCOMPARE(bizy::Logging::filePath(), logDirectory + u"/bizy.log"_s);
        const QString log = readLog(logDirectory + u"/bizy.log"_s);
        QVERIFY2(log.contains(u"bizy.logtest: opened store with 3 tasks {not a format}"_s),
                 qPrintable(log));
        QVERIFY2(log.contains(u"info"_s), qPrintable(log));
    }

    void sourceLocationIsAppendedWhenKnown() {
        // given logging installed (this test is built with QT_MESSAGELOGCONTEXT)
        QTemporaryDir dir;
        QVERIFY(bizy::Logging::install(dir.path(), false).ok());

        // when a line is logged
        const int line = __LINE__ + 1;
        qCInfo(lcTestLog) << "where am I";
        bizy::Logging::flush();

        // then it names this file and line
        const QString log = readLog(dir.filePath(u"bizy.log"_s));
        const QString expected = u"(tst_logging.cpp:%1)"_s.arg(line);
        QVERIFY2(log.contains(expected), qPrintable(log));
    }

    void debugLinesOnlyInVerboseMode() {
        // given a normal (not verbose) setup
        QTemporaryDir quietDir;
        QVERIFY(bizy::Logging::install(quietDir.path(), false).ok());

        // when debug lines are logged
        qCDebug(lcTestLog) << "quiet debug detail";
        qCInfo(lcTestLog) << "quiet info";
        bizy::Logging::flush();

        // then only the info line is written
        const QString quietLog = readLog(quietDir.filePath(u"bizy.log"_s));
        QVERIFY2(quietLog.contains(u"quiet info"_s), qPrintable(quietLog));
        QVERIFY2(!quietLog.contains(u"quiet debug detail"_s), qPrintable(quietLog));

        // given a verbose setup
        QTemporaryDir verboseDir;
        QVERIFY(bizy::Logging::install(verboseDir.path(), true).ok());

        // when debug lines are logged by a bizy module and by a foreign library
        qCDebug(lcTestLog) << "verbose debug detail";
        qCDebug(lcForeign) << "foreign debug detail";
        bizy::Logging::flush();

        // then the bizy debug line is written, the foreign one is not
        const QString verboseLog = readLog(verboseDir.filePath(u"bizy.log"_s));
        QVERIFY2(verboseLog.contains(u"bizy.logtest: verbose debug detail"_s),
                 qPrintable(verboseLog));
        QVERIFY2(verboseLog.contains(u"debug"_s), qPrintable(verboseLog));
        QVERIFY2(!verboseLog.contains(u"foreign debug detail"_s), qPrintable(verboseLog));
    }

    void warningsAreWrittenWithoutExplicitFlush() {
        // given logging installed
        QTemporaryDir dir;
        QVERIFY(bizy::Logging::install(dir.path(), false).ok());

        // when a warning is logged (a crash could follow)
        qCWarning(lcTestLog) << "disk almost full";

        // then it is already on disk
        const QString log = readLog(dir.filePath(u"bizy.log"_s));
        QVERIFY2(log.contains(u"warning"_s) || log.contains(u"warn"_s), qPrintable(log));
        QVERIFY2(log.contains(u"bizy.logtest: disk almost full"_s), qPrintable(log));
    }

    void unwritableFolderFallsBackToStderr() {
        // given a log folder path that is a regular file
        QTemporaryDir dir;
        const QString blocker = dir.filePath(u"not-a-folder"_s);
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        // when logging is installed there
        const bizy::Status status = bizy::Logging::install(blocker + u"/logs"_s, false);

        // then it reports why and keeps running without a file
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(u"log"_s), qPrintable(status.error().message));
        QVERIFY(bizy::Logging::filePath().isEmpty());
        qCInfo(lcTestLog) << "still alive";
    }

    void shutdownStopsWritingToTheFile() {
        // given logging installed and shut down
        QTemporaryDir dir;
        QVERIFY(bizy::Logging::install(dir.path(), false).ok());
        qCInfo(lcTestLog) << "before shutdown";
        bizy::Logging::shutdown();

        // when something is logged afterwards
        qCInfo(lcTestLog) << "after shutdown";

        // then the file has the first line only
        const QString log = readLog(dir.filePath(u"bizy.log"_s));
        QVERIFY2(log.contains(u"before shutdown"_s), qPrintable(log));
        QVERIFY2(!log.contains(u"after shutdown"_s), qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(LoggingTest)
#include "tst_logging.moc"
