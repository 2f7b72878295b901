using BudgetActors.Grains.Notifications;
using BudgetActors.Grains.Postgres;
using BudgetActors.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BudgetActors.Grains.Tests;

public sealed class PostgresNotificationOutboxTests(PostgresFixture postgres) : NotificationOutboxContract
{
    private PostgresDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    public override async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<INotificationOutbox> CreateAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresNotificationOutboxTests), TestContext.Current.CancellationToken);
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(TestContext.Current.CancellationToken);
        return new PostgresNotificationOutbox(_dataSource, "svc");
    }
}
