#pragma once

#include "net/ApiError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace bizy {

class ApiClient;
class LocalStore;
class Session;
struct ApiReply;
struct OutboxMutation;

// Keeps one account's LocalStore in step with the server (API.md section 6):
// pushes the outbox in batches, then pulls until `has_more` is false, and lets
// the store replay unsent changes on top of what arrived. A round starts a
// short debounce after a local change, on a periodic timer, when the network
// comes back, and on syncNow(). One round runs at a time; a request during a
// round makes another one follow it.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    enum class State {
        Idle,       // nothing running; the last round succeeded (or none ran yet)
        Syncing,    // a round is running
        Offline,    // the server could not be reached; retried with backoff
        NeedsLogin, // there is no usable session: the user must log in
        Error       // the server refused the round; lastError() says why
    };
    Q_ENUM(State)

    // `session` tells whether someone is logged in; requests go through `api`,
    // which has the session as its token provider.
    SyncEngine(LocalStore* store, ApiClient* api, Session* session, QObject* parent = nullptr);
    ~SyncEngine() override;

    State state() const { return m_state; }
    qsizetype pendingCount() const;
    std::optional<QDateTime> lastSyncedAt() const;
    QString lastError() const { return m_lastError; }
    bool isRunning() const { return m_round.has_value(); }

    // Starts the triggers (debounce, timer, network); until then only syncNow() syncs.
    void start();
    void stop();

    void setDebounceMs(int milliseconds);
    void setIntervalMs(int milliseconds); // the periodic timer; 0 turns it off
    void setPushBatchSize(int mutations); // at most 100 (the server's limit)
    void setPullLimit(int rows);          // at most 1000

public slots:
    // Starts a round now, or right after the running one.
    void syncNow();

signals:
    void stateChanged(bizy::SyncEngine::State state);
    void pendingCountChanged(qsizetype pending);
    // A round completed: everything pushed and pulled.
    void synced(const QDateTime& at);
    // A round ended, well or not (tests and "Sync now" buttons wait for this).
    void roundFinished(bool ok);
    // During a pull: rows applied so far in this round, and the cursor reached.
    void pullProgress(qint64 rowsApplied, qint64 cursor);
    void conflictsAdded(int count);
    void errorOccurred(const QString& message);

private:
    struct Round {
        quint64 id = 0; // answers of an earlier round are dropped
        qint64 pulledRows = 0;
        int resets = 0;
        bool resequenced = false;
    };

    void beginRound();
    void pushNext();
    void handlePushReply(const QList<OutboxMutation>& sent, const ApiReply& reply);
    void pullNext(qint64 cursor);
    void handlePullReply(const ApiReply& reply);
    void finishRound();
    void failRound(const ApiError& error);
    void failRound(State state, const QString& message);
    void setState(State state);
    void onLocalChange();
    void onNetworkReachable();
    void scheduleRetry();

    QPointer<LocalStore> m_store;
    QPointer<ApiClient> m_api;
    QPointer<Session> m_session;
    State m_state = State::Idle;
    QString m_lastError;
    std::optional<Round> m_round;
    bool m_again = false;
    bool m_started = false;
    int m_pushBatchSize = 100;
    int m_pullLimit = 1000;
    int m_retryDelayMs = 0;
    qsizetype m_pending = 0; // from the store's change events
    std::optional<QDateTime> m_lastSyncedAt;
    quint64 m_lastRoundId = 0;
    QTimer m_debounce;
    QTimer m_interval;
    QTimer m_retry;
};

} // namespace bizy
