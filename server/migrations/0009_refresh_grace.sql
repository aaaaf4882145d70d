-- A refresh token presented again within the grace period answers the pair its
-- first use issued (docs/api.md section 2.4). The successor refresh token is
-- derived from the used one with an HMAC, so it can be computed again; the
-- access token is signed again from the jti and iat kept here.
ALTER TABLE refresh_tokens ADD COLUMN access_issued_at BIGINT;
