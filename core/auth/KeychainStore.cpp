#include "KeychainStore.h"

#include "AuthLog.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <atomic>
#include <memory>
#include <qt6keychain/keychain.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

std::atomic<qint64> g_timeoutMs{KeychainStore::kDefaultTimeout.count()};
std::atomic<bool> g_timedOut{false};

KeychainStore::Outcome outcomeOf(QKeychain::Error error) {
    switch (error) {
    case QKeychain::NoError:
        return KeychainStore::Outcome::Ok;
    case QKeychain::EntryNotFound:
        return KeychainStore::Outcome::NotFound;
    // OtherError is what the Secret Service backend reports when no D-Bus
    // session or secret service is running.
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::OtherError:
        return KeychainStore::Outcome::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return KeychainStore::Outcome::Failed;
}

// One call to the keychain, from its start to its single report.
struct PendingCall {
    QPointer<KeychainStore> store; // the report is dropped once the store is gone
    KeychainStore::Done done;
    QString what; // "read", "write" or "delete", for the log
    QElapsedTimer age;
    qint64 timeoutMs = 0;
    QPointer<QTimer> timer;
    bool reported = false;
};

// The calls still waiting for the keychain, so that the first timeout ends
// them all instead of each waiting out its own. Main thread only, like the
// QtKeychain jobs themselves.
std::vector<std::weak_ptr<PendingCall>>& waitingCalls() {
    static std::vector<std::weak_ptr<PendingCall>> calls;
    return calls;
}

void report(const std::shared_ptr<PendingCall>& call, KeychainStore::Outcome outcome,
            const QByteArray& data, const QString& text) {
    if (call->reported)
        return;
    call->reported = true;
    if (call->timer) {
        call->timer->stop();
        call->timer->deleteLater();
    }
    std::erase_if(waitingCalls(), [&call](const std::weak_ptr<PendingCall>& waiting) {
        const auto other = waiting.lock();
        return !other || other == call;
    });
    if (call->store && call->done)
        call->done(outcome, data, text);
}

void timeOut(const std::shared_ptr<PendingCall>& call) {
    if (call->reported)
        return;
    if (!g_timedOut.exchange(true))
        qCWarning(lcAuth).noquote()
            << "The keychain did not answer a" << call->what << "within" << call->timeoutMs
            << "ms; it is not asked again until Bizy restarts, and logins stay in memory only";
    const QString text = u"The keychain did not answer within %1 ms"_s.arg(call->timeoutMs);
    std::vector<std::shared_ptr<PendingCall>> ended{call};
    for (const auto& waiting : waitingCalls())
        if (const auto other = waiting.lock(); other && other != call)
            ended.push_back(other);
    for (const auto& each : ended)
        report(each, KeychainStore::Outcome::TimedOut, {}, text);
}

// Starts a prepared job and reports once: its answer or the timeout, whichever
// comes first. The job deletes itself when it finishes, even long after a
// timeout: the Secret Service backend holds a raw pointer to it until then.
void startJob(KeychainStore* store, QKeychain::Job* job, const QString& what,
              KeychainStore::Done done, std::function<QByteArray(QKeychain::Job*)> dataOf = {}) {
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plaintext on disk

    auto call = std::make_shared<PendingCall>();
    call->store = store;
    call->done = std::move(done);
    call->what = what;
    call->age.start();
    call->timeoutMs = g_timeoutMs;
    call->timer = new QTimer(store);
    call->timer->setSingleShot(true);
    QObject::connect(call->timer, &QTimer::timeout, store, [call] { timeOut(call); });

    QObject::connect(job, &QKeychain::Job::finished, job,
                     [call, dataOf = std::move(dataOf)](QKeychain::Job* finished) {
                         if (call->reported) {
                             qCInfo(lcAuth).noquote()
                                 << "The keychain answered a" << call->what << "after"
                                 << call->age.elapsed() << "ms, past its timeout; ignored";
                             return;
                         }
                         const auto outcome = outcomeOf(finished->error());
                         if (outcome == KeychainStore::Outcome::Unavailable ||
                             outcome == KeychainStore::Outcome::Failed)
                             qCWarning(lcAuth).noquote() << "Keychain" << call->what
                                                         << "failed:" << finished->errorString();
                         const QByteArray data = outcome == KeychainStore::Outcome::Ok && dataOf
                                                     ? dataOf(finished)
                                                     : QByteArray();
                         report(call, outcome, data, finished->errorString());
                     });
    waitingCalls().push_back(call);
    call->timer->start(std::chrono::milliseconds(call->timeoutMs));
    job->start();
}

// After a timeout the keychain is not asked again: the answer comes at once,
// but later, as from a job.
bool answeredWithoutKeychain(KeychainStore* store, KeychainStore::Done& done) {
    if (!g_timedOut)
        return false;
    QTimer::singleShot(0, store, [done = std::move(done)] {
        if (done)
            done(KeychainStore::Outcome::Unavailable, {},
                 u"The keychain did not answer earlier in this run"_s);
    });
    return true;
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service)) {}

void KeychainStore::setTimeout(std::chrono::milliseconds timeout) {
    g_timeoutMs = qMax<qint64>(0, timeout.count());
}

std::chrono::milliseconds KeychainStore::timeout() {
    return std::chrono::milliseconds(g_timeoutMs.load());
}

bool KeychainStore::hasTimedOut() {
    return g_timedOut;
}

void KeychainStore::forgetTimeout() {
    g_timedOut = false;
}

void KeychainStore::read(const QString& key, Done done) {
    if (answeredWithoutKeychain(this, done))
        return;
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    startJob(this, job, u"read"_s, std::move(done), [](QKeychain::Job* finished) {
        return static_cast<QKeychain::ReadPasswordJob*>(finished)->binaryData();
    });
}

void KeychainStore::write(const QString& key, const QByteArray& data, Done done) {
    if (answeredWithoutKeychain(this, done))
        return;
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(data);
    startJob(this, job, u"write"_s, std::move(done));
}

void KeychainStore::remove(const QString& key, Done done) {
    if (answeredWithoutKeychain(this, done))
        return;
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    startJob(this, job, u"delete"_s, std::move(done));
}

} // namespace bizy
