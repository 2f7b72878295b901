-- Grain state: one row per (service, grain type, grain key, state name). The version is the ETag:
-- every write names the version it read, so a stale writer changes nothing.
CREATE TABLE grain_state (
    service_id  text        NOT NULL,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    state       jsonb       NOT NULL,
    version     bigint      NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
);
