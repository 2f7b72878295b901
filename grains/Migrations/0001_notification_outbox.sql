-- Notifications waiting to be sent, one row per key: adding a key twice keeps the first. A sender
-- leases a row while it sends; a lease left by a dead sender runs out and the row is sent again.
CREATE TABLE notification_outbox (
    service_id  text        NOT NULL,
    key         text        NOT NULL,
    recipients  text[]      NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    lease_until timestamptz,
    sent_at     timestamptz,
    PRIMARY KEY (service_id, key)
);

CREATE INDEX notification_outbox_unsent ON notification_outbox (service_id, created_at) WHERE sent_at IS NULL;
