using BudgetActors.Testing;
using Npgsql;

namespace BudgetActors.Runtime.Tests;

public sealed class PostgresGrainStorageTests(PostgresFixture postgres) : GrainStorageContract
{
    private PostgresDatabase? _database;
    private NpgsqlDataSource? _firstSource;
    private NpgsqlDataSource? _secondSource;

    [Fact]
    public async Task State_is_jsonb_that_psql_can_read()
    {
        var ct = TestContext.Current.CancellationToken;
        await First.WriteStateAsync("budget", Grain, new TestGrainState { State = new ValueState { Value = "Pending acceptance", Writes = 3 } }, ct);

        await using var command = _firstSource!.CreateCommand(
            "SELECT state->>'Value', (state->>'Writes')::int, version FROM grain_state WHERE service_id = 'svc' AND grain_type = 'budget' AND grain_key = 'acme:tower-7' AND state_name = 'budget'");
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal(("Pending acceptance", 3, 1L), (reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_firstSource is not null)
        {
            await _firstSource.DisposeAsync();
        }

        if (_secondSource is not null)
        {
            await _secondSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<(IGrainStorage First, IGrainStorage Second)> CreateTwoSilosAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresGrainStorageTests), TestContext.Current.CancellationToken);
        _firstSource = NpgsqlDataSource.Create(_database.ConnectionString);
        _secondSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await new SchemaMigrator(_firstSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        return (new PostgresGrainStorage(_firstSource, "svc", Json), new PostgresGrainStorage(_secondSource, "svc", Json));
    }
}
