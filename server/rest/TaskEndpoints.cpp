#include "TaskEndpoints.h"

#include "TaskDependents.h"
#include "TaskJsonWriter.h"
#include "VersionCounter.h"
#include "data/TaskColumns.h"
#include "db/DbSession.h"
#include "db/PgSql.h"
#include "http/QueryParams.h"
#include "http/Reply.h"
#include "model/IsoDateTime.h"

#include <QMap>
#include <QSet>
#include <limits>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// Statements over the task columns (data/TaskColumns), generated once.
const QString kSelect = u"SELECT "_s + taskColumns().selectList() + u" FROM tasks"_s;
const QString kInsert = taskColumns().insertSql();
const QString kUpdate = taskColumns().updateSql(UpdateBy::Rest);

const QStringList kStatuses{u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s};

QHttpServerResponse taskAnswer(int status, const Task& task) {
    return Reply::json(status, TaskJsonWriter::object(task));
}

QHttpServerResponse notFound(qint64 taskId) {
    return Reply::detail(404, u"Task %1 not found"_s.arg(taskId));
}

bizy::FieldErrors underBody(const bizy::FieldErrors& errors) {
    bizy::FieldErrors out;
    for (const bizy::FieldError& error : errors)
        out << error.under(u"body"_s);
    return out;
}

// Path and body are validated together, like FastAPI does before a handler runs.
struct PathAndBody {
    std::optional<qint64> id;
    QJsonObject body;
    bizy::FieldErrors errors;
};

PathAndBody readPathAndBody(const HttpRequest& request, bool bodyRequired) {
    PathAndBody parts;
    const auto id = request.pathId(u"task_id"_s);
    if (id.ok())
        parts.id = id.value();
    else
        parts.errors << id.error().fields;
    if (bodyRequired || !request.body.trimmed().isEmpty()) {
        const auto body = request.jsonObject();
        if (body.ok())
            parts.body = body.value();
        else
            parts.errors << body.error().fields;
    }
    return parts;
}

} // namespace

