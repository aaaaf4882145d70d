#include "GoalEndpoints.h"

#include "VersionCounter.h"
#include "data/GoalColumns.h"
#include "db/DbSession.h"
#include "db/PgSql.h"
#include "http/QueryParams.h"
#include "http/Reply.h"
#include "model/GoalProgress.h"
#include "model/IsoDateTime.h"

#include <QJsonArray>
#include <QMap>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// Statements over the goal columns (data/GoalColumns), generated once; the
// counts are not columns: they are counted on read, after the columns.
const QString kColumns = goalColumns().selectList(u"g"_s);
const QString kCountColumns = u", (SELECT count(*) FROM tasks t WHERE t.parent_goal_id = g.id), "
                              u"(SELECT count(*) FROM goals s WHERE s.parent_goal_id = g.id)"_s;
const QString kInsert = goalColumns().insertSql();
const QString kUpdate = goalColumns().updateSql(UpdateBy::Rest);

const QStringList kStatuses{u"active"_s, u"completed"_s, u"on_hold"_s, u"cancelled"_s};
const QStringList kHorizons{u"yearly"_s, u"quarterly"_s, u"monthly"_s, u"weekly"_s};

Goal goalFromRow(const QSqlQuery& row, bool withCounts) {
    Goal goal = goalColumns().read(row);
    if (withCounts) {
        const int counts = int(goalColumns().size());
        goal.taskCount = row.value(counts).toLongLong();
        goal.subgoalCount = row.value(counts + 1).toLongLong();
    }
    return goal;
}

QHttpServerResponse notFound(qint64 goalId) {
    return Reply::detail(404, u"Goal %1 not found"_s.arg(goalId));
}

bizy::FieldErrors underBody(const bizy::FieldErrors& errors) {
    bizy::FieldErrors out;
    for (const bizy::FieldError& error : errors)
        out << error.under(u"body"_s);
    return out;
}

} // namespace

