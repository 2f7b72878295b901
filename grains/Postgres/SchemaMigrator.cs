using Microsoft.Extensions.Logging;
using Npgsql;

namespace BudgetActors.Grains.Postgres;

/// <summary>
/// Applies the embedded migration scripts a database has not had yet, component by component and in
/// version order, in one transaction under an advisory lock: idempotent, and safe when several silos
/// start at once.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger, IEnumerable<MigrationSource>? sources = null)
{
    // Any fixed number: all silos of every service serialise their migrations on it.
    private const long MigrationLock = 0x4275_6467_6574_4163;

    private readonly IReadOnlyList<MigrationSource> _sources = [.. (sources ?? [MigrationSource.Workflow]).Distinct()];

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                component  text        NOT NULL,
                version    integer     NOT NULL,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (component, version))
            """, cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<(string, int)>();
        await using (var read = new NpgsqlCommand("SELECT component, version FROM schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        foreach (var source in _sources)
        {
            foreach (var (version, name, sql) in source.Load().Where(m => !applied.Contains((source.Component, m.Version))))
            {
                await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (component, version, name) VALUES ($1, $2, $3)", connection);
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source.Component });
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                WorkflowLog.MigrationApplied(logger, source.Component, version, name);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
