#include "SyncDevice.h"

#include <QMetaEnum>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::SyncEngine;

namespace {

template <typename Enum> QString enumName(Enum value) {
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(int(value)));
}

} // namespace

SyncDevice::SyncDevice(QString name, QString serverHost, quint16 serverPort, QString username,
                       QString password, QString storePath, QObject* parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_serverHost(std::move(serverHost))
    , m_serverPort(serverPort)
    , m_username(std::move(username))
    , m_password(std::move(password))
    , m_storePath(std::move(storePath))
    , m_retryPolicy(testRetryPolicy()) {
    if (m_storePath.isEmpty()) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_storePath = m_dir->filePath(m_name + u".sqlite"_s);
    }
    m_proxy = std::make_unique<FaultProxy>(m_serverHost, m_serverPort);
}

SyncDevice::~SyncDevice() {
    close();
}

bizy::RetryPolicy SyncDevice::testRetryPolicy() {
    bizy::RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.baseDelayMs = 50;
    policy.maxDelayMs = 400;
    policy.maxRetryAfterSeconds = 1;
    return policy;
}

void SyncDevice::setRetryPolicy(const bizy::RetryPolicy& policy) {
    m_retryPolicy = policy;
    if (m_api)
        m_api->setRetryPolicy(policy);
}

void SyncDevice::setTimeoutMs(int milliseconds) {
    m_timeoutMs = milliseconds;
    if (m_api)
        m_api->setDefaultTimeoutMs(milliseconds);
}

QString SyncDevice::deviceId() const {
    return m_client ? m_client->deviceId() : QString();
}

bool SyncDevice::open(QString* error) {
    const auto fail = [&](const QString& message) {
        if (error)
            *error = m_name + u": "_s + message;
        close();
        return false;
    };
    if (m_client)
        return true;
    if (m_proxy->port() == 0) { // not listening yet
        QString proxyError;
        if (!m_proxy->start(&proxyError))
            return fail(u"proxy: "_s + proxyError);
    }
    auto opened = bizy::StoreClient::open(m_storePath);
    if (!opened)
        return fail(u"store: "_s + opened.error().message);
    m_client = std::move(opened).value();
    m_store = BlockingStore(m_client.get());
    m_api = std::make_unique<bizy::ApiClient>(m_proxy->url());
    m_api->setRetryPolicy(m_retryPolicy);
    m_api->setDefaultTimeoutMs(m_timeoutMs);
    m_session = std::make_unique<bizy::Session>(m_api.get());
    m_syncStore = std::make_unique<bizy::LocalSyncStore>(m_client.get());
    m_transport = std::make_unique<bizy::ApiSyncTransport>(m_api.get(), m_session.get());
    m_engine = std::make_unique<SyncEngine>(m_syncStore.get(), m_transport.get());
    m_scheduler = std::make_unique<bizy::SyncScheduler>(m_engine.get());
    QString loginError;
    if (!login(&loginError))
        return fail(loginError);
    return true;
}

bool SyncDevice::login(QString* error) {
    QString message;
    const auto connection = connect(m_session.get(), &bizy::Session::errorOccurred, this,
                                    [&message](const QString& text) { message = text; });
    m_session->login(m_username, m_password);
    const bool done = QTest::qWaitFor(
        [&] { return m_session->state() == bizy::Session::State::LoggedIn || !message.isEmpty(); },
        30000);
    disconnect(connection);
    if (m_session->state() == bizy::Session::State::LoggedIn)
        return true;
    if (error)
        *error =
            u"login as %1 failed: %2"_s.arg(m_username, done ? message : u"no answer in 30 s"_s);
    return false;
}

void SyncDevice::close() {
    m_scheduler.reset();
    m_engine.reset();
    m_transport.reset();
    m_syncStore.reset();
    m_session.reset();
    m_api.reset();
    m_store = BlockingStore();
    m_client.reset();
}

bool SyncDevice::reopen(QString* error) {
    close();
    return open(error);
}

QString SyncDevice::describe() const {
    if (!m_engine)
        return m_name + u": closed"_s;
    return u"%1: state=%2 error='%3' pending=%4 conflicts=%5"_s.arg(
        m_name, enumName(m_engine->state()), m_engine->lastError(),
        QString::number(m_store.pendingCount().value()),
        QString::number(m_store.conflictCount().value()));
}

bool SyncDevice::sync(int timeoutMs) {
    m_lastSyncOk = false;
    if (!m_engine) {
        m_lastSyncMessage = m_name + u": not open"_s;
        return false;
    }
    // A round already running (or chained to one) is not ours: let it end.
    if (!QTest::qWaitFor([this] { return !m_engine->isRunning(); }, timeoutMs)) {
        m_lastSyncMessage = describe() + u" (an earlier round did not end)"_s;
        return false;
    }
    bool finished = false;
    bool ok = false;
    const auto connection =
        connect(m_engine.get(), &SyncEngine::roundFinished, this, [&finished, &ok](bool result) {
            if (!finished) {
                finished = true;
                ok = result;
            }
        });
    m_engine->syncNow();
    const bool ended = QTest::qWaitFor([&finished] { return finished; }, timeoutMs);
    disconnect(connection);
    m_lastSyncOk = ended && ok;
    m_lastSyncMessage = describe();
    if (!ended)
        m_lastSyncMessage += u" (no roundFinished in %1 ms)"_s.arg(timeoutMs);
    return m_lastSyncOk;
}

bool SyncDevice::syncUntilOk(int rounds, int timeoutMs) {
    for (int i = 0; i < rounds; ++i) {
        if (sync(timeoutMs))
            return true;
    }
    return false;
}
