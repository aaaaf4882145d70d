-- A logout with only the access token ends that token's session
-- (docs/api.md section 2.3): the token itself is refused until it would have
-- expired, and the refresh family it was issued with is revoked, found through
-- the jti each refresh token row now records.
ALTER TABLE refresh_tokens ADD COLUMN access_jti TEXT;
CREATE INDEX refresh_tokens_access_jti ON refresh_tokens (access_jti)
    WHERE access_jti IS NOT NULL;

CREATE TABLE revoked_access_tokens (
    jti         TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX revoked_access_tokens_expires_at ON revoked_access_tokens (expires_at);
