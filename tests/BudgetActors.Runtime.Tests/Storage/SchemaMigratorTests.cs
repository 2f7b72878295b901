using BudgetActors.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BudgetActors.Runtime.Tests;

public sealed class SchemaMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_silos_migrating_one_database_at_once_both_succeed_and_apply_each_migration_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await postgres.CreateDatabaseAsync(nameof(SchemaMigratorTests), ct);
        await using var first = NpgsqlDataSource.Create(database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(database.ConnectionString);

        await Task.WhenAll(
            new SchemaMigrator(first, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct),
            new SchemaMigrator(second, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct));
        await new SchemaMigrator(first, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);

        await using var applied = first.CreateCommand("SELECT version, count(*) FROM schema_migrations WHERE component = 'runtime' GROUP BY version ORDER BY version");
        await using var reader = await applied.ExecuteReaderAsync(ct);
        var versions = new List<(int, long)>();
        while (await reader.ReadAsync(ct))
        {
            versions.Add((reader.GetInt32(0), reader.GetInt64(1)));
        }

        Assert.Equal(MigrationSource.Runtime.Load().Select(m => (m.Version, 1L)), versions);
        await using var tables = first.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('grain_state', 'reminders')");
        Assert.Equal(2L, await tables.ExecuteScalarAsync(ct));
    }
}
