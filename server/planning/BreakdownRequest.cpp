#include "BreakdownRequest.h"

#include "TaskSuggestion.h"
#include "ai/PromptTemplate.h"
#include "ai/ReplyReader.h"
#include "data/GoalColumns.h"
#include "db/DbSession.h"
#include "db/PgSql.h"
#include "http/Reply.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

const bizy::EntitySchema& bodySchema() {
    static const bizy::EntitySchema schema({
        {.name = u"max_tasks"_s,
         .kind = bizy::FieldKind::Integer,
         .nullable = false,
         .minimum = 1,
         .maximum = 50},
        {.name = u"include_description"_s, .kind = bizy::FieldKind::Boolean, .nullable = false},
    });
    return schema;
}

} // namespace

std::optional<QHttpServerResponse> BreakdownRequest::validate(const HttpRequest& request) {
    bizy::FieldErrors errors;
    const auto goalId = request.pathId(u"goal_id"_s);
    if (goalId)
        m_goalId = goalId.value();
    else
        errors << goalId.error().fields;
    QJsonObject body;
    errors << readBody(request, bodySchema(), false, &body);
    if (!errors.isEmpty())
        return Reply::validation(errors);
    m_maxTasks = body.value(u"max_tasks"_s).toInteger(m_maxTasks);
    m_includeDescription = body.value(u"include_description"_s).toBool(m_includeDescription);
    return std::nullopt;
}

std::optional<QHttpServerResponse> BreakdownRequest::gather(DbSession& db, qint64 userId) {
    QSqlQuery row = PgSql::run(db,
                               u"SELECT "_s + goalColumns().selectList() +
                                   u" FROM goals WHERE id = ? AND user_id = ?"_s,
                               {m_goalId, userId});
    if (!row.next())
        return Reply::detail(404, u"Goal %1 not found"_s.arg(m_goalId));
    const QJsonObject goal = goalColumns().read(row).toRestJson();
    m_goalTitle = goal.value(u"title"_s).toString();
    QJsonObject goalForPrompt;
    for (const QString& key : {u"title"_s, u"description"_s, u"horizon"_s, u"target_date"_s,
                               u"success_criteria"_s, u"progress_percentage"_s})
        goalForPrompt.insert(key, goal.value(key));

    QSqlQuery rows = PgSql::run(db,
                                u"SELECT title, status FROM tasks WHERE user_id = ? AND "
                                u"parent_goal_id = ? ORDER BY id LIMIT 100"_s,
                                {userId, m_goalId});
    QJsonArray planned;
    while (rows.next())
        planned.append(QJsonObject{{u"title"_s, rows.value(0).toString()},
                                   {u"status"_s, rows.value(1).toString()}});

    m_prompt = PromptTemplate::render(
        u"breakdown"_s,
        {{u"max_tasks"_s, QString::number(m_maxTasks)},
         {u"goal"_s, promptJson(goalForPrompt)},
         {u"planned_tasks"_s, promptJson(planned)},
         {u"description_rule"_s, m_includeDescription ? u"one or two sentences on what to do"_s
                                                      : u"null (no description is wanted)"_s}});
    return std::nullopt;
}

QJsonObject BreakdownRequest::finish(ReplyReader& reply) const {
    const QJsonArray tasks = reply.list(u"tasks"_s);
    QJsonArray suggested;
    for (qsizetype i = 0; i < tasks.size() && i < m_maxTasks; ++i) {
        const bizy::ValidatedFields suggestion = TaskSuggestion::validate(tasks.at(i));
        for (const bizy::FieldError& error : suggestion.errors) {
            QString place = u"tasks."_s + QString::number(i);
            for (const QJsonValue& part : error.loc)
                place += u'.' + part.toString();
            reply.fail(place, error.msg);
        }
        QJsonObject task = TaskSuggestion::toJson(suggestion.fields);
        if (!m_includeDescription)
            task.insert(u"description"_s, QJsonValue::Null);
        suggested.append(task);
    }
    const std::optional<QString> reasoning = reply.optionalText(u"reasoning"_s);
    return QJsonObject{
        {u"goal_id"_s, m_goalId},
        {u"goal_title"_s, m_goalTitle},
        {u"suggested_tasks"_s, suggested},
        {u"reasoning"_s, reasoning.value_or(u"AI breakdown completed"_s)},
    };
}

} // namespace bizy::server