TaskEndpoints::TaskEndpoints(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

std::optional<Task> TaskEndpoints::find(qint64 taskId, bool forUpdate) {
    QSqlQuery row = PgSql::run(m_db,
                               kSelect + u" WHERE id = ? AND user_id = ?"_s +
                                   (forUpdate ? u" FOR UPDATE"_s : QString()),
                               {taskId, m_userId});
    if (!row.next())
        return std::nullopt;
    return taskColumns().read(row);
}

std::optional<QHttpServerResponse> TaskEndpoints::checkRelations(const Task& task,
                                                                 const QJsonObject& changed) {
    if (changed.contains(u"parent_goal_id"_s) && task.parentGoalId) {
        const bool found = PgSql::run(m_db, u"SELECT 1 FROM goals WHERE id = ? AND user_id = ?"_s,
                                      {*task.parentGoalId, m_userId})
                               .next();
        if (!found)
            return Reply::detail(
                400, u"Goal %1 not found or doesn't belong to you"_s.arg(*task.parentGoalId));
    }
    if (changed.contains(u"dependencies"_s) && task.dependencies && !task.dependencies->isEmpty()) {
        QStringList ids;
        for (qint64 id : *task.dependencies) {
            if (task.id && id == *task.id)
                return Reply::detail(400, u"A task cannot depend on itself"_s);
            ids << QString::number(id);
        }
        QSqlQuery rows =
            PgSql::run(m_db, u"SELECT id FROM tasks WHERE user_id = ? AND id = ANY(?::bigint[])"_s,
                       {m_userId, QString(u"{"_s + ids.join(u',') + u"}"_s)});
        QSet<qint64> mine;
        while (rows.next())
            mine.insert(rows.value(0).toLongLong());
        for (qint64 id : *task.dependencies) {
            if (!mine.contains(id))
                return Reply::detail(
                    400, u"Dependency task %1 not found or doesn't belong to you"_s.arg(id));
        }
    }
    return std::nullopt;
}

void TaskEndpoints::insert(Task& task) {
    QSqlQuery row = PgSql::run(m_db, kInsert, taskColumns().insertValues(task));
    row.next();
    task.id = row.value(0).toLongLong();
}

void TaskEndpoints::update(const Task& task) {
    QVariantList values = taskColumns().updateValues(task, UpdateBy::Rest);
    values << *task.id << m_userId;
    PgSql::run(m_db, kUpdate, values);
}

QHttpServerResponse TaskEndpoints::list(const HttpRequest& request) {
    QueryParams params(request.query);
    const auto status = params.choice(u"status"_s, kStatuses);
    const auto category = params.text(u"category"_s, 100);
    const auto priority = params.optionalInteger(u"priority"_s, 1, 5);
    const auto goalId = params.optionalInteger(u"goal_id"_s, std::numeric_limits<qint64>::min(),
                                               std::numeric_limits<qint64>::max());
    const auto search = params.text(u"search"_s, 200);
    const qint64 limit = params.integer(u"limit"_s, 100, 1, 500);
    const qint64 offset = params.integer(u"offset"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (!params.ok())
        return Reply::validation(params.errors());

    QString sql = kSelect + u" WHERE user_id = ?"_s;
    QVariantList values{m_userId};
    if (status) {
        sql += u" AND status = ?"_s;
        values << *status;
    }
    if (category) {
        sql += u" AND category = ?"_s;
        values << *category;
    }
    if (priority) {
        sql += u" AND priority = ?"_s;
        values << *priority;
    }
    if (goalId) {
        sql += u" AND parent_goal_id = ?"_s;
        values << *goalId;
    }
    if (search) {
        sql += u" AND (title ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')"_s;
        const QString pattern = PgSql::containsPattern(*search);
        values << pattern << pattern;
    }
    sql += u" ORDER BY priority ASC, due_date ASC NULLS LAST, created_at DESC, id DESC "
           u"LIMIT ? OFFSET ?"_s;
    values << limit << offset;

    QSqlQuery rows = PgSql::run(m_db, sql, values);
    QList<Task> tasks;
    tasks.reserve(limit < 100 ? limit : 100);
    while (rows.next())
        tasks.append(taskColumns().read(rows));
    return Reply::json(200, TaskJsonWriter::array(tasks));
}

QHttpServerResponse TaskEndpoints::create(const HttpRequest& request) {
    const auto body = request.jsonObject();
    if (!body.ok())
        return Reply::fromError(body.error());
    const bizy::ValidatedFields fields =
        Task::schema().validate(body.value(), bizy::EntitySchema::Mode::Create, bizy::FromRest);
    if (!fields.ok())
        return Reply::validation(underBody(fields.errors));

    const QDateTime now = bizy::IsoDateTime::nowUtc();
    Task task = Task::create(now);
    task.userId = m_userId;
    task.applyFields(fields.fields, now);

    std::optional<QHttpServerResponse> refusal;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        refusal = checkRelations(task, fields.fields);
        if (refusal)
            return;
        task.version = counter.next();
        insert(task);
        counter.store();
    });
    if (refusal)
        return std::move(*refusal);
    return taskAnswer(201, task);
}

QHttpServerResponse TaskEndpoints::get(const HttpRequest& request) {
    const auto id = request.pathId(u"task_id"_s);
    if (!id.ok())
        return Reply::fromError(id.error());
    const auto task = find(id.value(), false);
    if (!task)
        return notFound(id.value());
    return taskAnswer(200, *task);
}

QHttpServerResponse TaskEndpoints::patch(const HttpRequest& request) {
    PathAndBody parts = readPathAndBody(request, true);
    bizy::ValidatedFields fields;
    if (parts.errors.isEmpty()) {
        fields =
            Task::schema().validate(parts.body, bizy::EntitySchema::Mode::Patch, bizy::FromRest);
        parts.errors << underBody(fields.errors);
    }
    if (!parts.errors.isEmpty())
        return Reply::validation(parts.errors);
    const qint64 taskId = *parts.id;

    std::optional<QHttpServerResponse> answer;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        std::optional<Task> task = find(taskId, true);
        if (!task) {
            answer = notFound(taskId);
            return;
        }
        task->applyFields(fields.fields, bizy::IsoDateTime::nowUtc());
        if ((answer = checkRelations(*task, fields.fields)))
            return;
        task->version = counter.next();
        update(*task);
        counter.store();
        answer = taskAnswer(200, *task);
    });
    return std::move(*answer);
}

