#include "SyncEngine.h"

#include "SyncLog.h"
#include "SyncTransport.h"
#include "net/ApiReply.h"
#include "sync/OutboxMutation.h"
#include "sync/PushOutcome.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

constexpr int kServerMaxMutations = 100;
constexpr int kServerMaxPullLimit = 1000;
// The server refuses pushes over 1 MiB; the envelope and the rest of the
// request need a little room.
constexpr qsizetype kMaxPushBytes = 1000 * 1000;
// A server that keeps answering `reset` would make a round loop forever.
constexpr int kMaxResetsPerRound = 2;

qsizetype jsonSize(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).size();
}

// "mutation gap: expected mid N" -> N
std::optional<qint64> expectedMid(const QString& detail) {
    static const QRegularExpression pattern(u"expected mid (\\d+)"_s);
    const QRegularExpressionMatch match = pattern.match(detail);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLongLong();
}

} // namespace

SyncEngine::SyncEngine(SyncStore* store, SyncTransport* transport, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport) {
    connect(m_store, &SyncStore::pendingCountChanged, this, [this](qsizetype pending) {
        m_pending = pending;
        emit pendingCountChanged(pending);
    });
    connect(m_store, &SyncStore::conflictsAdded, this, &SyncEngine::conflictsAdded);
    connect(m_transport, &SyncTransport::loginChanged, this, [this](bool loggedIn) {
        if (loggedIn)
            emit this->loggedIn();
        else if (!isRunning())
            setState(State::NeedsLogin);
    });
    m_store->position().then(this, [this](const Result<SyncPosition>& position) {
        if (!position) {
            m_lastError = position.error().message;
            setState(State::Error);
            emit errorOccurred(m_lastError);
            return;
        }
        m_pending = position->pending;
        m_lastSyncedAt = position->lastSyncedAt;
        emit ready();
    });
}

SyncEngine::~SyncEngine() = default;

bool SyncEngine::isLoggedIn() const {
    return m_transport && m_transport->isLoggedIn();
}

void SyncEngine::setPushBatchSize(int mutations) {
    m_pushBatchSize = std::clamp(mutations, 1, kServerMaxMutations);
}

void SyncEngine::setPullLimit(int rows) {
    m_pullLimit = std::clamp(rows, 1, kServerMaxPullLimit);
}

void SyncEngine::syncNow() {
    if (isRunning()) {
        m_again = true;
        return;
    }
    beginRound();
}

void SyncEngine::beginRound() {
    if (!isLoggedIn()) {
        failRound(State::NeedsLogin, tr("Log in to sync your tasks and goals."));
        return;
    }
    m_again = false;
    m_round = Round{};
    m_round->id = ++m_lastRoundId;
    setState(State::Syncing);
    m_store->position().then(this, [this, round = m_round->id](const Result<SyncPosition>& at) {
        if (!isCurrent(round))
            return;
        if (!at) {
            failRound(State::Error, at.error().message);
            return;
        }
        m_round->cursor = at->cursor;
        m_round->reloading = at->reloading;
        m_round->storedEpoch = at->epoch;
        qCDebug(lcSync) << "round starts with" << at->pending << "pending changes, cursor"
                        << at->cursor << (at->reloading ? "(reloading)" : "");
        pushNext();
    });
}

void SyncEngine::pushNext() {
    m_store->sealBatch(m_pushBatchSize)
        .then(this, [this, round = m_round->id](const Result<QList<OutboxMutation>>& sealed) {
            if (!isCurrent(round))
                return;
            // A storage failure is never "nothing to send".
            if (!sealed) {
                failRound(State::Error, sealed.error().message);
                return;
            }
            if (sealed->isEmpty())
                pullNext();
            else
                sendBatch(*sealed);
        });
}

void SyncEngine::sendBatch(const QList<OutboxMutation>& sealed) {
    // Mids are consecutive, so any prefix of the sealed mutations is a valid
    // batch; the rest goes in the next one.
    QList<OutboxMutation> sent;
    QJsonArray mutations;
    qsizetype bytes = 0;
    for (const OutboxMutation& mutation : sealed) {
        const QJsonObject json = mutation.toJson();
        const qsizetype size = jsonSize(json);
        if (!sent.isEmpty() && bytes + size > kMaxPushBytes)
            break;
        bytes += size;
        mutations.append(json);
        sent.append(mutation);
    }
    qCDebug(lcSync) << "pushing mids" << *sent.first().mid << "to" << *sent.last().mid << "("
                    << bytes << "bytes)";
    const QJsonObject body{{u"device_id"_s, m_store->deviceId()}, {u"mutations"_s, mutations}};
    m_transport->push(body, this, [this, sent, round = m_round->id](const ApiReply& reply) {
        if (isCurrent(round))
            handlePushReply(sent, reply);
    });
}

