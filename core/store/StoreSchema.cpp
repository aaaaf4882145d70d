#include "StoreSchema.h"

#include "StoreLog.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

// Step 1: the rows. Times are UTC text in IsoDateTime::format, whose text order
// is time order (fixed-width date and time; milliseconds only sort after). The integer primary keys
// keep rowids stable across VACUUM, which the external-content full-text index of step 2 needs. The
// *_key columns put missing dates last in the contract's order.
const QStringList step1{
    uR"(CREATE TABLE goals (
        row_id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        server_id INTEGER,
        user_id INTEGER,
        version INTEGER NOT NULL DEFAULT 0,
        parent_goal_uuid TEXT REFERENCES goals(uuid) ON DELETE SET NULL
                                DEFERRABLE INITIALLY DEFERRED,
        parent_goal_id INTEGER,
        title TEXT NOT NULL,
        description TEXT,
        horizon TEXT NOT NULL,
        target_date TEXT,
        target_key TEXT GENERATED ALWAYS AS (coalesce(target_date, '9999')) VIRTUAL,
        status TEXT NOT NULL,
        progress_percentage REAL NOT NULL DEFAULT 0,
        success_criteria TEXT,
        metrics TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT))"_s,
    uR"(CREATE TABLE tasks (
        row_id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        server_id INTEGER,
        user_id INTEGER,
        version INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        description TEXT,
        priority INTEGER NOT NULL DEFAULT 3,
        status TEXT NOT NULL,
        category TEXT,
        estimated_hours REAL,
        actual_hours REAL,
        due_date TEXT,
        due_key TEXT GENERATED ALWAYS AS (coalesce(due_date, '9999')) VIRTUAL,
        parent_goal_uuid TEXT REFERENCES goals(uuid) ON DELETE SET NULL
                                DEFERRABLE INITIALLY DEFERRED,
        parent_goal_id INTEGER,
        dependencies TEXT,
        dependency_uuids TEXT,
        notes TEXT,
        tags TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT))"_s,
};

// Step 2: what the queries need. Tags get their own table (filled from the
// JSON column of step 1), every list filter an index in the contract's order,
// and title/description/notes a full-text index kept in step by triggers.
const QStringList step2{
    uR"(CREATE TABLE task_tags (
        tag TEXT NOT NULL,
        task_id INTEGER NOT NULL REFERENCES tasks(row_id) ON DELETE CASCADE,
        PRIMARY KEY (tag, task_id)) WITHOUT ROWID)"_s,
    u"CREATE INDEX task_tags_by_task ON task_tags(task_id)"_s,
    uR"(INSERT OR IGNORE INTO task_tags(tag, task_id)
        SELECT j.value, t.row_id FROM tasks t, json_each(t.tags) j
        WHERE t.tags IS NOT NULL AND json_valid(t.tags))"_s,
    u"CREATE INDEX tasks_in_order ON tasks(priority, due_key, created_at DESC)"_s,
    u"CREATE INDEX tasks_by_status ON tasks(status, priority, due_key, created_at DESC)"_s,
    u"CREATE INDEX tasks_by_category ON tasks(category, priority, due_key, created_at DESC)"_s,
    u"CREATE INDEX tasks_by_goal ON tasks(parent_goal_uuid, priority, due_key, created_at DESC)"_s,
    u"CREATE INDEX tasks_by_due ON tasks(due_date)"_s,
    u"CREATE INDEX goals_by_parent ON goals(parent_goal_uuid)"_s,
    u"CREATE INDEX goals_in_order ON goals(target_key, created_at DESC)"_s,
    u"CREATE INDEX goals_by_status ON goals(status)"_s,
    uR"(CREATE VIRTUAL TABLE tasks_fts USING fts5(
        title, description, notes, content='tasks', content_rowid='row_id',
        tokenize='unicode61 remove_diacritics 2'))"_s,
    uR"(CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
        INSERT INTO tasks_fts(rowid, title, description, notes)
        VALUES (new.row_id, new.title, new.description, new.notes);
        END)"_s,
    uR"(CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
        INSERT INTO tasks_fts(tasks_fts, rowid, title, description, notes)
        VALUES ('delete', old.row_id, old.title, old.description, old.notes);
        END)"_s,
    uR"(CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, description, notes ON tasks BEGIN
        INSERT INTO tasks_fts(tasks_fts, rowid, title, description, notes)
        VALUES ('delete', old.row_id, old.title, old.description, old.notes);
        INSERT INTO tasks_fts(rowid, title, description, notes)
        VALUES (new.row_id, new.title, new.description, new.notes);
        END)"_s,
    u"INSERT INTO tasks_fts(tasks_fts) VALUES ('rebuild')"_s,
};

