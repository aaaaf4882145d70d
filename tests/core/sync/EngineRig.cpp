#include "EngineRig.h"

#include <QEventLoop>
#include <QMetaEnum>
#include <QTimer>

using namespace Qt::StringLiterals;
using bizy::SyncEngine;

EngineRig::EngineRig()
    : m_path(m_dir.filePath(u"device.sqlite"_s)) {}

EngineRig::~EngineRig() {
    // The engine first: the store's worker finishes the jobs it posted.
    m_engine.reset();
    m_syncStore.reset();
    m_store = BlockingStore();
    m_client.reset();
}

bool EngineRig::open(QString* error) {
    auto opened = bizy::StoreClient::open(m_path);
    if (!opened) {
        *error = opened.error().message;
        return false;
    }
    m_client = std::move(opened).value();
    m_store = BlockingStore(m_client.get());
    m_syncStore = std::make_unique<bizy::LocalSyncStore>(m_client.get());
    m_engine = std::make_unique<SyncEngine>(m_syncStore.get(), &m_server);
    connect(m_engine.get(), &SyncEngine::roundFinished, this,
            [this](bool ok) { m_rounds.append(ok); });
    connect(m_engine.get(), &SyncEngine::synced, this, [this] { ++m_synced; });
    return true;
}

bool EngineRig::waitFor(const std::function<bool()>& done, int timeoutMs) {
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

bool EngineRig::sync(int timeoutMs) {
    if (!waitFor([this] { return !m_engine->isRunning(); }, timeoutMs))
        return false;
    const qsizetype before = m_rounds.size();
    m_engine->syncNow();
    if (!waitFor([&] { return m_rounds.size() > before; }, timeoutMs))
        return false;
    return m_rounds.at(before);
}

QString EngineRig::createTask(const QString& title, const QJsonObject& more) {
    QJsonObject fields = more;
    fields.insert(u"title"_s, title);
    const bizy::Result<bizy::Task> task = m_store.createTask(fields);
    if (!task)
        qFatal("cannot create a task: %s", qPrintable(task.error().message));
    return task->uuid;
}

QStringList EngineRig::localTitles() const {
    QStringList titles;
    for (const bizy::Task& task : m_store.tasks().value())
        titles.append(task.title);
    titles.sort();
    return titles;
}

qsizetype EngineRig::pending() const {
    return m_store.pendingCount().value();
}

QString EngineRig::describe() const {
    return u"state=%1 error='%2' pending=%3 requests=%4"_s.arg(
        QString::fromLatin1(
            QMetaEnum::fromType<SyncEngine::State>().valueToKey(int(m_engine->state()))),
        m_engine->lastError(), QString::number(pending()),
        QString::number(m_server.requests().size()));
}
