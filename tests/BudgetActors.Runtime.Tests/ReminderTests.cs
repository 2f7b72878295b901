using BudgetActors.Testing;

namespace BudgetActors.Runtime.Tests;

public sealed class ReminderTests : SiloTest
{
    private static readonly TimeSpan s_minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_reminder_ticks_every_period()
    {
        var key = TestSilo.NewKey("digest");
        await Silo.Client.GetGrain<IReminderGrain>(key).RegisterAsync("digest", s_minute, s_minute);

        for (var tick = 1; tick <= 3; tick++)
        {
            Silo.Time.Advance(s_minute);
            await EventLog.WaitForAsync(key, "tick digest", tick);
        }

        Assert.Equal(0, await Silo.Reminders.PollOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, EventLog.Of(key).Count(e => e == "tick digest"));
    }

    [Fact]
    public async Task Ticks_missed_while_the_silo_was_suspended_arrive_once_not_once_per_period()
    {
        var key = TestSilo.NewKey("catch-up");
        await Silo.Client.GetGrain<IReminderGrain>(key).RegisterAsync("digest", s_minute, s_minute);

        Silo.Time.Jump(TimeSpan.FromMinutes(10));
        await EventLog.WaitForAsync(key, "tick digest");

        Assert.Equal(0, await Silo.Reminders.PollOnceAsync(TestContext.Current.CancellationToken));
        Assert.Single(EventLog.Of(key), e => e == "tick digest");

        // Back on schedule: the next tick is the next whole period after the catch-up.
        Silo.Time.Advance(s_minute);
        await EventLog.WaitForAsync(key, "tick digest", 2);
    }

    [Fact]
    public async Task A_tick_that_came_due_while_the_silo_was_down_is_delivered_when_a_silo_is_back()
    {
        var table = new MemoryReminderTable();
        var time = new FakeTimeProvider(TestSilo.Epoch);
        var key = TestSilo.NewKey("outage");
        await using (var before = await TestSilo.StartAsync(s => s.AddReminderTable(table), time))
        {
            await before.Client.GetGrain<IReminderGrain>(key).RegisterAsync("digest", s_minute, TimeSpan.FromHours(24));
            await before.StopAsync();
        }

        time.Advance(TimeSpan.FromDays(3));
        await using var after = await TestSilo.StartAsync(s => s.AddReminderTable(table), time);

        await EventLog.WaitForAsync(key, "tick digest");
        Assert.Equal(0, await after.Reminders.PollOnceAsync(TestContext.Current.CancellationToken));
        Assert.Single(EventLog.Of(key), e => e == "tick digest");
    }

    [Fact]
    public async Task A_reminder_activates_its_grain_when_it_is_not_active()
    {
        var key = TestSilo.NewKey("sleeping");
        await Silo.Client.GetGrain<IReminderGrain>(key).RegisterAsync("wake", TimeSpan.FromMinutes(30), TimeSpan.FromHours(1));

        Silo.Time.Advance(TimeSpan.FromMinutes(16)); // idle collection deactivates the grain
        Silo.Time.Advance(TimeSpan.FromMinutes(15));
        await EventLog.WaitForAsync(key, "tick wake");

        Assert.Equal(["activate", "activate", "tick wake"], EventLog.Of(key));
    }

    [Fact]
    public async Task An_unregistered_reminder_stops_ticking_and_is_no_longer_listed()
    {
        var key = TestSilo.NewKey("stop");
        var grain = Silo.Client.GetGrain<IReminderGrain>(key);
        await grain.RegisterAsync("a", s_minute, s_minute);
        await grain.RegisterAsync("b", s_minute, s_minute);
        Assert.Equal(["a", "b"], await grain.ListAsync());

        await grain.UnregisterAsync("a");
        Silo.Time.Advance(s_minute);
        await EventLog.WaitForAsync(key, "tick b");

        Assert.Equal(0, await Silo.Reminders.PollOnceAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("tick a", EventLog.Of(key));
        Assert.Equal(["b"], await grain.ListAsync());
    }
}
