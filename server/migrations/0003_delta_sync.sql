-- Delta sync (docs/api.md section 6): each device's last applied mutation id, the
-- per-field change stamps the field-by-field merge reads, and the highest
-- purged tombstone version, which tells a client with an older cursor to reset.

CREATE TABLE sync_devices (
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device_id uuid NOT NULL,
    last_mid bigint NOT NULL DEFAULT 0,
    last_push_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, device_id)
);

ALTER TABLE user_sync_state ADD COLUMN purged_version bigint NOT NULL DEFAULT 0;

-- {column: {"v": version, "d": device uuid or null}}: which version (and which
-- device; null for the REST endpoints) last changed each column.
ALTER TABLE tasks ADD COLUMN field_versions jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE goals ADD COLUMN field_versions jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Uuids are global: a push checks whose tombstone a uuid is.
CREATE INDEX tombstones_uuid_idx ON tombstones (uuid);

-- Writers that do not manage field_versions themselves (the REST endpoints,
-- a goal delete orphaning its children) get every column they changed stamped
-- with the row's new version and no device. The sync push writes its own
-- stamps (field_versions changes), and then the trigger leaves them alone.
CREATE FUNCTION bizy_stamp_field_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    new_row jsonb := to_jsonb(NEW);
    old_row jsonb := '{}'::jsonb;
    stamps jsonb := NEW.field_versions;
    col text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.field_versions IS DISTINCT FROM OLD.field_versions THEN
            RETURN NEW;
        END IF;
        old_row := to_jsonb(OLD);
    ELSIF NEW.field_versions <> '{}'::jsonb THEN
        RETURN NEW;
    END IF;
    FOR col IN SELECT jsonb_object_keys(new_row) LOOP
        CONTINUE WHEN col IN ('id', 'uuid', 'user_id', 'version', 'updated_at', 'field_versions');
        IF TG_OP = 'INSERT' OR (new_row -> col) IS DISTINCT FROM (old_row -> col) THEN
            stamps := jsonb_set(stamps, ARRAY[col],
                                jsonb_build_object('v', NEW.version, 'd', NULL));
        END IF;
    END LOOP;
    NEW.field_versions := stamps;
    RETURN NEW;
END
$$;

CREATE TRIGGER tasks_stamp_field_versions BEFORE INSERT OR UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION bizy_stamp_field_versions();
CREATE TRIGGER goals_stamp_field_versions BEFORE INSERT OR UPDATE ON goals
    FOR EACH ROW EXECUTE FUNCTION bizy_stamp_field_versions();