void SyncEngine::handlePushReply(const QList<OutboxMutation>& sent, const ApiReply& reply) {
    if (!reply.ok()) {
        // A server restored from a backup forgot mids it had acknowledged:
        // renumber what is still unsent from where it stands and try once more.
        if (reply.error->kind == ApiError::Kind::Conflict && !m_round->resequenced) {
            if (const std::optional<qint64> expected = expectedMid(reply.error->detail)) {
                resequence(*expected, *sent.first().mid);
                return;
            }
        }
        failRound(*reply.error);
        return;
    }
    const QJsonObject answer = reply.object();
    const QJsonArray results = answer.value(u"results"_s).toArray();
    const qint64 lastMid = answer.value(u"last_mid"_s).toInteger(-1);
    if (results.size() != sent.size() || lastMid < *sent.first().mid) {
        failRound(ApiError::invalidAnswer(reply.httpStatus,
                                          u"the push answer does not match the batch sent"_s));
        return;
    }
    QList<PushOutcome> outcomes;
    outcomes.reserve(results.size());
    for (const QJsonValue& result : results) {
        Result<PushOutcome> outcome = PushOutcome::fromJson(result.toObject());
        if (!outcome) {
            failRound(ApiError::invalidAnswer(reply.httpStatus, outcome.error().message));
            return;
        }
        outcomes.append(std::move(outcome).value());
    }
    m_store->applyPushResults(sent, outcomes, lastMid)
        .then(this, [this, lastMid, round = m_round->id](const Result<int>& recorded) {
            if (!isCurrent(round))
                return;
            if (!recorded) {
                failRound(State::Error, recorded.error().message);
                return;
            }
            qCDebug(lcSync) << "push acknowledged up to mid" << lastMid << "," << *recorded
                            << "conflicts";
            pushNext();
        });
}

void SyncEngine::resequence(qint64 expected, qint64 firstSent) {
    qCWarning(lcSync) << "server expects mid" << expected << "; renumbering";
    m_round->resequenced = true;
    m_store->resequenceSealed(expected).then(
        this, [this, expected, firstSent, round = m_round->id](const Status& renumbered) {
            if (!isCurrent(round))
                return;
            if (!renumbered) {
                failRound(State::Error, renumbered.error().message);
                return;
            }
            // It forgot mids it had acknowledged, so it may have lost other
            // history too: reload everything after this push.
            if (expected >= firstSent)
                pushNext();
            else
                reloadThen(&SyncEngine::pushNext);
        });
}

void SyncEngine::reloadThen(void (SyncEngine::*next)()) {
    afterStore(m_store->beginReload(), [this, next] {
        m_round->cursor = 0;
        m_round->reloading = true;
        (this->*next)();
    });
}

void SyncEngine::pullNext() {
    const qint64 cursor = m_round->cursor;
    m_transport->pull(cursor, m_pullLimit, m_round->reloading, this,
                      [this, cursor, round = m_round->id](const ApiReply& reply) {
                          if (isCurrent(round))
                              handlePullReply(cursor, reply);
                      });
}

void SyncEngine::handlePullReply(qint64 requestedCursor, const ApiReply& reply) {
    if (!reply.ok()) {
        failRound(*reply.error);
        return;
    }
    const QJsonObject answer = reply.object();
    // An epoch unlike the one this round goes by: the server was restored
    // from a backup (its versions and mids went back). The first epoch ever
    // seen is only stored.
    const QString epoch = answer.value(u"epoch"_s).toString();
    const QString expected = m_round->restoring ? m_round->epoch : m_round->storedEpoch;
    if (!epoch.isEmpty() && epoch != expected) {
        if (!expected.isEmpty()) {
            if (++m_round->resets > kMaxResetsPerRound) {
                failRound(State::Error,
                          tr("The server keeps changing its sync epoch; sync stopped."));
                return;
            }
            beginEpochRestore(epoch);
            return;
        }
        m_round->epoch = epoch;
    }
    if (answer.value(u"reset"_s).toBool()) {
        if (++m_round->resets > kMaxResetsPerRound) {
            failRound(State::Error, tr("The server keeps asking for a full reload; sync stopped."));
            return;
        }
        qCInfo(lcSync) << "server answered reset at cursor" << m_round->cursor
                       << "; reloading everything, unsent changes kept";
        reloadThen(&SyncEngine::pullNext);
        return;
    }
    const qint64 cursor = answer.value(u"cursor"_s).toInteger(-1);
    const bool hasMore = answer.value(u"has_more"_s).toBool();
    if (cursor < requestedCursor || (hasMore && cursor == requestedCursor)) {
        failRound(ApiError::invalidAnswer(reply.httpStatus, u"the pull cursor does not advance"_s));
        return;
    }
    // The next page is on its way while this one is applied, so the server's
    // and this side's work overlap. The store applies pages in the order they
    // were asked for and refuses one that does not continue the last.
    m_round->cursor = cursor;
    if (hasMore)
        pullNext();
    const int status = reply.httpStatus;
    m_store
        ->applyPullPage(answer.value(u"goals"_s).toArray(), answer.value(u"tasks"_s).toArray(),
                        requestedCursor, cursor)
        .then(this, [this, cursor, hasMore, status,
                     round = m_round->id](const Result<qsizetype>& applied) {
            if (!isCurrent(round))
                return;
            if (!applied) {
                if (applied.error().code == Error::Code::Server)
                    failRound(ApiError::invalidAnswer(status, applied.error().message));
                else
                    failRound(State::Error, applied.error().message);
                return;
            }
            m_round->pulledRows += *applied;
            emit pullProgress(m_round->pulledRows, cursor);
            if (!hasMore)
                finishPull();
        });
}

