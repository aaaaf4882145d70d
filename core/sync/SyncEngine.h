#pragma once

#include "net/ApiError.h"
#include "sync/SyncStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace bizy {

class SyncTransport;
struct ApiReply;
struct OutboxMutation;

// Keeps one account's store in step with the server (docs/api.md section 6):
// a round pushes the outbox in batches, then pulls until `has_more` is false,
// and lets the store replay unsent changes on top of what arrived. A pull that
// answers a new epoch (a server restored from a backup) turns the round into
// a restore: a reload after which what the server lacks is pushed again. One
// round runs at a time; a request during a round makes another one follow it. The
// engine runs on its caller's thread and waits on nothing: the store's work
// runs on its worker (SyncStore futures) and the server's answers arrive as
// callbacks. When rounds start is SyncScheduler's business.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    enum class State {
        Idle,       // nothing running; the last round succeeded (or none ran yet)
        Syncing,    // a round is running
        Offline,    // the server could not be reached
        NeedsLogin, // there is no usable session: the user must log in
        Error       // the server or the store refused the round; lastError() says why
    };
    Q_ENUM(State)

    SyncEngine(SyncStore* store, SyncTransport* transport, QObject* parent = nullptr);
    ~SyncEngine() override;

    State state() const { return m_state; }
    // Follow the store's change events (known once ready() was emitted).
    qsizetype pendingCount() const { return m_pending; }
    std::optional<QDateTime> lastSyncedAt() const { return m_lastSyncedAt; }
    QString lastError() const { return m_lastError; }
    bool isRunning() const { return m_round.has_value(); }
    bool isLoggedIn() const;

    void setPushBatchSize(int mutations); // at most 100 (the server's limit)
    void setPullLimit(int rows);          // at most 1000

public slots:
    // Starts a round now, or right after the running one.
    void syncNow();

signals:
    // The pending count and last sync time were read from the store.
    void ready();
    void stateChanged(bizy::SyncEngine::State state);
    void pendingCountChanged(qsizetype pending);
    // A round completed: everything pushed and pulled.
    void synced(const QDateTime& at);
    // A round ended, well or not (tests, the scheduler and "Sync now" wait for this).
    void roundFinished(bool ok);
    // During a pull: rows applied so far in this round, and the cursor reached.
    void pullProgress(qint64 rowsApplied, qint64 cursor);
    void conflictsAdded(int count);
    void errorOccurred(const QString& message);
    // A login came back (the scheduler syncs then, if it waits for one).
    void loggedIn();

private:
    struct Round {
        quint64 id = 0;    // answers and store results of an earlier round are dropped
        qint64 cursor = 0; // the cursor the next page is pulled from
        bool reloading = false;
        qint64 pulledRows = 0;
        int resets = 0;
        bool resequenced = false;
        QString storedEpoch;    // the epoch the store holds
        QString epoch;          // the epoch the server answers
        bool restoring = false; // reloading after a new epoch (a restored server)
    };

    bool isCurrent(quint64 round) const { return m_round && m_round->id == round; }
    void beginRound();
    void pushNext();
    void sendBatch(const QList<OutboxMutation>& sealed);
    void handlePushReply(const QList<OutboxMutation>& sent, const ApiReply& reply);
    void resequence(qint64 expected, qint64 firstSent);
    // Forgets the pulled history (unsent changes stay), then goes on with `next`.
    void reloadThen(void (SyncEngine::*next)());
    void pullNext();
    void handlePullReply(qint64 requestedCursor, const ApiReply& reply);
    // The server answered another epoch: it was restored from a backup.
    void beginEpochRestore(const QString& epoch);
    // Runs `next` once the store's work is done, unless it failed (then the round does).
    void afterStore(const QFuture<Status>& work, std::function<void()> next);
    void finishPull();
    void finishRound();
    void failRound(const ApiError& error);
    void failRound(State state, const QString& message);
    void setState(State state);

    QPointer<SyncStore> m_store;
    QPointer<SyncTransport> m_transport;
    State m_state = State::Idle;
    QString m_lastError;
    std::optional<Round> m_round;
    bool m_again = false;
    int m_pushBatchSize = 100;
    int m_pullLimit = 1000;
    quint64 m_lastRoundId = 0;
    qsizetype m_pending = 0;
    std::optional<QDateTime> m_lastSyncedAt;
};

} // namespace bizy
