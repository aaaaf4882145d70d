#include "SyncEngine.h"

#include "SyncLog.h"
#include "auth/Session.h"
#include "net/ApiClient.h"
#include "net/ApiReply.h"
#include "net/ApiRequest.h"
#include "store/LocalStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInformation>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

constexpr int kServerMaxMutations = 100;
constexpr int kServerMaxPullLimit = 1000;
// The server refuses pushes over 1 MiB; the envelope and the rest of the
// request need a little room.
constexpr qsizetype kMaxPushBytes = 1000 * 1000;
constexpr int kFirstRetryMs = 5 * 1000;
constexpr int kMaxRetryMs = 5 * 60 * 1000;
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

SyncEngine::SyncEngine(LocalStore* store, ApiClient* api, Session* session, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_api(api)
    , m_session(session) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(2000);
    m_interval.setInterval(5 * 60 * 1000);
    m_retry.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(&m_interval, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);

    if (m_store) {
        m_pending = m_store->pendingCount().value_or(0);
        m_lastSyncedAt = m_store->lastSyncedAt().value_or(std::nullopt);
        connect(m_store, &LocalStore::changed, this, [this](const StoreChanges& changes) {
            if (changes.pendingCount) {
                m_pending = *changes.pendingCount;
                emit pendingCountChanged(m_pending);
                onLocalChange();
            }
            if (changes.conflictsAdded > 0)
                emit conflictsAdded(changes.conflictsAdded);
        });
    }
    if (m_session) {
        connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
            if (state == Session::State::LoggedIn) {
                if (m_state == State::NeedsLogin && m_started)
                    syncNow();
            } else if (state != Session::State::LoggingIn && !isRunning()) {
                setState(State::NeedsLogin);
            }
        });
    }
}

SyncEngine::~SyncEngine() = default;

qsizetype SyncEngine::pendingCount() const {
    return m_pending;
}

std::optional<QDateTime> SyncEngine::lastSyncedAt() const {
    return m_lastSyncedAt;
}

void SyncEngine::start() {
    if (m_started)
        return;
    m_started = true;
    if (m_interval.interval() > 0)
        m_interval.start();
    // Where the platform can tell, a regained network starts a round at once
    // instead of waiting for the retry backoff.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        onNetworkReachable();
                });
    }
    syncNow();
}

void SyncEngine::stop() {
    m_started = false;
    m_debounce.stop();
    m_interval.stop();
    m_retry.stop();
    if (QNetworkInformation* info = QNetworkInformation::instance())
        disconnect(info, nullptr, this, nullptr);
}

void SyncEngine::setDebounceMs(int milliseconds) {
    m_debounce.setInterval(std::max(0, milliseconds));
}

void SyncEngine::setIntervalMs(int milliseconds) {
    m_interval.setInterval(std::max(0, milliseconds));
    if (milliseconds <= 0)
        m_interval.stop();
    else if (m_started)
        m_interval.start();
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
    m_debounce.stop();
    m_retry.stop();
    beginRound();
}

void SyncEngine::onLocalChange() {
    // During a round the outbox changes by the round's own acknowledgements
    // too; finishRound() looks at what is left unsent instead.
    if (isRunning())
        return;
    if (m_started && pendingCount() > 0)
        m_debounce.start();
}

void SyncEngine::onNetworkReachable() {
    if (m_started && (m_state == State::Offline || pendingCount() > 0))
        syncNow();
}

void SyncEngine::beginRound() {
    if (!m_store || !m_api) {
        failRound(State::Error, tr("Sync is not set up."));
        return;
    }
    if (!m_session || !m_session->isLoggedIn()) {
        failRound(State::NeedsLogin, tr("Log in to sync your tasks and goals."));
        return;
    }
    m_again = false;
    m_round = Round{};
    m_round->id = ++m_lastRoundId;
    setState(State::Syncing);
    qCDebug(lcSync) << "round starts with" << pendingCount() << "pending changes";
    pushNext();
}

void SyncEngine::pushNext() {
    const Result<QList<OutboxMutation>> sealing = m_store->sealBatch(m_pushBatchSize);
    if (!sealing) {
        failRound(State::Error, sealing.error().message);
        return;
    }
    const QList<OutboxMutation>& sealed = *sealing;
    if (sealed.isEmpty()) {
        const Result<qint64> cursor = m_store->pullCursor();
        if (!cursor) {
            failRound(State::Error, cursor.error().message);
            return;
        }
        pullNext(*cursor);
        return;
    }
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
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = u"/api/sync/push"_s;
    request.body = QJsonObject{{u"device_id"_s, m_store->deviceId()}, {u"mutations"_s, mutations}};
    qCDebug(lcSync) << "pushing mids" << *sent.first().mid << "to" << *sent.last().mid << "("
                    << bytes << "bytes)";
    m_api->send(request, this, [this, sent, round = m_round->id](const ApiReply& reply) {
        if (m_round && m_round->id == round)
            handlePushReply(sent, reply);
    });
}

