#include "SilentKeyring.h"

#include "SilentSecretService.h"
#include "auth/KeychainStore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using bizy::KeychainStore;

namespace {

QDBusMessage controlCall(const char* method) {
    return QDBusMessage::createMethodCall(
        QString::fromLatin1(SilentSecretService::kServiceName),
        QString::fromLatin1(SilentSecretService::kControlPath),
        QString::fromLatin1(SilentSecretService::kControlInterface), QString::fromLatin1(method));
}

} // namespace

bool SilentKeyring::isRunning() {
    QDBusConnectionInterface* bus = QDBusConnection::sessionBus().interface();
    return bus && bus->isServiceRegistered(QString::fromLatin1(SilentSecretService::kServiceName));
}

QStringList SilentKeyring::receivedCalls() {
    const QDBusReply<QStringList> reply =
        QDBusConnection::sessionBus().call(controlCall("ReceivedCalls"));
    return reply.isValid() ? reply.value()
                           : QStringList{u"(no answer: %1)"_s.arg(reply.error().message())};
}

bool SilentKeyring::control(const char* method, QString* error) {
    const QDBusMessage reply = QDBusConnection::sessionBus().call(controlCall(method));
    if (reply.type() == QDBusMessage::ReplyMessage)
        return true;
    if (error)
        *error = u"%1: %2"_s.arg(QString::fromLatin1(method), reply.errorMessage());
    return false;
}

bool SilentKeyring::startAfresh(QString* error) {
    if (!control("AnswerHeldCalls", error))
        return false;
    // QtKeychain runs one job at a time, in order: once a probe started now
    // has its answer, every job an earlier test left waiting has finished.
    const auto testTimeout = KeychainStore::timeout();
    KeychainStore::forgetTimeout();
    KeychainStore::setTimeout(60s);
    std::optional<KeychainStore::Outcome> probed;
    bool answered = false;
    {
        KeychainStore probe(u"bizy-silent-keyring-probe"_s);
        probe.read(u"probe"_s, [&probed](KeychainStore::Outcome outcome, const QByteArray&,
                                         const QString&) { probed = outcome; });
        answered = QTest::qWaitFor([&probed] { return probed.has_value(); }, 90000);
    }
    KeychainStore::setTimeout(testTimeout);
    KeychainStore::forgetTimeout();
    if (!answered || *probed == KeychainStore::Outcome::TimedOut) {
        if (error)
            *error = u"the keychain jobs of an earlier test did not finish"_s;
        return false;
    }
    return control("StaySilent", error);
}
