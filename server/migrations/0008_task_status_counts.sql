-- Each user's tasks counted by status, for the analytics tasks report
-- (docs/api.md section 7), which counts the whole account on every request.
-- Counting the (user_id, status) index cost two thirds of that report for a
-- user with 100,000 tasks (bench/README.md, "Analytics"); the counts are kept
-- here instead, by statement triggers reading the transition tables, so a
-- set-based write pays once per statement and every writer (REST, sync, a
-- goal delete, a user delete's cascade, plain SQL) is counted alike.
--
-- No foreign key to users: a user's delete cascades to tasks, and the delete
-- trigger that follows must still find (and drop) the user's counts.
CREATE TABLE task_status_counts (
    user_id bigint NOT NULL,
    status text NOT NULL,
    task_count bigint NOT NULL,
    PRIMARY KEY (user_id, status)
);

INSERT INTO task_status_counts (user_id, status, task_count)
SELECT user_id, status, count(*) FROM tasks GROUP BY user_id, status;

-- Adds each (user, status, delta) to the counts, in key order (writers of one
-- user already queue on its user_sync_state row), and drops counts that reach
-- zero, so a deleted user leaves nothing behind.
CREATE FUNCTION bizy_add_task_status_counts(user_ids bigint[], statuses text[], deltas bigint[])
RETURNS void
LANGUAGE sql AS $$
    INSERT INTO task_status_counts AS counts (user_id, status, task_count)
    SELECT * FROM unnest(user_ids, statuses, deltas) ORDER BY 1, 2
    ON CONFLICT (user_id, status)
        DO UPDATE SET task_count = counts.task_count + excluded.task_count;
    DELETE FROM task_status_counts counts
    USING unnest(user_ids, statuses) AS changed(user_id, status)
    WHERE counts.user_id = changed.user_id AND counts.status = changed.status
      AND counts.task_count = 0;
$$;

-- One function for the three triggers: each statement's rows grouped by user
-- and status, an update's old rows subtracted from its new ones (an update
-- that changes no status adds nothing).
CREATE FUNCTION bizy_count_task_statuses() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    user_ids bigint[];
    statuses text[];
    deltas bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(user_id), array_agg(status), array_agg(n)
        INTO user_ids, statuses, deltas
        FROM (SELECT user_id, status, count(*) AS n FROM new_rows GROUP BY user_id, status) added;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(user_id), array_agg(status), array_agg(n)
        INTO user_ids, statuses, deltas
        FROM (SELECT user_id, status, -count(*) AS n FROM old_rows GROUP BY user_id, status) gone;
    ELSE
        SELECT array_agg(user_id), array_agg(status), array_agg(n)
        INTO user_ids, statuses, deltas
        FROM (SELECT user_id, status, sum(n) AS n
              FROM (SELECT user_id, status, 1 AS n FROM new_rows
                    UNION ALL
                    SELECT user_id, status, -1 FROM old_rows) moved
              GROUP BY user_id, status
              HAVING sum(n) <> 0) changed;
    END IF;
    IF user_ids IS NOT NULL THEN
        PERFORM bizy_add_task_status_counts(user_ids, statuses, deltas);
    END IF;
    RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger.
CREATE TRIGGER tasks_count_inserted_statuses AFTER INSERT ON tasks
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bizy_count_task_statuses();
CREATE TRIGGER tasks_count_updated_statuses AFTER UPDATE ON tasks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bizy_count_task_statuses();
CREATE TRIGGER tasks_count_deleted_statuses AFTER DELETE ON tasks
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bizy_count_task_statuses();

CREATE FUNCTION bizy_clear_task_status_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE task_status_counts;
    RETURN NULL;
END
$$;

CREATE TRIGGER tasks_clear_status_counts AFTER TRUNCATE ON tasks
    FOR EACH STATEMENT EXECUTE FUNCTION bizy_clear_task_status_counts();
