#include "StoreImport.h"

#include "ChangeSet.h"
#include "GoalTree.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "TaskStore.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

Error recordError(const QString& list, qsizetype index, const QString& field,
                  const QString& message) {
    return Error::validation(
        {FieldError{QJsonArray{list, index, field}, message, u"value_error"_s}});
}

// The same error, its locs under the record's list and index.
Error underRecord(Error error, const QString& list, std::optional<qsizetype> index) {
    if (error.fields.isEmpty())
        return error;
    for (FieldError& field : error.fields) {
        if (index)
            field.loc.prepend(*index);
        field.loc.prepend(list);
    }
    return error.code == Error::Code::Validation ? Error::validation(error.fields) : error;
}

// A uuid as given (canonical), or empty when the record has none; `error` when
// it is not a uuid.
QString givenUuid(const QJsonObject& record, const EntitySchema& schema,
                  std::optional<FieldError>* error) {
    const QJsonValue given = record.value(u"uuid"_s);
    if (given.isUndefined() || given.isNull())
        return {};
    QJsonValue uuid;
    *error = schema.check(*schema.field(u"uuid"), given, &uuid);
    return uuid.toString();
}

} // namespace

StoreImport::StoreImport(StoreDatabase& db, TaskStore& tasks, GoalTree& goals)
    : m_db(db)
    , m_tasks(tasks)
    , m_goals(goals) {}

Result<QList<qsizetype>> StoreImport::parentsFirst(const QList<QJsonObject>& goals,
                                                   const QStringList& uuids) {
    QHash<QString, qsizetype> indexOf;
    for (qsizetype i = 0; i < uuids.size(); ++i) {
        if (!uuids.at(i).isEmpty())
            indexOf.insert(uuids.at(i), i);
    }
    enum class Mark { None, Visiting, Done };
    QList<Mark> marks(goals.size(), Mark::None);
    QList<qsizetype> order;
    order.reserve(goals.size());
    for (qsizetype start = 0; start < goals.size(); ++start) {
        // Walks up the file's parents iteratively (a deep tree is no stack risk).
        QList<qsizetype> chain;
        for (qsizetype at = start; at >= 0 && marks.at(at) != Mark::Done;) {
            if (marks.at(at) == Mark::Visiting)
                return recordError(u"goals"_s, at, u"parent_goal_uuid"_s,
                                   u"The goal is its own ancestor in the file: the parents "
                                   u"form a loop"_s);
            marks[at] = Mark::Visiting;
            chain << at;
            QJsonValue parent;
            const QJsonValue given = goals.at(at).value(u"parent_goal_uuid"_s);
            const EntitySchema& schema = Goal::schema();
            if (given.isString() &&
                !schema.check(*schema.field(u"parent_goal_uuid"), given, &parent))
                at = indexOf.value(parent.toString(), -1);
            else
                at = -1;
        }
        for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
            marks[*it] = Mark::Done;
            order << *it;
        }
    }
    return order;
}

Status StoreImport::createGoals(const QList<QJsonObject>& goals, const QDateTime& now,
                                ChangeSet& changes, QStringList* parents) {
    QStringList uuids;
    QSet<QString> seen;
    for (qsizetype i = 0; i < goals.size(); ++i) {
        std::optional<FieldError> invalid;
        const QString uuid = givenUuid(goals.at(i), Goal::schema(), &invalid);
        if (invalid)
            return underRecord(Error::validation({*invalid}), u"goals"_s, i);
        if (!uuid.isEmpty()) {
            if (seen.contains(uuid))
                return recordError(u"goals"_s, i, u"uuid"_s,
                                   u"The uuid %1 is given to an earlier goal too"_s.arg(uuid));
            seen.insert(uuid);
            const Result<QVariant> exists = m_db.scalar(u"SELECT 1 FROM goals WHERE uuid = ?"_s,
                                                        {uuid}, u"look for the goal"_s);
            if (!exists)
                return exists.error();
            if (!exists->isNull())
                return recordError(
                    u"goals"_s, i, u"uuid"_s,
                    u"A goal with the uuid %1 exists already in this store"_s.arg(uuid));
        }
        uuids << uuid;
    }
    const Result<QList<qsizetype>> order = parentsFirst(goals, uuids);
    if (!order)
        return order.error();
    for (qsizetype i : *order) {
        Result<Goal> goal = m_goals.create(goals.at(i), now, changes, uuids.at(i));
        if (!goal)
            return underRecord(goal.error(), u"goals"_s, i);
        if (goal->parentGoalUuid && !seen.contains(*goal->parentGoalUuid))
            *parents << *goal->parentGoalUuid; // a goal of the store gained a sub-goal
    }
    return Done{};
}