QHttpServerResponse TaskEndpoints::remove(const HttpRequest& request) {
    const auto id = request.pathId(u"task_id"_s);
    if (!id.ok())
        return Reply::fromError(id.error());
    bool deleted = false;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        QSqlQuery row = PgSql::run(
            m_db, u"DELETE FROM tasks WHERE id = ? AND user_id = ? RETURNING uuid::text"_s,
            {id.value(), m_userId});
        if (!row.next())
            return;
        deleted = true;
        TaskDependents::forget(m_db, m_userId, id.value(), counter);
        counter.writeTombstone(u"task"_s, row.value(0).toString(), bizy::IsoDateTime::nowUtc());
        counter.store();
    });
    return deleted ? Reply::noContent() : notFound(id.value());
}

QHttpServerResponse TaskEndpoints::complete(const HttpRequest& request) {
    PathAndBody parts = readPathAndBody(request, false);
    std::optional<double> actualHours;
    if (parts.errors.isEmpty() && parts.body.contains(u"actual_hours"_s)) {
        const bizy::FieldSpec* spec = Task::schema().field(u"actual_hours");
        QJsonValue normalised;
        if (auto error =
                Task::schema().check(*spec, parts.body.value(u"actual_hours"_s), &normalised))
            parts.errors << error->under(u"body"_s);
        else if (!normalised.isNull())
            actualHours = normalised.toDouble();
    }
    if (!parts.errors.isEmpty())
        return Reply::validation(parts.errors);
    const qint64 taskId = *parts.id;

    std::optional<QHttpServerResponse> answer;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        std::optional<Task> task = find(taskId, true);
        if (!task) {
            answer = notFound(taskId);
            return;
        }
        if (task->isCompleted()) {
            answer = Reply::detail(400, u"Task %1 is already completed"_s.arg(taskId));
            return;
        }
        task->complete(bizy::IsoDateTime::nowUtc(), actualHours);
        task->version = counter.next();
        update(*task);
        counter.store();
        answer = taskAnswer(200, *task);
    });
    return std::move(*answer);
}

QHttpServerResponse TaskEndpoints::uncomplete(const HttpRequest& request) {
    const auto id = request.pathId(u"task_id"_s);
    if (!id.ok())
        return Reply::fromError(id.error());
    std::optional<QHttpServerResponse> answer;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        std::optional<Task> task = find(id.value(), true);
        if (!task) {
            answer = notFound(id.value());
            return;
        }
        if (!task->isCompleted()) {
            answer = Reply::detail(400, u"Task %1 is not completed"_s.arg(id.value()));
            return;
        }
        task->uncomplete(bizy::IsoDateTime::nowUtc());
        task->version = counter.next();
        update(*task);
        counter.store();
        answer = taskAnswer(200, *task);
    });
    return std::move(*answer);
}

QHttpServerResponse TaskEndpoints::stats() {
    QSqlQuery rows =
        PgSql::run(m_db,
                   u"SELECT status, priority, category, count(*), "
                   u"count(*) FILTER (WHERE due_date < ?::timestamptz AND status <> 'completed') "
                   u"FROM tasks WHERE user_id = ? GROUP BY status, priority, category"_s,
                   {PgSql::time(bizy::IsoDateTime::nowUtc()), m_userId});
    qint64 total = 0;
    qint64 overdue = 0;
    QMap<QString, qint64> byStatus;
    QMap<QString, qint64> byPriority;
    QMap<QString, qint64> byCategory;
    while (rows.next()) {
        const qint64 count = rows.value(3).toLongLong();
        total += count;
        overdue += rows.value(4).toLongLong();
        byStatus[rows.value(0).toString()] += count;
        byPriority[rows.value(1).toString()] += count;
        // The local store names tasks without a category the same way.
        byCategory[rows.value(2).isNull() ? u"uncategorized"_s : rows.value(2).toString()] += count;
    }
    const auto toJson = [](const QMap<QString, qint64>& counts) {
        QJsonObject json;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            json.insert(it.key(), it.value());
        return json;
    };
    return Reply::json(200, QJsonObject{
                                {u"total"_s, total},
                                {u"by_status"_s, toJson(byStatus)},
                                {u"by_priority"_s, toJson(byPriority)},
                                {u"by_category"_s, toJson(byCategory)},
                                {u"overdue"_s, overdue},
                            });
}

} // namespace bizy::server
