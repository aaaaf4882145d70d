-- Users, sessions and the administration trail.
CREATE TABLE users (
    id                 BIGSERIAL PRIMARY KEY,
    username           TEXT NOT NULL,
    email              TEXT NOT NULL,
    password_hash      TEXT NOT NULL,
    full_name          TEXT,
    is_admin           BOOLEAN NOT NULL DEFAULT FALSE,
    is_active          BOOLEAN NOT NULL DEFAULT TRUE,
    is_verified        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at      TIMESTAMPTZ,
    -- Access tokens with iat below this (unix seconds) are revoked: logout-all,
    -- password change, demotion, disabling.
    tokens_valid_after BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Opaque refresh tokens, stored as SHA-256 hex; one family per login, rotated
-- on every use. Reusing a used token revokes its family.
CREATE TABLE refresh_tokens (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    family_id   UUID NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Failed logins per login name ("user:<id>" for a known user, "name:<lower>"
-- otherwise), and the lockout they lead to.
CREATE TABLE login_failures (
    id        BIGSERIAL PRIMARY KEY,
    name_key  TEXT NOT NULL,
    at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_at ON login_failures (name_key, at);

CREATE TABLE login_lockouts (
    name_key      TEXT PRIMARY KEY,
    locked_until  TIMESTAMPTZ NOT NULL
);

CREATE TABLE admin_audit (
    id         BIGSERIAL PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id   BIGINT REFERENCES users(id) ON DELETE SET NULL,
    action     TEXT NOT NULL,
    target_id  BIGINT,
    changes    JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX admin_audit_at ON admin_audit (at DESC, id DESC);
