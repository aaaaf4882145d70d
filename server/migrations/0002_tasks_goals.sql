-- Tasks and goals of the REST contract (docs/api.md sections 3 and 4), plus the
-- per-user version counter and the tombstones the delta sync builds on.
-- Times are timestamptz written from the server's clock with millisecond
-- precision, so a value read back equals the value written.

CREATE TABLE user_sync_state (
    user_id bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    counter bigint NOT NULL DEFAULT 0
);

CREATE TABLE goals (
    id bigserial PRIMARY KEY,
    uuid uuid NOT NULL UNIQUE,
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    parent_goal_id bigint REFERENCES goals(id) ON DELETE SET NULL,
    title text NOT NULL,
    description text,
    horizon text NOT NULL CHECK (horizon IN ('yearly', 'quarterly', 'monthly', 'weekly')),
    target_date timestamptz,
    status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'completed', 'on_hold', 'cancelled')),
    progress_percentage double precision NOT NULL DEFAULT 0,
    success_criteria text,
    metrics jsonb,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    completed_at timestamptz,
    version bigint NOT NULL DEFAULT 0
);

-- The list order (target_date asc nulls last, created_at desc) per user, and
-- one index per filter.
CREATE INDEX goals_user_order_idx ON goals (user_id, target_date ASC NULLS LAST, created_at DESC, id DESC);
CREATE INDEX goals_user_status_idx ON goals (user_id, status);
CREATE INDEX goals_user_horizon_idx ON goals (user_id, horizon);
CREATE INDEX goals_user_parent_idx ON goals (user_id, parent_goal_id);
CREATE INDEX goals_parent_idx ON goals (parent_goal_id) WHERE parent_goal_id IS NOT NULL;
CREATE INDEX goals_user_version_idx ON goals (user_id, version);

CREATE TABLE tasks (
    id bigserial PRIMARY KEY,
    uuid uuid NOT NULL UNIQUE,
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title text NOT NULL,
    description text,
    priority integer NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'in_progress', 'completed', 'blocked')),
    category text,
    estimated_hours double precision,
    actual_hours double precision,
    due_date timestamptz,
    parent_goal_id bigint REFERENCES goals(id) ON DELETE SET NULL,
    -- JSON arrays (task ids, strings); NULL when never set, unlike []
    dependencies jsonb,
    notes text,
    tags jsonb,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    completed_at timestamptz,
    version bigint NOT NULL DEFAULT 0
);

-- The list order (priority asc, due_date asc nulls last, created_at desc) per
-- user, and one index per filter.
CREATE INDEX tasks_user_order_idx ON tasks (user_id, priority, due_date ASC NULLS LAST, created_at DESC, id DESC);
CREATE INDEX tasks_user_status_idx ON tasks (user_id, status);
CREATE INDEX tasks_user_category_idx ON tasks (user_id, category);
CREATE INDEX tasks_user_parent_idx ON tasks (user_id, parent_goal_id);
CREATE INDEX tasks_parent_idx ON tasks (parent_goal_id) WHERE parent_goal_id IS NOT NULL;
CREATE INDEX tasks_user_version_idx ON tasks (user_id, version);

CREATE TABLE tombstones (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    entity text NOT NULL CHECK (entity IN ('task', 'goal')),
    uuid uuid NOT NULL,
    version bigint NOT NULL,
    deleted_at timestamptz NOT NULL
);

CREATE INDEX tombstones_user_version_idx ON tombstones (user_id, version);
CREATE INDEX tombstones_deleted_at_idx ON tombstones (deleted_at);