GoalEndpoints::GoalEndpoints(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

std::optional<Goal> GoalEndpoints::find(qint64 goalId, bool forUpdate, bool withCounts) {
    QSqlQuery row = PgSql::run(m_db,
                               u"SELECT "_s + kColumns + (withCounts ? kCountColumns : QString()) +
                                   u" FROM goals g WHERE g.id = ? AND g.user_id = ?"_s +
                                   (forUpdate ? u" FOR UPDATE"_s : QString()),
                               {goalId, m_userId});
    if (!row.next())
        return std::nullopt;
    return goalFromRow(row, withCounts);
}

std::optional<QHttpServerResponse> GoalEndpoints::checkParent(const Goal& goal) {
    if (!goal.parentGoalId)
        return std::nullopt;
    const qint64 parentId = *goal.parentGoalId;
    if (goal.id && parentId == *goal.id)
        return Reply::detail(400, u"A goal cannot be its own parent"_s);
    const bool parentIsMine =
        PgSql::run(m_db, u"SELECT 1 FROM goals WHERE id = ? AND user_id = ?"_s,
                   {parentId, m_userId})
            .next();
    if (!parentIsMine)
        return Reply::detail(400,
                             u"Parent goal %1 not found or doesn't belong to you"_s.arg(parentId));
    if (!goal.id)
        return std::nullopt; // a new goal has no descendants
    // Walk up from the new parent; meeting the goal itself means a loop.
    // UNION (not UNION ALL) ends the walk even over damaged data.
    const bool cycle =
        PgSql::run(m_db,
                   u"WITH RECURSIVE ancestors(id, parent_goal_id) AS ("
                   u"SELECT id, parent_goal_id FROM goals WHERE id = ? AND user_id = ? "
                   u"UNION SELECT g.id, g.parent_goal_id FROM goals g "
                   u"JOIN ancestors a ON g.id = a.parent_goal_id) "
                   u"SELECT 1 FROM ancestors WHERE id = ? LIMIT 1"_s,
                   {parentId, m_userId, *goal.id})
            .next();
    if (cycle)
        return Reply::detail(
            400, u"Cannot create circular reference: parent goal is a descendant of this goal"_s);
    return std::nullopt;
}

double GoalEndpoints::computeProgress(qint64 goalId) {
    QSqlQuery tasks =
        PgSql::run(m_db,
                   u"SELECT count(*), count(*) FILTER (WHERE status = 'completed') FROM tasks "
                   u"WHERE parent_goal_id = ? AND user_id = ?"_s,
                   {goalId, m_userId});
    tasks.next();
    const qint64 taskCount = tasks.value(0).toLongLong();
    const qint64 completedCount = tasks.value(1).toLongLong();
    QSqlQuery subgoals = PgSql::run(
        m_db, u"SELECT progress_percentage FROM goals WHERE parent_goal_id = ? AND user_id = ?"_s,
        {goalId, m_userId});
    QList<double> progress;
    while (subgoals.next())
        progress << subgoals.value(0).toDouble();
    return bizy::GoalProgress::compute(taskCount, completedCount, progress);
}

void GoalEndpoints::insert(Goal& goal) {
    QSqlQuery row = PgSql::run(m_db, kInsert, goalColumns().insertValues(goal));
    row.next();
    goal.id = row.value(0).toLongLong();
}

void GoalEndpoints::update(const Goal& goal) {
    QVariantList values = goalColumns().updateValues(goal, UpdateBy::Rest);
    values << *goal.id << m_userId;
    PgSql::run(m_db, kUpdate, values);
}

QHttpServerResponse GoalEndpoints::list(const HttpRequest& request) {
    QueryParams params(request.query);
    const auto status = params.choice(u"status"_s, kStatuses);
    const auto horizon = params.choice(u"horizon"_s, kHorizons);
    const auto parentId =
        params.optionalInteger(u"parent_goal_id"_s, std::numeric_limits<qint64>::min(),
                               std::numeric_limits<qint64>::max());
    const auto search = params.text(u"search"_s, 200);
    const bool withCounts = params.boolean(u"include_counts"_s, false);
    const qint64 limit = params.integer(u"limit"_s, 100, 1, 500);
    const qint64 offset = params.integer(u"offset"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (!params.ok())
        return Reply::validation(params.errors());

    QString sql = u"SELECT "_s + kColumns + (withCounts ? kCountColumns : QString()) +
                  u" FROM goals g WHERE g.user_id = ?"_s;
    QVariantList values{m_userId};
    if (status) {
        sql += u" AND g.status = ?"_s;
        values << *status;
    }
    if (horizon) {
        sql += u" AND g.horizon = ?"_s;
        values << *horizon;
    }
    if (parentId) {
        sql += u" AND g.parent_goal_id = ?"_s;
        values << *parentId;
    }
    if (search) {
        sql += u" AND (g.title ILIKE ? ESCAPE '\\' OR g.description ILIKE ? ESCAPE '\\')"_s;
        const QString pattern = PgSql::containsPattern(*search);
        values << pattern << pattern;
    }
    sql += u" ORDER BY g.target_date ASC NULLS LAST, g.created_at DESC, g.id DESC "
           u"LIMIT ? OFFSET ?"_s;
    values << limit << offset;

    QSqlQuery rows = PgSql::run(m_db, sql, values);
    QJsonArray goals;
    while (rows.next())
        goals.append(goalFromRow(rows, withCounts).toRestJson());
    return Reply::json(200, goals);
}

QHttpServerResponse GoalEndpoints::create(const HttpRequest& request) {
    const auto body = request.jsonObject();
    if (!body.ok())
        return Reply::fromError(body.error());
    const bizy::ValidatedFields fields =
        Goal::schema().validate(body.value(), bizy::EntitySchema::Mode::Create, bizy::FromRest);
    if (!fields.ok())
        return Reply::validation(underBody(fields.errors));

    const QDateTime now = bizy::IsoDateTime::nowUtc();
    Goal goal = Goal::create(now);
    goal.userId = m_userId;
    goal.applyFields(fields.fields, now);

    std::optional<QHttpServerResponse> refusal;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        if ((refusal = checkParent(goal)))
            return;
        goal.version = counter.next();
        insert(goal);
        counter.store();
    });
    if (refusal)
        return std::move(*refusal);
    return Reply::json(201, goal.toRestJson());
}

QHttpServerResponse GoalEndpoints::get(const HttpRequest& request) {
    const auto id = request.pathId(u"goal_id"_s);
    QueryParams params(request.query);
    const bool withCounts = params.boolean(u"include_counts"_s, false);
    bizy::FieldErrors errors = params.errors();
    if (!id.ok())
        errors = id.error().fields + errors;
    if (!errors.isEmpty())
        return Reply::validation(errors);
    const auto goal = find(id.value(), false, withCounts);
    if (!goal)
        return notFound(id.value());
    return Reply::json(200, goal->toRestJson());
}

QHttpServerResponse GoalEndpoints::patch(const HttpRequest& request) {
    const auto id = request.pathId(u"goal_id"_s);
    const auto body = request.jsonObject();
    bizy::FieldErrors errors;
    if (!id.ok())
        errors << id.error().fields;
    bizy::ValidatedFields fields;
    if (!body.ok()) {
        errors << body.error().fields;
    } else {
        fields =
            Goal::schema().validate(body.value(), bizy::EntitySchema::Mode::Patch, bizy::FromRest);
        errors << underBody(fields.errors);
    }
    if (!errors.isEmpty())
        return Reply::validation(errors);
    const qint64 goalId = id.value();

    std::optional<QHttpServerResponse> answer;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        std::optional<Goal> goal = find(goalId, true);
        if (!goal) {
            answer = notFound(goalId);
            return;
        }
        const GoalStatus before = goal->status;
        goal->applyFields(fields.fields, bizy::IsoDateTime::nowUtc());
        if (fields.fields.contains(u"parent_goal_id"_s) && (answer = checkParent(*goal)))
            return;
        // Leaving `completed` gives the goal back the progress its tree earns,
        // unless the request sets one.
        if (goal->leftCompleted(before) && !fields.fields.contains(u"progress_percentage"_s))
            goal->progressPercentage = computeProgress(goalId);
        goal->version = counter.next();
        update(*goal);
        counter.store();
        answer = Reply::json(200, goal->toRestJson());
    });
    return std::move(*answer);
}

