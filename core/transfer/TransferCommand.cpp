#include "TransferCommand.h"

#include "TransferExporter.h"
#include "TransferImporter.h"
#include "account/RememberedLogin.h"
#include "store/LocalStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

QString text(const char* source) {
    return QCoreApplication::translate("TransferCommand", source);
}

QString counted(qsizetype count, const QString& one, const QString& many) {
    return u"%1 %2"_s.arg(count).arg(count == 1 ? one : many);
}

QString what(const TransferSummary& summary, bool withGoals) {
    const QString tasks = counted(summary.tasks, u"task"_s, u"tasks"_s);
    return withGoals ? counted(summary.goals, u"goal"_s, u"goals"_s) + u" and "_s + tasks : tasks;
}

} // namespace

bool TransferCommand::requested(const QStringList& arguments) {
    for (const QString& argument : arguments.mid(1)) {
        if (argument == u"--")
            break;
        for (const QString& option : {u"import"_s, u"export"_s}) {
            if (argument == u"--"_s + option || argument == u"-"_s + option ||
                argument.startsWith(u"--"_s + option + u'=') ||
                argument.startsWith(u"-"_s + option + u'='))
                return true;
        }
    }
    return false;
}

QList<QCommandLineOption> TransferCommand::options() {
    return {
        QCommandLineOption(u"import"_s,
                           text(QT_TRANSLATE_NOOP("TransferCommand",
                                                  "Import the tasks (and goals) of <file> (.json, "
                                                  ".csv or .ics) into the store, then exit.")),
                           text(QT_TRANSLATE_NOOP("TransferCommand", "file"))),
        QCommandLineOption(u"export"_s,
                           text(QT_TRANSLATE_NOOP("TransferCommand",
                                                  "Export the store's tasks (and goals) to <file> "
                                                  "(.json, .csv or .ics), then exit.")),
                           text(QT_TRANSLATE_NOOP("TransferCommand", "file"))),
    };
}

int TransferCommand::run(const QStringList& arguments) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QList<QCommandLineOption> transfer = options();
    parser.addOptions(transfer);
    const QCommandLineOption storeOption(u"store"_s, QString(), u"path"_s);
    const QCommandLineOption verboseOption(u"verbose"_s);
    // Accepted so one command line works for both; a file needs no server.
    const QCommandLineOption serverOption(u"server"_s, QString(), u"url"_s);
    parser.addOptions({storeOption, verboseOption, serverOption});
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return 2;
    }
    const bool importing = parser.isSet(transfer.at(0));
    if (importing == parser.isSet(transfer.at(1))) {
        err << text(QT_TRANSLATE_NOOP("TransferCommand",
                                      "Give either --import FILE or --export FILE, not both."))
            << Qt::endl;
        return 2;
    }
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(u"bizy.*.info=false\nbizy.*.debug=false"_s);
    const QString file = parser.value(importing ? transfer.at(0) : transfer.at(1));
    QString storePath = parser.value(storeOption);
    if (storePath.isEmpty()) {
        const QString account = RememberedLogin::account();
        storePath =
            account.isEmpty() ? LocalStore::defaultPath() : LocalStore::defaultPath(account);
    }
    Result<std::unique_ptr<LocalStore>> store = LocalStore::open(storePath);
    if (!store) {
        err << store.error().message << Qt::endl;
        return 1;
    }
    const Result<TransferSummary> done = importing ? TransferImporter::importFile(**store, file)
                                                   : TransferExporter::exportFile(**store, file);
    if (!done) {
        err << done.error().message << Qt::endl;
        return 1;
    }
    const bool withGoals = done->format == TransferFormat::Json;
    if (importing)
        out << u"Imported %1 from %2 (%3) into %4"_s.arg(
                   what(*done, withGoals), file, transferFormatName(done->format), storePath)
            << Qt::endl;
    else
        out << u"Exported %1 from %2 to %3 (%4)"_s.arg(what(*done, withGoals), storePath, file,
                                                       transferFormatName(done->format))
            << Qt::endl;
    return 0;
}

} // namespace bizy