Status StoreImport::checkDependencies(const QStringList& taskUuids,
                                      const QList<QStringList>& dependencies) {
    QJsonArray lists;
    bool any = false;
    for (const QStringList& list : dependencies) {
        lists.append(QJsonArray::fromStringList(list));
        any = any || !list.isEmpty();
    }
    if (!any)
        return Done{};
    // The file's tasks are in the table by now, so one look finds what is missing.
    bool ok = false;
    QSqlQuery& missing =
        m_db.query(u"SELECT j.key, d.key, d.value FROM json_each(?) j, json_each(j.value) d "
                   u"WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.uuid = d.value) "
                   u"ORDER BY j.key, d.key LIMIT 1"_s,
                   {SqlValue::jsonText(lists)}, &ok);
    if (!ok)
        return m_db.storageError(missing, u"check the dependencies"_s);
    std::optional<FieldError> error;
    if (missing.next()) {
        error = FieldError{QJsonArray{u"tasks"_s, missing.value(0).toLongLong(),
                                      u"dependency_uuids"_s, missing.value(1).toLongLong()},
                           u"No task with the uuid %1, in the file or in this store"_s.arg(
                               missing.value(2).toString()),
                           u"value_error"_s};
    }
    missing.finish();
    if (error)
        return Error::validation({*error});
    for (qsizetype i = 0; i < dependencies.size(); ++i) {
        if (dependencies.at(i).contains(taskUuids.at(i)))
            return recordError(u"tasks"_s, i, u"dependency_uuids"_s,
                               u"A task cannot depend on itself"_s);
    }
    return Done{};
}

Result<ImportCounts> StoreImport::run(const QList<QJsonObject>& goals,
                                      const QList<QJsonObject>& tasks, const QDateTime& now,
                                      ChangeSet& changes, const ImportProgress& progress) {
    // One step per record checked, and the tasks' set-based write (about a
    // third of the time, in one statement) as half a step per task, so a
    // progress bar does not stand full while the rows are written.
    const qsizetype total = goals.size() + tasks.size() + tasks.size() / 2;
    if (progress)
        progress(0, total);
    QStringList touchedGoals;
    if (Status created = createGoals(goals, now, changes, &touchedGoals); !created)
        return created.error();
    ManyTaskOptions options{.keepUuids = true};
    if (progress)
        options.progress = [&](qsizetype done) { progress(goals.size() + done, total); };
    Result<QList<Task>> created = m_tasks.createMany(tasks, now, changes, options);
    if (!created)
        return underRecord(created.error(), u"tasks"_s, std::nullopt);
    QStringList taskUuids;
    QList<QStringList> dependencies;
    taskUuids.reserve(created->size());
    dependencies.reserve(created->size());
    QSet<QString> parents;
    for (const Task& task : *created) {
        taskUuids << task.uuid;
        dependencies << task.dependencyUuids.value_or(QStringList());
        if (task.parentGoalUuid)
            parents.insert(*task.parentGoalUuid);
    }
    if (Status checked = checkDependencies(taskUuids, dependencies); !checked)
        return checked.error();
    // The goals that got tasks (and those above them) show their progress by
    // the rule; goals without new tasks keep the progress the file gave them.
    touchedGoals << QStringList(parents.cbegin(), parents.cend());
    if (Status rolled = m_goals.rollUp(touchedGoals, now, changes); !rolled)
        return rolled.error();
    if (progress)
        progress(total, total);
    return ImportCounts{.goals = goals.size(), .tasks = created->size()};
}

} // namespace bizy
