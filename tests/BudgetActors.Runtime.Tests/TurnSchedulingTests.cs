namespace BudgetActors.Runtime.Tests;

public sealed class TurnSchedulingTests : SiloTest
{
    [Fact]
    public async Task A_grain_runs_one_call_at_a_time_across_awaits()
    {
        var key = TestSilo.NewKey("turns");
        var grain = Silo.Client.GetGrain<ITurnGrain>(key);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => grain.RecordAsync(i))));

        var log = EventLog.Of(key);
        Assert.Equal(100, log.Count);
        for (var i = 0; i < log.Count; i += 2)
        {
            Assert.StartsWith("enter ", log[i]);
            Assert.Equal(log[i].Replace("enter", "exit", StringComparison.Ordinal), log[i + 1]);
        }

        Assert.Equal(0, await grain.OverlapsAsync());
    }

    [Fact]
    public async Task A_call_waits_while_another_is_suspended_at_an_await()
    {
        var key = TestSilo.NewKey("waits");
        var grain = Silo.Client.GetGrain<ITurnGrain>(key);
        var signal = Signals.NewName("release");

        var first = grain.WaitForSignalAsync(signal);
        await EventLog.WaitForAsync(key, "wait");
        var second = grain.RecordAsync(1);

        // PingAsync interleaves; had the second call been admitted it would have started before this answer.
        Assert.Equal("pong", await grain.PingAsync());
        Assert.DoesNotContain("enter 1", EventLog.Of(key));
        Assert.False(second.IsCompleted);

        Signals.Release(signal);
        await Task.WhenAll(first, second);
        Assert.Equal(["wait", "done", "enter 1", "exit 1"], EventLog.Of(key));
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_calls_but_its_code_never_runs_on_two_threads()
    {
        var key = TestSilo.NewKey("reentrant");
        var grain = Silo.Client.GetGrain<IReentrantTurnGrain>(key);
        var signal = Signals.NewName("release");

        var calls = Enumerable.Range(0, 20).Select(i => grain.HoldAsync(signal)).ToList();
        await EventLog.WaitForAsync(key, "enter", 20); // all twenty are inside at once: they interleaved
        Signals.Release(signal);
        await Task.WhenAll(calls);

        Assert.Equal(20, EventLog.Of(key).Count(e => e == "exit"));
        Assert.Equal(0, await grain.OverlapsAsync());
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_not_with_a_writer()
    {
        var key = TestSilo.NewKey("readonly");
        var grain = Silo.Client.GetGrain<ITurnGrain>(key);
        var signal = Signals.NewName("release");

        var readers = new[] { grain.ReadWhileWaitingAsync(signal), grain.ReadWhileWaitingAsync(signal) };
        await EventLog.WaitForAsync(key, "ro-enter", 2);
        var writer = grain.RecordAsync(7);
        Assert.Equal("pong", await grain.PingAsync());
        Assert.DoesNotContain("enter 7", EventLog.Of(key));

        Signals.Release(signal);
        await Task.WhenAll([.. readers, writer]);
        Assert.Equal(["ro-enter", "ro-enter", "ro-exit", "ro-exit", "enter 7", "exit 7"], EventLog.Of(key));
    }

    [Fact]
    public async Task A_read_only_call_waits_for_a_running_writer()
    {
        var key = TestSilo.NewKey("writer-first");
        var grain = Silo.Client.GetGrain<ITurnGrain>(key);
        var signal = Signals.NewName("release");

        var writer = grain.WaitForSignalAsync(signal);
        await EventLog.WaitForAsync(key, "wait");
        var reader = grain.ReadWhileWaitingAsync(signal);
        Assert.Equal("pong", await grain.PingAsync());
        Assert.DoesNotContain("ro-enter", EventLog.Of(key));

        Signals.Release(signal);
        await Task.WhenAll(writer, reader);
        Assert.Equal(["wait", "done", "ro-enter", "ro-exit"], EventLog.Of(key));
    }

    [Fact]
    public async Task An_exception_reaches_the_caller_with_its_type_and_message_and_the_grain_stays_usable()
    {
        var grain = Silo.Client.GetGrain<ITurnGrain>(TestSilo.NewKey("throws"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("the ERP said no"));

        Assert.Equal("the ERP said no", error.Message);
        Assert.Equal("pong", await grain.PingAsync());
    }

    [Fact]
    public async Task Call_statistics_count_calls_failures_and_latency_per_method()
    {
        var grain = Silo.Client.GetGrain<ITurnGrain>(TestSilo.NewKey("stats"));
        for (var i = 0; i < 10; i++)
        {
            await grain.PingAsync();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("x"));

        var stats = Silo.Runtime.Statistics.Snapshot();
        var ping = Assert.Single(stats, s => s.GrainInterface == nameof(ITurnGrain) && s.Method == nameof(ITurnGrain.PingAsync));
        var throws = Assert.Single(stats, s => s.Method == nameof(ITurnGrain.ThrowAsync));
        Assert.Equal((10, 0), (ping.Calls, ping.Failures));
        Assert.Equal((1, 1), (throws.Calls, throws.Failures));
        Assert.True(ping.P99 >= ping.P50);
        Assert.Equal(1, Silo.Runtime.ActivationCountsByType()["turn"]);
    }
}
