#include "SyncScheduler.h"

#include "SyncEngine.h"
#include "SyncLog.h"

#include <QNetworkInformation>
#include <algorithm>

namespace bizy {

namespace {

constexpr int kDebounceMs = 2000;
constexpr int kIntervalMs = 5 * 60 * 1000;
constexpr int kFirstRetryMs = 5 * 1000;
constexpr int kMaxRetryMs = 5 * 60 * 1000;

} // namespace

SyncScheduler::SyncScheduler(SyncEngine* engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_firstRetryMs(kFirstRetryMs)
    , m_maxRetryMs(kMaxRetryMs) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    m_interval.setInterval(kIntervalMs);
    m_retry.setSingleShot(true);
    for (QTimer* timer : {&m_debounce, &m_interval, &m_retry})
        connect(timer, &QTimer::timeout, this, &SyncScheduler::syncNow);
    connect(engine, &SyncEngine::pendingCountChanged, this, &SyncScheduler::onLocalChange);
    connect(engine, &SyncEngine::roundFinished, this, &SyncScheduler::onRoundFinished);
    // A round sends every change made before it starts, however it was
    // started (the engine runs one more by itself after a request during a
    // round): a debounce or retry still waiting would only run an empty one.
    connect(engine, &SyncEngine::stateChanged, this, [this](SyncEngine::State state) {
        if (state == SyncEngine::State::Syncing) {
            m_debounce.stop();
            m_retry.stop();
        }
    });
    connect(engine, &SyncEngine::loggedIn, this, [this] {
        if (isActive() && m_engine->state() == SyncEngine::State::NeedsLogin)
            syncNow();
    });
}

void SyncScheduler::start() {
    if (m_started)
        return;
    m_started = true;
    // Where the platform can tell, a regained network starts a round at once
    // instead of waiting for the retry backoff (unless paused by then).
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                &SyncScheduler::onReachabilityChanged);
    if (m_paused)
        return;
    if (m_interval.interval() > 0)
        m_interval.start();
    syncNow();
}

void SyncScheduler::onReachabilityChanged(QNetworkInformation::Reachability reachability) {
    if (reachability == QNetworkInformation::Reachability::Online)
        onNetworkReachable();
}

void SyncScheduler::stop() {
    m_started = false;
    stopTimers();
    if (QNetworkInformation* info = QNetworkInformation::instance())
        disconnect(info, nullptr, this, nullptr);
}

void SyncScheduler::setPaused(bool paused) {
    if (m_paused == paused)
        return;
    m_paused = paused;
    qCInfo(lcSync) << (paused ? "sync paused" : "sync resumed");
    if (paused) {
        stopTimers();
    } else if (m_started) {
        if (m_interval.interval() > 0)
            m_interval.start();
        syncNow();
    }
    emit pausedChanged(paused);
}

void SyncScheduler::setDebounceMs(int milliseconds) {
    m_debounce.setInterval(std::max(0, milliseconds));
}

void SyncScheduler::setIntervalMs(int milliseconds) {
    m_interval.setInterval(std::max(0, milliseconds));
    if (milliseconds <= 0)
        m_interval.stop();
    else if (isActive())
        m_interval.start();
}

void SyncScheduler::setRetryDelaysMs(int first, int max) {
    m_firstRetryMs = std::max(1, first);
    m_maxRetryMs = std::max(m_firstRetryMs, max);
}

void SyncScheduler::syncNow() {
    m_debounce.stop();
    m_retry.stop();
    m_engine->syncNow();
}

void SyncScheduler::onLocalChange() {
    // During a round the outbox changes by the round's own acknowledgements
    // too; onRoundFinished() looks at what is left unsent instead.
    if (!isActive() || m_engine->isRunning())
        return;
    if (m_engine->pendingCount() > 0)
        m_debounce.start();
}

void SyncScheduler::onRoundFinished(bool ok) {
    if (ok) {
        m_retryDelayMs = 0;
        // Changes made while the round ran.
        if (isActive() && m_engine->pendingCount() > 0)
            m_debounce.start();
        return;
    }
    const SyncEngine::State state = m_engine->state();
    if (state == SyncEngine::State::Offline || state == SyncEngine::State::Error)
        scheduleRetry();
}

void SyncScheduler::onNetworkReachable() {
    if (isActive() &&
        (m_engine->state() == SyncEngine::State::Offline || m_engine->pendingCount() > 0))
        syncNow();
}

void SyncScheduler::scheduleRetry() {
    if (!isActive())
        return;
    m_retryDelayMs =
        m_retryDelayMs == 0 ? m_firstRetryMs : std::min(m_retryDelayMs * 2, m_maxRetryMs);
    m_retry.start(m_retryDelayMs);
}

void SyncScheduler::stopTimers() {
    m_debounce.stop();
    m_interval.stop();
    m_retry.stop();
}

} // namespace bizy
