#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>

namespace bizy {

// Secrets in the OS keychain (Secret Service, KWallet, macOS Keychain, Windows
// Credential Manager) through QtKeychain, asynchronously. Never falls back to
// a plaintext file: without a keychain the caller is told so.
//
// A keychain may take a call and never answer (a Secret Service with no
// unlocked collection and no prompter), so every call gives up after
// timeout() and reports TimedOut. After one timeout the keychain is not asked
// again in this process: every later call, from any KeychainStore, answers
// Unavailable at once.
class KeychainStore : public QObject {
    Q_OBJECT
public:
    enum class Outcome {
        Ok,
        NotFound,    // nothing stored under the key
        Unavailable, // no keychain service on this machine (or it refused us)
        TimedOut,    // the keychain took the call but did not answer in time
        Failed       // the keychain answered with another error
    };
    using Done = std::function<void(Outcome outcome, const QByteArray& data, const QString& text)>;

    static constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

    explicit KeychainStore(QString service, QObject* parent = nullptr);

    // `done` runs once, later (never inside the call), and never after this
    // store is destroyed; an answer that comes after the timeout is ignored.
    void read(const QString& key, Done done);
    void write(const QString& key, const QByteArray& data, Done done);
    void remove(const QString& key, Done done);

    QString service() const { return m_service; }

    // How long each call waits for the keychain (the whole process; kDefaultTimeout).
    static void setTimeout(std::chrono::milliseconds timeout);
    static std::chrono::milliseconds timeout();
    // True once a call timed out in this process: calls no longer reach the keychain.
    static bool hasTimedOut();
    // Asks the keychain again after a timeout; for tests that start each case afresh.
    static void forgetTimeout();

private:
    QString m_service;
};

} // namespace bizy
