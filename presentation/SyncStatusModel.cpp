#include "SyncStatusModel.h"

#include "TaskText.h"
#include "account/Workspace.h"
#include "auth/Session.h"
#include "store/StoreClient.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {
constexpr int kClockMs = 30 * 1000;
constexpr int kBusyDelayMs = 700;
} // namespace

SyncStatusModel::SyncStatusModel(QObject* parent)
    : QObject(parent) {
    m_clock.setInterval(kClockMs);
    connect(&m_clock, &QTimer::timeout, this, &SyncStatusModel::changed);
    m_clock.start();
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(kBusyDelayMs);
    connect(&m_busyDelay, &QTimer::timeout, this, [this] {
        m_busy = m_engine && m_engine->state() == SyncEngine::State::Syncing;
        emit changed();
    });
}

void SyncStatusModel::setWorkspace(Workspace* workspace) {
    for (QObject* source :
         {static_cast<QObject*>(m_store.data()), static_cast<QObject*>(m_engine.data()),
          static_cast<QObject*>(m_session.data())}) {
        if (source)
            disconnect(source, nullptr, this, nullptr);
    }
    ++m_generation;
    m_store = workspace ? workspace->store() : nullptr;
    m_engine = workspace ? workspace->engine() : nullptr;
    m_session = workspace ? workspace->session() : nullptr;
    m_pending = 0;
    m_conflicts = 0;
    m_received = 0;
    m_error.clear();
    m_busy = false;
    m_busyDelay.stop();
    if (m_store)
        connect(m_store, &StoreClient::changed, this, &SyncStatusModel::onStoreChanged);
    if (m_engine) {
        connect(m_engine, &SyncEngine::stateChanged, this, &SyncStatusModel::onEngineState);
        connect(m_engine, &SyncEngine::pullProgress, this, [this](qint64 rows, qint64) {
            m_received = rows;
            emit changed();
        });
        connect(m_engine, &SyncEngine::errorOccurred, this, [this](const QString& message) {
            m_error = message;
            emit changed();
        });
        connect(m_engine, &SyncEngine::synced, this, [this] {
            m_error.clear();
            emit changed();
        });
        connect(m_engine, &SyncEngine::ready, this, &SyncStatusModel::changed);
    }
    if (m_session)
        connect(m_session, &Session::stateChanged, this, &SyncStatusModel::changed);
    readCounts();
    emit changed();
}

void SyncStatusModel::readCounts() {
    if (!m_store)
        return;
    m_store
        ->run([](LocalStore& store) -> Result<std::pair<qsizetype, qsizetype>> {
            const Result<qsizetype> pending = store.pendingCount();
            if (!pending)
                return pending.error();
            const Result<qsizetype> conflicts = store.conflictCount();
            if (!conflicts)
                return conflicts.error();
            return std::pair{*pending, *conflicts};
        })
        .then(this, [this, generation = m_generation](
                        const Result<std::pair<qsizetype, qsizetype>>& counts) {
            if (generation != m_generation)
                return;
            if (!counts) {
                m_error = counts.error().message;
            } else {
                m_pending = counts->first;
                m_conflicts = counts->second;
            }
            emit changed();
        });
}

void SyncStatusModel::onStoreChanged(const StoreChanges& changes) {
    bool any = false;
    if (changes.pendingCount) {
        m_pending = *changes.pendingCount;
        any = true;
    }
    if (changes.conflictCount) {
        m_conflicts = *changes.conflictCount;
        any = true;
    }
    if (any)
        emit changed();
    if (changes.conflictsAdded > 0)
        emit conflictsArrived(changes.conflictsAdded);
}

void SyncStatusModel::onEngineState(SyncEngine::State state) {
    if (state == SyncEngine::State::Syncing) {
        m_received = 0;
        if (!m_busy && !m_busyDelay.isActive())
            m_busyDelay.start();
    } else {
        m_busyDelay.stop();
        m_busy = false;
    }
    emit changed();
}

