using Microsoft.Extensions.Logging;
using Npgsql;

namespace BudgetActors.Grains.Postgres;

/// <summary>
/// Applies the embedded migration scripts a database has not had yet, component by component and in
/// version order, in one transaction under an advisory lock: idempotent, and safe when several silos
/// start at once (the others wait for the lock, then find everything applied). Orleans' ADO.NET
/// providers read their queries from the schema this creates, so it runs before the silo starts.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger logger, IEnumerable<MigrationSource>? sources = null)
{
    // Any fixed number: all silos of every service serialise their migrations on it. The same number
    // the runtime's migrator took, so the two never migrate one database at the same time.
    private const long MigrationLock = 0x4275_6467_6574_4163;

    private readonly IReadOnlyList<MigrationSource> _sources = [.. (sources ?? [MigrationSource.Workflow]).Distinct()];

    /// <summary>
    /// Migrates the database at <paramref name="connectionString"/> with the workflow's migrations
    /// (<see cref="MigrationSource.Workflow"/>), through a data source of its own that is closed afterwards:
    /// what a silo calls once at start, before Orleans' providers read their queries.
    /// </summary>
    /// <returns>How many migrations were applied now.</returns>
    public static Task<int> MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken) =>
        MigrateAsync(connectionString, [MigrationSource.Workflow], logger, cancellationToken);

    /// <summary>As <see cref="MigrateAsync(string, ILogger, CancellationToken)"/>, with the given components' migrations.</summary>
    /// <returns>How many migrations were applied now.</returns>
    public static async Task<int> MigrateAsync(string connectionString, IEnumerable<MigrationSource> sources, ILogger logger, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await new SchemaMigrator(dataSource, logger, sources).MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <returns>How many migrations were applied now.</returns>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The lock comes first: even CREATE TABLE IF NOT EXISTS races with itself on a fresh database
        // (two sessions can both find the table missing), and it is released with the transaction.
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

        var count = 0;
        foreach (var source in _sources)
        {
            foreach (var migration in source.Load().Where(m => !applied.Contains((source.Component, m.Version))))
            {
                await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (component, version, name) VALUES ($1, $2, $3)", connection);
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source.Component });
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                PostgresLog.MigrationApplied(logger, source.Component, migration.Version, migration.Name);
                count++;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        PostgresLog.SchemaUpToDate(logger, count);
        return count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
