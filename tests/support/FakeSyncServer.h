#pragma once

#include "net/ApiError.h"
#include "net/ApiReply.h"
#include "sync/SyncTransport.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

// bizy-server's sync endpoints (docs/api.md section 6) in memory, behind the
// SyncTransport the engine talks to, so the engine's state machine can be
// driven in milliseconds: rows by uuid stamped from one version counter,
// upserts whose fields overwrite, deletes that leave tombstones, mids checked
// per device (409 "mutation gap: expected mid N" as server/sync/SyncPush.cpp
// words it), replays answered with the first answer, and pull pages by
// version. It stands in for one user's server, not for its rules: no field
// validation beyond `title`, no merged results, no relations.
//
// Answers arrive later on the event loop, as over a network, and the knobs
// script what the engine must survive: resets, a restored backup, failed or
// lost calls, answers held back and released, a delay, a new epoch. Every
// call is logged.
class FakeSyncServer : public bizy::SyncTransport {
    Q_OBJECT
public:
    enum class Call { Push, Pull };

    // One call received, and what became of it.
    struct Request {
        Call call = Call::Pull;
        // Pull: the query.
        qint64 cursor = 0;
        int limit = 0;
        bool reload = false;
        // Push: the mids sent, in order.
        QList<qint64> mids;
        // The answer: 200, an HTTP error status, or 0 when no answer came back
        // (network failure, timeout, lost answer).
        int status = 0;
        bool carriedOut = false; // it reached the data (false when refused or failed)
        bool reset = false;      // a pull answered `reset`
        bool delivered = false;  // the callback ran (held answers are not yet)
    };

    // A row as the server keeps it: the fields written so far, or a tombstone.
    struct Row {
        QString entity; // "task" or "goal"
        QString uuid;
        qint64 id = 0; // 0 for a tombstone of a row the server never had
        qint64 version = 0;
        bool deleted = false;
        QJsonObject fields;
    };

    // Everything the server stores, as a backup holds it (see restore()).
    struct Data {
        QHash<QString, Row> rows; // by uuid
        qint64 counter = 0;       // the user's version counter
        qint64 nextId = 1;
        QHash<QString, qint64> lastMids;                   // by device id
        QHash<QString, QMap<qint64, QJsonObject>> results; // by device id, by mid: first answers
        QString epoch = newEpochText();                    // every pull answer carries it
    };

    explicit FakeSyncServer(QObject* parent = nullptr);

    // SyncTransport
    bool isLoggedIn() const override { return m_loggedIn; }
    void push(const QJsonObject& body, QObject* context, Callback done) override;
    void pull(qint64 cursor, int limit, bool reload, QObject* context, Callback done) override;

    // The session: loginChanged() is emitted on every change. Calls made
    // while logged out answer 401.
    void setLoggedIn(bool loggedIn);

    // What the server holds.
    std::optional<Row> row(const QString& uuid) const;
    // Live rows (no tombstones), oldest version first.
    QList<Row> liveRows() const;
    QStringList liveTitles() const; // sorted, for comparisons
    qint64 counter() const { return m_data.counter; }
    qint64 lastMid(const QString& deviceId) const { return m_data.lastMids.value(deviceId); }

    // Writes by another device or through REST: each stamps the next version.
    Row write(const QString& entity, const QString& uuid, const QJsonObject& fields);
    void remove(const QString& uuid);

    // A restored backup: everything goes back to `data`, so the server forgets
    // the versions and mids it acknowledged since (pulls beyond its counter
    // answer `reset`, pushes beyond its last_mid a gap).
    Data backup() const { return m_data; }
    void restore(const Data& data) { m_data = data; }
    // `bizy-server new-epoch`, run after a restore: pulls answer another epoch.
    void newEpoch() { m_data.epoch = newEpochText(); }
    QString epoch() const { return m_data.epoch; }
    static QString newEpochText();

    // Scripts. Each applies to the calls that arrive after it is set.
    // The next `count` pulls answer `reset`.
    void answerResetOnNextPulls(int count) { m_resets = count; }
    // The next `count` calls never reach the server: they answer `error`.
    // An Unauthorized error ends the session too, as Session does on a
    // refused token.
    void failNextCalls(int count, const bizy::ApiError& error);
    // The next `count` calls are carried out, but their answer is lost on
    // the way back: the engine sees a network error.
    void loseNextAnswers(int count) { m_losses = count; }
    // Upserts of `uuid` are rejected with this code from now on.
    void rejectUpsertsOf(const QString& uuid, const QString& code, const QString& message);
    // Each answer arrives this much later (0: on the next turn of the event loop).
    void setDelayMs(int milliseconds) { m_delayMs = milliseconds; }
    // While holding, answers are kept back until released, oldest first.
    void setHoldingAnswers(bool holding) { m_holding = holding; }
    qsizetype heldCount() const { return m_held.size(); }
    void releaseHeldAnswers(qsizetype count = -1);

    // The calls received, oldest first.
    const QList<Request>& requests() const { return m_requests; }
    QList<Request> requests(Call call) const;

    // An error status the way ApiClient reports it (kind, status, detail).
    static bizy::ApiError httpError(int status, const QString& detail = {});

signals:
    // A call arrived and was handled (its index in requests()); its answer
    // is on its way or held.
    void requestReceived(qsizetype index);

private:
    struct Pending {
        qsizetype request = 0;
        QPointer<QObject> context;
        Callback done;
        bizy::ApiReply reply;
    };

    // The answer to a call that is carried out (not failed before it).
    bizy::ApiReply answerPush(const QJsonObject& body, Request& request);
    bizy::ApiReply answerPull(Request& request);
    QJsonObject apply(const QJsonObject& mutation);
    QJsonObject upsert(const QString& entity, const QString& uuid, const QJsonObject& fields,
                       qint64 mid);
    QJsonObject erase(const QString& entity, const QString& uuid, qint64 mid);
    QJsonObject replayed(const QJsonObject& mutation) const;
    static QJsonObject pulledJson(const Row& row);

    // Before a call is carried out: a scripted failure or a logged-out
    // session refuses it without touching the data.
    std::optional<bizy::ApiError> refusal();
    void answer(qsizetype request, QObject* context, Callback done, bizy::ApiReply reply);
    void deliver(Pending pending);

    Data m_data;
    bool m_loggedIn = true;
    int m_resets = 0;
    int m_failures = 0;
    bizy::ApiError m_failure;
    int m_losses = 0;
    QHash<QString, std::pair<QString, QString>> m_rejections; // uuid -> code, message
    int m_delayMs = 0;
    bool m_holding = false;
    QList<Pending> m_held;
    QList<Request> m_requests;
};
