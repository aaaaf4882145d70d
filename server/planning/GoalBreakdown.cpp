#include "GoalBreakdown.h"

#include "TaskSuggestion.h"
#include "data/TaskColumns.h"
#include "db/DbSession.h"
#include "db/PgSql.h"
#include "http/Reply.h"
#include "model/IsoDateTime.h"
#include "model/Task.h"
#include "rest/VersionCounter.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

const QString kInsert = taskColumns().insertSql();

// An error of item `index` of the body: loc ["body", index, field...].
bizy::FieldError atItem(const bizy::FieldError& error, qsizetype index) {
    bizy::FieldError placed = error;
    placed.loc = QJsonArray{u"body"_s, index};
    for (const QJsonValue& part : error.loc)
        placed.loc.append(part);
    return placed;
}

} // namespace

GoalBreakdown::GoalBreakdown(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

QHttpServerResponse GoalBreakdown::createTasks(const HttpRequest& request) {
    bizy::FieldErrors errors;
    const auto goalId = request.pathId(u"goal_id"_s);
    if (!goalId)
        errors << goalId.error().fields;
    const auto items = request.jsonArray();
    QList<QJsonObject> suggestions;
    if (!items) {
        errors << items.error().fields;
    } else {
        for (qsizetype i = 0; i < items->size(); ++i) {
            const bizy::ValidatedFields suggestion = TaskSuggestion::validate(items->at(i));
            for (const bizy::FieldError& error : suggestion.errors)
                errors << atItem(error, i);
            suggestions << suggestion.fields;
        }
    }
    if (!errors.isEmpty())
        return Reply::validation(errors);

    const QDateTime now = bizy::IsoDateTime::nowUtc();
    QJsonArray created;
    bool goalIsMine = false;
    m_db.transaction([&] {
        VersionCounter counter = VersionCounter::lock(m_db, m_userId);
        goalIsMine = PgSql::run(m_db, u"SELECT 1 FROM goals WHERE id = ? AND user_id = ?"_s,
                                {goalId.value(), m_userId})
                         .next();
        if (!goalIsMine)
            return;
        for (const QJsonObject& fields : suggestions) {
            bizy::Task task = bizy::Task::create(now);
            task.userId = m_userId;
            task.applyFields(fields, now);
            task.parentGoalId = goalId.value();
            task.version = counter.next();
            QSqlQuery row = PgSql::run(m_db, kInsert, taskColumns().insertValues(task));
            row.next();
            created.append(
                QJsonObject{{u"id"_s, row.value(0).toLongLong()}, {u"title"_s, task.title}});
        }
        counter.store();
    });
    if (!goalIsMine)
        return Reply::detail(404, u"Goal %1 not found"_s.arg(goalId.value()));
    return Reply::json(200, created);
}

} // namespace bizy::server