// Step 3: sync bookkeeping. The outbox holds unsent changes in the push shape;
// `mid` stays NULL until the sync engine seals a mutation. Rows of a file from
// before the outbox existed were never sent, so they are queued as creates.
const QStringList step3{
    uR"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID)"_s,
    u"INSERT INTO meta(key, value) VALUES ('device_id', lower(hex(randomblob(16))))"_s,
    // A uuid in its usual 8-4-4-4-12 form (version 4 bits set).
    uR"(UPDATE meta SET value = substr(value, 1, 8) || '-' || substr(value, 9, 4) || '-4'
        || substr(value, 14, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
        || substr(value, 18, 3) || '-' || substr(value, 21, 12) WHERE key = 'device_id')"_s,
    u"INSERT INTO meta(key, value) VALUES ('next_mid', '1')"_s,
    uR"(CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        mid INTEGER UNIQUE,
        entity TEXT NOT NULL CHECK (entity IN ('task', 'goal')),
        uuid TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        base_version INTEGER NOT NULL,
        fields TEXT NOT NULL))"_s,
    u"CREATE INDEX outbox_by_row ON outbox(entity, uuid, seq)"_s,
    // Set once a change of the row was sealed for pushing: from then on the
    // server may know the row, so deleting it must be sent.
    u"ALTER TABLE tasks ADD COLUMN pushed INTEGER NOT NULL DEFAULT 0"_s,
    u"ALTER TABLE goals ADD COLUMN pushed INTEGER NOT NULL DEFAULT 0"_s,
    uR"(INSERT INTO outbox(entity, uuid, op, base_version, fields)
        SELECT 'goal', uuid, 'upsert', 0, json_object(
            'title', title, 'description', description, 'horizon', horizon,
            'target_date', target_date, 'status', status,
            'progress_percentage', progress_percentage, 'success_criteria', success_criteria,
            'metrics', json(metrics), 'parent_goal_uuid', parent_goal_uuid,
            'created_at', created_at, 'completed_at', completed_at)
        FROM goals WHERE version = 0 ORDER BY row_id)"_s,
    uR"(INSERT INTO outbox(entity, uuid, op, base_version, fields)
        SELECT 'task', uuid, 'upsert', 0, json_object(
            'title', title, 'description', description, 'priority', priority,
            'status', status, 'category', category, 'estimated_hours', estimated_hours,
            'actual_hours', actual_hours, 'due_date', due_date,
            'parent_goal_uuid', parent_goal_uuid, 'dependency_uuids', json(dependency_uuids),
            'notes', notes, 'tags', json(tags), 'created_at', created_at,
            'completed_at', completed_at)
        FROM tasks WHERE version = 0 ORDER BY row_id)"_s,
};

// Step 4: what pulling needs. `server_rows` is the server's copy of each row as
// last pulled or acknowledged (`complete` = 0 for a copy made from our own
// create, which lacks user_id and updated_at; `generation` tells a reload which
// rows it brought back). `orphans` remembers rows pulled before their parent
// goal, stored without it until the goal arrives. `conflicts` is the journal of
// what did not survive sync.
const QStringList step4{
    // A rowid table: its rows are large, so only the small unique index
    // takes the random order of uuids (a WITHOUT ROWID table made a big pull
    // split pages all over the copies).
    uR"(CREATE TABLE server_rows (
        row_id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL CHECK (entity IN ('task', 'goal')),
        uuid TEXT NOT NULL,
        version INTEGER NOT NULL,
        json TEXT NOT NULL,
        complete INTEGER NOT NULL DEFAULT 1,
        generation INTEGER NOT NULL DEFAULT 0,
        UNIQUE (entity, uuid)))"_s,
    uR"(CREATE TABLE orphans (
        entity TEXT NOT NULL CHECK (entity IN ('task', 'goal')),
        uuid TEXT NOT NULL,
        parent_goal_uuid TEXT NOT NULL,
        PRIMARY KEY (entity, uuid)) WITHOUT ROWID)"_s,
    u"CREATE INDEX orphans_by_parent ON orphans(parent_goal_uuid)"_s,
    uR"(CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('overwritten', 'rejected', 'deleted_elsewhere')),
        entity TEXT NOT NULL CHECK (entity IN ('task', 'goal')),
        uuid TEXT NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT '',
        fields TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        created_at TEXT NOT NULL))"_s,
    u"INSERT INTO meta(key, value) VALUES ('pull_cursor', '0')"_s,
    u"INSERT INTO meta(key, value) VALUES ('reload_generation', '0')"_s,
    u"INSERT INTO meta(key, value) VALUES ('reload_in_progress', '0')"_s,
};

