using BudgetActors.Grains.Postgres;
using BudgetActors.Grains.Tokens;
using BudgetActors.Testing;
using FakeTimeProvider = Microsoft.Extensions.Time.Testing.FakeTimeProvider;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BudgetActors.Grains.Tests;

public sealed class PostgresApiTokenStoreTests(PostgresFixture postgres) : ApiTokenStoreContract
{
    private readonly FakeTimeProvider _time = new(Monday);
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

    protected override async Task<IApiTokenStore> CreateAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresApiTokenStoreTests), TestContext.Current.CancellationToken);
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(TestContext.Current.CancellationToken);
        return Store();
    }

    /// <summary>Another silo's store on the same table: it trusts what it looked up for the cache duration, and no longer.</summary>
    [Fact]
    public async Task A_token_revoked_through_another_silo_stops_working_here_within_the_cache_duration()
    {
        var here = Store();
        var elsewhere = Store();
        var (token, info) = await IssueAsync(here, "acme", "pm", Monday);
        Assert.NotNull(await here.AuthenticateAsync(token, TestContext.Current.CancellationToken));

        await elsewhere.RevokeAsync("acme", info.TokenId, "admin", Monday, TestContext.Current.CancellationToken);

        Assert.Null(await elsewhere.AuthenticateAsync(token, TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await here.AuthenticateAsync(token, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_token_revoked_through_this_silo_stops_working_at_once_despite_the_cache()
    {
        var here = Store();
        var (token, info) = await IssueAsync(here, "acme", "pm", Monday);
        Assert.NotNull(await here.AuthenticateAsync(token, TestContext.Current.CancellationToken));

        await here.RevokeAsync("acme", info.TokenId, "admin", Monday, TestContext.Current.CancellationToken);

        Assert.Null(await here.AuthenticateAsync(token, TestContext.Current.CancellationToken));
    }

    private PostgresApiTokenStore Store() =>
        new(_dataSource!, "svc", _time, new ApiTokenOptions { CacheDuration = TimeSpan.FromSeconds(5) });
}
