#include "TaskDependents.h"

#include "VersionCounter.h"
#include "db/PgSql.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// Ids are kept as JSON numbers or strings; compare them as text.
const QString kDependsOn = u"EXISTS (SELECT 1 FROM jsonb_array_elements_text(dependencies) d "
                           u"WHERE d = ?)"_s;

} // namespace

void TaskDependents::forget(DbSession& db, qint64 userId, qint64 deletedTaskId,
                            VersionCounter& counter) {
    const QString id = QString::number(deletedTaskId);
    QSqlQuery count = PgSql::run(
        db, u"SELECT count(*) FROM tasks WHERE user_id = ? AND "_s + kDependsOn, {userId, id});
    count.next();
    const qint64 dependents = count.value(0).toLongLong();
    if (dependents == 0)
        return;
    const qint64 first = counter.reserve(dependents);
    PgSql::run(db,
               u"UPDATE tasks c SET dependencies = (SELECT coalesce(jsonb_agg(x.dep ORDER BY "
               u"x.n), '[]'::jsonb) FROM jsonb_array_elements(c.dependencies) WITH ORDINALITY "
               u"AS x(dep, n) WHERE x.dep #>> '{}' <> ?), "
               u"updated_at = date_trunc('milliseconds', now()), version = ? + o.n - 1 "
               u"FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tasks "
               u"WHERE user_id = ? AND "_s +
                   kDependsOn + u") o WHERE c.id = o.id"_s,
               {id, first, userId, id});
}

} // namespace bizy::server
