// bizy: wires the core (logging, the accounts and their workspaces) to the
// window. The AccountManager outlives every workspace; the window follows it.

#include "MainWindow.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/SyncConnection.h"
#include "log/Logging.h"
#include "transfer/TransferCommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "bizy.app", QtInfoMsg)

namespace {

// Strings of main() live in this context for the translators.
QString text(const char* source) {
    return QCoreApplication::translate("main", source);
}

void nameApplication() {
    QCoreApplication::setOrganizationName(u"Bizy"_s);
    QCoreApplication::setApplicationName(u"bizy"_s);
}

} // namespace

int main(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // --import and --export work without a window (and without a display).
    if (bizy::TransferCommand::requested(arguments)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        return bizy::TransferCommand::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(u"Bizy"_s);
    QApplication::setApplicationVersion(QStringLiteral(BIZY_VERSION));
    QApplication::setDesktopFileName(u"bizy"_s);

    // Before the parser, so --help speaks the user's language.
    const QStringList translations = bizy::Translations::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        text(QT_TRANSLATE_NOOP("main", "Offline-first task and goal manager.")));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verboseOption(
        u"verbose"_s, text(QT_TRANSLATE_NOOP("main", "Log debug details of Bizy's modules.")));
    const QCommandLineOption storeOption(
        u"store"_s,
        text(QT_TRANSLATE_NOOP("main", "Use the task store at <path>, whoever logs in.")),
        text(QT_TRANSLATE_NOOP("main", "path")));
    const QCommandLineOption serverOption(
        u"server"_s, text(QT_TRANSLATE_NOOP("main", "Sync with the Bizy server at <url>.")),
        text(QT_TRANSLATE_NOOP("main", "url")));
    parser.addOption(verboseOption);
    parser.addOption(storeOption);
    parser.addOption(serverOption);
    parser.addOptions(bizy::TransferCommand::options()); // handled above; listed in --help
    parser.process(app);

    bizy::AccountManager::Options options;
    options.pinnedStore = parser.value(storeOption);
    if (parser.isSet(serverOption)) {
        options.server = bizy::SyncConnection::serverFromUserInput(parser.value(serverOption));
        if (options.server.isEmpty()) {
            qCCritical(lcApp).noquote() << "not a server address:" << parser.value(serverOption);
            parser.showHelp(1);
        }
    }

    const QString logDirectory =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/logs"_s;
    // Without a log file Bizy still works; Logging has already said why on stderr.
    (void)bizy::Logging::install(logDirectory, parser.isSet(verboseOption));
    qCInfo(lcApp).noquote() << "Bizy" << QApplication::applicationVersion() << "starting on Qt"
                            << qVersion() << "in" << QLocale().name() << "- log file"
                            << bizy::Logging::filePath();
    qCInfo(lcApp).noquote() << "translations:"
                            << (translations.isEmpty() ? u"none"_s : translations.join(u", "_s));

    bizy::AccountManager accounts(options);
    if (const bizy::Status started = accounts.start(); !started) {
        QMessageBox box(QMessageBox::Critical, text(QT_TRANSLATE_NOOP("main", "Bizy")),
                        text(QT_TRANSLATE_NOOP("main", "Bizy cannot open your tasks.")),
                        QMessageBox::Close);
        box.setInformativeText(started.error().message);
        box.exec();
        bizy::Logging::shutdown();
        return 2;
    }
    bizy::MainWindow window(&accounts);
    // The icon is embedded in bizy_ui, ready once a window exists; dialogs inherit it.
    QApplication::setWindowIcon(window.windowIcon());
    window.show();
    const int exitCode = QApplication::exec();
    qCInfo(lcApp) << "Bizy exiting with code" << exitCode;
    bizy::Logging::shutdown();
    return exitCode;
}
