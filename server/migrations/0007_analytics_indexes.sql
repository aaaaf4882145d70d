-- Indexes for the analytics routes (docs/api.md section 7), so each answers in
-- a few milliseconds for a user with 100,000 tasks (bench/README.md, "Analytics").

-- "Completed in the window": a range of completed_at among the user's
-- completed tasks. The columns the reports add up ride along, so the scan
-- never visits the table (an index-only scan once the pages are all-visible).
CREATE INDEX tasks_user_completed_at_idx ON tasks (user_id, completed_at)
    INCLUDE (priority, category, estimated_hours, actual_hours)
    WHERE status = 'completed';

-- Tasks created in the window.
CREATE INDEX tasks_user_created_at_idx ON tasks (user_id, created_at);

-- Overdue tasks: open tasks by due date.
CREATE INDEX tasks_user_open_due_idx ON tasks (user_id, due_date)
    WHERE status <> 'completed';
