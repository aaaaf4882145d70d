#include "BenchClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <ctime>

using namespace Qt::StringLiterals;
using bizy::Session;
using bizy::SyncEngine;

BenchClient::BenchClient(QString baseUrl, QString username, QString password)
    : m_baseUrl(std::move(baseUrl))
    , m_username(std::move(username))
    , m_password(std::move(password)) {}

BenchClient::~BenchClient() {
    m_engine.reset();
    m_transport.reset();
    m_syncStore.reset();
    m_session.reset();
    m_api.reset();
    m_store.reset();
}

bool BenchClient::open(QString* error) {
    auto opened = bizy::StoreClient::open(m_dir.filePath(u"bench.sqlite"_s));
    if (!opened) {
        *error = u"store: "_s + opened.error().message;
        return false;
    }
    m_store = std::move(opened).value();
    m_api = std::make_unique<bizy::ApiClient>(QUrl(m_baseUrl));
    m_session = std::make_unique<Session>(m_api.get());
    m_syncStore = std::make_unique<bizy::LocalSyncStore>(m_store.get());
    m_transport = std::make_unique<bizy::ApiSyncTransport>(m_api.get(), m_session.get());
    m_engine = std::make_unique<SyncEngine>(m_syncStore.get(), m_transport.get());

    QEventLoop loop;
    QString message;
    QObject::connect(m_session.get(), &Session::stateChanged, &loop, [&loop](Session::State s) {
        if (s == Session::State::LoggedIn)
            loop.quit();
    });
    QObject::connect(m_session.get(), &Session::errorOccurred, &loop, [&](const QString& text) {
        message = text;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    m_session->login(m_username, m_password);
    if (!m_session->isLoggedIn())
        loop.exec();
    if (!m_session->isLoggedIn()) {
        *error = u"login failed: "_s + (message.isEmpty() ? u"no answer in 60 s"_s : message);
        return false;
    }
    return true;
}

bool BenchClient::round(Round* round, QString* error) {
    *round = {};
    QEventLoop loop;
    bool finished = false;
    bool ok = false;
    QObject::connect(m_engine.get(), &SyncEngine::roundFinished, &loop, [&](bool result) {
        finished = true;
        ok = result;
        loop.quit();
    });
    QObject::connect(m_engine.get(), &SyncEngine::pullProgress, &loop,
                     [round](qint64 rows, qint64) {
                         round->pulledRows = rows;
                         ++round->pullPages;
                     });
    QElapsedTimer wall;
    QObject::connect(m_engine.get(), &SyncEngine::pendingCountChanged, &loop,
                     [round, &wall](qsizetype pending) {
                         if (pending == 0 && round->pushedAtMs < 0)
                             round->pushedAtMs = double(wall.nsecsElapsed()) / 1e6;
                     });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    const std::clock_t cpu = std::clock();
    wall.start();
    m_engine->syncNow();
    if (!finished)
        loop.exec();
    round->wallMs = double(wall.nsecsElapsed()) / 1e6;
    round->cpuMs = 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC;
    if (!finished || !ok) {
        *error = u"sync round %1: state %2, %3"_s.arg(
            finished ? u"failed"_s : u"did not end in 600 s"_s,
            QString::number(int(m_engine->state())), m_engine->lastError());
        return false;
    }
    return true;
}
