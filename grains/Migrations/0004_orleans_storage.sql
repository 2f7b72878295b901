-- Grain state for Orleans' ADO.NET grain storage (AddAdoNetGrainStorage). What the provider passes as
-- @GrainTypeString is the *state name* (dotnet/orleans#8746), and the grain's type is not passed at
-- all: a row is (service, state name, grain key), which is why every state name must be unique across
-- grain types. The key arrives as two bigints (a guid's halves, or 0 and an integer key), a string (a
-- string key, or a compound key's extension; NULL when there is none) and the provider's hash of the
-- key (@GrainIdHash; the state name's hash is not needed here). The key hash is part of the row's key:
-- it tells integer key 0 with extension 'x' from string key 'x', otherwise both (0, 0, 'x').
--
-- The payload is what the configured grain storage serializer wrote: with
-- UseSystemTextJsonGrainStorageSerializer, UTF-8 JSON. It stays bytea (NULL after a clear) rather than
-- jsonb: the provider binds bytes, jsonb would re-order keys (System.Text.Json wants "$type" first),
-- and parsing JSON on every write would cost the write path. orleans_storage_json shows it as jsonb.
--
-- fillfactor 80 leaves room on each page so that a write (which changes only unindexed columns) can be
-- a HOT update: no index entry to add, no index bloat under a write-heavy load.
CREATE TABLE orleans_storage (
    grain_id_hash      integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    service_id         text        NOT NULL,
    state_name         text        NOT NULL,
    grain_id_extension text,
    payload            bytea,
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL
) WITH (fillfactor = 80);

-- The one index every storage query goes through, and the conflict target of a first write. Integer
-- columns lead, so that descending the tree compares integers and reaches text only on a hash match.
-- NULLS NOT DISTINCT (PostgreSQL 15+) makes a key without extension unique too.
CREATE UNIQUE INDEX orleans_storage_key ON orleans_storage
    (grain_id_hash, grain_id_n1, grain_id_n0, service_id, state_name, grain_id_extension) NULLS NOT DISTINCT;

-- psql: SELECT state FROM orleans_storage_json WHERE state_name = 'budget' AND grain_id_extension = '...';
-- A view, not a generated column: convert_from is not immutable (so cannot be generated) and the
-- conversion then costs only whoever reads it. It expects the JSON serializer; a row written by
-- another serializer fails to convert here and only here.
CREATE VIEW orleans_storage_json AS
SELECT service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension, version, modified_at,
       convert_from(payload, 'UTF8')::jsonb AS state
  FROM orleans_storage;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- The write is one statement, one index probe. With an ETag (@GrainStateVersion) it updates the row
-- only at that version; without one it inserts, and only if no row exists. Exactly one row comes
-- back: the new version, or NULL when the ETag did not match (a stale write, or a first write that
-- lost the race), which the provider turns into InconsistentStateException. A write that names a
-- version whose row has since been deleted inserts nothing, so it fails too instead of resurrecting
-- the row at version 1.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage
       SET payload = @PayloadBinary, version = version + 1, modified_at = now()
     WHERE grain_id_hash = @GrainIdHash AND grain_id_n1 = @GrainIdN1 AND grain_id_n0 = @GrainIdN0
       AND service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version),
inserted AS (
    INSERT INTO orleans_storage (grain_id_hash, grain_id_n0, grain_id_n1, service_id, state_name,
                                 grain_id_extension, payload, version, modified_at)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @ServiceId, @GrainTypeString,
           @GrainIdExtensionString, @PayloadBinary, 1, now()
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted)) AS "NewGrainStateVersion"
$q$),

-- No row: the provider starts from a new state with no ETag. A cleared row (NULL payload) keeps its
-- version, so the next write still checks it.
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash AND grain_id_n1 = @GrainIdN1 AND grain_id_n0 = @GrainIdN0
   AND service_id = @ServiceId AND state_name = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- ClearStateAsync (DeleteStateOnClear = false): the write above with no payload, so the row and its
-- version remain and a stale activation's later write still fails.
('ClearStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage
       SET payload = NULL, version = version + 1, modified_at = now()
     WHERE grain_id_hash = @GrainIdHash AND grain_id_n1 = @GrainIdN1 AND grain_id_n0 = @GrainIdN0
       AND service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version),
inserted AS (
    INSERT INTO orleans_storage (grain_id_hash, grain_id_n0, grain_id_n1, service_id, state_name,
                                 grain_id_extension, payload, version, modified_at)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @ServiceId, @GrainTypeString,
           @GrainIdExtensionString, NULL, 1, now()
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted)) AS "NewGrainStateVersion"
$q$),

-- ClearStateAsync with DeleteStateOnClear = true: the row goes, at the named version only. The
-- provider expects a value different from the ETag it sent on success (it then forgets the ETag), and
-- NULL on a stale clear: version + 1 does both.
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleans_storage
     WHERE grain_id_hash = @GrainIdHash AND grain_id_n1 = @GrainIdN1 AND grain_id_n0 = @GrainIdN0
       AND service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version)
SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion"
$q$);
