-- Durable reminders. Any silo claims due rows (FOR UPDATE SKIP LOCKED) and leases them until it has
-- delivered the tick; a lease left by a dead silo runs out and the tick is claimed again.
CREATE TABLE reminders (
    service_id     text        NOT NULL,
    grain_type     text        NOT NULL,
    grain_key      text        NOT NULL,
    reminder_name  text        NOT NULL,
    start_at       timestamptz NOT NULL,
    period         interval    NOT NULL,
    next_due       timestamptz NOT NULL,
    last_delivered timestamptz,
    lease_owner    text,
    lease_until    timestamptz,
    version        bigint      NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key, reminder_name)
);

CREATE INDEX reminders_by_next_due ON reminders (service_id, next_due);
