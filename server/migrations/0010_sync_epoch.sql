-- The sync epoch (docs/api.md section 6.12): an opaque string per user that
-- every pull answer carries and `bizy-server new-epoch` replaces after the
-- database was restored from a backup, so clients notice that the versions
-- and mids they know may have gone back. On users rather than
-- user_sync_state, whose row appears only with a user's first write: every
-- user has an epoch from the start. A volatile default gives each existing
-- user a value of its own.
ALTER TABLE users ADD COLUMN sync_epoch text NOT NULL DEFAULT gen_random_uuid()::text;
