namespace BudgetActors.Runtime.Tests;

public sealed class TimerTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await TestSilo.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task Timer_ticks_are_turns_that_never_overlap()
    {
        var key = TestSilo.NewKey("timer");
        var grain = _silo.Client.GetGrain<ITimerGrain>(key);
        var signal = Signals.NewName("tick");
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), signal);

        _silo.Time.Advance(TimeSpan.FromSeconds(10));
        await EventLog.WaitForAsync(key, "tick-start");

        // The first tick is still running: no further tick starts however much time passes.
        _silo.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["tick-start"], EventLog.Of(key));

        // A call waits for the tick, because the tick is a turn.
        var stop = grain.StopTimerAsync();
        Assert.False(stop.IsCompleted);

        Signals.Release(signal);
        await stop;
        _silo.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["tick-start", "tick-end"], EventLog.Of(key));
    }

    [Fact]
    public async Task The_next_period_starts_when_a_tick_completes()
    {
        var key = TestSilo.NewKey("periodic");
        var grain = _silo.Client.GetGrain<ITimerGrain>(key);
        var signal = Signals.NewName("tick");
        Signals.Release(signal);
        await grain.StartTimerAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), signal);

        for (var tick = 1; tick <= 3; tick++)
        {
            _silo.Time.Advance(tick == 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10));
            await EventLog.WaitForAsync(key, "tick-end", tick);
            await grain.NoopAsync(); // the tick's turn is over, so the timer is re-armed
        }

        Assert.Equal(3, EventLog.Of(key).Count(e => e == "tick-start"));
    }
}
