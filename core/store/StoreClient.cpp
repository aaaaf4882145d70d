#include "StoreClient.h"

#include "StoreLog.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bizy {

StoreClient::StoreClient(QObject* parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>()) {
    static const int registered = qRegisterMetaType<StoreChanges>();
    Q_UNUSED(registered);
}

Result<std::unique_ptr<StoreClient>> StoreClient::open(const QString& path, QObject* parent) {
    std::unique_ptr<StoreClient> client(new StoreClient(parent));
    client->m_thread->setObjectName(u"bizy.store"_s);
    client->m_thread->start();
    // Opened on the worker, so the connection belongs to it. The promise is
    // shared: the worker may still be finishing it when the wait below returns.
    auto opening = std::make_shared<QPromise<Result<LocalStore*>>>();
    QFuture<Result<LocalStore*>> opened = opening->future();
    opening->start();
    auto* context = new QObject;
    context->moveToThread(client->m_thread.get());
    QMetaObject::invokeMethod(
        context,
        [opening, path, context] {
            Result<std::unique_ptr<LocalStore>> store = LocalStore::open(path);
            opening->addResult(store ? Result<LocalStore*>(store.value().release())
                                     : Result<LocalStore*>(store.error()));
            opening->finish();
            context->deleteLater();
        },
        Qt::QueuedConnection);
    opened.waitForFinished();
    const Result<LocalStore*> store = opened.result();
    if (!store)
        return store.error();
    client->m_store = *store;
    client->m_path = path;
    client->m_deviceId = client->m_store->deviceId();
    connect(client->m_store, &LocalStore::changed, client.get(), &StoreClient::changed,
            Qt::QueuedConnection);
    return client;
}

StoreClient::~StoreClient() {
    if (!m_store) { // never opened
        m_thread->quit();
        m_thread->wait();
        return;
    }
    // The last job: everything posted before it still runs, then the store
    // closes on its own thread and the worker stops.
    QMetaObject::invokeMethod(
        m_store,
        [store = m_store] {
            delete store;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    qCDebug(lcStore) << "store worker stopped for" << m_path;
}

} // namespace bizy
