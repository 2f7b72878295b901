-- Cluster membership: one row per run of a silo (host:port@generation). Every change bumps version, so
-- declaring a member dead is a compare-and-swap on the row the declaring silo read.
CREATE TABLE cluster_members (
    service_id     text        NOT NULL,
    silo           text        NOT NULL,
    host           text        NOT NULL,
    port           integer     NOT NULL,
    generation     bigint      NOT NULL,
    silo_name      text        NOT NULL,
    status         text        NOT NULL,
    started_at     timestamptz NOT NULL,
    last_heartbeat timestamptz NOT NULL,
    version        bigint      NOT NULL,
    PRIMARY KEY (service_id, silo)
);

-- The grain directory: which silo runs each active grain. A silo may take a row only when it is free or
-- its holder is no longer a live member, so two activations of one grain never serve at once.
CREATE TABLE grain_directory (
    service_id  text NOT NULL,
    grain_type  text NOT NULL,
    grain_key   text NOT NULL,
    silo        text NOT NULL,
    activation  uuid NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key)
);

CREATE INDEX grain_directory_by_silo ON grain_directory (service_id, silo);
