using Npgsql;

namespace BudgetActors.Runtime;

/// <summary>
/// The grain directory in PostgreSQL's <c>grain_directory</c>. Taking an entry and checking its holder is
/// dead happen in one statement, so two silos racing for one grain see one winner.
/// </summary>
public sealed class PostgresGrainDirectory(NpgsqlDataSource dataSource, string serviceId) : IGrainDirectory
{
    public async Task<string> RegisterAsync(GrainId grain, string silo, Guid activation, CancellationToken cancellationToken)
    {
        // The holder may leave between the two statements; then the next round takes the free entry.
        for (var attempt = 0; ; attempt++)
        {
            await using (var claim = Command("""
                INSERT INTO grain_directory AS d (service_id, grain_type, grain_key, silo, activation)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (service_id, grain_type, grain_key) DO UPDATE
                   SET silo = excluded.silo, activation = excluded.activation
                 WHERE d.silo = excluded.silo
                    OR NOT EXISTS (SELECT 1 FROM cluster_members m
                                    WHERE m.service_id = d.service_id AND m.silo = d.silo
                                      AND m.status IN ('Active', 'ShuttingDown'))
                RETURNING silo
                """, grain))
            {
                claim.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo });
                claim.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = activation });
                if (await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string won)
                {
                    return won;
                }
            }

            await using var read = Command("SELECT silo FROM grain_directory WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3", grain);
            if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string holder)
            {
                return holder;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"The directory entry of {grain} kept changing; try the call again.");
            }
        }
    }

    public async Task UnregisterAsync(GrainId grain, Guid activation, CancellationToken cancellationToken)
    {
        await using var command = Command("DELETE FROM grain_directory WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND activation = $4", grain);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = activation });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task UnregisterSiloAsync(string silo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM grain_directory WHERE service_id = $1 AND silo = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql, GrainId grain)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Key });
        return command;
    }
}
