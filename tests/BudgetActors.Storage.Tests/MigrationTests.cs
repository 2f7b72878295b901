using BudgetActors.Grains.Postgres;
using BudgetActors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetActors.Storage.Tests;

/// <summary>The schema every silo migrates at start, and the queries Orleans' providers read from it.</summary>
public sealed class MigrationTests(PostgresFixture postgres)
{
    // Every key the three providers look up at start; a missing one fails the silo's start.
    private static readonly string[] ProviderQueryKeys =
    [
        "UpdateIAmAlivetimeKey", "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "CleanupDefunctSiloEntriesKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task A_second_run_applies_nothing_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await postgres.CreateDatabaseAsync(nameof(MigrationTests), ct);

        var first = await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);
        var recorded = await Sql.ColumnAsync<string>(database.ConnectionString, "SELECT component || ':' || version || ':' || applied_at FROM schema_migrations ORDER BY 1", ct);
        var queries = await Sql.ColumnAsync<string>(database.ConnectionString, "SELECT querykey || md5(querytext) FROM orleansquery ORDER BY 1", ct);
        var second = await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);

        Assert.Equal(MigrationSource.Workflow.Load().Count, first);
        Assert.Equal(0, second);
        Assert.Equal(recorded, await Sql.ColumnAsync<string>(database.ConnectionString, "SELECT component || ':' || version || ':' || applied_at FROM schema_migrations ORDER BY 1", ct));
        Assert.Equal(queries, await Sql.ColumnAsync<string>(database.ConnectionString, "SELECT querykey || md5(querytext) FROM orleansquery ORDER BY 1", ct));
    }

    [Fact]
    public async Task Three_migrators_at_once_on_a_fresh_database_all_succeed_and_apply_each_migration_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await postgres.CreateDatabaseAsync(nameof(MigrationTests), ct);

        var applied = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct), ct)));

        var versions = MigrationSource.Workflow.Load().Select(m => m.Version).ToList();
        Assert.Equal(versions.Count, applied.Sum());
        Assert.Equal(versions.Count, applied.Max());
        Assert.Equal(
            versions.Select(v => $"workflow:{v}:1"),
            await Sql.ColumnAsync<string>(database.ConnectionString, "SELECT component || ':' || version || ':' || count(*) FROM schema_migrations GROUP BY component, version ORDER BY version", ct));
    }

    [Fact]
    public async Task The_query_table_holds_every_query_the_providers_ask_for_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await postgres.CreateDatabaseAsync(nameof(MigrationTests), ct);

        await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);

        // The exact statement the providers run, unquoted names and all.
        var keys = await Sql.ColumnAsync<string>(database.ConnectionString, "SELECT QueryKey FROM OrleansQuery", ct);
        Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_hosted_migration_runs_before_hosted_services_registered_earlier()
    {
        var services = new ServiceCollection();
        services.AddHostedService<IdleService>();

        services.AddPostgresSchemaMigration("Host=unused");

        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        Assert.Equal(2, hosted.Count);
        Assert.NotNull(hosted[0].ImplementationFactory);
        Assert.Equal(typeof(IdleService), hosted[1].ImplementationType);
    }

    private sealed class IdleService : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}
