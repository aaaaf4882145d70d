#pragma once

#include <QNetworkInformation>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace bizy {

class SyncEngine;

// When an account's sync engine runs a round: a short debounce after a local
// change, a periodic timer, a regained network, a login that came back, and
// retries with backoff (5 s doubling to 5 min) after a failed round. Pausing
// stops all of them; syncNow() works paused too, since the user asked.
class SyncScheduler : public QObject {
    Q_OBJECT
public:
    explicit SyncScheduler(SyncEngine* engine, QObject* parent = nullptr);

    // Starts the triggers and syncs once; until then nothing starts a round.
    void start();
    void stop();
    bool isStarted() const { return m_started; }

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    void setDebounceMs(int milliseconds);
    void setIntervalMs(int milliseconds); // the periodic timer; 0 turns it off
    // The first retry's delay and the most it doubles to (5 s and 5 min).
    void setRetryDelaysMs(int first, int max);
    // The delay of the retry scheduled after the last failed round; 0 after a success.
    int retryDelayMs() const { return m_retryDelayMs; }

public slots:
    // A round now (or right after the running one), pause or not.
    void syncNow();

signals:
    void pausedChanged(bool paused);

private:
    bool isActive() const { return m_started && !m_paused; }
    void onLocalChange();
    void onRoundFinished(bool ok);
    void onReachabilityChanged(QNetworkInformation::Reachability reachability);
    void onNetworkReachable();
    void scheduleRetry();
    void stopTimers();

    QPointer<SyncEngine> m_engine;
    bool m_started = false;
    bool m_paused = false;
    int m_retryDelayMs = 0;
    int m_firstRetryMs;
    int m_maxRetryMs;
    QTimer m_debounce;
    QTimer m_interval;
    QTimer m_retry;
};

} // namespace bizy