std::optional<QDateTime> SyncStatusModel::lastSyncedAt() const {
    return m_engine ? m_engine->lastSyncedAt() : std::nullopt;
}

bool SyncStatusModel::isLoggedIn() const {
    return m_session && m_session->isLoggedIn();
}

bool SyncStatusModel::isLoggingIn() const {
    return m_session && m_session->state() == Session::State::LoggingIn;
}

QString SyncStatusModel::username() const {
    return m_session ? m_session->claims().username : QString();
}

SyncStatusModel::Health SyncStatusModel::health() const {
    if (!m_engine)
        return Health::LocalOnly;
    if (m_conflicts > 0)
        return Health::NeedsAttention;
    switch (m_engine->state()) {
    case SyncEngine::State::Idle:
        return Health::Synced;
    case SyncEngine::State::Syncing:
        return Health::Syncing;
    case SyncEngine::State::Offline:
        return Health::Offline;
    case SyncEngine::State::NeedsLogin:
    case SyncEngine::State::Error:
        return Health::NeedsAttention;
    }
    return Health::Synced;
}

QString SyncStatusModel::relativeTime(const QDateTime& when, const QDateTime& now) {
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 24 * 3600)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return tr("on %1").arg(TaskText::dateTime(when));
}

QString SyncStatusModel::stateText(SyncEngine::State state,
                                   const std::optional<QDateTime>& lastSynced, const QString& error,
                                   const QDateTime& now, qint64 received) {
    switch (state) {
    case SyncEngine::State::Idle:
        return lastSynced ? tr("Synced %1").arg(relativeTime(*lastSynced, now))
                          : tr("Not synced yet");
    case SyncEngine::State::Syncing:
        return received > 0 ? tr("Syncing\u2026 %1 received").arg(QLocale().toString(received))
                            : tr("Syncing\u2026");
    case SyncEngine::State::Offline:
        return tr("Offline \u2014 changes are kept");
    case SyncEngine::State::NeedsLogin:
        return tr("Log in to sync");
    case SyncEngine::State::Error:
        return error.isEmpty() ? tr("Sync error") : tr("Sync error: %1").arg(error);
    }
    return {};
}

QString SyncStatusModel::text() const {
    if (!m_engine)
        return tr("Not logged in \u2014 working offline");
    const QString error = m_engine->lastError().isEmpty() ? m_error : m_engine->lastError();
    // One line for a status bar; the whole message is in details().
    return stateText(m_engine->state(), m_engine->lastSyncedAt(), error.section(u'\n', 0, 0),
                     QDateTime::currentDateTimeUtc(), m_received);
}

QString SyncStatusModel::details() const {
    QStringList lines;
    if (!m_engine) {
        lines << tr("Your tasks are kept on this computer only.")
              << tr("Log in (Sync menu) to keep them in step with your other devices.");
        return lines.join(u'\n');
    }
    const SyncEngine::State state = m_engine->state();
    const QString error = m_engine->lastError().isEmpty() ? m_error : m_engine->lastError();
    if (isLoggedIn())
        lines << tr("Logged in as %1").arg(username());
    if (const std::optional<QDateTime> last = m_engine->lastSyncedAt())
        lines << tr("Last synced: %1").arg(TaskText::dateTime(*last));
    else
        lines << tr("Not synced yet");
    lines << tr("%n change(s) waiting to sync", nullptr, int(m_pending));
    if (state == SyncEngine::State::Offline)
        lines << tr("The server cannot be reached; Bizy tries again by itself.");
    if (!error.isEmpty() && state != SyncEngine::State::Idle && state != SyncEngine::State::Syncing)
        lines << error;
    return lines.join(u'\n');
}

QString SyncStatusModel::pendingText() const {
    return m_pending == 0 ? tr("No changes waiting to sync")
                          : tr("%n change(s) waiting to sync", nullptr, int(m_pending));
}

QString SyncStatusModel::conflictText() const {
    return m_conflicts > 0 ? tr("%n conflict(s)", nullptr, int(m_conflicts)) : QString();
}

} // namespace bizy
