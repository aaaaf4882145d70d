#include "RandomWorkload.h"

#include "store/LocalStore.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QStringList kWords{u"plan"_s,   u"write"_s,   u"call"_s,   u"review"_s, u"budget"_s,
                         u"garden"_s, u"c++"_s,     u"report"_s, u"travel"_s, u"café"_s,
                         u"ship"_s,   u"release"_s, u"read"_s,   u"gym"_s,    u"tax"_s};
const QStringList kTaskStatuses{u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s};
const QStringList kGoalStatuses{u"active"_s, u"completed"_s, u"on_hold"_s, u"cancelled"_s};
const QStringList kHorizons{u"yearly"_s, u"quarterly"_s, u"monthly"_s, u"weekly"_s};

QString keyOf(const QString& title) {
    return title.section(u' ', 0, 0);
}

template <typename Row> QStringList inKeyOrder(const QList<Row>& rows) {
    QList<std::pair<QString, QString>> keyed;
    keyed.reserve(rows.size());
    for (const Row& row : rows)
        keyed.append({keyOf(row.title), row.uuid});
    std::sort(keyed.begin(), keyed.end());
    QStringList uuids;
    uuids.reserve(keyed.size());
    for (const auto& [key, uuid] : keyed)
        uuids << uuid;
    return uuids;
}

} // namespace

RandomWorkload::RandomWorkload(const QString& device, quint64 seed)
    : m_device(device)
    , m_random(quint32(seed ^ (seed >> 32))) {}

QString RandomWorkload::step() {
    // Weights: mostly edits, enough creates to keep rows around, a few deletes.
    const int roll = int(m_random.bounded(100));
    if (roll < 14)
        return taskCreate();
    if (roll < 40)
        return taskEdit();
    if (roll < 50)
        return taskComplete();
    if (roll < 58)
        return taskMove();
    if (roll < 63)
        return taskDelete();
    if (roll < 71)
        return goalCreate();
    if (roll < 85)
        return goalEdit();
    if (roll < 96)
        return goalMove();
    return goalDelete();
}

void RandomWorkload::run(bizy::LocalStore& store, int steps) {
    m_store = &store;
    for (int i = 0; i < steps; ++i)
        step();
    m_store = nullptr;
}

QString RandomWorkload::summary() const {
    QStringList kinds = m_counts.keys();
    kinds.sort();
    QStringList parts;
    for (const QString& kind : kinds)
        parts << u"%1 %2"_s.arg(kind).arg(m_counts.value(kind));
    return parts.join(u", "_s) + u"; refused locally %1"_s.arg(m_refused);
}

void RandomWorkload::note(const QString& kind, bool accepted, const QString& target,
                          const QJsonObject& fields) {
    ++m_counts[kind];
    if (!accepted)
        ++m_refused;
    // BIZY_SYNC_TRACE=1 logs every step, to follow one row through a failing seed.
    static const bool trace = qEnvironmentVariableIntValue("BIZY_SYNC_TRACE") == 1;
    if (!trace)
        return;
    QString label = target;
    if (const auto task = m_store->task(target))
        label = keyOf(task->title) + u'/' + target.left(8);
    else if (const auto goal = m_store->goal(target))
        label = keyOf(goal->title) + u'/' + target.left(8);
    qInfo().noquote() << m_device << kind << label
                      << QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact))
                      << (accepted ? "" : "(refused)");
}

QString RandomWorkload::words(int count) {
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts << kWords.at(int(m_random.bounded(qsizetype(kWords.size()))));
    return parts.join(u' ');
}

QString RandomWorkload::nextKey(QChar kind) {
    return u"%1-%2%3"_s.arg(m_device).arg(kind).arg(++m_serial);
}

QString RandomWorkload::keyedTitle(const QString& key) {
    return key + u' ' + words(1 + int(m_random.bounded(3)));
}

QJsonValue RandomWorkload::randomTime() {
    // Whole milliseconds from 2029 on: every stored time survives a round trip.
    const qint64 base = 1861920000000LL; // 2029-01-01T00:00:00Z
    const qint64 offset = qint64(m_random.bounded(3 * 365 * 24 * 60)) * 60000 +
                          qint64(m_random.bounded(2)) * qint64(m_random.bounded(1000));
    return QDateTime::fromMSecsSinceEpoch(base + offset, QTimeZone::utc())
        .toString(Qt::ISODateWithMs);
}

