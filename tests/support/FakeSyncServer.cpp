#include "FakeSyncServer.h"

#include "model/IsoDateTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;
using bizy::ApiError;
using bizy::ApiReply;

namespace {

// The limits of docs/api.md sections 1.4 and 6.3.
constexpr qsizetype kMaxBodyBytes = 1024 * 1024;
constexpr qsizetype kMaxMutations = 100;

QByteArray compact(const QJsonObject& json) {
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

ApiReply success(const QJsonObject& json) {
    ApiReply reply;
    reply.httpStatus = 200;
    reply.json = json;
    reply.body = compact(json);
    reply.attempts = 1;
    return reply;
}

ApiReply failure(const ApiError& error) {
    ApiReply reply;
    reply.error = error;
    reply.httpStatus = error.httpStatus;
    if (error.httpStatus > 0)
        reply.body = compact({{u"detail"_s, error.detail}});
    reply.attempts = 1;
    return reply;
}

QJsonValue nullable(qint64 value) {
    return value > 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject applied(qint64 mid, qint64 version, qint64 id) {
    return {{u"mid"_s, mid},
            {u"status"_s, u"applied"_s},
            {u"version"_s, nullable(version)},
            {u"id"_s, nullable(id)}};
}

QJsonObject rejected(qint64 mid, const QString& code, const QString& message) {
    return {{u"mid"_s, mid},
            {u"status"_s, u"rejected"_s},
            {u"version"_s, QJsonValue::Null},
            {u"id"_s, QJsonValue::Null},
            {u"code"_s, code},
            {u"message"_s, message}};
}

} // namespace

FakeSyncServer::FakeSyncServer(QObject* parent)
    : SyncTransport(parent) {}

QString FakeSyncServer::newEpochText() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ApiError FakeSyncServer::httpError(int status, const QString& detail) {
    const QByteArray body = detail.isEmpty() ? QByteArray() : compact({{u"detail"_s, detail}});
    return ApiError::fromHttp(status, body, {});
}

void FakeSyncServer::setLoggedIn(bool loggedIn) {
    if (m_loggedIn == loggedIn)
        return;
    m_loggedIn = loggedIn;
    emit loginChanged(loggedIn);
}

void FakeSyncServer::failNextCalls(int count, const ApiError& error) {
    m_failures = count;
    m_failure = error;
}

void FakeSyncServer::rejectUpsertsOf(const QString& uuid, const QString& code,
                                     const QString& message) {
    m_rejections.insert(uuid.toLower(), {code, message});
}

// --- the calls ---

void FakeSyncServer::push(const QJsonObject& body, QObject* context, Callback done) {
    Request request;
    request.call = Call::Push;
    for (const QJsonValue& mutation : body.value(u"mutations"_s).toArray())
        request.mids.append(mutation.toObject().value(u"mid"_s).toInteger());
    m_requests.append(request);
    const qsizetype index = m_requests.size() - 1;
    ApiReply reply;
    if (const std::optional<ApiError> refused = refusal())
        reply = failure(*refused);
    else
        reply = answerPush(body, m_requests[index]);
    emit requestReceived(index);
    answer(index, context, std::move(done), std::move(reply));
}

void FakeSyncServer::pull(qint64 cursor, int limit, bool reload, QObject* context, Callback done) {
    Request request;
    request.call = Call::Pull;
    request.cursor = cursor;
    request.limit = limit;
    request.reload = reload;
    m_requests.append(request);
    const qsizetype index = m_requests.size() - 1;
    ApiReply reply;
    if (const std::optional<ApiError> refused = refusal())
        reply = failure(*refused);
    else
        reply = answerPull(m_requests[index]);
    emit requestReceived(index);
    answer(index, context, std::move(done), std::move(reply));
}

std::optional<ApiError> FakeSyncServer::refusal() {
    if (m_failures > 0) {
        --m_failures;
        return m_failure;
    }
    if (!m_loggedIn)
        return httpError(401, u"Not authenticated"_s);
    return std::nullopt;
}

void FakeSyncServer::answer(qsizetype request, QObject* context, Callback done, ApiReply reply) {
    m_requests[request].status = reply.httpStatus;
    if (m_requests[request].carriedOut && m_losses > 0) {
        --m_losses;
        reply = failure(ApiError::network(u"Connection closed before the answer arrived"_s));
        m_requests[request].status = 0;
    }
    Pending pending{request, context, std::move(done), std::move(reply)};
    if (m_holding)
        m_held.append(std::move(pending));
    else
        deliver(std::move(pending));
}

void FakeSyncServer::releaseHeldAnswers(qsizetype count) {
    if (count < 0 || count > m_held.size())
        count = m_held.size();
    const QList<Pending> released = m_held.first(count);
    m_held.remove(0, count);
    for (const Pending& pending : released)
        deliver(pending);
}

void FakeSyncServer::deliver(Pending pending) {
    QTimer::singleShot(m_delayMs, this, [this, pending = std::move(pending)] {
        m_requests[pending.request].delivered = true;
        // Session logs out when the server refuses its token.
        if (pending.reply.error && pending.reply.error->kind == ApiError::Kind::Unauthorized)
            setLoggedIn(false);
        if (pending.context)
            pending.done(pending.reply);
    });
}

// --- push ---

ApiReply FakeSyncServer::answerPush(const QJsonObject& body, Request& request) {
    if (compact(body).size() > kMaxBodyBytes)
        return failure(httpError(413, u"Request body too large (the limit is 1 MiB)"_s));
    const QJsonArray mutations = body.value(u"mutations"_s).toArray();
    if (mutations.size() > kMaxMutations)
        return failure(
            httpError(413, u"Too many mutations: at most %1 per push"_s.arg(kMaxMutations)));
    const QString device = body.value(u"device_id"_s).toString();
    if (device.isEmpty())
        return failure(httpError(422, u"body.device_id: Field required"_s));

    // A gap refuses the whole batch before anything is written.
    const qint64 storedLastMid = m_data.lastMids.value(device);
    qint64 expected = storedLastMid + 1;
    for (qint64 mid : std::as_const(request.mids)) {
        if (mid < expected)
            continue;
        if (mid != expected)
            return failure(httpError(409, u"mutation gap: expected mid %1"_s.arg(expected)));
        ++expected;
    }

    request.carriedOut = true;
    QMap<qint64, QJsonObject>& kept = m_data.results[device];
    // The device acknowledged every mid below its batch's first one.
    if (!request.mids.isEmpty()) {
        while (!kept.isEmpty() && kept.firstKey() < request.mids.first())
            kept.erase(kept.begin());
    }
    qint64 lastMid = storedLastMid;
    QJsonArray results;
    for (const QJsonValue& value : mutations) {
        const QJsonObject mutation = value.toObject();
        const qint64 mid = mutation.value(u"mid"_s).toInteger();
        if (mid <= lastMid) {
            results.append(kept.contains(mid) ? kept.value(mid) : replayed(mutation));
            continue;
        }
        const QJsonObject result = apply(mutation);
        kept.insert(mid, result);
        results.append(result);
        lastMid = mid;
    }
    m_data.lastMids.insert(device, lastMid);
    return success(
        {{u"results"_s, results}, {u"last_mid"_s, lastMid}, {u"cursor"_s, m_data.counter}});
}

QJsonObject FakeSyncServer::apply(const QJsonObject& mutation) {
    const qint64 mid = mutation.value(u"mid"_s).toInteger();
    const QString uuid = mutation.value(u"uuid"_s).toString().toLower();
    if (mutation.value(u"op"_s).toString() == u"delete")
        return erase(mutation.value(u"entity"_s).toString(), uuid, mid);
    return upsert(mutation.value(u"entity"_s).toString(), uuid,
                  mutation.value(u"fields"_s).toObject(), mid);
}

QJsonObject FakeSyncServer::upsert(const QString& entity, const QString& uuid,
                                   const QJsonObject& fields, qint64 mid) {
    if (const auto rejection = m_rejections.constFind(uuid); rejection != m_rejections.cend())
        return rejected(mid, rejection->first, rejection->second);
    const auto existing = m_data.rows.constFind(uuid);
    if (existing != m_data.rows.cend() && existing->deleted)
        return rejected(mid, u"deleted"_s,
                        u"The %1 was deleted (version %2)"_s.arg(entity).arg(existing->version));
    if (existing == m_data.rows.cend() && fields.value(u"title"_s).toString().isEmpty())
        return rejected(mid, u"validation"_s, u"title: Field required"_s);
    const Row stored = write(entity, uuid, fields);
    return applied(mid, stored.version, stored.id);
}

QJsonObject FakeSyncServer::erase(const QString& entity, const QString& uuid, qint64 mid) {
    const auto existing = m_data.rows.constFind(uuid);
    if (existing != m_data.rows.cend() && existing->deleted)
        return applied(mid, existing->version, 0);
    const qint64 id = existing != m_data.rows.cend() ? existing->id : 0;
    // Never seen (created and deleted before one push): the tombstone stops a late create.
    if (existing == m_data.rows.cend())
        m_data.rows.insert(uuid, Row{.entity = entity, .uuid = uuid});
    remove(uuid);
    return applied(mid, m_data.counter, id);
}

QJsonObject FakeSyncServer::replayed(const QJsonObject& mutation) const {
    const qint64 mid = mutation.value(u"mid"_s).toInteger();
    const auto stored = m_data.rows.constFind(mutation.value(u"uuid"_s).toString().toLower());
    if (stored == m_data.rows.cend())
        return applied(mid, 0, 0);
    return applied(mid, stored->version, stored->deleted ? 0 : stored->id);
}

// --- rows ---

FakeSyncServer::Row FakeSyncServer::write(const QString& entity, const QString& uuid,
                                          const QJsonObject& fields) {
    Row& row = m_data.rows[uuid.toLower()];
    if (row.uuid.isEmpty()) {
        row.entity = entity;
        row.uuid = uuid.toLower();
        row.id = m_data.nextId++;
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        row.fields.insert(it.key(), it.value());
    // Set by the server on every write, as bizy-server does.
    const QString now = bizy::IsoDateTime::format(QDateTime::currentDateTimeUtc());
    if (!row.fields.contains(u"created_at"_s))
        row.fields.insert(u"created_at"_s, now);
    row.fields.insert(u"updated_at"_s, now);
    row.version = ++m_data.counter;
    return row;
}

void FakeSyncServer::remove(const QString& uuid) {
    Row& row = m_data.rows[uuid.toLower()];
    if (row.uuid.isEmpty()) {
        row.entity = u"task"_s;
        row.uuid = uuid.toLower();
    }
    row.deleted = true;
    row.id = 0;
    row.fields = {};
    row.version = ++m_data.counter;
}

std::optional<FakeSyncServer::Row> FakeSyncServer::row(const QString& uuid) const {
    const auto found = m_data.rows.constFind(uuid.toLower());
    if (found == m_data.rows.cend())
        return std::nullopt;
    return *found;
}

QList<FakeSyncServer::Row> FakeSyncServer::liveRows() const {
    QList<Row> rows;
    for (const Row& row : m_data.rows) {
        if (!row.deleted)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row& a, const Row& b) { return a.version < b.version; });
    return rows;
}

QStringList FakeSyncServer::liveTitles() const {
    QStringList titles;
    for (const Row& row : liveRows())
        titles.append(row.fields.value(u"title"_s).toString());
    titles.sort();
    return titles;
}

QList<FakeSyncServer::Request> FakeSyncServer::requests(Call call) const {
    QList<Request> matching;
    for (const Request& request : m_requests) {
        if (request.call == call)
            matching.append(request);
    }
    return matching;
}

// --- pull ---

ApiReply FakeSyncServer::answerPull(Request& request) {
    request.carriedOut = true;
    // Scripted, or a cursor the server never reached (it was restored from
    // an older backup): the client must reload from 0.
    if (m_resets > 0 || request.cursor > m_data.counter) {
        m_resets = std::max(0, m_resets - 1);
        request.reset = true;
        return success({{u"tasks"_s, QJsonArray()},
                        {u"goals"_s, QJsonArray()},
                        {u"cursor"_s, request.cursor},
                        {u"has_more"_s, false},
                        {u"reset"_s, true},
                        {u"epoch"_s, m_data.epoch}});
    }
    QList<Row> newer;
    for (const Row& row : std::as_const(m_data.rows)) {
        if (row.version > request.cursor)
            newer.append(row);
    }
    std::sort(newer.begin(), newer.end(),
              [](const Row& a, const Row& b) { return a.version < b.version; });
    const bool hasMore = newer.size() > request.limit;
    newer.resize(std::min<qsizetype>(newer.size(), request.limit));
    QJsonArray tasks;
    QJsonArray goals;
    for (const Row& row : std::as_const(newer))
        (row.entity == u"goal" ? goals : tasks).append(pulledJson(row));
    return success({{u"tasks"_s, tasks},
                    {u"goals"_s, goals},
                    {u"cursor"_s, newer.isEmpty() ? request.cursor : newer.last().version},
                    {u"has_more"_s, hasMore},
                    {u"reset"_s, false},
                    {u"epoch"_s, m_data.epoch}});
}

QJsonObject FakeSyncServer::pulledJson(const Row& row) {
    if (row.deleted)
        return {{u"uuid"_s, row.uuid}, {u"deleted"_s, true}, {u"version"_s, row.version}};
    QJsonObject json = row.fields;
    json.insert(u"uuid"_s, row.uuid);
    json.insert(u"id"_s, row.id);
    json.insert(u"version"_s, row.version);
    return json;
}
