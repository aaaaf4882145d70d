#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace bizy {

// Secrets in the OS keychain (Secret Service, KWallet, macOS Keychain, Windows
// Credential Manager) through QtKeychain, asynchronously. Never falls back to
// a plaintext file: without a keychain the caller is told so.
class KeychainStore : public QObject {
    Q_OBJECT
public:
    enum class Outcome {
        Ok,
        NotFound,    // nothing stored under the key
        Unavailable, // no keychain service on this machine (or it refused us)
        Failed       // the keychain answered with another error
    };
    using Done = std::function<void(Outcome outcome, const QByteArray& data, const QString& text)>;

    explicit KeychainStore(QString service, QObject* parent = nullptr);

    void read(const QString& key, Done done);
    void write(const QString& key, const QByteArray& data, Done done);
    void remove(const QString& key, Done done);

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace bizy