QJsonValue RandomWorkload::maybeNull(const QJsonValue& value) {
    return m_random.bounded(5) == 0 ? QJsonValue(QJsonValue::Null) : value;
}

QStringList RandomWorkload::taskUuids() const {
    return inKeyOrder(m_store->tasks().value());
}

QStringList RandomWorkload::goalUuids() const {
    return inKeyOrder(m_store->goals().value());
}

QString RandomWorkload::pick(const QStringList& items) {
    return items.isEmpty() ? QString() : items.at(int(m_random.bounded(qsizetype(items.size()))));
}

QString RandomWorkload::taskCreate() {
    QJsonObject fields{{u"title"_s, keyedTitle(nextKey(u't'))},
                       {u"priority"_s, int(m_random.bounded(1, 6))}};
    if (m_random.bounded(2))
        fields.insert(u"description"_s, words(6));
    if (m_random.bounded(2))
        fields.insert(u"due_date"_s, randomTime());
    if (m_random.bounded(2))
        fields.insert(u"tags"_s, QJsonArray{words(1), words(1)});
    if (m_random.bounded(3) == 0)
        fields.insert(u"estimated_hours"_s, 0.5 * int(m_random.bounded(1, 40)));
    if (m_random.bounded(3) == 0)
        fields.insert(u"category"_s, words(1));
    if (const QString goal = pick(goalUuids()); !goal.isEmpty() && m_random.bounded(2))
        fields.insert(u"parent_goal_uuid"_s, goal);
    if (const QString other = pick(taskUuids()); !other.isEmpty() && m_random.bounded(4) == 0)
        fields.insert(u"dependency_uuids"_s, QJsonArray{other});
    const QString kind = u"task.create"_s;
    note(kind, bool(m_store->createTask(fields)), fields.value(u"title"_s).toString(), fields);
    return kind;
}

QString RandomWorkload::taskEdit() {
    const QString kind = u"task.edit"_s;
    const QString uuid = pick(taskUuids());
    if (uuid.isEmpty())
        return taskCreate();
    const auto task = m_store->task(uuid);
    QJsonObject fields;
    // One to three fields at once, of every kind the contract has.
    const int count = 1 + int(m_random.bounded(3));
    for (int i = 0; i < count; ++i) {
        switch (m_random.bounded(11)) {
        case 0:
            fields.insert(u"title"_s, keyedTitle(keyOf(task->title)));
            break;
        case 1:
            fields.insert(u"description"_s, maybeNull(words(5)));
            break;
        case 2:
            fields.insert(u"priority"_s, int(m_random.bounded(1, 6)));
            break;
        case 3:
            fields.insert(u"status"_s, kTaskStatuses.at(int(m_random.bounded(4))));
            break;
        case 4:
            fields.insert(u"category"_s, maybeNull(words(1)));
            break;
        case 5:
            fields.insert(u"estimated_hours"_s, maybeNull(0.25 * int(m_random.bounded(0, 80))));
            break;
        case 6:
            fields.insert(u"actual_hours"_s, maybeNull(0.25 * int(m_random.bounded(0, 80))));
            break;
        case 7:
            fields.insert(u"due_date"_s, maybeNull(randomTime()));
            break;
        case 8:
            fields.insert(u"notes"_s, maybeNull(words(8)));
            break;
        case 9:
            fields.insert(u"tags"_s, maybeNull(QJsonArray{words(1)}));
            break;
        default: {
            const QString other = pick(taskUuids());
            fields.insert(u"dependency_uuids"_s, other.isEmpty() || other == uuid
                                                     ? QJsonValue(QJsonValue::Null)
                                                     : QJsonValue(QJsonArray{other}));
        }
        }
    }
    note(kind, bool(m_store->updateTask(uuid, fields)), uuid, fields);
    return kind;
}

QString RandomWorkload::taskComplete() {
    const QString kind = u"task.complete"_s;
    const QString uuid = pick(taskUuids());
    if (uuid.isEmpty())
        return taskCreate();
    const auto task = m_store->task(uuid);
    const bool accepted =
        task->isCompleted()
            ? bool(m_store->uncompleteTask(uuid))
            : bool(m_store->completeTask(
                  uuid, m_random.bounded(2)
                            ? std::optional<double>(0.5 * int(m_random.bounded(1, 20)))
                            : std::nullopt));
    note(kind, accepted, uuid, {});
    return kind;
}

