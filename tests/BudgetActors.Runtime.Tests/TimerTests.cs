namespace BudgetActors.Runtime.Tests;

public sealed class TimerTests : SiloTest
{
    [Fact]
    public async Task Timer_ticks_are_turns_that_never_overlap()
    {
        var key = TestSilo.NewKey("timer");
        var grain = Silo.Client.GetGrain<ITimerGrain>(key);
        var signal = Signals.NewName("tick");
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), signal);

        Silo.Time.Advance(TimeSpan.FromSeconds(10));
        await EventLog.WaitForAsync(key, "tick-start");

        // The first tick is still running: no further tick starts however much time passes.
        Silo.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["tick-start"], EventLog.Of(key));

        // A call waits for the tick, because the tick is a turn.
        var stop = grain.StopTimerAsync();
        Assert.False(stop.IsCompleted);

        Signals.Release(signal);
        await stop;
        Silo.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["tick-start", "tick-end"], EventLog.Of(key));
    }

    [Fact]
    public async Task The_next_period_starts_when_a_tick_completes()
    {
        var key = TestSilo.NewKey("periodic");
        var grain = Silo.Client.GetGrain<ITimerGrain>(key);
        var signal = Signals.NewName("tick");
        Signals.Release(signal);
        await grain.StartTimerAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), signal);

        for (var tick = 1; tick <= 3; tick++)
        {
            Silo.Time.Advance(tick == 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10));
            await EventLog.WaitForAsync(key, "tick-end", tick);
            await grain.NoopAsync(); // the tick's turn is over, so the timer is re-armed
        }

        Assert.Equal(3, EventLog.Of(key).Count(e => e == "tick-start"));
    }
}