void SyncEngine::handlePushReply(const QList<OutboxMutation>& sent, const ApiReply& reply) {
    if (!m_store || !m_round)
        return;
    if (!reply.ok()) {
        // A server restored from a backup forgot mids it had acknowledged:
        // renumber what is still unsent from where it stands and try once more.
        if (reply.error->kind == ApiError::Kind::Conflict && !m_round->resequenced) {
            if (const std::optional<qint64> expected = expectedMid(reply.error->detail)) {
                qCWarning(lcSync) << "server expects mid" << *expected << "; renumbering";
                m_round->resequenced = true;
                if (Status s = m_store->resequenceSealed(*expected); !s) {
                    failRound(State::Error, s.error().message);
                    return;
                }
                // It forgot mids it had acknowledged, so it may have lost other
                // history too: reload everything after this push.
                if (*expected < *sent.first().mid) {
                    if (Status s = m_store->beginReload(); !s) {
                        failRound(State::Error, s.error().message);
                        return;
                    }
                }
                pushNext();
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
    const Result<int> recorded = m_store->applyPushResults(sent, outcomes, lastMid);
    if (!recorded) {
        failRound(State::Error, recorded.error().message);
        return;
    }
    qCDebug(lcSync) << "push acknowledged up to mid" << lastMid << "," << recorded.value()
                    << "conflicts";
    pushNext();
}

void SyncEngine::pullNext(qint64 cursor) {
    ApiRequest request;
    request.path = u"/api/sync/pull"_s;
    request.query.addQueryItem(u"cursor"_s, QString::number(cursor));
    request.query.addQueryItem(u"limit"_s, QString::number(m_pullLimit));
    // The later pages of a reload start below the purged tombstones too; the
    // server must not send them back to 0.
    const Result<bool> reloading = m_store->reloadInProgress();
    if (!reloading) {
        failRound(State::Error, reloading.error().message);
        return;
    }
    if (*reloading)
        request.query.addQueryItem(u"reload"_s, u"true"_s);
    m_api->send(request, this, [this, round = m_round->id](const ApiReply& reply) {
        if (m_round && m_round->id == round)
            handlePullReply(reply);
    });
}

void SyncEngine::handlePullReply(const ApiReply& reply) {
    if (!m_store || !m_round)
        return;
    if (!reply.ok()) {
        failRound(*reply.error);
        return;
    }
    const QJsonObject answer = reply.object();
    if (answer.value(u"reset"_s).toBool()) {
        if (++m_round->resets > kMaxResetsPerRound) {
            failRound(State::Error, tr("The server keeps asking for a full reload; sync stopped."));
            return;
        }
        qCInfo(lcSync) << "server answered reset; reloading everything, unsent changes kept";
        if (Status s = m_store->beginReload(); !s) {
            failRound(State::Error, s.error().message);
            return;
        }
        pullNext(0);
        return;
    }

    const Result<qint64> cursorBefore = m_store->pullCursor();
    if (!cursorBefore) {
        failRound(State::Error, cursorBefore.error().message);
        return;
    }
    const qint64 before = *cursorBefore;
    const qint64 cursor = answer.value(u"cursor"_s).toInteger(-1);
    const bool hasMore = answer.value(u"has_more"_s).toBool();
    if (cursor < before || (hasMore && cursor == before)) {
        failRound(ApiError::invalidAnswer(reply.httpStatus, u"the pull cursor does not advance"_s));
        return;
    }
    // The next page is on its way while this one is applied, so the server's
    // and this side's work overlap. An answer for a round that failed
    // meanwhile is dropped.
    if (hasMore)
        pullNext(cursor);

    QList<ServerRow> rows;
    const auto collect = [&](const QString& key, EntityKind entity) -> bool {
        for (const QJsonValue& value : answer.value(key).toArray()) {
            Result<ServerRow> row = ServerRow::fromJson(entity, value.toObject());
            if (!row) {
                failRound(ApiError::invalidAnswer(reply.httpStatus, row.error().message));
                return false;
            }
            rows.append(std::move(row).value());
        }
        return true;
    };
    if (!collect(u"goals"_s, EntityKind::Goal) || !collect(u"tasks"_s, EntityKind::Task))
        return;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ServerRow& a, const ServerRow& b) { return a.version < b.version; });
    const Result<int> applied = m_store->applyPull(rows, cursor);
    if (!applied) {
        failRound(State::Error, applied.error().message);
        return;
    }
    m_round->pulledRows += rows.size();
    emit pullProgress(m_round->pulledRows, cursor);
    if (hasMore)
        return;
    if (const Result<bool> reloading = m_store->reloadInProgress(); !reloading || *reloading) {
        if (Status s = m_store->finishReload(); !s) {
            failRound(State::Error, s.error().message);
            return;
        }
    }
    finishRound();
}

void SyncEngine::finishRound() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (Status s = m_store->setLastSyncedAt(now); !s)
        qCWarning(lcSync) << "cannot remember the sync time:" << s.error().message;
    m_lastSyncedAt = now;
    qCInfo(lcSync) << "round done:" << m_round->pulledRows << "rows pulled," << pendingCount()
                   << "pending";
    m_round.reset();
    m_retryDelayMs = 0;
    m_lastError.clear();
    setState(State::Idle);
    emit synced(now);
    emit roundFinished(true);
    // Changes made while the round ran, or a request that came in meanwhile.
    if (m_again) {
        m_again = false;
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    } else if (m_started && pendingCount() > 0) {
        m_debounce.start();
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
    if (state == State::Offline || state == State::Error)
        scheduleRetry();
}

void SyncEngine::scheduleRetry() {
    if (!m_started)
        return;
    m_retryDelayMs =
        m_retryDelayMs == 0 ? kFirstRetryMs : std::min(m_retryDelayMs * 2, kMaxRetryMs);
    m_retry.start(m_retryDelayMs);
}

void SyncEngine::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace bizy
