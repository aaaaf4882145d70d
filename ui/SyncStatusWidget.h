#pragma once

#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QLabel;
class QProgressBar;
class QToolButton;

namespace bizy {

class LocalStore;
class Session;

// The status bar's word on sync: what the engine is doing (Synced 2 minutes
// ago, Syncing…, Offline — changes are kept, Log in to sync, Sync error), a busy
// bar during a round, and a button that appears when the conflict journal
// holds entries. Without an engine it says the user works offline.
class SyncStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit SyncStatusWidget(LocalStore* store, QWidget* parent = nullptr);

    // Follows `engine` and `session` (both may be null: not logged in).
    void setSync(Session* session, SyncEngine* engine);

    QString text() const;
    QString details() const; // the tooltip
    bool isBusy() const;
    QString conflictsText() const; // empty when the button is hidden

    // The words for a state, for `now`; `received` rows during a pull.
    static QString stateText(SyncEngine::State state, const std::optional<QDateTime>& lastSynced,
                             const QString& error, const QDateTime& now, qint64 received = 0);
    // "just now", "2 minutes ago", "3 hours ago", "on 28.11.26 14:05"
    static QString relativeTime(const QDateTime& when, const QDateTime& now);

public slots:
    void refresh();

signals:
    void conflictsRequested();

private:
    void updateConflicts();

    QPointer<LocalStore> m_store;
    QPointer<Session> m_session;
    QPointer<SyncEngine> m_engine;
    QProgressBar* m_busy = nullptr;
    QLabel* m_label = nullptr;
    QToolButton* m_conflicts = nullptr;
    QTimer m_clock;     // "2 minutes ago" ages
    QTimer m_busyDelay; // a quick round does not flash the busy bar
    qint64 m_received = 0;
    QString m_error;
};

} // namespace bizy