// Step 5: what the dashboard counts. The tasks completed on each day are one
// range of tasks_by_completion, the overdue ones one range of tasks_open_by_due;
// neither count reads a row.
const QStringList step5{
    u"CREATE INDEX tasks_by_completion ON tasks(completed_at) WHERE status = 'completed'"_s,
    u"CREATE INDEX tasks_open_by_due ON tasks(due_date) WHERE status <> 'completed'"_s,
};

// Step 6: the reminders given (core/reminders), one row per task: the due
// time it was reminded of, or snoozed for, so a restart never repeats one and a
// re-dated task (its due_date no longer the one noted) is reminded anew. The
// row goes with its task.
const QStringList step6{
    uR"(CREATE TABLE reminders (
        task_uuid TEXT PRIMARY KEY,
        due_date TEXT NOT NULL,
        reminded_at TEXT,
        snoozed_until TEXT) WITHOUT ROWID)"_s,
    uR"(CREATE TRIGGER reminders_of_removed_task AFTER DELETE ON tasks BEGIN
        DELETE FROM reminders WHERE task_uuid = old.uuid;
        END)"_s,
};

// Step 7: what a new sync epoch needs (a server restored from a backup,
// core/store/EpochRestore). `sync_epoch` is the server's epoch as last pulled
// ('' before any); `known_deletes` the rows this device saw deleted, so a
// restored server that has them again gets the delete again;
// `acknowledged_pushes` the fields of upserts acknowledged since the last
// round that ended in the stored epoch (a restored server may have
// acknowledged them before the new epoch was seen); `restore_base` the server
// copies held when a new epoch was seen, until the reload ends.
const QStringList step7{
    u"INSERT INTO meta(key, value) VALUES ('sync_epoch', '')"_s,
    uR"(CREATE TABLE known_deletes (
        entity TEXT NOT NULL CHECK (entity IN ('task', 'goal')),
        uuid TEXT NOT NULL,
        PRIMARY KEY (entity, uuid)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE acknowledged_pushes (
        seq INTEGER PRIMARY KEY,
        entity TEXT NOT NULL CHECK (entity IN ('task', 'goal')),
        uuid TEXT NOT NULL,
        fields TEXT NOT NULL))"_s,
    uR"(CREATE TABLE restore_base (
        entity TEXT NOT NULL CHECK (entity IN ('task', 'goal')),
        uuid TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (entity, uuid)) WITHOUT ROWID)"_s,
};

const QList<QStringList>& steps() {
    static const QList<QStringList> all{step1, step2, step3, step4, step5, step6, step7};
    return all;
}

} // namespace

int StoreSchema::latestVersion() {
    return int(steps().size());
}

Result<int> StoreSchema::version(const QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return Error::make(Error::Code::Storage,
                           u"The local database %1 could not be read (%2). It may be damaged or "
                           u"not a Bizy store."_s.arg(db.databaseName(), query.lastError().text()));
    return query.value(0).toInt();
}

Status StoreSchema::migrate(const QSqlDatabase& db, int target) {
    const Result<int> current = version(db);
    if (!current)
        return current.error();
    for (int next = *current + 1; next <= target; ++next) {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery query(db);
        auto fail = [&](const QString& what) -> Status {
            const QString reason = query.lastError().text();
            query.finish();
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            qCWarning(lcStore) << "migration to schema" << next << "failed at" << what << reason;
            return Error::make(Error::Code::Storage,
                               u"The local database could not be upgraded to schema %1 (%2). "
                               u"Check free disk space; your data was left as it was."_s.arg(next)
                                   .arg(reason));
        };
        if (!query.exec(u"BEGIN IMMEDIATE"_s))
            return fail(u"BEGIN"_s);
        for (const QString& statement : steps().at(next - 1)) {
            if (!query.exec(statement))
                return fail(statement.left(60));
        }
        if (!query.exec(u"PRAGMA user_version = %1"_s.arg(next)))
            return fail(u"user_version"_s);
        if (!query.exec(u"COMMIT"_s))
            return fail(u"COMMIT"_s);
        qCInfo(lcStore) << "migrated" << db.databaseName() << "to schema" << next << "in"
                        << timer.elapsed() << "ms";
    }
    return Done{};
}

} // namespace bizy
