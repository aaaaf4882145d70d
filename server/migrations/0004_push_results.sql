-- The answer given to each pushed mutation, kept until the device shows it
-- has it: a device sends its oldest unacknowledged mid first, so results below
-- the first mid of a batch are deleted. A batch retried after its answer was
-- lost gets the first answer again, merged values and rejections included,
-- instead of a bare `applied`.
CREATE TABLE sync_results (
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device_id uuid NOT NULL,
    mid bigint NOT NULL,
    result jsonb NOT NULL,
    PRIMARY KEY (user_id, device_id, mid)
);
