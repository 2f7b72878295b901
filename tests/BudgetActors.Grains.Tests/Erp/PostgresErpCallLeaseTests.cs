using BudgetActors.Grains.Erp;
using BudgetActors.Testing;
using Npgsql;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// The lease contract on PostgreSQL, with two leases of their own data sources standing for two silos (two
/// activations of one gateway); and what only PostgreSQL can show: a holder whose session dies, a pooled
/// connection, a release that fails. Each test has a database of its own.
/// </summary>
public sealed class PostgresErpCallLeaseTests(PostgresFixture postgres) : ErpCallLeaseContract
{
    private const string ServiceId = "budgetactors-test";

    private readonly List<string> _roles = [];
    private PostgresDatabase _database = null!;
    private NpgsqlDataSource _admin = null!;
    private PostgresErpCallLease _siloA = null!;
    private PostgresErpCallLease _siloB = null!;

    protected override IReadOnlyList<IErpCallLease> Silos => [_siloA, _siloB];

    protected override RecordingLogger Log { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresErpCallLeaseTests), Guard);
        _admin = NpgsqlDataSource.Create(_database.ConnectionString);
        _siloA = NewLease(_database.ConnectionString);
        _siloB = NewLease(_database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await _siloA.DisposeAsync();
        await _siloB.DisposeAsync();
        await _admin.DisposeAsync();
        await _database.DisposeAsync();
        var serverAdmin = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "postgres" }.ConnectionString;
        await using (var server = NpgsqlDataSource.Create(serverAdmin))
        {
            foreach (var role in _roles)
            {
                await using var drop = server.CreateCommand($"DROP ROLE IF EXISTS \"{role}\"");
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Killing_the_holders_connection_frees_the_lease_for_the_next_acquirer()
    {
        var first = await _siloA.AcquireAsync(Company, Guard);
        var second = _siloB.AcquireAsync(Company, Guard).AsTask();
        await UntilWaitingAsync(Company, 1);
        var holder = await HolderAsync(Company);

        // As PostgreSQL does when the holder's process is killed, or keepalive finds its host gone.
        await using (var terminate = _admin.CreateCommand("SELECT pg_terminate_backend($1)"))
        {
            terminate.Parameters.Add(new NpgsqlParameter<int> { TypedValue = holder });
            Assert.Equal(true, await terminate.ExecuteScalarAsync(Guard));
        }

        await using var next = await second; // woken by PostgreSQL when the holder's session ended
        Assert.NotEqual(holder, await HolderAsync(Company));

        // The first holder learns it at release: an error, since the call might have overlapped the next one's.
        await first.DisposeAsync();
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, Log.Entries.Single(e => e.EventId == Lost).Level);
    }

    [Fact]
    public async Task A_released_lease_leaves_no_lock_on_its_pooled_connection()
    {
        var lease = await _siloA.AcquireAsync(Company, Guard);
        var holder = await HolderAsync(Company);
        await lease.DisposeAsync();

        // The session is still there, idle in the pool, and holds no advisory lock.
        Assert.True(await ScalarAsync<bool>("SELECT EXISTS (SELECT FROM pg_stat_activity WHERE pid = $1)", holder));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = $1", holder));

        // And the next lease reuses it.
        await using var again = await _siloA.AcquireAsync(Company, Guard);
        Assert.Equal(holder, await HolderAsync(Company));
        Assert.Empty(Log.Entries);
    }

    [Fact]
    public async Task A_release_that_fails_closes_its_connection_so_the_lock_goes_with_the_session()
    {
        // An unlock refused by the server leaves the connection healthy: exactly the one Npgsql would pool again.
        var role = await NewRoleAsync();
        await ExecuteAsync("REVOKE EXECUTE ON FUNCTION pg_catalog.pg_advisory_unlock(bigint) FROM PUBLIC");
        var asRole = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = role.Name, Password = role.Password }.ConnectionString;
        await using var lease = NewLease(asRole);

        var held = await lease.AcquireAsync(Company, Guard);
        var holder = await HolderAsync(Company);
        await held.DisposeAsync();
        Assert.IsType<PostgresException>(Log.Entries.Single(e => e.EventId == ReleaseFailed).Exception);

        await using var next = await _siloB.AcquireAsync(Company, Guard);
        Assert.False(await ScalarAsync<bool>("SELECT EXISTS (SELECT FROM pg_stat_activity WHERE pid = $1)", holder));
    }

    [Fact]
    public async Task A_cancelled_acquire_gives_its_connection_back_without_a_lock()
    {
        var first = await _siloA.AcquireAsync(Company, Guard);
        using var cancel = new CancellationTokenSource();
        var second = _siloB.AcquireAsync(Company, cancel.Token).AsTask();
        await UntilWaitingAsync(Company, 1);
        var waiter = await ScalarAsync<int>(LocksOf("pid", granted: false), LockKey(Company).High, LockKey(Company).Low);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = $1", waiter));
        await first.DisposeAsync();
        await AssertFreeAsync(Company);
    }

    [Fact]
    public async Task Keepalive_settings_reach_both_ends_of_a_lease_connection()
    {
        var options = new ErpCallLeaseOptions { KeepAliveIdle = TimeSpan.FromSeconds(7), KeepAliveInterval = TimeSpan.FromSeconds(2), KeepAliveCount = 4 };
        await using var dataSource = PostgresErpCallLease.CreateDataSource(_database.ConnectionString + ";Options=-c work_mem=8MB", options);
        await using var connection = await dataSource.OpenConnectionAsync(Guard);
        await using var command = new NpgsqlCommand(
            "SELECT name, setting FROM pg_settings WHERE name IN ('tcp_keepalives_idle', 'tcp_keepalives_interval', 'tcp_keepalives_count', 'tcp_user_timeout', 'client_connection_check_interval', 'application_name', 'work_mem') ORDER BY name",
            connection);
        var settings = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync(Guard))
        {
            while (await reader.ReadAsync(Guard))
            {
                settings[reader.GetString(0)] = reader.GetString(1);
            }
        }

        Assert.Equal("7", settings["tcp_keepalives_idle"]);
        Assert.Equal("2", settings["tcp_keepalives_interval"]);
        Assert.Equal("4", settings["tcp_keepalives_count"]);
        Assert.Equal("15000", settings["tcp_user_timeout"]); // ms: 7 + 2 * 4 seconds
        Assert.Equal("2000", settings["client_connection_check_interval"]);
        Assert.Equal(PostgresErpCallLease.ApplicationName, settings["application_name"]);
        Assert.Equal("8192", settings["work_mem"]); // the connection string's own options are kept (in kB)
        Assert.Equal(TimeSpan.FromSeconds(15), options.DeadHolderDetection);

        var client = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.True(client.TcpKeepAlive);
        Assert.Equal(7, client.TcpKeepAliveTime);
        Assert.Equal(2, client.TcpKeepAliveInterval);
        Assert.False(client.Multiplexing);
    }

    protected override async Task UntilWaitingAsync(string erpCompanyKey, int waiters)
    {
        var (high, low) = LockKey(erpCompanyKey);
        await WorkflowSilo.UntilAsync(async () => await ScalarAsync<long>(LocksOf("count(*)", granted: false), high, low) == waiters);
    }

    protected override async Task AssertFreeAsync(string erpCompanyKey)
    {
        var (high, low) = LockKey(erpCompanyKey);
        Assert.Equal(0L, await ScalarAsync<long>(LocksOf("count(*)", granted: null), high, low));
    }

    private PostgresErpCallLease NewLease(string connectionString) =>
        new(connectionString, ServiceId, Microsoft.Extensions.Options.Options.Create(Options), Time, Log.For<PostgresErpCallLease>());

    private async Task<int> HolderAsync(string erpCompanyKey)
    {
        var (high, low) = LockKey(erpCompanyKey);
        return await ScalarAsync<int>(LocksOf("pid", granted: true), high, low);
    }

    /// <summary>A bigint advisory lock shows in pg_locks as its high and low 32 bits (classid, objid), objsubid 1.</summary>
    private static (long High, long Low) LockKey(string erpCompanyKey)
    {
        var key = ErpCallLeaseKey.ForAdvisoryLock(ServiceId, erpCompanyKey);
        return ((long)(uint)(key >> 32), (long)(uint)key);
    }

    private static string LocksOf(string what, bool? granted) =>
        $"""
        SELECT {what} FROM pg_locks
        WHERE locktype = 'advisory' AND objsubid = 1 AND classid::bigint = $1 AND objid::bigint = $2
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          {(granted is { } g ? (g ? "AND granted" : "AND NOT granted") : "")}
        """;

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _admin.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync(Guard))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Guard);
    }

    private async Task<(string Name, string Password)> NewRoleAsync()
    {
        var role = ($"lease_{Guid.NewGuid():N}", Guid.NewGuid().ToString("N"));
        _roles.Add(role.Item1);
        await ExecuteAsync($"CREATE ROLE \"{role.Item1}\" LOGIN PASSWORD '{role.Item2}'"); // names made here, not input
        return role;
    }
}
