using BudgetActors.Testing;

namespace BudgetActors.Runtime.Tests;

/// <summary>Silos whose state and reminders live in PostgreSQL, several of them on one database.</summary>
public sealed class PostgresSiloTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresDatabase _database = null!;

    public async ValueTask InitializeAsync() =>
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresSiloTests), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_stale_write_from_another_silo_fails_drops_the_activation_and_the_next_call_reloads()
    {
        await using var first = await StartSiloAsync("silo-a");
        await using var second = await StartSiloAsync("silo-b");
        var key = TestSilo.NewKey("contended");
        var onFirst = first.Client.GetGrain<IStateGrain>(key);
        var onSecond = second.Client.GetGrain<IStateGrain>(key);

        await onFirst.SetAsync("Locked");
        Assert.Equal("Locked", await onSecond.GetAsync());
        await onSecond.SetAsync("Pending acceptance");

        await Assert.ThrowsAsync<InconsistentStateException>(() => onFirst.SetAsync("Unlocked"));

        Assert.Equal("Pending acceptance", await onFirst.GetAsync());
        await onFirst.SetAsync("Exporting");
        Assert.Equal(3, EventLog.Of(key).Count(e => e == "activate"));
    }

    [Fact]
    public async Task A_tick_that_came_due_while_every_silo_was_down_is_delivered_once_by_the_next_silo()
    {
        var time = new FakeTimeProvider(TestSilo.Epoch);
        var key = TestSilo.NewKey("outage");
        await using (var before = await StartSiloAsync("silo-a", time))
        {
            await before.Client.GetGrain<IReminderGrain>(key).RegisterAsync("digest", TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        }

        time.Jump(TimeSpan.FromDays(5));
        await using var after = await StartSiloAsync("silo-b", time);

        await EventLog.WaitForAsync(key, "tick digest");
        Assert.Equal(0, await after.Reminders.PollOnceAsync(TestContext.Current.CancellationToken));
        Assert.Single(EventLog.Of(key), e => e == "tick digest");
    }

    [Fact]
    public async Task Silos_polling_one_reminder_table_at_once_deliver_each_tick_once()
    {
        var time = new FakeTimeProvider(TestSilo.Epoch);
        await using var first = await StartSiloAsync("silo-a", time);
        await using var second = await StartSiloAsync("silo-b", time);
        var keys = Enumerable.Range(0, 60).Select(i => TestSilo.NewKey($"poll-{i}")).ToList();
        foreach (var key in keys)
        {
            await first.Client.GetGrain<IReminderGrain>(key).RegisterAsync("digest", TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        }

        time.Jump(TimeSpan.FromMinutes(2));
        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(first.Reminders.PollOnceAsync(ct), second.Reminders.PollOnceAsync(ct), first.Reminders.PollOnceAsync(ct), second.Reminders.PollOnceAsync(ct));
        foreach (var key in keys)
        {
            await EventLog.WaitForAsync(key, "tick digest");
        }

        Assert.Equal(0, await first.Reminders.PollOnceAsync(ct) + await second.Reminders.PollOnceAsync(ct));
        Assert.All(keys, key => Assert.Single(EventLog.Of(key), e => e == "tick digest"));
    }

    private Task<TestSilo> StartSiloAsync(string name, FakeTimeProvider? time = null) =>
        TestSilo.StartAsync(
            silo => silo
                .AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorage, o => o.ConnectionString = _database.ConnectionString)
                .UsePostgresReminders(o => o.ConnectionString = _database.ConnectionString)
                .Configure<SiloOptions>(o => o.SiloName = name),
            time);
}
