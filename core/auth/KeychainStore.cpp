#include "KeychainStore.h"

#include "AuthLog.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

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

// Runs a prepared job and reports once; the job deletes itself.
void runJob(QKeychain::Job* job, QObject* context, const QString& what,
            const KeychainStore::Done& done,
            std::function<QByteArray(QKeychain::Job*)> dataOf = {}) {
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plaintext on disk
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [guard, what, done, dataOf](QKeychain::Job* finished) {
                         if (!guard)
                             return;
                         const auto outcome = outcomeOf(finished->error());
                         if (outcome == KeychainStore::Outcome::Unavailable ||
                             outcome == KeychainStore::Outcome::Failed)
                             qCWarning(lcAuth).noquote()
                                 << "Keychain" << what << "failed:" << finished->errorString();
                         const QByteArray data = outcome == KeychainStore::Outcome::Ok && dataOf
                                                     ? dataOf(finished)
                                                     : QByteArray();
                         if (done)
                             done(outcome, data, finished->errorString());
                     });
    job->start();
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service)) {}

void KeychainStore::read(const QString& key, Done done) {
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(job, this, u"read"_s, done, [](QKeychain::Job* finished) {
        return static_cast<QKeychain::ReadPasswordJob*>(finished)->binaryData();
    });
}

void KeychainStore::write(const QString& key, const QByteArray& data, Done done) {
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(data);
    runJob(job, this, u"write"_s, done);
}

void KeychainStore::remove(const QString& key, Done done) {
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runJob(job, this, u"delete"_s, done);
}

} // namespace bizy
