using BudgetActors.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BudgetActors.Runtime.Tests;

public sealed class PostgresReminderTableTests(PostgresFixture postgres) : ReminderTableContract
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

    protected override async Task<IReminderTable> CreateTableAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresReminderTableTests), TestContext.Current.CancellationToken);
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        return new PostgresReminderTable(_dataSource, "svc");
    }
}