QHttpServerResponse GoalEndpoints::remove(const HttpRequest& request) {
    const auto id = request.pathId(u"goal_id"_s);
    if (!id.ok())
        return Reply::fromError(id.error());
    const qint64 goalId = id.value();
    bool deleted = false;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        std::optional<Goal> goal = find(goalId, true);
        if (!goal)
            return;
        const QDateTime now = bizy::IsoDateTime::nowUtc();
        // Children live on at the top level; each is a change of its own, so
        // each gets its own version (the delta sync pages by version).
        const QString orphan =
            u"UPDATE %1 c SET parent_goal_id = NULL, updated_at = ?::timestamptz, "
            u"version = ? + o.n - 1 FROM (SELECT id, row_number() OVER (ORDER BY id) AS n "
            u"FROM %1 WHERE parent_goal_id = ? AND user_id = ?) o WHERE c.id = o.id"_s;
        for (const QString& table : {u"tasks"_s, u"goals"_s}) {
            QSqlQuery count = PgSql::run(
                m_db,
                u"SELECT count(*) FROM %1 WHERE parent_goal_id = ? AND user_id = ?"_s.arg(table),
                {goalId, m_userId});
            count.next();
            const qint64 childCount = count.value(0).toLongLong();
            if (childCount == 0)
                continue;
            const qint64 first = counter.reserve(childCount);
            PgSql::run(m_db, orphan.arg(table), {PgSql::time(now), first, goalId, m_userId});
        }
        PgSql::run(m_db, u"DELETE FROM goals WHERE id = ? AND user_id = ?"_s, {goalId, m_userId});
        counter.writeTombstone(u"goal"_s, goal->uuid, now);
        counter.store();
        deleted = true;
    });
    return deleted ? Reply::noContent() : notFound(goalId);
}

QHttpServerResponse GoalEndpoints::calculateProgress(const HttpRequest& request) {
    const auto id = request.pathId(u"goal_id"_s);
    if (!id.ok())
        return Reply::fromError(id.error());
    const qint64 goalId = id.value();
    std::optional<QHttpServerResponse> answer;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        std::optional<Goal> goal = find(goalId, true);
        if (!goal) {
            answer = notFound(goalId);
            return;
        }
        const double progress = computeProgress(goalId);
        const bool completes = progress >= 100 && goal->status == GoalStatus::Active;
        if (progress != goal->progressPercentage || completes) {
            const QDateTime now = bizy::IsoDateTime::nowUtc();
            goal->progressPercentage = progress;
            if (completes) {
                goal->status = GoalStatus::Completed;
                goal->completedAt = now;
            }
            goal->updatedAt = now;
            goal->version = counter.next();
            update(*goal);
            counter.store();
        }
        answer = Reply::json(200, goal->toRestJson());
    });
    return std::move(*answer);
}

QHttpServerResponse GoalEndpoints::stats() {
    QSqlQuery rows =
        PgSql::run(m_db,
                   u"SELECT status, horizon, count(*), "
                   u"coalesce(sum(progress_percentage) FILTER (WHERE status = 'active'), 0), "
                   u"count(*) FILTER (WHERE status = 'active' AND progress_percentage >= 80) "
                   u"FROM goals WHERE user_id = ? GROUP BY status, horizon"_s,
                   {m_userId});
    qint64 total = 0;
    qint64 active = 0;
    qint64 nearCompletion = 0;
    double activeProgress = 0;
    QMap<QString, qint64> byStatus;
    QMap<QString, qint64> byHorizon;
    while (rows.next()) {
        const QString status = rows.value(0).toString();
        const qint64 count = rows.value(2).toLongLong();
        total += count;
        byStatus[status] += count;
        byHorizon[rows.value(1).toString()] += count;
        if (status == u"active"_s)
            active += count;
        activeProgress += rows.value(3).toDouble();
        nearCompletion += rows.value(4).toLongLong();
    }
    const double average =
        active == 0 ? 0.0 : std::round(activeProgress / double(active) * 100) / 100;
    const auto toJson = [](const QMap<QString, qint64>& counts) {
        QJsonObject json;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            json.insert(it.key(), it.value());
        return json;
    };
    return Reply::json(200, QJsonObject{
                                {u"total"_s, total},
                                {u"by_status"_s, toJson(byStatus)},
                                {u"by_horizon"_s, toJson(byHorizon)},
                                {u"average_progress"_s, average},
                                {u"near_completion"_s, nearCompletion},
                            });
}

} // namespace bizy::server
