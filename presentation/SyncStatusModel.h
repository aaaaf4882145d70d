#pragma once

#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace bizy {

class Session;
class StoreClient;
class Workspace;
struct StoreChanges;

// The one place that says how sync stands, for the status bar and the tray:
// the state in words ("Synced 2 minutes ago", "Syncing…", "Offline — changes
// are kept", "Log in to sync", "Sync error: …"), the details for a tooltip,
// whether to show a busy indicator, what waits to be sent, how many conflicts
// wait for the user, and who is logged in. It follows a workspace and
// survives the workspace being replaced.
class SyncStatusModel : public QObject {
    Q_OBJECT
public:
    // At a glance, as a tray icon shows it.
    enum class Health { LocalOnly, Synced, Syncing, Offline, NeedsAttention };
    Q_ENUM(Health)

    explicit SyncStatusModel(QObject* parent = nullptr);

    void setWorkspace(Workspace* workspace);

    QString text() const;
    QString details() const;
    Health health() const;
    // A round has lasted long enough that a busy indicator does not flash.
    bool isBusy() const { return m_busy; }
    qsizetype pendingCount() const { return m_pending; }
    QString pendingText() const;
    qsizetype conflictCount() const { return m_conflicts; }
    // "2 conflicts", empty when there are none.
    QString conflictText() const;
    std::optional<QDateTime> lastSyncedAt() const;

    bool hasSync() const { return m_engine != nullptr; }
    // Sync stopped for a login (expired or refused), not merely not yet restored.
    bool needsLogin() const {
        return m_engine && m_engine->state() == SyncEngine::State::NeedsLogin;
    }
    bool isLoggedIn() const;
    bool isLoggingIn() const;
    QString username() const;

    // The words for a state, for `now`; `received` rows during a pull.
    static QString stateText(SyncEngine::State state, const std::optional<QDateTime>& lastSynced,
                             const QString& error, const QDateTime& now, qint64 received = 0);
    // "just now", "2 minutes ago", "3 hours ago", "on 28.11.26 14:05"
    static QString relativeTime(const QDateTime& when, const QDateTime& now);

signals:
    void changed();
    // New journal entries arrived (say so once; the count stays in conflictCount()).
    void conflictsArrived(int count);

private:
    void readCounts();
    void onStoreChanged(const StoreChanges& changes);
    void onEngineState(SyncEngine::State state);

    QPointer<StoreClient> m_store;
    QPointer<SyncEngine> m_engine;
    QPointer<Session> m_session;
    qsizetype m_pending = 0;
    qsizetype m_conflicts = 0;
    qint64 m_received = 0;
    QString m_error;
    bool m_busy = false;
    quint64 m_generation = 0;
    QTimer m_clock;     // "2 minutes ago" ages
    QTimer m_busyDelay; // a quick round does not flash the busy indicator
};

} // namespace bizy
