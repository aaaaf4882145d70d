#include "SyncSeeder.h"

#include "SampleTasks.h"
#include "model/IsoDateTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

constexpr int kBatch = 100; // the server's limit per push

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject create(const QString& entity, qint64 mid, const QString& uuid,
                   const QJsonObject& fields) {
    return {{u"mid"_s, mid},        {u"entity"_s, entity},  {u"uuid"_s, uuid},
            {u"op"_s, u"upsert"_s}, {u"base_version"_s, 0}, {u"fields"_s, fields}};
}

} // namespace

SyncSeeder::SyncSeeder(HttpClient& http, QString token, quint32 seed)
    : m_http(http)
    , m_token(std::move(token))
    , m_seed(seed) {}

// yearly > quarterly > monthly, 17 goals per yearly root, cut at `count`.
// Parents come before their children, which the single goal lane keeps.
QList<QJsonObject> SyncSeeder::makeGoals(int count) {
    QRandomGenerator random(m_seed);
    const QDateTime base = *bizy::IsoDateTime::parse(u"2027-01-01T00:00:00Z"_s);
    QList<QJsonObject> mutations;
    const auto add = [&](const QString& horizon, const QString& title, const QString& parent) {
        const QString uuid = newUuid();
        QJsonObject fields{{u"title"_s, title},
                           {u"horizon"_s, horizon},
                           {u"description"_s, SampleTasks::words(random, random.bounded(3, 12))}};
        if (!parent.isEmpty())
            fields.insert(u"parent_goal_uuid"_s, parent);
        if (random.bounded(2) == 0)
            fields.insert(u"target_date"_s,
                          bizy::IsoDateTime::format(base.addDays(random.bounded(365))));
        m_goalUuids << uuid;
        mutations << create(u"goal"_s, mutations.size() + 1, uuid, fields);
        return uuid;
    };
    for (int y = 0; mutations.size() < count; ++y) {
        const QString yearly = add(u"yearly"_s, u"Year goal %1"_s.arg(y), {});
        for (int q = 0; q < 4 && mutations.size() < count; ++q) {
            const QString quarterly =
                add(u"quarterly"_s, u"Quarter goal %1.%2"_s.arg(y).arg(q), yearly);
            for (int m = 0; m < 3 && mutations.size() < count; ++m)
                add(u"monthly"_s, u"Month goal %1.%2.%3"_s.arg(y).arg(q).arg(m), quarterly);
        }
    }
    return mutations;
}

// Mids are filled in per lane by seed().
QList<QJsonObject> SyncSeeder::makeTasks(int count) {
    QRandomGenerator random(m_seed + 1);
    const QDateTime base = *bizy::IsoDateTime::parse(u"2027-01-01T00:00:00Z"_s);
    QList<QJsonObject> mutations;
    mutations.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QJsonObject fields = SampleTasks::fields(random, base, m_goalUuids);
        mutations << create(u"task"_s, 0, newUuid(), fields);
    }
    return mutations;
}

bool SyncSeeder::seed(int goalCount, int taskCount, int taskDevices, QString* error) {
    if (!pushLanes({makeGoals(goalCount)}, error))
        return false;
    const QList<QJsonObject> tasks = makeTasks(taskCount);
    QList<QList<QJsonObject>> lanes(std::max(1, taskDevices));
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        QList<QJsonObject>& lane = lanes[(i / kBatch) % lanes.size()];
        QJsonObject mutation = tasks.at(i);
        mutation.insert(u"mid"_s, lane.size() + 1);
        lane << mutation;
    }
    return pushLanes(lanes, error);
}

bool SyncSeeder::pushLanes(const QList<QList<QJsonObject>>& lanes, QString* error) {
    QStringList devices;
    for (qsizetype i = 0; i < lanes.size(); ++i)
        devices << newUuid();
    for (qsizetype offset = 0;; offset += kBatch) {
        QList<QJsonObject> bodies;
        for (qsizetype lane = 0; lane < lanes.size(); ++lane) {
            const QList<QJsonObject>& mutations = lanes.at(lane);
            if (offset >= mutations.size())
                continue;
            QJsonArray batch;
            for (qsizetype i = offset; i < std::min(offset + kBatch, mutations.size()); ++i)
                batch.append(mutations.at(i));
            bodies << QJsonObject{{u"device_id"_s, devices.at(lane)}, {u"mutations"_s, batch}};
        }
        if (bodies.isEmpty())
            return true;
        const QList<HttpResponse> answers = m_http.postAll(u"/api/sync/push"_s, bodies, m_token);
        for (const HttpResponse& answer : answers) {
            if (answer.status != 200) {
                *error = u"push: "_s + QString::fromUtf8(answer.describe());
                return false;
            }
            for (const QJsonValue& result : answer.object().value(u"results"_s).toArray()) {
                if (result[u"status"_s].toString() != u"applied"_s) {
                    *error = u"push result not applied: "_s +
                             QString::fromUtf8(QJsonDocument(result.toObject()).toJson());
                    return false;
                }
            }
        }
    }
}

bool SyncSeeder::countByPull(PullCount* count, QString* error) {
    *count = {};
    for (bool more = true; more;) {
        const HttpResponse page = m_http.get(
            u"/api/sync/pull?cursor=%1&limit=1000"_s.arg(count->cursor), m_token, 120000);
        if (page.status != 200) {
            *error = u"pull: "_s + QString::fromUtf8(page.describe());
            return false;
        }
        const QJsonObject answer = page.object();
        if (answer.value(u"reset"_s).toBool()) {
            *error = u"pull: unexpected reset"_s;
            return false;
        }
        for (const QString& key : {u"tasks"_s, u"goals"_s}) {
            for (const QJsonValue& row : answer.value(key).toArray()) {
                if (row[u"deleted"_s].toBool())
                    ++count->tombstones;
                else if (key == u"tasks"_s)
                    ++count->tasks;
                else
                    ++count->goals;
            }
        }
        ++count->pages;
        count->bytes += page.body.size();
        count->cursor = answer.value(u"cursor"_s).toInteger();
        more = answer.value(u"has_more"_s).toBool();
    }
    return true;
}