QString RandomWorkload::taskMove() {
    const QString kind = u"task.move"_s;
    const QString uuid = pick(taskUuids());
    if (uuid.isEmpty())
        return taskCreate();
    const QString goal = pick(goalUuids());
    const QJsonValue parent = goal.isEmpty() || m_random.bounded(4) == 0
                                  ? QJsonValue(QJsonValue::Null)
                                  : QJsonValue(goal);
    note(kind, bool(m_store->updateTask(uuid, {{u"parent_goal_uuid"_s, parent}})), uuid,
         {{u"parent_goal_uuid"_s, parent}});
    return kind;
}

QString RandomWorkload::taskDelete() {
    const QString kind = u"task.delete"_s;
    const QString uuid = pick(taskUuids());
    if (uuid.isEmpty())
        return taskCreate();
    note(kind, bool(m_store->deleteTask(uuid)), uuid, {});
    return kind;
}

QString RandomWorkload::goalCreate() {
    QJsonObject fields{{u"title"_s, keyedTitle(nextKey(u'g'))},
                       {u"horizon"_s, kHorizons.at(int(m_random.bounded(4)))}};
    if (m_random.bounded(2))
        fields.insert(u"target_date"_s, randomTime());
    if (m_random.bounded(2))
        fields.insert(u"description"_s, words(4));
    if (m_random.bounded(3) == 0)
        fields.insert(u"success_criteria"_s, words(3));
    if (const QString parent = pick(goalUuids()); !parent.isEmpty() && m_random.bounded(3))
        fields.insert(u"parent_goal_uuid"_s, parent);
    const QString kind = u"goal.create"_s;
    note(kind, bool(m_store->createGoal(fields)), fields.value(u"title"_s).toString(), fields);
    return kind;
}

QString RandomWorkload::goalEdit() {
    const QString kind = u"goal.edit"_s;
    const QString uuid = pick(goalUuids());
    if (uuid.isEmpty())
        return goalCreate();
    const auto goal = m_store->goal(uuid);
    QJsonObject fields;
    const int count = 1 + int(m_random.bounded(2));
    for (int i = 0; i < count; ++i) {
        switch (m_random.bounded(7)) {
        case 0:
            fields.insert(u"title"_s, keyedTitle(keyOf(goal->title)));
            break;
        case 1:
            fields.insert(u"description"_s, maybeNull(words(4)));
            break;
        case 2:
            fields.insert(u"horizon"_s, kHorizons.at(int(m_random.bounded(4))));
            break;
        case 3:
            fields.insert(u"target_date"_s, maybeNull(randomTime()));
            break;
        case 4:
            fields.insert(u"status"_s, kGoalStatuses.at(int(m_random.bounded(4))));
            break;
        case 5:
            fields.insert(u"success_criteria"_s, maybeNull(words(3)));
            break;
        default:
            fields.insert(u"metrics"_s,
                          maybeNull(QJsonObject{{u"done"_s, int(m_random.bounded(100))},
                                                {u"unit"_s, words(1)}}));
        }
    }
    note(kind, bool(m_store->updateGoal(uuid, fields)), uuid, fields);
    return kind;
}

QString RandomWorkload::goalMove() {
    const QString kind = u"goal.move"_s;
    const QStringList goals = goalUuids();
    const QString uuid = pick(goals);
    if (uuid.isEmpty())
        return goalCreate();
    // Any goal may be the new parent, the goal itself and its descendants
    // included: the store must refuse those, and the server must refuse the
    // loops two devices make together.
    const QString parent = m_random.bounded(5) == 0 ? QString() : pick(goals);
    note(kind, bool(m_store->moveGoal(uuid, parent)), uuid, {{u"parent_goal_uuid"_s, parent}});
    return kind;
}

QString RandomWorkload::goalDelete() {
    const QString kind = u"goal.delete"_s;
    const QString uuid = pick(goalUuids());
    if (uuid.isEmpty())
        return goalCreate();
    note(kind, bool(m_store->deleteGoal(uuid)), uuid, {});
    return kind;
}