void SyncEngine::beginEpochRestore(const QString& epoch) {
    qCWarning(lcSync) << "the server's sync epoch changed (restored from a backup):"
                      << "reloading, then sending again what it lacks";
    // Answers still on their way belong to the history before the restore.
    m_round->id = ++m_lastRoundId;
    m_round->epoch = epoch;
    m_round->restoring = true;
    // The restored server's last_mid for this device: an empty push answers
    // it, and mids go on from there (docs/api.md section 6.12).
    const QJsonObject body{{u"device_id"_s, m_store->deviceId()}, {u"mutations"_s, QJsonArray()}};
    m_transport->push(body, this, [this, round = m_round->id](const ApiReply& reply) {
        if (!isCurrent(round))
            return;
        if (!reply.ok()) {
            failRound(*reply.error);
            return;
        }
        const qint64 lastMid = reply.object().value(u"last_mid"_s).toInteger(-1);
        if (lastMid < 0) {
            failRound(
                ApiError::invalidAnswer(reply.httpStatus, u"the push answer has no last_mid"_s));
            return;
        }
        afterStore(m_store->beginEpochRestore(lastMid + 1), [this] {
            m_round->cursor = 0;
            m_round->reloading = true;
            pullNext();
        });
    });
}

void SyncEngine::afterStore(const QFuture<Status>& work, std::function<void()> next) {
    QFuture<Status>(work).then(
        this, [this, next = std::move(next), round = m_round->id](const Status& done) {
            if (!isCurrent(round))
                return;
            if (!done) {
                failRound(State::Error, done.error().message);
                return;
            }
            next();
        });
}

void SyncEngine::finishPull() {
    if (m_round->restoring) {
        // What the restored server lacks is queued now: push it in this round.
        afterStore(m_store->finishEpochRestore(m_round->epoch), [this] {
            m_round->restoring = false;
            m_round->reloading = false;
            m_round->storedEpoch = m_round->epoch;
            pushNext();
        });
        return;
    }
    if (m_round->reloading) {
        afterStore(m_store->finishReload(), [this] {
            m_round->reloading = false;
            finishPull();
        });
        return;
    }
    if (!m_round->epoch.isEmpty() && m_round->epoch != m_round->storedEpoch) {
        afterStore(m_store->setEpoch(m_round->epoch), [this] {
            m_round->storedEpoch = m_round->epoch;
            finishRound();
        });
        return;
    }
    finishRound();
}

void SyncEngine::finishRound() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_store->setLastSyncedAt(now).then(this, [](const Status& saved) {
        if (!saved)
            qCWarning(lcSync) << "cannot remember the sync time:" << saved.error().message;
    });
    m_lastSyncedAt = now;
    qCInfo(lcSync) << "round done:" << m_round->pulledRows << "rows pulled, cursor"
                   << m_round->cursor << "," << m_pending << "pending";
    m_round.reset();
    m_lastError.clear();
    setState(State::Idle);
    emit synced(now);
    emit roundFinished(true);
    // A request that came in while the round ran.
    if (m_again) {
        m_again = false;
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    }
}

void SyncEngine::failRound(const ApiError& error) {
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Unavailable:
    case ApiError::Kind::RateLimited:
        failRound(State::Offline, error.userMessage());
        return;
    case ApiError::Kind::Unauthorized:
        failRound(State::NeedsLogin, error.userMessage());
        return;
    default:
        failRound(State::Error, error.userMessage());
        return;
    }
}

void SyncEngine::failRound(State state, const QString& message) {
    qCWarning(lcSync) << "round failed:" << state << message;
    m_round.reset();
    m_again = false;
    m_lastError = message;
    setState(state);
    emit errorOccurred(message);
    emit roundFinished(false);
}

void SyncEngine::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace bizy
