-- Orleans' ADO.NET providers (clustering, grain storage, reminders) read the SQL they run from a table
-- the provider names itself, unquoted: "SELECT QueryKey, QueryText FROM OrleansQuery". PostgreSQL folds
-- unquoted names to lower case, so the table and its columns are lower case here. Orleans reads the
-- columns back by name ("QueryKey"), which Npgsql matches case-insensitively. The table is created
-- once, here; 0004 and 0005 add their own rows. Query texts are changed by later migrations (UPDATE),
-- never edited in place, so every database says which version of a query it runs.
CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

-- Membership of one cluster (Orleans' ClusterId, passed as @DeploymentId). The version row is the
-- table's ETag: every change of membership bumps it in the same statement that changes a silo's row,
-- so a silo acting on a stale view of the cluster fails and re-reads (Orleans' membership protocol).
CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port, generation). Times are timestamptz: Orleans binds them
-- as UTC DateTime values and reads them back as UTC, whatever the server's TimeZone setting.
-- Deleting a cluster's version row (DeleteMembershipTableEntriesKey) takes its silos with it.
CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Result columns are aliased to the exact names Orleans reads ("Address", "Version", ...). Parameters
-- are Orleans' own names (@DeploymentId, ...), bound by Npgsql by name. Each query is one statement:
-- no functions, so there is nothing to keep in step with the query rows.
INSERT INTO orleansquery (querykey, querytext) VALUES

-- Every silo calls this at start; only the first of a cluster creates the row. Answers whether it did.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created)
$q$),

-- A joining silo adds its row only if the table version is still the one it read, and bumps the
-- version in the same statement; false (nothing changed) tells Orleans to re-read and try again.
-- The NOT EXISTS keeps a repeated insert of the same incarnation from bumping the version for nothing.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND NOT EXISTS (SELECT 1 FROM orleans_membership
                        WHERE deployment_id = @DeploymentId AND address = @Address
                          AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped
    ON CONFLICT DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted)
$q$),

-- Status changes and suspicions, under the same table-version check as an insert.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND EXISTS (SELECT 1 FROM orleans_membership
                    WHERE deployment_id = @DeploymentId AND address = @Address
                      AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
updated AS (
    UPDATE orleans_membership m
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM bumped
     WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address
       AND m.port = @Port AND m.generation = @Generation
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM updated)
$q$),

-- The heartbeat: it changes no membership, so it neither checks nor bumps the table version (a bump
-- would fail every other silo's pending update for nothing).
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- The version row always comes back (left join), also when the silo has no row: Orleans takes the
-- table version from it, and an entry only from a row that has a start time.
('MembershipReadRowKey', $q$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
    ON m.deployment_id = v.deployment_id AND m.address = @Address
   AND m.port = @Port AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
$q$),

-- Clients find gateways here: active silos (@Status is Active) that listen for clients.
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- The cascade removes the cluster's silo rows with its version row.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Orleans' cleanup agent passes now minus DefunctSiloExpiration. A row is defunct when its silo is not
-- Active (3) and has not written a heartbeat since: a dead silo, or one that died while joining or
-- shutting down before anyone declared it dead. Live silos' view does not change, so the table
-- version is left alone (dotnet/orleans#9125 added this key to the stock script).
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$q$);
