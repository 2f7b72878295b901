using Npgsql;

namespace BudgetActors.Runtime;

/// <summary>The membership table of a cluster, in PostgreSQL's <c>cluster_members</c>.</summary>
public sealed class PostgresMembershipTable(NpgsqlDataSource dataSource, string serviceId) : IMembershipTable
{
    public async Task JoinAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO cluster_members (service_id, silo, host, port, generation, silo_name, status, started_at, last_heartbeat, version)
            VALUES ($1, $2, $3, $4, $5, $6, 'Active', $7, $7, 1)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Address.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Address.Host });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entry.Address.Port });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Address.Generation });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.SiloName });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartedAt });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> HeartbeatAsync(SiloAddress silo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE cluster_members SET last_heartbeat = $3, version = version + 1
             WHERE service_id = $1 AND silo = $2 AND status IN ('Active', 'ShuttingDown')
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo.Id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<MembershipEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT silo, silo_name, status, started_at, last_heartbeat, version
              FROM cluster_members WHERE service_id = $1 ORDER BY silo
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<MembershipEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new MembershipEntry(
                SiloAddress.Parse(reader.GetString(0)),
                reader.GetString(1),
                Enum.Parse<SiloStatus>(reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetInt64(5)));
        }

        return entries;
    }

    public async Task<bool> TryUpdateStatusAsync(SiloAddress silo, SiloStatus status, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE cluster_members SET status = $3, version = version + 1
             WHERE service_id = $1 AND silo = $2 AND version = $4
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status.ToString() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task SetOwnStatusAsync(SiloAddress silo, SiloStatus status, CancellationToken cancellationToken)
    {
        // A member declared dead stays dead: its activations may already run elsewhere.
        await using var command = dataSource.CreateCommand("""
            UPDATE cluster_members SET status = $3, version = version + 1
             WHERE service_id = $1 AND silo = $2 AND status <> 'Dead'
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status.ToString() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
