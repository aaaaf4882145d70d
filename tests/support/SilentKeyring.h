#pragma once

#include <QString>
#include <QStringList>

// The test's side of with-silent-keyring.sh, which runs the test next to a
// Secret Service that never answers (SilentSecretService.h).
class SilentKeyring {
public:
    // Whether the silent Secret Service owns org.freedesktop.secrets on this session bus.
    static bool isRunning();

    // "interface.member" of every Secret Service call it received so far, oldest first.
    static QStringList receivedCalls();

    // Lets the service answer the calls it holds, waits until QtKeychain has
    // no job left from an earlier test, then makes it silent again and lets
    // KeychainStore ask the keychain again (KeychainStore::forgetTimeout()),
    // so each test meets a keychain that has not timed out yet.
    static bool startAfresh(QString* error);

private:
    static bool control(const char* method, QString* error);
};
