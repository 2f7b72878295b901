using BudgetActors.Testing;
using Npgsql;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// What Npgsql's pool does with a session's advisory lock, which is why <see cref="Erp.PostgresErpCallLease"/>
/// never gives a connection back to the pool unless its unlock answered: the reset (DISCARD ALL, which unlocks)
/// is not sent when a connection is closed but with the next command on it, and not at all with No Reset On Close.
/// </summary>
public sealed class NpgsqlPoolingFacts(PostgresFixture postgres) : IAsyncLifetime
{
    private const long Key = 4242;

    private PostgresDatabase _database = null!;
    private NpgsqlDataSource _other = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(NpgsqlPoolingFacts), TestContext.Current.CancellationToken);
        _other = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _other.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_pooled_connection_closed_with_a_lock_keeps_it_until_it_is_used_again()
    {
        await using var pool = NpgsqlDataSource.Create(_database.ConnectionString + ";Maximum Pool Size=1");
        await LockAndCloseAsync(pool);

        Assert.False(await IsFreeAsync()); // idle in the pool, still holding it

        await using (var reused = await pool.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await using var command = new NpgsqlCommand("SELECT 1", reused);
            await command.ExecuteScalarAsync(TestContext.Current.CancellationToken); // the reset goes out with this
        }

        Assert.True(await IsFreeAsync());
    }

    [Fact]
    public async Task With_no_reset_on_close_a_reused_connection_still_holds_it()
    {
        await using var pool = NpgsqlDataSource.Create(_database.ConnectionString + ";Maximum Pool Size=1;No Reset On Close=true");
        await LockAndCloseAsync(pool);
        await using (var reused = await pool.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await using var command = new NpgsqlCommand("SELECT 1", reused);
            await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }

        Assert.False(await IsFreeAsync());
    }

    [Fact]
    public async Task Clearing_the_pool_closes_a_busy_connection_when_it_is_returned()
    {
        await using var pool = NpgsqlDataSource.Create(_database.ConnectionString + ";Maximum Pool Size=1");
        await using (var connection = await pool.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            pool.Clear();
        }

        // Closed, not pooled: the session ends and PostgreSQL frees the lock (this waits for it, with the guard).
        await using var waiter = await _other.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var wait = new NpgsqlCommand($"SET lock_timeout = '30s'; SELECT pg_advisory_lock({Key})", waiter);
        await wait.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task LockAndCloseAsync(NpgsqlDataSource pool)
    {
        await using var connection = await pool.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<bool> IsFreeAsync()
    {
        await using var command = _other.CreateCommand($"SELECT pg_try_advisory_lock({Key}) AND pg_advisory_unlock({Key})");
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) is true;
    }
}
