#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

namespace bizy {

// `bizy --import FILE` and `bizy --export FILE` without a window: imports into
// or exports the store of the current account (the one the app would open; or
// --store FILE), in the format of the file's extension, prints what was done
// and answers with the process's exit code (0 done, 1 refused or failed,
// 2 a usage error). It owns its LocalStore on the calling thread.
class TransferCommand {
public:
    // Whether the arguments ask for an import or export (so no window opens).
    static bool requested(const QStringList& arguments);
    // --import and --export, for the app's --help too.
    static QList<QCommandLineOption> options();
    // Parses `arguments` (argv, program first) and runs the command.
    static int run(const QStringList& arguments);
};

} // namespace bizy
